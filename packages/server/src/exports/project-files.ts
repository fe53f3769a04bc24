import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/** One regular file under a project root. */
export interface ProjectFile {
  /** Relative to the project root, with `/` separators. */
  relPath: string;
  absPath: string;
  size: number;
}

/** A file left out of a walk, and why (`symlink`, `special_file`). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ProjectFileListing {
  files: ProjectFile[];
  skipped: SkippedFile[];
}

/** Marks temporary files of bundles and syncs being written; walks never include them. */
export const partialMarker = ".kroma-partial-";

/** Directories that never travel: a run's scratch space (`.kroma/in-progress`). */
const alwaysExcluded = new Set([".kroma/in-progress"]);

/**
 * Every regular file under `root`, sorted by path. Symlinks are never followed nor included
 * (so nothing outside the root can be reached through one), special files are skipped, and
 * so are `.kroma/in-progress`, temporary files of writes in progress and any path `exclude`
 * names (a directory excludes everything under it). A missing root lists nothing.
 *
 * @example
 * const { files } = await listProjectFiles("/projects/demo", { exclude: ["exports"] });
 */
export async function listProjectFiles(
  root: string,
  options: { exclude?: readonly string[] } = {},
): Promise<ProjectFileListing> {
  const excluded = new Set([...alwaysExcluded, ...(options.exclude ?? [])]);
  const listing: ProjectFileListing = { files: [], skipped: [] };
  const rootStats = await lstat(root).catch(() => undefined);
  if (!rootStats?.isDirectory()) return listing;
  await walk(root, "", excluded, listing);
  listing.files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return listing;
}

async function walk(root: string, dir: string, excluded: Set<string>, listing: ProjectFileListing): Promise<void> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  for (const entry of entries) {
    const relPath = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (excluded.has(relPath) || entry.name.includes(partialMarker)) continue;
    const absPath = join(root, relPath);
    // lstat, not the dirent's type alone: it tells a symlink from what it points to on every platform.
    const stats = await lstat(absPath);
    if (stats.isSymbolicLink()) listing.skipped.push({ path: relPath, reason: "symlink" });
    else if (stats.isDirectory()) await walk(root, relPath, excluded, listing);
    else if (stats.isFile()) listing.files.push({ relPath, absPath, size: stats.size });
    else listing.skipped.push({ path: relPath, reason: "special_file" });
  }
}
