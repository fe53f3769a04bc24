import { mkdir, realpath, rmdir } from "node:fs/promises";
import { dirname } from "node:path";
import { isInside } from "@kroma/pipeline";
import { validationError } from "../../core/errors.js";

/**
 * Creates `dir` (and its missing parents) and returns the directories it created, outermost
 * first, so a failed upload can take them away again. The directory must resolve inside the
 * project root: a symlink under the root pointing elsewhere is refused.
 */
export async function ensureUploadDir(root: string, dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  const created: string[] = [];
  if (first !== undefined) {
    for (let at = dir; at.length >= first.length; at = dirname(at)) created.unshift(at);
  }
  if (!isInside(await realpath(root), await realpath(dir))) {
    await removeEmptyDirs(created);
    throw validationError(`The upload directory '${dir}' leads outside the project root`);
  }
  return created;
}

/** Removes the directories innermost first, each only when empty (another upload may be using it). */
export async function removeEmptyDirs(dirs: readonly string[]): Promise<void> {
  for (const dir of [...dirs].reverse()) await rmdir(dir).catch(() => {});
}
