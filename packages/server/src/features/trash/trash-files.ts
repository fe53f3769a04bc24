import { lstat, mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";

/** The trash of a project, relative to its root: hidden, so no run walks it for input. */
export const trashDir = ".kroma/trash";

/** A file to move into an entry's directory, and where it goes. */
export interface FileMove {
  /** Relative to the project root, `/`-separated. */
  from: string;
  to: string;
}

/** Where `relPath` sits while in entry `trashId`: `.kroma/trash/<trashId>/<relPath>`. */
export function trashPathOf(trashId: string, relPath: string): string {
  return `${trashDir}/${trashId}/${relPath}`;
}

/** Size of the regular file at `relPath` (a symlink or anything else is `undefined`: never moved). */
export async function regularFileSize(root: string, relPath: string): Promise<number | undefined> {
  const stats = await lstat(join(root, relPath)).catch(() => undefined);
  return stats?.isFile() ? stats.size : undefined;
}

/**
 * Renames each file; if one fails, the ones already moved go back before the error is thrown,
 * so a failed delete or restore leaves the files where they were.
 */
export async function moveFiles(root: string, moves: readonly FileMove[]): Promise<void> {
  const done: FileMove[] = [];
  try {
    for (const move of moves) {
      await mkdir(dirname(join(root, move.to)), { recursive: true });
      await rename(join(root, move.from), join(root, move.to));
      done.push(move);
    }
  } catch (error) {
    await undoMoves(root, done);
    throw error;
  }
}

/** Puts moved files back where they came from, last first (best effort: the original error wins). */
export async function undoMoves(root: string, moves: readonly FileMove[]): Promise<void> {
  for (const move of [...moves].reverse()) {
    await rename(join(root, move.to), join(root, move.from)).catch(() => undefined);
  }
}

/** Removes an entry's directory with everything in it. */
export async function removeEntryDir(root: string, trashId: string): Promise<void> {
  await rm(join(root, trashDir, trashId), { recursive: true, force: true });
}
