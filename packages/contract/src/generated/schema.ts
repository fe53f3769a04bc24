// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This specification as YAML */
        get: operations["getOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This specification as JSON */
        get: operations["getOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Human-readable API reference
         * @description An HTML page rendering this specification; works offline (assets are served by the server).
         */
        get: operations["getApiReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/assets/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Static asset of the API reference page */
        get: operations["getApiReferenceAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project, or update the one with the same slug
         * @description The slug is normalised (trimmed, lower-cased, runs of characters other than `a-z 0-9 - _`
         *     collapsed to `_`, leading and trailing `_` removed). Without a slug it is derived from
         *     the name. When a project with that slug exists, its name (and description, when given)
         *     are updated; a slug owned by another user is a 409.
         */
        post: operations["upsertProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** One project with its record counts and storage */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/storage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** A project's storage configuration */
        get: operations["getProjectStorage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/storage/local": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Set where a project's files live on this machine
         * @description Give `base_dir`, `project_root` or both. A blank `project_root` returns it to its default
         *     (`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths resolve against the
         *     server's app root; no path may contain a `..` segment or a NUL byte, and the filesystem
         *     root is refused. An absolute path is honoured as the owner's explicit choice.
         */
        put: operations["updateProjectLocalStorage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/storage/s3": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Configure optional S3 sync for a project
         * @description Any subset of the S3 fields; fields not given keep their value, blank or null clears one
         *     (a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`.
         */
        put: operations["updateProjectS3Storage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The one shape of every failure. */
        ErrorEnvelope: {
            /** @constant */
            ok: false;
            /** @description A human-readable message. */
            error: string;
            error_kind: components["schemas"]["ErrorKind"];
            /** @description A stable snake_case code, such as `not_found` or `validation_error`. */
            error_code: string;
            /** @description Optional machine-readable detail, such as the offending field. */
            details?: unknown;
        };
        /** @enum {string} */
        ErrorKind: "validation" | "policy" | "provider" | "infra" | "unknown";
        /**
         * Format: date-time
         * @description ISO-8601 UTC.
         */
        Timestamp: string;
        HealthResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            status: "ok";
            /** @constant */
            service: "kroma-backend-core";
            /** @description The server's version. */
            version: string;
            /** @description When this server process started (Unix epoch milliseconds). */
            started_unix_ms: number;
            /** @description Number of operations the server mounts. */
            route_count: number;
        };
        Project: {
            id: string;
            slug: string;
            name: string;
            description: string;
            /** @enum {string} */
            status: "active" | "archived";
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description A project as listed, with its owner's username. */
        ProjectSummary: {
            id: string;
            slug: string;
            name: string;
            description: string;
            /** @enum {string} */
            status: "active" | "archived";
            username: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ProjectCounts: {
            runs: number;
            jobs: number;
            assets: number;
        };
        LocalStorage: {
            /** @description Directory under which project roots are created by default. */
            base_dir: string;
            /** @description The resolved absolute directory holding this project's files. */
            project_root: string;
        };
        S3Storage: {
            enabled: boolean;
            /** @description Empty when unset. */
            bucket: string;
            /** @description Key prefix; objects live under `<prefix>/<slug>/`. */
            prefix: string;
            /** @description Empty when unset. */
            region: string;
            /** @description AWS profile name; empty when unset. */
            profile: string;
            /** @description For S3-compatible servers; empty when unset. */
            endpoint_url: string;
        };
        ProjectStorage: {
            local: components["schemas"]["LocalStorage"];
            s3: components["schemas"]["S3Storage"];
        };
        ProjectListResponse: {
            /** @constant */
            ok: true;
            count: number;
            projects: components["schemas"]["ProjectSummary"][];
        };
        ProjectWithStorageResponse: {
            /** @constant */
            ok: true;
            project: components["schemas"]["Project"];
            storage: components["schemas"]["ProjectStorage"];
        };
        ProjectDetailResponse: {
            /** @constant */
            ok: true;
            project: components["schemas"]["Project"];
            counts: components["schemas"]["ProjectCounts"];
            storage: components["schemas"]["ProjectStorage"];
        };
        ProjectStorageResponse: {
            /** @constant */
            ok: true;
            project: components["schemas"]["Project"];
            storage: components["schemas"]["ProjectStorage"];
        };
        ProjectStorageUpdateResponse: {
            /** @constant */
            ok: true;
            project: components["schemas"]["Project"];
            storage: components["schemas"]["ProjectStorage"];
            /**
             * @description Which part of the storage configuration this request changed.
             * @enum {string}
             */
            updated: "local" | "s3";
        };
        UpsertProjectRequest: {
            /** @description Display name; required and not blank. */
            name: string;
            /** @description URL-safe identifier; derived from the name when omitted or blank. */
            slug?: string;
            description?: string;
            /** @description Owner's username; the local user `local` when omitted. */
            username?: string;
            user_display_name?: string;
        };
        UpdateLocalStorageRequest: {
            base_dir?: string | null;
            project_root?: string | null;
        };
        UpdateS3StorageRequest: {
            enabled?: boolean;
            bucket?: string | null;
            prefix?: string | null;
            region?: string | null;
            profile?: string | null;
            endpoint_url?: string | null;
        };
    };
    responses: {
        /** @description The request is invalid (`error_kind` "validation"). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No such route or record (`error_code` "not_found"). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request conflicts with stored state (`error_code` "conflict"). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A server fault; the message is sanitised. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description The project's slug. */
        ProjectSlug: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document, exactly as maintained in the repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document as JSON. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getApiReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API reference page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getApiReferenceAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: "swagger-ui.css" | "swagger-ui-bundle.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                    "text/javascript": string;
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Only projects owned by this user (normalised like a slug). */
                username?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All projects, most recently updated first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectListResponse"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    upsertProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpsertProjectRequest"];
            };
        };
        responses: {
            /** @description The project, created or updated (the seed answered both with 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectWithStorageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProjectStorage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The storage configuration, with the resolved absolute project root. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectStorageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateProjectLocalStorage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLocalStorageRequest"];
            };
        };
        responses: {
            /** @description The updated storage configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectStorageUpdateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    updateProjectS3Storage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateS3StorageRequest"];
            };
        };
        responses: {
            /** @description The updated storage configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectStorageUpdateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
}
