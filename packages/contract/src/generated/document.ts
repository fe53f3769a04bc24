// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.

import type { OpenApiDocument } from "../document-types.js";

/** The spec as maintained in the repository, served verbatim at GET /openapi.yaml. */
export const openapiYaml: string = "openapi: 3.1.0\ninfo:\n  title: Kroma backend API\n  version: 0.1.0\n  summary: Projects, project-scoped storage, runs and assets for prompt-driven image workflows.\n  description: |\n    The contract of the Kroma backend. Every route the server mounts is defined here first;\n    types, validators, the server's typed router and the SDK are generated or derived from\n    this file, and a parity test fails the build when the server and this file drift apart.\n\n    Every success body carries `\"ok\": true` beside named keys. Every failure is the one\n    error envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\", \"details\"? }`.\n  license:\n    name: GPL-3.0-only\n    identifier: GPL-3.0-only\nservers:\n  - url: http://127.0.0.1:8788\n    description: Local server (default bind address)\ntags:\n  - name: system\n    description: Health and the API's own description.\n  - name: projects\n    description: Projects and their storage configuration.\n\npaths:\n  /health:\n    get:\n      operationId: getHealth\n      tags: [system]\n      summary: Liveness check\n      responses:\n        \"200\":\n          description: The server is up.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/HealthResponse\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /openapi.yaml:\n    get:\n      operationId: getOpenApiYaml\n      tags: [system]\n      summary: This specification as YAML\n      responses:\n        \"200\":\n          description: The OpenAPI document, exactly as maintained in the repository.\n          content:\n            application/yaml:\n              schema: { type: string }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /openapi.json:\n    get:\n      operationId: getOpenApiJson\n      tags: [system]\n      summary: This specification as JSON\n      responses:\n        \"200\":\n          description: The OpenAPI document as JSON.\n          content:\n            application/json:\n              schema: { type: object, additionalProperties: true }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /docs:\n    get:\n      operationId: getApiReference\n      tags: [system]\n      summary: Human-readable API reference\n      description: An HTML page rendering this specification; works offline (assets are served by the server).\n      responses:\n        \"200\":\n          description: The API reference page.\n          content:\n            text/html:\n              schema: { type: string }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /docs/assets/{asset}:\n    get:\n      operationId: getApiReferenceAsset\n      tags: [system]\n      summary: Static asset of the API reference page\n      parameters:\n        - name: asset\n          in: path\n          required: true\n          schema:\n            type: string\n            enum: [swagger-ui.css, swagger-ui-bundle.js]\n      responses:\n        \"200\":\n          description: The asset.\n          content:\n            text/css:\n              schema: { type: string }\n            text/javascript:\n              schema: { type: string }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects:\n    get:\n      operationId: listProjects\n      tags: [projects]\n      summary: List projects\n      parameters:\n        - name: username\n          in: query\n          required: false\n          description: Only projects owned by this user (normalised like a slug).\n          schema: { type: string, maxLength: 200 }\n      responses:\n        \"200\":\n          description: All projects, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectListResponse\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: upsertProject\n      tags: [projects]\n      summary: Create a project, or update the one with the same slug\n      description: |\n        The slug is normalised (trimmed, lower-cased, runs of characters other than `a-z 0-9 - _`\n        collapsed to `_`, leading and trailing `_` removed). Without a slug it is derived from\n        the name. When a project with that slug exists, its name (and description, when given)\n        are updated; a slug owned by another user is a 409.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpsertProjectRequest\" }\n      responses:\n        \"200\":\n          description: The project, created or updated (the seed answered both with 200).\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectWithStorageResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProject\n      tags: [projects]\n      summary: One project with its record counts and storage\n      responses:\n        \"200\":\n          description: The project.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectDetailResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProjectStorage\n      tags: [projects]\n      summary: A project's storage configuration\n      responses:\n        \"200\":\n          description: The storage configuration, with the resolved absolute project root.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage/local:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectLocalStorage\n      tags: [projects]\n      summary: Set where a project's files live on this machine\n      description: |\n        Give `base_dir`, `project_root` or both. A blank `project_root` returns it to its default\n        (`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths resolve against the\n        server's app root; no path may contain a `..` segment or a NUL byte, and the filesystem\n        root is refused. An absolute path is honoured as the owner's explicit choice.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateLocalStorageRequest\" }\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageUpdateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage/s3:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectS3Storage\n      tags: [projects]\n      summary: Configure optional S3 sync for a project\n      description: |\n        Any subset of the S3 fields; fields not given keep their value, blank or null clears one\n        (a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateS3StorageRequest\" }\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageUpdateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\ncomponents:\n  parameters:\n    ProjectSlug:\n      name: slug\n      in: path\n      required: true\n      description: The project's slug.\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 200\n\n  responses:\n    BadRequest:\n      description: The request is invalid (`error_kind` \"validation\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    NotFound:\n      description: No such route or record (`error_code` \"not_found\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    Conflict:\n      description: The request conflicts with stored state (`error_code` \"conflict\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    PayloadTooLarge:\n      description: The request body is larger than the server accepts.\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    InternalError:\n      description: A server fault; the message is sanitised.\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n\n  schemas:\n    ErrorEnvelope:\n      type: object\n      description: The one shape of every failure.\n      required: [ok, error, error_kind, error_code]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: false }\n        error: { type: string, description: A human-readable message. }\n        error_kind: { $ref: \"#/components/schemas/ErrorKind\" }\n        error_code:\n          type: string\n          pattern: \"^[a-z][a-z0-9_]*$\"\n          description: A stable snake_case code, such as `not_found` or `validation_error`.\n        details:\n          description: Optional machine-readable detail, such as the offending field.\n\n    ErrorKind:\n      type: string\n      enum: [validation, policy, provider, infra, unknown]\n\n    Timestamp:\n      type: string\n      format: date-time\n      description: ISO-8601 UTC.\n\n    HealthResponse:\n      type: object\n      required: [ok, status, service, version, started_unix_ms, route_count]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        status: { type: string, const: ok }\n        service: { type: string, const: kroma-backend-core }\n        version: { type: string, description: The server's version. }\n        started_unix_ms: { type: integer, description: When this server process started (Unix epoch milliseconds). }\n        route_count: { type: integer, minimum: 0, description: Number of operations the server mounts. }\n\n    Project:\n      type: object\n      required: [id, slug, name, description, status, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        slug: { type: string }\n        name: { type: string }\n        description: { type: string }\n        status: { type: string, enum: [active, archived] }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ProjectSummary:\n      type: object\n      description: A project as listed, with its owner's username.\n      required: [id, slug, name, description, status, username, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        slug: { type: string }\n        name: { type: string }\n        description: { type: string }\n        status: { type: string, enum: [active, archived] }\n        username: { type: string }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ProjectCounts:\n      type: object\n      required: [runs, jobs, assets]\n      additionalProperties: false\n      properties:\n        runs: { type: integer, minimum: 0 }\n        jobs: { type: integer, minimum: 0 }\n        assets: { type: integer, minimum: 0 }\n\n    LocalStorage:\n      type: object\n      required: [base_dir, project_root]\n      additionalProperties: false\n      properties:\n        base_dir:\n          type: string\n          description: Directory under which project roots are created by default.\n        project_root:\n          type: string\n          description: The resolved absolute directory holding this project's files.\n\n    S3Storage:\n      type: object\n      required: [enabled, bucket, prefix, region, profile, endpoint_url]\n      additionalProperties: false\n      properties:\n        enabled: { type: boolean }\n        bucket: { type: string, description: Empty when unset. }\n        prefix: { type: string, description: \"Key prefix; objects live under `<prefix>/<slug>/`.\" }\n        region: { type: string, description: Empty when unset. }\n        profile: { type: string, description: AWS profile name; empty when unset. }\n        endpoint_url: { type: string, description: For S3-compatible servers; empty when unset. }\n\n    ProjectStorage:\n      type: object\n      required: [local, s3]\n      additionalProperties: false\n      properties:\n        local: { $ref: \"#/components/schemas/LocalStorage\" }\n        s3: { $ref: \"#/components/schemas/S3Storage\" }\n\n    ProjectListResponse:\n      type: object\n      required: [ok, count, projects]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        projects:\n          type: array\n          items: { $ref: \"#/components/schemas/ProjectSummary\" }\n\n    ProjectWithStorageResponse:\n      type: object\n      required: [ok, project, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectDetailResponse:\n      type: object\n      required: [ok, project, counts, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        counts: { $ref: \"#/components/schemas/ProjectCounts\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectStorageResponse:\n      type: object\n      required: [ok, project, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectStorageUpdateResponse:\n      type: object\n      required: [ok, project, storage, updated]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n        updated:\n          type: string\n          enum: [local, s3]\n          description: Which part of the storage configuration this request changed.\n\n    UpsertProjectRequest:\n      type: object\n      required: [name]\n      properties:\n        name:\n          type: string\n          maxLength: 200\n          description: Display name; required and not blank.\n        slug:\n          type: string\n          maxLength: 200\n          description: URL-safe identifier; derived from the name when omitted or blank.\n        description: { type: string, maxLength: 10000 }\n        username:\n          type: string\n          maxLength: 200\n          description: Owner's username; the local user `local` when omitted.\n        user_display_name: { type: string, maxLength: 200 }\n\n    UpdateLocalStorageRequest:\n      type: object\n      properties:\n        base_dir: { type: [string, \"null\"], maxLength: 4096 }\n        project_root: { type: [string, \"null\"], maxLength: 4096 }\n\n    UpdateS3StorageRequest:\n      type: object\n      properties:\n        enabled: { type: boolean }\n        bucket: { type: [string, \"null\"], maxLength: 255 }\n        prefix: { type: [string, \"null\"], maxLength: 1024 }\n        region: { type: [string, \"null\"], maxLength: 64 }\n        profile: { type: [string, \"null\"], maxLength: 200 }\n        endpoint_url: { type: [string, \"null\"], maxLength: 2048 }\n";

/** The parsed spec. */
export const openapiDocument: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Kroma backend API",
    "version": "0.1.0",
    "summary": "Projects, project-scoped storage, runs and assets for prompt-driven image workflows.",
    "description": "The contract of the Kroma backend. Every route the server mounts is defined here first;\ntypes, validators, the server's typed router and the SDK are generated or derived from\nthis file, and a parity test fails the build when the server and this file drift apart.\n\nEvery success body carries `\"ok\": true` beside named keys. Every failure is the one\nerror envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\", \"details\"? }`.\n",
    "license": {
      "name": "GPL-3.0-only",
      "identifier": "GPL-3.0-only"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8788",
      "description": "Local server (default bind address)"
    }
  ],
  "tags": [
    {
      "name": "system",
      "description": "Health and the API's own description."
    },
    {
      "name": "projects",
      "description": "Projects and their storage configuration."
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "getHealth",
        "tags": [
          "system"
        ],
        "summary": "Liveness check",
        "responses": {
          "200": {
            "description": "The server is up.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HealthResponse"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/openapi.yaml": {
      "get": {
        "operationId": "getOpenApiYaml",
        "tags": [
          "system"
        ],
        "summary": "This specification as YAML",
        "responses": {
          "200": {
            "description": "The OpenAPI document, exactly as maintained in the repository.",
            "content": {
              "application/yaml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenApiJson",
        "tags": [
          "system"
        ],
        "summary": "This specification as JSON",
        "responses": {
          "200": {
            "description": "The OpenAPI document as JSON.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": true
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/docs": {
      "get": {
        "operationId": "getApiReference",
        "tags": [
          "system"
        ],
        "summary": "Human-readable API reference",
        "description": "An HTML page rendering this specification; works offline (assets are served by the server).",
        "responses": {
          "200": {
            "description": "The API reference page.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/docs/assets/{asset}": {
      "get": {
        "operationId": "getApiReferenceAsset",
        "tags": [
          "system"
        ],
        "summary": "Static asset of the API reference page",
        "parameters": [
          {
            "name": "asset",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "swagger-ui.css",
                "swagger-ui-bundle.js"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The asset.",
            "content": {
              "text/css": {
                "schema": {
                  "type": "string"
                }
              },
              "text/javascript": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects": {
      "get": {
        "operationId": "listProjects",
        "tags": [
          "projects"
        ],
        "summary": "List projects",
        "parameters": [
          {
            "name": "username",
            "in": "query",
            "required": false,
            "description": "Only projects owned by this user (normalised like a slug).",
            "schema": {
              "type": "string",
              "maxLength": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "All projects, most recently updated first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectListResponse"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "upsertProject",
        "tags": [
          "projects"
        ],
        "summary": "Create a project, or update the one with the same slug",
        "description": "The slug is normalised (trimmed, lower-cased, runs of characters other than `a-z 0-9 - _`\ncollapsed to `_`, leading and trailing `_` removed). Without a slug it is derived from\nthe name. When a project with that slug exists, its name (and description, when given)\nare updated; a slug owned by another user is a 409.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpsertProjectRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The project, created or updated (the seed answered both with 200).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectWithStorageResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getProject",
        "tags": [
          "projects"
        ],
        "summary": "One project with its record counts and storage",
        "responses": {
          "200": {
            "description": "The project.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectDetailResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/storage": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getProjectStorage",
        "tags": [
          "projects"
        ],
        "summary": "A project's storage configuration",
        "responses": {
          "200": {
            "description": "The storage configuration, with the resolved absolute project root.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectStorageResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/storage/local": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "put": {
        "operationId": "updateProjectLocalStorage",
        "tags": [
          "projects"
        ],
        "summary": "Set where a project's files live on this machine",
        "description": "Give `base_dir`, `project_root` or both. A blank `project_root` returns it to its default\n(`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths resolve against the\nserver's app root; no path may contain a `..` segment or a NUL byte, and the filesystem\nroot is refused. An absolute path is honoured as the owner's explicit choice.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateLocalStorageRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated storage configuration.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectStorageUpdateResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/storage/s3": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "put": {
        "operationId": "updateProjectS3Storage",
        "tags": [
          "projects"
        ],
        "summary": "Configure optional S3 sync for a project",
        "description": "Any subset of the S3 fields; fields not given keep their value, blank or null clears one\n(a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateS3StorageRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated storage configuration.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectStorageUpdateResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "ProjectSlug": {
        "name": "slug",
        "in": "path",
        "required": true,
        "description": "The project's slug.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is invalid (`error_kind` \"validation\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such route or record (`error_code` \"not_found\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "Conflict": {
        "description": "The request conflicts with stored state (`error_code` \"conflict\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The request body is larger than the server accepts.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "InternalError": {
        "description": "A server fault; the message is sanitised.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      }
    },
    "schemas": {
      "ErrorEnvelope": {
        "type": "object",
        "description": "The one shape of every failure.",
        "required": [
          "ok",
          "error",
          "error_kind",
          "error_code"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": false
          },
          "error": {
            "type": "string",
            "description": "A human-readable message."
          },
          "error_kind": {
            "$ref": "#/components/schemas/ErrorKind"
          },
          "error_code": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9_]*$",
            "description": "A stable snake_case code, such as `not_found` or `validation_error`."
          },
          "details": {
            "description": "Optional machine-readable detail, such as the offending field."
          }
        }
      },
      "ErrorKind": {
        "type": "string",
        "enum": [
          "validation",
          "policy",
          "provider",
          "infra",
          "unknown"
        ]
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "ISO-8601 UTC."
      },
      "HealthResponse": {
        "type": "object",
        "required": [
          "ok",
          "status",
          "service",
          "version",
          "started_unix_ms",
          "route_count"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "status": {
            "type": "string",
            "const": "ok"
          },
          "service": {
            "type": "string",
            "const": "kroma-backend-core"
          },
          "version": {
            "type": "string",
            "description": "The server's version."
          },
          "started_unix_ms": {
            "type": "integer",
            "description": "When this server process started (Unix epoch milliseconds)."
          },
          "route_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Number of operations the server mounts."
          }
        }
      },
      "Project": {
        "type": "object",
        "required": [
          "id",
          "slug",
          "name",
          "description",
          "status",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "slug": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ProjectSummary": {
        "type": "object",
        "description": "A project as listed, with its owner's username.",
        "required": [
          "id",
          "slug",
          "name",
          "description",
          "status",
          "username",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "slug": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "username": {
            "type": "string"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ProjectCounts": {
        "type": "object",
        "required": [
          "runs",
          "jobs",
          "assets"
        ],
        "additionalProperties": false,
        "properties": {
          "runs": {
            "type": "integer",
            "minimum": 0
          },
          "jobs": {
            "type": "integer",
            "minimum": 0
          },
          "assets": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "LocalStorage": {
        "type": "object",
        "required": [
          "base_dir",
          "project_root"
        ],
        "additionalProperties": false,
        "properties": {
          "base_dir": {
            "type": "string",
            "description": "Directory under which project roots are created by default."
          },
          "project_root": {
            "type": "string",
            "description": "The resolved absolute directory holding this project's files."
          }
        }
      },
      "S3Storage": {
        "type": "object",
        "required": [
          "enabled",
          "bucket",
          "prefix",
          "region",
          "profile",
          "endpoint_url"
        ],
        "additionalProperties": false,
        "properties": {
          "enabled": {
            "type": "boolean"
          },
          "bucket": {
            "type": "string",
            "description": "Empty when unset."
          },
          "prefix": {
            "type": "string",
            "description": "Key prefix; objects live under `<prefix>/<slug>/`."
          },
          "region": {
            "type": "string",
            "description": "Empty when unset."
          },
          "profile": {
            "type": "string",
            "description": "AWS profile name; empty when unset."
          },
          "endpoint_url": {
            "type": "string",
            "description": "For S3-compatible servers; empty when unset."
          }
        }
      },
      "ProjectStorage": {
        "type": "object",
        "required": [
          "local",
          "s3"
        ],
        "additionalProperties": false,
        "properties": {
          "local": {
            "$ref": "#/components/schemas/LocalStorage"
          },
          "s3": {
            "$ref": "#/components/schemas/S3Storage"
          }
        }
      },
      "ProjectListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "projects"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "projects": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProjectSummary"
            }
          }
        }
      },
      "ProjectWithStorageResponse": {
        "type": "object",
        "required": [
          "ok",
          "project",
          "storage"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "project": {
            "$ref": "#/components/schemas/Project"
          },
          "storage": {
            "$ref": "#/components/schemas/ProjectStorage"
          }
        }
      },
      "ProjectDetailResponse": {
        "type": "object",
        "required": [
          "ok",
          "project",
          "counts",
          "storage"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "project": {
            "$ref": "#/components/schemas/Project"
          },
          "counts": {
            "$ref": "#/components/schemas/ProjectCounts"
          },
          "storage": {
            "$ref": "#/components/schemas/ProjectStorage"
          }
        }
      },
      "ProjectStorageResponse": {
        "type": "object",
        "required": [
          "ok",
          "project",
          "storage"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "project": {
            "$ref": "#/components/schemas/Project"
          },
          "storage": {
            "$ref": "#/components/schemas/ProjectStorage"
          }
        }
      },
      "ProjectStorageUpdateResponse": {
        "type": "object",
        "required": [
          "ok",
          "project",
          "storage",
          "updated"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "project": {
            "$ref": "#/components/schemas/Project"
          },
          "storage": {
            "$ref": "#/components/schemas/ProjectStorage"
          },
          "updated": {
            "type": "string",
            "enum": [
              "local",
              "s3"
            ],
            "description": "Which part of the storage configuration this request changed."
          }
        }
      },
      "UpsertProjectRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200,
            "description": "Display name; required and not blank."
          },
          "slug": {
            "type": "string",
            "maxLength": 200,
            "description": "URL-safe identifier; derived from the name when omitted or blank."
          },
          "description": {
            "type": "string",
            "maxLength": 10000
          },
          "username": {
            "type": "string",
            "maxLength": 200,
            "description": "Owner's username; the local user `local` when omitted."
          },
          "user_display_name": {
            "type": "string",
            "maxLength": 200
          }
        }
      },
      "UpdateLocalStorageRequest": {
        "type": "object",
        "properties": {
          "base_dir": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 4096
          },
          "project_root": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 4096
          }
        }
      },
      "UpdateS3StorageRequest": {
        "type": "object",
        "properties": {
          "enabled": {
            "type": "boolean"
          },
          "bucket": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 255
          },
          "prefix": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1024
          },
          "region": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 64
          },
          "profile": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 200
          },
          "endpoint_url": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2048
          }
        }
      }
    }
  }
};
