import { realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import { PipelineError } from "../errors.js";

// What a path may name: a supported image, a place inside a root, a project reference.

/** The image types the pipeline reads (compared case-insensitively). */
export const imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"] as const;
const imageExtensionSet = new Set<string>(imageExtensions);
export const extensionList = imageExtensions.join(", ");

/** Whether a path names a supported image, by extension (`A.PNG` counts). */
export function isImagePath(path: string): boolean {
  return imageExtensionSet.has(extname(path).toLowerCase());
}

/** Whether `path` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/** The project root's real path; refs are checked against it after their own symlinks are resolved. */
export async function realProjectRoot(projectRoot: string): Promise<string> {
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

/**
 * A run id as a directory name. Run ids are made of `[A-Za-z0-9_-]` (see `newRunId`); anything
 * else is refused so no id can point a run's outputs outside its own directory.
 */
export function runDirName(runId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(runId)) {
    throw new PipelineError(`Run id '${runId}' is invalid: use only letters, digits, '_' and '-'`, { field: "run_id" });
  }
  return runId;
}
