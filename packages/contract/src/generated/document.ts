// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.

import type { OpenApiDocument } from "../document-types.js";

/** The bundled spec (openapi/ in one self-contained document) as YAML, served verbatim at GET /openapi.yaml. */
export const openapiYaml: string = "openapi: 3.1.0\ninfo:\n  title: Kroma backend API\n  version: 0.1.0\n  summary: Projects, project-scoped storage, runs and assets for prompt-driven\n    image workflows.\n  description: >\n    The contract of the Kroma backend. Every route the server mounts is defined\n    here first;\n\n    types, validators, the server's typed router and the SDK are generated or\n    derived from\n\n    this file, and a parity test fails the build when the server and this file\n    drift apart.\n\n\n    Every success body carries `\"ok\": true` beside named keys. Every failure is\n    the one\n\n    error envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\",\n    \"details\"? }`.\n\n\n    Rules every request meets, whatever its route:\n\n\n    - **Cross-site writes are refused.** A state-changing request (POST, PUT,\n    PATCH, DELETE) is\n      answered 403 (`error_kind` \"policy\", `error_code` \"forbidden\") when it carries\n      `Sec-Fetch-Site` with a value other than `same-origin` or `none` (so `cross-site`, and\n      `same-site`: another port of the same host is another site's page), or an `Origin` other\n      than the server's own: the scheme, host and port its `Host` header names, or for a server on\n      a loopback address any of `127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`. A request\n      without either header (curl, the SDK, the CLI) is not affected; a page the server itself\n      serves passes.\n    - **Bodies come with their declared media type.** A body is sent with a\n    media type its\n      operation declares under `requestBody.content` (today `application/json`, which also takes\n      `application/*+json`); otherwise 415 (`error_code` \"unsupported_media_type\"). A request\n      without a body may carry no `Content-Type` at all, but a state-changing request carrying\n      one of the types a browser may send cross-site without asking first (`text/plain`,\n      `application/x-www-form-urlencoded`, `multipart/form-data`) is refused with 415 even when it\n      has no body, unless its operation declares that type.\n    - **JSON nests at most 64 levels.** A JSON body whose objects and arrays\n    nest deeper than 64\n      levels (the outermost value is level 1) is refused with 400 (`error_code`\n      \"validation_error\", `details.max_depth` 64) before it is parsed; so is JSON read out of a\n      request, such as the object a bootstrap import takes from `ai_response_text`. A record's\n      free-form field (every request field named `*_json`: `config_json`, `metadata_json`,\n      `content_json`, `payload_json`) nests at most 32 levels (400, `details.field` names it,\n      `details.max_depth` 32), so a stored record always fits back into the bootstrap settings\n      and bundles around it.\n    - **Credentials come in a header or a cookie, never in the URL.** When a\n    token is required\n      (see the README), a request carries `Authorization: Bearer <token>` or the `kroma_session`\n      cookie of a browser session made from a token (`POST /auth/session`); the bearer header wins\n      when both are sent. A session that has expired or ended, or whose token was revoked or has\n      expired, is a 401; a cookie naming no session of this server counts as no cookie (browsers\n      send one host's cookies to all its ports). A token in the query string (`?token=`,\n      `?access_token=`) is ignored.\n    - **A loopback server answers only to its own names.** Any other `Host`\n    (compared without\n      regard to case) is refused with 403; a request the server cannot read at all (a malformed\n      `Host` on a server bound elsewhere, a backslash in the path) with 400, both in the envelope.\n  license:\n    name: GPL-3.0-only\n    identifier: GPL-3.0-only\nservers:\n  - url: http://127.0.0.1:8788\n    description: Local server (default bind address)\nsecurity:\n  - bearerAuth: []\n  - sessionCookie: []\ntags:\n  - name: system\n    description: Health and the API's own description.\n  - name: projects\n    description: Projects and their storage configuration.\n  - name: prompt-templates\n    description: Reusable prompt texts with `{placeholders}`.\n  - name: provider-accounts\n    description: Image and background-removal provider accounts, one per provider code.\n  - name: style-guides\n    description: Named style instructions.\n  - name: characters\n    description: Recurring characters and the prompt text that describes them.\n  - name: reference-sets\n    description: Ordered sets of references (images or text) used in prompts.\n  - name: asset-links\n    description: Typed relationships between a project's assets.\n  - name: chat\n    description: Chat sessions and their messages.\n  - name: agent\n    description: Agent instructions, their lifecycle and dispatch to an external agent.\n  - name: auth\n    description: API tokens, and the browser sessions signed in with them. See the\n      README for when a token is required.\n  - name: secrets\n    description: Per-project provider secrets, encrypted at rest, with key rotation.\n  - name: bootstrap\n    description: Export a project's settings as a prompt for an AI assistant, and\n      import its answer.\n  - name: runs\n    description: Pipeline runs and their configuration.\n  - name: assets\n    description: The files of a project's assets, and their thumbnails.\n  - name: exports\n    description: Project bundles (records and files) written to disk, their history,\n      and their import into a new project.\npaths:\n  /health:\n    get:\n      operationId: getHealth\n      security: []\n      tags:\n        - system\n      summary: Liveness check\n      responses:\n        \"200\":\n          description: The server is up.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/HealthResponse\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /openapi.yaml:\n    get:\n      operationId: getOpenApiYaml\n      security: []\n      tags:\n        - system\n      summary: This specification as YAML\n      responses:\n        \"200\":\n          description: The OpenAPI document, exactly as maintained in the repository.\n          content:\n            application/yaml:\n              schema:\n                type: string\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /openapi.json:\n    get:\n      operationId: getOpenApiJson\n      security: []\n      tags:\n        - system\n      summary: This specification as JSON\n      responses:\n        \"200\":\n          description: The OpenAPI document as JSON.\n          content:\n            application/json:\n              schema:\n                type: object\n                additionalProperties: true\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /docs:\n    get:\n      operationId: getApiReference\n      security: []\n      tags:\n        - system\n      summary: Human-readable API reference\n      description: An HTML page rendering this specification; works offline (assets\n        are served by the server).\n      responses:\n        \"200\":\n          description: The API reference page.\n          content:\n            text/html:\n              schema:\n                type: string\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /docs/assets/{asset}:\n    get:\n      operationId: getApiReferenceAsset\n      security: []\n      tags:\n        - system\n      summary: Static asset of the API reference page\n      parameters:\n        - name: asset\n          in: path\n          required: true\n          schema:\n            type: string\n            enum:\n              - swagger-ui.css\n              - swagger-ui-bundle.js\n      responses:\n        \"200\":\n          description: The asset.\n          content:\n            text/css:\n              schema:\n                type: string\n            text/javascript:\n              schema:\n                type: string\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /auth/token:\n    post:\n      operationId: createAuthToken\n      tags:\n        - auth\n      summary: Create an API token\n      description: >\n        Returns the token's secret value once; the server keeps only its hash.\n        Scope a token to one\n\n        project with `project_slug`. While auth is not yet required (a fresh\n        local install, bound to\n\n        loopback, `KROMA_API_AUTH=auto`), the first token can be created without\n        one.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateAuthTokenRequest\"\n      responses:\n        \"200\":\n          description: The new token, with its secret value (shown only here).\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthTokenCreatedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /auth/tokens:\n    get:\n      operationId: listAuthTokens\n      tags:\n        - auth\n      summary: List API tokens (never their secret values)\n      responses:\n        \"200\":\n          description: Every token, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthTokenListResponse\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /auth/tokens/{tokenId}:\n    parameters:\n      - name: tokenId\n        in: path\n        required: true\n        schema:\n          $ref: \"#/components/schemas/Id\"\n    delete:\n      operationId: revokeAuthToken\n      tags:\n        - auth\n      summary: Revoke an API token\n      description: Takes effect on the next request. Revoking an already revoked token\n        is a no-op.\n      responses:\n        \"200\":\n          description: The token is revoked.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthTokenRevokedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /auth/session:\n    post:\n      operationId: createAuthSession\n      security:\n        - bearerAuth: []\n        - {}\n      tags:\n        - auth\n      summary: Sign in, exchanging an API token for a browser session\n      description: >\n        A browser's `<img>` and `EventSource` cannot send an `Authorization`\n        header, so a web app\n\n        signs in once: it presents an API token, either as `Authorization:\n        Bearer <token>` or as\n\n        `{ \"token\": \"...\" }` in a JSON body (not both), and gets a session\n        cookie,\n\n        `kroma_session=<secret>; HttpOnly; SameSite=Strict; Path=/;\n        Max-Age=<ttl>` (with `Secure`\n\n        when the request came over https). From then on every route accepts the\n        cookie in place of\n\n        the bearer header, with the token's scope, until the session expires\n        (`KROMA_SESSION_TTL_MS`,\n\n        default 12 hours, never past the token's own expiry), is deleted, or its\n        token is revoked or\n\n        expires. The session's secret exists only in the cookie; the server\n        keeps its SHA-256 hash.\n\n        The body never carries the token or the secret.\n\n\n        A project-scoped token gives a session scoped to that project. A session\n        cookie is not a\n\n        credential for signing in again: present the token. Like every\n        state-changing request, a\n\n        sign-in from another site's page is refused (403), so no page elsewhere\n        can sign a browser\n\n        in. While no token exists yet (auth `auto` on loopback, fresh install)\n        there is nothing to\n\n        exchange and none is needed: 409 (`error_code` \"conflict\").\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateAuthSessionRequest\"\n      responses:\n        \"201\":\n          description: The session, with the `Set-Cookie` header that carries its secret.\n          headers:\n            Set-Cookie:\n              description: \"`kroma_session=<secret>; Max-Age=<ttl>; Path=/; HttpOnly;\n                SameSite=Strict` (and `Secure` over https).\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthSessionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    get:\n      operationId: getAuthSession\n      security:\n        - sessionCookie: []\n      tags:\n        - auth\n      summary: The current browser session (whether this browser is signed in)\n      description: >\n        The session the `kroma_session` cookie names. Without a valid one (no\n        cookie, an unknown,\n\n        expired or deleted session, or one whose token was revoked or has\n        expired) the answer is\n\n        401 (`error_code` \"unauthorized\"): sign in again. A bearer token alone\n        is not a session.\n      responses:\n        \"200\":\n          description: The session and the token behind it.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthSessionResponse\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteAuthSession\n      security:\n        - sessionCookie: []\n      tags:\n        - auth\n      summary: Sign out, ending the current browser session\n      description: >\n        Ends the session the `kroma_session` cookie names, at once, and clears\n        the cookie\n\n        (`Max-Age=0`). Without a valid session the answer is 401, and the cookie\n        is cleared all the\n\n        same. Revoking a token (`DELETE /auth/tokens/{tokenId}`) ends every\n        session made from it.\n      responses:\n        \"200\":\n          description: The session is ended and the cookie cleared.\n          headers:\n            Set-Cookie:\n              description: \"`kroma_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AuthSessionDeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects:\n    get:\n      operationId: listProjects\n      tags:\n        - projects\n      summary: List projects\n      parameters:\n        - name: username\n          in: query\n          required: false\n          description: Only projects owned by this user (normalised like a slug).\n          schema:\n            type: string\n            maxLength: 200\n      responses:\n        \"200\":\n          description: All projects, most recently updated first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectListResponse\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: upsertProject\n      tags:\n        - projects\n      summary: Create a project, or update the one with the same slug\n      description: >\n        The slug is normalised (trimmed, lower-cased, runs of characters other\n        than `a-z 0-9 - _`\n\n        collapsed to `_`, leading and trailing `_` removed). Without a slug it\n        is derived from\n\n        the name. When a project with that slug exists, its name (and\n        description, when given)\n\n        are updated; a slug owned by another user is a 409. Creating a project\n        is also a 409 when\n\n        its default root (`var/projects/<slug>`) would hold or lie inside the\n        root another project\n\n        already points at (project roots never overlap, see `PUT\n        /storage/local`).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpsertProjectRequest\"\n      responses:\n        \"200\":\n          description: The project, created or updated (the seed answered both with 200).\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectWithStorageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProject\n      tags:\n        - projects\n      summary: One project with its record counts and storage\n      responses:\n        \"200\":\n          description: The project.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectDetailResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/storage:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProjectStorage\n      tags:\n        - projects\n      summary: A project's storage configuration\n      responses:\n        \"200\":\n          description: The storage configuration, with the resolved absolute project root.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectStorageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/budget:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getProjectBudget\n      tags:\n        - projects\n      summary: The project's budget for paid runs, and what is committed against it\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectBudgetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: setProjectBudget\n      tags:\n        - projects\n      summary: Set or remove the project's budget\n      description: >\n        Every paid trigger then reserves its spend estimate against what\n        remains, in the same\n\n        transaction that queues the run, so two triggers never both pass on the\n        same remainder; a\n\n        run that does not fit is a 409 `budget_exceeded` saying by how much, and\n        nothing is queued\n\n        or sent. A lower budget than what is committed refuses new paid runs\n        until runs finish\n\n        cheaper or the budget rises. Audited.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/SetProjectBudgetRequest\"\n      responses:\n        \"200\":\n          description: The budget as set.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectBudgetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/storage/local:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectLocalStorage\n      tags:\n        - projects\n      summary: Set where a project's files live on this machine\n      description: >\n        Give `base_dir`, `project_root` or both. A blank `project_root` returns\n        it to its default\n\n        (`<base_dir>/<slug>`); a blank `base_dir` is refused. Relative paths\n        resolve against the\n\n        server's app root; no path may contain a `..` segment or a NUL byte, and\n        the filesystem\n\n        root is refused. An absolute path is honoured as the owner's explicit\n        choice, within the\n\n        rules below.\n\n\n        Only an unscoped token (or the tokenless local mode) may change local\n        storage: a\n\n        project-scoped token gets a 403 (`error_kind` `policy`) whatever it\n        sends, so it can never\n\n        point its project at files that are not the project's own. The project's\n        resulting root\n\n        (the new `project_root`, or `<base_dir>/<slug>` when there is none),\n        compared with symlinks\n\n        resolved as far as the path exists, may not hold or lie inside:\n\n        - another project's root (its stored root or its default\n        `<base_dir>/<slug>`): 409;\n\n        - the server's private directory (the database and `master.key` beside\n        it; when that\n          directory also holds the app root, only the database files and `master.key`\n          themselves), or the app's shared `var/exports/`: 400.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateLocalStorageRequest\"\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectStorageUpdateResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/storage/s3:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    put:\n      operationId: updateProjectS3Storage\n      tags:\n        - projects\n      summary: Configure optional S3 sync for a project\n      description: >\n        Any subset of the S3 fields; fields not given keep their value, blank or\n        null clears one\n\n        (a cleared prefix returns to the default). Objects live under\n        `<prefix>/<slug>/`. A\n\n        project-scoped token may change these settings, endpoint URL included: a\n        sync to an\n\n        endpoint URL that is not AWS nor listed in `KROMA_S3_TRUSTED_ENDPOINTS`\n        uses only the\n\n        project's own `aws/*` secrets (see `POST /storage/s3/sync`).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateS3StorageRequest\"\n      responses:\n        \"200\":\n          description: The updated storage configuration.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProjectStorageUpdateResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/secrets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listProjectSecrets\n      tags:\n        - secrets\n      summary: List the project's secrets (metadata and a masked hint, never values)\n      responses:\n        \"200\":\n          description: The secrets, by provider code then name.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/SecretListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: upsertProjectSecret\n      tags:\n        - secrets\n      summary: Store a secret (encrypted at rest), or replace the one with that\n        provider code and name\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpsertSecretRequest\"\n      responses:\n        \"200\":\n          description: The secret's metadata.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/SecretResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/secrets/rotation-status:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getSecretRotationStatus\n      tags:\n        - secrets\n      summary: How many of the project's secret values sit under which encryption key\n      responses:\n        \"200\":\n          description: Counts per key.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/SecretRotationStatusResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/secrets/rotate:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: rotateProjectSecrets\n      tags:\n        - secrets\n      summary: Re-encrypt every secret value of the project under a new key, in one\n        transaction\n      responses:\n        \"200\":\n          description: What was rotated.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/SecretRotationResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/secrets/{providerCode}/{secretName}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ProviderCode\"\n      - name: secretName\n        in: path\n        required: true\n        schema:\n          type: string\n          minLength: 1\n          maxLength: 128\n    delete:\n      operationId: deleteProjectSecret\n      tags:\n        - secrets\n      summary: Delete a secret\n      responses:\n        \"200\":\n          description: The secret is gone.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/SecretDeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/bootstrap-prompt:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getBootstrapPrompt\n      tags:\n        - bootstrap\n      summary: Export the project's settings with a ready-to-paste prompt for an AI\n        assistant\n      description: Secret names only, never values.\n      responses:\n        \"200\":\n          description: The export.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BootstrapPromptResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/bootstrap-import:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: importBootstrapSettings\n      tags:\n        - bootstrap\n      summary: Import settings in the bootstrap shape (merge or replace), all or nothing\n      description: >\n        Takes `settings` (the structured shape) or `ai_response_text` (an\n        assistant's raw reply, from\n\n        which the JSON object is extracted, fenced or not), never neither.\n        Everything is validated\n\n        before anything is written; the import applies in one transaction.\n        `dry_run` reports the same\n\n        change summary and writes nothing. The project is looked up (404) before\n        `ai_response_text` is\n\n        read; the extraction takes time linear in its length, and the object it\n        finds may nest at most\n\n        64 levels deep, its `*_json` fields 32 (400 otherwise), as in a request\n        body.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/BootstrapImportRequest\"\n      responses:\n        \"200\":\n          description: The per-section change summary.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/BootstrapImportResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listRuns\n      tags:\n        - runs\n      summary: List the project's runs, newest first\n      description: >\n        Runs the server queued (`POST /runs/trigger`) and runs ingested from run\n        logs (the CLI ingests\n\n        after each `kroma lab dry|run`). `count` is the number of rows returned,\n        `total` the number\n\n        matching the filters.\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only runs in this status.\n          schema:\n            $ref: \"#/components/schemas/RunRecordStatus\"\n        - name: mode\n          in: query\n          required: false\n          description: Only dry or paid runs.\n          schema:\n            $ref: \"#/components/schemas/RunMode\"\n        - name: trashed\n          in: query\n          required: false\n          description: \"`exclude` (the default) leaves out what is in the trash, `include`\n            lists it too, `only` lists only it.\"\n          schema:\n            type: string\n            enum:\n              - exclude\n              - include\n              - only\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The runs, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/trigger:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: triggerRun\n      tags:\n        - runs\n      summary: Queue a dry or paid run that the server executes\n      description: >\n        Validates the request as `kroma lab dry|run` would (messages name the\n        field), records the run\n\n        as `queued` and answers at once with its id; the server then runs it\n        in-process, one run at a\n\n        time, and its status moves `queued -> running -> succeeded | partial |\n        failed | canceled`.\n\n        Follow it with `GET /runs/{runId}/events` (server-sent events) or by\n        polling `GET /runs/{runId}`.\n\n        The project root always comes from the project's stored storage: a\n        `project_root` in the body\n\n        is refused. A paid run (`mode: run`) needs `confirm_spend: true` and an\n        OpenAI key (the\n\n        project's `openai/api_key` secret, else the server's `OPENAI_API_KEY`).\n\n\n        `input` and every ref must be inside the project root, with no symlink\n        leading out (400). The\n\n        same rules hold again when the run executes: its files are listed then\n        and each is opened\n\n        without following a symlink when its bytes are read, so a symlink added\n        while the run waited\n\n        in the queue fails the run (`failed`, its `error` names the file) and\n        nothing is sent to the\n\n        images API. Each image request times out after `OPENAI_TIMEOUT_MS`\n        (default 180000 ms) and\n\n        counts as a transient failure (retried). A server that is shutting down\n        answers 503.\n\n\n        A paid run in a project with a budget (`PUT /budget`) reserves its\n        `spend_estimate` against\n\n        what remains, in the transaction that queues it; one that does not fit,\n        or cannot be priced,\n\n        is a 409 `budget_exceeded` saying by how much, and nothing is queued or\n        sent.\n\n\n        A client that wants the finished run asks to wait: `wait: true` in the\n        body, or the header\n\n        `Prefer: wait=<seconds>` (RFC 7240). The server then answers when the\n        run has finished, or\n\n        after at most `KROMA_TRIGGER_WAIT_MAX_S` seconds (default 300; `Prefer`\n        may ask for less,\n\n        never more), and says so with `Preference-Applied: wait=<seconds waited\n        for at most>`. A run\n\n        that finished in time is answered 200 with the finished run,\n        `status_code` (0 when it\n\n        succeeded) and `stdout` (`Run log: <path>` and `Jobs: <n>`); one still\n        queued or running\n\n        is answered 202 with the run as it is then (follow it as above). Without\n        either, the answer\n\n        is the queued run at once (200).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/TriggerRunRequest\"\n      parameters:\n        - $ref: \"#/components/parameters/PreferWait\"\n      responses:\n        \"200\":\n          description: The run is queued (200, as the seed's trigger answered; the run\n            itself goes on after the answer), or, when the client waited, it has\n            finished.\n          headers:\n            Preference-Applied:\n              description: \"`wait=<seconds>`: the client's wait was honoured, for at most that\n                long.\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TriggerRunResponse\"\n        \"202\":\n          description: \"The client waited, and the run had not finished when the wait ran\n            out: the run as it is now.\"\n          headers:\n            Preference-Applied:\n              description: \"`wait=<seconds>`: the client's wait was honoured, for at most that\n                long.\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TriggerRunResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n        \"503\":\n          $ref: \"#/components/responses/ServiceUnavailable\"\n  /api/projects/{slug}/runs/ingest:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: ingestRun\n      tags:\n        - runs\n      summary: Record a run executed elsewhere (`kroma lab run`) from its run log and\n        the files it names\n      description: >\n        A `multipart/form-data` body: one `run_log` part (the JSON log `kroma\n        lab dry|run|resume`\n\n        wrote to `runs/<run_id>.json`) and any number of `files` parts, each\n        with the path the log\n\n        gives that file (relative to the project root, `/`-separated) as its\n        file name. The log must\n\n        match `RunLog` and name this project (400 otherwise); a run id of\n        another project is a 409.\n\n\n        Every file the log names must end up under the project root with the\n        sha256 the log records\n\n        for it. A file already there with that hash (a server sharing the\n        client's disk) is checked,\n\n        not sent; an uploaded one is checked against the log's hash (400\n        `checksum_mismatch`\n\n        otherwise) and placed at its path, never over a file with other bytes\n        (409\n\n        `asset_file_conflict`). A path that is absolute, holds `..`, leads out\n        through a symlink, or\n\n        that the log does not name is a 400. While some files are neither on\n        disk nor uploaded, the\n\n        answer is 409 `run_files_missing` with `details.missing` (`path`,\n        `sha256` of each) and\n\n        nothing is recorded; the files placed so far stay, so a client sends the\n        rest in further\n\n        requests (each body up to `KROMA_UPLOAD_MAX_BYTES`) until the run is\n        recorded.\n\n\n        The log is then kept as `runs/<run_id>.json` and ingested as `kroma lab\n        ingest` does: one\n\n        transaction, idempotent by run id (the same log again changes nothing:\n        `changed: false`), a\n\n        newer log of the same run (a resumed run) updating its records.\n      requestBody:\n        required: true\n        content:\n          multipart/form-data:\n            schema:\n              $ref: \"#/components/schemas/IngestRunForm\"\n      responses:\n        \"200\":\n          description: The run is recorded.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/IngestRunResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: getRun\n      tags:\n        - runs\n      summary: One run with its jobs and their candidates\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunDetailResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteRun\n      tags:\n        - runs\n      summary: Put a whole run in the trash\n      description: >\n        Moves every file of the run (its assets and its run log) into the\n        project's trash as one\n\n        entry and marks the run and its asset records deleted: lists leave them\n        out, `GET` still\n\n        shows them with `deleted_at`, and `POST /trash/{trashId}/restore` brings\n        them back until the\n\n        entry expires. A run still queued or running is a 409 (cancel it first).\n        A run holding an\n\n        approved final or a scene's baseline is a 409 naming them unless\n        `force=true`. A file another\n\n        live record still names stays in place. Audited.\n      parameters:\n        - $ref: \"#/components/parameters/Force\"\n      responses:\n        \"200\":\n          description: The trash entry holding the run.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TrashResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/jobs:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: listRunJobs\n      tags:\n        - runs\n      summary: A run's jobs, each with its candidates, in plan order\n      parameters:\n        - name: review\n          in: query\n          required: false\n          description: Only jobs in this review state.\n          schema:\n            $ref: \"#/components/schemas/ReviewState\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunJobListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/cancel:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: cancelRun\n      tags:\n        - runs\n      summary: Cancel a queued or running run\n      description: >\n        A queued run becomes `canceled` at once. A running one becomes\n        `canceling` and stops before\n\n        its next image request (a request in flight is allowed to finish, so no\n        paid image is thrown\n\n        away); its log and records then say `canceled`. A finished run is a 409.\n      responses:\n        \"200\":\n          description: The run after the request.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/resume:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: resumeRun\n      tags:\n        - runs\n      summary: Continue an interrupted, canceled, partial or failed run\n      description: >\n        A run that was queued or running when the server stopped is\n        `interrupted` (never re-run by\n\n        itself). Resuming queues it again under the same id; jobs whose outputs\n        exist with the hash\n\n        recorded when they finished are kept, the rest run. A paid run that\n        ended `canceled`,\n\n        `partial` or `failed` keeps its journal, so it too can be resumed: its\n        finished jobs are\n\n        kept (their files untouched), its canceled and failed jobs run again. A\n        finished paid run\n\n        without a journal (it ended before journals were kept, or failed before\n        its first request)\n\n        is a 409 that says to rerun it (`POST /runs/{runId}/rerun`). A paid run\n        needs the same\n\n        OpenAI key as a new one. Any other status (queued, running, canceling,\n        succeeded) is a 409,\n\n        and so is a run in the trash (restore it first: continuing it would buy\n        its kept jobs again).\n\n\n        Each run a server queues or executes carries a lease (owner process and\n        a heartbeat in the\n\n        database, `KROMA_LEASE_TTL_MS`, default 30000). While another live\n        server process holds the\n\n        run's lease, resume is a 409: that process may still execute it, and a\n        second execution would\n\n        buy its images twice. A server marks a run `interrupted` only when it is\n        its own, or when no\n\n        live process owns it (at start and every lease TTL after, so a crashed\n        server's runs on a\n\n        shared database become `interrupted` and resumable). The stored request\n        is checked again\n\n        with the trigger's rules (refs and `input` inside the project root, no\n        symlink leading out;\n\n        for a paid run with a journal, the journal's scenes): a request that\n        fails them, e.g. one an\n\n        import brought, is a 400 and the run stays `interrupted`. A server that\n        is shutting down\n\n        answers 503.\n      responses:\n        \"200\":\n          description: The run is queued again.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n        \"503\":\n          $ref: \"#/components/responses/ServiceUnavailable\"\n  /api/projects/{slug}/runs/{runId}/rerun:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: rerunRun\n      tags:\n        - runs\n      summary: Run some or all of a run's jobs again, as a new run\n      description: >\n        Makes a new queued run from the original's recorded request and\n        settings: the scenes of the\n\n        chosen jobs (`jobs: all | failed`, or `job_ids`: job record ids or job\n        keys), with the same\n\n        stage, time, weather, style refs, candidates, output guard and model,\n        size and quality as\n\n        recorded, and the project's post-processing. The new run's\n        `retried_from` names the\n\n        original. It passes the trigger's checks (files, key, `max_spend_usd`,\n        the project's budget\n\n        reservation; a paid original needs `confirm_spend: true`) and is\n        answered like a trigger,\n\n        `wait` and `Prefer: wait` included. Unknown `job_ids` are a 400 listing\n        them; `failed` with\n\n        no failed job is a 400 that says so; an original the server did not\n        queue (no recorded\n\n        request) is a 409. Audited (`run.rerun`).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/RerunRunRequest\"\n      parameters:\n        - $ref: \"#/components/parameters/PreferWait\"\n      responses:\n        \"200\":\n          description: The new run is queued, or, when the client waited, it has finished.\n          headers:\n            Preference-Applied:\n              description: \"`wait=<seconds>`: the client's wait was honoured, for at most that\n                long.\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TriggerRunResponse\"\n        \"202\":\n          description: The client waited, and the new run had not finished when the wait\n            ran out.\n          headers:\n            Preference-Applied:\n              description: \"`wait=<seconds>`: the client's wait was honoured, for at most that\n                long.\"\n              schema:\n                type: string\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TriggerRunResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n        \"503\":\n          $ref: \"#/components/responses/ServiceUnavailable\"\n  /api/projects/{slug}/runs/{runId}/events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: streamRunEvents\n      tags:\n        - runs\n      summary: A run's progress as server-sent events\n      description: >\n        `text/event-stream`. Each message's `event:` is the `type` of its\n        `data:`, a JSON `RunEvent`:\n\n        first a `status` event with the run's current status, then `status`\n        events on every change\n\n        and `progress` events as requests go out and jobs finish, and finally\n        one `done` event with\n\n        the terminal status and summary, after which the server ends the stream.\n        A finished run\n\n        answers with its `done` event at once. Messages carry increasing `id:`s;\n        a client that\n\n        reconnects with `Last-Event-ID` gets only what it missed while the run\n        is live.\n\n\n        Limits: at most `KROMA_SSE_MAX_PER_RUN` (default 16) open streams per\n        run, beyond that a 429,\n\n        and `KROMA_SSE_MAX_TOTAL` (default 256) in all, beyond that a 503. A `:\n        keep-alive` comment\n\n        comes every `KROMA_SSE_KEEPALIVE_MS` (default 15000). A stream with no\n        event for\n\n        `KROMA_SSE_IDLE_MS` (default 600000) ends with a comment saying so and\n        without a `done`\n\n        event; the client may reconnect with `Last-Event-ID`. A run no live\n        server process owns (a\n\n        crashed server's, an imported `queued` one) gets a `done` event with its\n        stored status,\n\n        and so does a run another server finished (checked on each keep-alive).\n      responses:\n        \"200\":\n          description: The event stream.\n          content:\n            text/event-stream:\n              schema:\n                type: string\n                description: Server-sent events whose `data:` lines are `RunEvent` JSON.\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"429\":\n          $ref: \"#/components/responses/TooManyRequests\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n        \"503\":\n          $ref: \"#/components/responses/ServiceUnavailable\"\n  /api/projects/{slug}/runs/{runId}/jobs/{jobId}/select:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n      - $ref: \"#/components/parameters/JobId\"\n    post:\n      operationId: selectJobCandidate\n      tags:\n        - runs\n      summary: Make another of the job's candidates its final\n      description: >\n        The candidate's own image (and, when the run post-processed, its chain's\n        last file) becomes\n\n        the job's final; the previous final stays in the records as a candidate.\n        The review goes back\n\n        to `pending` (a decision is about bytes). A candidate that was not\n        generated, or whose\n\n        post-processing did not finish, is a 409 naming why; a step that would\n        call a paid service\n\n        needs `confirm_spend: true`.\n\n        Audited (who: the token's label; when; why: `note`; what it replaced).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/SelectCandidateRequest\"\n      responses:\n        \"200\":\n          description: The job after the decision, and the history entry it made.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReviewResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n      - $ref: \"#/components/parameters/JobId\"\n    post:\n      operationId: approveJob\n      tags:\n        - runs\n      summary: Approve the job's final\n      description: >\n        Approves the job's current final (keyed by its sha256). With `baseline:\n        true` it also\n\n        becomes the project's baseline for the job's scene; an existing baseline\n        of another asset is\n\n        a 409 unless `replace_baseline: true`. A job with no final is a 409.\n\n        Audited (who: the token's label; when; why: `note`; what it replaced).\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/ApproveRequest\"\n      responses:\n        \"200\":\n          description: The job after the decision, and the history entry it made.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReviewResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n      - $ref: \"#/components/parameters/JobId\"\n    post:\n      operationId: rejectJob\n      tags:\n        - runs\n      summary: Reject the job's final\n      description: |\n        Rejects the job's current final, with a note saying why.\n        Audited (who: the token's label; when; why: `note`; what it replaced).\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/ReviewDecisionRequest\"\n      responses:\n        \"200\":\n          description: The job after the decision, and the history entry it made.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReviewResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/jobs/{jobId}/undo:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n      - $ref: \"#/components/parameters/JobId\"\n    post:\n      operationId: undoJobReview\n      tags:\n        - runs\n      summary: Undo the job's last decision\n      description: >\n        Back to `pending`: an approval or rejection is withdrawn (a baseline it\n        set is removed,\n\n        restoring the one it replaced), and an undone select brings the previous\n        final back. The undo\n\n        is itself an entry of the history. A job with no decision is a 409.\n\n        Audited (who: the token's label; when; why: `note`; what it replaced).\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/ReviewDecisionRequest\"\n      responses:\n        \"200\":\n          description: The job after the decision, and the history entry it made.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReviewResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/jobs/{jobId}/review-history:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n      - $ref: \"#/components/parameters/JobId\"\n    get:\n      operationId: getJobReviewHistory\n      tags:\n        - runs\n      summary: Every decision on a job, oldest first\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReviewHistoryResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/deliveries:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: createDelivery\n      tags:\n        - runs\n      summary: Pack the approved finals into a zip with a manifest\n      description: >\n        Streams a zip holding each approved final (its last post-processed file\n        when the run\n\n        post-processed it, else its image) under\n        `files/<run_id>/<job_key>.<ext>`, and\n\n        `manifest.json`: per file its path in the zip, sha256, bytes, scene,\n        run, job, candidate,\n\n        prompt, every review decision and the provenance chain (the\n        `derived_from` links from the\n\n        delivered file back to the candidate's image, then the scene). Each file\n        is checked against\n\n        its record's sha256 before it is packed and hashed again as it is sent;\n        a changed or missing\n\n        file is a 409 before the first byte, never a wrong file in the zip.\n        Rejected and pending jobs\n\n        are left out. Nothing approved is a 409. Audited.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/DeliveryRequest\"\n      responses:\n        \"200\":\n          description: \"The zip (`Content-Disposition: attachment`).\"\n          content:\n            application/zip:\n              schema:\n                type: string\n                format: binary\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/prune:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    post:\n      operationId: pruneRun\n      tags:\n        - assets\n      summary: Put a run's unchosen or rejected candidates in the trash\n      description: >\n        Moves the files of the run's candidates that are not their job's final\n        (`which: unchosen`,\n\n        the default), or every file of the jobs a review rejected (`which:\n        rejected`), into the\n\n        project's trash as one entry, and marks their records deleted. Finals,\n        approved jobs and\n\n        baselines are never pruned. A file another live record still names stays\n        in place. Nothing\n\n        to prune answers `trash: null`. A run still queued or running is a 409.\n        Audited.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/PruneRunRequest\"\n      responses:\n        \"200\":\n          description: The trash entry made, or null when there was nothing to prune.\n          content:\n            application/json:\n              schema:\n                type: object\n                required:\n                  - ok\n                  - trash\n                additionalProperties: false\n                properties:\n                  ok:\n                    type: boolean\n                    const: true\n                  trash:\n                    oneOf:\n                      - $ref: \"#/components/schemas/TrashEntry\"\n                      - type: \"null\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/disk-usage:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: getRunDiskUsage\n      tags:\n        - assets\n      summary: Bytes a run's files take, in place and in the trash\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RunDiskUsageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/disk-usage:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: getDiskUsage\n      tags:\n        - assets\n      summary: Bytes the project's files take, by directory and by run\n      description: >\n        Walks the project root (symlinks are not followed) and sums every file\n        by top-level\n\n        directory, with the trash and the thumbnail cache apart, and by run\n        (each run's asset files\n\n        and run log).\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DiskUsageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/trash:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listTrash\n      tags:\n        - assets\n      summary: The project's trash, newest first\n      description: >\n        Entries stay restorable until `expires_at` (`KROMA_TRASH_RETENTION_DAYS`\n        after deletion,\n\n        default 30); the server purges expired entries when it starts and every\n        hour, and\n\n        `POST /trash/purge` does it at once. Lists `trashed` entries unless\n        `status` says otherwise.\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only entries in this status (default `trashed`).\n          schema:\n            $ref: \"#/components/schemas/TrashEntryStatus\"\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The entries, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TrashListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/trash/{trashId}/restore:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/TrashId\"\n    post:\n      operationId: restoreTrash\n      tags:\n        - assets\n      summary: Put a trash entry's files back and undelete its records\n      description: >\n        Every file goes back to where it was and its records (and a deleted run)\n        are live again. A\n\n        place now taken by a file with other bytes is a 409 naming it, and\n        nothing moves; an entry\n\n        already restored or purged is a 409. Audited.\n      responses:\n        \"200\":\n          description: The entry, now `restored`.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TrashResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/trash/purge:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: purgeTrash\n      tags:\n        - assets\n      summary: Remove trashed files for good\n      description: >\n        Deletes the files of the entries chosen (by default those past\n        `expires_at`). Their records\n\n        stay, marked deleted, so run logs, reviews and audit events still name\n        what existed; their\n\n        file route then answers 404. Audited.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/PurgeTrashRequest\"\n      responses:\n        \"200\":\n          description: What was purged.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/PurgeTrashResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/gc:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: collectGarbage\n      tags:\n        - assets\n      summary: Find orphan files and records with no file; with dry_run false, trash\n        them\n      description: >\n        Looks at every file under the directories runs and uploads write\n        (`outputs`,\n\n        `background_removed`, `upscaled`, `color_corrected`, `archive`,\n        `uploads`) and at every live\n\n        asset record. Reports files no record names and records whose file is\n        gone. Only with\n\n        `dry_run: false` does it act, and then reversibly: the orphan files go\n        to the trash and the\n\n        records with no file are marked deleted, as one `gc` entry. Directories\n        of runs still queued\n\n        or running are left alone. Audited when it acts.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/GarbageRequest\"\n      responses:\n        \"200\":\n          description: What was found, and the trash entry when it acted.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/GarbageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/{runId}/contact-sheet:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/RunId\"\n    get:\n      operationId: getRunContactSheet\n      tags:\n        - runs\n      summary: A PNG of every candidate of a paid run, one row per job\n      description: >\n        One row per job in plan order, one tile per candidate (columns: the most\n        candidates any job of\n\n        the run has). A tile is 256 x 296 pixels: a 256 x 256 image area, the\n        candidate's own image\n\n        fitted inside its inner 240 x 240, above a 40-pixel label strip naming\n        the scene (the job key),\n\n        the candidate (`c2`) and the output guard's grade (`pass`, `warn`,\n        `fail`, or `-` when no\n\n        guard report exists). The job's chosen candidate\n        (`selected_candidate_index`) has an 8-pixel\n\n        orange (#FF7A00) border round the whole tile and `chosen` in its label.\n        The sheet is exactly\n\n        `columns x 256` wide and `rows x 296` high; a job with fewer candidates\n        leaves its last\n\n        tiles white.\n\n\n        Each image is the candidate's asset of kind `candidate` (else `final`),\n        read inside the project\n\n        root and verified against the record's `sha256` as `GET\n        /assets/{assetId}/file` does. A tile\n\n        whose file cannot be shown is grey and says why instead of the picture:\n        `failed` (the\n\n        candidate has no image), `file changed` (the bytes no longer match the\n        record), `file missing`,\n\n        `unverifiable` (no sha256), `outside root`, `not an image`, `too large`.\n        Labels are drawn with\n\n        the DejaVu Sans font the server ships, so they render without system\n        fonts.\n\n\n        At most 64 jobs (6 candidates each at most) go on one sheet: `offset`\n        and `limit` page through\n\n        a longer run (`GET /runs/{runId}/jobs` gives the count). A dry run, or a\n        run with no jobs yet,\n\n        has nothing to show (409). At most 2 sheets are drawn at once per\n        server; beyond that a 503.\n      parameters:\n        - name: offset\n          in: query\n          required: false\n          description: Jobs to skip, in plan order (default 0); past the last job is a 400.\n          schema:\n            type: integer\n            minimum: 0\n        - name: limit\n          in: query\n          required: false\n          description: Most jobs (rows) on the sheet (default and maximum 64).\n          schema:\n            type: integer\n            minimum: 1\n            maximum: 64\n      responses:\n        \"200\":\n          description: The contact sheet.\n          headers:\n            Content-Length:\n              description: Bytes in the body.\n              schema:\n                type: integer\n            X-Kroma-Jobs-Total:\n              description: How many jobs the run has (the sheet shows `offset` up to `offset +\n                limit` of them).\n              schema:\n                type: integer\n          content:\n            image/png:\n              schema:\n                type: string\n                format: binary\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n        \"503\":\n          $ref: \"#/components/responses/ServiceUnavailable\"\n  /api/projects/{slug}/assets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAssets\n      tags:\n        - runs\n      summary: List the project's assets, newest first\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only assets of this run.\n          schema:\n            $ref: \"#/components/schemas/Id\"\n        - name: job_id\n          in: query\n          required: false\n          description: Only assets of this job (the job record's `id`).\n          schema:\n            $ref: \"#/components/schemas/Id\"\n        - name: asset_kind\n          in: query\n          required: false\n          description: Only assets of this kind (`candidate`, `final`, ...).\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 100\n        - name: trashed\n          in: query\n          required: false\n          description: \"`exclude` (the default) leaves out what is in the trash, `include`\n            lists it too, `only` lists only it.\"\n          schema:\n            type: string\n            enum:\n              - exclude\n              - include\n              - only\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The assets, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: uploadAsset\n      tags:\n        - runs\n      summary: Upload an image (a scene or a reference) as an asset\n      description: >\n        The image is the raw body (`Content-Type: image/png`, `image/jpeg` or\n        `image/webp`) or the\n\n        one `file` part of a `multipart/form-data` body (with an optional `name`\n        field). The body may\n\n        be up to `KROMA_UPLOAD_MAX_BYTES` (default 50 MiB; 413\n        `payload_too_large` beyond, checked\n\n        while it streams in) and the image up to `KROMA_UPLOAD_MAX_PIXELS`\n        (default 100 megapixels;\n\n        422 `image_too_large` beyond, checked at its header before decoding, as\n        thumbnails do). The bytes decide the\n\n        format: what is not a PNG, JPEG or WebP image, or is one but not the\n        declared type, is 415\n\n        `unsupported_media_type`; an image that does not decode whole\n        (truncated, corrupt) is 400\n\n        `invalid_image`. Nothing is kept on disk when the upload fails.\n\n\n        The file is stored by its content, as `uploads/<kind>/<sha256>.<ext>`\n        under the project\n\n        root, so two uploads with one name never overwrite each other; its name\n        is kept as\n\n        `original_name`. The same bytes uploaded again as the same kind answer\n        the asset already\n\n        stored (200, `deduplicated: true`) instead of a new one (201).\n      parameters:\n        - name: kind\n          in: query\n          required: true\n          description: What the image is for; its `asset_kind`.\n          schema:\n            $ref: \"#/components/schemas/UploadAssetKind\"\n        - name: name\n          in: query\n          required: false\n          description: The file's original name, for a raw body (a multipart body gives\n            its own).\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 255\n      requestBody:\n        required: true\n        content:\n          image/png:\n            schema:\n              type: string\n              format: binary\n          image/jpeg:\n            schema:\n              type: string\n              format: binary\n          image/webp:\n            schema:\n              type: string\n              format: binary\n          multipart/form-data:\n            schema:\n              $ref: \"#/components/schemas/UploadAssetForm\"\n      responses:\n        \"200\":\n          description: These bytes were uploaded before as this kind; the stored asset.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/UploadAssetResponse\"\n        \"201\":\n          description: The new asset.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/UploadAssetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"422\":\n          $ref: \"#/components/responses/ImageTooLarge\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/assets/moves:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: recordAssetMoves\n      tags:\n        - runs\n      summary: Point asset records at files moved inside the project (`kroma lab\n        archive-bad`)\n      description: >\n        For each move, the records naming `from` are pointed at `to` (`rel_path`\n        and `storage_uri`),\n\n        all in one transaction with one audit event. A move is recorded only\n        when the server sees it\n\n        happened: no file is left at `from`, and the file at `to` has the sha256\n        the records hold;\n\n        otherwise it is listed in `refused` with the reason (a client whose\n        files are not the\n\n        server's, or a move that did not happen). Both paths are relative to the\n        project root and\n\n        may not be absolute or hold `..` (400).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/RecordAssetMovesRequest\"\n      responses:\n        \"200\":\n          description: The records moved, and the moves refused.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/RecordAssetMovesResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/assets/{assetId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/AssetId\"\n    get:\n      operationId: getAsset\n      tags:\n        - runs\n      summary: One asset\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteAsset\n      tags:\n        - runs\n      summary: Put an asset in the trash\n      description: >\n        Moves the asset's file into the project's trash and marks the record\n        deleted: lists leave it\n\n        out, `GET` still shows it with `deleted_at` and `trash_id`, its file\n        route serves it from the\n\n        trash, and `POST /trash/{trashId}/restore` brings it back until the\n        entry expires. An\n\n        approved final (or one of its post-processed files), a scene's baseline\n        or an upload a\n\n        reference set uses is a 409 naming why unless `force=true`; one already\n        deleted is a 409. A\n\n        file another live record still names stays in place. Audited.\n      parameters:\n        - $ref: \"#/components/parameters/Force\"\n      responses:\n        \"200\":\n          description: The trash entry holding the asset.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/TrashResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/assets/{assetId}/file:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/AssetId\"\n    get:\n      operationId: getAssetFile\n      tags:\n        - assets\n      summary: The asset's file, verified against its sha256\n      description: >\n        Streams the file the asset record names (`rel_path`, under the project\n        root) with the\n\n        record's `mime_type` (`application/octet-stream` when it has none). The\n        bytes are checked\n\n        against the record's `sha256` before the first one is sent, so a changed\n        file is refused\n\n        (409 `asset_file_changed`) rather than served; the check is remembered\n        while the file's\n\n        device, inode, size and modification time stay the same. A record\n        without a `sha256` is\n\n        refused (409 `asset_unverifiable`). The file is opened without following\n        a symlink and must\n\n        lie inside the project root.\n\n\n        `ETag` is the strong validator `\"<sha256>\"`; `If-None-Match` (a list, or\n        `*`) that matches it\n\n        is answered 304. `Range` takes one byte range (`bytes=a-b`, `a-`, `-n`)\n        and is answered 206\n\n        with `Content-Range`; a range past the end is answered 416 with\n        `Content-Range: bytes */<size>`;\n\n        several ranges are answered with the whole file (200). With `If-Range`,\n        the range is honoured\n\n        only when it names the current ETag. `HEAD` is answered like `GET` (the\n        same status and\n\n        headers) without a body.\n      parameters:\n        - name: Range\n          in: header\n          required: false\n          description: One byte range, such as `bytes=0-1023`, `bytes=1024-` or\n            `bytes=-512`.\n          schema:\n            type: string\n        - name: If-Range\n          in: header\n          required: false\n          description: Honour `Range` only when this is the current ETag; otherwise send\n            the whole file.\n          schema:\n            type: string\n        - name: If-None-Match\n          in: header\n          required: false\n          description: ETags the client holds (or `*`); a match is answered 304 without a\n            body.\n          schema:\n            type: string\n      responses:\n        \"200\":\n          description: The whole file.\n          headers:\n            ETag:\n              description: 'Strong validator: `\"<sha256>\"` of the file (thumbnails:\n                `\"<sha256>-<size>\"`).'\n              schema:\n                type: string\n            Cache-Control:\n              description: \"`private, max-age=31536000, immutable`: the bytes of an ETag never\n                change.\"\n              schema:\n                type: string\n            Accept-Ranges:\n              description: \"`bytes`.\"\n              schema:\n                type: string\n            Content-Length:\n              description: Bytes in the body.\n              schema:\n                type: integer\n          content:\n            \"*/*\":\n              schema:\n                type: string\n                format: binary\n        \"206\":\n          description: The requested byte range.\n          headers:\n            Content-Range:\n              description: \"`bytes <first>-<last>/<size>`.\"\n              schema:\n                type: string\n            ETag:\n              description: 'Strong validator: `\"<sha256>\"` of the file (thumbnails:\n                `\"<sha256>-<size>\"`).'\n              schema:\n                type: string\n            Content-Length:\n              description: Bytes in the body.\n              schema:\n                type: integer\n          content:\n            \"*/*\":\n              schema:\n                type: string\n                format: binary\n        \"304\":\n          $ref: \"#/components/responses/NotModified\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/AssetFileMissing\"\n        \"409\":\n          $ref: \"#/components/responses/AssetFileConflict\"\n        \"416\":\n          $ref: \"#/components/responses/RangeNotSatisfiable\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/assets/{assetId}/thumbnail:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/AssetId\"\n    get:\n      operationId: getAssetThumbnail\n      tags:\n        - assets\n      summary: A WebP thumbnail of the asset's image\n      description: >\n        The asset's image scaled down (never up) to fit a `size` x `size` box,\n        as WebP. The source\n\n        file is verified against the record's `sha256` first, as for `/file`. A\n        thumbnail is made on\n\n        first request and kept under the project's\n        `.kroma/cache/thumbnails/<sha256>-<size>.webp`\n\n        (which exports and S3 sync leave out); later requests serve that file.\n        `ETag` is\n\n        `\"<sha256>-<size>\"`; a matching `If-None-Match` is answered 304. An\n        image with more pixels\n\n        than the server decodes is refused (422 `image_too_large`); a file that\n        is not an image\n\n        (422 `not_an_image`). `HEAD` is answered like `GET` without a body.\n      parameters:\n        - name: size\n          in: query\n          required: false\n          description: The longest side of the thumbnail's box, in pixels (default 256).\n          schema:\n            type: integer\n            enum:\n              - 128\n              - 256\n              - 512\n            default: 256\n        - name: If-None-Match\n          in: header\n          required: false\n          description: ETags the client holds (or `*`); a match is answered 304 without a\n            body.\n          schema:\n            type: string\n      responses:\n        \"200\":\n          description: The thumbnail.\n          headers:\n            ETag:\n              description: 'Strong validator: `\"<sha256>\"` of the file (thumbnails:\n                `\"<sha256>-<size>\"`).'\n              schema:\n                type: string\n            Cache-Control:\n              description: \"`private, max-age=31536000, immutable`: the bytes of an ETag never\n                change.\"\n              schema:\n                type: string\n            Content-Length:\n              description: Bytes in the body.\n              schema:\n                type: integer\n          content:\n            image/webp:\n              schema:\n                type: string\n                format: binary\n        \"304\":\n          $ref: \"#/components/responses/NotModified\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/AssetFileMissing\"\n        \"409\":\n          $ref: \"#/components/responses/AssetFileConflict\"\n        \"422\":\n          $ref: \"#/components/responses/ImageUnreadable\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/quality-reports:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listQualityReports\n      tags:\n        - runs\n      summary: The output guard's reports on generated images, newest first\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only reports of this run.\n          schema:\n            $ref: \"#/components/schemas/Id\"\n        - name: asset_id\n          in: query\n          required: false\n          description: Only reports on this asset.\n          schema:\n            $ref: \"#/components/schemas/Id\"\n        - name: grade\n          in: query\n          required: false\n          description: Only reports with this grade.\n          schema:\n            $ref: \"#/components/schemas/QualityGrade\"\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The reports, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/QualityReportListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/cost-events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listCostEvents\n      tags:\n        - runs\n      summary: Estimated spend per job (the images it generated), newest first\n      description: \"`total_cost_usd` sums every matching event (not only the returned\n        page); events without a price count as 0.\"\n      parameters:\n        - name: run_id\n          in: query\n          required: false\n          description: Only events of this run.\n          schema:\n            $ref: \"#/components/schemas/Id\"\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The events, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CostEventListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/runs/validate-config:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: validateRunConfig\n      tags:\n        - runs\n      summary: Validate the project's layered pipeline settings, manifest and\n        postprocess config\n      description: >\n        Resolves the settings layers (project settings under the project's\n        stored root, the app's\n\n        `config/` files, defaults), checks every file and reports every problem\n        with its file and\n\n        field, and the settings in effect with where each value came from. Paths\n        in the body are\n\n        relative to the server's app root and may not contain `..`; with\n        symlinks resolved they must\n\n        lie in the project's own root or the app's `config/` directory, and\n        never name the server's\n\n        database or master key (400 otherwise). Problem messages name the file,\n        the field and what\n\n        was expected (a type, the allowed values, a limit), never a value read\n        from the file: a\n\n        syntax error gives its line and column, not the text there.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/ValidateRunConfigRequest\"\n      responses:\n        \"200\":\n          description: The validation summary (`summary.valid` says whether the\n            configuration is usable).\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ValidateRunConfigResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/exports:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listExports\n      tags:\n        - exports\n      summary: The project's exports, newest first\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only exports with this status.\n          schema:\n            $ref: \"#/components/schemas/ExportStatus\"\n        - $ref: \"#/components/parameters/Limit\"\n        - $ref: \"#/components/parameters/Offset\"\n      responses:\n        \"200\":\n          description: The exports, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ExportListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createExport\n      tags:\n        - exports\n      summary: Write the project's records (and optionally its files) to a .tar.gz\n        bundle\n      description: >\n        Streams a bundle holding `manifest.json` (schema version, project,\n        counts, size and sha256 of\n\n        every other entry), the project's records as JSON Lines under `records/`\n        (secrets by name only)\n\n        and, with `include_files`, the project's files under `files/`. The\n        bundle is written under a\n\n        temporary name and renamed when complete, by default to\n        `<project_root>/exports/<slug>_<stamp>.tar.gz`.\n\n        `output` names another place: a path relative to the project root, or\n        under the app's\n\n        `var/exports/`; it may not contain `..`, lead out through a symlink or\n        name an existing file.\n\n        `var/exports/` is shared by every project, so a project writes only its\n        own names there\n\n        (400 otherwise): `var/exports/<slug>_<name>.tar.gz` (or `.tgz`) where\n        `<name>` holds no `_`\n\n        (each such name has one owner, the part before its last `_`: `alpha`\n        cannot write\n\n        `alpha_2_<stamp>.tar.gz`), or anything under `var/exports/<slug>/`;\n        `output: \"var/exports/\"`\n\n        gives the default name `<slug>_<stamp>.tar.gz` there.\n\n        The export is recorded (see `GET /exports`) and the bundle is registered\n        as an asset.\n\n        The bundle is written with mode 0600 (it holds every record of the\n        project). Project files\n\n        are opened without following symlinks (`O_NOFOLLOW`) and each open file\n        must be the one the\n\n        walk listed (same device and inode): a file swapped for a symlink or\n        another file meanwhile\n\n        is left out and listed in the manifest's `skipped` (`symlink`,\n        `changed_during_export`).\n\n        409 when the output exists, or when the manifest would exceed the 32 MiB\n        import reads (about\n\n        160,000 files). An export whose process dies is marked `failed` (\"The\n        process writing this\n\n        export stopped before it finished\") and its temporary files removed by\n        the next sweep of\n\n        a server on the database (at start and every `KROMA_LEASE_TTL_MS`).\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateExportRequest\"\n      responses:\n        \"200\":\n          description: The completed export.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ExportCreatedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/exports/{exportId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ExportId\"\n    get:\n      operationId: getExport\n      tags:\n        - exports\n      summary: One export, with its size, checksum, counts and status\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ExportResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/export:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: createExportSeedAlias\n      tags:\n        - exports\n      summary: \"The seed's export route: an alias of POST /exports\"\n      description: >\n        Kept so the seed's clients work unchanged: the same body\n        (`include_files`, `output`) and the\n\n        same answer as `POST /api/projects/{slug}/exports`, whose `export_path`,\n        `export_sha256` and\n\n        `export_asset_id` are the keys the seed returned.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateExportRequest\"\n      responses:\n        \"200\":\n          description: The completed export.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ExportCreatedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/imports:\n    post:\n      operationId: importProject\n      tags:\n        - exports\n      summary: Restore a bundle (from an export) into a new project\n      description: >\n        The bundle is the raw body (`Content-Type: application/gzip`;\n        `application/x-gzip` and\n\n        `application/octet-stream` are taken too), streamed to a staging file\n        (under\n\n        `var/projects/.kroma-import-<id>/`, leased like the import's staging\n        directory) and never held\n\n        in memory. It may be up to `KROMA_IMPORT_MAX_BYTES` (default\n\n        10 GiB; 413 `payload_too_large` beyond, checked while it streams in).\n        The import is the one\n\n        `kroma import --db` runs: the bundle is unpacked into a staging\n        directory beside the new\n\n        project root and verified whole (entry names and types, the manifest,\n        the size and sha256 of\n\n        every entry) before anything is written; then the project, its storage\n        settings and every\n\n        record are created in one transaction and the files moved into\n\n        `<app root>/var/projects/<slug>`. A bundle that is not one, truncated or\n        damaged, or whose\n\n        checks fail is 400 (`invalid_bundle`), with no project and no file left\n        behind; the staging\n\n        file is removed in every case. Record ids are kept unless one is taken\n        in this database\n\n        (then every record gets a new one, `ids_remapped`). Secret values never\n        travel in a bundle:\n\n        `secrets_to_set` names the secrets to set again. Importing creates a\n        project, so a\n\n        project-scoped token is refused (403): use an unscoped one.\n      parameters:\n        - name: slug\n          in: query\n          required: false\n          description: \"The new project's slug (default: the bundle's). An existing slug\n            is refused (409).\"\n          schema:\n            type: string\n            minLength: 1\n            maxLength: 200\n      requestBody:\n        required: true\n        content:\n          application/gzip:\n            schema:\n              type: string\n              format: binary\n          application/x-gzip:\n            schema:\n              type: string\n              format: binary\n          application/octet-stream:\n            schema:\n              type: string\n              format: binary\n      responses:\n        \"201\":\n          description: The new project, and what the import created.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ImportProjectResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/storage/s3/sync:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    post:\n      operationId: syncProjectS3\n      tags:\n        - projects\n      summary: Upload the project's new or changed files to its S3 storage\n      description: >\n        Uses the project's S3 settings (bucket, prefix, region, endpoint URL;\n        path-style addressing\n\n        when an endpoint URL is set); objects live under `<prefix>/<slug>/`.\n        Credentials come from\n\n        the project's secrets `aws/access_key_id` and `aws/secret_access_key`\n        (optional\n\n        `aws/session_token`), else `AWS_ACCESS_KEY_ID` and\n        `AWS_SECRET_ACCESS_KEY` in the server's\n\n        environment, else the stored `profile`; they are never returned or\n        logged. The server's own\n\n        credentials (environment, profile) go only to AWS itself (no endpoint\n        URL, or an `https://`\n\n        one on `amazonaws.com`) or to endpoints the operator lists in\n        `KROMA_S3_TRUSTED_ENDPOINTS`\n\n        (comma-separated URLs): with another endpoint URL and no project secrets\n        the sync is a 400\n\n        (field `s3.endpoint_url`) before any request is sent. A file is uploaded\n\n        when its size or sha256 differs from what the last successful upload of\n        that path recorded;\n\n        each upload is recorded as soon as it succeeds, so a sync that was\n        interrupted finishes on the\n\n        next run without uploading again what already arrived. Large files go up\n        in parts. A file that\n\n        fails is reported (`failed`) and the others go on: the answer is a 200\n        with the report.\n\n        With `dry_run` nothing is uploaded or recorded and no request is sent to\n        S3.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/S3SyncRequest\"\n      responses:\n        \"200\":\n          description: The sync report.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/S3SyncResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/prompt-templates:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listPromptTemplates\n      tags:\n        - prompt-templates\n      summary: List the project's prompt templates\n      responses:\n        \"200\":\n          description: The prompt templates, most recently updated first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/PromptTemplateListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createPromptTemplate\n      tags:\n        - prompt-templates\n      summary: Create a prompt template\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreatePromptTemplateRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/PromptTemplateResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/prompt-templates/{templateId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/TemplateId\"\n    get:\n      operationId: getPromptTemplate\n      tags:\n        - prompt-templates\n      summary: One prompt template\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/PromptTemplateResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updatePromptTemplate\n      tags:\n        - prompt-templates\n      summary: Update a prompt template (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdatePromptTemplateRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/PromptTemplateResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deletePromptTemplate\n      tags:\n        - prompt-templates\n      summary: Delete a prompt template\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/style-guides:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listStyleGuides\n      tags:\n        - style-guides\n      summary: List the project's style guides\n      responses:\n        \"200\":\n          description: The style guides, most recently updated first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/StyleGuideListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createStyleGuide\n      tags:\n        - style-guides\n      summary: Create a style guide\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateStyleGuideRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/StyleGuideResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/style-guides/{styleGuideId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/StyleGuideId\"\n    get:\n      operationId: getStyleGuide\n      tags:\n        - style-guides\n      summary: One style guide\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/StyleGuideResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateStyleGuide\n      tags:\n        - style-guides\n      summary: Update a style guide (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateStyleGuideRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/StyleGuideResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteStyleGuide\n      tags:\n        - style-guides\n      summary: Delete a style guide\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/characters:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listCharacters\n      tags:\n        - characters\n      summary: List the project's characters\n      responses:\n        \"200\":\n          description: The characters, most recently updated first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CharacterListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createCharacter\n      tags:\n        - characters\n      summary: Create a character\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateCharacterRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CharacterResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/characters/{characterId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/CharacterId\"\n    get:\n      operationId: getCharacter\n      tags:\n        - characters\n      summary: One character\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CharacterResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateCharacter\n      tags:\n        - characters\n      summary: Update a character (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateCharacterRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/CharacterResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteCharacter\n      tags:\n        - characters\n      summary: Delete a character\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/reference-sets:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listReferenceSets\n      tags:\n        - reference-sets\n      summary: List the project's reference sets\n      responses:\n        \"200\":\n          description: The reference sets, most recently updated first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceSetListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createReferenceSet\n      tags:\n        - reference-sets\n      summary: Create a reference set\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateReferenceSetRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceSetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/reference-sets/{referenceSetId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n    get:\n      operationId: getReferenceSet\n      tags:\n        - reference-sets\n      summary: One reference set\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceSetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateReferenceSet\n      tags:\n        - reference-sets\n      summary: Update a reference set (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateReferenceSetRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceSetResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteReferenceSet\n      tags:\n        - reference-sets\n      summary: Delete a reference set\n      description: >\n        Reference sets are deleted together with their items, in one transaction.\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/reference-sets/{referenceSetId}/items:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n    get:\n      operationId: listReferenceItems\n      tags:\n        - reference-sets\n      summary: List a reference set's items\n      responses:\n        \"200\":\n          description: The items, by sort_order then creation.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceItemListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createReferenceItem\n      tags:\n        - reference-sets\n      summary: Add an item to a reference set\n      description: >\n        An item needs at least one of `content_uri`, `content_text`, `asset_id`\n        (an asset of the project). Without `sort_order` it goes last.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateReferenceItemRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceItemResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ReferenceSetId\"\n      - $ref: \"#/components/parameters/ItemId\"\n    get:\n      operationId: getReferenceItem\n      tags:\n        - reference-sets\n      summary: One reference item\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceItemResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateReferenceItem\n      tags:\n        - reference-sets\n      summary: Update a reference item (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateReferenceItemRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ReferenceItemResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteReferenceItem\n      tags:\n        - reference-sets\n      summary: Delete a reference item\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/provider-accounts:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listProviderAccounts\n      tags:\n        - provider-accounts\n      summary: List the project's provider accounts\n      responses:\n        \"200\":\n          description: The accounts, by provider code.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProviderAccountListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: upsertProviderAccount\n      tags:\n        - provider-accounts\n      summary: Create a provider account, or update the one with that provider code\n      description: >\n        Keyed by `provider_code` per project: posting an existing code updates\n        the fields given.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpsertProviderAccountRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProviderAccountResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/provider-accounts/{providerCode}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/ProviderCode\"\n    get:\n      operationId: getProviderAccount\n      tags:\n        - provider-accounts\n      summary: One provider account\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProviderAccountResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateProviderAccount\n      tags:\n        - provider-accounts\n      summary: Update a provider account (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateProviderAccountRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProviderAccountResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteProviderAccount\n      tags:\n        - provider-accounts\n      summary: Delete a provider account\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ProviderAccountDeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/asset-links:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAssetLinks\n      tags:\n        - asset-links\n      summary: List the project's asset links\n      parameters:\n        - name: asset_id\n          in: query\n          required: false\n          description: Only links with this asset as parent or child.\n          schema:\n            type: string\n            minLength: 1\n        - name: link_type\n          in: query\n          required: false\n          description: Only links of this type.\n          schema:\n            $ref: \"#/components/schemas/AssetLinkType\"\n      responses:\n        \"200\":\n          description: The links, oldest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetLinkListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createAssetLink\n      tags:\n        - asset-links\n      summary: Link two assets of the project\n      description: >\n        Both assets must exist in this project; a self-link is refused and an\n        identical link is a 409.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateAssetLinkRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetLinkResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/asset-links/{linkId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/LinkId\"\n    get:\n      operationId: getAssetLink\n      tags:\n        - asset-links\n      summary: One asset link\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetLinkResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    put:\n      operationId: updateAssetLink\n      tags:\n        - asset-links\n      summary: Update an asset link (any subset of its fields)\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/UpdateAssetLinkRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AssetLinkResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    delete:\n      operationId: deleteAssetLink\n      tags:\n        - asset-links\n      summary: Delete an asset link\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/DeletedResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/chat/sessions:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listChatSessions\n      tags:\n        - chat\n      summary: List the project's chat sessions\n      responses:\n        \"200\":\n          description: The sessions, most recently updated first, each with its message\n            count.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ChatSessionListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createChatSession\n      tags:\n        - chat\n      summary: Start a chat session\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateChatSessionRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ChatSessionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/chat/sessions/{sessionId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/SessionId\"\n    get:\n      operationId: getChatSession\n      tags:\n        - chat\n      summary: One chat session with its message count\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ChatSessionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/chat/sessions/{sessionId}/messages:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/SessionId\"\n    get:\n      operationId: listChatMessages\n      tags:\n        - chat\n      summary: List a session's messages\n      responses:\n        \"200\":\n          description: The messages in the order they were added.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ChatMessageListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createChatMessage\n      tags:\n        - chat\n      summary: Add a message to a session\n      description: >\n        `content_text` is accepted as an alias of `content` (the seed's clients\n        send it).\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateChatMessageRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/ChatMessageResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/agent/instructions:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n    get:\n      operationId: listAgentInstructions\n      tags:\n        - agent\n      summary: List the project's agent instructions\n      parameters:\n        - name: status\n          in: query\n          required: false\n          description: Only instructions in this status.\n          schema:\n            $ref: \"#/components/schemas/AgentInstructionStatus\"\n      responses:\n        \"200\":\n          description: The instructions, newest first.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n    post:\n      operationId: createAgentInstruction\n      tags:\n        - agent\n      summary: Create an agent instruction\n      description: >\n        Give `instruction_text`, or the older form `instruction_type` +\n        `payload_json`. It starts `pending`\n\n        with a `created` event; with `dispatch_to_agent` it is also queued for\n        the dispatch worker.\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/CreateAgentInstructionRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/agent/instructions/{instructionId}:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    get:\n      operationId: getAgentInstruction\n      tags:\n        - agent\n      summary: One agent instruction\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/agent/instructions/{instructionId}/events:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    get:\n      operationId: listAgentInstructionEvents\n      tags:\n        - agent\n      summary: An instruction's history\n      responses:\n        \"200\":\n          description: Every state change, oldest first (append-only).\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionEventListResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/agent/instructions/{instructionId}/confirm:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    post:\n      operationId: confirmAgentInstruction\n      tags:\n        - agent\n      summary: Confirm a pending instruction\n      description: >\n        `pending` -> `confirmed`, writing one `confirmed` event. Any other\n        status is a 409.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/AgentInstructionTransitionRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\n  /api/projects/{slug}/agent/instructions/{instructionId}/cancel:\n    parameters:\n      - $ref: \"#/components/parameters/ProjectSlug\"\n      - $ref: \"#/components/parameters/InstructionId\"\n    post:\n      operationId: cancelAgentInstruction\n      tags:\n        - agent\n      summary: Cancel an instruction\n      description: >\n        `pending`, `confirmed` or `queued` -> `canceled`, writing one `canceled`\n        event. A canceled, running or\n\n        finished (`done`, `failed`) instruction is a 409.\n      requestBody:\n        required: false\n        content:\n          application/json:\n            schema:\n              $ref: \"#/components/schemas/AgentInstructionTransitionRequest\"\n      responses:\n        \"200\":\n          description: Success.\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/AgentInstructionResponse\"\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"\n        \"401\":\n          $ref: \"#/components/responses/Unauthorized\"\n        \"403\":\n          $ref: \"#/components/responses/Forbidden\"\n        \"404\":\n          $ref: \"#/components/responses/NotFound\"\n        \"409\":\n          $ref: \"#/components/responses/Conflict\"\n        \"413\":\n          $ref: \"#/components/responses/PayloadTooLarge\"\n        \"415\":\n          $ref: \"#/components/responses/UnsupportedMediaType\"\n        \"500\":\n          $ref: \"#/components/responses/InternalError\"\ncomponents:\n  securitySchemes:\n    bearerAuth:\n      type: http\n      scheme: bearer\n      bearerFormat: kroma_<secret>\n      description: >\n        An API token (`kroma_...`, shown once when made: `POST /auth/token` or\n        `kroma tokens\n\n        create`) as `Authorization: Bearer <token>`. When it is needed follows\n        the server's auth\n\n        mode (`KROMA_API_AUTH`): `auto` (default) needs one on a loopback server\n        only once a token\n\n        exists, and always on a server bound to another address; `required`\n        always; `off` never.\n\n        Unknown, revoked and expired tokens are a 401 whatever the mode. The\n        bearer header wins over\n\n        a session cookie sent with it. Never in the query string.\n    sessionCookie:\n      type: apiKey\n      in: cookie\n      name: kroma_session\n      description: >\n        A browser session made from an API token (`POST /auth/session`); it\n        stands for that token,\n\n        with its scope, until it expires, is ended, or the token is revoked or\n        expires. Set by the\n\n        server as an HttpOnly cookie, so a browser sends it by itself; a cookie\n        naming no session of\n\n        this server counts as none.\n  parameters:\n    ProjectSlug:\n      name: slug\n      in: path\n      required: true\n      description: The project's slug.\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 200\n    TemplateId:\n      name: templateId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    StyleGuideId:\n      name: styleGuideId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    CharacterId:\n      name: characterId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    ReferenceSetId:\n      name: referenceSetId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    ItemId:\n      name: itemId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    LinkId:\n      name: linkId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    RunId:\n      name: runId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    PreferWait:\n      name: Prefer\n      in: header\n      required: false\n      description: \"`wait=<seconds>` (RFC 7240): answer once the run has finished,\n        waiting at most that long (and at most the server's\n        `KROMA_TRIGGER_WAIT_MAX_S`); `wait=0` answers at once. Other preferences\n        are ignored.\"\n      schema:\n        type: string\n        maxLength: 1000\n    AssetId:\n      name: assetId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    JobId:\n      name: jobId\n      in: path\n      required: true\n      description: The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it.\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    Force:\n      name: force\n      in: query\n      required: false\n      description: \"`true` deletes even what is protected: an approved final (and its\n        post-processed files), a scene's baseline, an upload a reference set\n        uses.\"\n      schema:\n        type: boolean\n    TrashId:\n      name: trashId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    Limit:\n      name: limit\n      in: query\n      required: false\n      description: Most rows to return (default 500).\n      schema:\n        type: integer\n        minimum: 1\n        maximum: 5000\n    Offset:\n      name: offset\n      in: query\n      required: false\n      description: Rows to skip (default 0).\n      schema:\n        type: integer\n        minimum: 0\n    SessionId:\n      name: sessionId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    InstructionId:\n      name: instructionId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n    ProviderCode:\n      name: providerCode\n      in: path\n      required: true\n      description: The provider code, normalised like a slug.\n      schema:\n        type: string\n        minLength: 1\n        maxLength: 64\n    ExportId:\n      name: exportId\n      in: path\n      required: true\n      schema:\n        $ref: \"#/components/schemas/Id\"\n  responses:\n    BadRequest:\n      description: The request is invalid (`error_kind` \"validation\"), including a\n        JSON body nested deeper than 64 levels or a `*_json` field deeper than\n        32 (`details.max_depth`).\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    NotFound:\n      description: No such route or record (`error_code` \"not_found\").\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    Conflict:\n      description: The request conflicts with stored state (`error_code` \"conflict\").\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    Unauthorized:\n      description: No valid token (nor session cookie) was given while auth is\n        required (`error_kind` \"policy\", `error_code` \"unauthorized\").\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    Forbidden:\n      description: The token may not do this, or policy refuses the request, such as a\n        `Host` that is not the loopback server's own, or a state-changing\n        request from another site's page (`Sec-Fetch-Site` not\n        `same-origin`/`none`, or a foreign `Origin`) (`error_kind` \"policy\",\n        `error_code` \"forbidden\").\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    PayloadTooLarge:\n      description: The request body is larger than the server accepts.\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    UnsupportedMediaType:\n      description: 'The request has a body that is not sent with a media type its\n        operation declares (`Content-Type: application/json`), or it changes\n        state and carries `text/plain`, `application/x-www-form-urlencoded` or\n        `multipart/form-data`, which the operation does not declare, even\n        without a body; `error_code` \"unsupported_media_type\".'\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    ImageTooLarge:\n      description: The image has more pixels than the server decodes (`error_code`\n        \"image_too_large\", `details` names `width`, `height`, `max_pixels`).\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    TooManyRequests:\n      description: A bounded resource is used up by this client (`error_kind`\n        \"policy\", `error_code` \"too_many_requests\"), such as the open event\n        streams of one run.\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    ServiceUnavailable:\n      description: 'The server cannot take this now (`error_kind` \"infra\",\n        `error_code` \"service_unavailable\"): it is shutting down, or a\n        server-wide limit is reached; try again later.'\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    NotModified:\n      description: The client's copy (`If-None-Match`) is current; no body.\n      headers:\n        ETag:\n          description: The validator the client sent, still current.\n          schema:\n            type: string\n    AssetFileMissing:\n      description: No such project or asset (`not_found`), or its file is gone\n        (`asset_file_missing`).\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    AssetFileConflict:\n      description: The file no longer hashes to the record's `sha256`\n        (`asset_file_changed`, `details` names `path`, `expected_sha256`,\n        `actual_sha256`), the record has no `sha256` (`asset_unverifiable`), or\n        the path leads outside the project root (`asset_file_outside_root`).\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    RangeNotSatisfiable:\n      description: \"The range lies past the end of the file (`range_not_satisfiable`);\n        `Content-Range: bytes */<size>`.\"\n      headers:\n        Content-Range:\n          description: \"`bytes */<size>`.\"\n          schema:\n            type: string\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    ImageUnreadable:\n      description: The file is not an image the server can read (`not_an_image`), or\n        has more pixels than it decodes (`image_too_large`,\n        `details.max_pixels`).\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n    InternalError:\n      description: A server fault; the message is sanitised.\n      content:\n        application/json:\n          schema:\n            $ref: \"#/components/schemas/ErrorEnvelope\"\n  schemas:\n    ErrorEnvelope:\n      type: object\n      description: The one shape of every failure.\n      required:\n        - ok\n        - error\n        - error_kind\n        - error_code\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: false\n        error:\n          type: string\n          description: A human-readable message.\n        error_kind:\n          $ref: \"#/components/schemas/ErrorKind\"\n        error_code:\n          type: string\n          pattern: ^[a-z][a-z0-9_]*$\n          description: A stable snake_case code, such as `not_found` or `validation_error`.\n        details:\n          description: Optional machine-readable detail, such as the offending field.\n    ErrorKind:\n      type: string\n      enum:\n        - validation\n        - policy\n        - provider\n        - infra\n        - unknown\n    Timestamp:\n      type: string\n      format: date-time\n      description: ISO-8601 UTC.\n    HealthResponse:\n      type: object\n      required:\n        - ok\n        - status\n        - service\n        - version\n        - started_unix_ms\n        - route_count\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        status:\n          type: string\n          const: ok\n        service:\n          type: string\n          const: kroma-backend-core\n        version:\n          type: string\n          description: The server's version.\n        started_unix_ms:\n          type: integer\n          description: When this server process started (Unix epoch milliseconds).\n        route_count:\n          type: integer\n          minimum: 0\n          description: Number of operations the server mounts.\n    Project:\n      type: object\n      required:\n        - id\n        - slug\n        - name\n        - description\n        - status\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        slug:\n          type: string\n        name:\n          type: string\n        description:\n          type: string\n        status:\n          type: string\n          enum:\n            - active\n            - archived\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ProjectSummary:\n      type: object\n      description: A project as listed, with its owner's username.\n      required:\n        - id\n        - slug\n        - name\n        - description\n        - status\n        - username\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        slug:\n          type: string\n        name:\n          type: string\n        description:\n          type: string\n        status:\n          type: string\n          enum:\n            - active\n            - archived\n        username:\n          type: string\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ProjectCounts:\n      type: object\n      required:\n        - runs\n        - jobs\n        - assets\n      additionalProperties: false\n      properties:\n        runs:\n          type: integer\n          minimum: 0\n        jobs:\n          type: integer\n          minimum: 0\n        assets:\n          type: integer\n          minimum: 0\n    LocalStorage:\n      type: object\n      required:\n        - base_dir\n        - project_root\n      additionalProperties: false\n      properties:\n        base_dir:\n          type: string\n          description: Directory under which project roots are created by default.\n        project_root:\n          type: string\n          description: The resolved absolute directory holding this project's files.\n    S3Storage:\n      type: object\n      required:\n        - enabled\n        - bucket\n        - prefix\n        - region\n        - profile\n        - endpoint_url\n      additionalProperties: false\n      properties:\n        enabled:\n          type: boolean\n        bucket:\n          type: string\n          description: Empty when unset.\n        prefix:\n          type: string\n          description: Key prefix; objects live under `<prefix>/<slug>/`.\n        region:\n          type: string\n          description: Empty when unset.\n        profile:\n          type: string\n          description: AWS profile name; empty when unset.\n        endpoint_url:\n          type: string\n          description: For S3-compatible servers; empty when unset.\n    ProjectStorage:\n      type: object\n      required:\n        - local\n        - s3\n      additionalProperties: false\n      properties:\n        local:\n          $ref: \"#/components/schemas/LocalStorage\"\n        s3:\n          $ref: \"#/components/schemas/S3Storage\"\n    ProjectListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - projects\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        projects:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ProjectSummary\"\n    ProjectWithStorageResponse:\n      type: object\n      required:\n        - ok\n        - project\n        - storage\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        project:\n          $ref: \"#/components/schemas/Project\"\n        storage:\n          $ref: \"#/components/schemas/ProjectStorage\"\n    ProjectDetailResponse:\n      type: object\n      required:\n        - ok\n        - project\n        - counts\n        - storage\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        project:\n          $ref: \"#/components/schemas/Project\"\n        counts:\n          $ref: \"#/components/schemas/ProjectCounts\"\n        storage:\n          $ref: \"#/components/schemas/ProjectStorage\"\n    ProjectStorageResponse:\n      type: object\n      required:\n        - ok\n        - project\n        - storage\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        project:\n          $ref: \"#/components/schemas/Project\"\n        storage:\n          $ref: \"#/components/schemas/ProjectStorage\"\n    ProjectStorageUpdateResponse:\n      type: object\n      required:\n        - ok\n        - project\n        - storage\n        - updated\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        project:\n          $ref: \"#/components/schemas/Project\"\n        storage:\n          $ref: \"#/components/schemas/ProjectStorage\"\n        updated:\n          type: string\n          enum:\n            - local\n            - s3\n          description: Which part of the storage configuration this request changed.\n    UpsertProjectRequest:\n      type: object\n      required:\n        - name\n      properties:\n        name:\n          type: string\n          maxLength: 200\n          description: Display name; required and not blank.\n        slug:\n          type: string\n          maxLength: 200\n          description: URL-safe identifier; derived from the name when omitted or blank.\n        description:\n          type: string\n          maxLength: 10000\n        username:\n          type: string\n          maxLength: 200\n          description: Owner's username; the local user `local` when omitted.\n        user_display_name:\n          type: string\n          maxLength: 200\n    UpdateLocalStorageRequest:\n      type: object\n      properties:\n        base_dir:\n          type:\n            - string\n            - \"null\"\n          maxLength: 4096\n        project_root:\n          type:\n            - string\n            - \"null\"\n          maxLength: 4096\n    UpdateS3StorageRequest:\n      type: object\n      properties:\n        enabled:\n          type: boolean\n        bucket:\n          type:\n            - string\n            - \"null\"\n          maxLength: 255\n        prefix:\n          type:\n            - string\n            - \"null\"\n          maxLength: 1024\n        region:\n          type:\n            - string\n            - \"null\"\n          maxLength: 64\n        profile:\n          type:\n            - string\n            - \"null\"\n          maxLength: 200\n        endpoint_url:\n          type:\n            - string\n            - \"null\"\n          maxLength: 2048\n    Id:\n      type: string\n      minLength: 1\n      maxLength: 200\n      description: An opaque record id.\n    JsonObject:\n      type: object\n      additionalProperties: true\n      description: A free-form JSON object, stored and returned as JSON (never as a string).\n    DeletedResponse:\n      type: object\n      required:\n        - ok\n        - deleted\n        - id\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        deleted:\n          type: boolean\n          const: true\n        id:\n          type: string\n    PromptTemplate:\n      type: object\n      required:\n        - id\n        - project_id\n        - name\n        - template_text\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        name:\n          type: string\n          description: Unique within the project.\n        template_text:\n          type: string\n          description: Template text with `{placeholders}`.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    PromptTemplateListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - prompt_templates\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        prompt_templates:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PromptTemplate\"\n    PromptTemplateResponse:\n      type: object\n      required:\n        - ok\n        - prompt_template\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        prompt_template:\n          $ref: \"#/components/schemas/PromptTemplate\"\n    CreatePromptTemplateRequest:\n      type: object\n      required:\n        - name\n        - template_text\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        template_text:\n          type: string\n          maxLength: 100000\n    UpdatePromptTemplateRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: name, template_text.\"\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        template_text:\n          type: string\n          maxLength: 100000\n    StyleGuide:\n      type: object\n      required:\n        - id\n        - project_id\n        - name\n        - instructions\n        - notes\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        name:\n          type: string\n          description: Unique within the project.\n        instructions:\n          type: string\n          description: What generation must follow.\n        notes:\n          type: string\n          description: Free notes; empty when unset.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    StyleGuideListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - style_guides\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        style_guides:\n          type: array\n          items:\n            $ref: \"#/components/schemas/StyleGuide\"\n    StyleGuideResponse:\n      type: object\n      required:\n        - ok\n        - style_guide\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        style_guide:\n          $ref: \"#/components/schemas/StyleGuide\"\n    CreateStyleGuideRequest:\n      type: object\n      required:\n        - name\n        - instructions\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        instructions:\n          type: string\n          maxLength: 100000\n        notes:\n          type: string\n          maxLength: 100000\n    UpdateStyleGuideRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: name, instructions, notes.\"\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        instructions:\n          type: string\n          maxLength: 100000\n        notes:\n          type: string\n          maxLength: 100000\n    Character:\n      type: object\n      required:\n        - id\n        - project_id\n        - name\n        - description\n        - prompt_text\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        name:\n          type: string\n          description: Unique within the project.\n        description:\n          type: string\n        prompt_text:\n          type: string\n          description: Text added to prompts that feature this character.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    CharacterListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - characters\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        characters:\n          type: array\n          items:\n            $ref: \"#/components/schemas/Character\"\n    CharacterResponse:\n      type: object\n      required:\n        - ok\n        - character\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        character:\n          $ref: \"#/components/schemas/Character\"\n    CreateCharacterRequest:\n      type: object\n      required:\n        - name\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        description:\n          type: string\n          maxLength: 100000\n        prompt_text:\n          type: string\n          maxLength: 100000\n    UpdateCharacterRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: name, description, prompt_text.\"\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        description:\n          type: string\n          maxLength: 100000\n        prompt_text:\n          type: string\n          maxLength: 100000\n    ReferenceSet:\n      type: object\n      required:\n        - id\n        - project_id\n        - name\n        - description\n        - item_count\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        name:\n          type: string\n          description: Unique within the project.\n        description:\n          type: string\n        item_count:\n          type: integer\n          minimum: 0\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ReferenceSetListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - reference_sets\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        reference_sets:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ReferenceSet\"\n    ReferenceSetResponse:\n      type: object\n      required:\n        - ok\n        - reference_set\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        reference_set:\n          $ref: \"#/components/schemas/ReferenceSet\"\n    CreateReferenceSetRequest:\n      type: object\n      required:\n        - name\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        description:\n          type: string\n          maxLength: 100000\n    UpdateReferenceSetRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: name, description.\"\n      properties:\n        name:\n          type: string\n          maxLength: 200\n        description:\n          type: string\n          maxLength: 100000\n    ReferenceItem:\n      type: object\n      required:\n        - id\n        - project_id\n        - reference_set_id\n        - label\n        - content_uri\n        - content_text\n        - sort_order\n        - metadata_json\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        reference_set_id:\n          type: string\n        label:\n          type: string\n        content_uri:\n          type:\n            - string\n            - \"null\"\n          description: Where the reference lives (a URL or a path under the project root).\n        content_text:\n          type:\n            - string\n            - \"null\"\n          description: The reference as text.\n        asset_id:\n          type:\n            - string\n            - \"null\"\n          description: An asset of the project (e.g. an uploaded reference image) this\n            item points at.\n        sort_order:\n          type: integer\n        metadata_json:\n          $ref: \"#/components/schemas/JsonObject\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ReferenceItemListResponse:\n      type: object\n      required:\n        - ok\n        - reference_set_id\n        - count\n        - items\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        reference_set_id:\n          type: string\n        count:\n          type: integer\n          minimum: 0\n        items:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ReferenceItem\"\n    ReferenceItemResponse:\n      type: object\n      required:\n        - ok\n        - item\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        item:\n          $ref: \"#/components/schemas/ReferenceItem\"\n    CreateReferenceItemRequest:\n      type: object\n      description: \"At least one of: content_uri, content_text, asset_id.\"\n      properties:\n        label:\n          type: string\n          maxLength: 500\n        content_uri:\n          type:\n            - string\n            - \"null\"\n          maxLength: 4096\n        content_text:\n          type:\n            - string\n            - \"null\"\n          maxLength: 100000\n        asset_id:\n          type:\n            - string\n            - \"null\"\n          minLength: 1\n          maxLength: 200\n          description: An asset of this project (404 when there is none).\n        sort_order:\n          type: integer\n          minimum: -1000000\n          maximum: 1000000\n        metadata_json:\n          $ref: \"#/components/schemas/JsonObject\"\n    UpdateReferenceItemRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: label, content_uri, content_text, asset_id,\n        sort_order, metadata_json. The item must keep content_uri, content_text\n        or asset_id.\"\n      properties:\n        label:\n          type: string\n          maxLength: 500\n        content_uri:\n          type:\n            - string\n            - \"null\"\n          maxLength: 4096\n        content_text:\n          type:\n            - string\n            - \"null\"\n          maxLength: 100000\n        asset_id:\n          type:\n            - string\n            - \"null\"\n          minLength: 1\n          maxLength: 200\n          description: An asset of this project (404 when there is none).\n        sort_order:\n          type: integer\n          minimum: -1000000\n          maximum: 1000000\n        metadata_json:\n          $ref: \"#/components/schemas/JsonObject\"\n    ProviderCode:\n      type: string\n      pattern: ^[a-z0-9_-]{1,64}$\n      description: A lower-case identifier such as `openai`, `photoroom` or `remove_bg`.\n    ProviderAccount:\n      type: object\n      required:\n        - project_id\n        - provider_code\n        - display_name\n        - account_ref\n        - base_url\n        - enabled\n        - config_json\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        project_id:\n          type: string\n        provider_code:\n          $ref: \"#/components/schemas/ProviderCode\"\n        display_name:\n          type: string\n        account_ref:\n          type: string\n          description: \"Your reference for the account (never a secret: secrets live in\n            project secrets).\"\n        base_url:\n          type: string\n          description: API base URL override; empty for the provider's default.\n        enabled:\n          type: boolean\n        config_json:\n          $ref: \"#/components/schemas/JsonObject\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ProviderAccountListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - provider_accounts\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        provider_accounts:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ProviderAccount\"\n    ProviderAccountResponse:\n      type: object\n      required:\n        - ok\n        - provider_account\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        provider_account:\n          $ref: \"#/components/schemas/ProviderAccount\"\n    ProviderAccountDeletedResponse:\n      type: object\n      required:\n        - ok\n        - deleted\n        - provider_code\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        deleted:\n          type: boolean\n          const: true\n        provider_code:\n          type: string\n    UpsertProviderAccountRequest:\n      type: object\n      required:\n        - provider_code\n      properties:\n        provider_code:\n          type: string\n          maxLength: 64\n          description: Normalised like a slug (`OpenAI` -> `openai`); required and not\n            blank.\n        display_name:\n          type: string\n          maxLength: 200\n        account_ref:\n          type: string\n          maxLength: 500\n        base_url:\n          type: string\n          maxLength: 2048\n        enabled:\n          type: boolean\n        config_json:\n          $ref: \"#/components/schemas/JsonObject\"\n    UpdateProviderAccountRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: display_name, account_ref, base_url, enabled,\n        config_json.\"\n      properties:\n        display_name:\n          type: string\n          maxLength: 200\n        account_ref:\n          type: string\n          maxLength: 500\n        base_url:\n          type: string\n          maxLength: 2048\n        enabled:\n          type: boolean\n        config_json:\n          $ref: \"#/components/schemas/JsonObject\"\n    AssetLinkType:\n      type: string\n      enum:\n        - derived_from\n        - variant_of\n        - mask_for\n        - reference_of\n    AssetLink:\n      type: object\n      required:\n        - id\n        - project_id\n        - parent_asset_id\n        - child_asset_id\n        - link_type\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        parent_asset_id:\n          type: string\n        child_asset_id:\n          type: string\n        link_type:\n          $ref: \"#/components/schemas/AssetLinkType\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    AssetLinkListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - asset_links\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        asset_links:\n          type: array\n          items:\n            $ref: \"#/components/schemas/AssetLink\"\n    AssetLinkResponse:\n      type: object\n      required:\n        - ok\n        - asset_link\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        asset_link:\n          $ref: \"#/components/schemas/AssetLink\"\n    CreateAssetLinkRequest:\n      type: object\n      required:\n        - parent_asset_id\n        - child_asset_id\n      properties:\n        parent_asset_id:\n          $ref: \"#/components/schemas/Id\"\n        child_asset_id:\n          $ref: \"#/components/schemas/Id\"\n        link_type:\n          $ref: \"#/components/schemas/AssetLinkType\"\n    UpdateAssetLinkRequest:\n      type: object\n      minProperties: 1\n      description: \"At least one of: parent_asset_id, child_asset_id, link_type.\"\n      properties:\n        parent_asset_id:\n          $ref: \"#/components/schemas/Id\"\n        child_asset_id:\n          $ref: \"#/components/schemas/Id\"\n        link_type:\n          $ref: \"#/components/schemas/AssetLinkType\"\n    ChatRole:\n      type: string\n      enum:\n        - user\n        - assistant\n        - system\n        - tool\n    ChatSession:\n      type: object\n      required:\n        - id\n        - project_id\n        - title\n        - status\n        - message_count\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        title:\n          type: string\n        status:\n          type: string\n          enum:\n            - active\n            - archived\n        message_count:\n          type: integer\n          minimum: 0\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n          description: Changes when a message is added.\n    ChatSessionListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - sessions\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        sessions:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ChatSession\"\n    ChatSessionResponse:\n      type: object\n      required:\n        - ok\n        - session\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        session:\n          $ref: \"#/components/schemas/ChatSession\"\n    CreateChatSessionRequest:\n      type: object\n      properties:\n        title:\n          type: string\n          maxLength: 500\n          description: Defaults to \"New session\".\n        status:\n          type: string\n          enum:\n            - active\n            - archived\n    ChatMessage:\n      type: object\n      required:\n        - id\n        - project_id\n        - session_id\n        - role\n        - content\n        - content_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        session_id:\n          type: string\n        role:\n          $ref: \"#/components/schemas/ChatRole\"\n        content:\n          type: string\n        content_json:\n          description: Optional structured content (any JSON value), or null.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ChatMessageListResponse:\n      type: object\n      required:\n        - ok\n        - session_id\n        - count\n        - messages\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        session_id:\n          type: string\n        count:\n          type: integer\n          minimum: 0\n        messages:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ChatMessage\"\n    ChatMessageResponse:\n      type: object\n      required:\n        - ok\n        - message\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        message:\n          $ref: \"#/components/schemas/ChatMessage\"\n    CreateChatMessageRequest:\n      type: object\n      required:\n        - role\n      description: \"`content` (or its alias `content_text`) is required.\"\n      properties:\n        role:\n          $ref: \"#/components/schemas/ChatRole\"\n        content:\n          type: string\n          maxLength: 200000\n        content_text:\n          type: string\n          maxLength: 200000\n          description: Alias of `content`.\n        content_json:\n          description: Optional structured content (any JSON value).\n    AgentInstructionStatus:\n      type: string\n      enum:\n        - pending\n        - confirmed\n        - queued\n        - running\n        - done\n        - failed\n        - canceled\n    AgentInstruction:\n      type: object\n      required:\n        - id\n        - project_id\n        - instruction_text\n        - instruction_type\n        - payload_json\n        - dispatch_to_agent\n        - status\n        - attempts\n        - max_attempts\n        - next_attempt_at\n        - last_error\n        - agent_response_json\n        - created_at\n        - updated_at\n        - confirmed_at\n        - canceled_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        instruction_text:\n          type: string\n        instruction_type:\n          type: string\n          description: The older form's type; `instruction` when only text was given.\n        payload_json:\n          $ref: \"#/components/schemas/JsonObject\"\n        dispatch_to_agent:\n          type: boolean\n        status:\n          $ref: \"#/components/schemas/AgentInstructionStatus\"\n        attempts:\n          type: integer\n          minimum: 0\n          description: Dispatch attempts made so far.\n        max_attempts:\n          type: integer\n          minimum: 1\n        next_attempt_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n          description: When a queued dispatch is next tried.\n        last_error:\n          type:\n            - string\n            - \"null\"\n        agent_response_json:\n          description: The agent endpoint's last JSON answer, or null.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        confirmed_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        canceled_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    AgentInstructionListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - instructions\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        instructions:\n          type: array\n          items:\n            $ref: \"#/components/schemas/AgentInstruction\"\n    AgentInstructionResponse:\n      type: object\n      required:\n        - ok\n        - instruction\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        instruction:\n          $ref: \"#/components/schemas/AgentInstruction\"\n    CreateAgentInstructionRequest:\n      type: object\n      description: \"`instruction_text`, or `instruction_type` with `payload_json` (the\n        older form); both may be given.\"\n      properties:\n        instruction_text:\n          type: string\n          maxLength: 100000\n        instruction_type:\n          type: string\n          maxLength: 100\n        payload_json:\n          $ref: \"#/components/schemas/JsonObject\"\n        dispatch_to_agent:\n          type: boolean\n    AgentInstructionTransitionRequest:\n      type: object\n      properties:\n        message:\n          type: string\n          maxLength: 2000\n          description: Recorded with the event.\n    AgentInstructionEvent:\n      type: object\n      required:\n        - id\n        - project_id\n        - instruction_id\n        - event_type\n        - message\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        instruction_id:\n          type: string\n        event_type:\n          type: string\n          description: created, queued, confirmed, canceled, dispatch_started, dispatched\n            (the agent answered; its status decides done or failed),\n            retry_scheduled, dispatch_failed\n        message:\n          type:\n            - string\n            - \"null\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    AgentInstructionEventListResponse:\n      type: object\n      required:\n        - ok\n        - instruction_id\n        - count\n        - events\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        instruction_id:\n          type: string\n        count:\n          type: integer\n          minimum: 0\n        events:\n          type: array\n          items:\n            $ref: \"#/components/schemas/AgentInstructionEvent\"\n    CreateAuthTokenRequest:\n      type: object\n      properties:\n        label:\n          type: string\n          maxLength: 200\n          description: What the token is for.\n        project_slug:\n          type: string\n          maxLength: 200\n          description: Scope the token to this project.\n        expires_at:\n          type: string\n          format: date-time\n          description: When the token stops working.\n        expires_in_days:\n          type: integer\n          minimum: 1\n          maximum: 3650\n          description: Alternative to expires_at.\n    AuthToken:\n      type: object\n      required:\n        - id\n        - user_id\n        - project_id\n        - token_prefix\n        - label\n        - expires_at\n        - revoked_at\n        - last_used_at\n        - created_at\n        - active\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        user_id:\n          type:\n            - string\n            - \"null\"\n        project_id:\n          type:\n            - string\n            - \"null\"\n          description: The project the token is scoped to, or null for all.\n        token_prefix:\n          type: string\n          description: The first characters of the token, to recognise it.\n        label:\n          type: string\n        expires_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        revoked_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        last_used_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        active:\n          type: boolean\n          description: Not revoked and not expired.\n    AuthTokenCreated:\n      type: object\n      required:\n        - id\n        - token\n        - token_prefix\n        - label\n        - project_id\n        - created_at\n        - expires_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        token:\n          type: string\n          description: The secret value. Shown once; store it now.\n        token_prefix:\n          type: string\n        label:\n          type: string\n        project_id:\n          type:\n            - string\n            - \"null\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        expires_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    AuthTokenCreatedResponse:\n      type: object\n      required:\n        - ok\n        - auth_token\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        auth_token:\n          $ref: \"#/components/schemas/AuthTokenCreated\"\n    AuthTokenListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - auth_tokens\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        auth_tokens:\n          type: array\n          items:\n            $ref: \"#/components/schemas/AuthToken\"\n    AuthTokenRevokedResponse:\n      type: object\n      required:\n        - ok\n        - deleted\n        - token_id\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        deleted:\n          type: boolean\n          const: true\n        token_id:\n          type: string\n    CreateAuthSessionRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        token:\n          type: string\n          minLength: 1\n          maxLength: 200\n          description: \"The API token to exchange, when it is not sent as `Authorization:\n            Bearer`.\"\n    AuthSessionToken:\n      type: object\n      required:\n        - id\n        - label\n        - token_prefix\n        - project_id\n        - project_slug\n        - expires_at\n      additionalProperties: false\n      description: The token a session was made from; its scope is the session's.\n      properties:\n        id:\n          type: string\n        label:\n          type: string\n        token_prefix:\n          type: string\n        project_id:\n          type:\n            - string\n            - \"null\"\n          description: The project the token is scoped to, or null for all.\n        project_slug:\n          type:\n            - string\n            - \"null\"\n        expires_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    AuthSession:\n      type: object\n      required:\n        - id\n        - created_at\n        - expires_at\n        - last_used_at\n        - token\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        expires_at:\n          type: string\n          format: date-time\n          description: When the session stops working.\n        last_used_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        token:\n          $ref: \"#/components/schemas/AuthSessionToken\"\n    AuthSessionResponse:\n      type: object\n      required:\n        - ok\n        - auth_session\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        auth_session:\n          $ref: \"#/components/schemas/AuthSession\"\n    AuthSessionDeletedResponse:\n      type: object\n      required:\n        - ok\n        - deleted\n        - session_id\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        deleted:\n          type: boolean\n          const: true\n        session_id:\n          type: string\n    Secret:\n      type: object\n      required:\n        - project_id\n        - provider_code\n        - secret_name\n        - has_value\n        - hint\n        - key_id\n        - created_at\n        - updated_at\n      additionalProperties: false\n      properties:\n        project_id:\n          type: string\n        provider_code:\n          type: string\n        secret_name:\n          type: string\n        has_value:\n          type: boolean\n        hint:\n          type: string\n          description: A masked hint such as `sk-…a1b2`; never the value.\n        key_id:\n          type: string\n          description: The encryption key the value is stored under.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        updated_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    SecretListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - secrets\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        secrets:\n          type: array\n          items:\n            $ref: \"#/components/schemas/Secret\"\n    SecretResponse:\n      type: object\n      required:\n        - ok\n        - secret\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        secret:\n          $ref: \"#/components/schemas/Secret\"\n    SecretDeletedResponse:\n      type: object\n      required:\n        - ok\n        - deleted\n        - provider_code\n        - secret_name\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        deleted:\n          type: boolean\n          const: true\n        provider_code:\n          type: string\n        secret_name:\n          type: string\n    UpsertSecretRequest:\n      type: object\n      required:\n        - provider_code\n        - secret_name\n        - secret_value\n      properties:\n        provider_code:\n          type: string\n          maxLength: 64\n          description: Normalised like a slug.\n        secret_name:\n          type: string\n          maxLength: 128\n          description: e.g. `api_key`; normalised like a slug.\n        secret_value:\n          type: string\n          minLength: 1\n          maxLength: 65536\n          writeOnly: true\n    SecretKeyUsage:\n      type: object\n      required:\n        - key_id\n        - active\n        - created_at\n        - secret_count\n      additionalProperties: false\n      properties:\n        key_id:\n          type: string\n        active:\n          type: boolean\n          description: New values are encrypted under the active key.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        secret_count:\n          type: integer\n          minimum: 0\n          description: How many of this project's values use the key.\n    SecretRotationStatusResponse:\n      type: object\n      required:\n        - ok\n        - rotation_status\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        rotation_status:\n          type: object\n          required:\n            - active_key_id\n            - total_secrets\n            - stale_secrets\n            - keys\n          additionalProperties: false\n          properties:\n            active_key_id:\n              type:\n                - string\n                - \"null\"\n            total_secrets:\n              type: integer\n              minimum: 0\n            stale_secrets:\n              type: integer\n              minimum: 0\n              description: Values not under the active key.\n            keys:\n              type: array\n              items:\n                $ref: \"#/components/schemas/SecretKeyUsage\"\n    SecretRotationResponse:\n      type: object\n      required:\n        - ok\n        - rotation\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        rotation:\n          type: object\n          required:\n            - key_id\n            - rotated\n            - previous_key_ids\n          additionalProperties: false\n          properties:\n            key_id:\n              type: string\n              description: The new active key.\n            rotated:\n              type: integer\n              minimum: 0\n              description: How many values were re-encrypted.\n            previous_key_ids:\n              type: array\n              items:\n                type: string\n    BootstrapSettings:\n      type: object\n      description: A project's settings in the bootstrap exchange shape. Sections not\n        given are left alone in merge mode.\n      properties:\n        project:\n          type: object\n          properties:\n            name:\n              type: string\n              maxLength: 200\n            description:\n              type: string\n              maxLength: 10000\n        provider_accounts:\n          type: array\n          items:\n            type: object\n            required:\n              - provider_code\n            properties:\n              provider_code:\n                type: string\n                maxLength: 64\n              display_name:\n                type: string\n                maxLength: 200\n              account_ref:\n                type: string\n                maxLength: 500\n              base_url:\n                type: string\n                maxLength: 2048\n              enabled:\n                type: boolean\n              config_json:\n                $ref: \"#/components/schemas/JsonObject\"\n        style_guides:\n          type: array\n          items:\n            type: object\n            required:\n              - name\n              - instructions\n            properties:\n              name:\n                type: string\n                maxLength: 200\n              instructions:\n                type: string\n                maxLength: 100000\n              notes:\n                type: string\n                maxLength: 100000\n        characters:\n          type: array\n          items:\n            type: object\n            required:\n              - name\n            properties:\n              name:\n                type: string\n                maxLength: 200\n              description:\n                type: string\n                maxLength: 100000\n              prompt_text:\n                type: string\n                maxLength: 100000\n        reference_sets:\n          type: array\n          items:\n            type: object\n            required:\n              - name\n              - items\n            properties:\n              name:\n                type: string\n                maxLength: 200\n              description:\n                type: string\n                maxLength: 100000\n              items:\n                type: array\n                description: Required (`[]` for none).\n                items:\n                  type: object\n                  properties:\n                    label:\n                      type: string\n                      maxLength: 500\n                    content_uri:\n                      type:\n                        - string\n                        - \"null\"\n                      maxLength: 4096\n                    content_text:\n                      type:\n                        - string\n                        - \"null\"\n                      maxLength: 100000\n                    sort_order:\n                      type: integer\n                    metadata_json:\n                      $ref: \"#/components/schemas/JsonObject\"\n        prompt_templates:\n          type: array\n          items:\n            type: object\n            required:\n              - name\n              - template_text\n            properties:\n              name:\n                type: string\n                maxLength: 200\n              template_text:\n                type: string\n                maxLength: 100000\n        secrets:\n          type: array\n          description: Secret names only (export); ignored on import, since values never\n            travel here.\n          items:\n            type: object\n            required:\n              - provider_code\n              - secret_name\n            properties:\n              provider_code:\n                type: string\n              secret_name:\n                type: string\n    BootstrapPromptResponse:\n      type: object\n      required:\n        - ok\n        - bootstrap\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        bootstrap:\n          type: object\n          required:\n            - schema_version\n            - generated_at\n            - project\n            - settings\n            - expected_response\n            - prompt\n          additionalProperties: false\n          properties:\n            schema_version:\n              type: integer\n              minimum: 1\n            generated_at:\n              $ref: \"#/components/schemas/Timestamp\"\n            project:\n              $ref: \"#/components/schemas/Project\"\n            settings:\n              $ref: \"#/components/schemas/BootstrapSettings\"\n            expected_response:\n              $ref: \"#/components/schemas/JsonObject\"\n              description: The shape the assistant must answer with (a JSON schema).\n            prompt:\n              type: string\n              description: Ready-to-paste text for an AI assistant.\n    BootstrapImportRequest:\n      type: object\n      properties:\n        settings:\n          $ref: \"#/components/schemas/BootstrapSettings\"\n        ai_response_text:\n          type: string\n          maxLength: 500000\n          description: An assistant's raw reply holding the settings JSON (fenced or not).\n        mode:\n          type: string\n          enum:\n            - merge\n            - replace\n          description: Default `merge`.\n        dry_run:\n          type: boolean\n          description: Report the changes without writing.\n    BootstrapSectionChanges:\n      type: object\n      required:\n        - created\n        - updated\n        - removed\n        - unchanged\n      additionalProperties: false\n      properties:\n        created:\n          type: integer\n          minimum: 0\n        updated:\n          type: integer\n          minimum: 0\n        removed:\n          type: integer\n          minimum: 0\n        unchanged:\n          type: integer\n          minimum: 0\n    BootstrapImportResponse:\n      type: object\n      required:\n        - ok\n        - bootstrap_import\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        bootstrap_import:\n          type: object\n          required:\n            - schema_version\n            - mode\n            - dry_run\n            - project_updated\n            - applied\n            - changes\n            - project\n            - settings\n          additionalProperties: false\n          properties:\n            schema_version:\n              type: integer\n              minimum: 1\n            mode:\n              type: string\n              enum:\n                - merge\n                - replace\n            dry_run:\n              type: boolean\n            project_updated:\n              type: boolean\n            applied:\n              type: boolean\n              description: False for a dry run.\n            changes:\n              type: object\n              required:\n                - provider_accounts\n                - style_guides\n                - characters\n                - reference_sets\n                - prompt_templates\n              additionalProperties: false\n              properties:\n                provider_accounts:\n                  $ref: \"#/components/schemas/BootstrapSectionChanges\"\n                style_guides:\n                  $ref: \"#/components/schemas/BootstrapSectionChanges\"\n                characters:\n                  $ref: \"#/components/schemas/BootstrapSectionChanges\"\n                reference_sets:\n                  $ref: \"#/components/schemas/BootstrapSectionChanges\"\n                prompt_templates:\n                  $ref: \"#/components/schemas/BootstrapSectionChanges\"\n            project:\n              $ref: \"#/components/schemas/Project\"\n            settings:\n              $ref: \"#/components/schemas/BootstrapSettings\"\n              description: The settings after the import (or as they would be, for a dry run).\n    ValidateRunConfigRequest:\n      type: object\n      properties:\n        app_settings_path:\n          type: string\n          maxLength: 4096\n          description: Instead of config/pipeline.settings.toml.\n        project_settings_path:\n          type: string\n          maxLength: 4096\n          description: Instead of <project_root>/.kroma/pipeline.settings.json.\n        manifest_path:\n          type: string\n          maxLength: 4096\n          description: Check this manifest instead of the one the settings name.\n        postprocess_config_path:\n          type: string\n          maxLength: 4096\n          description: Check this postprocess.json instead.\n    ConfigProblem:\n      type: object\n      required:\n        - file\n        - field\n        - message\n      additionalProperties: false\n      properties:\n        file:\n          type: string\n        field:\n          type: string\n          description: Dotted path inside the file, e.g.\n            `pipeline.postprocess.upscale_backend`.\n        message:\n          type: string\n    ResolvedSetting:\n      type: object\n      required:\n        - key\n        - value\n        - source\n      additionalProperties: false\n      properties:\n        key:\n          type: string\n        value:\n          description: The value in effect (any JSON value).\n        source:\n          type: string\n          enum:\n            - override\n            - project\n            - app\n            - default\n        file:\n          type: string\n          description: The file the value came from.\n    ValidateRunConfigResponse:\n      type: object\n      required:\n        - ok\n        - summary\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        summary:\n          type: object\n          required:\n            - valid\n            - app_settings_loaded\n            - project_settings_loaded\n            - resolved_manifest_path\n            - resolved_postprocess_config_path\n            - manifest_loaded\n            - postprocess_config_loaded\n            - problems\n            - settings\n          additionalProperties: false\n          properties:\n            valid:\n              type: boolean\n            project_root:\n              type: string\n            app_settings_loaded:\n              type: boolean\n            project_settings_loaded:\n              type: boolean\n            resolved_manifest_path:\n              type: string\n            resolved_postprocess_config_path:\n              type: string\n            manifest_loaded:\n              type: boolean\n            postprocess_config_loaded:\n              type: boolean\n            problems:\n              type: array\n              items:\n                $ref: \"#/components/schemas/ConfigProblem\"\n            settings:\n              type: array\n              items:\n                $ref: \"#/components/schemas/ResolvedSetting\"\n    RunMode:\n      type: string\n      enum:\n        - dry\n        - run\n    RunRecordStatus:\n      type: string\n      enum:\n        - queued\n        - running\n        - canceling\n        - succeeded\n        - partial\n        - failed\n        - canceled\n        - interrupted\n      description: >\n        `queued -> running -> succeeded | partial | failed | canceled`\n        (`canceling` while a cancel waits\n\n        for the request in flight). `partial`: some jobs failed. `interrupted`:\n        the server stopped while\n\n        the run was queued or running (on SIGTERM/SIGINT it first lets an image\n        request in flight finish\n\n        within `KROMA_SHUTDOWN_GRACE_MS`, default 30000, then aborts it,\n        recorded as possibly billed), or\n\n        the process that owned it is gone; it is never re-run by itself (`POST\n        /runs/{runId}/resume`).\n\n        A dry run that planned its jobs is `succeeded`.\n    Run:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_mode\n        - status\n        - stage\n        - time_of_day\n        - weather\n        - model_name\n        - provider_code\n        - settings_snapshot_json\n        - image_size\n        - image_quality\n        - run_log_path\n        - started_at\n        - finished_at\n        - created_at\n        - error\n        - summary_json\n        - deleted_at\n        - trash_id\n        - reserved_usd\n        - retried_from\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n          description: The run id (`run_<stamp>_<hex>`), as in the run log.\n        project_id:\n          type: string\n        run_mode:\n          $ref: \"#/components/schemas/RunMode\"\n        status:\n          $ref: \"#/components/schemas/RunRecordStatus\"\n        stage:\n          type:\n            - string\n            - \"null\"\n        time_of_day:\n          type:\n            - string\n            - \"null\"\n        weather:\n          type:\n            - string\n            - \"null\"\n        model_name:\n          type:\n            - string\n            - \"null\"\n        provider_code:\n          type:\n            - string\n            - \"null\"\n        settings_snapshot_json:\n          description: \"What the run used: generation, output guard, post-process, API,\n            versions and inputs; null until the run starts.\"\n          oneOf:\n            - $ref: \"#/components/schemas/JsonObject\"\n            - type: \"null\"\n        image_size:\n          type:\n            - string\n            - \"null\"\n        image_quality:\n          type:\n            - string\n            - \"null\"\n        run_log_path:\n          type:\n            - string\n            - \"null\"\n          description: The run log, relative to the project root (`runs/<run_id>.json`)\n            once written.\n        started_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        finished_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        error:\n          type:\n            - string\n            - \"null\"\n          description: Why the run failed or stopped, when it did.\n        summary_json:\n          description: The run log's counts (`jobs`, `done`, `failed`, ...); null until\n            the log is ingested.\n          oneOf:\n            - $ref: \"#/components/schemas/JsonObject\"\n            - type: \"null\"\n        deleted_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n          description: When the run was put in the trash (`deleteRun`); null while it is\n            live.\n        trash_id:\n          type:\n            - string\n            - \"null\"\n          description: The trash entry holding it, while deleted.\n        reserved_usd:\n          type:\n            - number\n            - \"null\"\n          description: What a paid run the server queued reserved against the project's\n            budget (its spend estimate); null for dry and ingested runs.\n        retried_from:\n          type:\n            - string\n            - \"null\"\n          description: The run this one re-runs (`POST /runs/{runId}/rerun`); null for a\n            run triggered or ingested.\n    RunCandidate:\n      type: object\n      required:\n        - id\n        - job_id\n        - candidate_index\n        - status\n        - output_asset_id\n        - final_asset_id\n        - output_path\n        - final_output_path\n        - rank_hard_failures\n        - rank_soft_warnings\n        - rank_avg_chroma_exceed\n        - meta_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        job_id:\n          type: string\n        candidate_index:\n          type: integer\n          minimum: 1\n        status:\n          type: string\n          enum:\n            - planned\n            - generated\n            - existing\n            - failed\n          description: \"`planned` in dry runs; `existing`: a post-process run's source\n            file.\"\n        output_asset_id:\n          type:\n            - string\n            - \"null\"\n        final_asset_id:\n          type:\n            - string\n            - \"null\"\n          description: \"Set on the selected candidate: the job's final output asset.\"\n        output_path:\n          type:\n            - string\n            - \"null\"\n        final_output_path:\n          type:\n            - string\n            - \"null\"\n        rank_hard_failures:\n          type:\n            - integer\n            - \"null\"\n        rank_soft_warnings:\n          type:\n            - integer\n            - \"null\"\n        rank_avg_chroma_exceed:\n          type:\n            - number\n            - \"null\"\n        meta_json:\n          $ref: \"#/components/schemas/JsonObject\"\n          description: Attempts, usage, the cost recorded from it, error, timings and\n            bytes, as logged (the guard verdict is the quality report).\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    RunJob:\n      type: object\n      required:\n        - id\n        - run_id\n        - job_key\n        - status\n        - prompt_text\n        - selected_candidate_index\n        - final_asset_id\n        - final_output\n        - meta_json\n        - created_at\n        - candidates\n        - review_state\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        run_id:\n          type: string\n        job_key:\n          type: string\n          description: The job id of the run log (`style_1_street`).\n        status:\n          type: string\n          enum:\n            - planned\n            - done\n            - failed\n            - failed_guard\n            - canceled\n            - running\n          description: \"`running`: the job generating now in a run still in progress (its\n            candidates so far are recorded).\"\n        prompt_text:\n          type:\n            - string\n            - \"null\"\n        selected_candidate_index:\n          type:\n            - integer\n            - \"null\"\n        final_asset_id:\n          type:\n            - string\n            - \"null\"\n        final_output:\n          type:\n            - string\n            - \"null\"\n        meta_json:\n          $ref: \"#/components/schemas/JsonObject\"\n          description: Stage, time, weather, input images, error and timing, as logged.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        candidates:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunCandidate\"\n        review_state:\n          $ref: \"#/components/schemas/ReviewState\"\n    Asset:\n      type: object\n      required:\n        - id\n        - project_id\n        - kind\n        - asset_kind\n        - storage_uri\n        - rel_path\n        - storage_backend\n        - mime_type\n        - width\n        - height\n        - sha256\n        - run_id\n        - job_id\n        - candidate_id\n        - metadata_json\n        - created_at\n        - stale\n        - deleted_at\n        - trash_id\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        kind:\n          type: string\n          description: \"`image` for files a run wrote.\"\n        asset_kind:\n          type:\n            - string\n            - \"null\"\n          description: \"`final` (the job's chosen candidate), `candidate` (another of its\n            N), or the post-process stage that wrote it.\"\n        storage_uri:\n          type:\n            - string\n            - \"null\"\n          description: \"`file://` URL of the file when it was ingested.\"\n        rel_path:\n          type:\n            - string\n            - \"null\"\n          description: Relative to the project root.\n        storage_backend:\n          type: string\n        mime_type:\n          type:\n            - string\n            - \"null\"\n        width:\n          type:\n            - integer\n            - \"null\"\n        height:\n          type:\n            - integer\n            - \"null\"\n        sha256:\n          type:\n            - string\n            - \"null\"\n        run_id:\n          type:\n            - string\n            - \"null\"\n        job_id:\n          type:\n            - string\n            - \"null\"\n        candidate_id:\n          type:\n            - string\n            - \"null\"\n        metadata_json:\n          $ref: \"#/components/schemas/JsonObject\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        stale:\n          type: boolean\n          description: >\n            True when the file at `rel_path` no longer holds the bytes `sha256`\n            names and they were not\n\n            found elsewhere in the project (a record from before runs wrote\n            under `outputs/<run_id>/`,\n\n            whose file a later run replaced). Such a record is kept, but its\n            file is not served.\n        original_name:\n          type:\n            - string\n            - \"null\"\n          description: The uploaded file's name (`uploadAsset`); null for files a run wrote.\n        deleted_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n          description: >\n            When the asset was put in the trash (`deleteAsset`, `deleteRun`,\n            `pruneRun`, `collectGarbage`);\n\n            null while it is live. While its entry is `trashed`, `rel_path`\n            names its place in the\n\n            trash and its file route serves it from there; after a purge the\n            record stays and its file\n\n            is gone.\n        trash_id:\n          type:\n            - string\n            - \"null\"\n          description: The trash entry holding it, while deleted.\n    QualityGrade:\n      type: string\n      enum:\n        - pass\n        - warn\n        - fail\n      description: \"`fail`: hard failures; `warn`: soft warnings only; `pass`: neither.\"\n    QualityReport:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_id\n        - asset_id\n        - report_type\n        - grade\n        - hard_failures\n        - soft_warnings\n        - avg_chroma_exceed\n        - summary_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        run_id:\n          type:\n            - string\n            - \"null\"\n        asset_id:\n          type:\n            - string\n            - \"null\"\n        report_type:\n          type: string\n          description: \"`output_guard` for the guard's verdict on a candidate.\"\n        grade:\n          $ref: \"#/components/schemas/QualityGrade\"\n        hard_failures:\n          type: integer\n          minimum: 0\n        soft_warnings:\n          type: integer\n          minimum: 0\n        avg_chroma_exceed:\n          type: number\n          minimum: 0\n        summary_json:\n          $ref: \"#/components/schemas/JsonObject\"\n          description: The guard's verdict as logged (`checked_input`, `summary`, `files`).\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    CostEvent:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_id\n        - job_id\n        - provider_code\n        - model_name\n        - event_type\n        - units\n        - unit_cost_usd\n        - total_cost_usd\n        - currency\n        - meta_json\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        run_id:\n          type:\n            - string\n            - \"null\"\n        job_id:\n          type:\n            - string\n            - \"null\"\n        provider_code:\n          type: string\n        model_name:\n          type:\n            - string\n            - \"null\"\n        event_type:\n          type: string\n          description: \"`image_generation`: the images one job generated.\"\n        units:\n          type: number\n          minimum: 0\n          description: Images generated (candidates that succeeded).\n        unit_cost_usd:\n          type:\n            - number\n            - \"null\"\n          description: List-price estimate; null when unknown for the model, size or\n            quality.\n        total_cost_usd:\n          type:\n            - number\n            - \"null\"\n        currency:\n          type: string\n        meta_json:\n          $ref: \"#/components/schemas/JsonObject\"\n          description: \"Job key, the candidates generated, total tokens, size and quality\n            (the basis of the estimate is in the run's settings snapshot), and\n            `recorded_cost_usd`: the job's cost from its answers' usage (null\n            when an answer could not be priced; absent for logs without it).\"\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    RunListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - runs\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        runs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/Run\"\n    RunResponse:\n      type: object\n      required:\n        - ok\n        - run\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        run:\n          $ref: \"#/components/schemas/Run\"\n    RunDetailResponse:\n      type: object\n      required:\n        - ok\n        - run\n        - jobs\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        run:\n          $ref: \"#/components/schemas/Run\"\n        jobs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunJob\"\n    RunJobListResponse:\n      type: object\n      required:\n        - ok\n        - run_id\n        - count\n        - jobs\n        - review_progress\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        run_id:\n          type: string\n        count:\n          type: integer\n          minimum: 0\n        jobs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunJob\"\n        review_progress:\n          $ref: \"#/components/schemas/ReviewProgress\"\n          description: Over every job of the run, whatever `review` filters.\n    DeliveryRequest:\n      type: object\n      description: \"What to deliver: the approved finals of one run (`run_id`), or the\n        latest approved final of every scene (`latest_approved: true`). Exactly\n        one.\"\n      additionalProperties: false\n      properties:\n        run_id:\n          type: string\n          minLength: 1\n        latest_approved:\n          type: boolean\n    ProjectBudget:\n      type: object\n      required:\n        - budget_usd\n        - committed_usd\n        - remaining_usd\n        - updated_at\n      additionalProperties: false\n      properties:\n        budget_usd:\n          type:\n            - number\n            - \"null\"\n          description: The ceiling for the project's paid runs in all, in USD; null when\n            none is set (then nothing is refused for it).\n        committed_usd:\n          type: number\n          description: >\n            What the project's paid runs hold against it: each queued or running\n            run's reservation (its\n\n            estimate at trigger time), and each finished run's recorded cost\n            (its cost events).\n        remaining_usd:\n          type:\n            - number\n            - \"null\"\n          description: \"`budget_usd - committed_usd`; null without a budget.\"\n        updated_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    ProjectBudgetResponse:\n      type: object\n      required:\n        - ok\n        - budget\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        budget:\n          $ref: \"#/components/schemas/ProjectBudget\"\n    SetProjectBudgetRequest:\n      type: object\n      required:\n        - budget_usd\n      additionalProperties: false\n      properties:\n        budget_usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n          maximum: 1000000\n          description: The new ceiling in USD; null removes it.\n    TrashEntryKind:\n      type: string\n      enum:\n        - asset\n        - run\n        - candidates\n        - gc\n      description: >\n        What was put in the trash: one asset (`deleteAsset`), a whole run\n        (`deleteRun`), a run's\n\n        unchosen or rejected candidates (`pruneRun`) or what `collectGarbage`\n        found.\n    TrashEntryStatus:\n      type: string\n      enum:\n        - trashed\n        - restored\n        - purged\n    TrashedFile:\n      type: object\n      required:\n        - rel_path\n        - trash_path\n        - bytes\n        - sha256\n        - asset_id\n      additionalProperties: false\n      properties:\n        rel_path:\n          type: string\n          description: Where the file was, relative to the project root; a restore puts it\n            back there.\n        trash_path:\n          type: string\n          description: Where it is while in the trash\n            (`.kroma/trash/<trash_id>/<rel_path>`).\n        bytes:\n          type: integer\n          minimum: 0\n        sha256:\n          type:\n            - string\n            - \"null\"\n        asset_id:\n          type:\n            - string\n            - \"null\"\n          description: The record that named it; null for an orphan file (`gc`) or a run\n            log.\n    TrashEntry:\n      type: object\n      required:\n        - id\n        - project_id\n        - kind\n        - status\n        - label\n        - run_id\n        - asset_ids\n        - files\n        - file_count\n        - bytes\n        - deleted_at\n        - expires_at\n        - deleted_by\n        - note\n        - restored_at\n        - purged_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n          description: \"`trash_<uuid>`.\"\n        project_id:\n          type: string\n        kind:\n          $ref: \"#/components/schemas/TrashEntryKind\"\n        status:\n          $ref: \"#/components/schemas/TrashEntryStatus\"\n        label:\n          type: string\n          description: What it holds, for people (`run run_... (12 assets)`).\n        run_id:\n          type:\n            - string\n            - \"null\"\n          description: The run deleted or pruned; null otherwise.\n        asset_ids:\n          type: array\n          items:\n            type: string\n          description: The asset records put in the trash with it.\n        files:\n          type: array\n          items:\n            $ref: \"#/components/schemas/TrashedFile\"\n        file_count:\n          type: integer\n          minimum: 0\n        bytes:\n          type: integer\n          minimum: 0\n          description: Bytes the files take; what a purge frees.\n        deleted_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        expires_at:\n          $ref: \"#/components/schemas/Timestamp\"\n          description: When a purge of expired entries removes it\n            (`KROMA_TRASH_RETENTION_DAYS` after `deleted_at`).\n        deleted_by:\n          type:\n            - string\n            - \"null\"\n          description: The token's label; null when auth is off.\n        note:\n          type:\n            - string\n            - \"null\"\n        restored_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n        purged_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    TrashResponse:\n      type: object\n      required:\n        - ok\n        - trash\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        trash:\n          $ref: \"#/components/schemas/TrashEntry\"\n    TrashListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - bytes\n        - retention_days\n        - trash\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        bytes:\n          type: integer\n          minimum: 0\n          description: Bytes held by every entry still `trashed`.\n        retention_days:\n          type: number\n          description: How long an entry stays restorable.\n        trash:\n          type: array\n          items:\n            $ref: \"#/components/schemas/TrashEntry\"\n    PruneRunRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        which:\n          type: string\n          enum:\n            - unchosen\n            - rejected\n          description: >\n            `unchosen` (the default): every candidate that is not its job's\n            final (the image and its post-processed\n\n            files). `rejected`: every file of the jobs a review rejected.\n        note:\n          type: string\n          maxLength: 2000\n    PurgeTrashRequest:\n      type: object\n      additionalProperties: false\n      description: \"Which entries to purge: by default those past `expires_at`;\n        `trash_ids` names some; `all: true` empties the trash.\"\n      properties:\n        trash_ids:\n          type: array\n          items:\n            type: string\n            minLength: 1\n          maxItems: 1000\n        all:\n          type: boolean\n    PurgeTrashResponse:\n      type: object\n      required:\n        - ok\n        - purged\n        - files\n        - bytes\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        purged:\n          type: array\n          items:\n            type: string\n          description: Ids of the entries purged.\n        files:\n          type: integer\n          minimum: 0\n          description: Files removed.\n        bytes:\n          type: integer\n          minimum: 0\n          description: Bytes freed.\n    GarbageRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        dry_run:\n          type: boolean\n          description: Report only (`true`, the default). `false` moves what was found\n            into the trash, as one `gc` entry.\n    OrphanFile:\n      type: object\n      required:\n        - path\n        - bytes\n      additionalProperties: false\n      properties:\n        path:\n          type: string\n          description: Relative to the project root.\n        bytes:\n          type: integer\n          minimum: 0\n    MissingFile:\n      type: object\n      required:\n        - asset_id\n        - path\n      additionalProperties: false\n      properties:\n        asset_id:\n          type: string\n        path:\n          type:\n            - string\n            - \"null\"\n    GarbageResponse:\n      type: object\n      required:\n        - ok\n        - dry_run\n        - scanned\n        - orphan_files\n        - orphan_bytes\n        - missing_files\n        - skipped\n        - trash\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        dry_run:\n          type: boolean\n        scanned:\n          type: integer\n          minimum: 0\n          description: Files looked at under the directories runs and uploads write.\n        orphan_files:\n          type: array\n          items:\n            $ref: \"#/components/schemas/OrphanFile\"\n          description: Files no record names.\n        orphan_bytes:\n          type: integer\n          minimum: 0\n        missing_files:\n          type: array\n          items:\n            $ref: \"#/components/schemas/MissingFile\"\n          description: Records whose file is not there.\n        skipped:\n          type: array\n          items:\n            type: string\n          description: \"Directories left alone: those of runs still queued or running.\"\n        trash:\n          oneOf:\n            - $ref: \"#/components/schemas/TrashEntry\"\n            - type: \"null\"\n          description: The entry made when `dry_run` was false and something was found.\n    DiskArea:\n      type: object\n      required:\n        - area\n        - bytes\n        - files\n      additionalProperties: false\n      properties:\n        area:\n          type: string\n          description: A top-level directory of the project root (`outputs`, `upscaled`,\n            `uploads`, `.kroma/trash`, `.kroma/cache`, ...); `(root)` for files\n            directly in it.\n        bytes:\n          type: integer\n          minimum: 0\n        files:\n          type: integer\n          minimum: 0\n    RunDiskUse:\n      type: object\n      required:\n        - run_id\n        - bytes\n        - files\n        - trashed_bytes\n      additionalProperties: false\n      properties:\n        run_id:\n          type: string\n        bytes:\n          type: integer\n          minimum: 0\n          description: Bytes of the run's files still in place (its assets and its run log).\n        files:\n          type: integer\n          minimum: 0\n        trashed_bytes:\n          type: integer\n          minimum: 0\n          description: Bytes of the run's files now in the trash.\n    DiskUsageResponse:\n      type: object\n      required:\n        - ok\n        - total_bytes\n        - files\n        - trash_bytes\n        - cache_bytes\n        - areas\n        - runs\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        total_bytes:\n          type: integer\n          minimum: 0\n          description: Every file under the project root.\n        files:\n          type: integer\n          minimum: 0\n        trash_bytes:\n          type: integer\n          minimum: 0\n        cache_bytes:\n          type: integer\n          minimum: 0\n          description: Thumbnails; made again when needed.\n        areas:\n          type: array\n          items:\n            $ref: \"#/components/schemas/DiskArea\"\n          description: Largest first.\n        runs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunDiskUse\"\n          description: Every run of the project, largest first.\n    RunDiskUsageResponse:\n      type: object\n      required:\n        - ok\n        - usage\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        usage:\n          $ref: \"#/components/schemas/RunDiskUse\"\n    ReviewState:\n      type: string\n      enum:\n        - pending\n        - approved\n        - rejected\n      description: >\n        A job's review: `pending` until someone approves or rejects its final,\n        and again after an\n\n        undo or after another candidate is selected (a decision is about the\n        candidate's bytes).\n    ReviewAction:\n      type: string\n      enum:\n        - select\n        - approve\n        - reject\n        - undo\n    ReviewProgress:\n      type: object\n      description: How far a run's review has come; `decided` = approved + rejected.\n      required:\n        - total\n        - decided\n        - approved\n        - rejected\n        - pending\n      additionalProperties: false\n      properties:\n        total:\n          type: integer\n          minimum: 0\n        decided:\n          type: integer\n          minimum: 0\n        approved:\n          type: integer\n          minimum: 0\n        rejected:\n          type: integer\n          minimum: 0\n        pending:\n          type: integer\n          minimum: 0\n    ReviewEvent:\n      type: object\n      description: One decision on a job, as the review history lists it (oldest first).\n      required:\n        - id\n        - run_id\n        - job_id\n        - seq\n        - action\n        - state\n        - candidate_index\n        - candidate_sha256\n        - previous_state\n        - previous_candidate_index\n        - note\n        - actor\n        - audit_id\n        - created_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        run_id:\n          type: string\n        job_id:\n          type: string\n        seq:\n          type: integer\n          minimum: 1\n        action:\n          $ref: \"#/components/schemas/ReviewAction\"\n        state:\n          $ref: \"#/components/schemas/ReviewState\"\n        candidate_index:\n          type:\n            - integer\n            - \"null\"\n          description: The job's chosen candidate after the decision.\n        candidate_sha256:\n          type:\n            - string\n            - \"null\"\n          description: The sha256 of that candidate's image.\n        previous_state:\n          $ref: \"#/components/schemas/ReviewState\"\n        previous_candidate_index:\n          type:\n            - integer\n            - \"null\"\n          description: What the decision replaced.\n        note:\n          type:\n            - string\n            - \"null\"\n          description: Why, as the reviewer wrote it.\n        actor:\n          type:\n            - string\n            - \"null\"\n          description: The label of the token that decided (null when no token was needed).\n        audit_id:\n          type: string\n          description: The decision's audit event (`GET /audit-events`).\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    SelectCandidateRequest:\n      type: object\n      required:\n        - candidate_index\n      additionalProperties: false\n      properties:\n        candidate_index:\n          type: integer\n          minimum: 1\n          maximum: 6\n          description: The candidate to make the job's final.\n        note:\n          type: string\n          maxLength: 2000\n        confirm_spend:\n          type: boolean\n          description: >\n            Needed only when making the candidate final would call a paid\n            service (a post-process\n\n            step it never completed); without it such a select is refused,\n            naming the step.\n    ReviewDecisionRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        note:\n          type: string\n          maxLength: 2000\n    ApproveRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        note:\n          type: string\n          maxLength: 2000\n        baseline:\n          type: boolean\n          description: Also make the approved final the project's baseline for the job's\n            scene.\n        replace_baseline:\n          type: boolean\n          description: \"With `baseline`: replace the scene's existing baseline (without\n            it, an existing one is a 409).\"\n    Baseline:\n      type: object\n      description: The approved final a scene is held to.\n      required:\n        - scene\n        - asset_id\n        - run_id\n        - job_id\n        - created_at\n      additionalProperties: false\n      properties:\n        scene:\n          type: string\n          description: The scene's path under the project root (`scenes/alley.png`).\n        asset_id:\n          type: string\n        run_id:\n          type: string\n        job_id:\n          type: string\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    ReviewResponse:\n      type: object\n      required:\n        - ok\n        - job\n        - review\n        - audit_id\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        job:\n          $ref: \"#/components/schemas/RunJob\"\n        review:\n          $ref: \"#/components/schemas/ReviewEvent\"\n        baseline:\n          $ref: \"#/components/schemas/Baseline\"\n        replaced_baseline:\n          oneOf:\n            - $ref: \"#/components/schemas/Baseline\"\n            - type: \"null\"\n        audit_id:\n          type: string\n    ReviewHistoryResponse:\n      type: object\n      required:\n        - ok\n        - run_id\n        - job_id\n        - count\n        - history\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        run_id:\n          type: string\n        job_id:\n          type: string\n        count:\n          type: integer\n          minimum: 0\n        history:\n          type: array\n          items:\n            $ref: \"#/components/schemas/ReviewEvent\"\n    AssetListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - assets\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        assets:\n          type: array\n          items:\n            $ref: \"#/components/schemas/Asset\"\n    AssetResponse:\n      type: object\n      required:\n        - ok\n        - asset\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        asset:\n          $ref: \"#/components/schemas/Asset\"\n    UploadAssetKind:\n      type: string\n      enum:\n        - scene\n        - reference\n    UploadAssetForm:\n      type: object\n      required:\n        - file\n      properties:\n        file:\n          type: string\n          format: binary\n          description: \"The image: PNG, JPEG or WebP.\"\n        name:\n          type: string\n          maxLength: 255\n          description: \"The file's original name (default: the part's file name).\"\n    UploadAssetResponse:\n      type: object\n      required:\n        - ok\n        - asset\n        - deduplicated\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        asset:\n          $ref: \"#/components/schemas/Asset\"\n        deduplicated:\n          type: boolean\n          description: \"True when these bytes were stored before as this kind: `asset` is\n            that asset.\"\n    IngestRunForm:\n      type: object\n      required:\n        - run_log\n      properties:\n        run_log:\n          type: string\n          format: binary\n          description: The run log (JSON), as written to `runs/<run_id>.json`.\n        files:\n          type: array\n          description: Files the log names; each part's file name is the path the log\n            gives it, relative to the project root.\n          items:\n            type: string\n            format: binary\n    IngestRunResponse:\n      type: object\n      required:\n        - ok\n        - run_id\n        - changed\n        - files\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        run_id:\n          type: string\n        changed:\n          type: boolean\n          description: \"False when this very log was recorded before: nothing changed.\"\n        counts:\n          type: object\n          description: Rows written, when `changed`.\n          required:\n            - jobs\n            - candidates\n            - assets\n            - quality_reports\n            - cost_events\n          additionalProperties: false\n          properties:\n            jobs:\n              type: integer\n              minimum: 0\n            candidates:\n              type: integer\n              minimum: 0\n            assets:\n              type: integer\n              minimum: 0\n            quality_reports:\n              type: integer\n              minimum: 0\n            cost_events:\n              type: integer\n              minimum: 0\n        files:\n          type: object\n          description: The files the log names, by how the server has them.\n          required:\n            - received\n            - on_disk\n          additionalProperties: false\n          properties:\n            received:\n              type: integer\n              minimum: 0\n              description: Placed from this request's uploads.\n            on_disk:\n              type: integer\n              minimum: 0\n              description: Already under the project root with the log's sha256.\n    RecordAssetMovesRequest:\n      type: object\n      required:\n        - moves\n      additionalProperties: false\n      properties:\n        moves:\n          type: array\n          minItems: 1\n          maxItems: 10000\n          items:\n            type: object\n            required:\n              - from\n              - to\n            additionalProperties: false\n            properties:\n              from:\n                type: string\n                minLength: 1\n                maxLength: 4096\n                description: Where the file was, relative to the project root.\n              to:\n                type: string\n                minLength: 1\n                maxLength: 4096\n                description: Where it is now, relative to the project root.\n    RecordAssetMovesResponse:\n      type: object\n      required:\n        - ok\n        - records\n        - refused\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        records:\n          type: integer\n          minimum: 0\n          description: Asset records now naming the new paths.\n        refused:\n          type: array\n          description: Moves left unrecorded, with why (the file is not at `to` with the\n            record's sha256, or is still at `from`).\n          items:\n            type: object\n            required:\n              - from\n              - to\n              - reason\n            additionalProperties: false\n            properties:\n              from:\n                type: string\n              to:\n                type: string\n              reason:\n                type: string\n    QualityReportListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - quality_reports\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        quality_reports:\n          type: array\n          items:\n            $ref: \"#/components/schemas/QualityReport\"\n    CostEventListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - total_cost_usd\n        - cost_events\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        total_cost_usd:\n          type: number\n          minimum: 0\n        cost_events:\n          type: array\n          items:\n            $ref: \"#/components/schemas/CostEvent\"\n    TriggerRunRequest:\n      type: object\n      description: >\n        A run request: every option `kroma lab run` takes, with the flag's name\n        in snake_case, but for\n\n        the ones naming a file on the server's disk (the server uses the\n        project's stored root and its\n\n        layered settings). One of `input` (a file or directory under the project\n        root), `scene_refs`,\n\n        `batch`, `assets` and `from_run`; `time` only with stage time or\n        weather; `weather` only with\n\n        stage weather. `assets` and `from_run` post-process existing files (no\n        image request, a\n\n        post-processing stage must be on). `prompt` asks for one image from that\n        prompt, with at most\n\n        one input image (`input` or `scene_refs`) or none (an images\n        generation).\n      additionalProperties: false\n      properties:\n        mode:\n          $ref: \"#/components/schemas/RunMode\"\n          description: Default `dry`.\n        confirm_spend:\n          type: boolean\n          description: \"Required (true) for `mode: run`.\"\n        input:\n          type: string\n          minLength: 1\n          maxLength: 4096\n        scene_refs:\n          type: array\n          minItems: 1\n          maxItems: 10000\n          items:\n            type: string\n            minLength: 1\n            maxLength: 4096\n        style_refs:\n          type: array\n          maxItems: 100\n          items:\n            type: string\n            minLength: 1\n            maxLength: 4096\n        stage:\n          $ref: \"#/components/schemas/RunStage\"\n          description: Default `style`.\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        candidates:\n          type: integer\n          minimum: 1\n          maximum: 100\n          description: \"Images per job (default: the manifest's, else 1); at most\n            `max_candidates` unless `allow_many_candidates`.\"\n        max_candidates:\n          type: integer\n          minimum: 1\n          maximum: 100\n          description: \"Upper bound for `candidates` (default: the manifest's, else 6).\"\n        allow_many_candidates:\n          type: boolean\n          description: Let `candidates` exceed `max_candidates`.\n        output_guard_enabled:\n          type: boolean\n          description: Run the output guard (default true).\n        enforce_grayscale:\n          type: boolean\n          description: \"Fail images that are not grayscale-like (default: the manifest's).\"\n        max_chroma_delta:\n          type: number\n          minimum: 0\n          description: \"The guard's grayscale threshold (default: the manifest's).\"\n        fail_on_chroma_exceed:\n          type: boolean\n          description: \"Fail images above the threshold instead of warning (default: the\n            manifest's).\"\n        archive_replaced:\n          type: boolean\n          description: Archive a file about to be overwritten under `archive/replaced/`\n            first (default true).\n        post_bg_remove:\n          type: boolean\n          description: Remove the background of every generated image (over the layered\n            setting `pipeline.postprocess.bg_remove`).\n        post_upscale:\n          type: boolean\n          description: Upscale every generated image (`pipeline.postprocess.upscale`).\n        upscale_backend:\n          type: string\n          minLength: 1\n          maxLength: 100\n          description: \"`sharp` or `realesrgan-ncnn`\n            (`pipeline.postprocess.upscale_backend`); 400 when upscaling is\n            off.\"\n        post_color:\n          type: boolean\n          description: Colour-correct every generated image (`pipeline.postprocess.color`).\n        post_color_profile:\n          type: string\n          minLength: 1\n          maxLength: 100\n          description: A colour profile (`pipeline.postprocess.color_profile`); 400 when\n            colour correction is off.\n        style_base_prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: Replaces the manifest's `prompts.style_base` for this run.\n        time_day_prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: Replaces `prompts.time_day`.\n        time_night_prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: Replaces `prompts.time_night`.\n        weather_clear_prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: Replaces `prompts.weather_clear`.\n        weather_rain_prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: Replaces `prompts.weather_rain`.\n        model:\n          type: string\n          minLength: 1\n          maxLength: 100\n          description: \"Image model of this run (default: the server's\n            `OPENAI_IMAGE_MODEL`, else `gpt-image-1`); one the pipeline's model\n            table knows, else 400 naming the supported ones.\"\n        size:\n          type: string\n          minLength: 1\n          maxLength: 32\n          description: \"Image size of this run (default: the server's `OPENAI_IMAGE_SIZE`,\n            else `1024x1536`); one the model accepts, else 400 listing the sizes\n            it does.\"\n        quality:\n          type: string\n          minLength: 1\n          maxLength: 32\n          description: \"Image quality of this run (default: the server's\n            `OPENAI_IMAGE_QUALITY`, else `medium`); one the model accepts.\"\n        storage_sync_s3:\n          type: boolean\n          description: Upload the project's new or changed files to its S3 storage after\n            the run (`POST /storage/s3/sync`); refused (400) when the project\n            has no S3 storage enabled, or no credentials that may go to its\n            endpoint.\n        project_root:\n          description: \"Refused: the root comes from the project's stored storage.\"\n        max_spend_usd:\n          type: number\n          exclusiveMinimum: 0\n          description: Refuse the run (400, nothing queued or sent) when its\n            `spend_estimate` exceeds this many dollars, or cannot be priced\n            fully.\n        prompt_template:\n          type: string\n          minLength: 1\n          maxLength: 200\n          description: \"A prompt template of the project, by name or id: its text, with\n            `{placeholders}` filled, replaces the manifest's prompt (which it\n            can place with `{base_prompt}`). Unknown: 400.\"\n        style_guide:\n          type: string\n          minLength: 1\n          maxLength: 200\n          description: \"A style guide of the project, by name or id: its instructions join\n            every prompt.\"\n        characters:\n          type: array\n          minItems: 1\n          maxItems: 20\n          items:\n            type: string\n            minLength: 1\n            maxLength: 200\n          description: \"Characters of the project, by name or id: each joins every prompt\n            as `name: prompt_text`.\"\n        reference_set:\n          type: string\n          minLength: 1\n          maxLength: 200\n          description: \"A reference set of the project, by name or id: its text items join\n            every prompt, its image items (an uploaded asset, or a project file\n            named by `content_uri`) are sent as extra input images, up to the\n            model's limit (else 400).\"\n        prompt_fields:\n          $ref: \"#/components/schemas/PromptFields\"\n        batch:\n          type: array\n          minItems: 1\n          maxItems: 10000\n          items:\n            $ref: \"#/components/schemas/BatchRow\"\n          description: Rows that each name a scene and its template fields and overrides,\n            instead of `input` or `scene_refs`; what `kroma lab dry|run --batch\n            FILE` reads from a JSONL or CSV file.\n        repeat:\n          type: integer\n          minimum: 1\n          maximum: 100\n          description: Plan every job this many times, as separate jobs (after a batch's\n            own expansion). Default 1.\n        assets:\n          type: array\n          minItems: 1\n          maxItems: 1000\n          items:\n            type: string\n            minLength: 1\n            maxLength: 300\n          description: \"Post-process these assets of the project (by id) instead of\n            generating: one job per asset, no image request, the chain's files\n            under the new run's directories, each linked `derived_from` its\n            source. Needs a post-processing stage on (else 400); instead of\n            `input`, `scene_refs`, `batch` and `from_run`.\"\n        from_run:\n          type: string\n          minLength: 1\n          maxLength: 300\n          description: \"Post-process the final output of every job of this run of the\n            project, as `assets` does; unknown run, or one without a final\n            output: 400.\"\n        prompt:\n          type: string\n          minLength: 1\n          maxLength: 32000\n          description: \"One image from this prompt, which replaces the manifest's composed\n            prompt (a style guide, characters or reference set named still join\n            it; `prompt_template` is refused). With `input` or `scene_refs`\n            naming one image: an edit of it; with neither: an images generation\n            (no input image). Not with `batch`, `assets`, `from_run` or\n            `prompt_template`.\"\n        wait:\n          type: boolean\n          description: \"Answer once the run has finished, within the server's\n            `KROMA_TRIGGER_WAIT_MAX_S` (300 s unless set), with `status_code`\n            and `stdout` in `pipeline_trigger`; not given or false: answer at\n            once. The same as the header `Prefer: wait=<seconds>`.\"\n    TriggerRunResponse:\n      type: object\n      required:\n        - ok\n        - pipeline_trigger\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        pipeline_trigger:\n          type: object\n          required:\n            - run_id\n            - status\n            - mode\n            - run\n            - spend_estimate\n          additionalProperties: false\n          properties:\n            run_id:\n              type: string\n            status:\n              $ref: \"#/components/schemas/RunRecordStatus\"\n            mode:\n              $ref: \"#/components/schemas/RunMode\"\n            run:\n              $ref: \"#/components/schemas/Run\"\n            spend_estimate:\n              $ref: \"#/components/schemas/SpendEstimate\"\n            status_code:\n              type: integer\n              description: \"Only in a waited answer (`wait`, `Prefer: wait`) whose run\n                finished: 0 when it succeeded, 1 otherwise (the upstream's exit\n                code).\"\n            stdout:\n              type: string\n              description: \"Only in a waited answer whose run finished: `Run log: <path>` and\n                `Jobs: <n>` on two lines, as the upstream's smoke client reads\n                them.\"\n    RerunRunRequest:\n      type: object\n      description: >\n        Which jobs of a run to run again, as a new run: `jobs` (`all` or\n        `failed`) xor `job_ids` (the\n\n        run's job record ids or job keys, e.g. the scenes a reviewer rejected).\n        The new run repeats the\n\n        original's recorded request and settings for those jobs' scenes.\n      additionalProperties: false\n      properties:\n        jobs:\n          type: string\n          enum:\n            - all\n            - failed\n          description: \"`all`: every job's scene; `failed`: the scenes of jobs that did\n            not finish (`failed`, `failed_guard`, `canceled`).\"\n        job_ids:\n          type: array\n          minItems: 1\n          maxItems: 10000\n          items:\n            type: string\n            minLength: 1\n            maxLength: 300\n        confirm_spend:\n          type: boolean\n          description: Required (true) when the original is a paid run.\n        max_spend_usd:\n          type: number\n          exclusiveMinimum: 0\n          description: \"As the trigger's: refuse (400) when the new run's `spend_estimate`\n            exceeds it.\"\n        wait:\n          type: boolean\n          description: As the trigger's `wait`.\n    SpendEstimate:\n      type: object\n      description: >\n        What a run will cost before it sends anything: the image API requests\n        (jobs x candidates;\n\n        retries not counted), the images, their list price from the model table\n\n        (`packages/pipeline/src/generate/models.ts`), and the paid\n        post-processing calls the run makes\n\n        for every candidate (a cut-out from a paid first backend, PhotoRoom or\n        remove.bg, and the\n\n        OpenAI refine pass). `total_usd` is null when any part cannot be priced\n        (an `auto` quality, a\n\n        model the table does not know, PhotoRoom or remove.bg, whose prices are\n        not in the table);\n\n        `basis` says what was counted and what was not. An estimate from list\n        prices, not a bill. A\n\n        dry run's log and a trigger's answer carry it (for a dry run: what the\n        same run in `mode: run`\n\n        would cost).\n      required:\n        - requests\n        - images\n        - per_image_usd\n        - images_usd\n        - postprocess\n        - total_usd\n        - basis\n      additionalProperties: false\n      properties:\n        requests:\n          type: integer\n          minimum: 0\n          description: Image API requests the run will send (jobs x candidates); retries\n            not counted.\n        images:\n          type: integer\n          minimum: 0\n        per_image_usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n        images_usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n        postprocess:\n          type: array\n          description: The paid post-process stages the run calls for every candidate.\n          items:\n            type: object\n            required:\n              - stage\n              - backend\n              - calls\n              - usd\n            additionalProperties: false\n            properties:\n              stage:\n                $ref: \"#/components/schemas/PostprocessStageName\"\n              backend:\n                type: string\n                description: \"`photoroom`, `removebg` or `openai`.\"\n              calls:\n                type: integer\n                minimum: 0\n              usd:\n                type:\n                  - number\n                  - \"null\"\n                minimum: 0\n                description: Null when the table has no price for the service.\n        total_usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n          description: Images plus post-processing; null when any part is null.\n        basis:\n          type: string\n    RunEvent:\n      type: object\n      description: >\n        One server-sent event of `GET /runs/{runId}/events` (the `data:` JSON;\n        `event:` repeats `type`).\n\n        `status`: the run's status now. `progress`: a request went out or was\n        retried, a candidate or\n\n        a job finished (`phase`; indexes are 1-based). `done`: the terminal\n        status, the summary and\n\n        error if any; the last event of the stream.\n      required:\n        - type\n        - run_id\n        - status\n      additionalProperties: false\n      properties:\n        type:\n          type: string\n          enum:\n            - status\n            - progress\n            - done\n        run_id:\n          type: string\n        status:\n          $ref: \"#/components/schemas/RunRecordStatus\"\n        phase:\n          type: string\n          enum:\n            - request\n            - retry\n            - candidate_done\n            - candidate_failed\n            - job_done\n            - job_skipped\n        job:\n          type: string\n        job_index:\n          type: integer\n          minimum: 1\n        jobs:\n          type: integer\n          minimum: 0\n        candidate:\n          type: integer\n          minimum: 0\n        candidates:\n          type: integer\n          minimum: 0\n        attempt:\n          type: integer\n          minimum: 1\n        job_status:\n          type: string\n        error:\n          type: string\n        job_id:\n          type: string\n          description: \"`candidate_done`, `job_done`: the job's record id (`GET\n            /runs/{runId}/jobs`); `job` is its key in the log.\"\n        asset_ids:\n          type: array\n          items:\n            type: string\n          description: >\n            `candidate_done`: the assets the candidate made (its image, then\n            each post-processed file),\n\n            recorded before the event was sent, so `GET /assets/{assetId}/file`\n            already serves them.\n\n            `job_done`: every asset of the job.\n        summary:\n          oneOf:\n            - $ref: \"#/components/schemas/JsonObject\"\n            - type: \"null\"\n    RunLog:\n      description: \"A run log as written to `runs/<run_id>.json`: a dry run (`mode:\n        dry`) or a paid run (`mode: run`).\"\n      oneOf:\n        - $ref: \"#/components/schemas/DryRunLog\"\n        - $ref: \"#/components/schemas/PaidRunLog\"\n    RunStage:\n      type: string\n      enum:\n        - style\n        - time\n        - weather\n    RunTimeOfDay:\n      type: string\n      enum:\n        - day\n        - night\n    RunWeather:\n      type: string\n      enum:\n        - clear\n        - rain\n    RunOutputGuardSettings:\n      type: object\n      description: The output guard a run applies (manifest values with the request's\n        overrides).\n      required:\n        - enabled\n        - enforce_grayscale\n        - max_chroma_delta\n        - fail_on_chroma_exceed\n      additionalProperties: false\n      properties:\n        enabled:\n          type: boolean\n        enforce_grayscale:\n          type: boolean\n        max_chroma_delta:\n          type: number\n          minimum: 0\n        fail_on_chroma_exceed:\n          type: boolean\n    RunLogInput:\n      type: object\n      description: One file a run read, identified by content.\n      required:\n        - path\n        - role\n        - sha256\n        - size\n      additionalProperties: false\n      properties:\n        path:\n          type: string\n          description: Relative to the project root (with `/`) when inside it, else\n            absolute.\n        role:\n          type: string\n          enum:\n            - scene\n            - style_ref\n            - reference\n          description: \"`reference`: an image of the run's reference set, sent after the\n            style refs.\"\n        sha256:\n          type: string\n          pattern: ^[0-9a-f]{64}$\n        size:\n          type: integer\n          minimum: 0\n    PromptRecordRef:\n      type: object\n      description: >\n        A project record a run's prompts were composed from: its kind, id and\n        name, and the sha256 of\n\n        its content (the fields a prompt can depend on, as JSON with sorted\n        keys; for a reference set,\n\n        its items too), so a replay tells a changed record from an unchanged\n        one.\n      required:\n        - kind\n        - id\n        - name\n        - sha256\n      additionalProperties: false\n      properties:\n        kind:\n          type: string\n          enum:\n            - prompt_template\n            - style_guide\n            - character\n            - reference_set\n        id:\n          type: string\n        name:\n          type: string\n        sha256:\n          type: string\n          pattern: ^[0-9a-f]{64}$\n    RunSourceAsset:\n      type: object\n      description: \"The existing asset a post-process run's job starts from (`assets`,\n        `from_run`): its id, file and the sha256 its record names, which the\n        file was checked against before the chain ran.\"\n      required:\n        - asset_id\n        - path\n        - sha256\n      additionalProperties: false\n      properties:\n        asset_id:\n          type: string\n        path:\n          type: string\n          description: Relative to the project root.\n        sha256:\n          type: string\n          pattern: ^[0-9a-f]{64}$\n    PromptFields:\n      type: object\n      description: Values for a prompt template's `{placeholders}` (names of letters,\n        digits and `_`; the built-in `scene`, `stage`, `time`, `weather`,\n        `base_prompt`, `style_guide`, `characters` and `references` cannot be\n        set).\n      maxProperties: 100\n      additionalProperties:\n        type: string\n        maxLength: 10000\n    BatchRow:\n      type: object\n      description: >\n        One row of a batch. A list in `scene` or in a field expands the row:\n        lists named together in\n\n        a `zip` group advance in step (equal lengths), every other list\n        multiplies (product, the last\n\n        varying fastest), as InvokeAI's batches do; `repeat` runs each\n        combination that many times.\n\n        Each job records its row (`batch_row`, 1-based) and its fields\n        (`prompt_fields`).\n      required:\n        - scene\n      additionalProperties: false\n      properties:\n        scene:\n          description: Scene image(s), relative to the project root.\n          oneOf:\n            - type: string\n              minLength: 1\n              maxLength: 4096\n            - type: array\n              minItems: 1\n              maxItems: 1000\n              items:\n                type: string\n                minLength: 1\n                maxLength: 4096\n        fields:\n          type: object\n          description: Template fields of this row (over the request's `prompt_fields`); a\n            list expands the row.\n          maxProperties: 100\n          additionalProperties:\n            oneOf:\n              - type: string\n                maxLength: 10000\n              - type: array\n                minItems: 1\n                maxItems: 1000\n                items:\n                  type: string\n                  maxLength: 10000\n        stage:\n          $ref: \"#/components/schemas/RunStage\"\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        zip:\n          type: array\n          maxItems: 100\n          items:\n            type: array\n            minItems: 1\n            maxItems: 101\n            items:\n              type: string\n              minLength: 1\n              maxLength: 100\n          description: Groups of keys (`scene` and field names) whose lists advance\n            together.\n        repeat:\n          type: integer\n          minimum: 1\n          maximum: 100\n          description: Default 1.\n    RunLogGeneration:\n      type: object\n      required:\n        - candidates\n        - max_candidates\n      additionalProperties: false\n      properties:\n        candidates:\n          type: integer\n          minimum: 1\n        max_candidates:\n          type: integer\n          minimum: 1\n    RunLogStorage:\n      type: object\n      required:\n        - project_root\n        - resolved_from_backend\n      additionalProperties: false\n      properties:\n        project_root:\n          type: string\n        resolved_from_backend:\n          type: boolean\n    RunLogVersions:\n      type: object\n      required:\n        - kroma\n        - node\n      additionalProperties: false\n      properties:\n        kroma:\n          type: string\n        node:\n          type: string\n    DryRunJob:\n      type: object\n      description: \"A job of a dry run: what would be generated, and where.\"\n      required:\n        - id\n        - mode\n        - time\n        - weather\n        - input_images\n        - prompt\n        - status\n        - planned_generation\n        - planned_postprocess\n        - planned_output_guard\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        mode:\n          $ref: \"#/components/schemas/RunStage\"\n          description: The stage, named `mode` as in the seed's logs.\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        input_images:\n          type: array\n          items:\n            type: string\n          description: The scene, then every style reference, then the reference set's\n            images; relative to the project root where inside it.\n        prompt:\n          type: string\n          description: Composed from the manifest's prompt and the run's records\n            (`prompt_records`).\n        prompt_fields:\n          $ref: \"#/components/schemas/PromptFields\"\n          description: The template fields the job was given (the request's, then its\n            batch row's); absent when none.\n        batch_row:\n          type: integer\n          minimum: 1\n          description: The batch row (1-based) that produced the job; absent without a\n            batch.\n        source_asset:\n          $ref: \"#/components/schemas/RunSourceAsset\"\n        status:\n          type: string\n          const: planned\n        planned_generation:\n          type: object\n          required:\n            - candidates\n            - outputs\n          additionalProperties: false\n          properties:\n            candidates:\n              type: integer\n              minimum: 1\n            outputs:\n              type: array\n              items:\n                type: string\n        planned_postprocess:\n          description: The post-process settings the caller resolved, recorded as given\n            (any JSON value).\n        planned_output_guard:\n          $ref: \"#/components/schemas/RunOutputGuardSettings\"\n    DryRunLog:\n      type: object\n      description: >\n        The log of a dry run: the seed's fields plus what reproduction and audit\n        need (run id, schema\n\n        version, tool versions, a sha256 of every input, the planned output\n        paths, a status and counts).\n\n        Paths are relative to the project root (with `/`) where inside it,\n        absolute otherwise.\n      required:\n        - run_id\n        - schema_version\n        - timestamp\n        - project\n        - mode\n        - stage\n        - time\n        - weather\n        - model\n        - size\n        - quality\n        - generation\n        - output_guard\n        - postprocess\n        - storage\n        - versions\n        - inputs\n        - jobs\n        - spend_estimate\n        - status\n        - summary\n      additionalProperties: false\n      properties:\n        run_id:\n          type: string\n          pattern: ^[A-Za-z0-9_-]+$\n        schema_version:\n          type: integer\n          const: 1\n        timestamp:\n          $ref: \"#/components/schemas/Timestamp\"\n        project:\n          type: string\n          minLength: 1\n        mode:\n          type: string\n          const: dry\n        stage:\n          $ref: \"#/components/schemas/RunStage\"\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        model:\n          type: string\n        size:\n          type: string\n        quality:\n          type: string\n        generation:\n          $ref: \"#/components/schemas/RunLogGeneration\"\n        output_guard:\n          $ref: \"#/components/schemas/RunOutputGuardSettings\"\n        postprocess:\n          description: The post-process settings the caller resolved, recorded as given\n            (any JSON value).\n        storage:\n          $ref: \"#/components/schemas/RunLogStorage\"\n        versions:\n          $ref: \"#/components/schemas/RunLogVersions\"\n        inputs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunLogInput\"\n        prompt_records:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PromptRecordRef\"\n          description: The records the prompts were composed from (absent in logs written\n            before runs used records).\n        prompt_given:\n          type: string\n          description: A one-image run's prompt as the request gave it (`prompt`), before\n            any record joined it; absent for other runs.\n        reference_images:\n          type: array\n          items:\n            type: string\n          description: The reference set's images, sent after the style refs in every\n            job's `input_images`; absent when none.\n        jobs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/DryRunJob\"\n        spend_estimate:\n          $ref: \"#/components/schemas/SpendEstimate\"\n        status:\n          type: string\n          const: planned\n        summary:\n          type: object\n          required:\n            - jobs\n            - candidates\n          additionalProperties: false\n          properties:\n            jobs:\n              type: integer\n              minimum: 0\n            candidates:\n              type: integer\n              minimum: 0\n    RequestAttempt:\n      type: object\n      description: One request to the images API.\n      required:\n        - attempt\n        - status\n        - ok\n        - ms\n      additionalProperties: false\n      properties:\n        attempt:\n          type: integer\n          minimum: 1\n        status:\n          type:\n            - integer\n            - \"null\"\n          description: HTTP status, or null when no response arrived (network failure,\n            timeout).\n        ok:\n          type: boolean\n        request_id:\n          type: string\n          description: The API's `x-request-id`, for support requests about a specific\n            image.\n        error:\n          type: string\n        retryable:\n          type: boolean\n          description: Whether this failure was worth another attempt.\n        ms:\n          type: integer\n          minimum: 0\n    GuardFileResult:\n      type: object\n      description: One image's guard result, as the QA report lists it.\n      required:\n        - file\n        - chroma_delta\n        - grayscale_like\n        - hard_fail_reasons\n        - soft_warnings\n      additionalProperties: false\n      properties:\n        file:\n          type: string\n        chroma_delta:\n          type: number\n          minimum: 0\n          description: Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3, rounded to 4\n            decimals.\n        grayscale_like:\n          type: boolean\n        hard_fail_reasons:\n          type: array\n          items:\n            type: string\n        soft_warnings:\n          type: array\n          items:\n            type: string\n    CandidateRank:\n      type: object\n      description: \"A candidate's rank: lower is better, compared in this order.\"\n      required:\n        - hard_failures\n        - soft_warnings\n        - avg_chroma_exceed\n      additionalProperties: false\n      properties:\n        hard_failures:\n          type: integer\n          minimum: 0\n        soft_warnings:\n          type: integer\n          minimum: 0\n        avg_chroma_exceed:\n          type: number\n          minimum: 0\n    CandidateGuardLog:\n      type: object\n      description: The output guard's verdict on one candidate, in the seed's shape.\n      required:\n        - checked_input\n        - summary\n        - files\n      additionalProperties: false\n      properties:\n        checked_input:\n          type: string\n          description: The file the guard read (relative to the project root).\n        summary:\n          type: object\n          required:\n            - total_files\n            - hard_failures\n            - soft_warnings\n          additionalProperties: false\n          properties:\n            total_files:\n              type: integer\n              minimum: 0\n            hard_failures:\n              type: integer\n              minimum: 0\n            soft_warnings:\n              type: integer\n              minimum: 0\n        files:\n          type: array\n          items:\n            $ref: \"#/components/schemas/GuardFileResult\"\n    ImageUsage:\n      type: object\n      description: Token usage as the images API reports it (gpt-image models); kept\n        as sent, so open to fields the API adds.\n      properties:\n        input_tokens:\n          type: integer\n          minimum: 0\n        output_tokens:\n          type: integer\n          minimum: 0\n        total_tokens:\n          type: integer\n          minimum: 0\n        input_tokens_details:\n          type: object\n          description: Open (kept as sent); the fields below are the ones gpt-image models\n            report.\n          properties:\n            image_tokens:\n              type: integer\n              minimum: 0\n            text_tokens:\n              type: integer\n              minimum: 0\n        output_tokens_details:\n          type: object\n          description: Open (kept as sent); reported by newer gpt-image models. Without\n            it, `output_tokens` are image tokens.\n          properties:\n            image_tokens:\n              type: integer\n              minimum: 0\n            text_tokens:\n              type: integer\n              minimum: 0\n    RecordedImageCost:\n      type: object\n      description: >\n        What one answered image request cost, computed from the `usage` the\n        answer carried and the\n\n        model table's per-token list prices\n        (`packages/pipeline/src/generate/models.ts`), each kind of\n\n        token at its own price: text input, image input, image output (and text\n        output where the model\n\n        reports it). Not the per-image estimate: the two are computed\n        independently. `usd` is null, with\n\n        the `reason`, when the answer carried no usage or a token price is not\n        known: unknown, never 0.\n      required:\n        - usd\n      additionalProperties: false\n      properties:\n        usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n          description: The parts summed; null when any part cannot be priced (see `reason`).\n        text_input_usd:\n          type: number\n          minimum: 0\n        image_input_usd:\n          type: number\n          minimum: 0\n        image_output_usd:\n          type: number\n          minimum: 0\n        text_output_usd:\n          type: number\n          minimum: 0\n        reason:\n          type: string\n          description: Why `usd` is null.\n    RecordedSpend:\n      type: object\n      description: >\n        What a paid run's answered image requests cost, from the `usage` each\n        carried (every\n\n        candidate's `cost`, and the `params.cost` of each OpenAI refine pass of\n        its post-processing):\n\n        the sum, and how many answers were priced and how many not; PhotoRoom\n        and remove.bg calls are\n\n        not counted (their prices are not in the model table). `usd` is null\n\n        when any answer could not be priced (no usage, or a token price the\n        model table lacks); then\n\n        `priced_usd` is the part that could be. Beside `spend_estimate`, made\n        before the run from list\n\n        prices per image; the two are computed independently.\n      required:\n        - usd\n        - priced_usd\n        - priced_requests\n        - unpriced_requests\n        - basis\n      additionalProperties: false\n      properties:\n        usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n        priced_usd:\n          type: number\n          minimum: 0\n          description: The sum over the answers that could be priced.\n        priced_requests:\n          type: integer\n          minimum: 0\n        unpriced_requests:\n          type: integer\n          minimum: 0\n          description: Answers whose `cost.usd` is null.\n        basis:\n          type: string\n    RunCandidateLog:\n      type: object\n      description: \"One candidate of a paid run: what was asked, every attempt, and\n        what came of it.\"\n      required:\n        - candidate_index\n        - output\n        - status\n        - attempts\n        - rank\n        - output_guard\n        - sha256\n        - bytes\n        - archived_previous\n        - ms\n      additionalProperties: false\n      properties:\n        candidate_index:\n          type: integer\n          minimum: 1\n          description: 1-based, as in the file name `__c<k>`.\n        output:\n          type: string\n          description: Where the candidate is (or would have been) written, relative to\n            the project root.\n        status:\n          type: string\n          enum:\n            - generated\n            - existing\n            - failed\n          description: \"`existing`: a post-process run's source file (the job's\n            `source_asset`), taken as it is: no image request, nothing written.\"\n        error:\n          type: string\n          description: Why the candidate failed (API key masked).\n        attempts:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RequestAttempt\"\n        rank:\n          description: The guard's rank; null when the candidate was not generated or the\n            guard is off.\n          oneOf:\n            - $ref: \"#/components/schemas/CandidateRank\"\n            - type: \"null\"\n        output_guard:\n          description: The guard's verdict; null when the candidate was not generated or\n            the guard is off.\n          oneOf:\n            - $ref: \"#/components/schemas/CandidateGuardLog\"\n            - type: \"null\"\n        sha256:\n          type:\n            - string\n            - \"null\"\n          pattern: ^[0-9a-f]{64}$\n        bytes:\n          type:\n            - integer\n            - \"null\"\n          minimum: 0\n        width:\n          type: integer\n          minimum: 1\n          description: Pixel width of the written PNG (from its header).\n        height:\n          type: integer\n          minimum: 1\n          description: Pixel height of the written PNG (from its header).\n        usage:\n          $ref: \"#/components/schemas/ImageUsage\"\n          description: Token usage when the API reported it.\n        cost:\n          $ref: \"#/components/schemas/RecordedImageCost\"\n          description: The cost of the answered request, from its usage; absent when no\n            answer came back (a failed request bills nothing).\n        postprocess:\n          $ref: \"#/components/schemas/PostprocessChainLog\"\n          description: The post-process chain run on this candidate, when any stage is\n            enabled; the guard then checks the chain's last output.\n        archived_previous:\n          type:\n            - string\n            - \"null\"\n          description: Where the file this candidate overwrote was archived, when there\n            was one.\n        ms:\n          type: integer\n          minimum: 0\n          description: Wall time for the candidate, all attempts and back-off included.\n    PostprocessStageName:\n      type: string\n      enum:\n        - bg_remove\n        - bg_refine_openai\n        - upscale\n        - color\n    PostprocessBackendAttempt:\n      type: object\n      description: One background-removal backend tried, in order.\n      required:\n        - backend\n        - ok\n        - ms\n      additionalProperties: false\n      properties:\n        backend:\n          type: string\n        ok:\n          type: boolean\n        error:\n          type: string\n        ms:\n          type: integer\n          minimum: 0\n    PostprocessStageLog:\n      type: object\n      description: \"One stage of the chain: what it read and wrote, how, how long, and\n        the output's sha256.\"\n      required:\n        - stage\n        - status\n        - input\n        - output\n        - backend\n        - params\n        - ms\n        - sha256\n      additionalProperties: false\n      properties:\n        stage:\n          $ref: \"#/components/schemas/PostprocessStageName\"\n        status:\n          type: string\n          enum:\n            - done\n            - skipped\n            - failed\n          description: \"`skipped`: an optional refine pass that failed (see `warnings`).\"\n        input:\n          type: string\n          description: Relative to the project root.\n        output:\n          type:\n            - string\n            - \"null\"\n          description: Relative to the project root; null when the stage wrote nothing.\n        backend:\n          type:\n            - string\n            - \"null\"\n        backends_tried:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PostprocessBackendAttempt\"\n        params:\n          $ref: \"#/components/schemas/JsonObject\"\n        ms:\n          type: integer\n          minimum: 0\n        sha256:\n          type:\n            - string\n            - \"null\"\n          pattern: ^[0-9a-f]{64}$\n        width:\n          type: integer\n          minimum: 1\n        height:\n          type: integer\n          minimum: 1\n        warnings:\n          type: array\n          items:\n            type: string\n        error:\n          type: string\n        archived:\n          type: string\n          description: Where a file the stage replaced was archived (relative).\n    PostprocessChainLog:\n      type: object\n      description: \"The post-process chain on one image: stages in the fixed order\n        bg_remove -> bg_refine_openai -> upscale -> color.\"\n      required:\n        - status\n        - final_output\n        - pipeline_order\n        - stages\n      additionalProperties: false\n      properties:\n        status:\n          type: string\n          enum:\n            - done\n            - failed\n        final_output:\n          type: string\n          description: The last stage's output, or the last good file when a stage failed\n            (relative).\n        pipeline_order:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PostprocessStageName\"\n        stages:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PostprocessStageLog\"\n    RunJobStatus:\n      type: string\n      enum:\n        - done\n        - failed\n        - failed_guard\n        - canceled\n        - running\n      description: >\n        Job outcome: `failed_guard` keeps its output, but its best candidate\n        still fails the guard;\n\n        `canceled`: the run was canceled before the job finished. `running`\n        appears only in the live\n\n        records of a run still in progress (the job generating now, with its\n        candidates so far),\n\n        never in a finished run's log.\n    RunJobLog:\n      type: object\n      description: One job of a paid run.\n      required:\n        - id\n        - mode\n        - time\n        - weather\n        - input_images\n        - prompt\n        - status\n        - selected_candidate\n        - final_output\n        - final_output_archived_previous\n        - candidates\n        - ms\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        mode:\n          $ref: \"#/components/schemas/RunStage\"\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        input_images:\n          type: array\n          items:\n            type: string\n        prompt:\n          type: string\n        prompt_fields:\n          $ref: \"#/components/schemas/PromptFields\"\n        batch_row:\n          type: integer\n          minimum: 1\n        source_asset:\n          $ref: \"#/components/schemas/RunSourceAsset\"\n        status:\n          $ref: \"#/components/schemas/RunJobStatus\"\n        error:\n          type: string\n        selected_candidate:\n          type:\n            - integer\n            - \"null\"\n          minimum: 1\n          description: 1-based index of the chosen candidate; null when none was generated.\n        final_output:\n          type:\n            - string\n            - \"null\"\n          description: \"`outputs/<job_id>.png` (relative) once written; null when no\n            candidate was generated.\"\n        final_output_archived_previous:\n          type:\n            - string\n            - \"null\"\n          description: Where an earlier final output was archived when the copy replaced\n            it (N > 1 only).\n        final_postprocessed_output:\n          type:\n            - string\n            - \"null\"\n          description: The selected candidate's post-processed file (the chain's last\n            output), when post-processing ran.\n        candidates:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunCandidateLog\"\n        ms:\n          type: integer\n          minimum: 0\n    RunStatus:\n      type: string\n      enum:\n        - succeeded\n        - partial\n        - failed\n        - canceled\n      description: \"The run's outcome: every job done, some, or none; `canceled` when\n        it was stopped on request.\"\n    RunSummary:\n      type: object\n      description: Counts for a quick look at a run.\n      required:\n        - jobs\n        - done\n        - failed\n        - failed_guard\n        - candidates_generated\n        - candidates_failed\n      additionalProperties: false\n      properties:\n        jobs:\n          type: integer\n          minimum: 0\n        done:\n          type: integer\n          minimum: 0\n        failed:\n          type: integer\n          minimum: 0\n        failed_guard:\n          type: integer\n          minimum: 0\n        canceled:\n          type: integer\n          minimum: 0\n        candidates_generated:\n          type: integer\n          minimum: 0\n        candidates_failed:\n          type: integer\n          minimum: 0\n    PaidRunLog:\n      type: object\n      description: >\n        The log of a paid run (`mode: run`): the dry log's base fields plus, per\n        job, status,\n\n        selected candidate, final output and every candidate with its attempts,\n        guard verdict, digest\n\n        and timing; for the run, token usage, an estimated cost, timings, status\n        and counts.\n\n        `spend_estimate`: the estimate the run was checked against before its\n        first request;\n\n        `spend_recorded`: the cost of its answered requests from the usage each\n        carried (both absent\n\n        in logs written before they existed).\n      required:\n        - run_id\n        - schema_version\n        - timestamp\n        - project\n        - mode\n        - stage\n        - time\n        - weather\n        - model\n        - size\n        - quality\n        - generation\n        - output_guard\n        - postprocess\n        - storage\n        - versions\n        - inputs\n        - started_at\n        - finished_at\n        - duration_ms\n        - api\n        - archive_replaced\n        - jobs\n        - usage\n        - cost_estimate_usd\n        - cost_estimate\n        - status\n        - summary\n      additionalProperties: false\n      properties:\n        run_id:\n          type: string\n          pattern: ^[A-Za-z0-9_-]+$\n        schema_version:\n          type: integer\n          const: 1\n        timestamp:\n          $ref: \"#/components/schemas/Timestamp\"\n        project:\n          type: string\n          minLength: 1\n        mode:\n          type: string\n          const: run\n        stage:\n          $ref: \"#/components/schemas/RunStage\"\n        time:\n          $ref: \"#/components/schemas/RunTimeOfDay\"\n        weather:\n          $ref: \"#/components/schemas/RunWeather\"\n        model:\n          type: string\n        size:\n          type: string\n        quality:\n          type: string\n        generation:\n          $ref: \"#/components/schemas/RunLogGeneration\"\n        output_guard:\n          $ref: \"#/components/schemas/RunOutputGuardSettings\"\n        postprocess:\n          description: The post-process settings the caller resolved (every stage off when\n            none), recorded as given.\n        storage:\n          $ref: \"#/components/schemas/RunLogStorage\"\n        versions:\n          $ref: \"#/components/schemas/RunLogVersions\"\n        inputs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunLogInput\"\n        prompt_records:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PromptRecordRef\"\n          description: The records the prompts were composed from (absent in logs written\n            before runs used records).\n        prompt_given:\n          type: string\n          description: A one-image run's prompt as the request gave it (`prompt`), before\n            any record joined it; absent for other runs.\n        reference_images:\n          type: array\n          items:\n            type: string\n          description: The reference set's images, sent after the style refs in every\n            job's `input_images`; absent when none.\n        started_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        finished_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        duration_ms:\n          type: integer\n          minimum: 0\n        api:\n          type: object\n          description: The API endpoint and retry policy the run used.\n          required:\n            - base_url\n            - endpoint\n            - max_attempts\n            - retry_base_delay_ms\n          additionalProperties: false\n          properties:\n            base_url:\n              type:\n                - string\n                - \"null\"\n            endpoint:\n              type: string\n              enum:\n                - images.edit\n                - images.generate\n                - none\n              description: \"`images.generate`: a `prompt` run without an input image; `none`:\n                a post-process run (`assets`, `from_run`), which sends no image\n                request.\"\n            max_attempts:\n              type: number\n              minimum: 1\n            retry_base_delay_ms:\n              type: number\n              minimum: 0\n        archive_replaced:\n          type: boolean\n        jobs:\n          type: array\n          items:\n            $ref: \"#/components/schemas/RunJobLog\"\n        usage:\n          description: Token usage summed over every generated candidate; null when the\n            API reported none.\n          oneOf:\n            - type: object\n              required:\n                - input_tokens\n                - output_tokens\n                - total_tokens\n              additionalProperties: false\n              properties:\n                input_tokens:\n                  type: integer\n                  minimum: 0\n                output_tokens:\n                  type: integer\n                  minimum: 0\n                total_tokens:\n                  type: integer\n                  minimum: 0\n            - type: \"null\"\n        cost_estimate_usd:\n          type:\n            - number\n            - \"null\"\n          minimum: 0\n          description: An estimate from list prices (see `cost_estimate.basis`), not a\n            bill. Null for unknown model or quality.\n        cost_estimate:\n          type: object\n          required:\n            - per_image_usd\n            - images\n            - basis\n          additionalProperties: false\n          properties:\n            per_image_usd:\n              type:\n                - number\n                - \"null\"\n              minimum: 0\n            images:\n              type: integer\n              minimum: 0\n            basis:\n              type: string\n        spend_estimate:\n          $ref: \"#/components/schemas/SpendEstimate\"\n        spend_recorded:\n          $ref: \"#/components/schemas/RecordedSpend\"\n          description: What the run's answered requests cost by their usage (absent in\n            logs written before it existed).\n        status:\n          $ref: \"#/components/schemas/RunStatus\"\n        error:\n          type: string\n          description: Set when the run stopped early on an unexpected error; the log is\n            written anyway.\n        resumes:\n          type: array\n          description: \"Each time an interrupted run was continued: when, and which jobs\n            were kept from before.\"\n          items:\n            $ref: \"#/components/schemas/RunResume\"\n        summary:\n          $ref: \"#/components/schemas/RunSummary\"\n    RunResume:\n      type: object\n      description: >\n        One continuation of an interrupted run: when, which finished jobs were\n        kept, and the image\n\n        requests the stop before it aborted in flight (sent, so possibly billed\n        by the provider,\n\n        though no image came back; the job ran again).\n      required:\n        - at\n        - kept_jobs\n      additionalProperties: false\n      properties:\n        at:\n          $ref: \"#/components/schemas/Timestamp\"\n        kept_jobs:\n          type: array\n          items:\n            type: string\n        aborted_requests:\n          type: array\n          items:\n            $ref: \"#/components/schemas/AbortedImageRequest\"\n    AbortedImageRequest:\n      type: object\n      description: >\n        An image request a stopping server aborted when its shutdown grace\n        period\n\n        (`KROMA_SHUTDOWN_GRACE_MS`) ran out. The provider bills a request once\n        it is sent, so it is\n\n        recorded as possibly billed: first in the run's journal\n        (`.kroma/in-progress/<run_id>.jsonl`,\n\n        an `{\"aborted\": ...}` line), then in the final log's `resumes`.\n      required:\n        - job\n        - candidate\n        - attempt\n        - at\n        - ms\n        - possibly_billed\n        - error\n      additionalProperties: false\n      properties:\n        job:\n          type: string\n        candidate:\n          type: integer\n          minimum: 1\n        attempt:\n          type: integer\n          minimum: 1\n        at:\n          $ref: \"#/components/schemas/Timestamp\"\n        ms:\n          type: integer\n          minimum: 0\n          description: How long the request was in flight.\n        possibly_billed:\n          type: boolean\n          const: true\n        error:\n          type: string\n    ExportStatus:\n      type: string\n      enum:\n        - running\n        - completed\n        - failed\n      description: \"`running` while the bundle is written (its process holds a lease\n        on it); `completed` once it is in place; `failed` with `error`\n        otherwise, also when the process writing it stopped (a server sweeping\n        abandoned work marks it so and removes its temporary files).\"\n    ExportManifestSummary:\n      type: object\n      description: \"What the bundle holds, as its `manifest.json` says: the schema\n        version, whether files are included, and counts.\"\n      required:\n        - schema_version\n        - include_files\n        - counts\n        - files\n        - files_bytes\n        - skipped\n      additionalProperties: false\n      properties:\n        schema_version:\n          type: integer\n          minimum: 1\n        include_files:\n          type: boolean\n        counts:\n          type: object\n          description: Rows per record kind (`runs`, `jobs`, `assets`, `prompt_templates`,\n            ...).\n          additionalProperties:\n            type: integer\n            minimum: 0\n        files:\n          type: integer\n          minimum: 0\n          description: Project files in the bundle (under `files/`).\n        files_bytes:\n          type: integer\n          minimum: 0\n          description: Their total size.\n        skipped:\n          type: array\n          description: \"Project files left out, and why: `symlink`, `special_file`, or\n            `changed_during_export` (swapped for a symlink or another file, or\n            changed, between the walk and the packing; never packed).\"\n          items:\n            type: object\n            required:\n              - path\n              - reason\n            additionalProperties: false\n            properties:\n              path:\n                type: string\n              reason:\n                type: string\n    Export:\n      type: object\n      required:\n        - id\n        - project_id\n        - run_id\n        - status\n        - export_format\n        - storage_uri\n        - rel_path\n        - file_size_bytes\n        - checksum_sha256\n        - manifest_json\n        - export_asset_id\n        - error\n        - created_at\n        - completed_at\n      additionalProperties: false\n      properties:\n        id:\n          type: string\n        project_id:\n          type: string\n        run_id:\n          type:\n            - string\n            - \"null\"\n          description: \"Always null: an export holds the whole project.\"\n        status:\n          $ref: \"#/components/schemas/ExportStatus\"\n        export_format:\n          type: string\n          enum:\n            - tar.gz\n        storage_uri:\n          type:\n            - string\n            - \"null\"\n          description: \"`file://` URL of the bundle.\"\n        rel_path:\n          type:\n            - string\n            - \"null\"\n          description: \"The bundle's path as `output` takes it: relative to the project\n            root, or `var/exports/...` relative to the app root.\"\n        file_size_bytes:\n          type:\n            - integer\n            - \"null\"\n          minimum: 0\n        checksum_sha256:\n          type:\n            - string\n            - \"null\"\n          pattern: ^[0-9a-f]{64}$\n        manifest_json:\n          description: The manifest's summary once the bundle is complete; null before.\n          oneOf:\n            - $ref: \"#/components/schemas/ExportManifestSummary\"\n            - type: \"null\"\n        export_asset_id:\n          type:\n            - string\n            - \"null\"\n          description: The asset recording the bundle file (kind `export`), once complete.\n        error:\n          type:\n            - string\n            - \"null\"\n          description: Why the export failed.\n        created_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        completed_at:\n          type:\n            - string\n            - \"null\"\n          format: date-time\n    CreateExportRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        include_files:\n          type: boolean\n          description: \"Put the project's files in the bundle too (default false: records\n            only).\"\n        output:\n          type: string\n          minLength: 1\n          maxLength: 4096\n          description: \"Where to write the bundle: relative to the project root, or\n            `var/exports/...` under the app root (only the project's own names\n            there: `var/exports/<slug>_<name>.tar.gz` with no `_` in `<name>`,\n            or under `var/exports/<slug>/`); ending in `/` names a directory.\"\n    ExportCreatedResponse:\n      type: object\n      required:\n        - ok\n        - export\n        - export_path\n        - export_sha256\n        - export_asset_id\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        export:\n          $ref: \"#/components/schemas/Export\"\n        export_path:\n          type: string\n          description: The bundle's absolute path.\n        export_sha256:\n          type: string\n          pattern: ^[0-9a-f]{64}$\n        export_asset_id:\n          type: string\n    ExportListResponse:\n      type: object\n      required:\n        - ok\n        - count\n        - total\n        - exports\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        count:\n          type: integer\n          minimum: 0\n        total:\n          type: integer\n          minimum: 0\n        exports:\n          type: array\n          items:\n            $ref: \"#/components/schemas/Export\"\n    ExportResponse:\n      type: object\n      required:\n        - ok\n        - export\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        export:\n          $ref: \"#/components/schemas/Export\"\n    ProjectImport:\n      type: object\n      description: What an import created.\n      required:\n        - project\n        - project_root\n        - counts\n        - files\n        - files_bytes\n        - ids_remapped\n        - secrets_to_set\n      additionalProperties: false\n      properties:\n        project:\n          $ref: \"#/components/schemas/Project\"\n        project_root:\n          type: string\n          description: \"The new project's root (absolute): `<app\n            root>/var/projects/<slug>`.\"\n        counts:\n          type: object\n          description: Rows created per record kind (`runs`, `jobs`, `assets`,\n            `prompt_templates`, ...).\n          additionalProperties:\n            type: integer\n            minimum: 0\n        files:\n          type: integer\n          minimum: 0\n          description: Project files restored (each one's sha256 verified).\n        files_bytes:\n          type: integer\n          minimum: 0\n          description: Their total size.\n        ids_remapped:\n          type: boolean\n          description: True when some record id of the bundle was taken in this database,\n            so every record got a new one (references rewritten to match).\n        secrets_to_set:\n          type: array\n          description: \"`provider/name` of each secret the source project had: values\n            never travel in a bundle, set them again.\"\n          items:\n            type: string\n    ImportProjectResponse:\n      type: object\n      required:\n        - ok\n        - import\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        import:\n          $ref: \"#/components/schemas/ProjectImport\"\n    S3SyncRequest:\n      type: object\n      additionalProperties: false\n      properties:\n        dry_run:\n          type: boolean\n          description: Report what would be uploaded; upload and record nothing (default\n            false).\n    S3SyncFile:\n      type: object\n      description: One file the sync uploaded, would upload, or failed to upload.\n      required:\n        - path\n        - key\n        - size_bytes\n        - sha256\n        - status\n      additionalProperties: false\n      properties:\n        path:\n          type: string\n          description: Relative to the project root, with `/`.\n        key:\n          type: string\n          description: The object key.\n        size_bytes:\n          type: integer\n          minimum: 0\n        sha256:\n          type: string\n          pattern: ^[0-9a-f]{64}$\n        status:\n          type: string\n          enum:\n            - uploaded\n            - would_upload\n            - failed\n        reason:\n          type: string\n          enum:\n            - new\n            - changed\n          description: Why it is (or would be) uploaded.\n        multipart:\n          type: boolean\n          description: Uploaded in parts (files of at least the part size).\n        error:\n          type: string\n          description: Why the upload failed.\n    S3SyncReport:\n      type: object\n      required:\n        - dry_run\n        - bucket\n        - key_prefix\n        - endpoint_url\n        - scanned\n        - uploaded\n        - would_upload\n        - skipped\n        - failed\n        - bytes_uploaded\n        - bytes_would_upload\n        - files\n        - started_at\n        - finished_at\n      additionalProperties: false\n      properties:\n        dry_run:\n          type: boolean\n        bucket:\n          type: string\n        key_prefix:\n          type: string\n          description: \"`<prefix>/<slug>/`: every key starts with it.\"\n        endpoint_url:\n          type: string\n          description: Empty for AWS itself.\n        scanned:\n          type: integer\n          minimum: 0\n          description: Project files looked at.\n        uploaded:\n          type: integer\n          minimum: 0\n        would_upload:\n          type: integer\n          minimum: 0\n          description: \"Dry run: files that would be uploaded (0 otherwise).\"\n        skipped:\n          type: integer\n          minimum: 0\n          description: Files unchanged since their last successful upload.\n        failed:\n          type: integer\n          minimum: 0\n        bytes_uploaded:\n          type: integer\n          minimum: 0\n        bytes_would_upload:\n          type: integer\n          minimum: 0\n        files:\n          type: array\n          description: Every file uploaded, to upload or failed (skipped ones are only\n            counted).\n          items:\n            $ref: \"#/components/schemas/S3SyncFile\"\n        started_at:\n          $ref: \"#/components/schemas/Timestamp\"\n        finished_at:\n          $ref: \"#/components/schemas/Timestamp\"\n    S3SyncResponse:\n      type: object\n      required:\n        - ok\n        - sync\n      additionalProperties: false\n      properties:\n        ok:\n          type: boolean\n          const: true\n        sync:\n          $ref: \"#/components/schemas/S3SyncReport\"\n";

/** The bundled spec, parsed. */
export const openapiDocument: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Kroma backend API",
    "version": "0.1.0",
    "summary": "Projects, project-scoped storage, runs and assets for prompt-driven image workflows.",
    "description": "The contract of the Kroma backend. Every route the server mounts is defined here first;\ntypes, validators, the server's typed router and the SDK are generated or derived from\nthis file, and a parity test fails the build when the server and this file drift apart.\n\nEvery success body carries `\"ok\": true` beside named keys. Every failure is the one\nerror envelope: `{ \"ok\": false, \"error\", \"error_kind\", \"error_code\", \"details\"? }`.\n\nRules every request meets, whatever its route:\n\n- **Cross-site writes are refused.** A state-changing request (POST, PUT, PATCH, DELETE) is\n  answered 403 (`error_kind` \"policy\", `error_code` \"forbidden\") when it carries\n  `Sec-Fetch-Site` with a value other than `same-origin` or `none` (so `cross-site`, and\n  `same-site`: another port of the same host is another site's page), or an `Origin` other\n  than the server's own: the scheme, host and port its `Host` header names, or for a server on\n  a loopback address any of `127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`. A request\n  without either header (curl, the SDK, the CLI) is not affected; a page the server itself\n  serves passes.\n- **Bodies come with their declared media type.** A body is sent with a media type its\n  operation declares under `requestBody.content` (today `application/json`, which also takes\n  `application/*+json`); otherwise 415 (`error_code` \"unsupported_media_type\"). A request\n  without a body may carry no `Content-Type` at all, but a state-changing request carrying\n  one of the types a browser may send cross-site without asking first (`text/plain`,\n  `application/x-www-form-urlencoded`, `multipart/form-data`) is refused with 415 even when it\n  has no body, unless its operation declares that type.\n- **JSON nests at most 64 levels.** A JSON body whose objects and arrays nest deeper than 64\n  levels (the outermost value is level 1) is refused with 400 (`error_code`\n  \"validation_error\", `details.max_depth` 64) before it is parsed; so is JSON read out of a\n  request, such as the object a bootstrap import takes from `ai_response_text`. A record's\n  free-form field (every request field named `*_json`: `config_json`, `metadata_json`,\n  `content_json`, `payload_json`) nests at most 32 levels (400, `details.field` names it,\n  `details.max_depth` 32), so a stored record always fits back into the bootstrap settings\n  and bundles around it.\n- **Credentials come in a header or a cookie, never in the URL.** When a token is required\n  (see the README), a request carries `Authorization: Bearer <token>` or the `kroma_session`\n  cookie of a browser session made from a token (`POST /auth/session`); the bearer header wins\n  when both are sent. A session that has expired or ended, or whose token was revoked or has\n  expired, is a 401; a cookie naming no session of this server counts as no cookie (browsers\n  send one host's cookies to all its ports). A token in the query string (`?token=`,\n  `?access_token=`) is ignored.\n- **A loopback server answers only to its own names.** Any other `Host` (compared without\n  regard to case) is refused with 403; a request the server cannot read at all (a malformed\n  `Host` on a server bound elsewhere, a backslash in the path) with 400, both in the envelope.\n",
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
  "security": [
    {
      "bearerAuth": []
    },
    {
      "sessionCookie": []
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
      "description": "API tokens, and the browser sessions signed in with them. See the README for when a token is required."
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
      "name": "assets",
      "description": "The files of a project's assets, and their thumbnails."
    },
    {
      "name": "exports",
      "description": "Project bundles (records and files) written to disk, their history, and their import into a new project."
    }
  ],
  "paths": {
    "/health": {
      "get": {
        "operationId": "getHealth",
        "security": [],
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
        "security": [],
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
        "security": [],
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
        "security": [],
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
        "security": [],
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
    "/auth/session": {
      "post": {
        "operationId": "createAuthSession",
        "security": [
          {
            "bearerAuth": []
          },
          {}
        ],
        "tags": [
          "auth"
        ],
        "summary": "Sign in, exchanging an API token for a browser session",
        "description": "A browser's `<img>` and `EventSource` cannot send an `Authorization` header, so a web app\nsigns in once: it presents an API token, either as `Authorization: Bearer <token>` or as\n`{ \"token\": \"...\" }` in a JSON body (not both), and gets a session cookie,\n`kroma_session=<secret>; HttpOnly; SameSite=Strict; Path=/; Max-Age=<ttl>` (with `Secure`\nwhen the request came over https). From then on every route accepts the cookie in place of\nthe bearer header, with the token's scope, until the session expires (`KROMA_SESSION_TTL_MS`,\ndefault 12 hours, never past the token's own expiry), is deleted, or its token is revoked or\nexpires. The session's secret exists only in the cookie; the server keeps its SHA-256 hash.\nThe body never carries the token or the secret.\n\nA project-scoped token gives a session scoped to that project. A session cookie is not a\ncredential for signing in again: present the token. Like every state-changing request, a\nsign-in from another site's page is refused (403), so no page elsewhere can sign a browser\nin. While no token exists yet (auth `auto` on loopback, fresh install) there is nothing to\nexchange and none is needed: 409 (`error_code` \"conflict\").\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateAuthSessionRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The session, with the `Set-Cookie` header that carries its secret.",
            "headers": {
              "Set-Cookie": {
                "description": "`kroma_session=<secret>; Max-Age=<ttl>; Path=/; HttpOnly; SameSite=Strict` (and `Secure` over https).",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSessionResponse"
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
      },
      "get": {
        "operationId": "getAuthSession",
        "security": [
          {
            "sessionCookie": []
          }
        ],
        "tags": [
          "auth"
        ],
        "summary": "The current browser session (whether this browser is signed in)",
        "description": "The session the `kroma_session` cookie names. Without a valid one (no cookie, an unknown,\nexpired or deleted session, or one whose token was revoked or has expired) the answer is\n401 (`error_code` \"unauthorized\"): sign in again. A bearer token alone is not a session.\n",
        "responses": {
          "200": {
            "description": "The session and the token behind it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSessionResponse"
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
      "delete": {
        "operationId": "deleteAuthSession",
        "security": [
          {
            "sessionCookie": []
          }
        ],
        "tags": [
          "auth"
        ],
        "summary": "Sign out, ending the current browser session",
        "description": "Ends the session the `kroma_session` cookie names, at once, and clears the cookie\n(`Max-Age=0`). Without a valid session the answer is 401, and the cookie is cleared all the\nsame. Revoking a token (`DELETE /auth/tokens/{tokenId}`) ends every session made from it.\n",
        "responses": {
          "200": {
            "description": "The session is ended and the cookie cleared.",
            "headers": {
              "Set-Cookie": {
                "description": "`kroma_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSessionDeletedResponse"
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
    "/api/projects/{slug}/budget": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getProjectBudget",
        "tags": [
          "projects"
        ],
        "summary": "The project's budget for paid runs, and what is committed against it",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectBudgetResponse"
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
        "operationId": "setProjectBudget",
        "tags": [
          "projects"
        ],
        "summary": "Set or remove the project's budget",
        "description": "Every paid trigger then reserves its spend estimate against what remains, in the same\ntransaction that queues the run, so two triggers never both pass on the same remainder; a\nrun that does not fit is a 409 `budget_exceeded` saying by how much, and nothing is queued\nor sent. A lower budget than what is committed refuses new paid runs until runs finish\ncheaper or the budget rises. Audited.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SetProjectBudgetRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The budget as set.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectBudgetResponse"
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
            "name": "trashed",
            "in": "query",
            "required": false,
            "description": "`exclude` (the default) leaves out what is in the trash, `include` lists it too, `only` lists only it.",
            "schema": {
              "type": "string",
              "enum": [
                "exclude",
                "include",
                "only"
              ]
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
        "description": "Validates the request as `kroma lab dry|run` would (messages name the field), records the run\nas `queued` and answers at once with its id; the server then runs it in-process, one run at a\ntime, and its status moves `queued -> running -> succeeded | partial | failed | canceled`.\nFollow it with `GET /runs/{runId}/events` (server-sent events) or by polling `GET /runs/{runId}`.\nThe project root always comes from the project's stored storage: a `project_root` in the body\nis refused. A paid run (`mode: run`) needs `confirm_spend: true` and an OpenAI key (the\nproject's `openai/api_key` secret, else the server's `OPENAI_API_KEY`).\n\n`input` and every ref must be inside the project root, with no symlink leading out (400). The\nsame rules hold again when the run executes: its files are listed then and each is opened\nwithout following a symlink when its bytes are read, so a symlink added while the run waited\nin the queue fails the run (`failed`, its `error` names the file) and nothing is sent to the\nimages API. Each image request times out after `OPENAI_TIMEOUT_MS` (default 180000 ms) and\ncounts as a transient failure (retried). A server that is shutting down answers 503.\n\nA paid run in a project with a budget (`PUT /budget`) reserves its `spend_estimate` against\nwhat remains, in the transaction that queues it; one that does not fit, or cannot be priced,\nis a 409 `budget_exceeded` saying by how much, and nothing is queued or sent.\n\nA client that wants the finished run asks to wait: `wait: true` in the body, or the header\n`Prefer: wait=<seconds>` (RFC 7240). The server then answers when the run has finished, or\nafter at most `KROMA_TRIGGER_WAIT_MAX_S` seconds (default 300; `Prefer` may ask for less,\nnever more), and says so with `Preference-Applied: wait=<seconds waited for at most>`. A run\nthat finished in time is answered 200 with the finished run, `status_code` (0 when it\nsucceeded) and `stdout` (`Run log: <path>` and `Jobs: <n>`); one still queued or running\nis answered 202 with the run as it is then (follow it as above). Without either, the answer\nis the queued run at once (200).\n",
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
        "parameters": [
          {
            "$ref": "#/components/parameters/PreferWait"
          }
        ],
        "responses": {
          "200": {
            "description": "The run is queued (200, as the seed's trigger answered; the run itself goes on after the answer), or, when the client waited, it has finished.",
            "headers": {
              "Preference-Applied": {
                "description": "`wait=<seconds>`: the client's wait was honoured, for at most that long.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TriggerRunResponse"
                }
              }
            }
          },
          "202": {
            "description": "The client waited, and the run had not finished when the wait ran out: the run as it is now.",
            "headers": {
              "Preference-Applied": {
                "description": "`wait=<seconds>`: the client's wait was honoured, for at most that long.",
                "schema": {
                  "type": "string"
                }
              }
            },
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
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/projects/{slug}/runs/ingest": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "ingestRun",
        "tags": [
          "runs"
        ],
        "summary": "Record a run executed elsewhere (`kroma lab run`) from its run log and the files it names",
        "description": "A `multipart/form-data` body: one `run_log` part (the JSON log `kroma lab dry|run|resume`\nwrote to `runs/<run_id>.json`) and any number of `files` parts, each with the path the log\ngives that file (relative to the project root, `/`-separated) as its file name. The log must\nmatch `RunLog` and name this project (400 otherwise); a run id of another project is a 409.\n\nEvery file the log names must end up under the project root with the sha256 the log records\nfor it. A file already there with that hash (a server sharing the client's disk) is checked,\nnot sent; an uploaded one is checked against the log's hash (400 `checksum_mismatch`\notherwise) and placed at its path, never over a file with other bytes (409\n`asset_file_conflict`). A path that is absolute, holds `..`, leads out through a symlink, or\nthat the log does not name is a 400. While some files are neither on disk nor uploaded, the\nanswer is 409 `run_files_missing` with `details.missing` (`path`, `sha256` of each) and\nnothing is recorded; the files placed so far stay, so a client sends the rest in further\nrequests (each body up to `KROMA_UPLOAD_MAX_BYTES`) until the run is recorded.\n\nThe log is then kept as `runs/<run_id>.json` and ingested as `kroma lab ingest` does: one\ntransaction, idempotent by run id (the same log again changes nothing: `changed: false`), a\nnewer log of the same run (a resumed run) updating its records.\n",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/IngestRunForm"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The run is recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IngestRunResponse"
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
      },
      "delete": {
        "operationId": "deleteRun",
        "tags": [
          "runs"
        ],
        "summary": "Put a whole run in the trash",
        "description": "Moves every file of the run (its assets and its run log) into the project's trash as one\nentry and marks the run and its asset records deleted: lists leave them out, `GET` still\nshows them with `deleted_at`, and `POST /trash/{trashId}/restore` brings them back until the\nentry expires. A run still queued or running is a 409 (cancel it first). A run holding an\napproved final or a scene's baseline is a 409 naming them unless `force=true`. A file another\nlive record still names stays in place. Audited.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Force"
          }
        ],
        "responses": {
          "200": {
            "description": "The trash entry holding the run.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TrashResponse"
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
        "parameters": [
          {
            "name": "review",
            "in": "query",
            "required": false,
            "description": "Only jobs in this review state.",
            "schema": {
              "$ref": "#/components/schemas/ReviewState"
            }
          }
        ],
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
        "summary": "Continue an interrupted, canceled, partial or failed run",
        "description": "A run that was queued or running when the server stopped is `interrupted` (never re-run by\nitself). Resuming queues it again under the same id; jobs whose outputs exist with the hash\nrecorded when they finished are kept, the rest run. A paid run that ended `canceled`,\n`partial` or `failed` keeps its journal, so it too can be resumed: its finished jobs are\nkept (their files untouched), its canceled and failed jobs run again. A finished paid run\nwithout a journal (it ended before journals were kept, or failed before its first request)\nis a 409 that says to rerun it (`POST /runs/{runId}/rerun`). A paid run needs the same\nOpenAI key as a new one. Any other status (queued, running, canceling, succeeded) is a 409,\nand so is a run in the trash (restore it first: continuing it would buy its kept jobs again).\n\nEach run a server queues or executes carries a lease (owner process and a heartbeat in the\ndatabase, `KROMA_LEASE_TTL_MS`, default 30000). While another live server process holds the\nrun's lease, resume is a 409: that process may still execute it, and a second execution would\nbuy its images twice. A server marks a run `interrupted` only when it is its own, or when no\nlive process owns it (at start and every lease TTL after, so a crashed server's runs on a\nshared database become `interrupted` and resumable). The stored request is checked again\nwith the trigger's rules (refs and `input` inside the project root, no symlink leading out;\nfor a paid run with a journal, the journal's scenes): a request that fails them, e.g. one an\nimport brought, is a 400 and the run stays `interrupted`. A server that is shutting down\nanswers 503.\n",
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
    "/api/projects/{slug}/runs/{runId}/rerun": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "post": {
        "operationId": "rerunRun",
        "tags": [
          "runs"
        ],
        "summary": "Run some or all of a run's jobs again, as a new run",
        "description": "Makes a new queued run from the original's recorded request and settings: the scenes of the\nchosen jobs (`jobs: all | failed`, or `job_ids`: job record ids or job keys), with the same\nstage, time, weather, style refs, candidates, output guard and model, size and quality as\nrecorded, and the project's post-processing. The new run's `retried_from` names the\noriginal. It passes the trigger's checks (files, key, `max_spend_usd`, the project's budget\nreservation; a paid original needs `confirm_spend: true`) and is answered like a trigger,\n`wait` and `Prefer: wait` included. Unknown `job_ids` are a 400 listing them; `failed` with\nno failed job is a 400 that says so; an original the server did not queue (no recorded\nrequest) is a 409. Audited (`run.rerun`).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RerunRunRequest"
              }
            }
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/PreferWait"
          }
        ],
        "responses": {
          "200": {
            "description": "The new run is queued, or, when the client waited, it has finished.",
            "headers": {
              "Preference-Applied": {
                "description": "`wait=<seconds>`: the client's wait was honoured, for at most that long.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TriggerRunResponse"
                }
              }
            }
          },
          "202": {
            "description": "The client waited, and the new run had not finished when the wait ran out.",
            "headers": {
              "Preference-Applied": {
                "description": "`wait=<seconds>`: the client's wait was honoured, for at most that long.",
                "schema": {
                  "type": "string"
                }
              }
            },
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
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/select": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        },
        {
          "$ref": "#/components/parameters/JobId"
        }
      ],
      "post": {
        "operationId": "selectJobCandidate",
        "tags": [
          "runs"
        ],
        "summary": "Make another of the job's candidates its final",
        "description": "The candidate's own image (and, when the run post-processed, its chain's last file) becomes\nthe job's final; the previous final stays in the records as a candidate. The review goes back\nto `pending` (a decision is about bytes). A candidate that was not generated, or whose\npost-processing did not finish, is a 409 naming why; a step that would call a paid service\nneeds `confirm_spend: true`.\nAudited (who: the token's label; when; why: `note`; what it replaced).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SelectCandidateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job after the decision, and the history entry it made.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewResponse"
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
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        },
        {
          "$ref": "#/components/parameters/JobId"
        }
      ],
      "post": {
        "operationId": "approveJob",
        "tags": [
          "runs"
        ],
        "summary": "Approve the job's final",
        "description": "Approves the job's current final (keyed by its sha256). With `baseline: true` it also\nbecomes the project's baseline for the job's scene; an existing baseline of another asset is\na 409 unless `replace_baseline: true`. A job with no final is a 409.\nAudited (who: the token's label; when; why: `note`; what it replaced).\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApproveRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job after the decision, and the history entry it made.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewResponse"
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
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        },
        {
          "$ref": "#/components/parameters/JobId"
        }
      ],
      "post": {
        "operationId": "rejectJob",
        "tags": [
          "runs"
        ],
        "summary": "Reject the job's final",
        "description": "Rejects the job's current final, with a note saying why.\nAudited (who: the token's label; when; why: `note`; what it replaced).\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReviewDecisionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job after the decision, and the history entry it made.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewResponse"
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
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/undo": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        },
        {
          "$ref": "#/components/parameters/JobId"
        }
      ],
      "post": {
        "operationId": "undoJobReview",
        "tags": [
          "runs"
        ],
        "summary": "Undo the job's last decision",
        "description": "Back to `pending`: an approval or rejection is withdrawn (a baseline it set is removed,\nrestoring the one it replaced), and an undone select brings the previous final back. The undo\nis itself an entry of the history. A job with no decision is a 409.\nAudited (who: the token's label; when; why: `note`; what it replaced).\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReviewDecisionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job after the decision, and the history entry it made.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewResponse"
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
    "/api/projects/{slug}/runs/{runId}/jobs/{jobId}/review-history": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        },
        {
          "$ref": "#/components/parameters/JobId"
        }
      ],
      "get": {
        "operationId": "getJobReviewHistory",
        "tags": [
          "runs"
        ],
        "summary": "Every decision on a job, oldest first",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReviewHistoryResponse"
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
    "/api/projects/{slug}/deliveries": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "createDelivery",
        "tags": [
          "runs"
        ],
        "summary": "Pack the approved finals into a zip with a manifest",
        "description": "Streams a zip holding each approved final (its last post-processed file when the run\npost-processed it, else its image) under `files/<run_id>/<job_key>.<ext>`, and\n`manifest.json`: per file its path in the zip, sha256, bytes, scene, run, job, candidate,\nprompt, every review decision and the provenance chain (the `derived_from` links from the\ndelivered file back to the candidate's image, then the scene). Each file is checked against\nits record's sha256 before it is packed and hashed again as it is sent; a changed or missing\nfile is a 409 before the first byte, never a wrong file in the zip. Rejected and pending jobs\nare left out. Nothing approved is a 409. Audited.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DeliveryRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The zip (`Content-Disposition: attachment`).",
            "content": {
              "application/zip": {
                "schema": {
                  "type": "string",
                  "format": "binary"
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
    "/api/projects/{slug}/runs/{runId}/prune": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "post": {
        "operationId": "pruneRun",
        "tags": [
          "assets"
        ],
        "summary": "Put a run's unchosen or rejected candidates in the trash",
        "description": "Moves the files of the run's candidates that are not their job's final (`which: unchosen`,\nthe default), or every file of the jobs a review rejected (`which: rejected`), into the\nproject's trash as one entry, and marks their records deleted. Finals, approved jobs and\nbaselines are never pruned. A file another live record still names stays in place. Nothing\nto prune answers `trash: null`. A run still queued or running is a 409. Audited.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PruneRunRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The trash entry made, or null when there was nothing to prune.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "ok",
                    "trash"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "ok": {
                      "type": "boolean",
                      "const": true
                    },
                    "trash": {
                      "oneOf": [
                        {
                          "$ref": "#/components/schemas/TrashEntry"
                        },
                        {
                          "type": "null"
                        }
                      ]
                    }
                  }
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
    "/api/projects/{slug}/runs/{runId}/disk-usage": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "get": {
        "operationId": "getRunDiskUsage",
        "tags": [
          "assets"
        ],
        "summary": "Bytes a run's files take, in place and in the trash",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunDiskUsageResponse"
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
    "/api/projects/{slug}/disk-usage": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "getDiskUsage",
        "tags": [
          "assets"
        ],
        "summary": "Bytes the project's files take, by directory and by run",
        "description": "Walks the project root (symlinks are not followed) and sums every file by top-level\ndirectory, with the trash and the thumbnail cache apart, and by run (each run's asset files\nand run log).\n",
        "responses": {
          "200": {
            "description": "Success.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DiskUsageResponse"
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
    "/api/projects/{slug}/trash": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "get": {
        "operationId": "listTrash",
        "tags": [
          "assets"
        ],
        "summary": "The project's trash, newest first",
        "description": "Entries stay restorable until `expires_at` (`KROMA_TRASH_RETENTION_DAYS` after deletion,\ndefault 30); the server purges expired entries when it starts and every hour, and\n`POST /trash/purge` does it at once. Lists `trashed` entries unless `status` says otherwise.\n",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Only entries in this status (default `trashed`).",
            "schema": {
              "$ref": "#/components/schemas/TrashEntryStatus"
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
            "description": "The entries, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TrashListResponse"
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
    "/api/projects/{slug}/trash/{trashId}/restore": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/TrashId"
        }
      ],
      "post": {
        "operationId": "restoreTrash",
        "tags": [
          "assets"
        ],
        "summary": "Put a trash entry's files back and undelete its records",
        "description": "Every file goes back to where it was and its records (and a deleted run) are live again. A\nplace now taken by a file with other bytes is a 409 naming it, and nothing moves; an entry\nalready restored or purged is a 409. Audited.\n",
        "responses": {
          "200": {
            "description": "The entry, now `restored`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TrashResponse"
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
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/trash/purge": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "purgeTrash",
        "tags": [
          "assets"
        ],
        "summary": "Remove trashed files for good",
        "description": "Deletes the files of the entries chosen (by default those past `expires_at`). Their records\nstay, marked deleted, so run logs, reviews and audit events still name what existed; their\nfile route then answers 404. Audited.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PurgeTrashRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What was purged.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PurgeTrashResponse"
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
    "/api/projects/{slug}/gc": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "collectGarbage",
        "tags": [
          "assets"
        ],
        "summary": "Find orphan files and records with no file; with dry_run false, trash them",
        "description": "Looks at every file under the directories runs and uploads write (`outputs`,\n`background_removed`, `upscaled`, `color_corrected`, `archive`, `uploads`) and at every live\nasset record. Reports files no record names and records whose file is gone. Only with\n`dry_run: false` does it act, and then reversibly: the orphan files go to the trash and the\nrecords with no file are marked deleted, as one `gc` entry. Directories of runs still queued\nor running are left alone. Audited when it acts.\n",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GarbageRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What was found, and the trash entry when it acted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GarbageResponse"
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
    "/api/projects/{slug}/runs/{runId}/contact-sheet": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/RunId"
        }
      ],
      "get": {
        "operationId": "getRunContactSheet",
        "tags": [
          "runs"
        ],
        "summary": "A PNG of every candidate of a paid run, one row per job",
        "description": "One row per job in plan order, one tile per candidate (columns: the most candidates any job of\nthe run has). A tile is 256 x 296 pixels: a 256 x 256 image area, the candidate's own image\nfitted inside its inner 240 x 240, above a 40-pixel label strip naming the scene (the job key),\nthe candidate (`c2`) and the output guard's grade (`pass`, `warn`, `fail`, or `-` when no\nguard report exists). The job's chosen candidate (`selected_candidate_index`) has an 8-pixel\norange (#FF7A00) border round the whole tile and `chosen` in its label. The sheet is exactly\n`columns x 256` wide and `rows x 296` high; a job with fewer candidates leaves its last\ntiles white.\n\nEach image is the candidate's asset of kind `candidate` (else `final`), read inside the project\nroot and verified against the record's `sha256` as `GET /assets/{assetId}/file` does. A tile\nwhose file cannot be shown is grey and says why instead of the picture: `failed` (the\ncandidate has no image), `file changed` (the bytes no longer match the record), `file missing`,\n`unverifiable` (no sha256), `outside root`, `not an image`, `too large`. Labels are drawn with\nthe DejaVu Sans font the server ships, so they render without system fonts.\n\nAt most 64 jobs (6 candidates each at most) go on one sheet: `offset` and `limit` page through\na longer run (`GET /runs/{runId}/jobs` gives the count). A dry run, or a run with no jobs yet,\nhas nothing to show (409). At most 2 sheets are drawn at once per server; beyond that a 503.\n",
        "parameters": [
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Jobs to skip, in plan order (default 0); past the last job is a 400.",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Most jobs (rows) on the sheet (default and maximum 64).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The contact sheet.",
            "headers": {
              "Content-Length": {
                "description": "Bytes in the body.",
                "schema": {
                  "type": "integer"
                }
              },
              "X-Kroma-Jobs-Total": {
                "description": "How many jobs the run has (the sheet shows `offset` up to `offset + limit` of them).",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "image/png": {
                "schema": {
                  "type": "string",
                  "format": "binary"
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
            "name": "trashed",
            "in": "query",
            "required": false,
            "description": "`exclude` (the default) leaves out what is in the trash, `include` lists it too, `only` lists only it.",
            "schema": {
              "type": "string",
              "enum": [
                "exclude",
                "include",
                "only"
              ]
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
      },
      "post": {
        "operationId": "uploadAsset",
        "tags": [
          "runs"
        ],
        "summary": "Upload an image (a scene or a reference) as an asset",
        "description": "The image is the raw body (`Content-Type: image/png`, `image/jpeg` or `image/webp`) or the\none `file` part of a `multipart/form-data` body (with an optional `name` field). The body may\nbe up to `KROMA_UPLOAD_MAX_BYTES` (default 50 MiB; 413 `payload_too_large` beyond, checked\nwhile it streams in) and the image up to `KROMA_UPLOAD_MAX_PIXELS` (default 100 megapixels;\n422 `image_too_large` beyond, checked at its header before decoding, as thumbnails do). The bytes decide the\nformat: what is not a PNG, JPEG or WebP image, or is one but not the declared type, is 415\n`unsupported_media_type`; an image that does not decode whole (truncated, corrupt) is 400\n`invalid_image`. Nothing is kept on disk when the upload fails.\n\nThe file is stored by its content, as `uploads/<kind>/<sha256>.<ext>` under the project\nroot, so two uploads with one name never overwrite each other; its name is kept as\n`original_name`. The same bytes uploaded again as the same kind answer the asset already\nstored (200, `deduplicated: true`) instead of a new one (201).\n",
        "parameters": [
          {
            "name": "kind",
            "in": "query",
            "required": true,
            "description": "What the image is for; its `asset_kind`.",
            "schema": {
              "$ref": "#/components/schemas/UploadAssetKind"
            }
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "The file's original name, for a raw body (a multipart body gives its own).",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "image/png": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/jpeg": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/webp": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/UploadAssetForm"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "These bytes were uploaded before as this kind; the stored asset.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadAssetResponse"
                }
              }
            }
          },
          "201": {
            "description": "The new asset.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadAssetResponse"
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
          "422": {
            "$ref": "#/components/responses/ImageTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/assets/moves": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        }
      ],
      "post": {
        "operationId": "recordAssetMoves",
        "tags": [
          "runs"
        ],
        "summary": "Point asset records at files moved inside the project (`kroma lab archive-bad`)",
        "description": "For each move, the records naming `from` are pointed at `to` (`rel_path` and `storage_uri`),\nall in one transaction with one audit event. A move is recorded only when the server sees it\nhappened: no file is left at `from`, and the file at `to` has the sha256 the records hold;\notherwise it is listed in `refused` with the reason (a client whose files are not the\nserver's, or a move that did not happen). Both paths are relative to the project root and\nmay not be absolute or hold `..` (400).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordAssetMovesRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The records moved, and the moves refused.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordAssetMovesResponse"
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
      },
      "delete": {
        "operationId": "deleteAsset",
        "tags": [
          "runs"
        ],
        "summary": "Put an asset in the trash",
        "description": "Moves the asset's file into the project's trash and marks the record deleted: lists leave it\nout, `GET` still shows it with `deleted_at` and `trash_id`, its file route serves it from the\ntrash, and `POST /trash/{trashId}/restore` brings it back until the entry expires. An\napproved final (or one of its post-processed files), a scene's baseline or an upload a\nreference set uses is a 409 naming why unless `force=true`; one already deleted is a 409. A\nfile another live record still names stays in place. Audited.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Force"
          }
        ],
        "responses": {
          "200": {
            "description": "The trash entry holding the asset.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TrashResponse"
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
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/assets/{assetId}/file": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/AssetId"
        }
      ],
      "get": {
        "operationId": "getAssetFile",
        "tags": [
          "assets"
        ],
        "summary": "The asset's file, verified against its sha256",
        "description": "Streams the file the asset record names (`rel_path`, under the project root) with the\nrecord's `mime_type` (`application/octet-stream` when it has none). The bytes are checked\nagainst the record's `sha256` before the first one is sent, so a changed file is refused\n(409 `asset_file_changed`) rather than served; the check is remembered while the file's\ndevice, inode, size and modification time stay the same. A record without a `sha256` is\nrefused (409 `asset_unverifiable`). The file is opened without following a symlink and must\nlie inside the project root.\n\n`ETag` is the strong validator `\"<sha256>\"`; `If-None-Match` (a list, or `*`) that matches it\nis answered 304. `Range` takes one byte range (`bytes=a-b`, `a-`, `-n`) and is answered 206\nwith `Content-Range`; a range past the end is answered 416 with `Content-Range: bytes */<size>`;\nseveral ranges are answered with the whole file (200). With `If-Range`, the range is honoured\nonly when it names the current ETag. `HEAD` is answered like `GET` (the same status and\nheaders) without a body.\n",
        "parameters": [
          {
            "name": "Range",
            "in": "header",
            "required": false,
            "description": "One byte range, such as `bytes=0-1023`, `bytes=1024-` or `bytes=-512`.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "If-Range",
            "in": "header",
            "required": false,
            "description": "Honour `Range` only when this is the current ETag; otherwise send the whole file.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "If-None-Match",
            "in": "header",
            "required": false,
            "description": "ETags the client holds (or `*`); a match is answered 304 without a body.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The whole file.",
            "headers": {
              "ETag": {
                "description": "Strong validator: `\"<sha256>\"` of the file (thumbnails: `\"<sha256>-<size>\"`).",
                "schema": {
                  "type": "string"
                }
              },
              "Cache-Control": {
                "description": "`private, max-age=31536000, immutable`: the bytes of an ETag never change.",
                "schema": {
                  "type": "string"
                }
              },
              "Accept-Ranges": {
                "description": "`bytes`.",
                "schema": {
                  "type": "string"
                }
              },
              "Content-Length": {
                "description": "Bytes in the body.",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "*/*": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "206": {
            "description": "The requested byte range.",
            "headers": {
              "Content-Range": {
                "description": "`bytes <first>-<last>/<size>`.",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong validator: `\"<sha256>\"` of the file (thumbnails: `\"<sha256>-<size>\"`).",
                "schema": {
                  "type": "string"
                }
              },
              "Content-Length": {
                "description": "Bytes in the body.",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "*/*": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
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
            "$ref": "#/components/responses/AssetFileMissing"
          },
          "409": {
            "$ref": "#/components/responses/AssetFileConflict"
          },
          "416": {
            "$ref": "#/components/responses/RangeNotSatisfiable"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/api/projects/{slug}/assets/{assetId}/thumbnail": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ProjectSlug"
        },
        {
          "$ref": "#/components/parameters/AssetId"
        }
      ],
      "get": {
        "operationId": "getAssetThumbnail",
        "tags": [
          "assets"
        ],
        "summary": "A WebP thumbnail of the asset's image",
        "description": "The asset's image scaled down (never up) to fit a `size` x `size` box, as WebP. The source\nfile is verified against the record's `sha256` first, as for `/file`. A thumbnail is made on\nfirst request and kept under the project's `.kroma/cache/thumbnails/<sha256>-<size>.webp`\n(which exports and S3 sync leave out); later requests serve that file. `ETag` is\n`\"<sha256>-<size>\"`; a matching `If-None-Match` is answered 304. An image with more pixels\nthan the server decodes is refused (422 `image_too_large`); a file that is not an image\n(422 `not_an_image`). `HEAD` is answered like `GET` without a body.\n",
        "parameters": [
          {
            "name": "size",
            "in": "query",
            "required": false,
            "description": "The longest side of the thumbnail's box, in pixels (default 256).",
            "schema": {
              "type": "integer",
              "enum": [
                128,
                256,
                512
              ],
              "default": 256
            }
          },
          {
            "name": "If-None-Match",
            "in": "header",
            "required": false,
            "description": "ETags the client holds (or `*`); a match is answered 304 without a body.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The thumbnail.",
            "headers": {
              "ETag": {
                "description": "Strong validator: `\"<sha256>\"` of the file (thumbnails: `\"<sha256>-<size>\"`).",
                "schema": {
                  "type": "string"
                }
              },
              "Cache-Control": {
                "description": "`private, max-age=31536000, immutable`: the bytes of an ETag never change.",
                "schema": {
                  "type": "string"
                }
              },
              "Content-Length": {
                "description": "Bytes in the body.",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "image/webp": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
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
            "$ref": "#/components/responses/AssetFileMissing"
          },
          "409": {
            "$ref": "#/components/responses/AssetFileConflict"
          },
          "422": {
            "$ref": "#/components/responses/ImageUnreadable"
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
    "/api/imports": {
      "post": {
        "operationId": "importProject",
        "tags": [
          "exports"
        ],
        "summary": "Restore a bundle (from an export) into a new project",
        "description": "The bundle is the raw body (`Content-Type: application/gzip`; `application/x-gzip` and\n`application/octet-stream` are taken too), streamed to a staging file (under\n`var/projects/.kroma-import-<id>/`, leased like the import's staging directory) and never held\nin memory. It may be up to `KROMA_IMPORT_MAX_BYTES` (default\n10 GiB; 413 `payload_too_large` beyond, checked while it streams in). The import is the one\n`kroma import --db` runs: the bundle is unpacked into a staging directory beside the new\nproject root and verified whole (entry names and types, the manifest, the size and sha256 of\nevery entry) before anything is written; then the project, its storage settings and every\nrecord are created in one transaction and the files moved into\n`<app root>/var/projects/<slug>`. A bundle that is not one, truncated or damaged, or whose\nchecks fail is 400 (`invalid_bundle`), with no project and no file left behind; the staging\nfile is removed in every case. Record ids are kept unless one is taken in this database\n(then every record gets a new one, `ids_remapped`). Secret values never travel in a bundle:\n`secrets_to_set` names the secrets to set again. Importing creates a project, so a\nproject-scoped token is refused (403): use an unscoped one.\n",
        "parameters": [
          {
            "name": "slug",
            "in": "query",
            "required": false,
            "description": "The new project's slug (default: the bundle's). An existing slug is refused (409).",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/gzip": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "application/x-gzip": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new project, and what the import created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportProjectResponse"
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
        "description": "An item needs at least one of `content_uri`, `content_text`, `asset_id` (an asset of the project). Without `sort_order` it goes last.\n",
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
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "kroma_<secret>",
        "description": "An API token (`kroma_...`, shown once when made: `POST /auth/token` or `kroma tokens\ncreate`) as `Authorization: Bearer <token>`. When it is needed follows the server's auth\nmode (`KROMA_API_AUTH`): `auto` (default) needs one on a loopback server only once a token\nexists, and always on a server bound to another address; `required` always; `off` never.\nUnknown, revoked and expired tokens are a 401 whatever the mode. The bearer header wins over\na session cookie sent with it. Never in the query string.\n"
      },
      "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "kroma_session",
        "description": "A browser session made from an API token (`POST /auth/session`); it stands for that token,\nwith its scope, until it expires, is ended, or the token is revoked or expires. Set by the\nserver as an HttpOnly cookie, so a browser sends it by itself; a cookie naming no session of\nthis server counts as none.\n"
      }
    },
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
      "PreferWait": {
        "name": "Prefer",
        "in": "header",
        "required": false,
        "description": "`wait=<seconds>` (RFC 7240): answer once the run has finished, waiting at most that long (and at most the server's `KROMA_TRIGGER_WAIT_MAX_S`); `wait=0` answers at once. Other preferences are ignored.",
        "schema": {
          "type": "string",
          "maxLength": 1000
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
      "JobId": {
        "name": "jobId",
        "in": "path",
        "required": true,
        "description": "The job's record id (`job_...`), as `GET /runs/{runId}/jobs` lists it.",
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "Force": {
        "name": "force",
        "in": "query",
        "required": false,
        "description": "`true` deletes even what is protected: an approved final (and its post-processed files), a scene's baseline, an upload a reference set uses.",
        "schema": {
          "type": "boolean"
        }
      },
      "TrashId": {
        "name": "trashId",
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
        "description": "No valid token (nor session cookie) was given while auth is required (`error_kind` \"policy\", `error_code` \"unauthorized\").",
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
      "ImageTooLarge": {
        "description": "The image has more pixels than the server decodes (`error_code` \"image_too_large\", `details` names `width`, `height`, `max_pixels`).",
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
      "NotModified": {
        "description": "The client's copy (`If-None-Match`) is current; no body.",
        "headers": {
          "ETag": {
            "description": "The validator the client sent, still current.",
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "AssetFileMissing": {
        "description": "No such project or asset (`not_found`), or its file is gone (`asset_file_missing`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "AssetFileConflict": {
        "description": "The file no longer hashes to the record's `sha256` (`asset_file_changed`, `details` names `path`, `expected_sha256`, `actual_sha256`), the record has no `sha256` (`asset_unverifiable`), or the path leads outside the project root (`asset_file_outside_root`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "RangeNotSatisfiable": {
        "description": "The range lies past the end of the file (`range_not_satisfiable`); `Content-Range: bytes */<size>`.",
        "headers": {
          "Content-Range": {
            "description": "`bytes */<size>`.",
            "schema": {
              "type": "string"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "ImageUnreadable": {
        "description": "The file is not an image the server can read (`not_an_image`), or has more pixels than it decodes (`image_too_large`, `details.max_pixels`).",
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
        "minProperties": 1,
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
        "minProperties": 1,
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
        "minProperties": 1,
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
        "minProperties": 1,
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
          "asset_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "An asset of the project (e.g. an uploaded reference image) this item points at."
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
        "description": "At least one of: content_uri, content_text, asset_id.",
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
          "asset_id": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 200,
            "description": "An asset of this project (404 when there is none)."
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
        "minProperties": 1,
        "description": "At least one of: label, content_uri, content_text, asset_id, sort_order, metadata_json. The item must keep content_uri, content_text or asset_id.",
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
          "asset_id": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "maxLength": 200,
            "description": "An asset of this project (404 when there is none)."
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
        "minProperties": 1,
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
        "minProperties": 1,
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
      "CreateAuthSessionRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "token": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "The API token to exchange, when it is not sent as `Authorization: Bearer`."
          }
        }
      },
      "AuthSessionToken": {
        "type": "object",
        "required": [
          "id",
          "label",
          "token_prefix",
          "project_id",
          "project_slug",
          "expires_at"
        ],
        "additionalProperties": false,
        "description": "The token a session was made from; its scope is the session's.",
        "properties": {
          "id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "token_prefix": {
            "type": "string"
          },
          "project_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The project the token is scoped to, or null for all."
          },
          "project_slug": {
            "type": [
              "string",
              "null"
            ]
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
      "AuthSession": {
        "type": "object",
        "required": [
          "id",
          "created_at",
          "expires_at",
          "last_used_at",
          "token"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the session stops working."
          },
          "last_used_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "token": {
            "$ref": "#/components/schemas/AuthSessionToken"
          }
        }
      },
      "AuthSessionResponse": {
        "type": "object",
        "required": [
          "ok",
          "auth_session"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "auth_session": {
            "$ref": "#/components/schemas/AuthSession"
          }
        }
      },
      "AuthSessionDeletedResponse": {
        "type": "object",
        "required": [
          "ok",
          "deleted",
          "session_id"
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
          "session_id": {
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
          "summary_json",
          "deleted_at",
          "trash_id",
          "reserved_usd",
          "retried_from"
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
          },
          "deleted_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the run was put in the trash (`deleteRun`); null while it is live."
          },
          "trash_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The trash entry holding it, while deleted."
          },
          "reserved_usd": {
            "type": [
              "number",
              "null"
            ],
            "description": "What a paid run the server queued reserved against the project's budget (its spend estimate); null for dry and ingested runs."
          },
          "retried_from": {
            "type": [
              "string",
              "null"
            ],
            "description": "The run this one re-runs (`POST /runs/{runId}/rerun`); null for a run triggered or ingested."
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
              "existing",
              "failed"
            ],
            "description": "`planned` in dry runs; `existing`: a post-process run's source file."
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
            "description": "Attempts, usage, the cost recorded from it, error, timings and bytes, as logged (the guard verdict is the quality report)."
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
          "candidates",
          "review_state"
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
              "canceled",
              "running"
            ],
            "description": "`running`: the job generating now in a run still in progress (its candidates so far are recorded)."
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
          },
          "review_state": {
            "$ref": "#/components/schemas/ReviewState"
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
          "created_at",
          "stale",
          "deleted_at",
          "trash_id"
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
            "description": "`final` (the job's chosen candidate), `candidate` (another of its N), or the post-process stage that wrote it."
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
          },
          "stale": {
            "type": "boolean",
            "description": "True when the file at `rel_path` no longer holds the bytes `sha256` names and they were not\nfound elsewhere in the project (a record from before runs wrote under `outputs/<run_id>/`,\nwhose file a later run replaced). Such a record is kept, but its file is not served.\n"
          },
          "original_name": {
            "type": [
              "string",
              "null"
            ],
            "description": "The uploaded file's name (`uploadAsset`); null for files a run wrote."
          },
          "deleted_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When the asset was put in the trash (`deleteAsset`, `deleteRun`, `pruneRun`, `collectGarbage`);\nnull while it is live. While its entry is `trashed`, `rel_path` names its place in the\ntrash and its file route serves it from there; after a purge the record stays and its file\nis gone.\n"
          },
          "trash_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The trash entry holding it, while deleted."
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
            "description": "Job key, the candidates generated, total tokens, size and quality (the basis of the estimate is in the run's settings snapshot), and `recorded_cost_usd`: the job's cost from its answers' usage (null when an answer could not be priced; absent for logs without it)."
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
          "jobs",
          "review_progress"
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
          },
          "review_progress": {
            "$ref": "#/components/schemas/ReviewProgress",
            "description": "Over every job of the run, whatever `review` filters."
          }
        }
      },
      "DeliveryRequest": {
        "type": "object",
        "description": "What to deliver: the approved finals of one run (`run_id`), or the latest approved final of every scene (`latest_approved: true`). Exactly one.",
        "additionalProperties": false,
        "properties": {
          "run_id": {
            "type": "string",
            "minLength": 1
          },
          "latest_approved": {
            "type": "boolean"
          }
        }
      },
      "ProjectBudget": {
        "type": "object",
        "required": [
          "budget_usd",
          "committed_usd",
          "remaining_usd",
          "updated_at"
        ],
        "additionalProperties": false,
        "properties": {
          "budget_usd": {
            "type": [
              "number",
              "null"
            ],
            "description": "The ceiling for the project's paid runs in all, in USD; null when none is set (then nothing is refused for it)."
          },
          "committed_usd": {
            "type": "number",
            "description": "What the project's paid runs hold against it: each queued or running run's reservation (its\nestimate at trigger time), and each finished run's recorded cost (its cost events).\n"
          },
          "remaining_usd": {
            "type": [
              "number",
              "null"
            ],
            "description": "`budget_usd - committed_usd`; null without a budget."
          },
          "updated_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "ProjectBudgetResponse": {
        "type": "object",
        "required": [
          "ok",
          "budget"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "budget": {
            "$ref": "#/components/schemas/ProjectBudget"
          }
        }
      },
      "SetProjectBudgetRequest": {
        "type": "object",
        "required": [
          "budget_usd"
        ],
        "additionalProperties": false,
        "properties": {
          "budget_usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1000000,
            "description": "The new ceiling in USD; null removes it."
          }
        }
      },
      "TrashEntryKind": {
        "type": "string",
        "enum": [
          "asset",
          "run",
          "candidates",
          "gc"
        ],
        "description": "What was put in the trash: one asset (`deleteAsset`), a whole run (`deleteRun`), a run's\nunchosen or rejected candidates (`pruneRun`) or what `collectGarbage` found.\n"
      },
      "TrashEntryStatus": {
        "type": "string",
        "enum": [
          "trashed",
          "restored",
          "purged"
        ]
      },
      "TrashedFile": {
        "type": "object",
        "required": [
          "rel_path",
          "trash_path",
          "bytes",
          "sha256",
          "asset_id"
        ],
        "additionalProperties": false,
        "properties": {
          "rel_path": {
            "type": "string",
            "description": "Where the file was, relative to the project root; a restore puts it back there."
          },
          "trash_path": {
            "type": "string",
            "description": "Where it is while in the trash (`.kroma/trash/<trash_id>/<rel_path>`)."
          },
          "bytes": {
            "type": "integer",
            "minimum": 0
          },
          "sha256": {
            "type": [
              "string",
              "null"
            ]
          },
          "asset_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The record that named it; null for an orphan file (`gc`) or a run log."
          }
        }
      },
      "TrashEntry": {
        "type": "object",
        "required": [
          "id",
          "project_id",
          "kind",
          "status",
          "label",
          "run_id",
          "asset_ids",
          "files",
          "file_count",
          "bytes",
          "deleted_at",
          "expires_at",
          "deleted_by",
          "note",
          "restored_at",
          "purged_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "description": "`trash_<uuid>`."
          },
          "project_id": {
            "type": "string"
          },
          "kind": {
            "$ref": "#/components/schemas/TrashEntryKind"
          },
          "status": {
            "$ref": "#/components/schemas/TrashEntryStatus"
          },
          "label": {
            "type": "string",
            "description": "What it holds, for people (`run run_... (12 assets)`)."
          },
          "run_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The run deleted or pruned; null otherwise."
          },
          "asset_ids": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The asset records put in the trash with it."
          },
          "files": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrashedFile"
            }
          },
          "file_count": {
            "type": "integer",
            "minimum": 0
          },
          "bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes the files take; what a purge frees."
          },
          "deleted_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "expires_at": {
            "$ref": "#/components/schemas/Timestamp",
            "description": "When a purge of expired entries removes it (`KROMA_TRASH_RETENTION_DAYS` after `deleted_at`)."
          },
          "deleted_by": {
            "type": [
              "string",
              "null"
            ],
            "description": "The token's label; null when auth is off."
          },
          "note": {
            "type": [
              "string",
              "null"
            ]
          },
          "restored_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "purged_at": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "TrashResponse": {
        "type": "object",
        "required": [
          "ok",
          "trash"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "trash": {
            "$ref": "#/components/schemas/TrashEntry"
          }
        }
      },
      "TrashListResponse": {
        "type": "object",
        "required": [
          "ok",
          "count",
          "total",
          "bytes",
          "retention_days",
          "trash"
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
          "bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes held by every entry still `trashed`."
          },
          "retention_days": {
            "type": "number",
            "description": "How long an entry stays restorable."
          },
          "trash": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TrashEntry"
            }
          }
        }
      },
      "PruneRunRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "which": {
            "type": "string",
            "enum": [
              "unchosen",
              "rejected"
            ],
            "description": "`unchosen` (the default): every candidate that is not its job's final (the image and its post-processed\nfiles). `rejected`: every file of the jobs a review rejected.\n"
          },
          "note": {
            "type": "string",
            "maxLength": 2000
          }
        }
      },
      "PurgeTrashRequest": {
        "type": "object",
        "additionalProperties": false,
        "description": "Which entries to purge: by default those past `expires_at`; `trash_ids` names some; `all: true` empties the trash.",
        "properties": {
          "trash_ids": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "maxItems": 1000
          },
          "all": {
            "type": "boolean"
          }
        }
      },
      "PurgeTrashResponse": {
        "type": "object",
        "required": [
          "ok",
          "purged",
          "files",
          "bytes"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "purged": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Ids of the entries purged."
          },
          "files": {
            "type": "integer",
            "minimum": 0,
            "description": "Files removed."
          },
          "bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes freed."
          }
        }
      },
      "GarbageRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "dry_run": {
            "type": "boolean",
            "description": "Report only (`true`, the default). `false` moves what was found into the trash, as one `gc` entry."
          }
        }
      },
      "OrphanFile": {
        "type": "object",
        "required": [
          "path",
          "bytes"
        ],
        "additionalProperties": false,
        "properties": {
          "path": {
            "type": "string",
            "description": "Relative to the project root."
          },
          "bytes": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "MissingFile": {
        "type": "object",
        "required": [
          "asset_id",
          "path"
        ],
        "additionalProperties": false,
        "properties": {
          "asset_id": {
            "type": "string"
          },
          "path": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "GarbageResponse": {
        "type": "object",
        "required": [
          "ok",
          "dry_run",
          "scanned",
          "orphan_files",
          "orphan_bytes",
          "missing_files",
          "skipped",
          "trash"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "dry_run": {
            "type": "boolean"
          },
          "scanned": {
            "type": "integer",
            "minimum": 0,
            "description": "Files looked at under the directories runs and uploads write."
          },
          "orphan_files": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OrphanFile"
            },
            "description": "Files no record names."
          },
          "orphan_bytes": {
            "type": "integer",
            "minimum": 0
          },
          "missing_files": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MissingFile"
            },
            "description": "Records whose file is not there."
          },
          "skipped": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Directories left alone: those of runs still queued or running."
          },
          "trash": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/TrashEntry"
              },
              {
                "type": "null"
              }
            ],
            "description": "The entry made when `dry_run` was false and something was found."
          }
        }
      },
      "DiskArea": {
        "type": "object",
        "required": [
          "area",
          "bytes",
          "files"
        ],
        "additionalProperties": false,
        "properties": {
          "area": {
            "type": "string",
            "description": "A top-level directory of the project root (`outputs`, `upscaled`, `uploads`, `.kroma/trash`, `.kroma/cache`, ...); `(root)` for files directly in it."
          },
          "bytes": {
            "type": "integer",
            "minimum": 0
          },
          "files": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "RunDiskUse": {
        "type": "object",
        "required": [
          "run_id",
          "bytes",
          "files",
          "trashed_bytes"
        ],
        "additionalProperties": false,
        "properties": {
          "run_id": {
            "type": "string"
          },
          "bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes of the run's files still in place (its assets and its run log)."
          },
          "files": {
            "type": "integer",
            "minimum": 0
          },
          "trashed_bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Bytes of the run's files now in the trash."
          }
        }
      },
      "DiskUsageResponse": {
        "type": "object",
        "required": [
          "ok",
          "total_bytes",
          "files",
          "trash_bytes",
          "cache_bytes",
          "areas",
          "runs"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "total_bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Every file under the project root."
          },
          "files": {
            "type": "integer",
            "minimum": 0
          },
          "trash_bytes": {
            "type": "integer",
            "minimum": 0
          },
          "cache_bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Thumbnails; made again when needed."
          },
          "areas": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DiskArea"
            },
            "description": "Largest first."
          },
          "runs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RunDiskUse"
            },
            "description": "Every run of the project, largest first."
          }
        }
      },
      "RunDiskUsageResponse": {
        "type": "object",
        "required": [
          "ok",
          "usage"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "usage": {
            "$ref": "#/components/schemas/RunDiskUse"
          }
        }
      },
      "ReviewState": {
        "type": "string",
        "enum": [
          "pending",
          "approved",
          "rejected"
        ],
        "description": "A job's review: `pending` until someone approves or rejects its final, and again after an\nundo or after another candidate is selected (a decision is about the candidate's bytes).\n"
      },
      "ReviewAction": {
        "type": "string",
        "enum": [
          "select",
          "approve",
          "reject",
          "undo"
        ]
      },
      "ReviewProgress": {
        "type": "object",
        "description": "How far a run's review has come; `decided` = approved + rejected.",
        "required": [
          "total",
          "decided",
          "approved",
          "rejected",
          "pending"
        ],
        "additionalProperties": false,
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "decided": {
            "type": "integer",
            "minimum": 0
          },
          "approved": {
            "type": "integer",
            "minimum": 0
          },
          "rejected": {
            "type": "integer",
            "minimum": 0
          },
          "pending": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ReviewEvent": {
        "type": "object",
        "description": "One decision on a job, as the review history lists it (oldest first).",
        "required": [
          "id",
          "run_id",
          "job_id",
          "seq",
          "action",
          "state",
          "candidate_index",
          "candidate_sha256",
          "previous_state",
          "previous_candidate_index",
          "note",
          "actor",
          "audit_id",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "run_id": {
            "type": "string"
          },
          "job_id": {
            "type": "string"
          },
          "seq": {
            "type": "integer",
            "minimum": 1
          },
          "action": {
            "$ref": "#/components/schemas/ReviewAction"
          },
          "state": {
            "$ref": "#/components/schemas/ReviewState"
          },
          "candidate_index": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The job's chosen candidate after the decision."
          },
          "candidate_sha256": {
            "type": [
              "string",
              "null"
            ],
            "description": "The sha256 of that candidate's image."
          },
          "previous_state": {
            "$ref": "#/components/schemas/ReviewState"
          },
          "previous_candidate_index": {
            "type": [
              "integer",
              "null"
            ],
            "description": "What the decision replaced."
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "Why, as the reviewer wrote it."
          },
          "actor": {
            "type": [
              "string",
              "null"
            ],
            "description": "The label of the token that decided (null when no token was needed)."
          },
          "audit_id": {
            "type": "string",
            "description": "The decision's audit event (`GET /audit-events`)."
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "SelectCandidateRequest": {
        "type": "object",
        "required": [
          "candidate_index"
        ],
        "additionalProperties": false,
        "properties": {
          "candidate_index": {
            "type": "integer",
            "minimum": 1,
            "maximum": 6,
            "description": "The candidate to make the job's final."
          },
          "note": {
            "type": "string",
            "maxLength": 2000
          },
          "confirm_spend": {
            "type": "boolean",
            "description": "Needed only when making the candidate final would call a paid service (a post-process\nstep it never completed); without it such a select is refused, naming the step.\n"
          }
        }
      },
      "ReviewDecisionRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "note": {
            "type": "string",
            "maxLength": 2000
          }
        }
      },
      "ApproveRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "note": {
            "type": "string",
            "maxLength": 2000
          },
          "baseline": {
            "type": "boolean",
            "description": "Also make the approved final the project's baseline for the job's scene."
          },
          "replace_baseline": {
            "type": "boolean",
            "description": "With `baseline`: replace the scene's existing baseline (without it, an existing one is a 409)."
          }
        }
      },
      "Baseline": {
        "type": "object",
        "description": "The approved final a scene is held to.",
        "required": [
          "scene",
          "asset_id",
          "run_id",
          "job_id",
          "created_at"
        ],
        "additionalProperties": false,
        "properties": {
          "scene": {
            "type": "string",
            "description": "The scene's path under the project root (`scenes/alley.png`)."
          },
          "asset_id": {
            "type": "string"
          },
          "run_id": {
            "type": "string"
          },
          "job_id": {
            "type": "string"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "ReviewResponse": {
        "type": "object",
        "required": [
          "ok",
          "job",
          "review",
          "audit_id"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "job": {
            "$ref": "#/components/schemas/RunJob"
          },
          "review": {
            "$ref": "#/components/schemas/ReviewEvent"
          },
          "baseline": {
            "$ref": "#/components/schemas/Baseline"
          },
          "replaced_baseline": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Baseline"
              },
              {
                "type": "null"
              }
            ]
          },
          "audit_id": {
            "type": "string"
          }
        }
      },
      "ReviewHistoryResponse": {
        "type": "object",
        "required": [
          "ok",
          "run_id",
          "job_id",
          "count",
          "history"
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
          "job_id": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ReviewEvent"
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
      "UploadAssetKind": {
        "type": "string",
        "enum": [
          "scene",
          "reference"
        ]
      },
      "UploadAssetForm": {
        "type": "object",
        "required": [
          "file"
        ],
        "properties": {
          "file": {
            "type": "string",
            "format": "binary",
            "description": "The image: PNG, JPEG or WebP."
          },
          "name": {
            "type": "string",
            "maxLength": 255,
            "description": "The file's original name (default: the part's file name)."
          }
        }
      },
      "UploadAssetResponse": {
        "type": "object",
        "required": [
          "ok",
          "asset",
          "deduplicated"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "asset": {
            "$ref": "#/components/schemas/Asset"
          },
          "deduplicated": {
            "type": "boolean",
            "description": "True when these bytes were stored before as this kind: `asset` is that asset."
          }
        }
      },
      "IngestRunForm": {
        "type": "object",
        "required": [
          "run_log"
        ],
        "properties": {
          "run_log": {
            "type": "string",
            "format": "binary",
            "description": "The run log (JSON), as written to `runs/<run_id>.json`."
          },
          "files": {
            "type": "array",
            "description": "Files the log names; each part's file name is the path the log gives it, relative to the project root.",
            "items": {
              "type": "string",
              "format": "binary"
            }
          }
        }
      },
      "IngestRunResponse": {
        "type": "object",
        "required": [
          "ok",
          "run_id",
          "changed",
          "files"
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
          "changed": {
            "type": "boolean",
            "description": "False when this very log was recorded before: nothing changed."
          },
          "counts": {
            "type": "object",
            "description": "Rows written, when `changed`.",
            "required": [
              "jobs",
              "candidates",
              "assets",
              "quality_reports",
              "cost_events"
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
              },
              "assets": {
                "type": "integer",
                "minimum": 0
              },
              "quality_reports": {
                "type": "integer",
                "minimum": 0
              },
              "cost_events": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "files": {
            "type": "object",
            "description": "The files the log names, by how the server has them.",
            "required": [
              "received",
              "on_disk"
            ],
            "additionalProperties": false,
            "properties": {
              "received": {
                "type": "integer",
                "minimum": 0,
                "description": "Placed from this request's uploads."
              },
              "on_disk": {
                "type": "integer",
                "minimum": 0,
                "description": "Already under the project root with the log's sha256."
              }
            }
          }
        }
      },
      "RecordAssetMovesRequest": {
        "type": "object",
        "required": [
          "moves"
        ],
        "additionalProperties": false,
        "properties": {
          "moves": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "type": "object",
              "required": [
                "from",
                "to"
              ],
              "additionalProperties": false,
              "properties": {
                "from": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 4096,
                  "description": "Where the file was, relative to the project root."
                },
                "to": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 4096,
                  "description": "Where it is now, relative to the project root."
                }
              }
            }
          }
        }
      },
      "RecordAssetMovesResponse": {
        "type": "object",
        "required": [
          "ok",
          "records",
          "refused"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "records": {
            "type": "integer",
            "minimum": 0,
            "description": "Asset records now naming the new paths."
          },
          "refused": {
            "type": "array",
            "description": "Moves left unrecorded, with why (the file is not at `to` with the record's sha256, or is still at `from`).",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "reason"
              ],
              "additionalProperties": false,
              "properties": {
                "from": {
                  "type": "string"
                },
                "to": {
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
        "description": "A run request: every option `kroma lab run` takes, with the flag's name in snake_case, but for\nthe ones naming a file on the server's disk (the server uses the project's stored root and its\nlayered settings). One of `input` (a file or directory under the project root), `scene_refs`,\n`batch`, `assets` and `from_run`; `time` only with stage time or weather; `weather` only with\nstage weather. `assets` and `from_run` post-process existing files (no image request, a\npost-processing stage must be on). `prompt` asks for one image from that prompt, with at most\none input image (`input` or `scene_refs`) or none (an images generation).\n",
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
            "maximum": 100,
            "description": "Images per job (default: the manifest's, else 1); at most `max_candidates` unless `allow_many_candidates`."
          },
          "max_candidates": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100,
            "description": "Upper bound for `candidates` (default: the manifest's, else 6)."
          },
          "allow_many_candidates": {
            "type": "boolean",
            "description": "Let `candidates` exceed `max_candidates`."
          },
          "output_guard_enabled": {
            "type": "boolean",
            "description": "Run the output guard (default true)."
          },
          "enforce_grayscale": {
            "type": "boolean",
            "description": "Fail images that are not grayscale-like (default: the manifest's)."
          },
          "max_chroma_delta": {
            "type": "number",
            "minimum": 0,
            "description": "The guard's grayscale threshold (default: the manifest's)."
          },
          "fail_on_chroma_exceed": {
            "type": "boolean",
            "description": "Fail images above the threshold instead of warning (default: the manifest's)."
          },
          "archive_replaced": {
            "type": "boolean",
            "description": "Archive a file about to be overwritten under `archive/replaced/` first (default true)."
          },
          "post_bg_remove": {
            "type": "boolean",
            "description": "Remove the background of every generated image (over the layered setting `pipeline.postprocess.bg_remove`)."
          },
          "post_upscale": {
            "type": "boolean",
            "description": "Upscale every generated image (`pipeline.postprocess.upscale`)."
          },
          "upscale_backend": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "`sharp` or `realesrgan-ncnn` (`pipeline.postprocess.upscale_backend`); 400 when upscaling is off."
          },
          "post_color": {
            "type": "boolean",
            "description": "Colour-correct every generated image (`pipeline.postprocess.color`)."
          },
          "post_color_profile": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "A colour profile (`pipeline.postprocess.color_profile`); 400 when colour correction is off."
          },
          "style_base_prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "Replaces the manifest's `prompts.style_base` for this run."
          },
          "time_day_prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "Replaces `prompts.time_day`."
          },
          "time_night_prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "Replaces `prompts.time_night`."
          },
          "weather_clear_prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "Replaces `prompts.weather_clear`."
          },
          "weather_rain_prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "Replaces `prompts.weather_rain`."
          },
          "model": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Image model of this run (default: the server's `OPENAI_IMAGE_MODEL`, else `gpt-image-1`); one the pipeline's model table knows, else 400 naming the supported ones."
          },
          "size": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "description": "Image size of this run (default: the server's `OPENAI_IMAGE_SIZE`, else `1024x1536`); one the model accepts, else 400 listing the sizes it does."
          },
          "quality": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "description": "Image quality of this run (default: the server's `OPENAI_IMAGE_QUALITY`, else `medium`); one the model accepts."
          },
          "storage_sync_s3": {
            "type": "boolean",
            "description": "Upload the project's new or changed files to its S3 storage after the run (`POST /storage/s3/sync`); refused (400) when the project has no S3 storage enabled, or no credentials that may go to its endpoint."
          },
          "project_root": {
            "description": "Refused: the root comes from the project's stored storage."
          },
          "max_spend_usd": {
            "type": "number",
            "exclusiveMinimum": 0,
            "description": "Refuse the run (400, nothing queued or sent) when its `spend_estimate` exceeds this many dollars, or cannot be priced fully."
          },
          "prompt_template": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "A prompt template of the project, by name or id: its text, with `{placeholders}` filled, replaces the manifest's prompt (which it can place with `{base_prompt}`). Unknown: 400."
          },
          "style_guide": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "A style guide of the project, by name or id: its instructions join every prompt."
          },
          "characters": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            },
            "description": "Characters of the project, by name or id: each joins every prompt as `name: prompt_text`."
          },
          "reference_set": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "A reference set of the project, by name or id: its text items join every prompt, its image items (an uploaded asset, or a project file named by `content_uri`) are sent as extra input images, up to the model's limit (else 400)."
          },
          "prompt_fields": {
            "$ref": "#/components/schemas/PromptFields"
          },
          "batch": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "$ref": "#/components/schemas/BatchRow"
            },
            "description": "Rows that each name a scene and its template fields and overrides, instead of `input` or `scene_refs`; what `kroma lab dry|run --batch FILE` reads from a JSONL or CSV file."
          },
          "repeat": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100,
            "description": "Plan every job this many times, as separate jobs (after a batch's own expansion). Default 1."
          },
          "assets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1000,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 300
            },
            "description": "Post-process these assets of the project (by id) instead of generating: one job per asset, no image request, the chain's files under the new run's directories, each linked `derived_from` its source. Needs a post-processing stage on (else 400); instead of `input`, `scene_refs`, `batch` and `from_run`."
          },
          "from_run": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300,
            "description": "Post-process the final output of every job of this run of the project, as `assets` does; unknown run, or one without a final output: 400."
          },
          "prompt": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32000,
            "description": "One image from this prompt, which replaces the manifest's composed prompt (a style guide, characters or reference set named still join it; `prompt_template` is refused). With `input` or `scene_refs` naming one image: an edit of it; with neither: an images generation (no input image). Not with `batch`, `assets`, `from_run` or `prompt_template`."
          },
          "wait": {
            "type": "boolean",
            "description": "Answer once the run has finished, within the server's `KROMA_TRIGGER_WAIT_MAX_S` (300 s unless set), with `status_code` and `stdout` in `pipeline_trigger`; not given or false: answer at once. The same as the header `Prefer: wait=<seconds>`."
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
              "run",
              "spend_estimate"
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
              },
              "spend_estimate": {
                "$ref": "#/components/schemas/SpendEstimate"
              },
              "status_code": {
                "type": "integer",
                "description": "Only in a waited answer (`wait`, `Prefer: wait`) whose run finished: 0 when it succeeded, 1 otherwise (the upstream's exit code)."
              },
              "stdout": {
                "type": "string",
                "description": "Only in a waited answer whose run finished: `Run log: <path>` and `Jobs: <n>` on two lines, as the upstream's smoke client reads them."
              }
            }
          }
        }
      },
      "RerunRunRequest": {
        "type": "object",
        "description": "Which jobs of a run to run again, as a new run: `jobs` (`all` or `failed`) xor `job_ids` (the\nrun's job record ids or job keys, e.g. the scenes a reviewer rejected). The new run repeats the\noriginal's recorded request and settings for those jobs' scenes.\n",
        "additionalProperties": false,
        "properties": {
          "jobs": {
            "type": "string",
            "enum": [
              "all",
              "failed"
            ],
            "description": "`all`: every job's scene; `failed`: the scenes of jobs that did not finish (`failed`, `failed_guard`, `canceled`)."
          },
          "job_ids": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 300
            }
          },
          "confirm_spend": {
            "type": "boolean",
            "description": "Required (true) when the original is a paid run."
          },
          "max_spend_usd": {
            "type": "number",
            "exclusiveMinimum": 0,
            "description": "As the trigger's: refuse (400) when the new run's `spend_estimate` exceeds it."
          },
          "wait": {
            "type": "boolean",
            "description": "As the trigger's `wait`."
          }
        }
      },
      "SpendEstimate": {
        "type": "object",
        "description": "What a run will cost before it sends anything: the image API requests (jobs x candidates;\nretries not counted), the images, their list price from the model table\n(`packages/pipeline/src/generate/models.ts`), and the paid post-processing calls the run makes\nfor every candidate (a cut-out from a paid first backend, PhotoRoom or remove.bg, and the\nOpenAI refine pass). `total_usd` is null when any part cannot be priced (an `auto` quality, a\nmodel the table does not know, PhotoRoom or remove.bg, whose prices are not in the table);\n`basis` says what was counted and what was not. An estimate from list prices, not a bill. A\ndry run's log and a trigger's answer carry it (for a dry run: what the same run in `mode: run`\nwould cost).\n",
        "required": [
          "requests",
          "images",
          "per_image_usd",
          "images_usd",
          "postprocess",
          "total_usd",
          "basis"
        ],
        "additionalProperties": false,
        "properties": {
          "requests": {
            "type": "integer",
            "minimum": 0,
            "description": "Image API requests the run will send (jobs x candidates); retries not counted."
          },
          "images": {
            "type": "integer",
            "minimum": 0
          },
          "per_image_usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0
          },
          "images_usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0
          },
          "postprocess": {
            "type": "array",
            "description": "The paid post-process stages the run calls for every candidate.",
            "items": {
              "type": "object",
              "required": [
                "stage",
                "backend",
                "calls",
                "usd"
              ],
              "additionalProperties": false,
              "properties": {
                "stage": {
                  "$ref": "#/components/schemas/PostprocessStageName"
                },
                "backend": {
                  "type": "string",
                  "description": "`photoroom`, `removebg` or `openai`."
                },
                "calls": {
                  "type": "integer",
                  "minimum": 0
                },
                "usd": {
                  "type": [
                    "number",
                    "null"
                  ],
                  "minimum": 0,
                  "description": "Null when the table has no price for the service."
                }
              }
            }
          },
          "total_usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "description": "Images plus post-processing; null when any part is null."
          },
          "basis": {
            "type": "string"
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
          "job_id": {
            "type": "string",
            "description": "`candidate_done`, `job_done`: the job's record id (`GET /runs/{runId}/jobs`); `job` is its key in the log."
          },
          "asset_ids": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "`candidate_done`: the assets the candidate made (its image, then each post-processed file),\nrecorded before the event was sent, so `GET /assets/{assetId}/file` already serves them.\n`job_done`: every asset of the job.\n"
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
              "style_ref",
              "reference"
            ],
            "description": "`reference`: an image of the run's reference set, sent after the style refs."
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
      "PromptRecordRef": {
        "type": "object",
        "description": "A project record a run's prompts were composed from: its kind, id and name, and the sha256 of\nits content (the fields a prompt can depend on, as JSON with sorted keys; for a reference set,\nits items too), so a replay tells a changed record from an unchanged one.\n",
        "required": [
          "kind",
          "id",
          "name",
          "sha256"
        ],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "prompt_template",
              "style_guide",
              "character",
              "reference_set"
            ]
          },
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "sha256": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          }
        }
      },
      "RunSourceAsset": {
        "type": "object",
        "description": "The existing asset a post-process run's job starts from (`assets`, `from_run`): its id, file and the sha256 its record names, which the file was checked against before the chain ran.",
        "required": [
          "asset_id",
          "path",
          "sha256"
        ],
        "additionalProperties": false,
        "properties": {
          "asset_id": {
            "type": "string"
          },
          "path": {
            "type": "string",
            "description": "Relative to the project root."
          },
          "sha256": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          }
        }
      },
      "PromptFields": {
        "type": "object",
        "description": "Values for a prompt template's `{placeholders}` (names of letters, digits and `_`; the built-in `scene`, `stage`, `time`, `weather`, `base_prompt`, `style_guide`, `characters` and `references` cannot be set).",
        "maxProperties": 100,
        "additionalProperties": {
          "type": "string",
          "maxLength": 10000
        }
      },
      "BatchRow": {
        "type": "object",
        "description": "One row of a batch. A list in `scene` or in a field expands the row: lists named together in\na `zip` group advance in step (equal lengths), every other list multiplies (product, the last\nvarying fastest), as InvokeAI's batches do; `repeat` runs each combination that many times.\nEach job records its row (`batch_row`, 1-based) and its fields (`prompt_fields`).\n",
        "required": [
          "scene"
        ],
        "additionalProperties": false,
        "properties": {
          "scene": {
            "description": "Scene image(s), relative to the project root.",
            "oneOf": [
              {
                "type": "string",
                "minLength": 1,
                "maxLength": 4096
              },
              {
                "type": "array",
                "minItems": 1,
                "maxItems": 1000,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 4096
                }
              }
            ]
          },
          "fields": {
            "type": "object",
            "description": "Template fields of this row (over the request's `prompt_fields`); a list expands the row.",
            "maxProperties": 100,
            "additionalProperties": {
              "oneOf": [
                {
                  "type": "string",
                  "maxLength": 10000
                },
                {
                  "type": "array",
                  "minItems": 1,
                  "maxItems": 1000,
                  "items": {
                    "type": "string",
                    "maxLength": 10000
                  }
                }
              ]
            }
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
          "zip": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "array",
              "minItems": 1,
              "maxItems": 101,
              "items": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100
              }
            },
            "description": "Groups of keys (`scene` and field names) whose lists advance together."
          },
          "repeat": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100,
            "description": "Default 1."
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
            "description": "The scene, then every style reference, then the reference set's images; relative to the project root where inside it."
          },
          "prompt": {
            "type": "string",
            "description": "Composed from the manifest's prompt and the run's records (`prompt_records`)."
          },
          "prompt_fields": {
            "$ref": "#/components/schemas/PromptFields",
            "description": "The template fields the job was given (the request's, then its batch row's); absent when none."
          },
          "batch_row": {
            "type": "integer",
            "minimum": 1,
            "description": "The batch row (1-based) that produced the job; absent without a batch."
          },
          "source_asset": {
            "$ref": "#/components/schemas/RunSourceAsset"
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
          "spend_estimate",
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
          "prompt_records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PromptRecordRef"
            },
            "description": "The records the prompts were composed from (absent in logs written before runs used records)."
          },
          "prompt_given": {
            "type": "string",
            "description": "A one-image run's prompt as the request gave it (`prompt`), before any record joined it; absent for other runs."
          },
          "reference_images": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The reference set's images, sent after the style refs in every job's `input_images`; absent when none."
          },
          "jobs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DryRunJob"
            }
          },
          "spend_estimate": {
            "$ref": "#/components/schemas/SpendEstimate"
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
          },
          "output_tokens_details": {
            "type": "object",
            "description": "Open (kept as sent); reported by newer gpt-image models. Without it, `output_tokens` are image tokens.",
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
      "RecordedImageCost": {
        "type": "object",
        "description": "What one answered image request cost, computed from the `usage` the answer carried and the\nmodel table's per-token list prices (`packages/pipeline/src/generate/models.ts`), each kind of\ntoken at its own price: text input, image input, image output (and text output where the model\nreports it). Not the per-image estimate: the two are computed independently. `usd` is null, with\nthe `reason`, when the answer carried no usage or a token price is not known: unknown, never 0.\n",
        "required": [
          "usd"
        ],
        "additionalProperties": false,
        "properties": {
          "usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "description": "The parts summed; null when any part cannot be priced (see `reason`)."
          },
          "text_input_usd": {
            "type": "number",
            "minimum": 0
          },
          "image_input_usd": {
            "type": "number",
            "minimum": 0
          },
          "image_output_usd": {
            "type": "number",
            "minimum": 0
          },
          "text_output_usd": {
            "type": "number",
            "minimum": 0
          },
          "reason": {
            "type": "string",
            "description": "Why `usd` is null."
          }
        }
      },
      "RecordedSpend": {
        "type": "object",
        "description": "What a paid run's answered image requests cost, from the `usage` each carried (every\ncandidate's `cost`, and the `params.cost` of each OpenAI refine pass of its post-processing):\nthe sum, and how many answers were priced and how many not; PhotoRoom and remove.bg calls are\nnot counted (their prices are not in the model table). `usd` is null\nwhen any answer could not be priced (no usage, or a token price the model table lacks); then\n`priced_usd` is the part that could be. Beside `spend_estimate`, made before the run from list\nprices per image; the two are computed independently.\n",
        "required": [
          "usd",
          "priced_usd",
          "priced_requests",
          "unpriced_requests",
          "basis"
        ],
        "additionalProperties": false,
        "properties": {
          "usd": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0
          },
          "priced_usd": {
            "type": "number",
            "minimum": 0,
            "description": "The sum over the answers that could be priced."
          },
          "priced_requests": {
            "type": "integer",
            "minimum": 0
          },
          "unpriced_requests": {
            "type": "integer",
            "minimum": 0,
            "description": "Answers whose `cost.usd` is null."
          },
          "basis": {
            "type": "string"
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
              "existing",
              "failed"
            ],
            "description": "`existing`: a post-process run's source file (the job's `source_asset`), taken as it is: no image request, nothing written."
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
          "cost": {
            "$ref": "#/components/schemas/RecordedImageCost",
            "description": "The cost of the answered request, from its usage; absent when no answer came back (a failed request bills nothing)."
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
          "canceled",
          "running"
        ],
        "description": "Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard;\n`canceled`: the run was canceled before the job finished. `running` appears only in the live\nrecords of a run still in progress (the job generating now, with its candidates so far),\nnever in a finished run's log.\n"
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
          "prompt_fields": {
            "$ref": "#/components/schemas/PromptFields"
          },
          "batch_row": {
            "type": "integer",
            "minimum": 1
          },
          "source_asset": {
            "$ref": "#/components/schemas/RunSourceAsset"
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
        "description": "The log of a paid run (`mode: run`): the dry log's base fields plus, per job, status,\nselected candidate, final output and every candidate with its attempts, guard verdict, digest\nand timing; for the run, token usage, an estimated cost, timings, status and counts.\n`spend_estimate`: the estimate the run was checked against before its first request;\n`spend_recorded`: the cost of its answered requests from the usage each carried (both absent\nin logs written before they existed).\n",
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
          "prompt_records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PromptRecordRef"
            },
            "description": "The records the prompts were composed from (absent in logs written before runs used records)."
          },
          "prompt_given": {
            "type": "string",
            "description": "A one-image run's prompt as the request gave it (`prompt`), before any record joined it; absent for other runs."
          },
          "reference_images": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The reference set's images, sent after the style refs in every job's `input_images`; absent when none."
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
                "enum": [
                  "images.edit",
                  "images.generate",
                  "none"
                ],
                "description": "`images.generate`: a `prompt` run without an input image; `none`: a post-process run (`assets`, `from_run`), which sends no image request."
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
          "spend_estimate": {
            "$ref": "#/components/schemas/SpendEstimate"
          },
          "spend_recorded": {
            "$ref": "#/components/schemas/RecordedSpend",
            "description": "What the run's answered requests cost by their usage (absent in logs written before it existed)."
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
      "ProjectImport": {
        "type": "object",
        "description": "What an import created.",
        "required": [
          "project",
          "project_root",
          "counts",
          "files",
          "files_bytes",
          "ids_remapped",
          "secrets_to_set"
        ],
        "additionalProperties": false,
        "properties": {
          "project": {
            "$ref": "#/components/schemas/Project"
          },
          "project_root": {
            "type": "string",
            "description": "The new project's root (absolute): `<app root>/var/projects/<slug>`."
          },
          "counts": {
            "type": "object",
            "description": "Rows created per record kind (`runs`, `jobs`, `assets`, `prompt_templates`, ...).",
            "additionalProperties": {
              "type": "integer",
              "minimum": 0
            }
          },
          "files": {
            "type": "integer",
            "minimum": 0,
            "description": "Project files restored (each one's sha256 verified)."
          },
          "files_bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Their total size."
          },
          "ids_remapped": {
            "type": "boolean",
            "description": "True when some record id of the bundle was taken in this database, so every record got a new one (references rewritten to match)."
          },
          "secrets_to_set": {
            "type": "array",
            "description": "`provider/name` of each secret the source project had: values never travel in a bundle, set them again.",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ImportProjectResponse": {
        "type": "object",
        "required": [
          "ok",
          "import"
        ],
        "additionalProperties": false,
        "properties": {
          "ok": {
            "type": "boolean",
            "const": true
          },
          "import": {
            "$ref": "#/components/schemas/ProjectImport"
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
