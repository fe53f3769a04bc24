import { actorOf } from "../../core/audit.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { exportBootstrap } from "./export.js";
import { importBootstrap } from "./import.js";
import { readImportRequest } from "./import-request.js";

export function bootstrapRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("get", "/api/projects/{slug}/bootstrap-prompt", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, bootstrap: await exportBootstrap(deps.db, project) } };
  });

  route("post", "/api/projects/{slug}/bootstrap-import", async ({ params, body, context }) => {
    // The project first: reading the request may scan 500,000 characters of `ai_response_text`,
    // which a request for a project that does not exist must not cost.
    const project = await requireProject(deps, params.slug);
    const request = readImportRequest(params.slug, body, deps.validator);
    const result = await importBootstrap(deps.db, actorOf(context), project, request);
    return { status: 200, body: { ok: true, bootstrap_import: result } };
  });
}
