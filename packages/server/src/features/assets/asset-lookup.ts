import { notFound } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { type AssetRecord, createRunRepository } from "../runs/repository.js";

/** An asset record and the root its `rel_path` is relative to. */
export interface FoundAsset {
  asset: AssetRecord;
  root: string;
}

/** Finds `{slug}`'s asset `{assetId}` (404 for either missing) and its project's root. */
export type AssetLookup = (slug: string, assetId: string) => Promise<FoundAsset>;

export function assetLookup(deps: ContentDeps): AssetLookup {
  const runs = createRunRepository(deps.db);
  return async (slug, assetId) => {
    const project = await requireProject(deps, slug);
    const asset = await runs.getAsset(project.id, assetId);
    if (!asset) throw notFound(`Asset '${assetId}' not found`);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    return { asset, root };
  };
}
