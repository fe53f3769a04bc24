import { constants } from "node:fs";
import { type FileHandle, lstat, open, readdir, readlink, realpath } from "node:fs/promises";
import { join } from "node:path";

/** One regular file under a project root, with the identity the walk saw. */
export interface ProjectFile {
  /** Relative to the project root, with `/` separators. */
  relPath: string;
  absPath: string;
  size: number;
  /** Device and inode from the walk's `lstat`: an open handle must name this very file. */
  dev: bigint;
  ino: bigint;
}

/** A file left out of a walk, and why (`symlink`, `special_file`, `changed_during_export`). */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ProjectFileListing {
  files: ProjectFile[];
  skipped: SkippedFile[];
  /** The root with symlinks resolved (what `/proc/self/fd` shows for a file opened under it). */
  realRoot?: string;
}

/** Marks temporary files of bundles and syncs being written; walks never include them. */
export const partialMarker = ".kroma-partial-";

/**
 * Directories that never travel: a run's scratch space (`.kroma/in-progress`), what the server
 * can make again from the project's files (`.kroma/cache`: thumbnails) and what was deleted
 * (`.kroma/trash`: it stays on the machine it was deleted on, until restored or purged).
 */
const alwaysExcluded = new Set([".kroma/in-progress", ".kroma/cache", ".kroma/trash"]);

/**
 * Every regular file under `root`, sorted by path. Symlinks are never followed nor included
 * (so nothing outside the root can be reached through one), special files are skipped, and
 * so are `.kroma/in-progress`, `.kroma/cache`, `.kroma/trash`, temporary files of writes in progress and any path `exclude`
 * names (a directory excludes everything under it). A missing root lists nothing. What the walk
 * saw can change before a file is read: open it with `openListedFile`, which checks.
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
  listing.realRoot = await realpath(root);
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
    const stats = await lstat(absPath, { bigint: true });
    if (stats.isSymbolicLink()) listing.skipped.push({ path: relPath, reason: "symlink" });
    else if (stats.isDirectory()) await walk(root, relPath, excluded, listing);
    else if (stats.isFile())
      listing.files.push({ relPath, absPath, size: Number(stats.size), dev: stats.dev, ino: stats.ino });
    else listing.skipped.push({ path: relPath, reason: "special_file" });
  }
}

/** A listed file opened for reading, or why it may not be read. */
export type OpenedFile = { handle: FileHandle; size: number } | { skipped: SkippedFile };

// O_NOFOLLOW: a symlink put in the file's place fails the open (ELOOP) instead of being followed.
// O_NONBLOCK: a FIFO put in its place does not hang the open waiting for a writer (it is refused below).
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Opens a file the walk listed, refusing anything but that very file: a symlink in its place is
 * never followed, and the open handle must be a regular file with the device and inode the walk
 * saw. Where the kernel tells an open file's path (`/proc/self/fd` on Linux), it must also be
 * the listed path under the real root, so a directory on the way swapped for a symlink is caught
 * too. Read only from the returned handle (the caller closes it); what changed is `skipped`.
 *
 * @example
 * const opened = await openListedFile(file, listing.realRoot);
 * if ("handle" in opened) await opened.handle.close();
 */
export async function openListedFile(file: ProjectFile, realRoot?: string): Promise<OpenedFile> {
  const skip = (reason: string): OpenedFile => ({ skipped: { path: file.relPath, reason } });
  let handle: FileHandle;
  try {
    handle = await open(file.absPath, openFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "EMLINK") return skip("symlink");
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ENXIO") return skip("changed_during_export");
    throw error;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    const same =
      stats.isFile() &&
      stats.dev === file.dev &&
      stats.ino === file.ino &&
      !(await openedElsewhere(handle, file, realRoot));
    if (same) return { handle, size: Number(stats.size) };
    await handle.close();
    return skip("changed_during_export");
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** True when the kernel says the handle's file lives somewhere else than the listed path. */
async function openedElsewhere(handle: FileHandle, file: ProjectFile, realRoot?: string): Promise<boolean> {
  if (realRoot === undefined || process.platform !== "linux") return false;
  const actual = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  return actual !== undefined && actual !== join(realRoot, file.relPath);
}
