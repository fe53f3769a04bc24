import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { isPlainRelative } from "../assets/asset-location.js";

type DiskArea = Schema<"DiskArea">;
type RunDiskUse = Schema<"RunDiskUse">;

/** Where a file counts: its top-level directory, or `.kroma/<dir>` inside the hidden one. */
function areaOf(relPath: string): string {
  const parts = relPath.split("/");
  if (parts.length === 1) return "(root)";
  if (parts[0] === ".kroma" && parts.length > 2) return `.kroma/${parts[1]}`;
  return parts[0] as string;
}

/**
 * Every regular file under `root` (symlinks are neither followed nor counted), summed by area,
 * largest first, with each file's size by path for the per-run sums.
 */
export async function diskAreas(root: string): Promise<{ areas: DiskArea[]; sizes: Map<string, number> }> {
  const entries: Dirent[] = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = new Map<string, number>();
  const byArea = new Map<string, DiskArea>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absPath = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const relPath = absPath
      .slice(root.length + 1)
      .split("\\")
      .join("/");
    const stats = await lstat(absPath).catch(() => undefined);
    if (!stats?.isFile()) continue;
    sizes.set(relPath, stats.size);
    const area = areaOf(relPath);
    const sum = byArea.get(area) ?? { area, bytes: 0, files: 0 };
    sum.bytes += stats.size;
    sum.files++;
    byArea.set(area, sum);
  }
  return { areas: [...byArea.values()].sort((a, b) => b.bytes - a.bytes || a.area.localeCompare(b.area)), sizes };
}

/**
 * What each run's files take: its asset files and run log, in place or (for what was deleted)
 * in the trash, each file counted once. `size` answers a file's size, or undefined when it is
 * not there.
 */
export async function runDiskUse(
  db: Kysely<Database>,
  projectId: string,
  size: (relPath: string) => Promise<number | undefined> | number | undefined,
  runId?: string,
): Promise<RunDiskUse[]> {
  let runs = db.selectFrom("runs").select(["id", "run_log_path", "deleted_at"]).where("project_id", "=", projectId);
  if (runId) runs = runs.where("id", "=", runId);
  let assets = db.selectFrom("assets").select(["run_id", "rel_path", "deleted_at"]).where("project_id", "=", projectId);
  assets = runId ? assets.where("run_id", "=", runId) : assets.where("run_id", "is not", null);
  const usage = new Map<string, RunDiskUse & { seen: Set<string> }>();
  const runRows = await runs.execute();
  for (const run of runRows) {
    usage.set(run.id, { run_id: run.id, bytes: 0, files: 0, trashed_bytes: 0, seen: new Set() });
  }
  const add = async (id: string | null, relPath: string | null, deleted: boolean) => {
    const use = id ? usage.get(id) : undefined;
    if (!use || !isPlainRelative(relPath) || use.seen.has(relPath)) return;
    use.seen.add(relPath);
    const bytes = await size(relPath);
    if (bytes === undefined) return;
    if (deleted) use.trashed_bytes += bytes;
    else {
      use.bytes += bytes;
      use.files++;
    }
  };
  for (const asset of await assets.execute()) await add(asset.run_id, asset.rel_path, asset.deleted_at !== null);
  for (const run of runRows) await add(run.id, run.run_log_path, run.deleted_at !== null);
  return [...usage.values()]
    .map(({ seen: _, ...use }) => use)
    .sort((a, b) => b.bytes + b.trashed_bytes - (a.bytes + a.trashed_bytes) || a.run_id.localeCompare(b.run_id));
}
