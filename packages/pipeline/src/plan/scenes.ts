import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { PipelineError } from "../errors.js";
import { extensionList, isImagePath, isInside, realProjectRoot, resolveProjectRef } from "../files/paths.js";

/** Plain code-unit order, so the scene order (and so the job ids) never depends on the machine's locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The images an `--input` names: the file itself, or every image under the directory, walked
 * recursively. Order is by path segment (each directory's entries sorted by name, depth first),
 * so `a/b.png` comes before `a-b.png` as the seed's sorted paths did. Returns absolute paths.
 * The CLI's `--input` comes from the user's own command line, so by default it may live anywhere,
 * but it must exist and hold at least one image. With `confineTo` (the server, which runs what a
 * request or an imported record names) the input must be inside that root, and a symlink under it
 * leading out of the root fails the listing with a clear error, rather than being skipped
 * silently: the run asked for a file it may not read.
 *
 * @example
 * await listInputImages("scenes"); // ["/work/scenes/a.png", "/work/scenes/sub/b.jpg"]
 * await listInputImages("scenes", root, { confineTo: root }); // throws for scenes/link.png -> /etc/x.png
 */
export async function listInputImages(
  input: string,
  cwd: string = process.cwd(),
  options: { confineTo?: string | undefined } = {},
): Promise<string[]> {
  if (input.includes("\0")) throw new PipelineError(`Input '${input}' must not contain NUL bytes`, { field: "input" });
  const confined = options.confineTo === undefined ? undefined : await realProjectRoot(options.confineTo);
  if (options.confineTo !== undefined) {
    await resolveProjectRef(options.confineTo, resolve(cwd, input), "input", { allowDirectory: true });
  }
  const path = resolve(cwd, input);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new PipelineError(`Input '${input}' does not exist`, { field: "input", path });
  if (info.isFile()) {
    if (!isImagePath(path)) {
      throw new PipelineError(`Input '${input}' is not a supported image (${extensionList})`, { field: "input", path });
    }
    return [path];
  }
  if (!info.isDirectory()) throw new PipelineError(`Input '${input}' is not a file or directory`, { field: "input" });
  const images: string[] = [];
  const scope =
    confined === undefined ? undefined : { realRoot: confined, root: resolve(options.confineTo ?? ""), input };
  await walk(path, images, new Set([await realpath(path)]), scope);
  if (images.length === 0) {
    throw new PipelineError(`Input '${input}' contains no images (${extensionList})`, { field: "input", path });
  }
  return images;
}

/**
 * Depth-first walk, skipping hidden directories; symlinks are followed, and `visited` (real
 * paths) stops a link cycle from looping forever. With `confined`, a symlink whose target lies outside the root is an error.
 */
async function walk(dir: string, out: string[], visited: Set<string>, confined?: ConfinedWalk): Promise<void> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  // libuv already returns names sorted on Unix; sorting here makes the order hold on every platform.
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined); // a dangling link is simply not an image
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
      if (confined && target) await refuseLinkOut(path, confined);
    }
    if (isFile && isImagePath(path)) out.push(path);
    // Hidden directories hold the tool's own files (`.kroma/cache/thumbnails/*.webp`, run
    // journals), never scenes: a walk of a whole project must not take them as input.
    if (isDir && entry.name.startsWith(".")) continue;
    if (isDir) {
      const real = await realpath(path);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(path, out, visited, confined);
    }
  }
}

/** A symlink found while listing a confined input must lead to a file inside the root. */
async function refuseLinkOut(path: string, { realRoot, root, input }: ConfinedWalk): Promise<void> {
  const real = await realpath(path).catch(() => undefined);
  if (real !== undefined && isInside(realRoot, real)) return;
  throw new PipelineError(
    `Input '${input}' holds '${relative(root, path)}', a symlink leading outside the project root`,
    {
      field: "input",
      path: relative(root, path),
    },
  );
}

/** The root a confined listing stays in: as given (for messages) and its real path (for checks). */
interface ConfinedWalk {
  realRoot: string;
  root: string;
  input: string;
}
