import { join } from "node:path";
import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { isPlainRelative } from "../assets/asset-location.js";
import { listProjectFiles } from "../exports/project-files.js";
import { activeRunStatuses } from "../runs/repository.js";
import { protectedAssets } from "./protection.js";
import type { TrashedAsset } from "./trash.js";
import { regularFileSize } from "./trash-files.js";

/** The directories runs and uploads write; a file in them that no record names is an orphan. */
export const managedDirs = [
  "outputs",
  "background_removed",
  "upscaled",
  "color_corrected",
  "archive",
  "uploads",
] as const;

export interface GarbageFound {
  scanned: number;
  orphans: Schema<"OrphanFile">[];
  /** Live records whose file is not there (protected ones are reported but never trashed). */
  missing: TrashedAsset[];
  /** Of `missing`, those `gc` may mark deleted. */
  trashable: TrashedAsset[];
  skipped: string[];
}

/**
 * Finds what `gc` would clean: files under {@link managedDirs} no asset record (live, trashed or
 * purged) nor reference item names, and live records with a plain relative path whose file is
 * not there. The directories of runs still active are skipped (their files may not be recorded
 * yet), and so is `archive/replaced` while records of the old layout wait for their file check
 * (their bytes may be there).
 */
export async function findGarbage(db: Kysely<Database>, projectId: string, root: string): Promise<GarbageFound> {
  const assets = await db
    .selectFrom("assets")
    .select(["id", "rel_path", "sha256", "deleted_at", "file_checked_at"])
    .where("project_id", "=", projectId)
    .execute();
  const named = new Set(assets.flatMap((asset) => (asset.rel_path ? [asset.rel_path] : [])));
  for (const path of await referencedPaths(db, projectId)) named.add(path);
  const skipped = await activeRunDirs(db, projectId);
  if (assets.some((asset) => asset.file_checked_at === null)) skipped.push("archive/replaced");
  const found: GarbageFound = { scanned: 0, orphans: [], missing: [], trashable: [], skipped };
  for (const dir of managedDirs) {
    const { files } = await listProjectFiles(join(root, dir));
    for (const file of files) {
      const relPath = `${dir}/${file.relPath}`;
      if (skipped.some((skip) => relPath.startsWith(`${skip}/`))) continue;
      found.scanned++;
      if (!named.has(relPath)) found.orphans.push({ path: relPath, bytes: file.size });
    }
  }
  for (const asset of assets) {
    if (asset.deleted_at !== null || !isPlainRelative(asset.rel_path)) continue;
    if ((await regularFileSize(root, asset.rel_path)) === undefined) {
      found.missing.push({ id: asset.id, rel_path: asset.rel_path, sha256: asset.sha256 });
    }
  }
  const kept = new Set(
    (
      await protectedAssets(
        db,
        projectId,
        found.missing.map((a) => a.id),
      )
    ).map((p) => p.asset_id),
  );
  found.trashable = found.missing.filter((asset) => !kept.has(asset.id));
  return found;
}

/** Paths reference items name inside the project (a style reference may be an earlier output). */
async function referencedPaths(db: Kysely<Database>, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("reference_items")
    .select("content_uri")
    .where("project_id", "=", projectId)
    .execute();
  return rows.flatMap((row) => (row.content_uri ? [row.content_uri.replace(/^\.\//, "")] : []));
}

/** `<dir>/<run_id>` of every managed directory, for each run of the project still active. */
async function activeRunDirs(db: Kysely<Database>, projectId: string): Promise<string[]> {
  const runs = await db
    .selectFrom("runs")
    .select("id")
    .where("project_id", "=", projectId)
    .where("status", "in", [...activeRunStatuses])
    .execute();
  return runs.flatMap((run) => managedDirs.map((dir) => `${dir}/${run.id}`));
}
