import { actorOf } from "../../core/audit.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { checkMoves, moveAssetFiles } from "./moved-files.js";

/** `POST /api/projects/{slug}/assets/moves`: records follow files a client moved in the project (`lab archive-bad`). */
export function assetMoveRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("post", "/api/projects/{slug}/assets/moves", async ({ params, body, context }) => {
    const project = await requireProject(deps, params.slug);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const { accepted, refused } = await checkMoves(deps.db, { id: project.id, root }, body.moves);
    const records = await moveAssetFiles(deps.db, { id: project.id, root }, accepted, actorOf(context));
    return { status: 200, body: { ok: true, records, refused } };
  });
}
