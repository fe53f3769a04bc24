import { actorOf } from "../../core/audit.js";
import { notFound } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { createRunRepository } from "../runs/repository.js";
import type { UploadLimits } from "./upload-limits.js";
import { storeUpload } from "./upload-store.js";

/** `POST /api/projects/{slug}/assets`: an image uploaded as a scene or a reference. */
export function assetUploadRoutes(route: DefineRoute, deps: ContentDeps & { limits: UploadLimits }): void {
  const runs = createRunRepository(deps.db);

  route("post", "/api/projects/{slug}/assets", async ({ params, query, context }) => {
    const project = await requireProject(deps, params.slug);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const { assetId, deduplicated } = await storeUpload(
      { db: deps.db, projectId: project.id, root, limits: deps.limits, actor: actorOf(context) },
      context.req.raw,
      { kind: query.kind, name: query.name },
    );
    const asset = await runs.getAsset(project.id, assetId);
    if (!asset) throw notFound(`Asset '${assetId}' not found`);
    const body = { ok: true as const, asset, deduplicated };
    return deduplicated ? { status: 200 as const, body } : { status: 201 as const, body };
  });
}
