import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { PipelineError } from "./errors.js";

/** The image types the pipeline reads (compared case-insensitively). */
export const imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"] as const;
const imageExtensionSet = new Set<string>(imageExtensions);
const extensionList = imageExtensions.join(", ");

/** Whether a path names a supported image, by extension (`A.PNG` counts). */
export function isImagePath(path: string): boolean {
  return imageExtensionSet.has(extname(path).toLowerCase());
}

/** Plain code-unit order, so the scene order (and so the job ids) never depends on the machine's locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The images an `--input` names: the file itself, or every image under the directory, walked
 * recursively. Order is by path segment (each directory's entries sorted by name, depth first),
 * so `a/b.png` comes before `a-b.png` as the seed's sorted paths did. Returns absolute paths.
 * The input comes from the user's own command line, so it may live anywhere, but it must exist
 * and hold at least one image.
 *
 * @example
 * await listInputImages("scenes"); // ["/work/scenes/a.png", "/work/scenes/sub/b.jpg"]
 */
export async function listInputImages(input: string, cwd: string = process.cwd()): Promise<string[]> {
  if (input.includes("\0")) throw new PipelineError(`Input '${input}' must not contain NUL bytes`, { field: "input" });
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
  await walk(path, images, new Set([await realpath(path)]));
  if (images.length === 0) {
    throw new PipelineError(`Input '${input}' contains no images (${extensionList})`, { field: "input", path });
  }
  return images;
}

/** Depth-first walk; symlinks are followed, and `visited` (real paths) stops a link cycle from looping forever. */
async function walk(dir: string, out: string[], visited: Set<string>): Promise<void> {
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
    }
    if (isFile && isImagePath(path)) out.push(path);
    if (isDir) {
      const real = await realpath(path);
      if (visited.has(real)) continue;
      visited.add(real);
      await walk(path, out, visited);
    }
  }
}

/** Whether `path` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/** The project root's real path; refs are checked against it after their own symlinks are resolved. */
async function realProjectRoot(projectRoot: string): Promise<string> {
  try {
    return await realpath(projectRoot);
  } catch {
    throw new PipelineError(`Project root '${projectRoot}' does not exist`, { field: "project_root" });
  }
}

/**
 * Resolves one scene or style reference against the project root. References come from requests
 * and manifests rather than the user's own shell, so they must stay inside the project: no NUL,
 * no `..` segment, no absolute path elsewhere, and no symlink leading out. The file must exist and
 * be a supported image (or, with `allowDirectory`, a directory). Returns the absolute (not
 * symlink-resolved) path, so the log shows the name the user wrote.
 *
 * @example
 * await resolveProjectRef("/projects/demo", "scenes/a.png", "scene_refs"); // "/projects/demo/scenes/a.png"
 */
export async function resolveProjectRef(
  projectRoot: string,
  ref: string,
  field: string,
  options: { allowDirectory?: boolean } = {},
): Promise<string> {
  const root = resolve(projectRoot);
  const fail = (why: string, extra: Record<string, unknown> = {}) =>
    new PipelineError(`Field '${field}' entry '${ref.replaceAll("\0", "\\0")}' ${why}`, { field, ref, ...extra });
  if (ref.includes("\0")) throw fail("must not contain NUL bytes");
  if (ref.split(/[\\/]+/).includes("..")) throw fail("must not contain '..' segments");
  const path = resolve(root, ref);
  const realRoot = await realProjectRoot(root);
  // Only an absolute ref can land outside; one spelling the root by its real path (e.g.
  // /private/tmp/... for a root under /tmp on macOS) is still inside.
  if (!isInside(root, path) && !isInside(realRoot, path)) throw fail(`is outside the project root '${root}'`);
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) throw fail(`does not exist under the project root '${root}'`);
  if (!isInside(realRoot, real)) throw fail("leads outside the project root through a symlink", { target: real });
  const stats = await stat(real);
  if (options.allowDirectory && stats.isDirectory()) return path;
  if (!stats.isFile()) throw fail("is not a file");
  if (!isImagePath(path)) throw fail(`is not a supported image (${extensionList})`);
  return path;
}

/**
 * Resolves a list of references (see {@link resolveProjectRef}), keeping their order.
 *
 * @example
 * await resolveProjectRefs(root, ["refs/style.png"], "style_refs");
 */
export async function resolveProjectRefs(
  projectRoot: string,
  refs: readonly string[],
  field: string,
): Promise<string[]> {
  const resolved: string[] = [];
  for (const ref of refs) resolved.push(await resolveProjectRef(projectRoot, ref, field));
  return resolved;
}
