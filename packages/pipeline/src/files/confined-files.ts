import { constants } from "node:fs";
import { type FileHandle, open, realpath, stat } from "node:fs/promises";
import { relative } from "node:path";
import { PipelineError } from "../errors.js";
import { isInside } from "./paths.js";

/**
 * Opens a file the run reads (a scene or a style reference) only if it is inside `root` at the
 * moment it is opened: its real path must be under the root's real path, the last component is
 * opened with `O_NOFOLLOW` (a file swapped for a symlink after that check fails to open), and the
 * open handle must be the same file (device and inode) as the checked path, still resolving to
 * the same place. Listing the scenes earlier proves nothing about what is read later: this is the
 * check that holds at read time. The caller closes the handle.
 *
 * @example
 * const handle = await openConfined("/projects/demo", "/projects/demo/scenes/a.png");
 * try { bytes = await handle.readFile(); } finally { await handle.close(); }
 */
export async function openConfined(root: string, path: string): Promise<FileHandle> {
  const shown = relative(root, path) || path;
  const refuse = (why: string) => new PipelineError(`Input file '${shown}' ${why}`, { field: "input", path: shown });
  const realRoot = await realpath(root).catch(() => {
    throw new PipelineError(`Project root '${root}' does not exist`, { field: "project_root" });
  });
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) throw refuse("does not exist");
  if (!isInside(realRoot, real)) throw refuse("leads outside the project root through a symlink");
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "EMLINK") throw refuse("was replaced by a symlink while the run read it");
    throw refuse(`cannot be opened (${code ?? "error"})`);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refuse("is not a regular file");
    // A directory above the file swapped for a symlink between the check and the open would have
    // led the open elsewhere: the path must still resolve to the same file inside the root.
    const again = await realpath(path).catch(() => undefined);
    const named = again === undefined ? undefined : await stat(again).catch(() => undefined);
    if (again !== real || named?.dev !== opened.dev || named?.ino !== opened.ino) {
      throw refuse("changed while the run opened it");
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A file's bytes, read through {@link openConfined}. */
export async function readConfined(root: string, path: string): Promise<Buffer> {
  const handle = await openConfined(root, path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
