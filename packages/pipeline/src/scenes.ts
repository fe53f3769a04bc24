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
 * Depth-first walk; symlinks are followed, and `visited` (real paths) stops a link cycle from
 * looping forever. With `confined`, a symlink whose target lies outside the root is an error.
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
