// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.

import type { OpenApiDocument } from "../document-types.js";

/** The spec as maintained in the repository, served verbatim at GET /openapi.yaml. */
export const openapiYaml: string = "openapi: 3.1.0\ninfo:\n  title: Kroma backend API\n  version: 0.1.0\n  summary: Projects, project-scoped storage, runs and assets for prompt-driven image workflows.\n  description: |\n    The contract of the Kroma backend. Every route the server mounts is defined here first;\n    types, validators, the server's typed router and the SDK are generated or derived from\n    this file, and a parity test fails the build when the server and this file drift apart.\n\n    Every success body carries `\"ok\": true` beside named keys. Every failure is the one\n    error envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\", \"details\"? }`.\n\n    Rules every request meets, whatever its route:\n\n    - **Cross-site writes are refused.** A state-changing request (POST, PUT, PATCH, DELETE) is\n      answered 403 (`error_kind` \"policy\", `error_code` \"forbidden\") when it carries\n      `Sec-Fetch-Site` with a value other than `same-origin` or `none` (so `cross-site`, and\n      `same-site`: another port of the same host is another site's page), or an `Origin` other\n      than the server's own: the scheme, host and port its `Host` header names, or for a server on\n      a loopback address any of `127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`. A request\n      without either header (curl, the SDK, the CLI) is not affected; a page the server itself\n      serves passes.\n    - **Bodies come with their declared media type.** A body is sent with a media type its\n      operation declares under `requestBody.content` (today `application/json`, which also takes\n      `application/*+json`); otherwise 415 (`error_code` \"unsupported_media_type\"). A request\n      without a body may carry no `Content-Type` at all, but a state-changing request carrying\n      one of the types a browser may send cross-site without asking first (`text/plain`,\n      `application/x-www-form-urlencoded`, `multipart/form-data`) is refused with 415 even when it\n      has no body, unless its operation declares that type.\n    - **JSON nests at most 64 levels.** A JSON body whose objects and arrays nest deeper than 64\n      levels (the outermost value is level 1) is refused with 400 (`error_code`\n      \"validation_error\", `details.max_depth` 64) before it is parsed; so is JSON read out of a\n      request, such as the object a bootstrap import takes from `ai_response_text`. A record's\n      free-form field (every request field named `*_json`: `config_json`, `metadata_json`,\n      `content_json`, `payload_json`) nests at most 32 levels (400, `details.field` names it,\n      `details.max_depth` 32), so a stored record always fits back into the bootstrap settings\n      and bundles around it.\n    - **A loopback server answers only to its own names.** Any other `Host` (compared without\n      regard to case) is refused with 403; a request the server cannot read at all (a malformed\n      `Host` on a server bound elsewhere, a backslash in the path) with 400, both in the envelope.\n  license:\n    name: GPL-3.0-only\n    identifier: GPL-3.0-only\nservers:\n  - url: http://127.0.0.1:8788\n    description: Local server (default bind address)\ntags:\n  - name: system\n    description: Health and the API's own description.\n  - name: projects\n    description: Projects and their storage configuration.\n  - name: prompt-templates\n    description: Reusable prompt texts with `{placeholders}`.\n  - name: provider-accounts\n    description: Image and background-removal provider accounts, one per provider code.\n  - name: style-guides\n    description: Named style instructions.\n  - name: characters\n    description: Recurring characters and the prompt text that describes them.\n  - name: reference-sets\n    description: Ordered sets of references (images or text) used in prompts.\n  - name: asset-links\n    description: Typed relationships between a project's assets.\n  - name: chat\n    description: Chat sessions and their messages.\n  - name: agent\n    description: Agent instructions, their lifecycle and dispatch to an external agent.\n  - name: auth\n    description: API tokens. See the README for when a token is required.\n  - name: secrets\n    description: Per-project provider secrets, encrypted at rest, with key rotation.\n  - name: bootstrap\n    description: Export a project's settings as a prompt for an AI assistant, and import its answer.\n  - name: runs\n    description: Pipeline runs and their configuration.\n  - name: exports\n    description: Project bundles (records and files) written to disk, and their history.\n\npaths:\n  /health:\n    get:\n      operationId: getHealth\n      tags: [system]\n      summary: Liveness check\n      responses:\n        \"200\":\n          description: The server is up.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/HealthResponse\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /openapi.yaml:\n    get:\n      operationId: getOpenApiYaml\n      tags: [system]\n      summary: This specification as YAML\n      responses:\n        \"200\":\n          description: The OpenAPI document, exactly as maintained in the repository.\n          content:\n            application/yaml:\n              schema: { type: string }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /openapi.json:\n    get:\n      operationId: getOpenApiJson\n      tags: [system]\n      summary: This specification as JSON\n      responses:\n        \"200\":\n          description: The OpenAPI document as JSON.\n          content:\n            application/json:\n              schema: { type: object, additionalProperties: true }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /docs:\n    get:\n      operationId: getApiReference\n      tags: [system]\n      summary: Human-readable API reference\n      description: An HTML page rendering this specification; works offline (assets are served by the server).\n      responses:\n        \"200\":\n          description: The API reference page.\n          content:\n            text/html:\n              schema: { type: string }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /docs/assets/{asset}:\n    get:\n      operationId: getApiReferenceAsset\n      tags: [system]\n      summary: Static asset of the API reference page\n      parameters:\n        - name: asset\n          in: path\n          required: true\n          schema:\n            type: string\n            enum: [swagger-ui.css, swagger-ui-bundle.js]\n      responses:\n        \"200\":\n          description: The asset.\n          content:\n            text/css:\n              schema: { type: string }\n            text/javascript:\n              schema: { type: string }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /auth/token:\n    post:\n      operationId: createAuthToken\n      tags: [auth]\n      summary: Create an API token\n      description: |\n        Returns the token's secret value once; the server keeps only its hash. Scope a token to one\n        project with `project_slug`. While auth is not yet required (a fresh local install, bound to\n        loopback, `KROMA_API_AUTH=auto`), the first token can be created without one.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateAuthTokenRequest\" }\n      responses:\n        \"200\":\n          description: The new token, with its secret value (shown only here).\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AuthTokenCreatedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /auth/tokens:\n    get:\n      operationId: listAuthTokens\n      tags: [auth]\n      summary: List API tokens (never their secret values)\n      responses:\n        \"200\":\n          description: Every token, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AuthTokenListResponse\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /auth/tokens/{tokenId}:\n    parameters:\n      - name: tokenId\n        in: path\n        required: true\n        schema: { $ref: \"#/components/schemas/Id\" }\n    delete:\n      operationId: revokeAuthToken\n      tags: [auth]\n      summary: Revoke an API token\n      description: Takes effect on the next request. Revoking an already revoked token is a no-op.\n      responses:\n        \"200\":\n          description: The token is revoked.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AuthTokenRevokedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects:\n    get:\n      operationId: listProjects\n      tags: [projects]\n      summary: List projects\n      parameters:\n        - name: username\n          in: query\n          required: false\n          description: Only projects owned by this user (normalised like a slug).\n          schema: { type: string, maxLength: 200 }\n      responses:\n        \"200\":\n          description: All projects, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectListResponse\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: upsertProject\n      tags: [projects]\n      summary: Create a project, or update the one with the same slug\n      description: |\n        The slug is normalised (trimmed, lower-cased, runs of characters other than `a-z 0-9 - _`\n        collapsed to `_`, leading and trailing `_` removed). Without a slug it is derived from\n        the name. When a project with that slug exists, its name (and description, when given)\n        are updated; a slug owned by another user is a 409. Creating a project is also a 409 when\n        its default root (`var/projects/<slug>`) would hold or lie inside the root another project\n        already points at (project roots never overlap, see `PUT /storage/local`).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpsertProjectRequest\" }\n      responses:\n        \"200\":\n          description: The project, created or updated (the seed answered both with 200).\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectWithStorageResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProject\n      tags: [projects]\n      summary: One project with its record counts and storage\n      responses:\n        \"200\":\n          description: The project.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectDetailResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProjectStorage\n      tags: [projects]\n      summary: A project's storage configuration\n      responses:\n        \"200\":\n          description: The storage configuration, with the resolved absolute project root.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage/local:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectLocalStorage\n      tags: [projects]\n      summary: Set where a project's files live on this machine\n      description: |\n        Give `base_dir`, `project_root` or both. A blank `project_root` returns it to its default\n        (`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths resolve against the\n        server's app root; no path may contain a `..` segment or a NUL byte, and the filesystem\n        root is refused. An absolute path is honoured as the owner's explicit choice, within the\n        rules below.\n\n        Only an unscoped token (or the tokenless local mode) may change local storage: a\n        project-scoped token gets a 403 (`error_kind` `policy`) whatever it sends, so it can never\n        point its project at files that are not the project's own. The project's resulting root\n        (the new `project_root`, or `<base_dir>/<slug>` when there is none), compared with symlinks\n        resolved as far as the path exists, may not hold or lie inside:\n        - another project's root (its stored root or its default `<base_dir>/<slug>`): 409;\n        - the server's private directory (the database and `master.key` beside it; when that\n          directory also holds the app root, only the database files and `master.key`\n          themselves), or the app's shared `var/exports/`: 400.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateLocalStorageRequest\" }\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageUpdateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage/s3:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectS3Storage\n      tags: [projects]\n      summary: Configure optional S3 sync for a project\n      description: |\n        Any subset of the S3 fields; fields not given keep their value, blank or null clears one\n        (a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`. A\n        project-scoped token may change these settings, endpoint URL included: a sync to an\n        endpoint URL that is not AWS nor listed in `KROMA_S3_TRUSTED_ENDPOINTS` uses only the\n        project's own `aws/*` secrets (see `POST /storage/s3/sync`).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateS3StorageRequest\" }\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProjectStorageUpdateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/secrets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listProjectSecrets\n      tags: [secrets]\n      summary: List the project's secrets (metadata and a masked hint, never values)\n      responses:\n        \"200\":\n          description: The secrets, by provider code then name.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/SecretListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: upsertProjectSecret\n      tags: [secrets]\n      summary: Store a secret (encrypted at rest), or replace the one with that provider code and name\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpsertSecretRequest\" }\n      responses:\n        \"200\":\n          description: The secret's metadata.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/SecretResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/secrets/rotation-status:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getSecretRotationStatus\n      tags: [secrets]\n      summary: How many of the project's secret values sit under which encryption key\n      responses:\n        \"200\":\n          description: Counts per key.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/SecretRotationStatusResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/secrets/rotate:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: rotateProjectSecrets\n      tags: [secrets]\n      summary: Re-encrypt every secret value of the project under a new key, in one transaction\n      responses:\n        \"200\":\n          description: What was rotated.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/SecretRotationResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/secrets/{providerCode}/{secretName}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ProviderCode\"\n      - name: secretName\n        in: path\n        required: true\n        schema: { type: string, minLength: 1, maxLength: 128 }\n    delete:\n      operationId: deleteProjectSecret\n      tags: [secrets]\n      summary: Delete a secret\n      responses:\n        \"200\":\n          description: The secret is gone.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/SecretDeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/bootstrap-prompt:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getBootstrapPrompt\n      tags: [bootstrap]\n      summary: Export the project's settings with a ready-to-paste prompt for an AI assistant\n      description: Secret names only, never values.\n      responses:\n        \"200\":\n          description: The export.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/BootstrapPromptResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/bootstrap-import:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: importBootstrapSettings\n      tags: [bootstrap]\n      summary: Import settings in the bootstrap shape (merge or replace), all or nothing\n      description: |\n        Takes `settings` (the structured shape) or `ai_response_text` (an assistant's raw reply, from\n        which the JSON object is extracted, fenced or not), never neither. Everything is validated\n        before anything is written; the import applies in one transaction. `dry_run` reports the same\n        change summary and writes nothing. The project is looked up (404) before `ai_response_text` is\n        read; the extraction takes time linear in its length, and the object it finds may nest at most\n        64 levels deep, its `*_json` fields 32 (400 otherwise), as in a request body.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/BootstrapImportRequest\" }\n      responses:\n        \"200\":\n          description: The per-section change summary.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/BootstrapImportResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listRuns\n      tags: [runs]\n      summary: List the project's runs, newest first\n      description: |\n        Runs the server queued (`POST /runs/trigger`) and runs ingested from run logs (the CLI ingests\n        after each `kroma lab dry|run`). `count` is the number of rows returned, `total` the number\n        matching the filters.\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only runs in this status.\n          schema: { $ref: \"#/components/schemas/RunRecordStatus\" }\n        - name: mode\n          in: query\n          required: false\n          description: Only dry or paid runs.\n          schema: { $ref: \"#/components/schemas/RunMode\" }\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The runs, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/RunListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs/trigger:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: triggerRun\n      tags: [runs]\n      summary: Queue a dry or paid run that the server executes\n      description: |\n        Validates the request as `kroma lab dry|run` would (messages name the field), records the run\n        as `queued` and answers at once with its id; the server then runs it in-process, one run at a\n        time, and its status moves `queued -> running -> succeeded | partial | failed | canceled`.\n        Follow it with `GET /runs/{runId}/events` (server-sent events) or by polling `GET /runs/{runId}`.\n        The project root always comes from the project's stored storage: a `project_root` in the body\n        is refused. A paid run (`mode: run`) needs `confirm_spend: true` and an OpenAI key (the\n        project's `openai/api_key` secret, else the server's `OPENAI_API_KEY`).\n\n        `input` and every ref must be inside the project root, with no symlink leading out (400). The\n        same rules hold again when the run executes: its files are listed then and each is opened\n        without following a symlink when its bytes are read, so a symlink added while the run waited\n        in the queue fails the run (`failed`, its `error` names the file) and nothing is sent to the\n        images API. Each image request times out after `OPENAI_TIMEOUT_MS` (default 180000 ms) and\n        counts as a transient failure (retried). A server that is shutting down answers 503.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/TriggerRunRequest\" }\n      responses:\n        \"200\":\n          description: \"The run is queued (200, as the seed's trigger answered; the run itself goes on after the answer).\"\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/TriggerRunResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n        \"503\": { $ref: \"#/components/responses/ServiceUnavailable\" }\n\n  /api/projects/{slug}/runs/{runId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: getRun\n      tags: [runs]\n      summary: One run with its jobs and their candidates\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/RunDetailResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs/{runId}/jobs:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: listRunJobs\n      tags: [runs]\n      summary: A run's jobs, each with its candidates, in plan order\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/RunJobListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs/{runId}/cancel:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: cancelRun\n      tags: [runs]\n      summary: Cancel a queued or running run\n      description: |\n        A queued run becomes `canceled` at once. A running one becomes `canceling` and stops before\n        its next image request (a request in flight is allowed to finish, so no paid image is thrown\n        away); its log and records then say `canceled`. A finished run is a 409.\n      responses:\n        \"200\":\n          description: The run after the request.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/RunResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs/{runId}/resume:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: resumeRun\n      tags: [runs]\n      summary: Continue an interrupted run\n      description: |\n        A run that was queued or running when the server stopped is `interrupted` (never re-run by\n        itself). Resuming queues it again; jobs whose outputs exist with the hash recorded when they\n        finished are kept, the rest run. A paid run needs the same OpenAI key as a new one. Any\n        other status is a 409.\n\n        Each run a server queues or executes carries a lease (owner process and a heartbeat in the\n        database, `KROMA_LEASE_TTL_MS`, default 30000). While another live server process holds the\n        run's lease, resume is a 409: that process may still execute it, and a second execution would\n        buy its images twice. A server marks a run `interrupted` only when it is its own, or when no\n        live process owns it (at start and every lease TTL after, so a crashed server's runs on a\n        shared database become `interrupted` and resumable). The stored request is checked again\n        with the trigger's rules (refs and `input` inside the project root, no symlink leading out;\n        for a paid run with a journal, the journal's scenes): a request that fails them, e.g. one an\n        import brought, is a 400 and the run stays `interrupted`. A server that is shutting down\n        answers 503.\n      responses:\n        \"200\":\n          description: The run is queued again.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/RunResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n        \"503\": { $ref: \"#/components/responses/ServiceUnavailable\" }\n\n  /api/projects/{slug}/runs/{runId}/events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: streamRunEvents\n      tags: [runs]\n      summary: A run's progress as server-sent events\n      description: |\n        `text/event-stream`. Each message's `event:` is the `type` of its `data:`, a JSON `RunEvent`:\n        first a `status` event with the run's current status, then `status` events on every change\n        and `progress` events as requests go out and jobs finish, and finally one `done` event with\n        the terminal status and summary, after which the server ends the stream. A finished run\n        answers with its `done` event at once. Messages carry increasing `id:`s; a client that\n        reconnects with `Last-Event-ID` gets only what it missed while the run is live.\n\n        Limits: at most `KROMA_SSE_MAX_PER_RUN` (default 16) open streams per run, beyond that a 429,\n        and `KROMA_SSE_MAX_TOTAL` (default 256) in all, beyond that a 503. A `: keep-alive` comment\n        comes every `KROMA_SSE_KEEPALIVE_MS` (default 15000). A stream with no event for\n        `KROMA_SSE_IDLE_MS` (default 600000) ends with a comment saying so and without a `done`\n        event; the client may reconnect with `Last-Event-ID`. A run no live server process owns (a\n        crashed server's, an imported `queued` one) gets a `done` event with its stored status,\n        and so does a run another server finished (checked on each keep-alive).\n      responses:\n        \"200\":\n          description: The event stream.\n          content:\n            text/event-stream:\n              schema:\n                type: string\n                description: \"Server-sent events whose `data:` lines are `RunEvent` JSON.\"\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"429\": { $ref: \"#/components/responses/TooManyRequests\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n        \"503\": { $ref: \"#/components/responses/ServiceUnavailable\" }\n\n  /api/projects/{slug}/assets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAssets\n      tags: [runs]\n      summary: List the project's assets, newest first\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only assets of this run.\n          schema: { $ref: \"#/components/schemas/Id\" }\n        - name: job_id\n          in: query\n          required: false\n          description: Only assets of this job (the job record's `id`).\n          schema: { $ref: \"#/components/schemas/Id\" }\n        - name: asset_kind\n          in: query\n          required: false\n          description: Only assets of this kind (`candidate`, `final`, ...).\n          schema: { type: string, minLength: 1, maxLength: 100 }\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The assets, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/assets/{assetId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/AssetId\"\n    get:\n      operationId: getAsset\n      tags: [runs]\n      summary: One asset\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/quality-reports:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listQualityReports\n      tags: [runs]\n      summary: The output guard's reports on generated images, newest first\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only reports of this run.\n          schema: { $ref: \"#/components/schemas/Id\" }\n        - name: asset_id\n          in: query\n          required: false\n          description: Only reports on this asset.\n          schema: { $ref: \"#/components/schemas/Id\" }\n        - name: grade\n          in: query\n          required: false\n          description: Only reports with this grade.\n          schema: { $ref: \"#/components/schemas/QualityGrade\" }\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The reports, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/QualityReportListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/cost-events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listCostEvents\n      tags: [runs]\n      summary: Estimated spend per job (the images it generated), newest first\n      description: \"`total_cost_usd` sums every matching event (not only the returned page); events without a price count as 0.\"\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only events of this run.\n          schema: { $ref: \"#/components/schemas/Id\" }\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The events, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/CostEventListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/runs/validate-config:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: validateRunConfig\n      tags: [runs]\n      summary: Validate the project's layered pipeline settings, manifest and postprocess config\n      description: |\n        Resolves the settings layers (project settings under the project's stored root, the app's\n        `config/` files, defaults), checks every file and reports every problem with its file and\n        field, and the settings in effect with where each value came from. Paths in the body are\n        relative to the server's app root and may not contain `..`; with symlinks resolved they must\n        lie in the project's own root or the app's `config/` directory, and never name the server's\n        database or master key (400 otherwise). Problem messages name the file, the field and what\n        was expected (a type, the allowed values, a limit), never a value read from the file: a\n        syntax error gives its line and column, not the text there.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/ValidateRunConfigRequest\" }\n      responses:\n        \"200\":\n          description: The validation summary (`summary.valid` says whether the configuration is usable).\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ValidateRunConfigResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/exports:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listExports\n      tags: [exports]\n      summary: The project's exports, newest first\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only exports with this status.\n          schema: { $ref: \"#/components/schemas/ExportStatus\" }\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The exports, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ExportListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createExport\n      tags: [exports]\n      summary: Write the project's records (and optionally its files) to a .tar.gz bundle\n      description: |\n        Streams a bundle holding `manifest.json` (schema version, project, counts, size and sha256 of\n        every other entry), the project's records as JSON Lines under `records/` (secrets by name only)\n        and, with `include_files`, the project's files under `files/`. The bundle is written under a\n        temporary name and renamed when complete, by default to `<project_root>/exports/<slug>_<stamp>.tar.gz`.\n        `output` names another place: a path relative to the project root, or under the app's\n        `var/exports/`; it may not contain `..`, lead out through a symlink or name an existing file.\n        `var/exports/` is shared by every project, so a project writes only its own names there\n        (400 otherwise): `var/exports/<slug>_<name>.tar.gz` (or `.tgz`) where `<name>` holds no `_`\n        (each such name has one owner, the part before its last `_`: `alpha` cannot write\n        `alpha_2_<stamp>.tar.gz`), or anything under `var/exports/<slug>/`; `output: \"var/exports/\"`\n        gives the default name `<slug>_<stamp>.tar.gz` there.\n        The export is recorded (see `GET /exports`) and the bundle is registered as an asset.\n        The bundle is written with mode 0600 (it holds every record of the project). Project files\n        are opened without following symlinks (`O_NOFOLLOW`) and each open file must be the one the\n        walk listed (same device and inode): a file swapped for a symlink or another file meanwhile\n        is left out and listed in the manifest's `skipped` (`symlink`, `changed_during_export`).\n        409 when the output exists, or when the manifest would exceed the 32 MiB import reads (about\n        160,000 files). An export whose process dies is marked `failed` (\"The process writing this\n        export stopped before it finished\") and its temporary files removed by the next sweep of\n        a server on the database (at start and every `KROMA_LEASE_TTL_MS`).\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateExportRequest\" }\n      responses:\n        \"200\":\n          description: The completed export.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ExportCreatedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/exports/{exportId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ExportId\"\n    get:\n      operationId: getExport\n      tags: [exports]\n      summary: One export, with its size, checksum, counts and status\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ExportResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/export:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: createExportSeedAlias\n      tags: [exports]\n      summary: \"The seed's export route: an alias of POST /exports\"\n      description: |\n        Kept so the seed's clients work unchanged: the same body (`include_files`, `output`) and the\n        same answer as `POST /api/projects/{slug}/exports`, whose `export_path`, `export_sha256` and\n        `export_asset_id` are the keys the seed returned.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateExportRequest\" }\n      responses:\n        \"200\":\n          description: The completed export.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ExportCreatedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/storage/s3/sync:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: syncProjectS3\n      tags: [projects]\n      summary: Upload the project's new or changed files to its S3 storage\n      description: |\n        Uses the project's S3 settings (bucket, prefix, region, endpoint URL; path-style addressing\n        when an endpoint URL is set); objects live under `<prefix>/<slug>/`. Credentials come from\n        the project's secrets `aws/access_key_id` and `aws/secret_access_key` (optional\n        `aws/session_token`), else `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` in the server's\n        environment, else the stored `profile`; they are never returned or logged. The server's own\n        credentials (environment, profile) go only to AWS itself (no endpoint URL, or an `https://`\n        one on `amazonaws.com`) or to endpoints the operator lists in `KROMA_S3_TRUSTED_ENDPOINTS`\n        (comma-separated URLs): with another endpoint URL and no project secrets the sync is a 400\n        (field `s3.endpoint_url`) before any request is sent. A file is uploaded\n        when its size or sha256 differs from what the last successful upload of that path recorded;\n        each upload is recorded as soon as it succeeds, so a sync that was interrupted finishes on the\n        next run without uploading again what already arrived. Large files go up in parts. A file that\n        fails is reported (`failed`) and the others go on: the answer is a 200 with the report.\n        With `dry_run` nothing is uploaded or recorded and no request is sent to S3.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/S3SyncRequest\" }\n      responses:\n        \"200\":\n          description: The sync report.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/S3SyncResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/prompt-templates:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listPromptTemplates\n      tags: [prompt-templates]\n      summary: List the project's prompt templates\n      responses:\n        \"200\":\n          description: The prompt templates, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/PromptTemplateListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createPromptTemplate\n      tags: [prompt-templates]\n      summary: Create a prompt template\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreatePromptTemplateRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/PromptTemplateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/prompt-templates/{templateId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/TemplateId\"\n    get:\n      operationId: getPromptTemplate\n      tags: [prompt-templates]\n      summary: One prompt template\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/PromptTemplateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updatePromptTemplate\n      tags: [prompt-templates]\n      summary: Update a prompt template (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdatePromptTemplateRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/PromptTemplateResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deletePromptTemplate\n      tags: [prompt-templates]\n      summary: Delete a prompt template\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/style-guides:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listStyleGuides\n      tags: [style-guides]\n      summary: List the project's style guides\n      responses:\n        \"200\":\n          description: The style guides, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/StyleGuideListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createStyleGuide\n      tags: [style-guides]\n      summary: Create a style guide\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateStyleGuideRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/StyleGuideResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/style-guides/{styleGuideId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/StyleGuideId\"\n    get:\n      operationId: getStyleGuide\n      tags: [style-guides]\n      summary: One style guide\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/StyleGuideResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateStyleGuide\n      tags: [style-guides]\n      summary: Update a style guide (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateStyleGuideRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/StyleGuideResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteStyleGuide\n      tags: [style-guides]\n      summary: Delete a style guide\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/characters:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listCharacters\n      tags: [characters]\n      summary: List the project's characters\n      responses:\n        \"200\":\n          description: The characters, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/CharacterListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createCharacter\n      tags: [characters]\n      summary: Create a character\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateCharacterRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/CharacterResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/characters/{characterId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/CharacterId\"\n    get:\n      operationId: getCharacter\n      tags: [characters]\n      summary: One character\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/CharacterResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateCharacter\n      tags: [characters]\n      summary: Update a character (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateCharacterRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/CharacterResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteCharacter\n      tags: [characters]\n      summary: Delete a character\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/reference-sets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listReferenceSets\n      tags: [reference-sets]\n      summary: List the project's reference sets\n      responses:\n        \"200\":\n          description: The reference sets, most recently updated first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceSetListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createReferenceSet\n      tags: [reference-sets]\n      summary: Create a reference set\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateReferenceSetRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceSetResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/reference-sets/{referenceSetId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n    get:\n      operationId: getReferenceSet\n      tags: [reference-sets]\n      summary: One reference set\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceSetResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateReferenceSet\n      tags: [reference-sets]\n      summary: Update a reference set (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateReferenceSetRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceSetResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteReferenceSet\n      tags: [reference-sets]\n      summary: Delete a reference set\n      description: |\n        Reference sets are deleted together with their items, in one transaction.\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/reference-sets/{referenceSetId}/items:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n    get:\n      operationId: listReferenceItems\n      tags: [reference-sets]\n      summary: List a reference set's items\n      responses:\n        \"200\":\n          description: The items, by sort_order then creation.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceItemListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createReferenceItem\n      tags: [reference-sets]\n      summary: Add an item to a reference set\n      description: |\n        An item needs at least one of `content_uri`, `content_text`. Without `sort_order` it goes last.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateReferenceItemRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceItemResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n      - $ref: \"#/components/parameters/ItemId\"\n    get:\n      operationId: getReferenceItem\n      tags: [reference-sets]\n      summary: One reference item\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceItemResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateReferenceItem\n      tags: [reference-sets]\n      summary: Update a reference item (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateReferenceItemRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ReferenceItemResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteReferenceItem\n      tags: [reference-sets]\n      summary: Delete a reference item\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/provider-accounts:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listProviderAccounts\n      tags: [provider-accounts]\n      summary: List the project's provider accounts\n      responses:\n        \"200\":\n          description: The accounts, by provider code.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProviderAccountListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: upsertProviderAccount\n      tags: [provider-accounts]\n      summary: Create a provider account, or update the one with that provider code\n      description: |\n        Keyed by `provider_code` per project: posting an existing code updates the fields given.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpsertProviderAccountRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProviderAccountResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/provider-accounts/{providerCode}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ProviderCode\"\n    get:\n      operationId: getProviderAccount\n      tags: [provider-accounts]\n      summary: One provider account\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProviderAccountResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateProviderAccount\n      tags: [provider-accounts]\n      summary: Update a provider account (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateProviderAccountRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProviderAccountResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteProviderAccount\n      tags: [provider-accounts]\n      summary: Delete a provider account\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ProviderAccountDeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/asset-links:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAssetLinks\n      tags: [asset-links]\n      summary: List the project's asset links\n      parameters:\n        - name: asset_id\n          in: query\n          required: false\n          description: Only links with this asset as parent or child.\n          schema: { type: string, minLength: 1 }\n        - name: link_type\n          in: query\n          required: false\n          description: Only links of this type.\n          schema: { $ref: \"#/components/schemas/AssetLinkType\" }\n      responses:\n        \"200\":\n          description: The links, oldest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetLinkListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createAssetLink\n      tags: [asset-links]\n      summary: Link two assets of the project\n      description: |\n        Both assets must exist in this project; a self-link is refused and an identical link is a 409.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateAssetLinkRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetLinkResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/asset-links/{linkId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/LinkId\"\n    get:\n      operationId: getAssetLink\n      tags: [asset-links]\n      summary: One asset link\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetLinkResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    put:\n      operationId: updateAssetLink\n      tags: [asset-links]\n      summary: Update an asset link (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/UpdateAssetLinkRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AssetLinkResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    delete:\n      operationId: deleteAssetLink\n      tags: [asset-links]\n      summary: Delete an asset link\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/DeletedResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/chat/sessions:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listChatSessions\n      tags: [chat]\n      summary: List the project's chat sessions\n      responses:\n        \"200\":\n          description: The sessions, most recently updated first, each with its message count.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ChatSessionListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createChatSession\n      tags: [chat]\n      summary: Start a chat session\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateChatSessionRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ChatSessionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/chat/sessions/{sessionId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/SessionId\"\n    get:\n      operationId: getChatSession\n      tags: [chat]\n      summary: One chat session with its message count\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ChatSessionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/chat/sessions/{sessionId}/messages:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/SessionId\"\n    get:\n      operationId: listChatMessages\n      tags: [chat]\n      summary: List a session's messages\n      responses:\n        \"200\":\n          description: The messages in the order they were added.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ChatMessageListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createChatMessage\n      tags: [chat]\n      summary: Add a message to a session\n      description: |\n        `content_text` is accepted as an alias of `content` (the seed's clients send it).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateChatMessageRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/ChatMessageResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/agent/instructions:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAgentInstructions\n      tags: [agent]\n      summary: List the project's agent instructions\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only instructions in this status.\n          schema: { $ref: \"#/components/schemas/AgentInstructionStatus\" }\n      responses:\n        \"200\":\n          description: The instructions, newest first.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n    post:\n      operationId: createAgentInstruction\n      tags: [agent]\n      summary: Create an agent instruction\n      description: |\n        Give `instruction_text`, or the older form `instruction_type` + `payload_json`. It starts `pending`\n        with a `created` event; with `dispatch_to_agent` it is also queued for the dispatch worker.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/CreateAgentInstructionRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/agent/instructions/{instructionId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    get:\n      operationId: getAgentInstruction\n      tags: [agent]\n      summary: One agent instruction\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/agent/instructions/{instructionId}/events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    get:\n      operationId: listAgentInstructionEvents\n      tags: [agent]\n      summary: An instruction's history\n      responses:\n        \"200\":\n          description: Every state change, oldest first (append-only).\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionEventListResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/agent/instructions/{instructionId}/confirm:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    post:\n      operationId: confirmAgentInstruction\n      tags: [agent]\n      summary: Confirm a pending instruction\n      description: |\n        `pending` -> `confirmed`, writing one `confirmed` event. Any other status is a 409.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/AgentInstructionTransitionRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\n  /api/projects/{slug}/agent/instructions/{instructionId}/cancel:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    post:\n      operationId: cancelAgentInstruction\n      tags: [agent]\n      summary: Cancel an instruction\n      description: |\n        `pending`, `confirmed` or `queued` -> `canceled`, writing one `canceled` event. A canceled, running or\n        finished (`done`, `failed`) instruction is a 409.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: { $ref: \"#/components/schemas/AgentInstructionTransitionRequest\" }\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema: { $ref: \"#/components/schemas/AgentInstructionResponse\" }\n        \"400\": { $ref: \"#/components/responses/BadRequest\" }\n        \"404\": { $ref: \"#/components/responses/NotFound\" }\n        \"409\": { $ref: \"#/components/responses/Conflict\" }\n        \"413\": { $ref: \"#/components/responses/PayloadTooLarge\" }\n        \"415\": { $ref: \"#/components/responses/UnsupportedMediaType\" }\n        \"401\": { $ref: \"#/components/responses/Unauthorized\" }\n        \"403\": { $ref: \"#/components/responses/Forbidden\" }\n        \"500\": { $ref: \"#/components/responses/InternalError\" }\n\ncomponents:\n  parameters:\n    ProjectSlug:\n      name: slug\n      in: path\n      required: true\n      description: The project's slug.\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 200\n\n    TemplateId:\n      name: templateId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    StyleGuideId:\n      name: styleGuideId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    CharacterId:\n      name: characterId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    ReferenceSetId:\n      name: referenceSetId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    ItemId:\n      name: itemId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    LinkId:\n      name: linkId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    RunId:\n      name: runId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    AssetId:\n      name: assetId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    Limit:\n      name: limit\n      in: query\n      required: false\n      description: Most rows to return (default 500).\n      schema: { type: integer, minimum: 1, maximum: 5000 }\n    Offset:\n      name: offset\n      in: query\n      required: false\n      description: Rows to skip (default 0).\n      schema: { type: integer, minimum: 0 }\n    SessionId:\n      name: sessionId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    InstructionId:\n      name: instructionId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n    ProviderCode:\n      name: providerCode\n      in: path\n      required: true\n      description: The provider code, normalised like a slug.\n      schema: { type: string, minLength: 1, maxLength: 64 }\n    ExportId:\n      name: exportId\n      in: path\n      required: true\n      schema: { $ref: \"#/components/schemas/Id\" }\n\n  responses:\n    BadRequest:\n      description: The request is invalid (`error_kind` \"validation\"), including a JSON body nested deeper than 64 levels or a `*_json` field deeper than 32 (`details.max_depth`).\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    NotFound:\n      description: No such route or record (`error_code` \"not_found\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    Conflict:\n      description: The request conflicts with stored state (`error_code` \"conflict\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    Unauthorized:\n      description: No valid token was given while auth is required (`error_kind` \"policy\", `error_code` \"unauthorized\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    Forbidden:\n      description: The token may not do this, or policy refuses the request, such as a `Host` that is not the loopback server's own, or a state-changing request from another site's page (`Sec-Fetch-Site` not `same-origin`/`none`, or a foreign `Origin`) (`error_kind` \"policy\", `error_code` \"forbidden\").\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    PayloadTooLarge:\n      description: The request body is larger than the server accepts.\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    UnsupportedMediaType:\n      description: \"The request has a body that is not sent with a media type its operation declares (`Content-Type: application/json`), or it changes state and carries `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`, which the operation does not declare, even without a body; `error_code` \\\"unsupported_media_type\\\".\"\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    TooManyRequests:\n      description: \"A bounded resource is used up by this client (`error_kind` \\\"policy\\\", `error_code` \\\"too_many_requests\\\"), such as the open event streams of one run.\"\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    ServiceUnavailable:\n      description: \"The server cannot take this now (`error_kind` \\\"infra\\\", `error_code` \\\"service_unavailable\\\"): it is shutting down, or a server-wide limit is reached; try again later.\"\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n    InternalError:\n      description: A server fault; the message is sanitised.\n      content:\n        application/json:\n          schema: { $ref: \"#/components/schemas/ErrorEnvelope\" }\n\n  schemas:\n    ErrorEnvelope:\n      type: object\n      description: The one shape of every failure.\n      required: [ok, error, error_kind, error_code]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: false }\n        error: { type: string, description: A human-readable message. }\n        error_kind: { $ref: \"#/components/schemas/ErrorKind\" }\n        error_code:\n          type: string\n          pattern: \"^[a-z][a-z0-9_]*$\"\n          description: A stable snake_case code, such as `not_found` or `validation_error`.\n        details:\n          description: Optional machine-readable detail, such as the offending field.\n\n    ErrorKind:\n      type: string\n      enum: [validation, policy, provider, infra, unknown]\n\n    Timestamp:\n      type: string\n      format: date-time\n      description: ISO-8601 UTC.\n\n    HealthResponse:\n      type: object\n      required: [ok, status, service, version, started_unix_ms, route_count]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        status: { type: string, const: ok }\n        service: { type: string, const: kroma-backend-core }\n        version: { type: string, description: The server's version. }\n        started_unix_ms: { type: integer, description: When this server process started (Unix epoch milliseconds). }\n        route_count: { type: integer, minimum: 0, description: Number of operations the server mounts. }\n\n    Project:\n      type: object\n      required: [id, slug, name, description, status, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        slug: { type: string }\n        name: { type: string }\n        description: { type: string }\n        status: { type: string, enum: [active, archived] }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ProjectSummary:\n      type: object\n      description: A project as listed, with its owner's username.\n      required: [id, slug, name, description, status, username, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        slug: { type: string }\n        name: { type: string }\n        description: { type: string }\n        status: { type: string, enum: [active, archived] }\n        username: { type: string }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ProjectCounts:\n      type: object\n      required: [runs, jobs, assets]\n      additionalProperties: false\n      properties:\n        runs: { type: integer, minimum: 0 }\n        jobs: { type: integer, minimum: 0 }\n        assets: { type: integer, minimum: 0 }\n\n    LocalStorage:\n      type: object\n      required: [base_dir, project_root]\n      additionalProperties: false\n      properties:\n        base_dir:\n          type: string\n          description: Directory under which project roots are created by default.\n        project_root:\n          type: string\n          description: The resolved absolute directory holding this project's files.\n\n    S3Storage:\n      type: object\n      required: [enabled, bucket, prefix, region, profile, endpoint_url]\n      additionalProperties: false\n      properties:\n        enabled: { type: boolean }\n        bucket: { type: string, description: Empty when unset. }\n        prefix: { type: string, description: \"Key prefix; objects live under `<prefix>/<slug>/`.\" }\n        region: { type: string, description: Empty when unset. }\n        profile: { type: string, description: AWS profile name; empty when unset. }\n        endpoint_url: { type: string, description: For S3-compatible servers; empty when unset. }\n\n    ProjectStorage:\n      type: object\n      required: [local, s3]\n      additionalProperties: false\n      properties:\n        local: { $ref: \"#/components/schemas/LocalStorage\" }\n        s3: { $ref: \"#/components/schemas/S3Storage\" }\n\n    ProjectListResponse:\n      type: object\n      required: [ok, count, projects]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        projects:\n          type: array\n          items: { $ref: \"#/components/schemas/ProjectSummary\" }\n\n    ProjectWithStorageResponse:\n      type: object\n      required: [ok, project, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectDetailResponse:\n      type: object\n      required: [ok, project, counts, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        counts: { $ref: \"#/components/schemas/ProjectCounts\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectStorageResponse:\n      type: object\n      required: [ok, project, storage]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n\n    ProjectStorageUpdateResponse:\n      type: object\n      required: [ok, project, storage, updated]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        project: { $ref: \"#/components/schemas/Project\" }\n        storage: { $ref: \"#/components/schemas/ProjectStorage\" }\n        updated:\n          type: string\n          enum: [local, s3]\n          description: Which part of the storage configuration this request changed.\n\n    UpsertProjectRequest:\n      type: object\n      required: [name]\n      properties:\n        name:\n          type: string\n          maxLength: 200\n          description: Display name; required and not blank.\n        slug:\n          type: string\n          maxLength: 200\n          description: URL-safe identifier; derived from the name when omitted or blank.\n        description: { type: string, maxLength: 10000 }\n        username:\n          type: string\n          maxLength: 200\n          description: Owner's username; the local user `local` when omitted.\n        user_display_name: { type: string, maxLength: 200 }\n\n    UpdateLocalStorageRequest:\n      type: object\n      properties:\n        base_dir: { type: [string, \"null\"], maxLength: 4096 }\n        project_root: { type: [string, \"null\"], maxLength: 4096 }\n\n    UpdateS3StorageRequest:\n      type: object\n      properties:\n        enabled: { type: boolean }\n        bucket: { type: [string, \"null\"], maxLength: 255 }\n        prefix: { type: [string, \"null\"], maxLength: 1024 }\n        region: { type: [string, \"null\"], maxLength: 64 }\n        profile: { type: [string, \"null\"], maxLength: 200 }\n        endpoint_url: { type: [string, \"null\"], maxLength: 2048 }\n\n    Id:\n      type: string\n      minLength: 1\n      maxLength: 200\n      description: An opaque record id.\n\n    JsonObject:\n      type: object\n      additionalProperties: true\n      description: A free-form JSON object, stored and returned as JSON (never as a string).\n\n    DeletedResponse:\n      type: object\n      required: [ok, deleted, id]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        deleted: { type: boolean, const: true }\n        id: { type: string }\n\n    # Prompt templates\n\n    PromptTemplate:\n      type: object\n      required: [id, project_id, name, template_text, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        name: { type: string, description: Unique within the project. }\n        template_text: { type: string, description: \"Template text with `{placeholders}`.\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    PromptTemplateListResponse:\n      type: object\n      required: [ok, count, prompt_templates]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        prompt_templates: { type: array, items: { $ref: \"#/components/schemas/PromptTemplate\" } }\n\n    PromptTemplateResponse:\n      type: object\n      required: [ok, prompt_template]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        prompt_template: { $ref: \"#/components/schemas/PromptTemplate\" }\n\n    CreatePromptTemplateRequest:\n      type: object\n      required: [name, template_text]\n      properties:\n        name: { type: string, maxLength: 200 }\n        template_text: { type: string, maxLength: 100000 }\n\n    UpdatePromptTemplateRequest:\n      type: object\n      description: \"At least one of: name, template_text.\"\n      properties:\n        name: { type: string, maxLength: 200 }\n        template_text: { type: string, maxLength: 100000 }\n\n    # Style guides\n\n    StyleGuide:\n      type: object\n      required: [id, project_id, name, instructions, notes, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        name: { type: string, description: Unique within the project. }\n        instructions: { type: string, description: What generation must follow. }\n        notes: { type: string, description: Free notes; empty when unset. }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    StyleGuideListResponse:\n      type: object\n      required: [ok, count, style_guides]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        style_guides: { type: array, items: { $ref: \"#/components/schemas/StyleGuide\" } }\n\n    StyleGuideResponse:\n      type: object\n      required: [ok, style_guide]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        style_guide: { $ref: \"#/components/schemas/StyleGuide\" }\n\n    CreateStyleGuideRequest:\n      type: object\n      required: [name, instructions]\n      properties:\n        name: { type: string, maxLength: 200 }\n        instructions: { type: string, maxLength: 100000 }\n        notes: { type: string, maxLength: 100000 }\n\n    UpdateStyleGuideRequest:\n      type: object\n      description: \"At least one of: name, instructions, notes.\"\n      properties:\n        name: { type: string, maxLength: 200 }\n        instructions: { type: string, maxLength: 100000 }\n        notes: { type: string, maxLength: 100000 }\n\n    # Characters\n\n    Character:\n      type: object\n      required: [id, project_id, name, description, prompt_text, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        name: { type: string, description: Unique within the project. }\n        description: { type: string }\n        prompt_text: { type: string, description: Text added to prompts that feature this character. }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    CharacterListResponse:\n      type: object\n      required: [ok, count, characters]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        characters: { type: array, items: { $ref: \"#/components/schemas/Character\" } }\n\n    CharacterResponse:\n      type: object\n      required: [ok, character]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        character: { $ref: \"#/components/schemas/Character\" }\n\n    CreateCharacterRequest:\n      type: object\n      required: [name]\n      properties:\n        name: { type: string, maxLength: 200 }\n        description: { type: string, maxLength: 100000 }\n        prompt_text: { type: string, maxLength: 100000 }\n\n    UpdateCharacterRequest:\n      type: object\n      description: \"At least one of: name, description, prompt_text.\"\n      properties:\n        name: { type: string, maxLength: 200 }\n        description: { type: string, maxLength: 100000 }\n        prompt_text: { type: string, maxLength: 100000 }\n\n    # Reference sets and items\n\n    ReferenceSet:\n      type: object\n      required: [id, project_id, name, description, item_count, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        name: { type: string, description: Unique within the project. }\n        description: { type: string }\n        item_count: { type: integer, minimum: 0 }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ReferenceSetListResponse:\n      type: object\n      required: [ok, count, reference_sets]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        reference_sets: { type: array, items: { $ref: \"#/components/schemas/ReferenceSet\" } }\n\n    ReferenceSetResponse:\n      type: object\n      required: [ok, reference_set]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        reference_set: { $ref: \"#/components/schemas/ReferenceSet\" }\n\n    CreateReferenceSetRequest:\n      type: object\n      required: [name]\n      properties:\n        name: { type: string, maxLength: 200 }\n        description: { type: string, maxLength: 100000 }\n\n    UpdateReferenceSetRequest:\n      type: object\n      description: \"At least one of: name, description.\"\n      properties:\n        name: { type: string, maxLength: 200 }\n        description: { type: string, maxLength: 100000 }\n\n    ReferenceItem:\n      type: object\n      required: [id, project_id, reference_set_id, label, content_uri, content_text, sort_order, metadata_json, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        reference_set_id: { type: string }\n        label: { type: string }\n        content_uri: { type: [string, \"null\"], description: Where the reference lives (a URL or a path under the project root). }\n        content_text: { type: [string, \"null\"], description: The reference as text. }\n        sort_order: { type: integer }\n        metadata_json: { $ref: \"#/components/schemas/JsonObject\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ReferenceItemListResponse:\n      type: object\n      required: [ok, reference_set_id, count, items]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        reference_set_id: { type: string }\n        count: { type: integer, minimum: 0 }\n        items: { type: array, items: { $ref: \"#/components/schemas/ReferenceItem\" } }\n\n    ReferenceItemResponse:\n      type: object\n      required: [ok, item]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        item: { $ref: \"#/components/schemas/ReferenceItem\" }\n\n    CreateReferenceItemRequest:\n      type: object\n      description: \"At least one of: content_uri, content_text.\"\n      properties:\n        label: { type: string, maxLength: 500 }\n        content_uri: { type: [string, \"null\"], maxLength: 4096 }\n        content_text: { type: [string, \"null\"], maxLength: 100000 }\n        sort_order: { type: integer, minimum: -1000000, maximum: 1000000 }\n        metadata_json: { $ref: \"#/components/schemas/JsonObject\" }\n\n    UpdateReferenceItemRequest:\n      type: object\n      description: \"At least one of: label, content_uri, content_text, sort_order, metadata_json. The item must keep content_uri or content_text.\"\n      properties:\n        label: { type: string, maxLength: 500 }\n        content_uri: { type: [string, \"null\"], maxLength: 4096 }\n        content_text: { type: [string, \"null\"], maxLength: 100000 }\n        sort_order: { type: integer, minimum: -1000000, maximum: 1000000 }\n        metadata_json: { $ref: \"#/components/schemas/JsonObject\" }\n\n    # Provider accounts\n\n    ProviderCode:\n      type: string\n      pattern: \"^[a-z0-9_-]{1,64}$\"\n      description: \"A lower-case identifier such as `openai`, `photoroom` or `remove_bg`.\"\n\n    ProviderAccount:\n      type: object\n      required: [project_id, provider_code, display_name, account_ref, base_url, enabled, config_json, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        project_id: { type: string }\n        provider_code: { $ref: \"#/components/schemas/ProviderCode\" }\n        display_name: { type: string }\n        account_ref: { type: string, description: \"Your reference for the account (never a secret: secrets live in project secrets).\" }\n        base_url: { type: string, description: API base URL override; empty for the provider's default. }\n        enabled: { type: boolean }\n        config_json: { $ref: \"#/components/schemas/JsonObject\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ProviderAccountListResponse:\n      type: object\n      required: [ok, count, provider_accounts]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        provider_accounts: { type: array, items: { $ref: \"#/components/schemas/ProviderAccount\" } }\n\n    ProviderAccountResponse:\n      type: object\n      required: [ok, provider_account]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        provider_account: { $ref: \"#/components/schemas/ProviderAccount\" }\n\n    ProviderAccountDeletedResponse:\n      type: object\n      required: [ok, deleted, provider_code]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        deleted: { type: boolean, const: true }\n        provider_code: { type: string }\n\n    UpsertProviderAccountRequest:\n      type: object\n      required: [provider_code]\n      properties:\n        provider_code:\n          type: string\n          maxLength: 64\n          description: Normalised like a slug (`OpenAI` -> `openai`); required and not blank.\n        display_name: { type: string, maxLength: 200 }\n        account_ref: { type: string, maxLength: 500 }\n        base_url: { type: string, maxLength: 2048 }\n        enabled: { type: boolean }\n        config_json: { $ref: \"#/components/schemas/JsonObject\" }\n\n    UpdateProviderAccountRequest:\n      type: object\n      description: \"At least one of: display_name, account_ref, base_url, enabled, config_json.\"\n      properties:\n        display_name: { type: string, maxLength: 200 }\n        account_ref: { type: string, maxLength: 500 }\n        base_url: { type: string, maxLength: 2048 }\n        enabled: { type: boolean }\n        config_json: { $ref: \"#/components/schemas/JsonObject\" }\n\n    # Asset links\n\n    AssetLinkType:\n      type: string\n      enum: [derived_from, variant_of, mask_for, reference_of]\n\n    AssetLink:\n      type: object\n      required: [id, project_id, parent_asset_id, child_asset_id, link_type, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        parent_asset_id: { type: string }\n        child_asset_id: { type: string }\n        link_type: { $ref: \"#/components/schemas/AssetLinkType\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    AssetLinkListResponse:\n      type: object\n      required: [ok, count, asset_links]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        asset_links: { type: array, items: { $ref: \"#/components/schemas/AssetLink\" } }\n\n    AssetLinkResponse:\n      type: object\n      required: [ok, asset_link]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        asset_link: { $ref: \"#/components/schemas/AssetLink\" }\n\n    CreateAssetLinkRequest:\n      type: object\n      required: [parent_asset_id, child_asset_id]\n      properties:\n        parent_asset_id: { $ref: \"#/components/schemas/Id\" }\n        child_asset_id: { $ref: \"#/components/schemas/Id\" }\n        link_type: { $ref: \"#/components/schemas/AssetLinkType\" }\n\n    UpdateAssetLinkRequest:\n      type: object\n      description: \"At least one of: parent_asset_id, child_asset_id, link_type.\"\n      properties:\n        parent_asset_id: { $ref: \"#/components/schemas/Id\" }\n        child_asset_id: { $ref: \"#/components/schemas/Id\" }\n        link_type: { $ref: \"#/components/schemas/AssetLinkType\" }\n\n    # Chat\n\n    ChatRole:\n      type: string\n      enum: [user, assistant, system, tool]\n\n    ChatSession:\n      type: object\n      required: [id, project_id, title, status, message_count, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        title: { type: string }\n        status: { type: string, enum: [active, archived] }\n        message_count: { type: integer, minimum: 0 }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\", description: Changes when a message is added. }\n\n    ChatSessionListResponse:\n      type: object\n      required: [ok, count, sessions]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        sessions: { type: array, items: { $ref: \"#/components/schemas/ChatSession\" } }\n\n    ChatSessionResponse:\n      type: object\n      required: [ok, session]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        session: { $ref: \"#/components/schemas/ChatSession\" }\n\n    CreateChatSessionRequest:\n      type: object\n      properties:\n        title: { type: string, maxLength: 500, description: Defaults to \"New session\". }\n        status: { type: string, enum: [active, archived] }\n\n    ChatMessage:\n      type: object\n      required: [id, project_id, session_id, role, content, content_json, created_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        session_id: { type: string }\n        role: { $ref: \"#/components/schemas/ChatRole\" }\n        content: { type: string }\n        content_json: { description: \"Optional structured content (any JSON value), or null.\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    ChatMessageListResponse:\n      type: object\n      required: [ok, session_id, count, messages]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        session_id: { type: string }\n        count: { type: integer, minimum: 0 }\n        messages: { type: array, items: { $ref: \"#/components/schemas/ChatMessage\" } }\n\n    ChatMessageResponse:\n      type: object\n      required: [ok, message]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        message: { $ref: \"#/components/schemas/ChatMessage\" }\n\n    CreateChatMessageRequest:\n      type: object\n      required: [role]\n      description: \"`content` (or its alias `content_text`) is required.\"\n      properties:\n        role: { $ref: \"#/components/schemas/ChatRole\" }\n        content: { type: string, maxLength: 200000 }\n        content_text: { type: string, maxLength: 200000, description: Alias of `content`. }\n        content_json: { description: Optional structured content (any JSON value). }\n\n    # Agent instructions\n\n    AgentInstructionStatus:\n      type: string\n      enum: [pending, confirmed, queued, running, done, failed, canceled]\n\n    AgentInstruction:\n      type: object\n      required:\n        - id\n        - project_id\n        - instruction_text\n        - instruction_type\n        - payload_json\n        - dispatch_to_agent\n        - status\n        - attempts\n        - max_attempts\n        - next_attempt_at\n        - last_error\n        - agent_response_json\n        - created_at\n        - updated_at\n        - confirmed_at\n        - canceled_at\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        instruction_text: { type: string }\n        instruction_type: { type: string, description: \"The older form's type; `instruction` when only text was given.\" }\n        payload_json: { $ref: \"#/components/schemas/JsonObject\" }\n        dispatch_to_agent: { type: boolean }\n        status: { $ref: \"#/components/schemas/AgentInstructionStatus\" }\n        attempts: { type: integer, minimum: 0, description: Dispatch attempts made so far. }\n        max_attempts: { type: integer, minimum: 1 }\n        next_attempt_at: { type: [string, \"null\"], format: date-time, description: When a queued dispatch is next tried. }\n        last_error: { type: [string, \"null\"] }\n        agent_response_json: { description: \"The agent endpoint's last JSON answer, or null.\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n        confirmed_at: { type: [string, \"null\"], format: date-time }\n        canceled_at: { type: [string, \"null\"], format: date-time }\n\n    AgentInstructionListResponse:\n      type: object\n      required: [ok, count, instructions]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        instructions: { type: array, items: { $ref: \"#/components/schemas/AgentInstruction\" } }\n\n    AgentInstructionResponse:\n      type: object\n      required: [ok, instruction]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        instruction: { $ref: \"#/components/schemas/AgentInstruction\" }\n\n    CreateAgentInstructionRequest:\n      type: object\n      description: \"`instruction_text`, or `instruction_type` with `payload_json` (the older form); both may be given.\"\n      properties:\n        instruction_text: { type: string, maxLength: 100000 }\n        instruction_type: { type: string, maxLength: 100 }\n        payload_json: { $ref: \"#/components/schemas/JsonObject\" }\n        dispatch_to_agent: { type: boolean }\n\n    AgentInstructionTransitionRequest:\n      type: object\n      properties:\n        message: { type: string, maxLength: 2000, description: Recorded with the event. }\n\n    AgentInstructionEvent:\n      type: object\n      required: [id, project_id, instruction_id, event_type, message, created_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        instruction_id: { type: string }\n        event_type: { type: string, description: \"created, queued, confirmed, canceled, dispatch_started, dispatched (the agent answered; its status decides done or failed), retry_scheduled, dispatch_failed\" }\n        message: { type: [string, \"null\"] }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    AgentInstructionEventListResponse:\n      type: object\n      required: [ok, instruction_id, count, events]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        instruction_id: { type: string }\n        count: { type: integer, minimum: 0 }\n        events: { type: array, items: { $ref: \"#/components/schemas/AgentInstructionEvent\" } }\n\n    # Auth\n\n    CreateAuthTokenRequest:\n      type: object\n      properties:\n        label: { type: string, maxLength: 200, description: What the token is for. }\n        project_slug: { type: string, maxLength: 200, description: Scope the token to this project. }\n        expires_at: { type: string, format: date-time, description: When the token stops working. }\n        expires_in_days: { type: integer, minimum: 1, maximum: 3650, description: Alternative to expires_at. }\n\n    AuthToken:\n      type: object\n      required: [id, user_id, project_id, token_prefix, label, expires_at, revoked_at, last_used_at, created_at, active]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        user_id: { type: [string, \"null\"] }\n        project_id: { type: [string, \"null\"], description: \"The project the token is scoped to, or null for all.\" }\n        token_prefix: { type: string, description: \"The first characters of the token, to recognise it.\" }\n        label: { type: string }\n        expires_at: { type: [string, \"null\"], format: date-time }\n        revoked_at: { type: [string, \"null\"], format: date-time }\n        last_used_at: { type: [string, \"null\"], format: date-time }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        active: { type: boolean, description: Not revoked and not expired. }\n\n    AuthTokenCreated:\n      type: object\n      required: [id, token, token_prefix, label, project_id, created_at, expires_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        token: { type: string, description: The secret value. Shown once; store it now. }\n        token_prefix: { type: string }\n        label: { type: string }\n        project_id: { type: [string, \"null\"] }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        expires_at: { type: [string, \"null\"], format: date-time }\n\n    AuthTokenCreatedResponse:\n      type: object\n      required: [ok, auth_token]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        auth_token: { $ref: \"#/components/schemas/AuthTokenCreated\" }\n\n    AuthTokenListResponse:\n      type: object\n      required: [ok, count, auth_tokens]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        auth_tokens: { type: array, items: { $ref: \"#/components/schemas/AuthToken\" } }\n\n    AuthTokenRevokedResponse:\n      type: object\n      required: [ok, deleted, token_id]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        deleted: { type: boolean, const: true }\n        token_id: { type: string }\n\n    # Secrets\n\n    Secret:\n      type: object\n      required: [project_id, provider_code, secret_name, has_value, hint, key_id, created_at, updated_at]\n      additionalProperties: false\n      properties:\n        project_id: { type: string }\n        provider_code: { type: string }\n        secret_name: { type: string }\n        has_value: { type: boolean }\n        hint: { type: string, description: \"A masked hint such as `sk-…a1b2`; never the value.\" }\n        key_id: { type: string, description: The encryption key the value is stored under. }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        updated_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    SecretListResponse:\n      type: object\n      required: [ok, count, secrets]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        secrets: { type: array, items: { $ref: \"#/components/schemas/Secret\" } }\n\n    SecretResponse:\n      type: object\n      required: [ok, secret]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        secret: { $ref: \"#/components/schemas/Secret\" }\n\n    SecretDeletedResponse:\n      type: object\n      required: [ok, deleted, provider_code, secret_name]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        deleted: { type: boolean, const: true }\n        provider_code: { type: string }\n        secret_name: { type: string }\n\n    UpsertSecretRequest:\n      type: object\n      required: [provider_code, secret_name, secret_value]\n      properties:\n        provider_code: { type: string, maxLength: 64, description: Normalised like a slug. }\n        secret_name: { type: string, maxLength: 128, description: \"e.g. `api_key`; normalised like a slug.\" }\n        secret_value: { type: string, minLength: 1, maxLength: 65536, writeOnly: true }\n\n    SecretKeyUsage:\n      type: object\n      required: [key_id, active, created_at, secret_count]\n      additionalProperties: false\n      properties:\n        key_id: { type: string }\n        active: { type: boolean, description: New values are encrypted under the active key. }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        secret_count: { type: integer, minimum: 0, description: How many of this project's values use the key. }\n\n    SecretRotationStatusResponse:\n      type: object\n      required: [ok, rotation_status]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        rotation_status:\n          type: object\n          required: [active_key_id, total_secrets, stale_secrets, keys]\n          additionalProperties: false\n          properties:\n            active_key_id: { type: [string, \"null\"] }\n            total_secrets: { type: integer, minimum: 0 }\n            stale_secrets: { type: integer, minimum: 0, description: Values not under the active key. }\n            keys: { type: array, items: { $ref: \"#/components/schemas/SecretKeyUsage\" } }\n\n    SecretRotationResponse:\n      type: object\n      required: [ok, rotation]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        rotation:\n          type: object\n          required: [key_id, rotated, previous_key_ids]\n          additionalProperties: false\n          properties:\n            key_id: { type: string, description: The new active key. }\n            rotated: { type: integer, minimum: 0, description: How many values were re-encrypted. }\n            previous_key_ids: { type: array, items: { type: string } }\n\n    # Bootstrap prompt exchange\n\n    BootstrapSettings:\n      type: object\n      description: A project's settings in the bootstrap exchange shape. Sections not given are left alone in merge mode.\n      properties:\n        project:\n          type: object\n          properties:\n            name: { type: string, maxLength: 200 }\n            description: { type: string, maxLength: 10000 }\n        provider_accounts:\n          type: array\n          items:\n            type: object\n            required: [provider_code]\n            properties:\n              provider_code: { type: string, maxLength: 64 }\n              display_name: { type: string, maxLength: 200 }\n              account_ref: { type: string, maxLength: 500 }\n              base_url: { type: string, maxLength: 2048 }\n              enabled: { type: boolean }\n              config_json: { $ref: \"#/components/schemas/JsonObject\" }\n        style_guides:\n          type: array\n          items:\n            type: object\n            required: [name, instructions]\n            properties:\n              name: { type: string, maxLength: 200 }\n              instructions: { type: string, maxLength: 100000 }\n              notes: { type: string, maxLength: 100000 }\n        characters:\n          type: array\n          items:\n            type: object\n            required: [name]\n            properties:\n              name: { type: string, maxLength: 200 }\n              description: { type: string, maxLength: 100000 }\n              prompt_text: { type: string, maxLength: 100000 }\n        reference_sets:\n          type: array\n          items:\n            type: object\n            required: [name, items]\n            properties:\n              name: { type: string, maxLength: 200 }\n              description: { type: string, maxLength: 100000 }\n              items:\n                type: array\n                description: \"Required (`[]` for none).\"\n                items:\n                  type: object\n                  properties:\n                    label: { type: string, maxLength: 500 }\n                    content_uri: { type: [string, \"null\"], maxLength: 4096 }\n                    content_text: { type: [string, \"null\"], maxLength: 100000 }\n                    sort_order: { type: integer }\n                    metadata_json: { $ref: \"#/components/schemas/JsonObject\" }\n        prompt_templates:\n          type: array\n          items:\n            type: object\n            required: [name, template_text]\n            properties:\n              name: { type: string, maxLength: 200 }\n              template_text: { type: string, maxLength: 100000 }\n        secrets:\n          type: array\n          description: Secret names only (export); ignored on import, since values never travel here.\n          items:\n            type: object\n            required: [provider_code, secret_name]\n            properties:\n              provider_code: { type: string }\n              secret_name: { type: string }\n\n    BootstrapPromptResponse:\n      type: object\n      required: [ok, bootstrap]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        bootstrap:\n          type: object\n          required: [schema_version, generated_at, project, settings, expected_response, prompt]\n          additionalProperties: false\n          properties:\n            schema_version: { type: integer, minimum: 1 }\n            generated_at: { $ref: \"#/components/schemas/Timestamp\" }\n            project: { $ref: \"#/components/schemas/Project\" }\n            settings: { $ref: \"#/components/schemas/BootstrapSettings\" }\n            expected_response: { $ref: \"#/components/schemas/JsonObject\", description: \"The shape the assistant must answer with (a JSON schema).\" }\n            prompt: { type: string, description: Ready-to-paste text for an AI assistant. }\n\n    BootstrapImportRequest:\n      type: object\n      properties:\n        settings: { $ref: \"#/components/schemas/BootstrapSettings\" }\n        ai_response_text: { type: string, maxLength: 500000, description: \"An assistant's raw reply holding the settings JSON (fenced or not).\" }\n        mode: { type: string, enum: [merge, replace], description: \"Default `merge`.\" }\n        dry_run: { type: boolean, description: Report the changes without writing. }\n\n    BootstrapSectionChanges:\n      type: object\n      required: [created, updated, removed, unchanged]\n      additionalProperties: false\n      properties:\n        created: { type: integer, minimum: 0 }\n        updated: { type: integer, minimum: 0 }\n        removed: { type: integer, minimum: 0 }\n        unchanged: { type: integer, minimum: 0 }\n\n    BootstrapImportResponse:\n      type: object\n      required: [ok, bootstrap_import]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        bootstrap_import:\n          type: object\n          required: [schema_version, mode, dry_run, project_updated, applied, changes, project, settings]\n          additionalProperties: false\n          properties:\n            schema_version: { type: integer, minimum: 1 }\n            mode: { type: string, enum: [merge, replace] }\n            dry_run: { type: boolean }\n            project_updated: { type: boolean }\n            applied: { type: boolean, description: False for a dry run. }\n            changes:\n              type: object\n              required: [provider_accounts, style_guides, characters, reference_sets, prompt_templates]\n              additionalProperties: false\n              properties:\n                provider_accounts: { $ref: \"#/components/schemas/BootstrapSectionChanges\" }\n                style_guides: { $ref: \"#/components/schemas/BootstrapSectionChanges\" }\n                characters: { $ref: \"#/components/schemas/BootstrapSectionChanges\" }\n                reference_sets: { $ref: \"#/components/schemas/BootstrapSectionChanges\" }\n                prompt_templates: { $ref: \"#/components/schemas/BootstrapSectionChanges\" }\n            project: { $ref: \"#/components/schemas/Project\" }\n            settings: { $ref: \"#/components/schemas/BootstrapSettings\", description: \"The settings after the import (or as they would be, for a dry run).\" }\n\n    # Pipeline runs\n\n    ValidateRunConfigRequest:\n      type: object\n      properties:\n        app_settings_path: { type: string, maxLength: 4096, description: Instead of config/pipeline.settings.toml. }\n        project_settings_path: { type: string, maxLength: 4096, description: Instead of <project_root>/.kroma/pipeline.settings.json. }\n        manifest_path: { type: string, maxLength: 4096, description: Check this manifest instead of the one the settings name. }\n        postprocess_config_path: { type: string, maxLength: 4096, description: Check this postprocess.json instead. }\n\n    ConfigProblem:\n      type: object\n      required: [file, field, message]\n      additionalProperties: false\n      properties:\n        file: { type: string }\n        field: { type: string, description: \"Dotted path inside the file, e.g. `pipeline.postprocess.upscale_backend`.\" }\n        message: { type: string }\n\n    ResolvedSetting:\n      type: object\n      required: [key, value, source]\n      additionalProperties: false\n      properties:\n        key: { type: string }\n        value: { description: The value in effect (any JSON value). }\n        source: { type: string, enum: [override, project, app, default] }\n        file: { type: string, description: The file the value came from. }\n\n    ValidateRunConfigResponse:\n      type: object\n      required: [ok, summary]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        summary:\n          type: object\n          required:\n            - valid\n            - app_settings_loaded\n            - project_settings_loaded\n            - resolved_manifest_path\n            - resolved_postprocess_config_path\n            - manifest_loaded\n            - postprocess_config_loaded\n            - problems\n            - settings\n          additionalProperties: false\n          properties:\n            valid: { type: boolean }\n            project_root: { type: string }\n            app_settings_loaded: { type: boolean }\n            project_settings_loaded: { type: boolean }\n            resolved_manifest_path: { type: string }\n            resolved_postprocess_config_path: { type: string }\n            manifest_loaded: { type: boolean }\n            postprocess_config_loaded: { type: boolean }\n            problems: { type: array, items: { $ref: \"#/components/schemas/ConfigProblem\" } }\n            settings: { type: array, items: { $ref: \"#/components/schemas/ResolvedSetting\" } }\n\n    # Runs, jobs, candidates, assets, quality reports and cost events as the database holds them\n\n    RunMode:\n      type: string\n      enum: [dry, run]\n\n    RunRecordStatus:\n      type: string\n      enum: [queued, running, canceling, succeeded, partial, failed, canceled, interrupted]\n      description: |\n        `queued -> running -> succeeded | partial | failed | canceled` (`canceling` while a cancel waits\n        for the request in flight). `partial`: some jobs failed. `interrupted`: the server stopped while\n        the run was queued or running (on SIGTERM/SIGINT it first lets an image request in flight finish\n        within `KROMA_SHUTDOWN_GRACE_MS`, default 30000, then aborts it, recorded as possibly billed), or\n        the process that owned it is gone; it is never re-run by itself (`POST /runs/{runId}/resume`).\n        A dry run that planned its jobs is `succeeded`.\n\n    Run:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_mode\n        - status\n        - stage\n        - time_of_day\n        - weather\n        - model_name\n        - provider_code\n        - settings_snapshot_json\n        - image_size\n        - image_quality\n        - run_log_path\n        - started_at\n        - finished_at\n        - created_at\n        - error\n        - summary_json\n      additionalProperties: false\n      properties:\n        id: { type: string, description: \"The run id (`run_<stamp>_<hex>`), as in the run log.\" }\n        project_id: { type: string }\n        run_mode: { $ref: \"#/components/schemas/RunMode\" }\n        status: { $ref: \"#/components/schemas/RunRecordStatus\" }\n        stage: { type: [string, \"null\"] }\n        time_of_day: { type: [string, \"null\"] }\n        weather: { type: [string, \"null\"] }\n        model_name: { type: [string, \"null\"] }\n        provider_code: { type: [string, \"null\"] }\n        settings_snapshot_json:\n          description: \"What the run used: generation, output guard, post-process, API, versions and inputs; null until the run starts.\"\n          oneOf:\n            - { $ref: \"#/components/schemas/JsonObject\" }\n            - { type: \"null\" }\n        image_size: { type: [string, \"null\"] }\n        image_quality: { type: [string, \"null\"] }\n        run_log_path: { type: [string, \"null\"], description: \"The run log, relative to the project root (`runs/<run_id>.json`) once written.\" }\n        started_at: { type: [string, \"null\"], format: date-time }\n        finished_at: { type: [string, \"null\"], format: date-time }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        error: { type: [string, \"null\"], description: \"Why the run failed or stopped, when it did.\" }\n        summary_json:\n          description: \"The run log's counts (`jobs`, `done`, `failed`, ...); null until the log is ingested.\"\n          oneOf:\n            - { $ref: \"#/components/schemas/JsonObject\" }\n            - { type: \"null\" }\n\n    RunCandidate:\n      type: object\n      required:\n        - id\n        - job_id\n        - candidate_index\n        - status\n        - output_asset_id\n        - final_asset_id\n        - output_path\n        - final_output_path\n        - rank_hard_failures\n        - rank_soft_warnings\n        - rank_avg_chroma_exceed\n        - meta_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        job_id: { type: string }\n        candidate_index: { type: integer, minimum: 1 }\n        status: { type: string, enum: [planned, generated, failed], description: \"`planned` in dry runs.\" }\n        output_asset_id: { type: [string, \"null\"] }\n        final_asset_id: { type: [string, \"null\"], description: \"Set on the selected candidate: the job's final output asset.\" }\n        output_path: { type: [string, \"null\"] }\n        final_output_path: { type: [string, \"null\"] }\n        rank_hard_failures: { type: [integer, \"null\"] }\n        rank_soft_warnings: { type: [integer, \"null\"] }\n        rank_avg_chroma_exceed: { type: [number, \"null\"] }\n        meta_json: { $ref: \"#/components/schemas/JsonObject\", description: \"Attempts, usage, error, timings and bytes, as logged (the guard verdict is the quality report).\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    RunJob:\n      type: object\n      required:\n        - id\n        - run_id\n        - job_key\n        - status\n        - prompt_text\n        - selected_candidate_index\n        - final_asset_id\n        - final_output\n        - meta_json\n        - created_at\n        - candidates\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        run_id: { type: string }\n        job_key: { type: string, description: \"The job id of the run log (`style_1_street`).\" }\n        status: { type: string, enum: [planned, done, failed, failed_guard, canceled] }\n        prompt_text: { type: [string, \"null\"] }\n        selected_candidate_index: { type: [integer, \"null\"] }\n        final_asset_id: { type: [string, \"null\"] }\n        final_output: { type: [string, \"null\"] }\n        meta_json: { $ref: \"#/components/schemas/JsonObject\", description: \"Stage, time, weather, input images, error and timing, as logged.\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        candidates: { type: array, items: { $ref: \"#/components/schemas/RunCandidate\" } }\n\n    Asset:\n      type: object\n      required:\n        - id\n        - project_id\n        - kind\n        - asset_kind\n        - storage_uri\n        - rel_path\n        - storage_backend\n        - mime_type\n        - width\n        - height\n        - sha256\n        - run_id\n        - job_id\n        - candidate_id\n        - metadata_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        kind: { type: string, description: \"`image` for files a run wrote.\" }\n        asset_kind: { type: [string, \"null\"], description: \"`candidate` (one of N), `final` (`outputs/<job_id>.png`), ...\" }\n        storage_uri: { type: [string, \"null\"], description: \"`file://` URL of the file when it was ingested.\" }\n        rel_path: { type: [string, \"null\"], description: Relative to the project root. }\n        storage_backend: { type: string }\n        mime_type: { type: [string, \"null\"] }\n        width: { type: [integer, \"null\"] }\n        height: { type: [integer, \"null\"] }\n        sha256: { type: [string, \"null\"] }\n        run_id: { type: [string, \"null\"] }\n        job_id: { type: [string, \"null\"] }\n        candidate_id: { type: [string, \"null\"] }\n        metadata_json: { $ref: \"#/components/schemas/JsonObject\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    QualityGrade:\n      type: string\n      enum: [pass, warn, fail]\n      description: \"`fail`: hard failures; `warn`: soft warnings only; `pass`: neither.\"\n\n    QualityReport:\n      type: object\n      required: [id, project_id, run_id, asset_id, report_type, grade, hard_failures, soft_warnings, avg_chroma_exceed, summary_json, created_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        run_id: { type: [string, \"null\"] }\n        asset_id: { type: [string, \"null\"] }\n        report_type: { type: string, description: \"`output_guard` for the guard's verdict on a candidate.\" }\n        grade: { $ref: \"#/components/schemas/QualityGrade\" }\n        hard_failures: { type: integer, minimum: 0 }\n        soft_warnings: { type: integer, minimum: 0 }\n        avg_chroma_exceed: { type: number, minimum: 0 }\n        summary_json: { $ref: \"#/components/schemas/JsonObject\", description: \"The guard's verdict as logged (`checked_input`, `summary`, `files`).\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    CostEvent:\n      type: object\n      required: [id, project_id, run_id, job_id, provider_code, model_name, event_type, units, unit_cost_usd, total_cost_usd, currency, meta_json, created_at]\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        run_id: { type: [string, \"null\"] }\n        job_id: { type: [string, \"null\"] }\n        provider_code: { type: string }\n        model_name: { type: [string, \"null\"] }\n        event_type: { type: string, description: \"`image_generation`: the images one job generated.\" }\n        units: { type: number, minimum: 0, description: \"Images generated (candidates that succeeded).\" }\n        unit_cost_usd: { type: [number, \"null\"], description: \"List-price estimate; null when unknown for the model, size or quality.\" }\n        total_cost_usd: { type: [number, \"null\"] }\n        currency: { type: string }\n        meta_json: { $ref: \"#/components/schemas/JsonObject\", description: \"Job key, the candidates generated, total tokens, size and quality (the basis of the estimate is in the run's settings snapshot).\" }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    RunListResponse:\n      type: object\n      required: [ok, count, total, runs]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        total: { type: integer, minimum: 0 }\n        runs: { type: array, items: { $ref: \"#/components/schemas/Run\" } }\n\n    RunResponse:\n      type: object\n      required: [ok, run]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        run: { $ref: \"#/components/schemas/Run\" }\n\n    RunDetailResponse:\n      type: object\n      required: [ok, run, jobs]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        run: { $ref: \"#/components/schemas/Run\" }\n        jobs: { type: array, items: { $ref: \"#/components/schemas/RunJob\" } }\n\n    RunJobListResponse:\n      type: object\n      required: [ok, run_id, count, jobs]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        run_id: { type: string }\n        count: { type: integer, minimum: 0 }\n        jobs: { type: array, items: { $ref: \"#/components/schemas/RunJob\" } }\n\n    AssetListResponse:\n      type: object\n      required: [ok, count, total, assets]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        total: { type: integer, minimum: 0 }\n        assets: { type: array, items: { $ref: \"#/components/schemas/Asset\" } }\n\n    AssetResponse:\n      type: object\n      required: [ok, asset]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        asset: { $ref: \"#/components/schemas/Asset\" }\n\n    QualityReportListResponse:\n      type: object\n      required: [ok, count, total, quality_reports]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        total: { type: integer, minimum: 0 }\n        quality_reports: { type: array, items: { $ref: \"#/components/schemas/QualityReport\" } }\n\n    CostEventListResponse:\n      type: object\n      required: [ok, count, total, total_cost_usd, cost_events]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        total: { type: integer, minimum: 0 }\n        total_cost_usd: { type: number, minimum: 0 }\n        cost_events: { type: array, items: { $ref: \"#/components/schemas/CostEvent\" } }\n\n    TriggerRunRequest:\n      type: object\n      description: |\n        The seed's trigger fields. `input` (a file or directory under the project root) xor `scene_refs`;\n        `time` only with stage time or weather; `weather` only with stage weather.\n      additionalProperties: false\n      properties:\n        mode: { $ref: \"#/components/schemas/RunMode\", description: \"Default `dry`.\" }\n        confirm_spend: { type: boolean, description: \"Required (true) for `mode: run`.\" }\n        input: { type: string, minLength: 1, maxLength: 4096 }\n        scene_refs: { type: array, minItems: 1, maxItems: 10000, items: { type: string, minLength: 1, maxLength: 4096 } }\n        style_refs: { type: array, maxItems: 100, items: { type: string, minLength: 1, maxLength: 4096 } }\n        stage: { $ref: \"#/components/schemas/RunStage\", description: \"Default `style`.\" }\n        time: { $ref: \"#/components/schemas/RunTimeOfDay\" }\n        weather: { $ref: \"#/components/schemas/RunWeather\" }\n        candidates: { type: integer, minimum: 1, maximum: 6 }\n        storage_sync_s3: { type: boolean, description: \"Upload the project's new or changed files to its S3 storage after the run (`POST /storage/s3/sync`); refused (400) when the project has no S3 storage enabled, or no credentials that may go to its endpoint.\" }\n        project_root: { description: \"Refused: the root comes from the project's stored storage.\" }\n\n    TriggerRunResponse:\n      type: object\n      required: [ok, pipeline_trigger]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        pipeline_trigger:\n          type: object\n          required: [run_id, status, mode, run]\n          additionalProperties: false\n          properties:\n            run_id: { type: string }\n            status: { $ref: \"#/components/schemas/RunRecordStatus\" }\n            mode: { $ref: \"#/components/schemas/RunMode\" }\n            run: { $ref: \"#/components/schemas/Run\" }\n\n    RunEvent:\n      type: object\n      description: |\n        One server-sent event of `GET /runs/{runId}/events` (the `data:` JSON; `event:` repeats `type`).\n        `status`: the run's status now. `progress`: a request went out or was retried, a candidate or\n        a job finished (`phase`; indexes are 1-based). `done`: the terminal status, the summary and\n        error if any; the last event of the stream.\n      required: [type, run_id, status]\n      additionalProperties: false\n      properties:\n        type: { type: string, enum: [status, progress, done] }\n        run_id: { type: string }\n        status: { $ref: \"#/components/schemas/RunRecordStatus\" }\n        phase: { type: string, enum: [request, retry, candidate_done, candidate_failed, job_done, job_skipped] }\n        job: { type: string }\n        job_index: { type: integer, minimum: 1 }\n        jobs: { type: integer, minimum: 0 }\n        candidate: { type: integer, minimum: 0 }\n        candidates: { type: integer, minimum: 0 }\n        attempt: { type: integer, minimum: 1 }\n        job_status: { type: string }\n        error: { type: string }\n        summary:\n          oneOf:\n            - { $ref: \"#/components/schemas/JsonObject\" }\n            - { type: \"null\" }\n\n    # Pipeline run logs (`<project_root>/runs/<run_id>.json`): one type for the API and the files\n\n    RunLog:\n      description: \"A run log as written to `runs/<run_id>.json`: a dry run (`mode: dry`) or a paid run (`mode: run`).\"\n      oneOf:\n        - { $ref: \"#/components/schemas/DryRunLog\" }\n        - { $ref: \"#/components/schemas/PaidRunLog\" }\n\n    RunStage:\n      type: string\n      enum: [style, time, weather]\n\n    RunTimeOfDay:\n      type: string\n      enum: [day, night]\n\n    RunWeather:\n      type: string\n      enum: [clear, rain]\n\n    RunOutputGuardSettings:\n      type: object\n      description: The output guard a run applies (manifest values with the request's overrides).\n      required: [enabled, enforce_grayscale, max_chroma_delta, fail_on_chroma_exceed]\n      additionalProperties: false\n      properties:\n        enabled: { type: boolean }\n        enforce_grayscale: { type: boolean }\n        max_chroma_delta: { type: number, minimum: 0 }\n        fail_on_chroma_exceed: { type: boolean }\n\n    RunLogInput:\n      type: object\n      description: One file a run read, identified by content.\n      required: [path, role, sha256, size]\n      additionalProperties: false\n      properties:\n        path: { type: string, description: \"Relative to the project root (with `/`) when inside it, else absolute.\" }\n        role: { type: string, enum: [scene, style_ref] }\n        sha256: { type: string, pattern: \"^[0-9a-f]{64}$\" }\n        size: { type: integer, minimum: 0 }\n\n    RunLogGeneration:\n      type: object\n      required: [candidates, max_candidates]\n      additionalProperties: false\n      properties:\n        candidates: { type: integer, minimum: 1 }\n        max_candidates: { type: integer, minimum: 1 }\n\n    RunLogStorage:\n      type: object\n      required: [project_root, resolved_from_backend]\n      additionalProperties: false\n      properties:\n        project_root: { type: string }\n        resolved_from_backend: { type: boolean }\n\n    RunLogVersions:\n      type: object\n      required: [kroma, node]\n      additionalProperties: false\n      properties:\n        kroma: { type: string }\n        node: { type: string }\n\n    DryRunJob:\n      type: object\n      description: \"A job of a dry run: what would be generated, and where.\"\n      required:\n        - id\n        - mode\n        - time\n        - weather\n        - input_images\n        - prompt\n        - status\n        - planned_generation\n        - planned_postprocess\n        - planned_output_guard\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        mode: { $ref: \"#/components/schemas/RunStage\", description: \"The stage, named `mode` as in the seed's logs.\" }\n        time: { $ref: \"#/components/schemas/RunTimeOfDay\" }\n        weather: { $ref: \"#/components/schemas/RunWeather\" }\n        input_images:\n          type: array\n          items: { type: string }\n          description: \"The scene, then every style reference; relative to the project root where inside it.\"\n        prompt: { type: string }\n        status: { type: string, const: planned }\n        planned_generation:\n          type: object\n          required: [candidates, outputs]\n          additionalProperties: false\n          properties:\n            candidates: { type: integer, minimum: 1 }\n            outputs: { type: array, items: { type: string } }\n        planned_postprocess:\n          description: The post-process settings the caller resolved, recorded as given (any JSON value).\n        planned_output_guard: { $ref: \"#/components/schemas/RunOutputGuardSettings\" }\n\n    DryRunLog:\n      type: object\n      description: |\n        The log of a dry run: the seed's fields plus what reproduction and audit need (run id, schema\n        version, tool versions, a sha256 of every input, the planned output paths, a status and counts).\n        Paths are relative to the project root (with `/`) where inside it, absolute otherwise.\n      required:\n        - run_id\n        - schema_version\n        - timestamp\n        - project\n        - mode\n        - stage\n        - time\n        - weather\n        - model\n        - size\n        - quality\n        - generation\n        - output_guard\n        - postprocess\n        - storage\n        - versions\n        - inputs\n        - jobs\n        - status\n        - summary\n      additionalProperties: false\n      properties:\n        run_id: { type: string, pattern: \"^[A-Za-z0-9_-]+$\" }\n        schema_version: { type: integer, const: 1 }\n        timestamp: { $ref: \"#/components/schemas/Timestamp\" }\n        project: { type: string, minLength: 1 }\n        mode: { type: string, const: dry }\n        stage: { $ref: \"#/components/schemas/RunStage\" }\n        time: { $ref: \"#/components/schemas/RunTimeOfDay\" }\n        weather: { $ref: \"#/components/schemas/RunWeather\" }\n        model: { type: string }\n        size: { type: string }\n        quality: { type: string }\n        generation: { $ref: \"#/components/schemas/RunLogGeneration\" }\n        output_guard: { $ref: \"#/components/schemas/RunOutputGuardSettings\" }\n        postprocess:\n          description: The post-process settings the caller resolved, recorded as given (any JSON value).\n        storage: { $ref: \"#/components/schemas/RunLogStorage\" }\n        versions: { $ref: \"#/components/schemas/RunLogVersions\" }\n        inputs: { type: array, items: { $ref: \"#/components/schemas/RunLogInput\" } }\n        jobs: { type: array, items: { $ref: \"#/components/schemas/DryRunJob\" } }\n        status: { type: string, const: planned }\n        summary:\n          type: object\n          required: [jobs, candidates]\n          additionalProperties: false\n          properties:\n            jobs: { type: integer, minimum: 0 }\n            candidates: { type: integer, minimum: 0 }\n\n    RequestAttempt:\n      type: object\n      description: One request to the images API.\n      required: [attempt, status, ok, ms]\n      additionalProperties: false\n      properties:\n        attempt: { type: integer, minimum: 1 }\n        status: { type: [integer, \"null\"], description: \"HTTP status, or null when no response arrived (network failure, timeout).\" }\n        ok: { type: boolean }\n        request_id: { type: string, description: \"The API's `x-request-id`, for support requests about a specific image.\" }\n        error: { type: string }\n        retryable: { type: boolean, description: Whether this failure was worth another attempt. }\n        ms: { type: integer, minimum: 0 }\n\n    GuardFileResult:\n      type: object\n      description: One image's guard result, as the QA report lists it.\n      required: [file, chroma_delta, grayscale_like, hard_fail_reasons, soft_warnings]\n      additionalProperties: false\n      properties:\n        file: { type: string }\n        chroma_delta: { type: number, minimum: 0, description: \"Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3, rounded to 4 decimals.\" }\n        grayscale_like: { type: boolean }\n        hard_fail_reasons: { type: array, items: { type: string } }\n        soft_warnings: { type: array, items: { type: string } }\n\n    CandidateRank:\n      type: object\n      description: \"A candidate's rank: lower is better, compared in this order.\"\n      required: [hard_failures, soft_warnings, avg_chroma_exceed]\n      additionalProperties: false\n      properties:\n        hard_failures: { type: integer, minimum: 0 }\n        soft_warnings: { type: integer, minimum: 0 }\n        avg_chroma_exceed: { type: number, minimum: 0 }\n\n    CandidateGuardLog:\n      type: object\n      description: The output guard's verdict on one candidate, in the seed's shape.\n      required: [checked_input, summary, files]\n      additionalProperties: false\n      properties:\n        checked_input: { type: string, description: The file the guard read (relative to the project root). }\n        summary:\n          type: object\n          required: [total_files, hard_failures, soft_warnings]\n          additionalProperties: false\n          properties:\n            total_files: { type: integer, minimum: 0 }\n            hard_failures: { type: integer, minimum: 0 }\n            soft_warnings: { type: integer, minimum: 0 }\n        files: { type: array, items: { $ref: \"#/components/schemas/GuardFileResult\" } }\n\n    ImageUsage:\n      type: object\n      description: \"Token usage as the images API reports it (gpt-image models); kept as sent, so open to fields the API adds.\"\n      properties:\n        input_tokens: { type: integer, minimum: 0 }\n        output_tokens: { type: integer, minimum: 0 }\n        total_tokens: { type: integer, minimum: 0 }\n        input_tokens_details:\n          type: object\n          description: Open (kept as sent); the fields below are the ones gpt-image models report.\n          properties:\n            image_tokens: { type: integer, minimum: 0 }\n            text_tokens: { type: integer, minimum: 0 }\n\n    RunCandidateLog:\n      type: object\n      description: \"One candidate of a paid run: what was asked, every attempt, and what came of it.\"\n      required:\n        - candidate_index\n        - output\n        - status\n        - attempts\n        - rank\n        - output_guard\n        - sha256\n        - bytes\n        - archived_previous\n        - ms\n      additionalProperties: false\n      properties:\n        candidate_index: { type: integer, minimum: 1, description: \"1-based, as in the file name `__c<k>`.\" }\n        output: { type: string, description: \"Where the candidate is (or would have been) written, relative to the project root.\" }\n        status: { type: string, enum: [generated, failed] }\n        error: { type: string, description: Why the candidate failed (API key masked). }\n        attempts: { type: array, items: { $ref: \"#/components/schemas/RequestAttempt\" } }\n        rank:\n          description: The guard's rank; null when the candidate was not generated or the guard is off.\n          oneOf:\n            - { $ref: \"#/components/schemas/CandidateRank\" }\n            - { type: \"null\" }\n        output_guard:\n          description: The guard's verdict; null when the candidate was not generated or the guard is off.\n          oneOf:\n            - { $ref: \"#/components/schemas/CandidateGuardLog\" }\n            - { type: \"null\" }\n        sha256: { type: [string, \"null\"], pattern: \"^[0-9a-f]{64}$\" }\n        bytes: { type: [integer, \"null\"], minimum: 0 }\n        width: { type: integer, minimum: 1, description: \"Pixel width of the written PNG (from its header).\" }\n        height: { type: integer, minimum: 1, description: \"Pixel height of the written PNG (from its header).\" }\n        usage: { $ref: \"#/components/schemas/ImageUsage\", description: Token usage when the API reported it. }\n        postprocess: { $ref: \"#/components/schemas/PostprocessChainLog\", description: \"The post-process chain run on this candidate, when any stage is enabled; the guard then checks the chain's last output.\" }\n        archived_previous: { type: [string, \"null\"], description: \"Where the file this candidate overwrote was archived, when there was one.\" }\n        ms: { type: integer, minimum: 0, description: \"Wall time for the candidate, all attempts and back-off included.\" }\n\n    PostprocessStageName:\n      type: string\n      enum: [bg_remove, bg_refine_openai, upscale, color]\n\n    PostprocessBackendAttempt:\n      type: object\n      description: One background-removal backend tried, in order.\n      required: [backend, ok, ms]\n      additionalProperties: false\n      properties:\n        backend: { type: string }\n        ok: { type: boolean }\n        error: { type: string }\n        ms: { type: integer, minimum: 0 }\n\n    PostprocessStageLog:\n      type: object\n      description: \"One stage of the chain: what it read and wrote, how, how long, and the output's sha256.\"\n      required: [stage, status, input, output, backend, params, ms, sha256]\n      additionalProperties: false\n      properties:\n        stage: { $ref: \"#/components/schemas/PostprocessStageName\" }\n        status: { type: string, enum: [done, skipped, failed], description: \"`skipped`: an optional refine pass that failed (see `warnings`).\" }\n        input: { type: string, description: \"Relative to the project root.\" }\n        output: { type: [string, \"null\"], description: \"Relative to the project root; null when the stage wrote nothing.\" }\n        backend: { type: [string, \"null\"] }\n        backends_tried: { type: array, items: { $ref: \"#/components/schemas/PostprocessBackendAttempt\" } }\n        params: { $ref: \"#/components/schemas/JsonObject\" }\n        ms: { type: integer, minimum: 0 }\n        sha256: { type: [string, \"null\"], pattern: \"^[0-9a-f]{64}$\" }\n        width: { type: integer, minimum: 1 }\n        height: { type: integer, minimum: 1 }\n        warnings: { type: array, items: { type: string } }\n        error: { type: string }\n        archived: { type: string, description: \"Where a file the stage replaced was archived (relative).\" }\n\n    PostprocessChainLog:\n      type: object\n      description: \"The post-process chain on one image: stages in the fixed order bg_remove -> bg_refine_openai -> upscale -> color.\"\n      required: [status, final_output, pipeline_order, stages]\n      additionalProperties: false\n      properties:\n        status: { type: string, enum: [done, failed] }\n        final_output: { type: string, description: \"The last stage's output, or the last good file when a stage failed (relative).\" }\n        pipeline_order: { type: array, items: { $ref: \"#/components/schemas/PostprocessStageName\" } }\n        stages: { type: array, items: { $ref: \"#/components/schemas/PostprocessStageLog\" } }\n\n    RunJobStatus:\n      type: string\n      enum: [done, failed, failed_guard, canceled]\n      description: \"Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard; `canceled`: the run was canceled before the job finished.\"\n\n    RunJobLog:\n      type: object\n      description: One job of a paid run.\n      required:\n        - id\n        - mode\n        - time\n        - weather\n        - input_images\n        - prompt\n        - status\n        - selected_candidate\n        - final_output\n        - final_output_archived_previous\n        - candidates\n        - ms\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        mode: { $ref: \"#/components/schemas/RunStage\" }\n        time: { $ref: \"#/components/schemas/RunTimeOfDay\" }\n        weather: { $ref: \"#/components/schemas/RunWeather\" }\n        input_images: { type: array, items: { type: string } }\n        prompt: { type: string }\n        status: { $ref: \"#/components/schemas/RunJobStatus\" }\n        error: { type: string }\n        selected_candidate: { type: [integer, \"null\"], minimum: 1, description: 1-based index of the chosen candidate; null when none was generated. }\n        final_output: { type: [string, \"null\"], description: \"`outputs/<job_id>.png` (relative) once written; null when no candidate was generated.\" }\n        final_output_archived_previous: { type: [string, \"null\"], description: Where an earlier final output was archived when the copy replaced it (N > 1 only). }\n        final_postprocessed_output: { type: [string, \"null\"], description: \"The selected candidate's post-processed file (the chain's last output), when post-processing ran.\" }\n        candidates: { type: array, items: { $ref: \"#/components/schemas/RunCandidateLog\" } }\n        ms: { type: integer, minimum: 0 }\n\n    RunStatus:\n      type: string\n      enum: [succeeded, partial, failed, canceled]\n      description: \"The run's outcome: every job done, some, or none; `canceled` when it was stopped on request.\"\n\n    RunSummary:\n      type: object\n      description: Counts for a quick look at a run.\n      required: [jobs, done, failed, failed_guard, candidates_generated, candidates_failed]\n      additionalProperties: false\n      properties:\n        jobs: { type: integer, minimum: 0 }\n        done: { type: integer, minimum: 0 }\n        failed: { type: integer, minimum: 0 }\n        failed_guard: { type: integer, minimum: 0 }\n        canceled: { type: integer, minimum: 0 }\n        candidates_generated: { type: integer, minimum: 0 }\n        candidates_failed: { type: integer, minimum: 0 }\n\n    PaidRunLog:\n      type: object\n      description: |\n        The log of a paid run (`mode: run`): the dry log's base fields plus, per job, status,\n        selected candidate, final output and every candidate with its attempts, guard verdict, digest\n        and timing; for the run, token usage, an estimated cost, timings, status and counts.\n      required:\n        - run_id\n        - schema_version\n        - timestamp\n        - project\n        - mode\n        - stage\n        - time\n        - weather\n        - model\n        - size\n        - quality\n        - generation\n        - output_guard\n        - postprocess\n        - storage\n        - versions\n        - inputs\n        - started_at\n        - finished_at\n        - duration_ms\n        - api\n        - archive_replaced\n        - jobs\n        - usage\n        - cost_estimate_usd\n        - cost_estimate\n        - status\n        - summary\n      additionalProperties: false\n      properties:\n        run_id: { type: string, pattern: \"^[A-Za-z0-9_-]+$\" }\n        schema_version: { type: integer, const: 1 }\n        timestamp: { $ref: \"#/components/schemas/Timestamp\" }\n        project: { type: string, minLength: 1 }\n        mode: { type: string, const: run }\n        stage: { $ref: \"#/components/schemas/RunStage\" }\n        time: { $ref: \"#/components/schemas/RunTimeOfDay\" }\n        weather: { $ref: \"#/components/schemas/RunWeather\" }\n        model: { type: string }\n        size: { type: string }\n        quality: { type: string }\n        generation: { $ref: \"#/components/schemas/RunLogGeneration\" }\n        output_guard: { $ref: \"#/components/schemas/RunOutputGuardSettings\" }\n        postprocess:\n          description: The post-process settings the caller resolved (every stage off when none), recorded as given.\n        storage: { $ref: \"#/components/schemas/RunLogStorage\" }\n        versions: { $ref: \"#/components/schemas/RunLogVersions\" }\n        inputs: { type: array, items: { $ref: \"#/components/schemas/RunLogInput\" } }\n        started_at: { $ref: \"#/components/schemas/Timestamp\" }\n        finished_at: { $ref: \"#/components/schemas/Timestamp\" }\n        duration_ms: { type: integer, minimum: 0 }\n        api:\n          type: object\n          description: The API endpoint and retry policy the run used.\n          required: [base_url, endpoint, max_attempts, retry_base_delay_ms]\n          additionalProperties: false\n          properties:\n            base_url: { type: [string, \"null\"] }\n            endpoint: { type: string, const: images.edit }\n            max_attempts: { type: number, minimum: 1 }\n            retry_base_delay_ms: { type: number, minimum: 0 }\n        archive_replaced: { type: boolean }\n        jobs: { type: array, items: { $ref: \"#/components/schemas/RunJobLog\" } }\n        usage:\n          description: Token usage summed over every generated candidate; null when the API reported none.\n          oneOf:\n            - type: object\n              required: [input_tokens, output_tokens, total_tokens]\n              additionalProperties: false\n              properties:\n                input_tokens: { type: integer, minimum: 0 }\n                output_tokens: { type: integer, minimum: 0 }\n                total_tokens: { type: integer, minimum: 0 }\n            - { type: \"null\" }\n        cost_estimate_usd: { type: [number, \"null\"], minimum: 0, description: \"An estimate from list prices (see `cost_estimate.basis`), not a bill. Null for unknown model or quality.\" }\n        cost_estimate:\n          type: object\n          required: [per_image_usd, images, basis]\n          additionalProperties: false\n          properties:\n            per_image_usd: { type: [number, \"null\"], minimum: 0 }\n            images: { type: integer, minimum: 0 }\n            basis: { type: string }\n        status: { $ref: \"#/components/schemas/RunStatus\" }\n        error: { type: string, description: \"Set when the run stopped early on an unexpected error; the log is written anyway.\" }\n        resumes:\n          type: array\n          description: \"Each time an interrupted run was continued: when, and which jobs were kept from before.\"\n          items: { $ref: \"#/components/schemas/RunResume\" }\n        summary: { $ref: \"#/components/schemas/RunSummary\" }\n\n    RunResume:\n      type: object\n      description: |\n        One continuation of an interrupted run: when, which finished jobs were kept, and the image\n        requests the stop before it aborted in flight (sent, so possibly billed by the provider,\n        though no image came back; the job ran again).\n      required: [at, kept_jobs]\n      additionalProperties: false\n      properties:\n        at: { $ref: \"#/components/schemas/Timestamp\" }\n        kept_jobs: { type: array, items: { type: string } }\n        aborted_requests: { type: array, items: { $ref: \"#/components/schemas/AbortedImageRequest\" } }\n\n    AbortedImageRequest:\n      type: object\n      description: |\n        An image request a stopping server aborted when its shutdown grace period\n        (`KROMA_SHUTDOWN_GRACE_MS`) ran out. The provider bills a request once it is sent, so it is\n        recorded as possibly billed: first in the run's journal (`.kroma/in-progress/<run_id>.jsonl`,\n        an `{\"aborted\": ...}` line), then in the final log's `resumes`.\n      required: [job, candidate, attempt, at, ms, possibly_billed, error]\n      additionalProperties: false\n      properties:\n        job: { type: string }\n        candidate: { type: integer, minimum: 1 }\n        attempt: { type: integer, minimum: 1 }\n        at: { $ref: \"#/components/schemas/Timestamp\" }\n        ms: { type: integer, minimum: 0, description: \"How long the request was in flight.\" }\n        possibly_billed: { type: boolean, const: true }\n        error: { type: string }\n\n    # Exports and S3 sync\n\n    ExportStatus:\n      type: string\n      enum: [running, completed, failed]\n      description: \"`running` while the bundle is written (its process holds a lease on it); `completed` once it is in place; `failed` with `error` otherwise, also when the process writing it stopped (a server sweeping abandoned work marks it so and removes its temporary files).\"\n\n    ExportManifestSummary:\n      type: object\n      description: \"What the bundle holds, as its `manifest.json` says: the schema version, whether files are included, and counts.\"\n      required: [schema_version, include_files, counts, files, files_bytes, skipped]\n      additionalProperties: false\n      properties:\n        schema_version: { type: integer, minimum: 1 }\n        include_files: { type: boolean }\n        counts:\n          type: object\n          description: \"Rows per record kind (`runs`, `jobs`, `assets`, `prompt_templates`, ...).\"\n          additionalProperties: { type: integer, minimum: 0 }\n        files: { type: integer, minimum: 0, description: \"Project files in the bundle (under `files/`).\" }\n        files_bytes: { type: integer, minimum: 0, description: Their total size. }\n        skipped:\n          type: array\n          description: \"Project files left out, and why: `symlink`, `special_file`, or `changed_during_export` (swapped for a symlink or another file, or changed, between the walk and the packing; never packed).\"\n          items:\n            type: object\n            required: [path, reason]\n            additionalProperties: false\n            properties:\n              path: { type: string }\n              reason: { type: string }\n\n    Export:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_id\n        - status\n        - export_format\n        - storage_uri\n        - rel_path\n        - file_size_bytes\n        - checksum_sha256\n        - manifest_json\n        - export_asset_id\n        - error\n        - created_at\n        - completed_at\n      additionalProperties: false\n      properties:\n        id: { type: string }\n        project_id: { type: string }\n        run_id: { type: [string, \"null\"], description: \"Always null: an export holds the whole project.\" }\n        status: { $ref: \"#/components/schemas/ExportStatus\" }\n        export_format: { type: string, enum: [tar.gz] }\n        storage_uri: { type: [string, \"null\"], description: \"`file://` URL of the bundle.\" }\n        rel_path: { type: [string, \"null\"], description: \"The bundle's path as `output` takes it: relative to the project root, or `var/exports/...` relative to the app root.\" }\n        file_size_bytes: { type: [integer, \"null\"], minimum: 0 }\n        checksum_sha256: { type: [string, \"null\"], pattern: \"^[0-9a-f]{64}$\" }\n        manifest_json:\n          description: The manifest's summary once the bundle is complete; null before.\n          oneOf:\n            - { $ref: \"#/components/schemas/ExportManifestSummary\" }\n            - { type: \"null\" }\n        export_asset_id: { type: [string, \"null\"], description: \"The asset recording the bundle file (kind `export`), once complete.\" }\n        error: { type: [string, \"null\"], description: Why the export failed. }\n        created_at: { $ref: \"#/components/schemas/Timestamp\" }\n        completed_at: { type: [string, \"null\"], format: date-time }\n\n    CreateExportRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        include_files: { type: boolean, description: \"Put the project's files in the bundle too (default false: records only).\" }\n        output:\n          type: string\n          minLength: 1\n          maxLength: 4096\n          description: \"Where to write the bundle: relative to the project root, or `var/exports/...` under the app root (only the project's own names there: `var/exports/<slug>_<name>.tar.gz` with no `_` in `<name>`, or under `var/exports/<slug>/`); ending in `/` names a directory.\"\n\n    ExportCreatedResponse:\n      type: object\n      required: [ok, export, export_path, export_sha256, export_asset_id]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        export: { $ref: \"#/components/schemas/Export\" }\n        export_path: { type: string, description: The bundle's absolute path. }\n        export_sha256: { type: string, pattern: \"^[0-9a-f]{64}$\" }\n        export_asset_id: { type: string }\n\n    ExportListResponse:\n      type: object\n      required: [ok, count, total, exports]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        count: { type: integer, minimum: 0 }\n        total: { type: integer, minimum: 0 }\n        exports: { type: array, items: { $ref: \"#/components/schemas/Export\" } }\n\n    ExportResponse:\n      type: object\n      required: [ok, export]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        export: { $ref: \"#/components/schemas/Export\" }\n\n    S3SyncRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        dry_run: { type: boolean, description: \"Report what would be uploaded; upload and record nothing (default false).\" }\n\n    S3SyncFile:\n      type: object\n      description: One file the sync uploaded, would upload, or failed to upload.\n      required: [path, key, size_bytes, sha256, status]\n      additionalProperties: false\n      properties:\n        path: { type: string, description: \"Relative to the project root, with `/`.\" }\n        key: { type: string, description: The object key. }\n        size_bytes: { type: integer, minimum: 0 }\n        sha256: { type: string, pattern: \"^[0-9a-f]{64}$\" }\n        status: { type: string, enum: [uploaded, would_upload, failed] }\n        reason: { type: string, enum: [new, changed], description: \"Why it is (or would be) uploaded.\" }\n        multipart: { type: boolean, description: \"Uploaded in parts (files of at least the part size).\" }\n        error: { type: string, description: Why the upload failed. }\n\n    S3SyncReport:\n      type: object\n      required:\n        - dry_run\n        - bucket\n        - key_prefix\n        - endpoint_url\n        - scanned\n        - uploaded\n        - would_upload\n        - skipped\n        - failed\n        - bytes_uploaded\n        - bytes_would_upload\n        - files\n        - started_at\n        - finished_at\n      additionalProperties: false\n      properties:\n        dry_run: { type: boolean }\n        bucket: { type: string }\n        key_prefix: { type: string, description: \"`<prefix>/<slug>/`: every key starts with it.\" }\n        endpoint_url: { type: string, description: Empty for AWS itself. }\n        scanned: { type: integer, minimum: 0, description: Project files looked at. }\n        uploaded: { type: integer, minimum: 0 }\n        would_upload: { type: integer, minimum: 0, description: \"Dry run: files that would be uploaded (0 otherwise).\" }\n        skipped: { type: integer, minimum: 0, description: Files unchanged since their last successful upload. }\n        failed: { type: integer, minimum: 0 }\n        bytes_uploaded: { type: integer, minimum: 0 }\n        bytes_would_upload: { type: integer, minimum: 0 }\n        files: { type: array, description: \"Every file uploaded, to upload or failed (skipped ones are only counted).\", items: { $ref: \"#/components/schemas/S3SyncFile\" } }\n        started_at: { $ref: \"#/components/schemas/Timestamp\" }\n        finished_at: { $ref: \"#/components/schemas/Timestamp\" }\n\n    S3SyncResponse:\n      type: object\n      required: [ok, sync]\n      additionalProperties: false\n      properties:\n        ok: { type: boolean, const: true }\n        sync: { $ref: \"#/components/schemas/S3SyncReport\" }\n";

/** The parsed spec. */
export const openapiDocument: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Kroma backend API",
    "version": "0.1.0",
    "summary": "Projects, project-scoped storage, runs and assets for prompt-driven image workflows.",
    "description": "The contract of the Kroma backend. Every route the server mounts is defined here first;\ntypes, validators, the server's typed router and the SDK are generated or derived from\nthis file, and a parity test fails the build when the server and this file drift apart.\n\nEvery success body carries `\"ok\": true` beside named keys. Every failure is the one\nerror envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\", \"details\"? }`.\n\nRules every request meets, whatever its route:\n\n- **Cross-site writes are refused.** A state-changing request (POST, PUT, PATCH, DELETE) is\n  answered 403 (`error_kind` \"policy\", `error_code` \"forbidden\") when it carries\n  `Sec-Fetch-Site` with a value other than `same-origin` or `none` (so `cross-site`, and\n  `same-site`: another port of the same host is another site's page), or an `Origin` other\n  than the server's own: the scheme, host and port its `Host` header names, or for a server on\n  a loopback address any of `127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`. A request\n  without either header (curl, the SDK, the CLI) is not affected; a page the server itself\n  serves passes.\n- **Bodies come with their declared media type.** A body is sent with a media type its\n  operation declares under `requestBody.content` (today `application/json`, which also takes\n  `application/*+json`); otherwise 415 (`error_code` \"unsupported_media_type\"). A request\n  without a body may carry no `Content-Type` at all, but a state-changing request carrying\n  one of the types a browser may send cross-site without asking first (`text/plain`,\n  `application/x-www-form-urlencoded`, `multipart/form-data`) is refused with 415 even when it\n  has no body, unless its operation declares that type.\n- **JSON nests at most 64 levels.** A JSON body whose objects and arrays nest deeper than 64\n  levels (the outermost value is level 1) is refused with 400 (`error_code`\n  \"validation_error\", `details.max_depth` 64) before it is parsed; so is JSON read out of a\n  request, such as the object a bootstrap import takes from `ai_response_text`. A record's\n  free-form field (every request field named `*_json`: `config_json`, `metadata_json`,\n  `content_json`, `payload_json`) nests at most 32 levels (400, `details.field` names it,\n  `details.max_depth` 32), so a stored record always fits back into the bootstrap settings\n  and bundles around it.\n- **A loopback server answers only to its own names.** Any other `Host` (compared without\n  regard to case) is refused with 403; a request the server cannot read at all (a malformed\n  `Host` on a server bound elsewhere, a backslash in the path) with 400, both in the envelope.\n",
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
    },
    {
      "name": "prompt-templates",
      "description": "Reusable prompt texts with `{placeholders}`."
    },
    {
      "name": "provider-accounts",
      "description": "Image and background-removal provider accounts, one per provider code."
    },
    {
      "name": "style-guides",
      "description": "Named style instructions."
    },
    {
      "name": "characters",
      "description": "Recurring characters and the prompt text that describes them."
    },
    {
      "name": "reference-sets",
      "description": "Ordered sets of references (images or text) used in prompts."
    },
    {
      "name": "asset-links",
      "description": "Typed relationships between a project's assets."
    },
    {
      "name": "chat",
      "description": "Chat sessions and their messages."
    },
    {
      "name": "agent",
      "description": "Agent instructions, their lifecycle and dispatch to an external agent."
    },
    {
      "name": "auth",
      "description": "API tokens. See the README for when a token is required."
    },
    {
      "name": "secrets",
      "description": "Per-project provider secrets, encrypted at rest, with key rotation."
    },
    {
      "name": "bootstrap",
      "description": "Export a project's settings as a prompt for an AI assistant, and import its answer."
    },
    {
      "name": "runs",
      "description": "Pipeline runs and their configuration."
    },
    {
      "name": "exports",
      "description": "Project bundles (records and files) written to disk, and their history."
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
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/auth/token": {
      "post": {
        "operationId": "createAuthToken",
        "tags": [
          "auth"
        ],
        "summary": "Create an API token",
        "description": "Returns the token's secret value once; the server keeps only its hash. Scope a token to one\nproject with `project_slug`. While auth is not yet required (a fresh local install, bound to\nloopback, `KROMA_API_AUTH=auto`), the first token can be created without one.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateAuthTokenRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The new token, with its secret value (shown only here).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthTokenCreatedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/auth/tokens": {
      "get": {
        "operationId": "listAuthTokens",
        "tags": [
          "auth"
        ],
        "summary": "List API tokens (never their secret values)",
        "responses": {
          "200": {
            "description": "Every token, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthTokenListResponse"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/auth/tokens/{tokenId}": {
      "parameters": [
        {
          "name": "tokenId",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/components/schemas/Id"
          }
        }
      ],
      "delete": {
        "operationId": "revokeAuthToken",
        "tags": [
          "auth"
        ],
        "summary": "Revoke an API token",
        "description": "Takes effect on the next request. Revoking an already revoked token is a no-op.",
        "responses": {
          "200": {
            "description": "The token is revoked.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthTokenRevokedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
        "description": "The slug is normalised (trimmed, lower-cased, runs of characters other than `a-z 0-9 - _`\ncollapsed to `_`, leading and trailing `_` removed). Without a slug it is derived from\nthe name. When a project with that slug exists, its name (and description, when given)\nare updated; a slug owned by another user is a 409. Creating a project is also a 409 when\nits default root (`var/projects/<slug>`) would hold or lie inside the root another project\nalready points at (project roots never overlap, see `PUT /storage/local`).\n",
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
        "description": "Give `base_dir`, `project_root` or both. A blank `project_root` returns it to its default\n(`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths resolve against the\nserver's app root; no path may contain a `..` segment or a NUL byte, and the filesystem\nroot is refused. An absolute path is honoured as the owner's explicit choice, within the\nrules below.\n\nOnly an unscoped token (or the tokenless local mode) may change local storage: a\nproject-scoped token gets a 403 (`error_kind` `policy`) whatever it sends, so it can never\npoint its project at files that are not the project's own. The project's resulting root\n(the new `project_root`, or `<base_dir>/<slug>` when there is none), compared with symlinks\nresolved as far as the path exists, may not hold or lie inside:\n- another project's root (its stored root or its default `<base_dir>/<slug>`): 409;\n- the server's private directory (the database and `master.key` beside it; when that\n  directory also holds the app root, only the database files and `master.key`\n  themselves), or the app's shared `var/exports/`: 400.\n",
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
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
        "description": "Any subset of the S3 fields; fields not given keep their value, blank or null clears one\n(a cleared prefix returns to the default). Objects live under `<prefix>/<slug>/`. A\nproject-scoped token may change these settings, endpoint URL included: a sync to an\nendpoint URL that is not AWS nor listed in `KROMA_S3_TRUSTED_ENDPOINTS` uses only the\nproject's own `aws/*` secrets (see `POST /storage/s3/sync`).\n",
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
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/secrets": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listProjectSecrets",
        "tags": [
          "secrets"
        ],
        "summary": "List the project's secrets (metadata and a masked hint, never values)",
        "responses": {
          "200": {
            "description": "The secrets, by provider code then name.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SecretListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "upsertProjectSecret",
        "tags": [
          "secrets"
        ],
        "summary": "Store a secret (encrypted at rest), or replace the one with that provider code and name",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpsertSecretRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The secret's metadata.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SecretResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/secrets/rotation-status": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getSecretRotationStatus",
        "tags": [
          "secrets"
        ],
        "summary": "How many of the project's secret values sit under which encryption key",
        "responses": {
          "200": {
            "description": "Counts per key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SecretRotationStatusResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/secrets/rotate": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "rotateProjectSecrets",
        "tags": [
          "secrets"
        ],
        "summary": "Re-encrypt every secret value of the project under a new key, in one transaction",
        "responses": {
          "200": {
            "description": "What was rotated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SecretRotationResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/secrets/{providerCode}/{secretName}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ProviderCode"
        },
        {
          "name": "secretName",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128
          }
        }
      ],
      "delete": {
        "operationId": "deleteProjectSecret",
        "tags": [
          "secrets"
        ],
        "summary": "Delete a secret",
        "responses": {
          "200": {
            "description": "The secret is gone.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SecretDeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/bootstrap-prompt": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getBootstrapPrompt",
        "tags": [
          "bootstrap"
        ],
        "summary": "Export the project's settings with a ready-to-paste prompt for an AI assistant",
        "description": "Secret names only, never values.",
        "responses": {
          "200": {
            "description": "The export.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BootstrapPromptResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/bootstrap-import": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "importBootstrapSettings",
        "tags": [
          "bootstrap"
        ],
        "summary": "Import settings in the bootstrap shape (merge or replace), all or nothing",
        "description": "Takes `settings` (the structured shape) or `ai_response_text` (an assistant's raw reply, from\nwhich the JSON object is extracted, fenced or not), never neither. Everything is validated\nbefore anything is written; the import applies in one transaction. `dry_run` reports the same\nchange summary and writes nothing. The project is looked up (404) before `ai_response_text` is\nread; the extraction takes time linear in its length, and the object it finds may nest at most\n64 levels deep, its `*_json` fields 32 (400 otherwise), as in a request body.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/BootstrapImportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The per-section change summary.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BootstrapImportResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/runs": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listRuns",
        "tags": [
          "runs"
        ],
        "summary": "List the project's runs, newest first",
        "description": "Runs the server queued (`POST /runs/trigger`) and runs ingested from run logs (the CLI ingests\nafter each `kroma lab dry|run`). `count` is the number of rows returned, `total` the number\nmatching the filters.\n",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Only runs in this status.",
            "schema": {
              "$ref": "#/components/schemas/RunRecordStatus"
            }
          },
          {
            "name": "mode",
            "in": "query",
            "required": false,
            "description": "Only dry or paid runs.",
            "schema": {
              "$ref": "#/components/schemas/RunMode"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The runs, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/runs/trigger": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "triggerRun",
        "tags": [
          "runs"
        ],
        "summary": "Queue a dry or paid run that the server executes",
        "description": "Validates the request as `kroma lab dry|run` would (messages name the field), records the run\nas `queued` and answers at once with its id; the server then runs it in-process, one run at a\ntime, and its status moves `queued -> running -> succeeded | partial | failed | canceled`.\nFollow it with `GET /runs/{runId}/events` (server-sent events) or by polling `GET /runs/{runId}`.\nThe project root always comes from the project's stored storage: a `project_root` in the body\nis refused. A paid run (`mode: run`) needs `confirm_spend: true` and an OpenAI key (the\nproject's `openai/api_key` secret, else the server's `OPENAI_API_KEY`).\n\n`input` and every ref must be inside the project root, with no symlink leading out (400). The\nsame rules hold again when the run executes: its files are listed then and each is opened\nwithout following a symlink when its bytes are read, so a symlink added while the run waited\nin the queue fails the run (`failed`, its `error` names the file) and nothing is sent to the\nimages API. Each image request times out after `OPENAI_TIMEOUT_MS` (default 180000 ms) and\ncounts as a transient failure (retried). A server that is shutting down answers 503.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TriggerRunRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The run is queued (200, as the seed's trigger answered; the run itself goes on after the answer).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TriggerRunResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/projects/{slug}/runs/{runId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "get": {
        "operationId": "getRun",
        "tags": [
          "runs"
        ],
        "summary": "One run with its jobs and their candidates",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunDetailResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/runs/{runId}/jobs": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "get": {
        "operationId": "listRunJobs",
        "tags": [
          "runs"
        ],
        "summary": "A run's jobs, each with its candidates, in plan order",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunJobListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/runs/{runId}/cancel": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "post": {
        "operationId": "cancelRun",
        "tags": [
          "runs"
        ],
        "summary": "Cancel a queued or running run",
        "description": "A queued run becomes `canceled` at once. A running one becomes `canceling` and stops before\nits next image request (a request in flight is allowed to finish, so no paid image is thrown\naway); its log and records then say `canceled`. A finished run is a 409.\n",
        "responses": {
          "200": {
            "description": "The run after the request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/runs/{runId}/resume": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "post": {
        "operationId": "resumeRun",
        "tags": [
          "runs"
        ],
        "summary": "Continue an interrupted run",
        "description": "A run that was queued or running when the server stopped is `interrupted` (never re-run by\nitself). Resuming queues it again; jobs whose outputs exist with the hash recorded when they\nfinished are kept, the rest run. A paid run needs the same OpenAI key as a new one. Any\nother status is a 409.\n\nEach run a server queues or executes carries a lease (owner process and a heartbeat in the\ndatabase, `KROMA_LEASE_TTL_MS`, default 30000). While another live server process holds the\nrun's lease, resume is a 409: that process may still execute it, and a second execution would\nbuy its images twice. A server marks a run `interrupted` only when it is its own, or when no\nlive process owns it (at start and every lease TTL after, so a crashed server's runs on a\nshared database become `interrupted` and resumable). The stored request is checked again\nwith the trigger's rules (refs and `input` inside the project root, no symlink leading out;\nfor a paid run with a journal, the journal's scenes): a request that fails them, e.g. one an\nimport brought, is a 400 and the run stays `interrupted`. A server that is shutting down\nanswers 503.\n",
        "responses": {
          "200": {
            "description": "The run is queued again.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/projects/{slug}/runs/{runId}/events": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "get": {
        "operationId": "streamRunEvents",
        "tags": [
          "runs"
        ],
        "summary": "A run's progress as server-sent events",
        "description": "`text/event-stream`. Each message's `event:` is the `type` of its `data:`, a JSON `RunEvent`:\nfirst a `status` event with the run's current status, then `status` events on every change\nand `progress` events as requests go out and jobs finish, and finally one `done` event with\nthe terminal status and summary, after which the server ends the stream. A finished run\nanswers with its `done` event at once. Messages carry increasing `id:`s; a client that\nreconnects with `Last-Event-ID` gets only what it missed while the run is live.\n\nLimits: at most `KROMA_SSE_MAX_PER_RUN` (default 16) open streams per run, beyond that a 429,\nand `KROMA_SSE_MAX_TOTAL` (default 256) in all, beyond that a 503. A `: keep-alive` comment\ncomes every `KROMA_SSE_KEEPALIVE_MS` (default 15000). A stream with no event for\n`KROMA_SSE_IDLE_MS` (default 600000) ends with a comment saying so and without a `done`\nevent; the client may reconnect with `Last-Event-ID`. A run no live server process owns (a\ncrashed server's, an imported `queued` one) gets a `done` event with its stored status,\nand so does a run another server finished (checked on each keep-alive).\n",
        "responses": {
          "200": {
            "description": "The event stream.",
            "content": {
              "text/event-stream": {
                "schema": {
                  "type": "string",
                  "description": "Server-sent events whose `data:` lines are `RunEvent` JSON."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/projects/{slug}/assets": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listAssets",
        "tags": [
          "runs"
        ],
        "summary": "List the project's assets, newest first",
        "parameters": [
          {
            "name": "run_id",
            "in": "query",
            "required": false,
            "description": "Only assets of this run.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "job_id",
            "in": "query",
            "required": false,
            "description": "Only assets of this job (the job record's `id`).",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "asset_kind",
            "in": "query",
            "required": false,
            "description": "Only assets of this kind (`candidate`, `final`, ...).",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The assets, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/assets/{assetId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/AssetId"
        }
      ],
      "get": {
        "operationId": "getAsset",
        "tags": [
          "runs"
        ],
        "summary": "One asset",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/quality-reports": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listQualityReports",
        "tags": [
          "runs"
        ],
        "summary": "The output guard's reports on generated images, newest first",
        "parameters": [
          {
            "name": "run_id",
            "in": "query",
            "required": false,
            "description": "Only reports of this run.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "asset_id",
            "in": "query",
            "required": false,
            "description": "Only reports on this asset.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "grade",
            "in": "query",
            "required": false,
            "description": "Only reports with this grade.",
            "schema": {
              "$ref": "#/components/schemas/QualityGrade"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The reports, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/QualityReportListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/cost-events": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listCostEvents",
        "tags": [
          "runs"
        ],
        "summary": "Estimated spend per job (the images it generated), newest first",
        "description": "`total_cost_usd` sums every matching event (not only the returned page); events without a price count as 0.",
        "parameters": [
          {
            "name": "run_id",
            "in": "query",
            "required": false,
            "description": "Only events of this run.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The events, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CostEventListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/runs/validate-config": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "validateRunConfig",
        "tags": [
          "runs"
        ],
        "summary": "Validate the project's layered pipeline settings, manifest and postprocess config",
        "description": "Resolves the settings layers (project settings under the project's stored root, the app's\n`config/` files, defaults), checks every file and reports every problem with its file and\nfield, and the settings in effect with where each value came from. Paths in the body are\nrelative to the server's app root and may not contain `..`; with symlinks resolved they must\nlie in the project's own root or the app's `config/` directory, and never name the server's\ndatabase or master key (400 otherwise). Problem messages name the file, the field and what\nwas expected (a type, the allowed values, a limit), never a value read from the file: a\nsyntax error gives its line and column, not the text there.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ValidateRunConfigRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The validation summary (`summary.valid` says whether the configuration is usable).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ValidateRunConfigResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/exports": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listExports",
        "tags": [
          "exports"
        ],
        "summary": "The project's exports, newest first",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Only exports with this status.",
            "schema": {
              "$ref": "#/components/schemas/ExportStatus"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The exports, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExportListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createExport",
        "tags": [
          "exports"
        ],
        "summary": "Write the project's records (and optionally its files) to a .tar.gz bundle",
        "description": "Streams a bundle holding `manifest.json` (schema version, project, counts, size and sha256 of\nevery other entry), the project's records as JSON Lines under `records/` (secrets by name only)\nand, with `include_files`, the project's files under `files/`. The bundle is written under a\ntemporary name and renamed when complete, by default to `<project_root>/exports/<slug>_<stamp>.tar.gz`.\n`output` names another place: a path relative to the project root, or under the app's\n`var/exports/`; it may not contain `..`, lead out through a symlink or name an existing file.\n`var/exports/` is shared by every project, so a project writes only its own names there\n(400 otherwise): `var/exports/<slug>_<name>.tar.gz` (or `.tgz`) where `<name>` holds no `_`\n(each such name has one owner, the part before its last `_`: `alpha` cannot write\n`alpha_2_<stamp>.tar.gz`), or anything under `var/exports/<slug>/`; `output: \"var/exports/\"`\ngives the default name `<slug>_<stamp>.tar.gz` there.\nThe export is recorded (see `GET /exports`) and the bundle is registered as an asset.\nThe bundle is written with mode 0600 (it holds every record of the project). Project files\nare opened without following symlinks (`O_NOFOLLOW`) and each open file must be the one the\nwalk listed (same device and inode): a file swapped for a symlink or another file meanwhile\nis left out and listed in the manifest's `skipped` (`symlink`, `changed_during_export`).\n409 when the output exists, or when the manifest would exceed the 32 MiB import reads (about\n160,000 files). An export whose process dies is marked `failed` (\"The process writing this\nexport stopped before it finished\") and its temporary files removed by the next sweep of\na server on the database (at start and every `KROMA_LEASE_TTL_MS`).\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateExportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The completed export.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExportCreatedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/exports/{exportId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ExportId"
        }
      ],
      "get": {
        "operationId": "getExport",
        "tags": [
          "exports"
        ],
        "summary": "One export, with its size, checksum, counts and status",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExportResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/export": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "createExportSeedAlias",
        "tags": [
          "exports"
        ],
        "summary": "The seed's export route: an alias of POST /exports",
        "description": "Kept so the seed's clients work unchanged: the same body (`include_files`, `output`) and the\nsame answer as `POST /api/projects/{slug}/exports`, whose `export_path`, `export_sha256` and\n`export_asset_id` are the keys the seed returned.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateExportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The completed export.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ExportCreatedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/storage/s3/sync": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "syncProjectS3",
        "tags": [
          "projects"
        ],
        "summary": "Upload the project's new or changed files to its S3 storage",
        "description": "Uses the project's S3 settings (bucket, prefix, region, endpoint URL; path-style addressing\nwhen an endpoint URL is set); objects live under `<prefix>/<slug>/`. Credentials come from\nthe project's secrets `aws/access_key_id` and `aws/secret_access_key` (optional\n`aws/session_token`), else `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` in the server's\nenvironment, else the stored `profile`; they are never returned or logged. The server's own\ncredentials (environment, profile) go only to AWS itself (no endpoint URL, or an `https://`\none on `amazonaws.com`) or to endpoints the operator lists in `KROMA_S3_TRUSTED_ENDPOINTS`\n(comma-separated URLs): with another endpoint URL and no project secrets the sync is a 400\n(field `s3.endpoint_url`) before any request is sent. A file is uploaded\nwhen its size or sha256 differs from what the last successful upload of that path recorded;\neach upload is recorded as soon as it succeeds, so a sync that was interrupted finishes on the\nnext run without uploading again what already arrived. Large files go up in parts. A file that\nfails is reported (`failed`) and the others go on: the answer is a 200 with the report.\nWith `dry_run` nothing is uploaded or recorded and no request is sent to S3.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/S3SyncRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The sync report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/S3SyncResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/prompt-templates": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listPromptTemplates",
        "tags": [
          "prompt-templates"
        ],
        "summary": "List the project's prompt templates",
        "responses": {
          "200": {
            "description": "The prompt templates, most recently updated first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PromptTemplateListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createPromptTemplate",
        "tags": [
          "prompt-templates"
        ],
        "summary": "Create a prompt template",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreatePromptTemplateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PromptTemplateResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/prompt-templates/{templateId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/TemplateId"
        }
      ],
      "get": {
        "operationId": "getPromptTemplate",
        "tags": [
          "prompt-templates"
        ],
        "summary": "One prompt template",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PromptTemplateResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updatePromptTemplate",
        "tags": [
          "prompt-templates"
        ],
        "summary": "Update a prompt template (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdatePromptTemplateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PromptTemplateResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deletePromptTemplate",
        "tags": [
          "prompt-templates"
        ],
        "summary": "Delete a prompt template",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/style-guides": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listStyleGuides",
        "tags": [
          "style-guides"
        ],
        "summary": "List the project's style guides",
        "responses": {
          "200": {
            "description": "The style guides, most recently updated first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StyleGuideListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createStyleGuide",
        "tags": [
          "style-guides"
        ],
        "summary": "Create a style guide",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateStyleGuideRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StyleGuideResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/style-guides/{styleGuideId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/StyleGuideId"
        }
      ],
      "get": {
        "operationId": "getStyleGuide",
        "tags": [
          "style-guides"
        ],
        "summary": "One style guide",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StyleGuideResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateStyleGuide",
        "tags": [
          "style-guides"
        ],
        "summary": "Update a style guide (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateStyleGuideRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StyleGuideResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteStyleGuide",
        "tags": [
          "style-guides"
        ],
        "summary": "Delete a style guide",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/characters": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listCharacters",
        "tags": [
          "characters"
        ],
        "summary": "List the project's characters",
        "responses": {
          "200": {
            "description": "The characters, most recently updated first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CharacterListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createCharacter",
        "tags": [
          "characters"
        ],
        "summary": "Create a character",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateCharacterRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CharacterResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/characters/{characterId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/CharacterId"
        }
      ],
      "get": {
        "operationId": "getCharacter",
        "tags": [
          "characters"
        ],
        "summary": "One character",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CharacterResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateCharacter",
        "tags": [
          "characters"
        ],
        "summary": "Update a character (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateCharacterRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CharacterResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteCharacter",
        "tags": [
          "characters"
        ],
        "summary": "Delete a character",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/reference-sets": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listReferenceSets",
        "tags": [
          "reference-sets"
        ],
        "summary": "List the project's reference sets",
        "responses": {
          "200": {
            "description": "The reference sets, most recently updated first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceSetListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createReferenceSet",
        "tags": [
          "reference-sets"
        ],
        "summary": "Create a reference set",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateReferenceSetRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceSetResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/reference-sets/{referenceSetId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ReferenceSetId"
        }
      ],
      "get": {
        "operationId": "getReferenceSet",
        "tags": [
          "reference-sets"
        ],
        "summary": "One reference set",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceSetResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateReferenceSet",
        "tags": [
          "reference-sets"
        ],
        "summary": "Update a reference set (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateReferenceSetRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceSetResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteReferenceSet",
        "tags": [
          "reference-sets"
        ],
        "summary": "Delete a reference set",
        "description": "Reference sets are deleted together with their items, in one transaction.\n",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ReferenceSetId"
        }
      ],
      "get": {
        "operationId": "listReferenceItems",
        "tags": [
          "reference-sets"
        ],
        "summary": "List a reference set's items",
        "responses": {
          "200": {
            "description": "The items, by sort_order then creation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceItemListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createReferenceItem",
        "tags": [
          "reference-sets"
        ],
        "summary": "Add an item to a reference set",
        "description": "An item needs at least one of `content_uri`, `content_text`. Without `sort_order` it goes last.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateReferenceItemRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceItemResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ReferenceSetId"
        },
        {
          "$ref": "#/components/parameters/ItemId"
        }
      ],
      "get": {
        "operationId": "getReferenceItem",
        "tags": [
          "reference-sets"
        ],
        "summary": "One reference item",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceItemResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateReferenceItem",
        "tags": [
          "reference-sets"
        ],
        "summary": "Update a reference item (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateReferenceItemRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReferenceItemResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteReferenceItem",
        "tags": [
          "reference-sets"
        ],
        "summary": "Delete a reference item",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/provider-accounts": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listProviderAccounts",
        "tags": [
          "provider-accounts"
        ],
        "summary": "List the project's provider accounts",
        "responses": {
          "200": {
            "description": "The accounts, by provider code.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderAccountListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "upsertProviderAccount",
        "tags": [
          "provider-accounts"
        ],
        "summary": "Create a provider account, or update the one with that provider code",
        "description": "Keyed by `provider_code` per project: posting an existing code updates the fields given.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpsertProviderAccountRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderAccountResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/provider-accounts/{providerCode}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/ProviderCode"
        }
      ],
      "get": {
        "operationId": "getProviderAccount",
        "tags": [
          "provider-accounts"
        ],
        "summary": "One provider account",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderAccountResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateProviderAccount",
        "tags": [
          "provider-accounts"
        ],
        "summary": "Update a provider account (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateProviderAccountRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderAccountResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteProviderAccount",
        "tags": [
          "provider-accounts"
        ],
        "summary": "Delete a provider account",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProviderAccountDeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/asset-links": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listAssetLinks",
        "tags": [
          "asset-links"
        ],
        "summary": "List the project's asset links",
        "parameters": [
          {
            "name": "asset_id",
            "in": "query",
            "required": false,
            "description": "Only links with this asset as parent or child.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "link_type",
            "in": "query",
            "required": false,
            "description": "Only links of this type.",
            "schema": {
              "$ref": "#/components/schemas/AssetLinkType"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The links, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetLinkListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createAssetLink",
        "tags": [
          "asset-links"
        ],
        "summary": "Link two assets of the project",
        "description": "Both assets must exist in this project; a self-link is refused and an identical link is a 409.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateAssetLinkRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetLinkResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/asset-links/{linkId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/LinkId"
        }
      ],
      "get": {
        "operationId": "getAssetLink",
        "tags": [
          "asset-links"
        ],
        "summary": "One asset link",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetLinkResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateAssetLink",
        "tags": [
          "asset-links"
        ],
        "summary": "Update an asset link (any subset of its fields)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateAssetLinkRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AssetLinkResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteAssetLink",
        "tags": [
          "asset-links"
        ],
        "summary": "Delete an asset link",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/chat/sessions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listChatSessions",
        "tags": [
          "chat"
        ],
        "summary": "List the project's chat sessions",
        "responses": {
          "200": {
            "description": "The sessions, most recently updated first, each with its message count.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatSessionListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createChatSession",
        "tags": [
          "chat"
        ],
        "summary": "Start a chat session",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChatSessionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatSessionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/chat/sessions/{sessionId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/SessionId"
        }
      ],
      "get": {
        "operationId": "getChatSession",
        "tags": [
          "chat"
        ],
        "summary": "One chat session with its message count",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatSessionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/chat/sessions/{sessionId}/messages": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/SessionId"
        }
      ],
      "get": {
        "operationId": "listChatMessages",
        "tags": [
          "chat"
        ],
        "summary": "List a session's messages",
        "responses": {
          "200": {
            "description": "The messages in the order they were added.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatMessageListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createChatMessage",
        "tags": [
          "chat"
        ],
        "summary": "Add a message to a session",
        "description": "`content_text` is accepted as an alias of `content` (the seed's clients send it).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChatMessageRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatMessageResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/agent/instructions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listAgentInstructions",
        "tags": [
          "agent"
        ],
        "summary": "List the project's agent instructions",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Only instructions in this status.",
            "schema": {
              "$ref": "#/components/schemas/AgentInstructionStatus"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The instructions, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createAgentInstruction",
        "tags": [
          "agent"
        ],
        "summary": "Create an agent instruction",
        "description": "Give `instruction_text`, or the older form `instruction_type` + `payload_json`. It starts `pending`\nwith a `created` event; with `dispatch_to_agent` it is also queued for the dispatch worker.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateAgentInstructionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/agent/instructions/{instructionId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/InstructionId"
        }
      ],
      "get": {
        "operationId": "getAgentInstruction",
        "tags": [
          "agent"
        ],
        "summary": "One agent instruction",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/agent/instructions/{instructionId}/events": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/InstructionId"
        }
      ],
      "get": {
        "operationId": "listAgentInstructionEvents",
        "tags": [
          "agent"
        ],
        "summary": "An instruction's history",
        "responses": {
          "200": {
            "description": "Every state change, oldest first (append-only).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionEventListResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
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
    "/api/projects/{slug}/agent/instructions/{instructionId}/confirm": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/InstructionId"
        }
      ],
      "post": {
        "operationId": "confirmAgentInstruction",
        "tags": [
          "agent"
        ],
        "summary": "Confirm a pending instruction",
        "description": "`pending` -> `confirmed`, writing one `confirmed` event. Any other status is a 409.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AgentInstructionTransitionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/agent/instructions/{instructionId}/cancel": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/InstructionId"
        }
      ],
      "post": {
        "operationId": "cancelAgentInstruction",
        "tags": [
          "agent"
        ],
        "summary": "Cancel an instruction",
        "description": "`pending`, `confirmed` or `queued` -> `canceled`, writing one `canceled` event. A canceled, running or\nfinished (`done`, `failed`) instruction is a 409.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AgentInstructionTransitionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentInstructionResponse"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
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
      },
      "TemplateId": {
        "name": "templateId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "StyleGuideId": {
        "name": "styleGuideId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "CharacterId": {
        "name": "characterId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "ReferenceSetId": {
        "name": "referenceSetId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "ItemId": {
        "name": "itemId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "LinkId": {
        "name": "linkId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "RunId": {
        "name": "runId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "AssetId": {
        "name": "assetId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Most rows to return (default 500).",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 5000
        }
      },
      "Offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "Rows to skip (default 0).",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "SessionId": {
        "name": "sessionId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "InstructionId": {
        "name": "instructionId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "ProviderCode": {
        "name": "providerCode",
        "in": "path",
        "required": true,
        "description": "The provider code, normalised like a slug.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      },
      "ExportId": {
        "name": "exportId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is invalid (`error_kind` \"validation\"), including a JSON body nested deeper than 64 levels or a `*_json` field deeper than 32 (`details.max_depth`).",
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
      "Unauthorized": {
        "description": "No valid token was given while auth is required (`error_kind` \"policy\", `error_code` \"unauthorized\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token may not do this, or policy refuses the request, such as a `Host` that is not the loopback server's own, or a state-changing request from another site's page (`Sec-Fetch-Site` not `same-origin`/`none`, or a foreign `Origin`) (`error_kind` \"policy\", `error_code` \"forbidden\").",
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
      "UnsupportedMediaType": {
        "description": "The request has a body that is not sent with a media type its operation declares (`Content-Type: application/json`), or it changes state and carries `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`, which the operation does not declare, even without a body; `error_code` \"unsupported_media_type\".",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "A bounded resource is used up by this client (`error_kind` \"policy\", `error_code` \"too_many_requests\"), such as the open event streams of one run.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The server cannot take this now (`error_kind` \"infra\", `error_code` \"service_unavailable\"): it is shutting down, or a server-wide limit is reached; try again later.",
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
      },
      "Id": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "description": "An opaque record id."
      },
      "JsonObject": {
        "type": "object",
        "additionalProperties": true,
        "description": "A free-form JSON object, stored and returned as JSON (never as a string)."
      },
      "DeletedResponse": {
        "type": "object",
        "required": [
          "ok",
          "deleted",
          "id"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "deleted": {
            "type": "boolean",
            "const": true
          },
          "id": {
            "type": "string"
          }
        }
      },
      "PromptTemplate": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "name",
          "template_text",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "name": {
            "type": "string",
            "description": "Unique within the project."
          },
          "template_text": {
            "type": "string",
            "description": "Template text with `{placeholders}`."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "PromptTemplateListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "prompt_templates"
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
          "prompt_templates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PromptTemplate"
            }
          }
        }
      },
      "PromptTemplateResponse": {
        "type": "object",
        "required": [
          "ok",
          "prompt_template"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "prompt_template": {
            "$ref": "#/components/schemas/PromptTemplate"
          }
        }
      },
      "CreatePromptTemplateRequest": {
        "type": "object",
        "required": [
          "name",
          "template_text"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "template_text": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "UpdatePromptTemplateRequest": {
        "type": "object",
        "description": "At least one of: name, template_text.",
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "template_text": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "StyleGuide": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "name",
          "instructions",
          "notes",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "name": {
            "type": "string",
            "description": "Unique within the project."
          },
          "instructions": {
            "type": "string",
            "description": "What generation must follow."
          },
          "notes": {
            "type": "string",
            "description": "Free notes; empty when unset."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "StyleGuideListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "style_guides"
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
          "style_guides": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StyleGuide"
            }
          }
        }
      },
      "StyleGuideResponse": {
        "type": "object",
        "required": [
          "ok",
          "style_guide"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "style_guide": {
            "$ref": "#/components/schemas/StyleGuide"
          }
        }
      },
      "CreateStyleGuideRequest": {
        "type": "object",
        "required": [
          "name",
          "instructions"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "instructions": {
            "type": "string",
            "maxLength": 100000
          },
          "notes": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "UpdateStyleGuideRequest": {
        "type": "object",
        "description": "At least one of: name, instructions, notes.",
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "instructions": {
            "type": "string",
            "maxLength": 100000
          },
          "notes": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "Character": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "name",
          "description",
          "prompt_text",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "name": {
            "type": "string",
            "description": "Unique within the project."
          },
          "description": {
            "type": "string"
          },
          "prompt_text": {
            "type": "string",
            "description": "Text added to prompts that feature this character."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "CharacterListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "characters"
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
          "characters": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Character"
            }
          }
        }
      },
      "CharacterResponse": {
        "type": "object",
        "required": [
          "ok",
          "character"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "character": {
            "$ref": "#/components/schemas/Character"
          }
        }
      },
      "CreateCharacterRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 100000
          },
          "prompt_text": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "UpdateCharacterRequest": {
        "type": "object",
        "description": "At least one of: name, description, prompt_text.",
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 100000
          },
          "prompt_text": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "ReferenceSet": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "name",
          "description",
          "item_count",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "name": {
            "type": "string",
            "description": "Unique within the project."
          },
          "description": {
            "type": "string"
          },
          "item_count": {
            "type": "integer",
            "minimum": 0
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ReferenceSetListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "reference_sets"
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
          "reference_sets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReferenceSet"
            }
          }
        }
      },
      "ReferenceSetResponse": {
        "type": "object",
        "required": [
          "ok",
          "reference_set"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "reference_set": {
            "$ref": "#/components/schemas/ReferenceSet"
          }
        }
      },
      "CreateReferenceSetRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "UpdateReferenceSetRequest": {
        "type": "object",
        "description": "At least one of: name, description.",
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 100000
          }
        }
      },
      "ReferenceItem": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "reference_set_id",
          "label",
          "content_uri",
          "content_text",
          "sort_order",
          "metadata_json",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "reference_set_id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "content_uri": {
            "type": [
              "string",
              "null"
            ],
            "description": "Where the reference lives (a URL or a path under the project root)."
          },
          "content_text": {
            "type": [
              "string",
              "null"
            ],
            "description": "The reference as text."
          },
          "sort_order": {
            "type": "integer"
          },
          "metadata_json": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ReferenceItemListResponse": {
        "type": "object",
        "required": [
          "ok",
          "reference_set_id",
          "count",
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "reference_set_id": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReferenceItem"
            }
          }
        }
      },
      "ReferenceItemResponse": {
        "type": "object",
        "required": [
          "ok",
          "item"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "item": {
            "$ref": "#/components/schemas/ReferenceItem"
          }
        }
      },
      "CreateReferenceItemRequest": {
        "type": "object",
        "description": "At least one of: content_uri, content_text.",
        "properties": {
          "label": {
            "type": "string",
            "maxLength": 500
          },
          "content_uri": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 4096
          },
          "content_text": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 100000
          },
          "sort_order": {
            "type": "integer",
            "minimum": -1000000,
            "maximum": 1000000
          },
          "metadata_json": {
            "$ref": "#/components/schemas/JsonObject"
          }
        }
      },
      "UpdateReferenceItemRequest": {
        "type": "object",
        "description": "At least one of: label, content_uri, content_text, sort_order, metadata_json. The item must keep content_uri or content_text.",
        "properties": {
          "label": {
            "type": "string",
            "maxLength": 500
          },
          "content_uri": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 4096
          },
          "content_text": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 100000
          },
          "sort_order": {
            "type": "integer",
            "minimum": -1000000,
            "maximum": 1000000
          },
          "metadata_json": {
            "$ref": "#/components/schemas/JsonObject"
          }
        }
      },
      "ProviderCode": {
        "type": "string",
        "pattern": "^[a-z0-9_-]{1,64}$",
        "description": "A lower-case identifier such as `openai`, `photoroom` or `remove_bg`."
      },
      "ProviderAccount": {
        "type": "object",
        "required": [
          "project_id",
          "provider_code",
          "display_name",
          "account_ref",
          "base_url",
          "enabled",
          "config_json",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "project_id": {
            "type": "string"
          },
          "provider_code": {
            "$ref": "#/components/schemas/ProviderCode"
          },
          "display_name": {
            "type": "string"
          },
          "account_ref": {
            "type": "string",
            "description": "Your reference for the account (never a secret: secrets live in project secrets)."
          },
          "base_url": {
            "type": "string",
            "description": "API base URL override; empty for the provider's default."
          },
          "enabled": {
            "type": "boolean"
          },
          "config_json": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ProviderAccountListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "provider_accounts"
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
          "provider_accounts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProviderAccount"
            }
          }
        }
      },
      "ProviderAccountResponse": {
        "type": "object",
        "required": [
          "ok",
          "provider_account"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "provider_account": {
            "$ref": "#/components/schemas/ProviderAccount"
          }
        }
      },
      "ProviderAccountDeletedResponse": {
        "type": "object",
        "required": [
          "ok",
          "deleted",
          "provider_code"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "deleted": {
            "type": "boolean",
            "const": true
          },
          "provider_code": {
            "type": "string"
          }
        }
      },
      "UpsertProviderAccountRequest": {
        "type": "object",
        "required": [
          "provider_code"
        ],
        "properties": {
          "provider_code": {
            "type": "string",
            "maxLength": 64,
            "description": "Normalised like a slug (`OpenAI` -> `openai`); required and not blank."
          },
          "display_name": {
            "type": "string",
            "maxLength": 200
          },
          "account_ref": {
            "type": "string",
            "maxLength": 500
          },
          "base_url": {
            "type": "string",
            "maxLength": 2048
          },
          "enabled": {
            "type": "boolean"
          },
          "config_json": {
            "$ref": "#/components/schemas/JsonObject"
          }
        }
      },
      "UpdateProviderAccountRequest": {
        "type": "object",
        "description": "At least one of: display_name, account_ref, base_url, enabled, config_json.",
        "properties": {
          "display_name": {
            "type": "string",
            "maxLength": 200
          },
          "account_ref": {
            "type": "string",
            "maxLength": 500
          },
          "base_url": {
            "type": "string",
            "maxLength": 2048
          },
          "enabled": {
            "type": "boolean"
          },
          "config_json": {
            "$ref": "#/components/schemas/JsonObject"
          }
        }
      },
      "AssetLinkType": {
        "type": "string",
        "enum": [
          "derived_from",
          "variant_of",
          "mask_for",
          "reference_of"
        ]
      },
      "AssetLink": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "parent_asset_id",
          "child_asset_id",
          "link_type",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "parent_asset_id": {
            "type": "string"
          },
          "child_asset_id": {
            "type": "string"
          },
          "link_type": {
            "$ref": "#/components/schemas/AssetLinkType"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "AssetLinkListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "asset_links"
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
          "asset_links": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AssetLink"
            }
          }
        }
      },
      "AssetLinkResponse": {
        "type": "object",
        "required": [
          "ok",
          "asset_link"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "asset_link": {
            "$ref": "#/components/schemas/AssetLink"
          }
        }
      },
      "CreateAssetLinkRequest": {
        "type": "object",
        "required": [
          "parent_asset_id",
          "child_asset_id"
        ],
        "properties": {
          "parent_asset_id": {
            "$ref": "#/components/schemas/Id"
          },
          "child_asset_id": {
            "$ref": "#/components/schemas/Id"
          },
          "link_type": {
            "$ref": "#/components/schemas/AssetLinkType"
          }
        }
      },
      "UpdateAssetLinkRequest": {
        "type": "object",
        "description": "At least one of: parent_asset_id, child_asset_id, link_type.",
        "properties": {
          "parent_asset_id": {
            "$ref": "#/components/schemas/Id"
          },
          "child_asset_id": {
            "$ref": "#/components/schemas/Id"
          },
          "link_type": {
            "$ref": "#/components/schemas/AssetLinkType"
          }
        }
      },
      "ChatRole": {
        "type": "string",
        "enum": [
          "user",
          "assistant",
          "system",
          "tool"
        ]
      },
      "ChatSession": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "title",
          "status",
          "message_count",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          },
          "message_count": {
            "type": "integer",
            "minimum": 0
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp",
            "description": "Changes when a message is added."
          }
        }
      },
      "ChatSessionListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "sessions"
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
          "sessions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChatSession"
            }
          }
        }
      },
      "ChatSessionResponse": {
        "type": "object",
        "required": [
          "ok",
          "session"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "session": {
            "$ref": "#/components/schemas/ChatSession"
          }
        }
      },
      "CreateChatSessionRequest": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "maxLength": 500,
            "description": "Defaults to \"New session\"."
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "archived"
            ]
          }
        }
      },
      "ChatMessage": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "session_id",
          "role",
          "content",
          "content_json",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "session_id": {
            "type": "string"
          },
          "role": {
            "$ref": "#/components/schemas/ChatRole"
          },
          "content": {
            "type": "string"
          },
          "content_json": {
            "description": "Optional structured content (any JSON value), or null."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ChatMessageListResponse": {
        "type": "object",
        "required": [
          "ok",
          "session_id",
          "count",
          "messages"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "session_id": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "messages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChatMessage"
            }
          }
        }
      },
      "ChatMessageResponse": {
        "type": "object",
        "required": [
          "ok",
          "message"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "message": {
            "$ref": "#/components/schemas/ChatMessage"
          }
        }
      },
      "CreateChatMessageRequest": {
        "type": "object",
        "required": [
          "role"
        ],
        "description": "`content` (or its alias `content_text`) is required.",
        "properties": {
          "role": {
            "$ref": "#/components/schemas/ChatRole"
          },
          "content": {
            "type": "string",
            "maxLength": 200000
          },
          "content_text": {
            "type": "string",
            "maxLength": 200000,
            "description": "Alias of `content`."
          },
          "content_json": {
            "description": "Optional structured content (any JSON value)."
          }
        }
      },
      "AgentInstructionStatus": {
        "type": "string",
        "enum": [
          "pending",
          "confirmed",
          "queued",
          "running",
          "done",
          "failed",
          "canceled"
        ]
      },
      "AgentInstruction": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "instruction_text",
          "instruction_type",
          "payload_json",
          "dispatch_to_agent",
          "status",
          "attempts",
          "max_attempts",
          "next_attempt_at",
          "last_error",
          "agent_response_json",
          "created_at",
          "updated_at",
          "confirmed_at",
          "canceled_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "instruction_text": {
            "type": "string"
          },
          "instruction_type": {
            "type": "string",
            "description": "The older form's type; `instruction` when only text was given."
          },
          "payload_json": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "dispatch_to_agent": {
            "type": "boolean"
          },
          "status": {
            "$ref": "#/components/schemas/AgentInstructionStatus"
          },
          "attempts": {
            "type": "integer",
            "minimum": 0,
            "description": "Dispatch attempts made so far."
          },
          "max_attempts": {
            "type": "integer",
            "minimum": 1
          },
          "next_attempt_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When a queued dispatch is next tried."
          },
          "last_error": {
            "type": [
              "string",
              "null"
            ]
          },
          "agent_response_json": {
            "description": "The agent endpoint's last JSON answer, or null."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "confirmed_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "canceled_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "AgentInstructionListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "instructions"
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
          "instructions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AgentInstruction"
            }
          }
        }
      },
      "AgentInstructionResponse": {
        "type": "object",
        "required": [
          "ok",
          "instruction"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "instruction": {
            "$ref": "#/components/schemas/AgentInstruction"
          }
        }
      },
      "CreateAgentInstructionRequest": {
        "type": "object",
        "description": "`instruction_text`, or `instruction_type` with `payload_json` (the older form); both may be given.",
        "properties": {
          "instruction_text": {
            "type": "string",
            "maxLength": 100000
          },
          "instruction_type": {
            "type": "string",
            "maxLength": 100
          },
          "payload_json": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "dispatch_to_agent": {
            "type": "boolean"
          }
        }
      },
      "AgentInstructionTransitionRequest": {
        "type": "object",
        "properties": {
          "message": {
            "type": "string",
            "maxLength": 2000,
            "description": "Recorded with the event."
          }
        }
      },
      "AgentInstructionEvent": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "instruction_id",
          "event_type",
          "message",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "instruction_id": {
            "type": "string"
          },
          "event_type": {
            "type": "string",
            "description": "created, queued, confirmed, canceled, dispatch_started, dispatched (the agent answered; its status decides done or failed), retry_scheduled, dispatch_failed"
          },
          "message": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "AgentInstructionEventListResponse": {
        "type": "object",
        "required": [
          "ok",
          "instruction_id",
          "count",
          "events"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "instruction_id": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AgentInstructionEvent"
            }
          }
        }
      },
      "CreateAuthTokenRequest": {
        "type": "object",
        "properties": {
          "label": {
            "type": "string",
            "maxLength": 200,
            "description": "What the token is for."
          },
          "project_slug": {
            "type": "string",
            "maxLength": 200,
            "description": "Scope the token to this project."
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the token stops working."
          },
          "expires_in_days": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3650,
            "description": "Alternative to expires_at."
          }
        }
      },
      "AuthToken": {
        "type": "object",
        "required": [
          "id",
          "user_id",
          "project_id",
          "token_prefix",
          "label",
          "expires_at",
          "revoked_at",
          "last_used_at",
          "created_at",
          "active"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "user_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "project_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The project the token is scoped to, or null for all."
          },
          "token_prefix": {
            "type": "string",
            "description": "The first characters of the token, to recognise it."
          },
          "label": {
            "type": "string"
          },
          "expires_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "revoked_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "last_used_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "active": {
            "type": "boolean",
            "description": "Not revoked and not expired."
          }
        }
      },
      "AuthTokenCreated": {
        "type": "object",
        "required": [
          "id",
          "token",
          "token_prefix",
          "label",
          "project_id",
          "created_at",
          "expires_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "token": {
            "type": "string",
            "description": "The secret value. Shown once; store it now."
          },
          "token_prefix": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "project_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "expires_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "AuthTokenCreatedResponse": {
        "type": "object",
        "required": [
          "ok",
          "auth_token"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "auth_token": {
            "$ref": "#/components/schemas/AuthTokenCreated"
          }
        }
      },
      "AuthTokenListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "auth_tokens"
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
          "auth_tokens": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuthToken"
            }
          }
        }
      },
      "AuthTokenRevokedResponse": {
        "type": "object",
        "required": [
          "ok",
          "deleted",
          "token_id"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "deleted": {
            "type": "boolean",
            "const": true
          },
          "token_id": {
            "type": "string"
          }
        }
      },
      "Secret": {
        "type": "object",
        "required": [
          "project_id",
          "provider_code",
          "secret_name",
          "has_value",
          "hint",
          "key_id",
          "created_at",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "project_id": {
            "type": "string"
          },
          "provider_code": {
            "type": "string"
          },
          "secret_name": {
            "type": "string"
          },
          "has_value": {
            "type": "boolean"
          },
          "hint": {
            "type": "string",
            "description": "A masked hint such as `sk-…a1b2`; never the value."
          },
          "key_id": {
            "type": "string",
            "description": "The encryption key the value is stored under."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "SecretListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "secrets"
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
          "secrets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Secret"
            }
          }
        }
      },
      "SecretResponse": {
        "type": "object",
        "required": [
          "ok",
          "secret"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "secret": {
            "$ref": "#/components/schemas/Secret"
          }
        }
      },
      "SecretDeletedResponse": {
        "type": "object",
        "required": [
          "ok",
          "deleted",
          "provider_code",
          "secret_name"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "deleted": {
            "type": "boolean",
            "const": true
          },
          "provider_code": {
            "type": "string"
          },
          "secret_name": {
            "type": "string"
          }
        }
      },
      "UpsertSecretRequest": {
        "type": "object",
        "required": [
          "provider_code",
          "secret_name",
          "secret_value"
        ],
        "properties": {
          "provider_code": {
            "type": "string",
            "maxLength": 64,
            "description": "Normalised like a slug."
          },
          "secret_name": {
            "type": "string",
            "maxLength": 128,
            "description": "e.g. `api_key`; normalised like a slug."
          },
          "secret_value": {
            "type": "string",
            "minLength": 1,
            "maxLength": 65536,
            "writeOnly": true
          }
        }
      },
      "SecretKeyUsage": {
        "type": "object",
        "required": [
          "key_id",
          "active",
          "created_at",
          "secret_count"
        ],
        "additionalProperties": false,
        "properties": {
          "key_id": {
            "type": "string"
          },
          "active": {
            "type": "boolean",
            "description": "New values are encrypted under the active key."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "secret_count": {
            "type": "integer",
            "minimum": 0,
            "description": "How many of this project's values use the key."
          }
        }
      },
      "SecretRotationStatusResponse": {
        "type": "object",
        "required": [
          "ok",
          "rotation_status"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "rotation_status": {
            "type": "object",
            "required": [
              "active_key_id",
              "total_secrets",
              "stale_secrets",
              "keys"
            ],
            "additionalProperties": false,
            "properties": {
              "active_key_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "total_secrets": {
                "type": "integer",
                "minimum": 0
              },
              "stale_secrets": {
                "type": "integer",
                "minimum": 0,
                "description": "Values not under the active key."
              },
              "keys": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/SecretKeyUsage"
                }
              }
            }
          }
        }
      },
      "SecretRotationResponse": {
        "type": "object",
        "required": [
          "ok",
          "rotation"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "rotation": {
            "type": "object",
            "required": [
              "key_id",
              "rotated",
              "previous_key_ids"
            ],
            "additionalProperties": false,
            "properties": {
              "key_id": {
                "type": "string",
                "description": "The new active key."
              },
              "rotated": {
                "type": "integer",
                "minimum": 0,
                "description": "How many values were re-encrypted."
              },
              "previous_key_ids": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "BootstrapSettings": {
        "type": "object",
        "description": "A project's settings in the bootstrap exchange shape. Sections not given are left alone in merge mode.",
        "properties": {
          "project": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "maxLength": 200
              },
              "description": {
                "type": "string",
                "maxLength": 10000
              }
            }
          },
          "provider_accounts": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "provider_code"
              ],
              "properties": {
                "provider_code": {
                  "type": "string",
                  "maxLength": 64
                },
                "display_name": {
                  "type": "string",
                  "maxLength": 200
                },
                "account_ref": {
                  "type": "string",
                  "maxLength": 500
                },
                "base_url": {
                  "type": "string",
                  "maxLength": 2048
                },
                "enabled": {
                  "type": "boolean"
                },
                "config_json": {
                  "$ref": "#/components/schemas/JsonObject"
                }
              }
            }
          },
          "style_guides": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name",
                "instructions"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 200
                },
                "instructions": {
                  "type": "string",
                  "maxLength": 100000
                },
                "notes": {
                  "type": "string",
                  "maxLength": 100000
                }
              }
            }
          },
          "characters": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 200
                },
                "description": {
                  "type": "string",
                  "maxLength": 100000
                },
                "prompt_text": {
                  "type": "string",
                  "maxLength": 100000
                }
              }
            }
          },
          "reference_sets": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name",
                "items"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 200
                },
                "description": {
                  "type": "string",
                  "maxLength": 100000
                },
                "items": {
                  "type": "array",
                  "description": "Required (`[]` for none).",
                  "items": {
                    "type": "object",
                    "properties": {
                      "label": {
                        "type": "string",
                        "maxLength": 500
                      },
                      "content_uri": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "maxLength": 4096
                      },
                      "content_text": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "maxLength": 100000
                      },
                      "sort_order": {
                        "type": "integer"
                      },
                      "metadata_json": {
                        "$ref": "#/components/schemas/JsonObject"
                      }
                    }
                  }
                }
              }
            }
          },
          "prompt_templates": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "name",
                "template_text"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 200
                },
                "template_text": {
                  "type": "string",
                  "maxLength": 100000
                }
              }
            }
          },
          "secrets": {
            "type": "array",
            "description": "Secret names only (export); ignored on import, since values never travel here.",
            "items": {
              "type": "object",
              "required": [
                "provider_code",
                "secret_name"
              ],
              "properties": {
                "provider_code": {
                  "type": "string"
                },
                "secret_name": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "BootstrapPromptResponse": {
        "type": "object",
        "required": [
          "ok",
          "bootstrap"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "bootstrap": {
            "type": "object",
            "required": [
              "schema_version",
              "generated_at",
              "project",
              "settings",
              "expected_response",
              "prompt"
            ],
            "additionalProperties": false,
            "properties": {
              "schema_version": {
                "type": "integer",
                "minimum": 1
              },
              "generated_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "project": {
                "$ref": "#/components/schemas/Project"
              },
              "settings": {
                "$ref": "#/components/schemas/BootstrapSettings"
              },
              "expected_response": {
                "$ref": "#/components/schemas/JsonObject",
                "description": "The shape the assistant must answer with (a JSON schema)."
              },
              "prompt": {
                "type": "string",
                "description": "Ready-to-paste text for an AI assistant."
              }
            }
          }
        }
      },
      "BootstrapImportRequest": {
        "type": "object",
        "properties": {
          "settings": {
            "$ref": "#/components/schemas/BootstrapSettings"
          },
          "ai_response_text": {
            "type": "string",
            "maxLength": 500000,
            "description": "An assistant's raw reply holding the settings JSON (fenced or not)."
          },
          "mode": {
            "type": "string",
            "enum": [
              "merge",
              "replace"
            ],
            "description": "Default `merge`."
          },
          "dry_run": {
            "type": "boolean",
            "description": "Report the changes without writing."
          }
        }
      },
      "BootstrapSectionChanges": {
        "type": "object",
        "required": [
          "created",
          "updated",
          "removed",
          "unchanged"
        ],
        "additionalProperties": false,
        "properties": {
          "created": {
            "type": "integer",
            "minimum": 0
          },
          "updated": {
            "type": "integer",
            "minimum": 0
          },
          "removed": {
            "type": "integer",
            "minimum": 0
          },
          "unchanged": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "BootstrapImportResponse": {
        "type": "object",
        "required": [
          "ok",
          "bootstrap_import"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "bootstrap_import": {
            "type": "object",
            "required": [
              "schema_version",
              "mode",
              "dry_run",
              "project_updated",
              "applied",
              "changes",
              "project",
              "settings"
            ],
            "additionalProperties": false,
            "properties": {
              "schema_version": {
                "type": "integer",
                "minimum": 1
              },
              "mode": {
                "type": "string",
                "enum": [
                  "merge",
                  "replace"
                ]
              },
              "dry_run": {
                "type": "boolean"
              },
              "project_updated": {
                "type": "boolean"
              },
              "applied": {
                "type": "boolean",
                "description": "False for a dry run."
              },
              "changes": {
                "type": "object",
                "required": [
                  "provider_accounts",
                  "style_guides",
                  "characters",
                  "reference_sets",
                  "prompt_templates"
                ],
                "additionalProperties": false,
                "properties": {
                  "provider_accounts": {
                    "$ref": "#/components/schemas/BootstrapSectionChanges"
                  },
                  "style_guides": {
                    "$ref": "#/components/schemas/BootstrapSectionChanges"
                  },
                  "characters": {
                    "$ref": "#/components/schemas/BootstrapSectionChanges"
                  },
                  "reference_sets": {
                    "$ref": "#/components/schemas/BootstrapSectionChanges"
                  },
                  "prompt_templates": {
                    "$ref": "#/components/schemas/BootstrapSectionChanges"
                  }
                }
              },
              "project": {
                "$ref": "#/components/schemas/Project"
              },
              "settings": {
                "$ref": "#/components/schemas/BootstrapSettings",
                "description": "The settings after the import (or as they would be, for a dry run)."
              }
            }
          }
        }
      },
      "ValidateRunConfigRequest": {
        "type": "object",
        "properties": {
          "app_settings_path": {
            "type": "string",
            "maxLength": 4096,
            "description": "Instead of config/pipeline.settings.toml."
          },
          "project_settings_path": {
            "type": "string",
            "maxLength": 4096,
            "description": "Instead of <project_root>/.kroma/pipeline.settings.json."
          },
          "manifest_path": {
            "type": "string",
            "maxLength": 4096,
            "description": "Check this manifest instead of the one the settings name."
          },
          "postprocess_config_path": {
            "type": "string",
            "maxLength": 4096,
            "description": "Check this postprocess.json instead."
          }
        }
      },
      "ConfigProblem": {
        "type": "object",
        "required": [
          "file",
          "field",
          "message"
        ],
        "additionalProperties": false,
        "properties": {
          "file": {
            "type": "string"
          },
          "field": {
            "type": "string",
            "description": "Dotted path inside the file, e.g. `pipeline.postprocess.upscale_backend`."
          },
          "message": {
            "type": "string"
          }
        }
      },
      "ResolvedSetting": {
        "type": "object",
        "required": [
          "key",
          "value",
          "source"
        ],
        "additionalProperties": false,
        "properties": {
          "key": {
            "type": "string"
          },
          "value": {
            "description": "The value in effect (any JSON value)."
          },
          "source": {
            "type": "string",
            "enum": [
              "override",
              "project",
              "app",
              "default"
            ]
          },
          "file": {
            "type": "string",
            "description": "The file the value came from."
          }
        }
      },
      "ValidateRunConfigResponse": {
        "type": "object",
        "required": [
          "ok",
          "summary"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "summary": {
            "type": "object",
            "required": [
              "valid",
              "app_settings_loaded",
              "project_settings_loaded",
              "resolved_manifest_path",
              "resolved_postprocess_config_path",
              "manifest_loaded",
              "postprocess_config_loaded",
              "problems",
              "settings"
            ],
            "additionalProperties": false,
            "properties": {
              "valid": {
                "type": "boolean"
              },
              "project_root": {
                "type": "string"
              },
              "app_settings_loaded": {
                "type": "boolean"
              },
              "project_settings_loaded": {
                "type": "boolean"
              },
              "resolved_manifest_path": {
                "type": "string"
              },
              "resolved_postprocess_config_path": {
                "type": "string"
              },
              "manifest_loaded": {
                "type": "boolean"
              },
              "postprocess_config_loaded": {
                "type": "boolean"
              },
              "problems": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ConfigProblem"
                }
              },
              "settings": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ResolvedSetting"
                }
              }
            }
          }
        }
      },
      "RunMode": {
        "type": "string",
        "enum": [
          "dry",
          "run"
        ]
      },
      "RunRecordStatus": {
        "type": "string",
        "enum": [
          "queued",
          "running",
          "canceling",
          "succeeded",
          "partial",
          "failed",
          "canceled",
          "interrupted"
        ],
        "description": "`queued -> running -> succeeded | partial | failed | canceled` (`canceling` while a cancel waits\nfor the request in flight). `partial`: some jobs failed. `interrupted`: the server stopped while\nthe run was queued or running (on SIGTERM/SIGINT it first lets an image request in flight finish\nwithin `KROMA_SHUTDOWN_GRACE_MS`, default 30000, then aborts it, recorded as possibly billed), or\nthe process that owned it is gone; it is never re-run by itself (`POST /runs/{runId}/resume`).\nA dry run that planned its jobs is `succeeded`.\n"
      },
      "Run": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "run_mode",
          "status",
          "stage",
          "time_of_day",
          "weather",
          "model_name",
          "provider_code",
          "settings_snapshot_json",
          "image_size",
          "image_quality",
          "run_log_path",
          "started_at",
          "finished_at",
          "created_at",
          "error",
          "summary_json"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "description": "The run id (`run_<stamp>_<hex>`), as in the run log."
          },
          "project_id": {
            "type": "string"
          },
          "run_mode": {
            "$ref": "#/components/schemas/RunMode"
          },
          "status": {
            "$ref": "#/components/schemas/RunRecordStatus"
          },
          "stage": {
            "type": [
              "string",
              "null"
            ]
          },
          "time_of_day": {
            "type": [
              "string",
              "null"
            ]
          },
          "weather": {
            "type": [
              "string",
              "null"
            ]
          },
          "model_name": {
            "type": [
              "string",
              "null"
            ]
          },
          "provider_code": {
            "type": [
              "string",
              "null"
            ]
          },
          "settings_snapshot_json": {
            "description": "What the run used: generation, output guard, post-process, API, versions and inputs; null until the run starts.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/JsonObject"
              },
              {
                "type": "null"
              }
            ]
          },
          "image_size": {
            "type": [
              "string",
              "null"
            ]
          },
          "image_quality": {
            "type": [
              "string",
              "null"
            ]
          },
          "run_log_path": {
            "type": [
              "string",
              "null"
            ],
            "description": "The run log, relative to the project root (`runs/<run_id>.json`) once written."
          },
          "started_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "finished_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why the run failed or stopped, when it did."
          },
          "summary_json": {
            "description": "The run log's counts (`jobs`, `done`, `failed`, ...); null until the log is ingested.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/JsonObject"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "RunCandidate": {
        "type": "object",
        "required": [
          "id",
          "job_id",
          "candidate_index",
          "status",
          "output_asset_id",
          "final_asset_id",
          "output_path",
          "final_output_path",
          "rank_hard_failures",
          "rank_soft_warnings",
          "rank_avg_chroma_exceed",
          "meta_json",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "job_id": {
            "type": "string"
          },
          "candidate_index": {
            "type": "integer",
            "minimum": 1
          },
          "status": {
            "type": "string",
            "enum": [
              "planned",
              "generated",
              "failed"
            ],
            "description": "`planned` in dry runs."
          },
          "output_asset_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "final_asset_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Set on the selected candidate: the job's final output asset."
          },
          "output_path": {
            "type": [
              "string",
              "null"
            ]
          },
          "final_output_path": {
            "type": [
              "string",
              "null"
            ]
          },
          "rank_hard_failures": {
            "type": [
              "integer",
              "null"
            ]
          },
          "rank_soft_warnings": {
            "type": [
              "integer",
              "null"
            ]
          },
          "rank_avg_chroma_exceed": {
            "type": [
              "number",
              "null"
            ]
          },
          "meta_json": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Attempts, usage, error, timings and bytes, as logged (the guard verdict is the quality report)."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "RunJob": {
        "type": "object",
        "required": [
          "id",
          "run_id",
          "job_key",
          "status",
          "prompt_text",
          "selected_candidate_index",
          "final_asset_id",
          "final_output",
          "meta_json",
          "created_at",
          "candidates"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "run_id": {
            "type": "string"
          },
          "job_key": {
            "type": "string",
            "description": "The job id of the run log (`style_1_street`)."
          },
          "status": {
            "type": "string",
            "enum": [
              "planned",
              "done",
              "failed",
              "failed_guard",
              "canceled"
            ]
          },
          "prompt_text": {
            "type": [
              "string",
              "null"
            ]
          },
          "selected_candidate_index": {
            "type": [
              "integer",
              "null"
            ]
          },
          "final_asset_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "final_output": {
            "type": [
              "string",
              "null"
            ]
          },
          "meta_json": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Stage, time, weather, input images, error and timing, as logged."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "candidates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunCandidate"
            }
          }
        }
      },
      "Asset": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "kind",
          "asset_kind",
          "storage_uri",
          "rel_path",
          "storage_backend",
          "mime_type",
          "width",
          "height",
          "sha256",
          "run_id",
          "job_id",
          "candidate_id",
          "metadata_json",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "description": "`image` for files a run wrote."
          },
          "asset_kind": {
            "type": [
              "string",
              "null"
            ],
            "description": "`candidate` (one of N), `final` (`outputs/<job_id>.png`), ..."
          },
          "storage_uri": {
            "type": [
              "string",
              "null"
            ],
            "description": "`file://` URL of the file when it was ingested."
          },
          "rel_path": {
            "type": [
              "string",
              "null"
            ],
            "description": "Relative to the project root."
          },
          "storage_backend": {
            "type": "string"
          },
          "mime_type": {
            "type": [
              "string",
              "null"
            ]
          },
          "width": {
            "type": [
              "integer",
              "null"
            ]
          },
          "height": {
            "type": [
              "integer",
              "null"
            ]
          },
          "sha256": {
            "type": [
              "string",
              "null"
            ]
          },
          "run_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "job_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "candidate_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "metadata_json": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "QualityGrade": {
        "type": "string",
        "enum": [
          "pass",
          "warn",
          "fail"
        ],
        "description": "`fail`: hard failures; `warn`: soft warnings only; `pass`: neither."
      },
      "QualityReport": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "run_id",
          "asset_id",
          "report_type",
          "grade",
          "hard_failures",
          "soft_warnings",
          "avg_chroma_exceed",
          "summary_json",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "run_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "asset_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "report_type": {
            "type": "string",
            "description": "`output_guard` for the guard's verdict on a candidate."
          },
          "grade": {
            "$ref": "#/components/schemas/QualityGrade"
          },
          "hard_failures": {
            "type": "integer",
            "minimum": 0
          },
          "soft_warnings": {
            "type": "integer",
            "minimum": 0
          },
          "avg_chroma_exceed": {
            "type": "number",
            "minimum": 0
          },
          "summary_json": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "The guard's verdict as logged (`checked_input`, `summary`, `files`)."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "CostEvent": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "run_id",
          "job_id",
          "provider_code",
          "model_name",
          "event_type",
          "units",
          "unit_cost_usd",
          "total_cost_usd",
          "currency",
          "meta_json",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "run_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "job_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "provider_code": {
            "type": "string"
          },
          "model_name": {
            "type": [
              "string",
              "null"
            ]
          },
          "event_type": {
            "type": "string",
            "description": "`image_generation`: the images one job generated."
          },
          "units": {
            "type": "number",
            "minimum": 0,
            "description": "Images generated (candidates that succeeded)."
          },
          "unit_cost_usd": {
            "type": [
              "number",
              "null"
            ],
            "description": "List-price estimate; null when unknown for the model, size or quality."
          },
          "total_cost_usd": {
            "type": [
              "number",
              "null"
            ]
          },
          "currency": {
            "type": "string"
          },
          "meta_json": {
            "$ref": "#/components/schemas/JsonObject",
            "description": "Job key, the candidates generated, total tokens, size and quality (the basis of the estimate is in the run's settings snapshot)."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "RunListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "runs"
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
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "runs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Run"
            }
          }
        }
      },
      "RunResponse": {
        "type": "object",
        "required": [
          "ok",
          "run"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "run": {
            "$ref": "#/components/schemas/Run"
          }
        }
      },
      "RunDetailResponse": {
        "type": "object",
        "required": [
          "ok",
          "run",
          "jobs"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "run": {
            "$ref": "#/components/schemas/Run"
          },
          "jobs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunJob"
            }
          }
        }
      },
      "RunJobListResponse": {
        "type": "object",
        "required": [
          "ok",
          "run_id",
          "count",
          "jobs"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "run_id": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "jobs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunJob"
            }
          }
        }
      },
      "AssetListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "assets"
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
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "assets": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Asset"
            }
          }
        }
      },
      "AssetResponse": {
        "type": "object",
        "required": [
          "ok",
          "asset"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "asset": {
            "$ref": "#/components/schemas/Asset"
          }
        }
      },
      "QualityReportListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "quality_reports"
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
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "quality_reports": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/QualityReport"
            }
          }
        }
      },
      "CostEventListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "total_cost_usd",
          "cost_events"
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
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "total_cost_usd": {
            "type": "number",
            "minimum": 0
          },
          "cost_events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CostEvent"
            }
          }
        }
      },
      "TriggerRunRequest": {
        "type": "object",
        "description": "The seed's trigger fields. `input` (a file or directory under the project root) xor `scene_refs`;\n`time` only with stage time or weather; `weather` only with stage weather.\n",
        "additionalProperties": false,
        "properties": {
          "mode": {
            "$ref": "#/components/schemas/RunMode",
            "description": "Default `dry`."
          },
          "confirm_spend": {
            "type": "boolean",
            "description": "Required (true) for `mode: run`."
          },
          "input": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4096
          },
          "scene_refs": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 4096
            }
          },
          "style_refs": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 4096
            }
          },
          "stage": {
            "$ref": "#/components/schemas/RunStage",
            "description": "Default `style`."
          },
          "time": {
            "$ref": "#/components/schemas/RunTimeOfDay"
          },
          "weather": {
            "$ref": "#/components/schemas/RunWeather"
          },
          "candidates": {
            "type": "integer",
            "minimum": 1,
            "maximum": 6
          },
          "storage_sync_s3": {
            "type": "boolean",
            "description": "Upload the project's new or changed files to its S3 storage after the run (`POST /storage/s3/sync`); refused (400) when the project has no S3 storage enabled, or no credentials that may go to its endpoint."
          },
          "project_root": {
            "description": "Refused: the root comes from the project's stored storage."
          }
        }
      },
      "TriggerRunResponse": {
        "type": "object",
        "required": [
          "ok",
          "pipeline_trigger"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "pipeline_trigger": {
            "type": "object",
            "required": [
              "run_id",
              "status",
              "mode",
              "run"
            ],
            "additionalProperties": false,
            "properties": {
              "run_id": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/RunRecordStatus"
              },
              "mode": {
                "$ref": "#/components/schemas/RunMode"
              },
              "run": {
                "$ref": "#/components/schemas/Run"
              }
            }
          }
        }
      },
      "RunEvent": {
        "type": "object",
        "description": "One server-sent event of `GET /runs/{runId}/events` (the `data:` JSON; `event:` repeats `type`).\n`status`: the run's status now. `progress`: a request went out or was retried, a candidate or\na job finished (`phase`; indexes are 1-based). `done`: the terminal status, the summary and\nerror if any; the last event of the stream.\n",
        "required": [
          "type",
          "run_id",
          "status"
        ],
        "additionalProperties": false,
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "status",
              "progress",
              "done"
            ]
          },
          "run_id": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/RunRecordStatus"
          },
          "phase": {
            "type": "string",
            "enum": [
              "request",
              "retry",
              "candidate_done",
              "candidate_failed",
              "job_done",
              "job_skipped"
            ]
          },
          "job": {
            "type": "string"
          },
          "job_index": {
            "type": "integer",
            "minimum": 1
          },
          "jobs": {
            "type": "integer",
            "minimum": 0
          },
          "candidate": {
            "type": "integer",
            "minimum": 0
          },
          "candidates": {
            "type": "integer",
            "minimum": 0
          },
          "attempt": {
            "type": "integer",
            "minimum": 1
          },
          "job_status": {
            "type": "string"
          },
          "error": {
            "type": "string"
          },
          "summary": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/JsonObject"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "RunLog": {
        "description": "A run log as written to `runs/<run_id>.json`: a dry run (`mode: dry`) or a paid run (`mode: run`).",
        "oneOf": [
          {
            "$ref": "#/components/schemas/DryRunLog"
          },
          {
            "$ref": "#/components/schemas/PaidRunLog"
          }
        ]
      },
      "RunStage": {
        "type": "string",
        "enum": [
          "style",
          "time",
          "weather"
        ]
      },
      "RunTimeOfDay": {
        "type": "string",
        "enum": [
          "day",
          "night"
        ]
      },
      "RunWeather": {
        "type": "string",
        "enum": [
          "clear",
          "rain"
        ]
      },
      "RunOutputGuardSettings": {
        "type": "object",
        "description": "The output guard a run applies (manifest values with the request's overrides).",
        "required": [
          "enabled",
          "enforce_grayscale",
          "max_chroma_delta",
          "fail_on_chroma_exceed"
        ],
        "additionalProperties": false,
        "properties": {
          "enabled": {
            "type": "boolean"
          },
          "enforce_grayscale": {
            "type": "boolean"
          },
          "max_chroma_delta": {
            "type": "number",
            "minimum": 0
          },
          "fail_on_chroma_exceed": {
            "type": "boolean"
          }
        }
      },
      "RunLogInput": {
        "type": "object",
        "description": "One file a run read, identified by content.",
        "required": [
          "path",
          "role",
          "sha256",
          "size"
        ],
        "additionalProperties": false,
        "properties": {
          "path": {
            "type": "string",
            "description": "Relative to the project root (with `/`) when inside it, else absolute."
          },
          "role": {
            "type": "string",
            "enum": [
              "scene",
              "style_ref"
            ]
          },
          "sha256": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          },
          "size": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "RunLogGeneration": {
        "type": "object",
        "required": [
          "candidates",
          "max_candidates"
        ],
        "additionalProperties": false,
        "properties": {
          "candidates": {
            "type": "integer",
            "minimum": 1
          },
          "max_candidates": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "RunLogStorage": {
        "type": "object",
        "required": [
          "project_root",
          "resolved_from_backend"
        ],
        "additionalProperties": false,
        "properties": {
          "project_root": {
            "type": "string"
          },
          "resolved_from_backend": {
            "type": "boolean"
          }
        }
      },
      "RunLogVersions": {
        "type": "object",
        "required": [
          "kroma",
          "node"
        ],
        "additionalProperties": false,
        "properties": {
          "kroma": {
            "type": "string"
          },
          "node": {
            "type": "string"
          }
        }
      },
      "DryRunJob": {
        "type": "object",
        "description": "A job of a dry run: what would be generated, and where.",
        "required": [
          "id",
          "mode",
          "time",
          "weather",
          "input_images",
          "prompt",
          "status",
          "planned_generation",
          "planned_postprocess",
          "planned_output_guard"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "mode": {
            "$ref": "#/components/schemas/RunStage",
            "description": "The stage, named `mode` as in the seed's logs."
          },
          "time": {
            "$ref": "#/components/schemas/RunTimeOfDay"
          },
          "weather": {
            "$ref": "#/components/schemas/RunWeather"
          },
          "input_images": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The scene, then every style reference; relative to the project root where inside it."
          },
          "prompt": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "const": "planned"
          },
          "planned_generation": {
            "type": "object",
            "required": [
              "candidates",
              "outputs"
            ],
            "additionalProperties": false,
            "properties": {
              "candidates": {
                "type": "integer",
                "minimum": 1
              },
              "outputs": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "planned_postprocess": {
            "description": "The post-process settings the caller resolved, recorded as given (any JSON value)."
          },
          "planned_output_guard": {
            "$ref": "#/components/schemas/RunOutputGuardSettings"
          }
        }
      },
      "DryRunLog": {
        "type": "object",
        "description": "The log of a dry run: the seed's fields plus what reproduction and audit need (run id, schema\nversion, tool versions, a sha256 of every input, the planned output paths, a status and counts).\nPaths are relative to the project root (with `/`) where inside it, absolute otherwise.\n",
        "required": [
          "run_id",
          "schema_version",
          "timestamp",
          "project",
          "mode",
          "stage",
          "time",
          "weather",
          "model",
          "size",
          "quality",
          "generation",
          "output_guard",
          "postprocess",
          "storage",
          "versions",
          "inputs",
          "jobs",
          "status",
          "summary"
        ],
        "additionalProperties": false,
        "properties": {
          "run_id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$"
          },
          "schema_version": {
            "type": "integer",
            "const": 1
          },
          "timestamp": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "project": {
            "type": "string",
            "minLength": 1
          },
          "mode": {
            "type": "string",
            "const": "dry"
          },
          "stage": {
            "$ref": "#/components/schemas/RunStage"
          },
          "time": {
            "$ref": "#/components/schemas/RunTimeOfDay"
          },
          "weather": {
            "$ref": "#/components/schemas/RunWeather"
          },
          "model": {
            "type": "string"
          },
          "size": {
            "type": "string"
          },
          "quality": {
            "type": "string"
          },
          "generation": {
            "$ref": "#/components/schemas/RunLogGeneration"
          },
          "output_guard": {
            "$ref": "#/components/schemas/RunOutputGuardSettings"
          },
          "postprocess": {
            "description": "The post-process settings the caller resolved, recorded as given (any JSON value)."
          },
          "storage": {
            "$ref": "#/components/schemas/RunLogStorage"
          },
          "versions": {
            "$ref": "#/components/schemas/RunLogVersions"
          },
          "inputs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunLogInput"
            }
          },
          "jobs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DryRunJob"
            }
          },
          "status": {
            "type": "string",
            "const": "planned"
          },
          "summary": {
            "type": "object",
            "required": [
              "jobs",
              "candidates"
            ],
            "additionalProperties": false,
            "properties": {
              "jobs": {
                "type": "integer",
                "minimum": 0
              },
              "candidates": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        }
      },
      "RequestAttempt": {
        "type": "object",
        "description": "One request to the images API.",
        "required": [
          "attempt",
          "status",
          "ok",
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "attempt": {
            "type": "integer",
            "minimum": 1
          },
          "status": {
            "type": [
              "integer",
              "null"
            ],
            "description": "HTTP status, or null when no response arrived (network failure, timeout)."
          },
          "ok": {
            "type": "boolean"
          },
          "request_id": {
            "type": "string",
            "description": "The API's `x-request-id`, for support requests about a specific image."
          },
          "error": {
            "type": "string"
          },
          "retryable": {
            "type": "boolean",
            "description": "Whether this failure was worth another attempt."
          },
          "ms": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "GuardFileResult": {
        "type": "object",
        "description": "One image's guard result, as the QA report lists it.",
        "required": [
          "file",
          "chroma_delta",
          "grayscale_like",
          "hard_fail_reasons",
          "soft_warnings"
        ],
        "additionalProperties": false,
        "properties": {
          "file": {
            "type": "string"
          },
          "chroma_delta": {
            "type": "number",
            "minimum": 0,
            "description": "Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3, rounded to 4 decimals."
          },
          "grayscale_like": {
            "type": "boolean"
          },
          "hard_fail_reasons": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "soft_warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CandidateRank": {
        "type": "object",
        "description": "A candidate's rank: lower is better, compared in this order.",
        "required": [
          "hard_failures",
          "soft_warnings",
          "avg_chroma_exceed"
        ],
        "additionalProperties": false,
        "properties": {
          "hard_failures": {
            "type": "integer",
            "minimum": 0
          },
          "soft_warnings": {
            "type": "integer",
            "minimum": 0
          },
          "avg_chroma_exceed": {
            "type": "number",
            "minimum": 0
          }
        }
      },
      "CandidateGuardLog": {
        "type": "object",
        "description": "The output guard's verdict on one candidate, in the seed's shape.",
        "required": [
          "checked_input",
          "summary",
          "files"
        ],
        "additionalProperties": false,
        "properties": {
          "checked_input": {
            "type": "string",
            "description": "The file the guard read (relative to the project root)."
          },
          "summary": {
            "type": "object",
            "required": [
              "total_files",
              "hard_failures",
              "soft_warnings"
            ],
            "additionalProperties": false,
            "properties": {
              "total_files": {
                "type": "integer",
                "minimum": 0
              },
              "hard_failures": {
                "type": "integer",
                "minimum": 0
              },
              "soft_warnings": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "files": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GuardFileResult"
            }
          }
        }
      },
      "ImageUsage": {
        "type": "object",
        "description": "Token usage as the images API reports it (gpt-image models); kept as sent, so open to fields the API adds.",
        "properties": {
          "input_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "output_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "total_tokens": {
            "type": "integer",
            "minimum": 0
          },
          "input_tokens_details": {
            "type": "object",
            "description": "Open (kept as sent); the fields below are the ones gpt-image models report.",
            "properties": {
              "image_tokens": {
                "type": "integer",
                "minimum": 0
              },
              "text_tokens": {
                "type": "integer",
                "minimum": 0
              }
            }
          }
        }
      },
      "RunCandidateLog": {
        "type": "object",
        "description": "One candidate of a paid run: what was asked, every attempt, and what came of it.",
        "required": [
          "candidate_index",
          "output",
          "status",
          "attempts",
          "rank",
          "output_guard",
          "sha256",
          "bytes",
          "archived_previous",
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "candidate_index": {
            "type": "integer",
            "minimum": 1,
            "description": "1-based, as in the file name `__c<k>`."
          },
          "output": {
            "type": "string",
            "description": "Where the candidate is (or would have been) written, relative to the project root."
          },
          "status": {
            "type": "string",
            "enum": [
              "generated",
              "failed"
            ]
          },
          "error": {
            "type": "string",
            "description": "Why the candidate failed (API key masked)."
          },
          "attempts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RequestAttempt"
            }
          },
          "rank": {
            "description": "The guard's rank; null when the candidate was not generated or the guard is off.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/CandidateRank"
              },
              {
                "type": "null"
              }
            ]
          },
          "output_guard": {
            "description": "The guard's verdict; null when the candidate was not generated or the guard is off.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/CandidateGuardLog"
              },
              {
                "type": "null"
              }
            ]
          },
          "sha256": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[0-9a-f]{64}$"
          },
          "bytes": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "width": {
            "type": "integer",
            "minimum": 1,
            "description": "Pixel width of the written PNG (from its header)."
          },
          "height": {
            "type": "integer",
            "minimum": 1,
            "description": "Pixel height of the written PNG (from its header)."
          },
          "usage": {
            "$ref": "#/components/schemas/ImageUsage",
            "description": "Token usage when the API reported it."
          },
          "postprocess": {
            "$ref": "#/components/schemas/PostprocessChainLog",
            "description": "The post-process chain run on this candidate, when any stage is enabled; the guard then checks the chain's last output."
          },
          "archived_previous": {
            "type": [
              "string",
              "null"
            ],
            "description": "Where the file this candidate overwrote was archived, when there was one."
          },
          "ms": {
            "type": "integer",
            "minimum": 0,
            "description": "Wall time for the candidate, all attempts and back-off included."
          }
        }
      },
      "PostprocessStageName": {
        "type": "string",
        "enum": [
          "bg_remove",
          "bg_refine_openai",
          "upscale",
          "color"
        ]
      },
      "PostprocessBackendAttempt": {
        "type": "object",
        "description": "One background-removal backend tried, in order.",
        "required": [
          "backend",
          "ok",
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "backend": {
            "type": "string"
          },
          "ok": {
            "type": "boolean"
          },
          "error": {
            "type": "string"
          },
          "ms": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "PostprocessStageLog": {
        "type": "object",
        "description": "One stage of the chain: what it read and wrote, how, how long, and the output's sha256.",
        "required": [
          "stage",
          "status",
          "input",
          "output",
          "backend",
          "params",
          "ms",
          "sha256"
        ],
        "additionalProperties": false,
        "properties": {
          "stage": {
            "$ref": "#/components/schemas/PostprocessStageName"
          },
          "status": {
            "type": "string",
            "enum": [
              "done",
              "skipped",
              "failed"
            ],
            "description": "`skipped`: an optional refine pass that failed (see `warnings`)."
          },
          "input": {
            "type": "string",
            "description": "Relative to the project root."
          },
          "output": {
            "type": [
              "string",
              "null"
            ],
            "description": "Relative to the project root; null when the stage wrote nothing."
          },
          "backend": {
            "type": [
              "string",
              "null"
            ]
          },
          "backends_tried": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PostprocessBackendAttempt"
            }
          },
          "params": {
            "$ref": "#/components/schemas/JsonObject"
          },
          "ms": {
            "type": "integer",
            "minimum": 0
          },
          "sha256": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[0-9a-f]{64}$"
          },
          "width": {
            "type": "integer",
            "minimum": 1
          },
          "height": {
            "type": "integer",
            "minimum": 1
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "error": {
            "type": "string"
          },
          "archived": {
            "type": "string",
            "description": "Where a file the stage replaced was archived (relative)."
          }
        }
      },
      "PostprocessChainLog": {
        "type": "object",
        "description": "The post-process chain on one image: stages in the fixed order bg_remove -> bg_refine_openai -> upscale -> color.",
        "required": [
          "status",
          "final_output",
          "pipeline_order",
          "stages"
        ],
        "additionalProperties": false,
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "done",
              "failed"
            ]
          },
          "final_output": {
            "type": "string",
            "description": "The last stage's output, or the last good file when a stage failed (relative)."
          },
          "pipeline_order": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PostprocessStageName"
            }
          },
          "stages": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PostprocessStageLog"
            }
          }
        }
      },
      "RunJobStatus": {
        "type": "string",
        "enum": [
          "done",
          "failed",
          "failed_guard",
          "canceled"
        ],
        "description": "Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard; `canceled`: the run was canceled before the job finished."
      },
      "RunJobLog": {
        "type": "object",
        "description": "One job of a paid run.",
        "required": [
          "id",
          "mode",
          "time",
          "weather",
          "input_images",
          "prompt",
          "status",
          "selected_candidate",
          "final_output",
          "final_output_archived_previous",
          "candidates",
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "mode": {
            "$ref": "#/components/schemas/RunStage"
          },
          "time": {
            "$ref": "#/components/schemas/RunTimeOfDay"
          },
          "weather": {
            "$ref": "#/components/schemas/RunWeather"
          },
          "input_images": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "prompt": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/RunJobStatus"
          },
          "error": {
            "type": "string"
          },
          "selected_candidate": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "1-based index of the chosen candidate; null when none was generated."
          },
          "final_output": {
            "type": [
              "string",
              "null"
            ],
            "description": "`outputs/<job_id>.png` (relative) once written; null when no candidate was generated."
          },
          "final_output_archived_previous": {
            "type": [
              "string",
              "null"
            ],
            "description": "Where an earlier final output was archived when the copy replaced it (N > 1 only)."
          },
          "final_postprocessed_output": {
            "type": [
              "string",
              "null"
            ],
            "description": "The selected candidate's post-processed file (the chain's last output), when post-processing ran."
          },
          "candidates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunCandidateLog"
            }
          },
          "ms": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "RunStatus": {
        "type": "string",
        "enum": [
          "succeeded",
          "partial",
          "failed",
          "canceled"
        ],
        "description": "The run's outcome: every job done, some, or none; `canceled` when it was stopped on request."
      },
      "RunSummary": {
        "type": "object",
        "description": "Counts for a quick look at a run.",
        "required": [
          "jobs",
          "done",
          "failed",
          "failed_guard",
          "candidates_generated",
          "candidates_failed"
        ],
        "additionalProperties": false,
        "properties": {
          "jobs": {
            "type": "integer",
            "minimum": 0
          },
          "done": {
            "type": "integer",
            "minimum": 0
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "failed_guard": {
            "type": "integer",
            "minimum": 0
          },
          "canceled": {
            "type": "integer",
            "minimum": 0
          },
          "candidates_generated": {
            "type": "integer",
            "minimum": 0
          },
          "candidates_failed": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "PaidRunLog": {
        "type": "object",
        "description": "The log of a paid run (`mode: run`): the dry log's base fields plus, per job, status,\nselected candidate, final output and every candidate with its attempts, guard verdict, digest\nand timing; for the run, token usage, an estimated cost, timings, status and counts.\n",
        "required": [
          "run_id",
          "schema_version",
          "timestamp",
          "project",
          "mode",
          "stage",
          "time",
          "weather",
          "model",
          "size",
          "quality",
          "generation",
          "output_guard",
          "postprocess",
          "storage",
          "versions",
          "inputs",
          "started_at",
          "finished_at",
          "duration_ms",
          "api",
          "archive_replaced",
          "jobs",
          "usage",
          "cost_estimate_usd",
          "cost_estimate",
          "status",
          "summary"
        ],
        "additionalProperties": false,
        "properties": {
          "run_id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$"
          },
          "schema_version": {
            "type": "integer",
            "const": 1
          },
          "timestamp": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "project": {
            "type": "string",
            "minLength": 1
          },
          "mode": {
            "type": "string",
            "const": "run"
          },
          "stage": {
            "$ref": "#/components/schemas/RunStage"
          },
          "time": {
            "$ref": "#/components/schemas/RunTimeOfDay"
          },
          "weather": {
            "$ref": "#/components/schemas/RunWeather"
          },
          "model": {
            "type": "string"
          },
          "size": {
            "type": "string"
          },
          "quality": {
            "type": "string"
          },
          "generation": {
            "$ref": "#/components/schemas/RunLogGeneration"
          },
          "output_guard": {
            "$ref": "#/components/schemas/RunOutputGuardSettings"
          },
          "postprocess": {
            "description": "The post-process settings the caller resolved (every stage off when none), recorded as given."
          },
          "storage": {
            "$ref": "#/components/schemas/RunLogStorage"
          },
          "versions": {
            "$ref": "#/components/schemas/RunLogVersions"
          },
          "inputs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunLogInput"
            }
          },
          "started_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "finished_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0
          },
          "api": {
            "type": "object",
            "description": "The API endpoint and retry policy the run used.",
            "required": [
              "base_url",
              "endpoint",
              "max_attempts",
              "retry_base_delay_ms"
            ],
            "additionalProperties": false,
            "properties": {
              "base_url": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "endpoint": {
                "type": "string",
                "const": "images.edit"
              },
              "max_attempts": {
                "type": "number",
                "minimum": 1
              },
              "retry_base_delay_ms": {
                "type": "number",
                "minimum": 0
              }
            }
          },
          "archive_replaced": {
            "type": "boolean"
          },
          "jobs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunJobLog"
            }
          },
          "usage": {
            "description": "Token usage summed over every generated candidate; null when the API reported none.",
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "input_tokens",
                  "output_tokens",
                  "total_tokens"
                ],
                "additionalProperties": false,
                "properties": {
                  "input_tokens": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "output_tokens": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "total_tokens": {
                    "type": "integer",
                    "minimum": 0
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "cost_estimate_usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "description": "An estimate from list prices (see `cost_estimate.basis`), not a bill. Null for unknown model or quality."
          },
          "cost_estimate": {
            "type": "object",
            "required": [
              "per_image_usd",
              "images",
              "basis"
            ],
            "additionalProperties": false,
            "properties": {
              "per_image_usd": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0
              },
              "images": {
                "type": "integer",
                "minimum": 0
              },
              "basis": {
                "type": "string"
              }
            }
          },
          "status": {
            "$ref": "#/components/schemas/RunStatus"
          },
          "error": {
            "type": "string",
            "description": "Set when the run stopped early on an unexpected error; the log is written anyway."
          },
          "resumes": {
            "type": "array",
            "description": "Each time an interrupted run was continued: when, and which jobs were kept from before.",
            "items": {
              "$ref": "#/components/schemas/RunResume"
            }
          },
          "summary": {
            "$ref": "#/components/schemas/RunSummary"
          }
        }
      },
      "RunResume": {
        "type": "object",
        "description": "One continuation of an interrupted run: when, which finished jobs were kept, and the image\nrequests the stop before it aborted in flight (sent, so possibly billed by the provider,\nthough no image came back; the job ran again).\n",
        "required": [
          "at",
          "kept_jobs"
        ],
        "additionalProperties": false,
        "properties": {
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "kept_jobs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "aborted_requests": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AbortedImageRequest"
            }
          }
        }
      },
      "AbortedImageRequest": {
        "type": "object",
        "description": "An image request a stopping server aborted when its shutdown grace period\n(`KROMA_SHUTDOWN_GRACE_MS`) ran out. The provider bills a request once it is sent, so it is\nrecorded as possibly billed: first in the run's journal (`.kroma/in-progress/<run_id>.jsonl`,\nan `{\"aborted\": ...}` line), then in the final log's `resumes`.\n",
        "required": [
          "job",
          "candidate",
          "attempt",
          "at",
          "ms",
          "possibly_billed",
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "job": {
            "type": "string"
          },
          "candidate": {
            "type": "integer",
            "minimum": 1
          },
          "attempt": {
            "type": "integer",
            "minimum": 1
          },
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "ms": {
            "type": "integer",
            "minimum": 0,
            "description": "How long the request was in flight."
          },
          "possibly_billed": {
            "type": "boolean",
            "const": true
          },
          "error": {
            "type": "string"
          }
        }
      },
      "ExportStatus": {
        "type": "string",
        "enum": [
          "running",
          "completed",
          "failed"
        ],
        "description": "`running` while the bundle is written (its process holds a lease on it); `completed` once it is in place; `failed` with `error` otherwise, also when the process writing it stopped (a server sweeping abandoned work marks it so and removes its temporary files)."
      },
      "ExportManifestSummary": {
        "type": "object",
        "description": "What the bundle holds, as its `manifest.json` says: the schema version, whether files are included, and counts.",
        "required": [
          "schema_version",
          "include_files",
          "counts",
          "files",
          "files_bytes",
          "skipped"
        ],
        "additionalProperties": false,
        "properties": {
          "schema_version": {
            "type": "integer",
            "minimum": 1
          },
          "include_files": {
            "type": "boolean"
          },
          "counts": {
            "type": "object",
            "description": "Rows per record kind (`runs`, `jobs`, `assets`, `prompt_templates`, ...).",
            "additionalProperties": {
              "type": "integer",
              "minimum": 0
            }
          },
          "files": {
            "type": "integer",
            "minimum": 0,
            "description": "Project files in the bundle (under `files/`)."
          },
          "files_bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Their total size."
          },
          "skipped": {
            "type": "array",
            "description": "Project files left out, and why: `symlink`, `special_file`, or `changed_during_export` (swapped for a symlink or another file, or changed, between the walk and the packing; never packed).",
            "items": {
              "type": "object",
              "required": [
                "path",
                "reason"
              ],
              "additionalProperties": false,
              "properties": {
                "path": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Export": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "run_id",
          "status",
          "export_format",
          "storage_uri",
          "rel_path",
          "file_size_bytes",
          "checksum_sha256",
          "manifest_json",
          "export_asset_id",
          "error",
          "created_at",
          "completed_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "project_id": {
            "type": "string"
          },
          "run_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Always null: an export holds the whole project."
          },
          "status": {
            "$ref": "#/components/schemas/ExportStatus"
          },
          "export_format": {
            "type": "string",
            "enum": [
              "tar.gz"
            ]
          },
          "storage_uri": {
            "type": [
              "string",
              "null"
            ],
            "description": "`file://` URL of the bundle."
          },
          "rel_path": {
            "type": [
              "string",
              "null"
            ],
            "description": "The bundle's path as `output` takes it: relative to the project root, or `var/exports/...` relative to the app root."
          },
          "file_size_bytes": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0
          },
          "checksum_sha256": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[0-9a-f]{64}$"
          },
          "manifest_json": {
            "description": "The manifest's summary once the bundle is complete; null before.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/ExportManifestSummary"
              },
              {
                "type": "null"
              }
            ]
          },
          "export_asset_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The asset recording the bundle file (kind `export`), once complete."
          },
          "error": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why the export failed."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "completed_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "CreateExportRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "include_files": {
            "type": "boolean",
            "description": "Put the project's files in the bundle too (default false: records only)."
          },
          "output": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4096,
            "description": "Where to write the bundle: relative to the project root, or `var/exports/...` under the app root (only the project's own names there: `var/exports/<slug>_<name>.tar.gz` with no `_` in `<name>`, or under `var/exports/<slug>/`); ending in `/` names a directory."
          }
        }
      },
      "ExportCreatedResponse": {
        "type": "object",
        "required": [
          "ok",
          "export",
          "export_path",
          "export_sha256",
          "export_asset_id"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "export": {
            "$ref": "#/components/schemas/Export"
          },
          "export_path": {
            "type": "string",
            "description": "The bundle's absolute path."
          },
          "export_sha256": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          },
          "export_asset_id": {
            "type": "string"
          }
        }
      },
      "ExportListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "exports"
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
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "exports": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Export"
            }
          }
        }
      },
      "ExportResponse": {
        "type": "object",
        "required": [
          "ok",
          "export"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "export": {
            "$ref": "#/components/schemas/Export"
          }
        }
      },
      "S3SyncRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "dry_run": {
            "type": "boolean",
            "description": "Report what would be uploaded; upload and record nothing (default false)."
          }
        }
      },
      "S3SyncFile": {
        "type": "object",
        "description": "One file the sync uploaded, would upload, or failed to upload.",
        "required": [
          "path",
          "key",
          "size_bytes",
          "sha256",
          "status"
        ],
        "additionalProperties": false,
        "properties": {
          "path": {
            "type": "string",
            "description": "Relative to the project root, with `/`."
          },
          "key": {
            "type": "string",
            "description": "The object key."
          },
          "size_bytes": {
            "type": "integer",
            "minimum": 0
          },
          "sha256": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          },
          "status": {
            "type": "string",
            "enum": [
              "uploaded",
              "would_upload",
              "failed"
            ]
          },
          "reason": {
            "type": "string",
            "enum": [
              "new",
              "changed"
            ],
            "description": "Why it is (or would be) uploaded."
          },
          "multipart": {
            "type": "boolean",
            "description": "Uploaded in parts (files of at least the part size)."
          },
          "error": {
            "type": "string",
            "description": "Why the upload failed."
          }
        }
      },
      "S3SyncReport": {
        "type": "object",
        "required": [
          "dry_run",
          "bucket",
          "key_prefix",
          "endpoint_url",
          "scanned",
          "uploaded",
          "would_upload",
          "skipped",
          "failed",
          "bytes_uploaded",
          "bytes_would_upload",
          "files",
          "started_at",
          "finished_at"
        ],
        "additionalProperties": false,
        "properties": {
          "dry_run": {
            "type": "boolean"
          },
          "bucket": {
            "type": "string"
          },
          "key_prefix": {
            "type": "string",
            "description": "`<prefix>/<slug>/`: every key starts with it."
          },
          "endpoint_url": {
            "type": "string",
            "description": "Empty for AWS itself."
          },
          "scanned": {
            "type": "integer",
            "minimum": 0,
            "description": "Project files looked at."
          },
          "uploaded": {
            "type": "integer",
            "minimum": 0
          },
          "would_upload": {
            "type": "integer",
            "minimum": 0,
            "description": "Dry run: files that would be uploaded (0 otherwise)."
          },
          "skipped": {
            "type": "integer",
            "minimum": 0,
            "description": "Files unchanged since their last successful upload."
          },
          "failed": {
            "type": "integer",
            "minimum": 0
          },
          "bytes_uploaded": {
            "type": "integer",
            "minimum": 0
          },
          "bytes_would_upload": {
            "type": "integer",
            "minimum": 0
          },
          "files": {
            "type": "array",
            "description": "Every file uploaded, to upload or failed (skipped ones are only counted).",
            "items": {
              "$ref": "#/components/schemas/S3SyncFile"
            }
          },
          "started_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "finished_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "S3SyncResponse": {
        "type": "object",
        "required": [
          "ok",
          "sync"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "sync": {
            "$ref": "#/components/schemas/S3SyncReport"
          }
        }
      }
    }
  }
};
