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
    "/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an API token
         * @description Returns the token's secret value once; the server keeps only its hash. Scope a token to one
         *     project with `project_slug`. While auth is not yet required (a fresh local install, bound to
         *     loopback, `KROMA_API_AUTH=auto`), the first token can be created without one.
         */
        post: operations["createAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (never their secret values) */
        get: operations["listAuthTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Takes effect on the next request. Revoking an already revoked token is a no-op.
         */
        delete: operations["revokeAuthToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current browser session (whether this browser is signed in)
         * @description The session the `kroma_session` cookie names. Without a valid one (no cookie, an unknown,
         *     expired or deleted session, or one whose token was revoked or has expired) the answer is
         *     401 (`error_code` "unauthorized"): sign in again. A bearer token alone is not a session.
         */
        get: operations["getAuthSession"];
        put?: never;
        /**
         * Sign in, exchanging an API token for a browser session
         * @description A browser's `<img>` and `EventSource` cannot send an `Authorization` header, so a web app
         *     signs in once: it presents an API token, either as `Authorization: Bearer <token>` or as
         *     `{ "token": "..." }` in a JSON body (not both), and gets a session cookie,
         *     `kroma_session=<secret>; HttpOnly; SameSite=Strict; Path=/; Max-Age=<ttl>` (with `Secure`
         *     when the request came over https). From then on every route accepts the cookie in place of
         *     the bearer header, with the token's scope, until the session expires (`KROMA_SESSION_TTL_MS`,
         *     default 12 hours, never past the token's own expiry), is deleted, or its token is revoked or
         *     expires. The session's secret exists only in the cookie; the server keeps its SHA-256 hash.
         *     The body never carries the token or the secret.
         *
         *     A project-scoped token gives a session scoped to that project. A session cookie is not a
         *     credential for signing in again: present the token. Like every state-changing request, a
         *     sign-in from another site's page is refused (403), so no page elsewhere can sign a browser
         *     in. While no token exists yet (auth `auto` on loopback, fresh install) there is nothing to
         *     exchange and none is needed: 409 (`error_code` "conflict").
         */
        post: operations["createAuthSession"];
        /**
         * Sign out, ending the current browser session
         * @description Ends the session the `kroma_session` cookie names, at once, and clears the cookie
         *     (`Max-Age=0`). Without a valid session the answer is 401, and the cookie is cleared all the
         *     same. Revoking a token (`DELETE /auth/tokens/{tokenId}`) ends every session made from it.
         */
        delete: operations["deleteAuthSession"];
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
         *     are updated; a slug owned by another user is a 409. Creating a project is also a 409 when
         *     its default root (`var/projects/<slug>`) would hold or lie inside the root another project
         *     already points at (project roots never overlap, see `PUT /storage/local`).
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
    "/api/projects/{slug}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** The project's budget for paid runs, and what is committed against it */
        get: operations["getProjectBudget"];
        /**
         * Set or remove the project's budget
         * @description Every paid trigger then reserves its spend estimate against what remains, in the same
         *     transaction that queues the run, so two triggers never both pass on the same remainder; a
         *     run that does not fit is a 409 `budget_exceeded` saying by how much, and nothing is queued
         *     or sent. A lower budget than what is committed refuses new paid runs until runs finish
         *     cheaper or the budget rises. Audited.
         */
        put: operations["setProjectBudget"];
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
         *     root is refused. An absolute path is honoured as the owner's explicit choice, within the
         *     rules below.
         *
         *     Only an unscoped token (or the tokenless local mode) may change local storage: a
         *     project-scoped token gets a 403 (`error_kind` `policy`) whatever it sends, so it can never
         *     point its project at files that are not the project's own. The project's resulting root
         *     (the new `project_root`, or `<base_dir>/<slug>` when there is none), compared with symlinks
         *     resolved as far as the path exists, may not hold or lie inside:
         *     - another project's root (its stored root or its default `<base_dir>/<slug>`): 409;
         *     - the server's private directory (the database and `master.key` beside it; when that
         *       directory also holds the app root, only the database files and `master.key`
         *       themselves), or the app's shared `var/exports/`: 400.
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
         *     (a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`. A
         *     project-scoped token may change these settings, endpoint URL included: a sync to an
         *     endpoint URL that is not AWS nor listed in `KROMA_S3_TRUSTED_ENDPOINTS` uses only the
         *     project's own `aws/*` secrets (see `POST /storage/s3/sync`).
         */
        put: operations["updateProjectS3Storage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's secrets (metadata and a masked hint, never values) */
        get: operations["listProjectSecrets"];
        put?: never;
        /** Store a secret (encrypted at rest), or replace the one with that provider code and name */
        post: operations["upsertProjectSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/secrets/rotation-status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** How many of the project's secret values sit under which encryption key */
        get: operations["getSecretRotationStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/secrets/rotate": {
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
        put?: never;
        /** Re-encrypt every secret value of the project under a new key, in one transaction */
        post: operations["rotateProjectSecrets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/secrets/{providerCode}/{secretName}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
                secretName: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a secret */
        delete: operations["deleteProjectSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/bootstrap-prompt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /**
         * Export the project's settings with a ready-to-paste prompt for an AI assistant
         * @description Secret names only, never values.
         */
        get: operations["getBootstrapPrompt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/bootstrap-import": {
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
        put?: never;
        /**
         * Import settings in the bootstrap shape (merge or replace), all or nothing
         * @description Takes `settings` (the structured shape) or `ai_response_text` (an assistant's raw reply, from
         *     which the JSON object is extracted, fenced or not), never neither. Everything is validated
         *     before anything is written; the import applies in one transaction. `dry_run` reports the same
         *     change summary and writes nothing. The project is looked up (404) before `ai_response_text` is
         *     read; the extraction takes time linear in its length, and the object it finds may nest at most
         *     64 levels deep, its `*_json` fields 32 (400 otherwise), as in a request body.
         */
        post: operations["importBootstrapSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /**
         * List the project's runs, newest first
         * @description Runs the server queued (`POST /runs/trigger`) and runs ingested from run logs (the CLI ingests
         *     after each `kroma lab dry|run`). `count` is the number of rows returned, `total` the number
         *     matching the filters.
         */
        get: operations["listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/trigger": {
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
        put?: never;
        /**
         * Queue a dry or paid run that the server executes
         * @description Validates the request as `kroma lab dry|run` would (messages name the field), records the run
         *     as `queued` and answers at once with its id; the server then runs it in-process, one run at a
         *     time, and its status moves `queued -> running -> succeeded | partial | failed | canceled`.
         *     Follow it with `GET /runs/{runId}/events` (server-sent events) or by polling `GET /runs/{runId}`.
         *     The project root always comes from the project's stored storage: a `project_root` in the body
         *     is refused. A paid run (`mode: run`) needs `confirm_spend: true` and an OpenAI key (the
         *     project's `openai/api_key` secret, else the server's `OPENAI_API_KEY`).
         *
         *     `input` and every ref must be inside the project root, with no symlink leading out (400). The
         *     same rules hold again when the run executes: its files are listed then and each is opened
         *     without following a symlink when its bytes are read, so a symlink added while the run waited
         *     in the queue fails the run (`failed`, its `error` names the file) and nothing is sent to the
         *     images API. Each image request times out after `OPENAI_TIMEOUT_MS` (default 180000 ms) and
         *     counts as a transient failure (retried). A server that is shutting down answers 503.
         *
         *     A paid run in a project with a budget (`PUT /budget`) reserves its `spend_estimate` against
         *     what remains, in the transaction that queues it; one that does not fit, or cannot be priced,
         *     is a 409 `budget_exceeded` saying by how much, and nothing is queued or sent.
         *
         *     A client that wants the finished run asks to wait: `wait: true` in the body, or the header
         *     `Prefer: wait=<seconds>` (RFC 7240). The server then answers when the run has finished, or
         *     after at most `KROMA_TRIGGER_WAIT_MAX_S` seconds (default 300; `Prefer` may ask for less,
         *     never more), and says so with `Preference-Applied: wait=<seconds waited for at most>`. A run
         *     that finished in time is answered 200 with the finished run, `status_code` (0 when it
         *     succeeded) and `stdout` (`Run log: <path>` and `Jobs: <n>`); one still queued or running
         *     is answered 202 with the run as it is then (follow it as above). Without either, the answer
         *     is the queued run at once (200).
         */
        post: operations["triggerRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/ingest": {
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
        put?: never;
        /**
         * Record a run executed elsewhere (`kroma lab run`) from its run log and the files it names
         * @description A `multipart/form-data` body: one `run_log` part (the JSON log `kroma lab dry|run|resume`
         *     wrote to `runs/<run_id>.json`) and any number of `files` parts, each with the path the log
         *     gives that file (relative to the project root, `/`-separated) as its file name. The log must
         *     match `RunLog` and name this project (400 otherwise); a run id of another project is a 409.
         *
         *     Every file the log names must end up under the project root with the sha256 the log records
         *     for it. A file already there with that hash (a server sharing the client's disk) is checked,
         *     not sent; an uploaded one is checked against the log's hash (400 `checksum_mismatch`
         *     otherwise) and placed at its path, never over a file with other bytes (409
         *     `asset_file_conflict`). A path that is absolute, holds `..`, leads out through a symlink, or
         *     that the log does not name is a 400. While some files are neither on disk nor uploaded, the
         *     answer is 409 `run_files_missing` with `details.missing` (`path`, `sha256` of each) and
         *     nothing is recorded; the files placed so far stay, so a client sends the rest in further
         *     requests (each body up to `KROMA_UPLOAD_MAX_BYTES`) until the run is recorded.
         *
         *     The log is then kept as `runs/<run_id>.json` and ingested as `kroma lab ingest` does: one
         *     transaction, idempotent by run id (the same log again changes nothing: `changed: false`), a
         *     newer log of the same run (a resumed run) updating its records.
         */
        post: operations["ingestRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        /** One run with its jobs and their candidates */
        get: operations["getRun"];
        put?: never;
        post?: never;
        /**
         * Put a whole run in the trash
         * @description Moves every file of the run (its assets and its run log) into the project's trash as one
         *     entry and marks the run and its asset records deleted: lists leave them out, `GET` still
         *     shows them with `deleted_at`, and `POST /trash/{trashId}/restore` brings them back until the
         *     entry expires. A run still queued or running is a 409 (cancel it first). A run holding an
         *     approved final or a scene's baseline is a 409 naming them unless `force=true`. A file another
         *     live record still names stays in place. Audited.
         */
        delete: operations["deleteRun"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        /** A run's jobs, each with its candidates, in plan order */
        get: operations["listRunJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running run
         * @description A queued run becomes `canceled` at once. A running one becomes `canceling` and stops before
         *     its next image request (a request in flight is allowed to finish, so no paid image is thrown
         *     away); its log and records then say `canceled`. A finished run is a 409.
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Continue an interrupted, canceled, partial or failed run
         * @description A run that was queued or running when the server stopped is `interrupted` (never re-run by
         *     itself). Resuming queues it again under the same id; jobs whose outputs exist with the hash
         *     recorded when they finished are kept, the rest run. A paid run that ended `canceled`,
         *     `partial` or `failed` keeps its journal, so it too can be resumed: its finished jobs are
         *     kept (their files untouched), its canceled and failed jobs run again. A finished paid run
         *     without a journal (it ended before journals were kept, or failed before its first request)
         *     is a 409 that says to rerun it (`POST /runs/{runId}/rerun`). A paid run needs the same
         *     OpenAI key as a new one. Any other status (queued, running, canceling, succeeded) is a 409,
         *     and so is a run in the trash (restore it first: continuing it would buy its kept jobs again).
         *
         *     Each run a server queues or executes carries a lease (owner process and a heartbeat in the
         *     database, `KROMA_LEASE_TTL_MS`, default 30000). While another live server process holds the
         *     run's lease, resume is a 409: that process may still execute it, and a second execution would
         *     buy its images twice. A server marks a run `interrupted` only when it is its own, or when no
         *     live process owns it (at start and every lease TTL after, so a crashed server's runs on a
         *     shared database become `interrupted` and resumable). The stored request is checked again
         *     with the trigger's rules (refs and `input` inside the project root, no symlink leading out;
         *     for a paid run with a journal, the journal's scenes): a request that fails them, e.g. one an
         *     import brought, is a 400 and the run stays `interrupted`. A server that is shutting down
         *     answers 503.
         */
        post: operations["resumeRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run some or all of a run's jobs again, as a new run
         * @description Makes a new queued run from the original's recorded request and settings: the scenes of the
         *     chosen jobs (`jobs: all | failed`, or `job_ids`: job record ids or job keys), with the same
         *     stage, time, weather, style refs, candidates, output guard and model, size and quality as
         *     recorded, and the project's post-processing. The new run's `retried_from` names the
         *     original. It passes the trigger's checks (files, key, `max_spend_usd`, the project's budget
         *     reservation; a paid original needs `confirm_spend: true`) and is answered like a trigger,
         *     `wait` and `Prefer: wait` included. Unknown `job_ids` are a 400 listing them; `failed` with
         *     no failed job is a 400 that says so; an original the server did not queue (no recorded
         *     request) is a 409. Audited (`run.rerun`).
         */
        post: operations["rerunRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        /**
         * A run's progress as server-sent events
         * @description `text/event-stream`. Each message's `event:` is the `type` of its `data:`, a JSON `RunEvent`:
         *     first a `status` event with the run's current status, then `status` events on every change
         *     and `progress` events as requests go out and jobs finish, and finally one `done` event with
         *     the terminal status and summary, after which the server ends the stream. A finished run
         *     answers with its `done` event at once. Messages carry increasing `id:`s; a client that
         *     reconnects with `Last-Event-ID` gets only what it missed while the run is live.
         *
         *     Limits: at most `KROMA_SSE_MAX_PER_RUN` (default 16) open streams per run, beyond that a 429,
         *     and `KROMA_SSE_MAX_TOTAL` (default 256) in all, beyond that a 503. A `: keep-alive` comment
         *     comes every `KROMA_SSE_KEEPALIVE_MS` (default 15000). A stream with no event for
         *     `KROMA_SSE_IDLE_MS` (default 600000) ends with a comment saying so and without a `done`
         *     event; the client may reconnect with `Last-Event-ID`. A run no live server process owns (a
         *     crashed server's, an imported `queued` one) gets a `done` event with its stored status,
         *     and so does a run another server finished (checked on each keep-alive).
         */
        get: operations["streamRunEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/select": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make another of the job's candidates its final
         * @description The candidate's own image (and, when the run post-processed, its chain's last file) becomes
         *     the job's final; the previous final stays in the records as a candidate. The review goes back
         *     to `pending` (a decision is about bytes). A candidate that was not generated, or whose
         *     post-processing did not finish, is a 409 naming why; a step that would call a paid service
         *     needs `confirm_spend: true`.
         *     Audited (who: the token's label; when; why: `note`; what it replaced).
         */
        post: operations["selectJobCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the job's final
         * @description Approves the job's current final (keyed by its sha256). With `baseline: true` it also
         *     becomes the project's baseline for the job's scene; an existing baseline of another asset is
         *     a 409 unless `replace_baseline: true`. A job with no final is a 409.
         *     Audited (who: the token's label; when; why: `note`; what it replaced).
         */
        post: operations["approveJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the job's final
         * @description Rejects the job's current final, with a note saying why.
         *     Audited (who: the token's label; when; why: `note`; what it replaced).
         */
        post: operations["rejectJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo the job's last decision
         * @description Back to `pending`: an approval or rejection is withdrawn (a baseline it set is removed,
         *     restoring the one it replaced), and an undone select brings the previous final back. The undo
         *     is itself an entry of the history. A job with no decision is a 409.
         *     Audited (who: the token's label; when; why: `note`; what it replaced).
         */
        post: operations["undoJobReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/review-history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** Every decision on a job, oldest first */
        get: operations["getJobReviewHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/deliveries": {
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
        put?: never;
        /**
         * Pack the approved finals into a zip with a manifest
         * @description Streams a zip holding each approved final (its last post-processed file when the run
         *     post-processed it, else its image) under `files/<run_id>/<job_key>.<ext>`, and
         *     `manifest.json`: per file its path in the zip, sha256, bytes, scene, run, job, candidate,
         *     prompt, every review decision and the provenance chain (the `derived_from` links from the
         *     delivered file back to the candidate's image, then the scene). Each file is checked against
         *     its record's sha256 before it is packed and hashed again as it is sent; a changed or missing
         *     file is a 409 before the first byte, never a wrong file in the zip. Rejected and pending jobs
         *     are left out. Nothing approved is a 409. Audited.
         */
        post: operations["createDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/prune": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a run's unchosen or rejected candidates in the trash
         * @description Moves the files of the run's candidates that are not their job's final (`which: unchosen`,
         *     the default), or every file of the jobs a review rejected (`which: rejected`), into the
         *     project's trash as one entry, and marks their records deleted. Finals, approved jobs and
         *     baselines are never pruned. A file another live record still names stays in place. Nothing
         *     to prune answers `trash: null`. A run still queued or running is a 409. Audited.
         */
        post: operations["pruneRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/disk-usage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        /** Bytes a run's files take, in place and in the trash */
        get: operations["getRunDiskUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/disk-usage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /**
         * Bytes the project's files take, by directory and by run
         * @description Walks the project root (symlinks are not followed) and sums every file by top-level
         *     directory, with the trash and the thumbnail cache apart, and by run (each run's asset files
         *     and run log).
         */
        get: operations["getDiskUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/trash": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /**
         * The project's trash, newest first
         * @description Entries stay restorable until `expires_at` (`KROMA_TRASH_RETENTION_DAYS` after deletion,
         *     default 30); the server purges expired entries when it starts and every hour, and
         *     `POST /trash/purge` does it at once. Lists `trashed` entries unless `status` says otherwise.
         */
        get: operations["listTrash"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/trash/{trashId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                trashId: components["parameters"]["TrashId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a trash entry's files back and undelete its records
         * @description Every file goes back to where it was and its records (and a deleted run) are live again. A
         *     place now taken by a file with other bytes is a 409 naming it, and nothing moves; an entry
         *     already restored or purged is a 409. Audited.
         */
        post: operations["restoreTrash"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/trash/purge": {
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
        put?: never;
        /**
         * Remove trashed files for good
         * @description Deletes the files of the entries chosen (by default those past `expires_at`). Their records
         *     stay, marked deleted, so run logs, reviews and audit events still name what existed; their
         *     file route then answers 404. Audited.
         */
        post: operations["purgeTrash"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/gc": {
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
        put?: never;
        /**
         * Find orphan files and records with no file; with dry_run false, trash them
         * @description Looks at every file under the directories runs and uploads write (`outputs`,
         *     `background_removed`, `upscaled`, `color_corrected`, `archive`, `uploads`) and at every live
         *     asset record. Reports files no record names and records whose file is gone. Only with
         *     `dry_run: false` does it act, and then reversibly: the orphan files go to the trash and the
         *     records with no file are marked deleted, as one `gc` entry. Directories of runs still queued
         *     or running are left alone. Audited when it acts.
         */
        post: operations["collectGarbage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/{runId}/contact-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        /**
         * A PNG of every candidate of a paid run, one row per job
         * @description One row per job in plan order, one tile per candidate (columns: the most candidates any job of
         *     the run has). A tile is 256 x 296 pixels: a 256 x 256 image area, the candidate's own image
         *     fitted inside its inner 240 x 240, above a 40-pixel label strip naming the scene (the job key),
         *     the candidate (`c2`) and the output guard's grade (`pass`, `warn`, `fail`, or `-` when no
         *     guard report exists). The job's chosen candidate (`selected_candidate_index`) has an 8-pixel
         *     orange (#FF7A00) border round the whole tile and `chosen` in its label. The sheet is exactly
         *     `columns x 256` wide and `rows x 296` high; a job with fewer candidates leaves its last
         *     tiles white.
         *
         *     Each image is the candidate's asset of kind `candidate` (else `final`), read inside the project
         *     root and verified against the record's `sha256` as `GET /assets/{assetId}/file` does. A tile
         *     whose file cannot be shown is grey and says why instead of the picture: `failed` (the
         *     candidate has no image), `file changed` (the bytes no longer match the record), `file missing`,
         *     `unverifiable` (no sha256), `outside root`, `not an image`, `too large`. Labels are drawn with
         *     the DejaVu Sans font the server ships, so they render without system fonts.
         *
         *     At most 64 jobs (6 candidates each at most) go on one sheet: `offset` and `limit` page through
         *     a longer run (`GET /runs/{runId}/jobs` gives the count). A dry run, or a run with no jobs yet,
         *     has nothing to show (409). At most 2 sheets are drawn at once per server; beyond that a 503.
         */
        get: operations["getRunContactSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's assets, newest first */
        get: operations["listAssets"];
        put?: never;
        /**
         * Upload an image (a scene or a reference) as an asset
         * @description The image is the raw body (`Content-Type: image/png`, `image/jpeg` or `image/webp`) or the
         *     one `file` part of a `multipart/form-data` body (with an optional `name` field). The body may
         *     be up to `KROMA_UPLOAD_MAX_BYTES` (default 50 MiB; 413 `payload_too_large` beyond, checked
         *     while it streams in) and the image up to `KROMA_UPLOAD_MAX_PIXELS` (default 100 megapixels;
         *     422 `image_too_large` beyond, checked at its header before decoding, as thumbnails do). The bytes decide the
         *     format: what is not a PNG, JPEG or WebP image, or is one but not the declared type, is 415
         *     `unsupported_media_type`; an image that does not decode whole (truncated, corrupt) is 400
         *     `invalid_image`. Nothing is kept on disk when the upload fails.
         *
         *     The file is stored by its content, as `uploads/<kind>/<sha256>.<ext>` under the project
         *     root, so two uploads with one name never overwrite each other; its name is kept as
         *     `original_name`. The same bytes uploaded again as the same kind answer the asset already
         *     stored (200, `deduplicated: true`) instead of a new one (201).
         */
        post: operations["uploadAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/assets/moves": {
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
        put?: never;
        /**
         * Point asset records at files moved inside the project (`kroma lab archive-bad`)
         * @description For each move, the records naming `from` are pointed at `to` (`rel_path` and `storage_uri`),
         *     all in one transaction with one audit event. A move is recorded only when the server sees it
         *     happened: no file is left at `from`, and the file at `to` has the sha256 the records hold;
         *     otherwise it is listed in `refused` with the reason (a client whose files are not the
         *     server's, or a move that did not happen). Both paths are relative to the project root and
         *     may not be absolute or hold `..` (400).
         */
        post: operations["recordAssetMoves"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/assets/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /** One asset */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        /**
         * Put an asset in the trash
         * @description Moves the asset's file into the project's trash and marks the record deleted: lists leave it
         *     out, `GET` still shows it with `deleted_at` and `trash_id`, its file route serves it from the
         *     trash, and `POST /trash/{trashId}/restore` brings it back until the entry expires. An
         *     approved final (or one of its post-processed files), a scene's baseline or an upload a
         *     reference set uses is a 409 naming why unless `force=true`; one already deleted is a 409. A
         *     file another live record still names stays in place. Audited.
         */
        delete: operations["deleteAsset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/assets/{assetId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * The asset's file, verified against its sha256
         * @description Streams the file the asset record names (`rel_path`, under the project root) with the
         *     record's `mime_type` (`application/octet-stream` when it has none). The bytes are checked
         *     against the record's `sha256` before the first one is sent, so a changed file is refused
         *     (409 `asset_file_changed`) rather than served; the check is remembered while the file's
         *     device, inode, size and modification time stay the same. A record without a `sha256` is
         *     refused (409 `asset_unverifiable`). The file is opened without following a symlink and must
         *     lie inside the project root.
         *
         *     `ETag` is the strong validator `"<sha256>"`; `If-None-Match` (a list, or `*`) that matches it
         *     is answered 304. `Range` takes one byte range (`bytes=a-b`, `a-`, `-n`) and is answered 206
         *     with `Content-Range`; a range past the end is answered 416 with `Content-Range: bytes *\/<size>`;
         *     several ranges are answered with the whole file (200). With `If-Range`, the range is honoured
         *     only when it names the current ETag. `HEAD` is answered like `GET` (the same status and
         *     headers) without a body.
         */
        get: operations["getAssetFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/assets/{assetId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * A WebP thumbnail of the asset's image
         * @description The asset's image scaled down (never up) to fit a `size` x `size` box, as WebP. The source
         *     file is verified against the record's `sha256` first, as for `/file`. A thumbnail is made on
         *     first request and kept under the project's `.kroma/cache/thumbnails/<sha256>-<size>.webp`
         *     (which exports and S3 sync leave out); later requests serve that file. `ETag` is
         *     `"<sha256>-<size>"`; a matching `If-None-Match` is answered 304. An image with more pixels
         *     than the server decodes is refused (422 `image_too_large`); a file that is not an image
         *     (422 `not_an_image`). `HEAD` is answered like `GET` without a body.
         */
        get: operations["getAssetThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/quality-reports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** The output guard's reports on generated images, newest first */
        get: operations["listQualityReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/cost-events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /**
         * Estimated spend per job (the images it generated), newest first
         * @description `total_cost_usd` sums every matching event (not only the returned page); events without a price count as 0.
         */
        get: operations["listCostEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/runs/validate-config": {
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
        put?: never;
        /**
         * Validate the project's layered pipeline settings, manifest and postprocess config
         * @description Resolves the settings layers (project settings under the project's stored root, the app's
         *     `config/` files, defaults), checks every file and reports every problem with its file and
         *     field, and the settings in effect with where each value came from. Paths in the body are
         *     relative to the server's app root and may not contain `..`; with symlinks resolved they must
         *     lie in the project's own root or the app's `config/` directory, and never name the server's
         *     database or master key (400 otherwise). Problem messages name the file, the field and what
         *     was expected (a type, the allowed values, a limit), never a value read from the file: a
         *     syntax error gives its line and column, not the text there.
         */
        post: operations["validateRunConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** The project's exports, newest first */
        get: operations["listExports"];
        put?: never;
        /**
         * Write the project's records (and optionally its files) to a .tar.gz bundle
         * @description Streams a bundle holding `manifest.json` (schema version, project, counts, size and sha256 of
         *     every other entry), the project's records as JSON Lines under `records/` (secrets by name only)
         *     and, with `include_files`, the project's files under `files/`. The bundle is written under a
         *     temporary name and renamed when complete, by default to `<project_root>/exports/<slug>_<stamp>.tar.gz`.
         *     `output` names another place: a path relative to the project root, or under the app's
         *     `var/exports/`; it may not contain `..`, lead out through a symlink or name an existing file.
         *     `var/exports/` is shared by every project, so a project writes only its own names there
         *     (400 otherwise): `var/exports/<slug>_<name>.tar.gz` (or `.tgz`) where `<name>` holds no `_`
         *     (each such name has one owner, the part before its last `_`: `alpha` cannot write
         *     `alpha_2_<stamp>.tar.gz`), or anything under `var/exports/<slug>/`; `output: "var/exports/"`
         *     gives the default name `<slug>_<stamp>.tar.gz` there.
         *     The export is recorded (see `GET /exports`) and the bundle is registered as an asset.
         *     The bundle is written with mode 0600 (it holds every record of the project). Project files
         *     are opened without following symlinks (`O_NOFOLLOW`) and each open file must be the one the
         *     walk listed (same device and inode): a file swapped for a symlink or another file meanwhile
         *     is left out and listed in the manifest's `skipped` (`symlink`, `changed_during_export`).
         *     409 when the output exists, or when the manifest would exceed the 32 MiB import reads (about
         *     160,000 files). An export whose process dies is marked `failed` ("The process writing this
         *     export stopped before it finished") and its temporary files removed by the next sweep of
         *     a server on the database (at start and every `KROMA_LEASE_TTL_MS`).
         */
        post: operations["createExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                exportId: components["parameters"]["ExportId"];
            };
            cookie?: never;
        };
        /** One export, with its size, checksum, counts and status */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/export": {
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
        put?: never;
        /**
         * The seed's export route: an alias of POST /exports
         * @description Kept so the seed's clients work unchanged: the same body (`include_files`, `output`) and the
         *     same answer as `POST /api/projects/{slug}/exports`, whose `export_path`, `export_sha256` and
         *     `export_asset_id` are the keys the seed returned.
         */
        post: operations["createExportSeedAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/storage/s3/sync": {
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
        put?: never;
        /**
         * Upload the project's new or changed files to its S3 storage
         * @description Uses the project's S3 settings (bucket, prefix, region, endpoint URL; path-style addressing
         *     when an endpoint URL is set); objects live under `<prefix>/<slug>/`. Credentials come from
         *     the project's secrets `aws/access_key_id` and `aws/secret_access_key` (optional
         *     `aws/session_token`), else `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` in the server's
         *     environment, else the stored `profile`; they are never returned or logged. The server's own
         *     credentials (environment, profile) go only to AWS itself (no endpoint URL, or an `https://`
         *     one on `amazonaws.com`) or to endpoints the operator lists in `KROMA_S3_TRUSTED_ENDPOINTS`
         *     (comma-separated URLs): with another endpoint URL and no project secrets the sync is a 400
         *     (field `s3.endpoint_url`) before any request is sent. A file is uploaded
         *     when its size or sha256 differs from what the last successful upload of that path recorded;
         *     each upload is recorded as soon as it succeeds, so a sync that was interrupted finishes on the
         *     next run without uploading again what already arrived. Large files go up in parts. A file that
         *     fails is reported (`failed`) and the others go on: the answer is a 200 with the report.
         *     With `dry_run` nothing is uploaded or recorded and no request is sent to S3.
         */
        post: operations["syncProjectS3"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/prompt-templates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's prompt templates */
        get: operations["listPromptTemplates"];
        put?: never;
        /** Create a prompt template */
        post: operations["createPromptTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/prompt-templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** One prompt template */
        get: operations["getPromptTemplate"];
        /** Update a prompt template (any subset of its fields) */
        put: operations["updatePromptTemplate"];
        post?: never;
        /** Delete a prompt template */
        delete: operations["deletePromptTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/style-guides": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's style guides */
        get: operations["listStyleGuides"];
        put?: never;
        /** Create a style guide */
        post: operations["createStyleGuide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/style-guides/{styleGuideId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                styleGuideId: components["parameters"]["StyleGuideId"];
            };
            cookie?: never;
        };
        /** One style guide */
        get: operations["getStyleGuide"];
        /** Update a style guide (any subset of its fields) */
        put: operations["updateStyleGuide"];
        post?: never;
        /** Delete a style guide */
        delete: operations["deleteStyleGuide"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/characters": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's characters */
        get: operations["listCharacters"];
        put?: never;
        /** Create a character */
        post: operations["createCharacter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/characters/{characterId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                characterId: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        /** One character */
        get: operations["getCharacter"];
        /** Update a character (any subset of its fields) */
        put: operations["updateCharacter"];
        post?: never;
        /** Delete a character */
        delete: operations["deleteCharacter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/reference-sets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's reference sets */
        get: operations["listReferenceSets"];
        put?: never;
        /** Create a reference set */
        post: operations["createReferenceSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/reference-sets/{referenceSetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        /** One reference set */
        get: operations["getReferenceSet"];
        /** Update a reference set (any subset of its fields) */
        put: operations["updateReferenceSet"];
        post?: never;
        /**
         * Delete a reference set
         * @description Reference sets are deleted together with their items, in one transaction.
         */
        delete: operations["deleteReferenceSet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        /** List a reference set's items */
        get: operations["listReferenceItems"];
        put?: never;
        /**
         * Add an item to a reference set
         * @description An item needs at least one of `content_uri`, `content_text`, `asset_id` (an asset of the project). Without `sort_order` it goes last.
         */
        post: operations["createReferenceItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
                itemId: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        /** One reference item */
        get: operations["getReferenceItem"];
        /** Update a reference item (any subset of its fields) */
        put: operations["updateReferenceItem"];
        post?: never;
        /** Delete a reference item */
        delete: operations["deleteReferenceItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/provider-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's provider accounts */
        get: operations["listProviderAccounts"];
        put?: never;
        /**
         * Create a provider account, or update the one with that provider code
         * @description Keyed by `provider_code` per project: posting an existing code updates the fields given.
         */
        post: operations["upsertProviderAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/provider-accounts/{providerCode}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
            };
            cookie?: never;
        };
        /** One provider account */
        get: operations["getProviderAccount"];
        /** Update a provider account (any subset of its fields) */
        put: operations["updateProviderAccount"];
        post?: never;
        /** Delete a provider account */
        delete: operations["deleteProviderAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/asset-links": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's asset links */
        get: operations["listAssetLinks"];
        put?: never;
        /**
         * Link two assets of the project
         * @description Both assets must exist in this project; a self-link is refused and an identical link is a 409.
         */
        post: operations["createAssetLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/asset-links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        /** One asset link */
        get: operations["getAssetLink"];
        /** Update an asset link (any subset of its fields) */
        put: operations["updateAssetLink"];
        post?: never;
        /** Delete an asset link */
        delete: operations["deleteAssetLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/chat/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's chat sessions */
        get: operations["listChatSessions"];
        put?: never;
        /** Start a chat session */
        post: operations["createChatSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/chat/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                sessionId: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        /** One chat session with its message count */
        get: operations["getChatSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/chat/sessions/{sessionId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                sessionId: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        /** List a session's messages */
        get: operations["listChatMessages"];
        put?: never;
        /**
         * Add a message to a session
         * @description `content_text` is accepted as an alias of `content` (the seed's clients send it).
         */
        post: operations["createChatMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/agent/instructions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        /** List the project's agent instructions */
        get: operations["listAgentInstructions"];
        put?: never;
        /**
         * Create an agent instruction
         * @description Give `instruction_text`, or the older form `instruction_type` + `payload_json`. It starts `pending`
         *     with a `created` event; with `dispatch_to_agent` it is also queued for the dispatch worker.
         */
        post: operations["createAgentInstruction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/agent/instructions/{instructionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        /** One agent instruction */
        get: operations["getAgentInstruction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/agent/instructions/{instructionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        /** An instruction's history */
        get: operations["listAgentInstructionEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/agent/instructions/{instructionId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a pending instruction
         * @description `pending` -> `confirmed`, writing one `confirmed` event. Any other status is a 409.
         */
        post: operations["confirmAgentInstruction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{slug}/agent/instructions/{instructionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an instruction
         * @description `pending`, `confirmed` or `queued` -> `canceled`, writing one `canceled` event. A canceled, running or
         *     finished (`done`, `failed`) instruction is a 409.
         */
        post: operations["cancelAgentInstruction"];
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
        /** @description An opaque record id. */
        Id: string;
        /** @description A free-form JSON object, stored and returned as JSON (never as a string). */
        JsonObject: {
            [key: string]: unknown;
        };
        DeletedResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            deleted: true;
            id: string;
        };
        PromptTemplate: {
            id: string;
            project_id: string;
            /** @description Unique within the project. */
            name: string;
            /** @description Template text with `{placeholders}`. */
            template_text: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        PromptTemplateListResponse: {
            /** @constant */
            ok: true;
            count: number;
            prompt_templates: components["schemas"]["PromptTemplate"][];
        };
        PromptTemplateResponse: {
            /** @constant */
            ok: true;
            prompt_template: components["schemas"]["PromptTemplate"];
        };
        CreatePromptTemplateRequest: {
            name: string;
            template_text: string;
        };
        /** @description At least one of: name, template_text. */
        UpdatePromptTemplateRequest: {
            name?: string;
            template_text?: string;
        };
        StyleGuide: {
            id: string;
            project_id: string;
            /** @description Unique within the project. */
            name: string;
            /** @description What generation must follow. */
            instructions: string;
            /** @description Free notes; empty when unset. */
            notes: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        StyleGuideListResponse: {
            /** @constant */
            ok: true;
            count: number;
            style_guides: components["schemas"]["StyleGuide"][];
        };
        StyleGuideResponse: {
            /** @constant */
            ok: true;
            style_guide: components["schemas"]["StyleGuide"];
        };
        CreateStyleGuideRequest: {
            name: string;
            instructions: string;
            notes?: string;
        };
        /** @description At least one of: name, instructions, notes. */
        UpdateStyleGuideRequest: {
            name?: string;
            instructions?: string;
            notes?: string;
        };
        Character: {
            id: string;
            project_id: string;
            /** @description Unique within the project. */
            name: string;
            description: string;
            /** @description Text added to prompts that feature this character. */
            prompt_text: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        CharacterListResponse: {
            /** @constant */
            ok: true;
            count: number;
            characters: components["schemas"]["Character"][];
        };
        CharacterResponse: {
            /** @constant */
            ok: true;
            character: components["schemas"]["Character"];
        };
        CreateCharacterRequest: {
            name: string;
            description?: string;
            prompt_text?: string;
        };
        /** @description At least one of: name, description, prompt_text. */
        UpdateCharacterRequest: {
            name?: string;
            description?: string;
            prompt_text?: string;
        };
        ReferenceSet: {
            id: string;
            project_id: string;
            /** @description Unique within the project. */
            name: string;
            description: string;
            item_count: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ReferenceSetListResponse: {
            /** @constant */
            ok: true;
            count: number;
            reference_sets: components["schemas"]["ReferenceSet"][];
        };
        ReferenceSetResponse: {
            /** @constant */
            ok: true;
            reference_set: components["schemas"]["ReferenceSet"];
        };
        CreateReferenceSetRequest: {
            name: string;
            description?: string;
        };
        /** @description At least one of: name, description. */
        UpdateReferenceSetRequest: {
            name?: string;
            description?: string;
        };
        ReferenceItem: {
            id: string;
            project_id: string;
            reference_set_id: string;
            label: string;
            /** @description Where the reference lives (a URL or a path under the project root). */
            content_uri: string | null;
            /** @description The reference as text. */
            content_text: string | null;
            /** @description An asset of the project (e.g. an uploaded reference image) this item points at. */
            asset_id?: string | null;
            sort_order: number;
            metadata_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ReferenceItemListResponse: {
            /** @constant */
            ok: true;
            reference_set_id: string;
            count: number;
            items: components["schemas"]["ReferenceItem"][];
        };
        ReferenceItemResponse: {
            /** @constant */
            ok: true;
            item: components["schemas"]["ReferenceItem"];
        };
        /** @description At least one of: content_uri, content_text, asset_id. */
        CreateReferenceItemRequest: {
            label?: string;
            content_uri?: string | null;
            content_text?: string | null;
            /** @description An asset of this project (404 when there is none). */
            asset_id?: string | null;
            sort_order?: number;
            metadata_json?: components["schemas"]["JsonObject"];
        };
        /** @description At least one of: label, content_uri, content_text, asset_id, sort_order, metadata_json. The item must keep content_uri, content_text or asset_id. */
        UpdateReferenceItemRequest: {
            label?: string;
            content_uri?: string | null;
            content_text?: string | null;
            /** @description An asset of this project (404 when there is none). */
            asset_id?: string | null;
            sort_order?: number;
            metadata_json?: components["schemas"]["JsonObject"];
        };
        /** @description A lower-case identifier such as `openai`, `photoroom` or `remove_bg`. */
        ProviderCode: string;
        ProviderAccount: {
            project_id: string;
            provider_code: components["schemas"]["ProviderCode"];
            display_name: string;
            /** @description Your reference for the account (never a secret: secrets live in project secrets). */
            account_ref: string;
            /** @description API base URL override; empty for the provider's default. */
            base_url: string;
            enabled: boolean;
            config_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ProviderAccountListResponse: {
            /** @constant */
            ok: true;
            count: number;
            provider_accounts: components["schemas"]["ProviderAccount"][];
        };
        ProviderAccountResponse: {
            /** @constant */
            ok: true;
            provider_account: components["schemas"]["ProviderAccount"];
        };
        ProviderAccountDeletedResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            deleted: true;
            provider_code: string;
        };
        UpsertProviderAccountRequest: {
            /** @description Normalised like a slug (`OpenAI` -> `openai`); required and not blank. */
            provider_code: string;
            display_name?: string;
            account_ref?: string;
            base_url?: string;
            enabled?: boolean;
            config_json?: components["schemas"]["JsonObject"];
        };
        /** @description At least one of: display_name, account_ref, base_url, enabled, config_json. */
        UpdateProviderAccountRequest: {
            display_name?: string;
            account_ref?: string;
            base_url?: string;
            enabled?: boolean;
            config_json?: components["schemas"]["JsonObject"];
        };
        /** @enum {string} */
        AssetLinkType: "derived_from" | "variant_of" | "mask_for" | "reference_of";
        AssetLink: {
            id: string;
            project_id: string;
            parent_asset_id: string;
            child_asset_id: string;
            link_type: components["schemas"]["AssetLinkType"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AssetLinkListResponse: {
            /** @constant */
            ok: true;
            count: number;
            asset_links: components["schemas"]["AssetLink"][];
        };
        AssetLinkResponse: {
            /** @constant */
            ok: true;
            asset_link: components["schemas"]["AssetLink"];
        };
        CreateAssetLinkRequest: {
            parent_asset_id: components["schemas"]["Id"];
            child_asset_id: components["schemas"]["Id"];
            link_type?: components["schemas"]["AssetLinkType"];
        };
        /** @description At least one of: parent_asset_id, child_asset_id, link_type. */
        UpdateAssetLinkRequest: {
            parent_asset_id?: components["schemas"]["Id"];
            child_asset_id?: components["schemas"]["Id"];
            link_type?: components["schemas"]["AssetLinkType"];
        };
        /** @enum {string} */
        ChatRole: "user" | "assistant" | "system" | "tool";
        ChatSession: {
            id: string;
            project_id: string;
            title: string;
            /** @enum {string} */
            status: "active" | "archived";
            message_count: number;
            created_at: components["schemas"]["Timestamp"];
            /** @description Changes when a message is added. */
            updated_at: components["schemas"]["Timestamp"];
        };
        ChatSessionListResponse: {
            /** @constant */
            ok: true;
            count: number;
            sessions: components["schemas"]["ChatSession"][];
        };
        ChatSessionResponse: {
            /** @constant */
            ok: true;
            session: components["schemas"]["ChatSession"];
        };
        CreateChatSessionRequest: {
            /** @description Defaults to "New session". */
            title?: string;
            /** @enum {string} */
            status?: "active" | "archived";
        };
        ChatMessage: {
            id: string;
            project_id: string;
            session_id: string;
            role: components["schemas"]["ChatRole"];
            content: string;
            /** @description Optional structured content (any JSON value), or null. */
            content_json: unknown;
            created_at: components["schemas"]["Timestamp"];
        };
        ChatMessageListResponse: {
            /** @constant */
            ok: true;
            session_id: string;
            count: number;
            messages: components["schemas"]["ChatMessage"][];
        };
        ChatMessageResponse: {
            /** @constant */
            ok: true;
            message: components["schemas"]["ChatMessage"];
        };
        /** @description `content` (or its alias `content_text`) is required. */
        CreateChatMessageRequest: {
            role: components["schemas"]["ChatRole"];
            content?: string;
            /** @description Alias of `content`. */
            content_text?: string;
            /** @description Optional structured content (any JSON value). */
            content_json?: unknown;
        };
        /** @enum {string} */
        AgentInstructionStatus: "pending" | "confirmed" | "queued" | "running" | "done" | "failed" | "canceled";
        AgentInstruction: {
            id: string;
            project_id: string;
            instruction_text: string;
            /** @description The older form's type; `instruction` when only text was given. */
            instruction_type: string;
            payload_json: components["schemas"]["JsonObject"];
            dispatch_to_agent: boolean;
            status: components["schemas"]["AgentInstructionStatus"];
            /** @description Dispatch attempts made so far. */
            attempts: number;
            max_attempts: number;
            /**
             * Format: date-time
             * @description When a queued dispatch is next tried.
             */
            next_attempt_at: string | null;
            last_error: string | null;
            /** @description The agent endpoint's last JSON answer, or null. */
            agent_response_json: unknown;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            confirmed_at: string | null;
            /** Format: date-time */
            canceled_at: string | null;
        };
        AgentInstructionListResponse: {
            /** @constant */
            ok: true;
            count: number;
            instructions: components["schemas"]["AgentInstruction"][];
        };
        AgentInstructionResponse: {
            /** @constant */
            ok: true;
            instruction: components["schemas"]["AgentInstruction"];
        };
        /** @description `instruction_text`, or `instruction_type` with `payload_json` (the older form); both may be given. */
        CreateAgentInstructionRequest: {
            instruction_text?: string;
            instruction_type?: string;
            payload_json?: components["schemas"]["JsonObject"];
            dispatch_to_agent?: boolean;
        };
        AgentInstructionTransitionRequest: {
            /** @description Recorded with the event. */
            message?: string;
        };
        AgentInstructionEvent: {
            id: string;
            project_id: string;
            instruction_id: string;
            /** @description created, queued, confirmed, canceled, dispatch_started, dispatched (the agent answered; its status decides done or failed), retry_scheduled, dispatch_failed */
            event_type: string;
            message: string | null;
            created_at: components["schemas"]["Timestamp"];
        };
        AgentInstructionEventListResponse: {
            /** @constant */
            ok: true;
            instruction_id: string;
            count: number;
            events: components["schemas"]["AgentInstructionEvent"][];
        };
        CreateAuthTokenRequest: {
            /** @description What the token is for. */
            label?: string;
            /** @description Scope the token to this project. */
            project_slug?: string;
            /**
             * Format: date-time
             * @description When the token stops working.
             */
            expires_at?: string;
            /** @description Alternative to expires_at. */
            expires_in_days?: number;
        };
        AuthToken: {
            id: string;
            user_id: string | null;
            /** @description The project the token is scoped to, or null for all. */
            project_id: string | null;
            /** @description The first characters of the token, to recognise it. */
            token_prefix: string;
            label: string;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** Format: date-time */
            last_used_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            /** @description Not revoked and not expired. */
            active: boolean;
        };
        AuthTokenCreated: {
            id: string;
            /** @description The secret value. Shown once; store it now. */
            token: string;
            token_prefix: string;
            label: string;
            project_id: string | null;
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            expires_at: string | null;
        };
        AuthTokenCreatedResponse: {
            /** @constant */
            ok: true;
            auth_token: components["schemas"]["AuthTokenCreated"];
        };
        AuthTokenListResponse: {
            /** @constant */
            ok: true;
            count: number;
            auth_tokens: components["schemas"]["AuthToken"][];
        };
        AuthTokenRevokedResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            deleted: true;
            token_id: string;
        };
        CreateAuthSessionRequest: {
            /** @description The API token to exchange, when it is not sent as `Authorization: Bearer`. */
            token?: string;
        };
        /** @description The token a session was made from; its scope is the session's. */
        AuthSessionToken: {
            id: string;
            label: string;
            token_prefix: string;
            /** @description The project the token is scoped to, or null for all. */
            project_id: string | null;
            project_slug: string | null;
            /** Format: date-time */
            expires_at: string | null;
        };
        AuthSession: {
            id: string;
            created_at: components["schemas"]["Timestamp"];
            /**
             * Format: date-time
             * @description When the session stops working.
             */
            expires_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            token: components["schemas"]["AuthSessionToken"];
        };
        AuthSessionResponse: {
            /** @constant */
            ok: true;
            auth_session: components["schemas"]["AuthSession"];
        };
        AuthSessionDeletedResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            deleted: true;
            session_id: string;
        };
        Secret: {
            project_id: string;
            provider_code: string;
            secret_name: string;
            has_value: boolean;
            /** @description A masked hint such as `sk-…a1b2`; never the value. */
            hint: string;
            /** @description The encryption key the value is stored under. */
            key_id: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        SecretListResponse: {
            /** @constant */
            ok: true;
            count: number;
            secrets: components["schemas"]["Secret"][];
        };
        SecretResponse: {
            /** @constant */
            ok: true;
            secret: components["schemas"]["Secret"];
        };
        SecretDeletedResponse: {
            /** @constant */
            ok: true;
            /** @constant */
            deleted: true;
            provider_code: string;
            secret_name: string;
        };
        UpsertSecretRequest: {
            /** @description Normalised like a slug. */
            provider_code: string;
            /** @description e.g. `api_key`; normalised like a slug. */
            secret_name: string;
            secret_value: string;
        };
        SecretKeyUsage: {
            key_id: string;
            /** @description New values are encrypted under the active key. */
            active: boolean;
            created_at: components["schemas"]["Timestamp"];
            /** @description How many of this project's values use the key. */
            secret_count: number;
        };
        SecretRotationStatusResponse: {
            /** @constant */
            ok: true;
            rotation_status: {
                active_key_id: string | null;
                total_secrets: number;
                /** @description Values not under the active key. */
                stale_secrets: number;
                keys: components["schemas"]["SecretKeyUsage"][];
            };
        };
        SecretRotationResponse: {
            /** @constant */
            ok: true;
            rotation: {
                /** @description The new active key. */
                key_id: string;
                /** @description How many values were re-encrypted. */
                rotated: number;
                previous_key_ids: string[];
            };
        };
        /** @description A project's settings in the bootstrap exchange shape. Sections not given are left alone in merge mode. */
        BootstrapSettings: {
            project?: {
                name?: string;
                description?: string;
            };
            provider_accounts?: {
                provider_code: string;
                display_name?: string;
                account_ref?: string;
                base_url?: string;
                enabled?: boolean;
                config_json?: components["schemas"]["JsonObject"];
            }[];
            style_guides?: {
                name: string;
                instructions: string;
                notes?: string;
            }[];
            characters?: {
                name: string;
                description?: string;
                prompt_text?: string;
            }[];
            reference_sets?: {
                name: string;
                description?: string;
                /** @description Required (`[]` for none). */
                items: {
                    label?: string;
                    content_uri?: string | null;
                    content_text?: string | null;
                    sort_order?: number;
                    metadata_json?: components["schemas"]["JsonObject"];
                }[];
            }[];
            prompt_templates?: {
                name: string;
                template_text: string;
            }[];
            /** @description Secret names only (export); ignored on import, since values never travel here. */
            secrets?: {
                provider_code: string;
                secret_name: string;
            }[];
        };
        BootstrapPromptResponse: {
            /** @constant */
            ok: true;
            bootstrap: {
                schema_version: number;
                generated_at: components["schemas"]["Timestamp"];
                project: components["schemas"]["Project"];
                settings: components["schemas"]["BootstrapSettings"];
                /** @description The shape the assistant must answer with (a JSON schema). */
                expected_response: components["schemas"]["JsonObject"];
                /** @description Ready-to-paste text for an AI assistant. */
                prompt: string;
            };
        };
        BootstrapImportRequest: {
            settings?: components["schemas"]["BootstrapSettings"];
            /** @description An assistant's raw reply holding the settings JSON (fenced or not). */
            ai_response_text?: string;
            /**
             * @description Default `merge`.
             * @enum {string}
             */
            mode?: "merge" | "replace";
            /** @description Report the changes without writing. */
            dry_run?: boolean;
        };
        BootstrapSectionChanges: {
            created: number;
            updated: number;
            removed: number;
            unchanged: number;
        };
        BootstrapImportResponse: {
            /** @constant */
            ok: true;
            bootstrap_import: {
                schema_version: number;
                /** @enum {string} */
                mode: "merge" | "replace";
                dry_run: boolean;
                project_updated: boolean;
                /** @description False for a dry run. */
                applied: boolean;
                changes: {
                    provider_accounts: components["schemas"]["BootstrapSectionChanges"];
                    style_guides: components["schemas"]["BootstrapSectionChanges"];
                    characters: components["schemas"]["BootstrapSectionChanges"];
                    reference_sets: components["schemas"]["BootstrapSectionChanges"];
                    prompt_templates: components["schemas"]["BootstrapSectionChanges"];
                };
                project: components["schemas"]["Project"];
                /** @description The settings after the import (or as they would be, for a dry run). */
                settings: components["schemas"]["BootstrapSettings"];
            };
        };
        ValidateRunConfigRequest: {
            /** @description Instead of config/pipeline.settings.toml. */
            app_settings_path?: string;
            /** @description Instead of <project_root>/.kroma/pipeline.settings.json. */
            project_settings_path?: string;
            /** @description Check this manifest instead of the one the settings name. */
            manifest_path?: string;
            /** @description Check this postprocess.json instead. */
            postprocess_config_path?: string;
        };
        ConfigProblem: {
            file: string;
            /** @description Dotted path inside the file, e.g. `pipeline.postprocess.upscale_backend`. */
            field: string;
            message: string;
        };
        ResolvedSetting: {
            key: string;
            /** @description The value in effect (any JSON value). */
            value: unknown;
            /** @enum {string} */
            source: "override" | "project" | "app" | "default";
            /** @description The file the value came from. */
            file?: string;
        };
        ValidateRunConfigResponse: {
            /** @constant */
            ok: true;
            summary: {
                valid: boolean;
                project_root?: string;
                app_settings_loaded: boolean;
                project_settings_loaded: boolean;
                resolved_manifest_path: string;
                resolved_postprocess_config_path: string;
                manifest_loaded: boolean;
                postprocess_config_loaded: boolean;
                problems: components["schemas"]["ConfigProblem"][];
                settings: components["schemas"]["ResolvedSetting"][];
            };
        };
        /** @enum {string} */
        RunMode: "dry" | "run";
        /**
         * @description `queued -> running -> succeeded | partial | failed | canceled` (`canceling` while a cancel waits
         *     for the request in flight). `partial`: some jobs failed. `interrupted`: the server stopped while
         *     the run was queued or running (on SIGTERM/SIGINT it first lets an image request in flight finish
         *     within `KROMA_SHUTDOWN_GRACE_MS`, default 30000, then aborts it, recorded as possibly billed), or
         *     the process that owned it is gone; it is never re-run by itself (`POST /runs/{runId}/resume`).
         *     A dry run that planned its jobs is `succeeded`.
         * @enum {string}
         */
        RunRecordStatus: "queued" | "running" | "canceling" | "succeeded" | "partial" | "failed" | "canceled" | "interrupted";
        Run: {
            /** @description The run id (`run_<stamp>_<hex>`), as in the run log. */
            id: string;
            project_id: string;
            run_mode: components["schemas"]["RunMode"];
            status: components["schemas"]["RunRecordStatus"];
            stage: string | null;
            time_of_day: string | null;
            weather: string | null;
            model_name: string | null;
            provider_code: string | null;
            /** @description What the run used: generation, output guard, post-process, API, versions and inputs; null until the run starts. */
            settings_snapshot_json: components["schemas"]["JsonObject"] | null;
            image_size: string | null;
            image_quality: string | null;
            /** @description The run log, relative to the project root (`runs/<run_id>.json`) once written. */
            run_log_path: string | null;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            finished_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            /** @description Why the run failed or stopped, when it did. */
            error: string | null;
            /** @description The run log's counts (`jobs`, `done`, `failed`, ...); null until the log is ingested. */
            summary_json: components["schemas"]["JsonObject"] | null;
            /**
             * Format: date-time
             * @description When the run was put in the trash (`deleteRun`); null while it is live.
             */
            deleted_at: string | null;
            /** @description The trash entry holding it, while deleted. */
            trash_id: string | null;
            /** @description What a paid run the server queued reserved against the project's budget (its spend estimate); null for dry and ingested runs. */
            reserved_usd: number | null;
            /** @description The run this one re-runs (`POST /runs/{runId}/rerun`); null for a run triggered or ingested. */
            retried_from: string | null;
        };
        RunCandidate: {
            id: string;
            job_id: string;
            candidate_index: number;
            /**
             * @description `planned` in dry runs; `existing`: a post-process run's source file.
             * @enum {string}
             */
            status: "planned" | "generated" | "existing" | "failed";
            output_asset_id: string | null;
            /** @description Set on the selected candidate: the job's final output asset. */
            final_asset_id: string | null;
            output_path: string | null;
            final_output_path: string | null;
            rank_hard_failures: number | null;
            rank_soft_warnings: number | null;
            rank_avg_chroma_exceed: number | null;
            /** @description Attempts, usage, the cost recorded from it, error, timings and bytes, as logged (the guard verdict is the quality report). */
            meta_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
        };
        RunJob: {
            id: string;
            run_id: string;
            /** @description The job id of the run log (`style_1_street`). */
            job_key: string;
            /**
             * @description `running`: the job generating now in a run still in progress (its candidates so far are recorded).
             * @enum {string}
             */
            status: "planned" | "done" | "failed" | "failed_guard" | "canceled" | "running";
            prompt_text: string | null;
            selected_candidate_index: number | null;
            final_asset_id: string | null;
            final_output: string | null;
            /** @description Stage, time, weather, input images, error and timing, as logged. */
            meta_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
            candidates: components["schemas"]["RunCandidate"][];
            review_state: components["schemas"]["ReviewState"];
        };
        Asset: {
            id: string;
            project_id: string;
            /** @description `image` for files a run wrote. */
            kind: string;
            /** @description `final` (the job's chosen candidate), `candidate` (another of its N), or the post-process stage that wrote it. */
            asset_kind: string | null;
            /** @description `file://` URL of the file when it was ingested. */
            storage_uri: string | null;
            /** @description Relative to the project root. */
            rel_path: string | null;
            storage_backend: string;
            mime_type: string | null;
            width: number | null;
            height: number | null;
            sha256: string | null;
            run_id: string | null;
            job_id: string | null;
            candidate_id: string | null;
            metadata_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
            /**
             * @description True when the file at `rel_path` no longer holds the bytes `sha256` names and they were not
             *     found elsewhere in the project (a record from before runs wrote under `outputs/<run_id>/`,
             *     whose file a later run replaced). Such a record is kept, but its file is not served.
             */
            stale: boolean;
            /** @description The uploaded file's name (`uploadAsset`); null for files a run wrote. */
            original_name?: string | null;
            /**
             * Format: date-time
             * @description When the asset was put in the trash (`deleteAsset`, `deleteRun`, `pruneRun`, `collectGarbage`);
             *     null while it is live. While its entry is `trashed`, `rel_path` names its place in the
             *     trash and its file route serves it from there; after a purge the record stays and its file
             *     is gone.
             */
            deleted_at: string | null;
            /** @description The trash entry holding it, while deleted. */
            trash_id: string | null;
        };
        /**
         * @description `fail`: hard failures; `warn`: soft warnings only; `pass`: neither.
         * @enum {string}
         */
        QualityGrade: "pass" | "warn" | "fail";
        QualityReport: {
            id: string;
            project_id: string;
            run_id: string | null;
            asset_id: string | null;
            /** @description `output_guard` for the guard's verdict on a candidate. */
            report_type: string;
            grade: components["schemas"]["QualityGrade"];
            hard_failures: number;
            soft_warnings: number;
            avg_chroma_exceed: number;
            /** @description The guard's verdict as logged (`checked_input`, `summary`, `files`). */
            summary_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
        };
        CostEvent: {
            id: string;
            project_id: string;
            run_id: string | null;
            job_id: string | null;
            provider_code: string;
            model_name: string | null;
            /** @description `image_generation`: the images one job generated. */
            event_type: string;
            /** @description Images generated (candidates that succeeded). */
            units: number;
            /** @description List-price estimate; null when unknown for the model, size or quality. */
            unit_cost_usd: number | null;
            total_cost_usd: number | null;
            currency: string;
            /** @description Job key, the candidates generated, total tokens, size and quality (the basis of the estimate is in the run's settings snapshot), and `recorded_cost_usd`: the job's cost from its answers' usage (null when an answer could not be priced; absent for logs without it). */
            meta_json: components["schemas"]["JsonObject"];
            created_at: components["schemas"]["Timestamp"];
        };
        RunListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            runs: components["schemas"]["Run"][];
        };
        RunResponse: {
            /** @constant */
            ok: true;
            run: components["schemas"]["Run"];
        };
        RunDetailResponse: {
            /** @constant */
            ok: true;
            run: components["schemas"]["Run"];
            jobs: components["schemas"]["RunJob"][];
        };
        RunJobListResponse: {
            /** @constant */
            ok: true;
            run_id: string;
            count: number;
            jobs: components["schemas"]["RunJob"][];
            /** @description Over every job of the run, whatever `review` filters. */
            review_progress: components["schemas"]["ReviewProgress"];
        };
        /** @description What to deliver: the approved finals of one run (`run_id`), or the latest approved final of every scene (`latest_approved: true`). Exactly one. */
        DeliveryRequest: {
            run_id?: string;
            latest_approved?: boolean;
        };
        ProjectBudget: {
            /** @description The ceiling for the project's paid runs in all, in USD; null when none is set (then nothing is refused for it). */
            budget_usd: number | null;
            /**
             * @description What the project's paid runs hold against it: each queued or running run's reservation (its
             *     estimate at trigger time), and each finished run's recorded cost (its cost events).
             */
            committed_usd: number;
            /** @description `budget_usd - committed_usd`; null without a budget. */
            remaining_usd: number | null;
            /** Format: date-time */
            updated_at: string | null;
        };
        ProjectBudgetResponse: {
            /** @constant */
            ok: true;
            budget: components["schemas"]["ProjectBudget"];
        };
        SetProjectBudgetRequest: {
            /** @description The new ceiling in USD; null removes it. */
            budget_usd: number | null;
        };
        /**
         * @description What was put in the trash: one asset (`deleteAsset`), a whole run (`deleteRun`), a run's
         *     unchosen or rejected candidates (`pruneRun`) or what `collectGarbage` found.
         * @enum {string}
         */
        TrashEntryKind: "asset" | "run" | "candidates" | "gc";
        /** @enum {string} */
        TrashEntryStatus: "trashed" | "restored" | "purged";
        TrashedFile: {
            /** @description Where the file was, relative to the project root; a restore puts it back there. */
            rel_path: string;
            /** @description Where it is while in the trash (`.kroma/trash/<trash_id>/<rel_path>`). */
            trash_path: string;
            bytes: number;
            sha256: string | null;
            /** @description The record that named it; null for an orphan file (`gc`) or a run log. */
            asset_id: string | null;
        };
        TrashEntry: {
            /** @description `trash_<uuid>`. */
            id: string;
            project_id: string;
            kind: components["schemas"]["TrashEntryKind"];
            status: components["schemas"]["TrashEntryStatus"];
            /** @description What it holds, for people (`run run_... (12 assets)`). */
            label: string;
            /** @description The run deleted or pruned; null otherwise. */
            run_id: string | null;
            /** @description The asset records put in the trash with it. */
            asset_ids: string[];
            files: components["schemas"]["TrashedFile"][];
            file_count: number;
            /** @description Bytes the files take; what a purge frees. */
            bytes: number;
            deleted_at: components["schemas"]["Timestamp"];
            /** @description When a purge of expired entries removes it (`KROMA_TRASH_RETENTION_DAYS` after `deleted_at`). */
            expires_at: components["schemas"]["Timestamp"];
            /** @description The token's label; null when auth is off. */
            deleted_by: string | null;
            note: string | null;
            /** Format: date-time */
            restored_at: string | null;
            /** Format: date-time */
            purged_at: string | null;
        };
        TrashResponse: {
            /** @constant */
            ok: true;
            trash: components["schemas"]["TrashEntry"];
        };
        TrashListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            /** @description Bytes held by every entry still `trashed`. */
            bytes: number;
            /** @description How long an entry stays restorable. */
            retention_days: number;
            trash: components["schemas"]["TrashEntry"][];
        };
        PruneRunRequest: {
            /**
             * @description `unchosen` (the default): every candidate that is not its job's final (the image and its post-processed
             *     files). `rejected`: every file of the jobs a review rejected.
             * @enum {string}
             */
            which?: "unchosen" | "rejected";
            note?: string;
        };
        /** @description Which entries to purge: by default those past `expires_at`; `trash_ids` names some; `all: true` empties the trash. */
        PurgeTrashRequest: {
            trash_ids?: string[];
            all?: boolean;
        };
        PurgeTrashResponse: {
            /** @constant */
            ok: true;
            /** @description Ids of the entries purged. */
            purged: string[];
            /** @description Files removed. */
            files: number;
            /** @description Bytes freed. */
            bytes: number;
        };
        GarbageRequest: {
            /** @description Report only (`true`, the default). `false` moves what was found into the trash, as one `gc` entry. */
            dry_run?: boolean;
        };
        OrphanFile: {
            /** @description Relative to the project root. */
            path: string;
            bytes: number;
        };
        MissingFile: {
            asset_id: string;
            path: string | null;
        };
        GarbageResponse: {
            /** @constant */
            ok: true;
            dry_run: boolean;
            /** @description Files looked at under the directories runs and uploads write. */
            scanned: number;
            /** @description Files no record names. */
            orphan_files: components["schemas"]["OrphanFile"][];
            orphan_bytes: number;
            /** @description Records whose file is not there. */
            missing_files: components["schemas"]["MissingFile"][];
            /** @description Directories left alone: those of runs still queued or running. */
            skipped: string[];
            /** @description The entry made when `dry_run` was false and something was found. */
            trash: components["schemas"]["TrashEntry"] | null;
        };
        DiskArea: {
            /** @description A top-level directory of the project root (`outputs`, `upscaled`, `uploads`, `.kroma/trash`, `.kroma/cache`, ...); `(root)` for files directly in it. */
            area: string;
            bytes: number;
            files: number;
        };
        RunDiskUse: {
            run_id: string;
            /** @description Bytes of the run's files still in place (its assets and its run log). */
            bytes: number;
            files: number;
            /** @description Bytes of the run's files now in the trash. */
            trashed_bytes: number;
        };
        DiskUsageResponse: {
            /** @constant */
            ok: true;
            /** @description Every file under the project root. */
            total_bytes: number;
            files: number;
            trash_bytes: number;
            /** @description Thumbnails; made again when needed. */
            cache_bytes: number;
            /** @description Largest first. */
            areas: components["schemas"]["DiskArea"][];
            /** @description Every run of the project, largest first. */
            runs: components["schemas"]["RunDiskUse"][];
        };
        RunDiskUsageResponse: {
            /** @constant */
            ok: true;
            usage: components["schemas"]["RunDiskUse"];
        };
        /**
         * @description A job's review: `pending` until someone approves or rejects its final, and again after an
         *     undo or after another candidate is selected (a decision is about the candidate's bytes).
         * @enum {string}
         */
        ReviewState: "pending" | "approved" | "rejected";
        /** @enum {string} */
        ReviewAction: "select" | "approve" | "reject" | "undo";
        /** @description How far a run's review has come; `decided` = approved + rejected. */
        ReviewProgress: {
            total: number;
            decided: number;
            approved: number;
            rejected: number;
            pending: number;
        };
        /** @description One decision on a job, as the review history lists it (oldest first). */
        ReviewEvent: {
            id: string;
            run_id: string;
            job_id: string;
            seq: number;
            action: components["schemas"]["ReviewAction"];
            state: components["schemas"]["ReviewState"];
            /** @description The job's chosen candidate after the decision. */
            candidate_index: number | null;
            /** @description The sha256 of that candidate's image. */
            candidate_sha256: string | null;
            previous_state: components["schemas"]["ReviewState"];
            /** @description What the decision replaced. */
            previous_candidate_index: number | null;
            /** @description Why, as the reviewer wrote it. */
            note: string | null;
            /** @description The label of the token that decided (null when no token was needed). */
            actor: string | null;
            /** @description The decision's audit event (`GET /audit-events`). */
            audit_id: string;
            created_at: components["schemas"]["Timestamp"];
        };
        SelectCandidateRequest: {
            /** @description The candidate to make the job's final. */
            candidate_index: number;
            note?: string;
            /**
             * @description Needed only when making the candidate final would call a paid service (a post-process
             *     step it never completed); without it such a select is refused, naming the step.
             */
            confirm_spend?: boolean;
        };
        ReviewDecisionRequest: {
            note?: string;
        };
        ApproveRequest: {
            note?: string;
            /** @description Also make the approved final the project's baseline for the job's scene. */
            baseline?: boolean;
            /** @description With `baseline`: replace the scene's existing baseline (without it, an existing one is a 409). */
            replace_baseline?: boolean;
        };
        /** @description The approved final a scene is held to. */
        Baseline: {
            /** @description The scene's path under the project root (`scenes/alley.png`). */
            scene: string;
            asset_id: string;
            run_id: string;
            job_id: string;
            created_at: components["schemas"]["Timestamp"];
        };
        ReviewResponse: {
            /** @constant */
            ok: true;
            job: components["schemas"]["RunJob"];
            review: components["schemas"]["ReviewEvent"];
            baseline?: components["schemas"]["Baseline"];
            replaced_baseline?: components["schemas"]["Baseline"] | null;
            audit_id: string;
        };
        ReviewHistoryResponse: {
            /** @constant */
            ok: true;
            run_id: string;
            job_id: string;
            count: number;
            history: components["schemas"]["ReviewEvent"][];
        };
        AssetListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            assets: components["schemas"]["Asset"][];
        };
        AssetResponse: {
            /** @constant */
            ok: true;
            asset: components["schemas"]["Asset"];
        };
        /** @enum {string} */
        UploadAssetKind: "scene" | "reference";
        UploadAssetForm: {
            /**
             * Format: binary
             * @description The image: PNG, JPEG or WebP.
             */
            file: string;
            /** @description The file's original name (default: the part's file name). */
            name?: string;
        };
        UploadAssetResponse: {
            /** @constant */
            ok: true;
            asset: components["schemas"]["Asset"];
            /** @description True when these bytes were stored before as this kind: `asset` is that asset. */
            deduplicated: boolean;
        };
        IngestRunForm: {
            /**
             * Format: binary
             * @description The run log (JSON), as written to `runs/<run_id>.json`.
             */
            run_log: string;
            /** @description Files the log names; each part's file name is the path the log gives it, relative to the project root. */
            files?: string[];
        };
        IngestRunResponse: {
            /** @constant */
            ok: true;
            run_id: string;
            /** @description False when this very log was recorded before: nothing changed. */
            changed: boolean;
            /** @description Rows written, when `changed`. */
            counts?: {
                jobs: number;
                candidates: number;
                assets: number;
                quality_reports: number;
                cost_events: number;
            };
            /** @description The files the log names, by how the server has them. */
            files: {
                /** @description Placed from this request's uploads. */
                received: number;
                /** @description Already under the project root with the log's sha256. */
                on_disk: number;
            };
        };
        RecordAssetMovesRequest: {
            moves: {
                /** @description Where the file was, relative to the project root. */
                from: string;
                /** @description Where it is now, relative to the project root. */
                to: string;
            }[];
        };
        RecordAssetMovesResponse: {
            /** @constant */
            ok: true;
            /** @description Asset records now naming the new paths. */
            records: number;
            /** @description Moves left unrecorded, with why (the file is not at `to` with the record's sha256, or is still at `from`). */
            refused: {
                from: string;
                to: string;
                reason: string;
            }[];
        };
        QualityReportListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            quality_reports: components["schemas"]["QualityReport"][];
        };
        CostEventListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            total_cost_usd: number;
            cost_events: components["schemas"]["CostEvent"][];
        };
        /**
         * @description A run request: every option `kroma lab run` takes, with the flag's name in snake_case, but for
         *     the ones naming a file on the server's disk (the server uses the project's stored root and its
         *     layered settings). One of `input` (a file or directory under the project root), `scene_refs`,
         *     `batch`, `assets` and `from_run`; `time` only with stage time or weather; `weather` only with
         *     stage weather. `assets` and `from_run` post-process existing files (no image request, a
         *     post-processing stage must be on). `prompt` asks for one image from that prompt, with at most
         *     one input image (`input` or `scene_refs`) or none (an images generation).
         */
        TriggerRunRequest: {
            /** @description Default `dry`. */
            mode?: components["schemas"]["RunMode"];
            /** @description Required (true) for `mode: run`. */
            confirm_spend?: boolean;
            input?: string;
            scene_refs?: string[];
            style_refs?: string[];
            /** @description Default `style`. */
            stage?: components["schemas"]["RunStage"];
            time?: components["schemas"]["RunTimeOfDay"];
            weather?: components["schemas"]["RunWeather"];
            /** @description Images per job (default: the manifest's, else 1); at most `max_candidates` unless `allow_many_candidates`. */
            candidates?: number;
            /** @description Upper bound for `candidates` (default: the manifest's, else 6). */
            max_candidates?: number;
            /** @description Let `candidates` exceed `max_candidates`. */
            allow_many_candidates?: boolean;
            /** @description Run the output guard (default true). */
            output_guard_enabled?: boolean;
            /** @description Fail images that are not grayscale-like (default: the manifest's). */
            enforce_grayscale?: boolean;
            /** @description The guard's grayscale threshold (default: the manifest's). */
            max_chroma_delta?: number;
            /** @description Fail images above the threshold instead of warning (default: the manifest's). */
            fail_on_chroma_exceed?: boolean;
            /** @description Archive a file about to be overwritten under `archive/replaced/` first (default true). */
            archive_replaced?: boolean;
            /** @description Remove the background of every generated image (over the layered setting `pipeline.postprocess.bg_remove`). */
            post_bg_remove?: boolean;
            /** @description Upscale every generated image (`pipeline.postprocess.upscale`). */
            post_upscale?: boolean;
            /** @description `sharp` or `realesrgan-ncnn` (`pipeline.postprocess.upscale_backend`); 400 when upscaling is off. */
            upscale_backend?: string;
            /** @description Colour-correct every generated image (`pipeline.postprocess.color`). */
            post_color?: boolean;
            /** @description A colour profile (`pipeline.postprocess.color_profile`); 400 when colour correction is off. */
            post_color_profile?: string;
            /** @description Replaces the manifest's `prompts.style_base` for this run. */
            style_base_prompt?: string;
            /** @description Replaces `prompts.time_day`. */
            time_day_prompt?: string;
            /** @description Replaces `prompts.time_night`. */
            time_night_prompt?: string;
            /** @description Replaces `prompts.weather_clear`. */
            weather_clear_prompt?: string;
            /** @description Replaces `prompts.weather_rain`. */
            weather_rain_prompt?: string;
            /** @description Image model of this run (default: the server's `OPENAI_IMAGE_MODEL`, else `gpt-image-1`); one the pipeline's model table knows, else 400 naming the supported ones. */
            model?: string;
            /** @description Image size of this run (default: the server's `OPENAI_IMAGE_SIZE`, else `1024x1536`); one the model accepts, else 400 listing the sizes it does. */
            size?: string;
            /** @description Image quality of this run (default: the server's `OPENAI_IMAGE_QUALITY`, else `medium`); one the model accepts. */
            quality?: string;
            /** @description Upload the project's new or changed files to its S3 storage after the run (`POST /storage/s3/sync`); refused (400) when the project has no S3 storage enabled, or no credentials that may go to its endpoint. */
            storage_sync_s3?: boolean;
            /** @description Refused: the root comes from the project's stored storage. */
            project_root?: unknown;
            /** @description Refuse the run (400, nothing queued or sent) when its `spend_estimate` exceeds this many dollars, or cannot be priced fully. */
            max_spend_usd?: number;
            /** @description A prompt template of the project, by name or id: its text, with `{placeholders}` filled, replaces the manifest's prompt (which it can place with `{base_prompt}`). Unknown: 400. */
            prompt_template?: string;
            /** @description A style guide of the project, by name or id: its instructions join every prompt. */
            style_guide?: string;
            /** @description Characters of the project, by name or id: each joins every prompt as `name: prompt_text`. */
            characters?: string[];
            /** @description A reference set of the project, by name or id: its text items join every prompt, its image items (an uploaded asset, or a project file named by `content_uri`) are sent as extra input images, up to the model's limit (else 400). */
            reference_set?: string;
            prompt_fields?: components["schemas"]["PromptFields"];
            /** @description Rows that each name a scene and its template fields and overrides, instead of `input` or `scene_refs`; what `kroma lab dry|run --batch FILE` reads from a JSONL or CSV file. */
            batch?: components["schemas"]["BatchRow"][];
            /** @description Plan every job this many times, as separate jobs (after a batch's own expansion). Default 1. */
            repeat?: number;
            /** @description Post-process these assets of the project (by id) instead of generating: one job per asset, no image request, the chain's files under the new run's directories, each linked `derived_from` its source. Needs a post-processing stage on (else 400); instead of `input`, `scene_refs`, `batch` and `from_run`. */
            assets?: string[];
            /** @description Post-process the final output of every job of this run of the project, as `assets` does; unknown run, or one without a final output: 400. */
            from_run?: string;
            /** @description One image from this prompt, which replaces the manifest's composed prompt (a style guide, characters or reference set named still join it; `prompt_template` is refused). With `input` or `scene_refs` naming one image: an edit of it; with neither: an images generation (no input image). Not with `batch`, `assets`, `from_run` or `prompt_template`. */
            prompt?: string;
            /** @description Answer once the run has finished, within the server's `KROMA_TRIGGER_WAIT_MAX_S` (300 s unless set), with `status_code` and `stdout` in `pipeline_trigger`; not given or false: answer at once. The same as the header `Prefer: wait=<seconds>`. */
            wait?: boolean;
        };
        TriggerRunResponse: {
            /** @constant */
            ok: true;
            pipeline_trigger: {
                run_id: string;
                status: components["schemas"]["RunRecordStatus"];
                mode: components["schemas"]["RunMode"];
                run: components["schemas"]["Run"];
                spend_estimate: components["schemas"]["SpendEstimate"];
                /** @description Only in a waited answer (`wait`, `Prefer: wait`) whose run finished: 0 when it succeeded, 1 otherwise (the upstream's exit code). */
                status_code?: number;
                /** @description Only in a waited answer whose run finished: `Run log: <path>` and `Jobs: <n>` on two lines, as the upstream's smoke client reads them. */
                stdout?: string;
            };
        };
        /**
         * @description Which jobs of a run to run again, as a new run: `jobs` (`all` or `failed`) xor `job_ids` (the
         *     run's job record ids or job keys, e.g. the scenes a reviewer rejected). The new run repeats the
         *     original's recorded request and settings for those jobs' scenes.
         */
        RerunRunRequest: {
            /**
             * @description `all`: every job's scene; `failed`: the scenes of jobs that did not finish (`failed`, `failed_guard`, `canceled`).
             * @enum {string}
             */
            jobs?: "all" | "failed";
            job_ids?: string[];
            /** @description Required (true) when the original is a paid run. */
            confirm_spend?: boolean;
            /** @description As the trigger's: refuse (400) when the new run's `spend_estimate` exceeds it. */
            max_spend_usd?: number;
            /** @description As the trigger's `wait`. */
            wait?: boolean;
        };
        /**
         * @description What a run will cost before it sends anything: the image API requests (jobs x candidates;
         *     retries not counted), the images, their list price from the model table
         *     (`packages/pipeline/src/generate/models.ts`), and the paid post-processing calls the run makes
         *     for every candidate (a cut-out from a paid first backend, PhotoRoom or remove.bg, and the
         *     OpenAI refine pass). `total_usd` is null when any part cannot be priced (an `auto` quality, a
         *     model the table does not know, PhotoRoom or remove.bg, whose prices are not in the table);
         *     `basis` says what was counted and what was not. An estimate from list prices, not a bill. A
         *     dry run's log and a trigger's answer carry it (for a dry run: what the same run in `mode: run`
         *     would cost).
         */
        SpendEstimate: {
            /** @description Image API requests the run will send (jobs x candidates); retries not counted. */
            requests: number;
            images: number;
            per_image_usd: number | null;
            images_usd: number | null;
            /** @description The paid post-process stages the run calls for every candidate. */
            postprocess: {
                stage: components["schemas"]["PostprocessStageName"];
                /** @description `photoroom`, `removebg` or `openai`. */
                backend: string;
                calls: number;
                /** @description Null when the table has no price for the service. */
                usd: number | null;
            }[];
            /** @description Images plus post-processing; null when any part is null. */
            total_usd: number | null;
            basis: string;
        };
        /**
         * @description One server-sent event of `GET /runs/{runId}/events` (the `data:` JSON; `event:` repeats `type`).
         *     `status`: the run's status now. `progress`: a request went out or was retried, a candidate or
         *     a job finished (`phase`; indexes are 1-based). `done`: the terminal status, the summary and
         *     error if any; the last event of the stream.
         */
        RunEvent: {
            /** @enum {string} */
            type: "status" | "progress" | "done";
            run_id: string;
            status: components["schemas"]["RunRecordStatus"];
            /** @enum {string} */
            phase?: "request" | "retry" | "candidate_done" | "candidate_failed" | "job_done" | "job_skipped";
            job?: string;
            job_index?: number;
            jobs?: number;
            candidate?: number;
            candidates?: number;
            attempt?: number;
            job_status?: string;
            error?: string;
            /** @description `candidate_done`, `job_done`: the job's record id (`GET /runs/{runId}/jobs`); `job` is its key in the log. */
            job_id?: string;
            /**
             * @description `candidate_done`: the assets the candidate made (its image, then each post-processed file),
             *     recorded before the event was sent, so `GET /assets/{assetId}/file` already serves them.
             *     `job_done`: every asset of the job.
             */
            asset_ids?: string[];
            summary?: components["schemas"]["JsonObject"] | null;
        };
        /** @description A run log as written to `runs/<run_id>.json`: a dry run (`mode: dry`) or a paid run (`mode: run`). */
        RunLog: components["schemas"]["DryRunLog"] | components["schemas"]["PaidRunLog"];
        /** @enum {string} */
        RunStage: "style" | "time" | "weather";
        /** @enum {string} */
        RunTimeOfDay: "day" | "night";
        /** @enum {string} */
        RunWeather: "clear" | "rain";
        /** @description The output guard a run applies (manifest values with the request's overrides). */
        RunOutputGuardSettings: {
            enabled: boolean;
            enforce_grayscale: boolean;
            max_chroma_delta: number;
            fail_on_chroma_exceed: boolean;
        };
        /** @description One file a run read, identified by content. */
        RunLogInput: {
            /** @description Relative to the project root (with `/`) when inside it, else absolute. */
            path: string;
            /**
             * @description `reference`: an image of the run's reference set, sent after the style refs.
             * @enum {string}
             */
            role: "scene" | "style_ref" | "reference";
            sha256: string;
            size: number;
        };
        /**
         * @description A project record a run's prompts were composed from: its kind, id and name, and the sha256 of
         *     its content (the fields a prompt can depend on, as JSON with sorted keys; for a reference set,
         *     its items too), so a replay tells a changed record from an unchanged one.
         */
        PromptRecordRef: {
            /** @enum {string} */
            kind: "prompt_template" | "style_guide" | "character" | "reference_set";
            id: string;
            name: string;
            sha256: string;
        };
        /** @description The existing asset a post-process run's job starts from (`assets`, `from_run`): its id, file and the sha256 its record names, which the file was checked against before the chain ran. */
        RunSourceAsset: {
            asset_id: string;
            /** @description Relative to the project root. */
            path: string;
            sha256: string;
        };
        /** @description Values for a prompt template's `{placeholders}` (names of letters, digits and `_`; the built-in `scene`, `stage`, `time`, `weather`, `base_prompt`, `style_guide`, `characters` and `references` cannot be set). */
        PromptFields: {
            [key: string]: string;
        };
        /**
         * @description One row of a batch. A list in `scene` or in a field expands the row: lists named together in
         *     a `zip` group advance in step (equal lengths), every other list multiplies (product, the last
         *     varying fastest), as InvokeAI's batches do; `repeat` runs each combination that many times.
         *     Each job records its row (`batch_row`, 1-based) and its fields (`prompt_fields`).
         */
        BatchRow: {
            /** @description Scene image(s), relative to the project root. */
            scene: string | string[];
            /** @description Template fields of this row (over the request's `prompt_fields`); a list expands the row. */
            fields?: {
                [key: string]: string | string[];
            };
            stage?: components["schemas"]["RunStage"];
            time?: components["schemas"]["RunTimeOfDay"];
            weather?: components["schemas"]["RunWeather"];
            /** @description Groups of keys (`scene` and field names) whose lists advance together. */
            zip?: string[][];
            /** @description Default 1. */
            repeat?: number;
        };
        RunLogGeneration: {
            candidates: number;
            max_candidates: number;
        };
        RunLogStorage: {
            project_root: string;
            resolved_from_backend: boolean;
        };
        RunLogVersions: {
            kroma: string;
            node: string;
        };
        /** @description A job of a dry run: what would be generated, and where. */
        DryRunJob: {
            id: string;
            /** @description The stage, named `mode` as in the seed's logs. */
            mode: components["schemas"]["RunStage"];
            time: components["schemas"]["RunTimeOfDay"];
            weather: components["schemas"]["RunWeather"];
            /** @description The scene, then every style reference, then the reference set's images; relative to the project root where inside it. */
            input_images: string[];
            /** @description Composed from the manifest's prompt and the run's records (`prompt_records`). */
            prompt: string;
            /** @description The template fields the job was given (the request's, then its batch row's); absent when none. */
            prompt_fields?: components["schemas"]["PromptFields"];
            /** @description The batch row (1-based) that produced the job; absent without a batch. */
            batch_row?: number;
            source_asset?: components["schemas"]["RunSourceAsset"];
            /** @constant */
            status: "planned";
            planned_generation: {
                candidates: number;
                outputs: string[];
            };
            /** @description The post-process settings the caller resolved, recorded as given (any JSON value). */
            planned_postprocess: unknown;
            planned_output_guard: components["schemas"]["RunOutputGuardSettings"];
        };
        /**
         * @description The log of a dry run: the seed's fields plus what reproduction and audit need (run id, schema
         *     version, tool versions, a sha256 of every input, the planned output paths, a status and counts).
         *     Paths are relative to the project root (with `/`) where inside it, absolute otherwise.
         */
        DryRunLog: {
            run_id: string;
            /** @constant */
            schema_version: 1;
            timestamp: components["schemas"]["Timestamp"];
            project: string;
            /** @constant */
            mode: "dry";
            stage: components["schemas"]["RunStage"];
            time: components["schemas"]["RunTimeOfDay"];
            weather: components["schemas"]["RunWeather"];
            model: string;
            size: string;
            quality: string;
            generation: components["schemas"]["RunLogGeneration"];
            output_guard: components["schemas"]["RunOutputGuardSettings"];
            /** @description The post-process settings the caller resolved, recorded as given (any JSON value). */
            postprocess: unknown;
            storage: components["schemas"]["RunLogStorage"];
            versions: components["schemas"]["RunLogVersions"];
            inputs: components["schemas"]["RunLogInput"][];
            /** @description The records the prompts were composed from (absent in logs written before runs used records). */
            prompt_records?: components["schemas"]["PromptRecordRef"][];
            /** @description A one-image run's prompt as the request gave it (`prompt`), before any record joined it; absent for other runs. */
            prompt_given?: string;
            /** @description The reference set's images, sent after the style refs in every job's `input_images`; absent when none. */
            reference_images?: string[];
            jobs: components["schemas"]["DryRunJob"][];
            spend_estimate: components["schemas"]["SpendEstimate"];
            /** @constant */
            status: "planned";
            summary: {
                jobs: number;
                candidates: number;
            };
        };
        /** @description One request to the images API. */
        RequestAttempt: {
            attempt: number;
            /** @description HTTP status, or null when no response arrived (network failure, timeout). */
            status: number | null;
            ok: boolean;
            /** @description The API's `x-request-id`, for support requests about a specific image. */
            request_id?: string;
            error?: string;
            /** @description Whether this failure was worth another attempt. */
            retryable?: boolean;
            ms: number;
        };
        /** @description One image's guard result, as the QA report lists it. */
        GuardFileResult: {
            file: string;
            /** @description Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3, rounded to 4 decimals. */
            chroma_delta: number;
            grayscale_like: boolean;
            hard_fail_reasons: string[];
            soft_warnings: string[];
        };
        /** @description A candidate's rank: lower is better, compared in this order. */
        CandidateRank: {
            hard_failures: number;
            soft_warnings: number;
            avg_chroma_exceed: number;
        };
        /** @description The output guard's verdict on one candidate, in the seed's shape. */
        CandidateGuardLog: {
            /** @description The file the guard read (relative to the project root). */
            checked_input: string;
            summary: {
                total_files: number;
                hard_failures: number;
                soft_warnings: number;
            };
            files: components["schemas"]["GuardFileResult"][];
        };
        /** @description Token usage as the images API reports it (gpt-image models); kept as sent, so open to fields the API adds. */
        ImageUsage: {
            input_tokens?: number;
            output_tokens?: number;
            total_tokens?: number;
            /** @description Open (kept as sent); the fields below are the ones gpt-image models report. */
            input_tokens_details?: {
                image_tokens?: number;
                text_tokens?: number;
            };
            /** @description Open (kept as sent); reported by newer gpt-image models. Without it, `output_tokens` are image tokens. */
            output_tokens_details?: {
                image_tokens?: number;
                text_tokens?: number;
            };
        };
        /**
         * @description What one answered image request cost, computed from the `usage` the answer carried and the
         *     model table's per-token list prices (`packages/pipeline/src/generate/models.ts`), each kind of
         *     token at its own price: text input, image input, image output (and text output where the model
         *     reports it). Not the per-image estimate: the two are computed independently. `usd` is null, with
         *     the `reason`, when the answer carried no usage or a token price is not known: unknown, never 0.
         */
        RecordedImageCost: {
            /** @description The parts summed; null when any part cannot be priced (see `reason`). */
            usd: number | null;
            text_input_usd?: number;
            image_input_usd?: number;
            image_output_usd?: number;
            text_output_usd?: number;
            /** @description Why `usd` is null. */
            reason?: string;
        };
        /**
         * @description What a paid run's answered image requests cost, from the `usage` each carried (every
         *     candidate's `cost`, and the `params.cost` of each OpenAI refine pass of its post-processing):
         *     the sum, and how many answers were priced and how many not; PhotoRoom and remove.bg calls are
         *     not counted (their prices are not in the model table). `usd` is null
         *     when any answer could not be priced (no usage, or a token price the model table lacks); then
         *     `priced_usd` is the part that could be. Beside `spend_estimate`, made before the run from list
         *     prices per image; the two are computed independently.
         */
        RecordedSpend: {
            usd: number | null;
            /** @description The sum over the answers that could be priced. */
            priced_usd: number;
            priced_requests: number;
            /** @description Answers whose `cost.usd` is null. */
            unpriced_requests: number;
            basis: string;
        };
        /** @description One candidate of a paid run: what was asked, every attempt, and what came of it. */
        RunCandidateLog: {
            /** @description 1-based, as in the file name `__c<k>`. */
            candidate_index: number;
            /** @description Where the candidate is (or would have been) written, relative to the project root. */
            output: string;
            /**
             * @description `existing`: a post-process run's source file (the job's `source_asset`), taken as it is: no image request, nothing written.
             * @enum {string}
             */
            status: "generated" | "existing" | "failed";
            /** @description Why the candidate failed (API key masked). */
            error?: string;
            attempts: components["schemas"]["RequestAttempt"][];
            /** @description The guard's rank; null when the candidate was not generated or the guard is off. */
            rank: components["schemas"]["CandidateRank"] | null;
            /** @description The guard's verdict; null when the candidate was not generated or the guard is off. */
            output_guard: components["schemas"]["CandidateGuardLog"] | null;
            sha256: string | null;
            bytes: number | null;
            /** @description Pixel width of the written PNG (from its header). */
            width?: number;
            /** @description Pixel height of the written PNG (from its header). */
            height?: number;
            /** @description Token usage when the API reported it. */
            usage?: components["schemas"]["ImageUsage"];
            /** @description The cost of the answered request, from its usage; absent when no answer came back (a failed request bills nothing). */
            cost?: components["schemas"]["RecordedImageCost"];
            /** @description The post-process chain run on this candidate, when any stage is enabled; the guard then checks the chain's last output. */
            postprocess?: components["schemas"]["PostprocessChainLog"];
            /** @description Where the file this candidate overwrote was archived, when there was one. */
            archived_previous: string | null;
            /** @description Wall time for the candidate, all attempts and back-off included. */
            ms: number;
        };
        /** @enum {string} */
        PostprocessStageName: "bg_remove" | "bg_refine_openai" | "upscale" | "color";
        /** @description One background-removal backend tried, in order. */
        PostprocessBackendAttempt: {
            backend: string;
            ok: boolean;
            error?: string;
            ms: number;
        };
        /** @description One stage of the chain: what it read and wrote, how, how long, and the output's sha256. */
        PostprocessStageLog: {
            stage: components["schemas"]["PostprocessStageName"];
            /**
             * @description `skipped`: an optional refine pass that failed (see `warnings`).
             * @enum {string}
             */
            status: "done" | "skipped" | "failed";
            /** @description Relative to the project root. */
            input: string;
            /** @description Relative to the project root; null when the stage wrote nothing. */
            output: string | null;
            backend: string | null;
            backends_tried?: components["schemas"]["PostprocessBackendAttempt"][];
            params: components["schemas"]["JsonObject"];
            ms: number;
            sha256: string | null;
            width?: number;
            height?: number;
            warnings?: string[];
            error?: string;
            /** @description Where a file the stage replaced was archived (relative). */
            archived?: string;
        };
        /** @description The post-process chain on one image: stages in the fixed order bg_remove -> bg_refine_openai -> upscale -> color. */
        PostprocessChainLog: {
            /** @enum {string} */
            status: "done" | "failed";
            /** @description The last stage's output, or the last good file when a stage failed (relative). */
            final_output: string;
            pipeline_order: components["schemas"]["PostprocessStageName"][];
            stages: components["schemas"]["PostprocessStageLog"][];
        };
        /**
         * @description Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard;
         *     `canceled`: the run was canceled before the job finished. `running` appears only in the live
         *     records of a run still in progress (the job generating now, with its candidates so far),
         *     never in a finished run's log.
         * @enum {string}
         */
        RunJobStatus: "done" | "failed" | "failed_guard" | "canceled" | "running";
        /** @description One job of a paid run. */
        RunJobLog: {
            id: string;
            mode: components["schemas"]["RunStage"];
            time: components["schemas"]["RunTimeOfDay"];
            weather: components["schemas"]["RunWeather"];
            input_images: string[];
            prompt: string;
            prompt_fields?: components["schemas"]["PromptFields"];
            batch_row?: number;
            source_asset?: components["schemas"]["RunSourceAsset"];
            status: components["schemas"]["RunJobStatus"];
            error?: string;
            /** @description 1-based index of the chosen candidate; null when none was generated. */
            selected_candidate: number | null;
            /** @description `outputs/<job_id>.png` (relative) once written; null when no candidate was generated. */
            final_output: string | null;
            /** @description Where an earlier final output was archived when the copy replaced it (N > 1 only). */
            final_output_archived_previous: string | null;
            /** @description The selected candidate's post-processed file (the chain's last output), when post-processing ran. */
            final_postprocessed_output?: string | null;
            candidates: components["schemas"]["RunCandidateLog"][];
            ms: number;
        };
        /**
         * @description The run's outcome: every job done, some, or none; `canceled` when it was stopped on request.
         * @enum {string}
         */
        RunStatus: "succeeded" | "partial" | "failed" | "canceled";
        /** @description Counts for a quick look at a run. */
        RunSummary: {
            jobs: number;
            done: number;
            failed: number;
            failed_guard: number;
            canceled?: number;
            candidates_generated: number;
            candidates_failed: number;
        };
        /**
         * @description The log of a paid run (`mode: run`): the dry log's base fields plus, per job, status,
         *     selected candidate, final output and every candidate with its attempts, guard verdict, digest
         *     and timing; for the run, token usage, an estimated cost, timings, status and counts.
         *     `spend_estimate`: the estimate the run was checked against before its first request;
         *     `spend_recorded`: the cost of its answered requests from the usage each carried (both absent
         *     in logs written before they existed).
         */
        PaidRunLog: {
            run_id: string;
            /** @constant */
            schema_version: 1;
            timestamp: components["schemas"]["Timestamp"];
            project: string;
            /** @constant */
            mode: "run";
            stage: components["schemas"]["RunStage"];
            time: components["schemas"]["RunTimeOfDay"];
            weather: components["schemas"]["RunWeather"];
            model: string;
            size: string;
            quality: string;
            generation: components["schemas"]["RunLogGeneration"];
            output_guard: components["schemas"]["RunOutputGuardSettings"];
            /** @description The post-process settings the caller resolved (every stage off when none), recorded as given. */
            postprocess: unknown;
            storage: components["schemas"]["RunLogStorage"];
            versions: components["schemas"]["RunLogVersions"];
            inputs: components["schemas"]["RunLogInput"][];
            /** @description The records the prompts were composed from (absent in logs written before runs used records). */
            prompt_records?: components["schemas"]["PromptRecordRef"][];
            /** @description A one-image run's prompt as the request gave it (`prompt`), before any record joined it; absent for other runs. */
            prompt_given?: string;
            /** @description The reference set's images, sent after the style refs in every job's `input_images`; absent when none. */
            reference_images?: string[];
            started_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"];
            duration_ms: number;
            /** @description The API endpoint and retry policy the run used. */
            api: {
                base_url: string | null;
                /**
                 * @description `images.generate`: a `prompt` run without an input image; `none`: a post-process run (`assets`, `from_run`), which sends no image request.
                 * @enum {string}
                 */
                endpoint: "images.edit" | "images.generate" | "none";
                max_attempts: number;
                retry_base_delay_ms: number;
            };
            archive_replaced: boolean;
            jobs: components["schemas"]["RunJobLog"][];
            /** @description Token usage summed over every generated candidate; null when the API reported none. */
            usage: {
                input_tokens: number;
                output_tokens: number;
                total_tokens: number;
            } | null;
            /** @description An estimate from list prices (see `cost_estimate.basis`), not a bill. Null for unknown model or quality. */
            cost_estimate_usd: number | null;
            cost_estimate: {
                per_image_usd: number | null;
                images: number;
                basis: string;
            };
            spend_estimate?: components["schemas"]["SpendEstimate"];
            /** @description What the run's answered requests cost by their usage (absent in logs written before it existed). */
            spend_recorded?: components["schemas"]["RecordedSpend"];
            status: components["schemas"]["RunStatus"];
            /** @description Set when the run stopped early on an unexpected error; the log is written anyway. */
            error?: string;
            /** @description Each time an interrupted run was continued: when, and which jobs were kept from before. */
            resumes?: components["schemas"]["RunResume"][];
            summary: components["schemas"]["RunSummary"];
        };
        /**
         * @description One continuation of an interrupted run: when, which finished jobs were kept, and the image
         *     requests the stop before it aborted in flight (sent, so possibly billed by the provider,
         *     though no image came back; the job ran again).
         */
        RunResume: {
            at: components["schemas"]["Timestamp"];
            kept_jobs: string[];
            aborted_requests?: components["schemas"]["AbortedImageRequest"][];
        };
        /**
         * @description An image request a stopping server aborted when its shutdown grace period
         *     (`KROMA_SHUTDOWN_GRACE_MS`) ran out. The provider bills a request once it is sent, so it is
         *     recorded as possibly billed: first in the run's journal (`.kroma/in-progress/<run_id>.jsonl`,
         *     an `{"aborted": ...}` line), then in the final log's `resumes`.
         */
        AbortedImageRequest: {
            job: string;
            candidate: number;
            attempt: number;
            at: components["schemas"]["Timestamp"];
            /** @description How long the request was in flight. */
            ms: number;
            /** @constant */
            possibly_billed: true;
            error: string;
        };
        /**
         * @description `running` while the bundle is written (its process holds a lease on it); `completed` once it is in place; `failed` with `error` otherwise, also when the process writing it stopped (a server sweeping abandoned work marks it so and removes its temporary files).
         * @enum {string}
         */
        ExportStatus: "running" | "completed" | "failed";
        /** @description What the bundle holds, as its `manifest.json` says: the schema version, whether files are included, and counts. */
        ExportManifestSummary: {
            schema_version: number;
            include_files: boolean;
            /** @description Rows per record kind (`runs`, `jobs`, `assets`, `prompt_templates`, ...). */
            counts: {
                [key: string]: number;
            };
            /** @description Project files in the bundle (under `files/`). */
            files: number;
            /** @description Their total size. */
            files_bytes: number;
            /** @description Project files left out, and why: `symlink`, `special_file`, or `changed_during_export` (swapped for a symlink or another file, or changed, between the walk and the packing; never packed). */
            skipped: {
                path: string;
                reason: string;
            }[];
        };
        Export: {
            id: string;
            project_id: string;
            /** @description Always null: an export holds the whole project. */
            run_id: string | null;
            status: components["schemas"]["ExportStatus"];
            /** @enum {string} */
            export_format: "tar.gz";
            /** @description `file://` URL of the bundle. */
            storage_uri: string | null;
            /** @description The bundle's path as `output` takes it: relative to the project root, or `var/exports/...` relative to the app root. */
            rel_path: string | null;
            file_size_bytes: number | null;
            checksum_sha256: string | null;
            /** @description The manifest's summary once the bundle is complete; null before. */
            manifest_json: components["schemas"]["ExportManifestSummary"] | null;
            /** @description The asset recording the bundle file (kind `export`), once complete. */
            export_asset_id: string | null;
            /** @description Why the export failed. */
            error: string | null;
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            completed_at: string | null;
        };
        CreateExportRequest: {
            /** @description Put the project's files in the bundle too (default false: records only). */
            include_files?: boolean;
            /** @description Where to write the bundle: relative to the project root, or `var/exports/...` under the app root (only the project's own names there: `var/exports/<slug>_<name>.tar.gz` with no `_` in `<name>`, or under `var/exports/<slug>/`); ending in `/` names a directory. */
            output?: string;
        };
        ExportCreatedResponse: {
            /** @constant */
            ok: true;
            export: components["schemas"]["Export"];
            /** @description The bundle's absolute path. */
            export_path: string;
            export_sha256: string;
            export_asset_id: string;
        };
        ExportListResponse: {
            /** @constant */
            ok: true;
            count: number;
            total: number;
            exports: components["schemas"]["Export"][];
        };
        ExportResponse: {
            /** @constant */
            ok: true;
            export: components["schemas"]["Export"];
        };
        S3SyncRequest: {
            /** @description Report what would be uploaded; upload and record nothing (default false). */
            dry_run?: boolean;
        };
        /** @description One file the sync uploaded, would upload, or failed to upload. */
        S3SyncFile: {
            /** @description Relative to the project root, with `/`. */
            path: string;
            /** @description The object key. */
            key: string;
            size_bytes: number;
            sha256: string;
            /** @enum {string} */
            status: "uploaded" | "would_upload" | "failed";
            /**
             * @description Why it is (or would be) uploaded.
             * @enum {string}
             */
            reason?: "new" | "changed";
            /** @description Uploaded in parts (files of at least the part size). */
            multipart?: boolean;
            /** @description Why the upload failed. */
            error?: string;
        };
        S3SyncReport: {
            dry_run: boolean;
            bucket: string;
            /** @description `<prefix>/<slug>/`: every key starts with it. */
            key_prefix: string;
            /** @description Empty for AWS itself. */
            endpoint_url: string;
            /** @description Project files looked at. */
            scanned: number;
            uploaded: number;
            /** @description Dry run: files that would be uploaded (0 otherwise). */
            would_upload: number;
            /** @description Files unchanged since their last successful upload. */
            skipped: number;
            failed: number;
            bytes_uploaded: number;
            bytes_would_upload: number;
            /** @description Every file uploaded, to upload or failed (skipped ones are only counted). */
            files: components["schemas"]["S3SyncFile"][];
            started_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"];
        };
        S3SyncResponse: {
            /** @constant */
            ok: true;
            sync: components["schemas"]["S3SyncReport"];
        };
    };
    responses: {
        /** @description The request is invalid (`error_kind` "validation"), including a JSON body nested deeper than 64 levels or a `*_json` field deeper than 32 (`details.max_depth`). */
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
        /** @description No valid token (nor session cookie) was given while auth is required (`error_kind` "policy", `error_code` "unauthorized"). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The token may not do this, or policy refuses the request, such as a `Host` that is not the loopback server's own, or a state-changing request from another site's page (`Sec-Fetch-Site` not `same-origin`/`none`, or a foreign `Origin`) (`error_kind` "policy", `error_code` "forbidden"). */
        Forbidden: {
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
        /** @description The request has a body that is not sent with a media type its operation declares (`Content-Type: application/json`), or it changes state and carries `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`, which the operation does not declare, even without a body; `error_code` "unsupported_media_type". */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The image has more pixels than the server decodes (`error_code` "image_too_large", `details` names `width`, `height`, `max_pixels`). */
        ImageTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A bounded resource is used up by this client (`error_kind` "policy", `error_code` "too_many_requests"), such as the open event streams of one run. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The server cannot take this now (`error_kind` "infra", `error_code` "service_unavailable"): it is shutting down, or a server-wide limit is reached; try again later. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The client's copy (`If-None-Match`) is current; no body. */
        NotModified: {
            headers: {
                /** @description The validator the client sent, still current. */
                ETag?: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description No such project or asset (`not_found`), or its file is gone (`asset_file_missing`). */
        AssetFileMissing: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The file no longer hashes to the record's `sha256` (`asset_file_changed`, `details` names `path`, `expected_sha256`, `actual_sha256`), the record has no `sha256` (`asset_unverifiable`), or the path leads outside the project root (`asset_file_outside_root`). */
        AssetFileConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The range lies past the end of the file (`range_not_satisfiable`); `Content-Range: bytes *\/<size>`. */
        RangeNotSatisfiable: {
            headers: {
                /** @description `bytes *\/<size>`. */
                "Content-Range"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The file is not an image the server can read (`not_an_image`), or has more pixels than it decodes (`image_too_large`, `details.max_pixels`). */
        ImageUnreadable: {
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
        TemplateId: components["schemas"]["Id"];
        StyleGuideId: components["schemas"]["Id"];
        CharacterId: components["schemas"]["Id"];
        ReferenceSetId: components["schemas"]["Id"];
        ItemId: components["schemas"]["Id"];
        LinkId: components["schemas"]["Id"];
        RunId: components["schemas"]["Id"];
        /** @description `wait=<seconds>` (RFC 7240): answer once the run has finished, waiting at most that long (and at most the server's `KROMA_TRIGGER_WAIT_MAX_S`); `wait=0` answers at once. Other preferences are ignored. */
        PreferWait: string;
        AssetId: components["schemas"]["Id"];
        /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
        JobId: components["schemas"]["Id"];
        /** @description `true` deletes even what is protected: an approved final (and its post-processed files), a scene's baseline, an upload a reference set uses. */
        Force: boolean;
        TrashId: components["schemas"]["Id"];
        /** @description Most rows to return (default 500). */
        Limit: number;
        /** @description Rows to skip (default 0). */
        Offset: number;
        SessionId: components["schemas"]["Id"];
        InstructionId: components["schemas"]["Id"];
        /** @description The provider code, normalised like a slug. */
        ProviderCode: string;
        ExportId: components["schemas"]["Id"];
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
            403: components["responses"]["Forbidden"];
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
            403: components["responses"]["Forbidden"];
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
            403: components["responses"]["Forbidden"];
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
            403: components["responses"]["Forbidden"];
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
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    createAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAuthTokenRequest"];
            };
        };
        responses: {
            /** @description The new token, with its secret value (shown only here). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokenCreatedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listAuthTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every token, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokenListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthTokenRevokedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session and the token behind it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    createAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAuthSessionRequest"];
            };
        };
        responses: {
            /** @description The session, with the `Set-Cookie` header that carries its secret. */
            201: {
                headers: {
                    /** @description `kroma_session=<secret>; Max-Age=<ttl>; Path=/; HttpOnly; SameSite=Strict` (and `Secure` over https). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAuthSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is ended and the cookie cleared. */
            200: {
                headers: {
                    /** @description `kroma_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSessionDeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProjectBudget: {
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
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectBudgetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    setProjectBudget: {
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
                "application/json": components["schemas"]["SetProjectBudgetRequest"];
            };
        };
        responses: {
            /** @description The budget as set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectBudgetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listProjectSecrets: {
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
            /** @description The secrets, by provider code then name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    upsertProjectSecret: {
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
                "application/json": components["schemas"]["UpsertSecretRequest"];
            };
        };
        responses: {
            /** @description The secret's metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getSecretRotationStatus: {
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
            /** @description Counts per key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretRotationStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    rotateProjectSecrets: {
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
            /** @description What was rotated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretRotationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteProjectSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
                secretName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret is gone. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretDeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getBootstrapPrompt: {
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
            /** @description The export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BootstrapPromptResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    importBootstrapSettings: {
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
                "application/json": components["schemas"]["BootstrapImportRequest"];
            };
        };
        responses: {
            /** @description The per-section change summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BootstrapImportResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /** @description Only runs in this status. */
                status?: components["schemas"]["RunRecordStatus"];
                /** @description Only dry or paid runs. */
                mode?: components["schemas"]["RunMode"];
                /** @description `exclude` (the default) leaves out what is in the trash, `include` lists it too, `only` lists only it. */
                trashed?: "exclude" | "include" | "only";
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runs, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    triggerRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description `wait=<seconds>` (RFC 7240): answer once the run has finished, waiting at most that long (and at most the server's `KROMA_TRIGGER_WAIT_MAX_S`); `wait=0` answers at once. Other preferences are ignored. */
                Prefer?: components["parameters"]["PreferWait"];
            };
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriggerRunRequest"];
            };
        };
        responses: {
            /** @description The run is queued (200, as the seed's trigger answered; the run itself goes on after the answer), or, when the client waited, it has finished. */
            200: {
                headers: {
                    /** @description `wait=<seconds>`: the client's wait was honoured, for at most that long. */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunResponse"];
                };
            };
            /** @description The client waited, and the run had not finished when the wait ran out: the run as it is now. */
            202: {
                headers: {
                    /** @description `wait=<seconds>`: the client's wait was honoured, for at most that long. */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ingestRun: {
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
                "multipart/form-data": components["schemas"]["IngestRunForm"];
            };
        };
        responses: {
            /** @description The run is recorded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestRunResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDetailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteRun: {
        parameters: {
            query?: {
                /** @description `true` deletes even what is protected: an approved final (and its post-processed files), a scene's baseline, an upload a reference set uses. */
                force?: components["parameters"]["Force"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trash entry holding the run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    listRunJobs: {
        parameters: {
            query?: {
                /** @description Only jobs in this review state. */
                review?: components["schemas"]["ReviewState"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunJobListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run after the request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    resumeRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run is queued again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rerunRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description `wait=<seconds>` (RFC 7240): answer once the run has finished, waiting at most that long (and at most the server's `KROMA_TRIGGER_WAIT_MAX_S`); `wait=0` answers at once. Other preferences are ignored. */
                Prefer?: components["parameters"]["PreferWait"];
            };
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RerunRunRequest"];
            };
        };
        responses: {
            /** @description The new run is queued, or, when the client waited, it has finished. */
            200: {
                headers: {
                    /** @description `wait=<seconds>`: the client's wait was honoured, for at most that long. */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunResponse"];
                };
            };
            /** @description The client waited, and the new run had not finished when the wait ran out. */
            202: {
                headers: {
                    /** @description `wait=<seconds>`: the client's wait was honoured, for at most that long. */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    streamRunEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    selectJobCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectCandidateRequest"];
            };
        };
        responses: {
            /** @description The job after the decision, and the history entry it made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    approveJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            /** @description The job after the decision, and the history entry it made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    rejectJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReviewDecisionRequest"];
            };
        };
        responses: {
            /** @description The job after the decision, and the history entry it made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    undoJobReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReviewDecisionRequest"];
            };
        };
        responses: {
            /** @description The job after the decision, and the history entry it made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getJobReviewHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
                /** @description The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it. */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createDelivery: {
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
                "application/json": components["schemas"]["DeliveryRequest"];
            };
        };
        responses: {
            /** @description The zip (`Content-Disposition: attachment`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    pruneRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PruneRunRequest"];
            };
        };
        responses: {
            /** @description The trash entry made, or null when there was nothing to prune. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        trash: components["schemas"]["TrashEntry"] | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getRunDiskUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunDiskUsageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getDiskUsage: {
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
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiskUsageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listTrash: {
        parameters: {
            query?: {
                /** @description Only entries in this status (default `trashed`). */
                status?: components["schemas"]["TrashEntryStatus"];
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    restoreTrash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                trashId: components["parameters"]["TrashId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry, now `restored`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    purgeTrash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PurgeTrashRequest"];
            };
        };
        responses: {
            /** @description What was purged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurgeTrashResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    collectGarbage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["GarbageRequest"];
            };
        };
        responses: {
            /** @description What was found, and the trash entry when it acted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GarbageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getRunContactSheet: {
        parameters: {
            query?: {
                /** @description Jobs to skip, in plan order (default 0); past the last job is a 400. */
                offset?: number;
                /** @description Most jobs (rows) on the sheet (default and maximum 64). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                runId: components["parameters"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact sheet. */
            200: {
                headers: {
                    /** @description Bytes in the body. */
                    "Content-Length"?: number;
                    /** @description How many jobs the run has (the sheet shows `offset` up to `offset + limit` of them). */
                    "X-Kroma-Jobs-Total"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description Only assets of this run. */
                run_id?: components["schemas"]["Id"];
                /** @description Only assets of this job (the job record's `id`). */
                job_id?: components["schemas"]["Id"];
                /** @description Only assets of this kind (`candidate`, `final`, ...). */
                asset_kind?: string;
                /** @description `exclude` (the default) leaves out what is in the trash, `include` lists it too, `only` lists only it. */
                trashed?: "exclude" | "include" | "only";
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assets, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadAsset: {
        parameters: {
            query: {
                /** @description What the image is for; its `asset_kind`. */
                kind: components["schemas"]["UploadAssetKind"];
                /** @description The file's original name, for a raw body (a multipart body gives its own). */
                name?: string;
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
                "image/webp": string;
                "multipart/form-data": components["schemas"]["UploadAssetForm"];
            };
        };
        responses: {
            /** @description These bytes were uploaded before as this kind; the stored asset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadAssetResponse"];
                };
            };
            /** @description The new asset. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadAssetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ImageTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    recordAssetMoves: {
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
                "application/json": components["schemas"]["RecordAssetMovesRequest"];
            };
        };
        responses: {
            /** @description The records moved, and the moves refused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordAssetMovesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAsset: {
        parameters: {
            query?: {
                /** @description `true` deletes even what is protected: an approved final (and its post-processed files), a scene's baseline, an upload a reference set uses. */
                force?: components["parameters"]["Force"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trash entry holding the asset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getAssetFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description One byte range, such as `bytes=0-1023`, `bytes=1024-` or `bytes=-512`. */
                Range?: string;
                /** @description Honour `Range` only when this is the current ETag; otherwise send the whole file. */
                "If-Range"?: string;
                /** @description ETags the client holds (or `*`); a match is answered 304 without a body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole file. */
            200: {
                headers: {
                    /** @description Strong validator: `"<sha256>"` of the file (thumbnails: `"<sha256>-<size>"`). */
                    ETag?: string;
                    /** @description `private, max-age=31536000, immutable`: the bytes of an ETag never change. */
                    "Cache-Control"?: string;
                    /** @description `bytes`. */
                    "Accept-Ranges"?: string;
                    /** @description Bytes in the body. */
                    "Content-Length"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description The requested byte range. */
            206: {
                headers: {
                    /** @description `bytes <first>-<last>/<size>`. */
                    "Content-Range"?: string;
                    /** @description Strong validator: `"<sha256>"` of the file (thumbnails: `"<sha256>-<size>"`). */
                    ETag?: string;
                    /** @description Bytes in the body. */
                    "Content-Length"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AssetFileMissing"];
            409: components["responses"]["AssetFileConflict"];
            416: components["responses"]["RangeNotSatisfiable"];
            500: components["responses"]["InternalError"];
        };
    };
    getAssetThumbnail: {
        parameters: {
            query?: {
                /** @description The longest side of the thumbnail's box, in pixels (default 256). */
                size?: 128 | 256 | 512;
            };
            header?: {
                /** @description ETags the client holds (or `*`); a match is answered 304 without a body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thumbnail. */
            200: {
                headers: {
                    /** @description Strong validator: `"<sha256>"` of the file (thumbnails: `"<sha256>-<size>"`). */
                    ETag?: string;
                    /** @description `private, max-age=31536000, immutable`: the bytes of an ETag never change. */
                    "Cache-Control"?: string;
                    /** @description Bytes in the body. */
                    "Content-Length"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AssetFileMissing"];
            409: components["responses"]["AssetFileConflict"];
            422: components["responses"]["ImageUnreadable"];
            500: components["responses"]["InternalError"];
        };
    };
    listQualityReports: {
        parameters: {
            query?: {
                /** @description Only reports of this run. */
                run_id?: components["schemas"]["Id"];
                /** @description Only reports on this asset. */
                asset_id?: components["schemas"]["Id"];
                /** @description Only reports with this grade. */
                grade?: components["schemas"]["QualityGrade"];
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reports, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityReportListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listCostEvents: {
        parameters: {
            query?: {
                /** @description Only events of this run. */
                run_id?: components["schemas"]["Id"];
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEventListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    validateRunConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ValidateRunConfigRequest"];
            };
        };
        responses: {
            /** @description The validation summary (`summary.valid` says whether the configuration is usable). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateRunConfigResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listExports: {
        parameters: {
            query?: {
                /** @description Only exports with this status. */
                status?: components["schemas"]["ExportStatus"];
                /** @description Most rows to return (default 500). */
                limit?: components["parameters"]["Limit"];
                /** @description Rows to skip (default 0). */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exports, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateExportRequest"];
            };
        };
        responses: {
            /** @description The completed export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportCreatedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                exportId: components["parameters"]["ExportId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createExportSeedAlias: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateExportRequest"];
            };
        };
        responses: {
            /** @description The completed export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportCreatedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    syncProjectS3: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["S3SyncRequest"];
            };
        };
        responses: {
            /** @description The sync report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["S3SyncResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listPromptTemplates: {
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
            /** @description The prompt templates, most recently updated first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptTemplateListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createPromptTemplate: {
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
                "application/json": components["schemas"]["CreatePromptTemplateRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptTemplateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getPromptTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptTemplateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updatePromptTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePromptTemplateRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptTemplateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deletePromptTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listStyleGuides: {
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
            /** @description The style guides, most recently updated first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StyleGuideListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createStyleGuide: {
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
                "application/json": components["schemas"]["CreateStyleGuideRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StyleGuideResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getStyleGuide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                styleGuideId: components["parameters"]["StyleGuideId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StyleGuideResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateStyleGuide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                styleGuideId: components["parameters"]["StyleGuideId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStyleGuideRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StyleGuideResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteStyleGuide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                styleGuideId: components["parameters"]["StyleGuideId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listCharacters: {
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
            /** @description The characters, most recently updated first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharacterListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createCharacter: {
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
                "application/json": components["schemas"]["CreateCharacterRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharacterResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getCharacter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                characterId: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharacterResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCharacter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                characterId: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCharacterRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CharacterResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCharacter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                characterId: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listReferenceSets: {
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
            /** @description The reference sets, most recently updated first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceSetListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createReferenceSet: {
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
                "application/json": components["schemas"]["CreateReferenceSetRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceSetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getReferenceSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceSetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateReferenceSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateReferenceSetRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceSetResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteReferenceSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listReferenceItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The items, by sort_order then creation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceItemListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createReferenceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReferenceItemRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceItemResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getReferenceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
                itemId: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceItemResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateReferenceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
                itemId: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateReferenceItemRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceItemResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteReferenceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                referenceSetId: components["parameters"]["ReferenceSetId"];
                itemId: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listProviderAccounts: {
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
            /** @description The accounts, by provider code. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderAccountListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    upsertProviderAccount: {
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
                "application/json": components["schemas"]["UpsertProviderAccountRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderAccountResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getProviderAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderAccountResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateProviderAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProviderAccountRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderAccountResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteProviderAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                /** @description The provider code, normalised like a slug. */
                providerCode: components["parameters"]["ProviderCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderAccountDeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listAssetLinks: {
        parameters: {
            query?: {
                /** @description Only links with this asset as parent or child. */
                asset_id?: string;
                /** @description Only links of this type. */
                link_type?: components["schemas"]["AssetLinkType"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The links, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetLinkListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createAssetLink: {
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
                "application/json": components["schemas"]["CreateAssetLinkRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getAssetLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    updateAssetLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAssetLinkRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetLinkResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAssetLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                linkId: components["parameters"]["LinkId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listChatSessions: {
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
            /** @description The sessions, most recently updated first, each with its message count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSessionListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createChatSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateChatSessionRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getChatSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                sessionId: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listChatMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                sessionId: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages in the order they were added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessageListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createChatMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                sessionId: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatMessageRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatMessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listAgentInstructions: {
        parameters: {
            query?: {
                /** @description Only instructions in this status. */
                status?: components["schemas"]["AgentInstructionStatus"];
            };
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instructions, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createAgentInstruction: {
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
                "application/json": components["schemas"]["CreateAgentInstructionRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getAgentInstruction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    listAgentInstructionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every state change, oldest first (append-only). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionEventListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    confirmAgentInstruction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AgentInstructionTransitionRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    cancelAgentInstruction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's slug. */
                slug: components["parameters"]["ProjectSlug"];
                instructionId: components["parameters"]["InstructionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AgentInstructionTransitionRequest"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentInstructionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsDocsAssetsAssetGetParametersPathAssetValues: ReadonlyArray<FlattenedDeepRequired<paths>["/docs/assets/{asset}"]["get"]["parameters"]["path"]["asset"]> = ["swagger-ui.css", "swagger-ui-bundle.js"];
export const pathsApiProjectsSlugRunsGetParametersQueryTrashedValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/projects/{slug}/runs"]["get"]["parameters"]["query"]["trashed"]> = ["exclude", "include", "only"];
export const pathsApiProjectsSlugAssetsGetParametersQueryTrashedValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/projects/{slug}/assets"]["get"]["parameters"]["query"]["trashed"]> = ["exclude", "include", "only"];
export const pathsApiProjectsSlugAssetsAssetIdThumbnailGetParametersQuerySizeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/projects/{slug}/assets/{assetId}/thumbnail"]["get"]["parameters"]["query"]["size"]> = [128, 256, 512];
export const errorKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ErrorKind"]> = ["validation", "policy", "provider", "infra", "unknown"];
export const projectStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Project"]["status"]> = ["active", "archived"];
export const projectSummaryStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProjectSummary"]["status"]> = ["active", "archived"];
export const projectStorageUpdateResponseUpdatedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProjectStorageUpdateResponse"]["updated"]> = ["local", "s3"];
export const assetLinkTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AssetLinkType"]> = ["derived_from", "variant_of", "mask_for", "reference_of"];
export const chatRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChatRole"]> = ["user", "assistant", "system", "tool"];
export const chatSessionStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ChatSession"]["status"]> = ["active", "archived"];
export const createChatSessionRequestStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateChatSessionRequest"]["status"]> = ["active", "archived"];
export const agentInstructionStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgentInstructionStatus"]> = ["pending", "confirmed", "queued", "running", "done", "failed", "canceled"];
export const bootstrapImportRequestModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BootstrapImportRequest"]["mode"]> = ["merge", "replace"];
export const bootstrapImportResponseBootstrap_importModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BootstrapImportResponse"]["bootstrap_import"]["mode"]> = ["merge", "replace"];
export const resolvedSettingSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ResolvedSetting"]["source"]> = ["override", "project", "app", "default"];
export const runModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunMode"]> = ["dry", "run"];
export const runRecordStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunRecordStatus"]> = ["queued", "running", "canceling", "succeeded", "partial", "failed", "canceled", "interrupted"];
export const runCandidateStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunCandidate"]["status"]> = ["planned", "generated", "existing", "failed"];
export const qualityGradeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["QualityGrade"]> = ["pass", "warn", "fail"];
export const trashEntryKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TrashEntryKind"]> = ["asset", "run", "candidates", "gc"];
export const trashEntryStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TrashEntryStatus"]> = ["trashed", "restored", "purged"];
export const pruneRunRequestWhichValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PruneRunRequest"]["which"]> = ["unchosen", "rejected"];
export const reviewStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReviewState"]> = ["pending", "approved", "rejected"];
export const reviewActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReviewAction"]> = ["select", "approve", "reject", "undo"];
export const uploadAssetKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UploadAssetKind"]> = ["scene", "reference"];
export const rerunRunRequestJobsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RerunRunRequest"]["jobs"]> = ["all", "failed"];
export const runEventTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunEvent"]["type"]> = ["status", "progress", "done"];
export const runEventPhaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunEvent"]["phase"]> = ["request", "retry", "candidate_done", "candidate_failed", "job_done", "job_skipped"];
export const runStageValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunStage"]> = ["style", "time", "weather"];
export const runTimeOfDayValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunTimeOfDay"]> = ["day", "night"];
export const runWeatherValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunWeather"]> = ["clear", "rain"];
export const runLogInputRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunLogInput"]["role"]> = ["scene", "style_ref", "reference"];
export const promptRecordRefKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PromptRecordRef"]["kind"]> = ["prompt_template", "style_guide", "character", "reference_set"];
export const runCandidateLogStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunCandidateLog"]["status"]> = ["generated", "existing", "failed"];
export const postprocessStageNameValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PostprocessStageName"]> = ["bg_remove", "bg_refine_openai", "upscale", "color"];
export const postprocessStageLogStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PostprocessStageLog"]["status"]> = ["done", "skipped", "failed"];
export const postprocessChainLogStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PostprocessChainLog"]["status"]> = ["done", "failed"];
export const runJobStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunJobStatus"]> = ["done", "failed", "failed_guard", "canceled", "running"];
export const runStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RunStatus"]> = ["succeeded", "partial", "failed", "canceled"];
export const paidRunLogApiEndpointValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PaidRunLog"]["api"]["endpoint"]> = ["images.edit", "images.generate", "none"];
export const exportStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ExportStatus"]> = ["running", "completed", "failed"];
export const exportExport_formatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Export"]["export_format"]> = ["tar.gz"];
export const s3SyncFileStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["S3SyncFile"]["status"]> = ["uploaded", "would_upload", "failed"];
export const s3SyncFileReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["S3SyncFile"]["reason"]> = ["new", "changed"];
