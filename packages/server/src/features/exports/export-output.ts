import { existsSync } from "node:fs";
import { mkdir, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { archiveStamp, isInside } from "@kroma/pipeline";
import { conflict, validationError } from "../../core/errors.js";
import { checkStoragePath } from "../../core/storage-paths.js";

/** Where an export's bundle goes, and how its record names it. */
export interface ExportOutput {
  /** Absolute path of the bundle. */
  path: string;
  /** As `output` takes it: relative to the project root, or `var/exports/...` (relative to the app root). */
  relPath: string;
  /** Relative to the project root when the bundle lies inside it (for the bundle's asset), else null. */
  projectRelPath: string | null;
}

/** The app-wide exports directory, relative to the app root. */
export const appExportsDir = "var/exports";

/** `demo_20250102T030405Z.tar.gz`: the default bundle name. */
export function defaultBundleName(slug: string, at = new Date()): string {
  return `${slug}_${archiveStamp(at)}.tar.gz`;
}

/**
 * Resolves an export's `output` (default `<project_root>/exports/<slug>_<stamp>.tar.gz`): a path
 * relative to the project root, `var/exports/...` under the app root (only the project's own names
 * there, see `checkOwnExportName`), or an absolute path inside either. The storage path rule
 * applies (no `..`, no NUL), encoded separators are refused, a
 * trailing `/` names a directory, the name must end in `.tar.gz` or `.tgz`, no symlink may lead
 * out of the base directory, and an existing file is never replaced (409). Creates the directory.
 *
 * @example
 * await resolveExportOutput("/app", "/app/var/projects/demo", "demo", "var/exports/");
 * // { path: "/app/var/exports/demo_20250102T030405Z.tar.gz", relPath: "var/exports/demo_...", projectRelPath: null }
 */
export async function resolveExportOutput(
  appRoot: string,
  projectRoot: string,
  slug: string,
  output?: string,
): Promise<ExportOutput> {
  const root = resolve(projectRoot);
  const appExports = resolve(appRoot, appExportsDir);
  const { base, path } =
    output === undefined
      ? { base: root, path: join(root, "exports") }
      : requestedOutput(appRoot, root, appExports, output);
  const withName =
    output === undefined || output.trim().endsWith("/") || (await isDirectory(path))
      ? join(path, defaultBundleName(slug))
      : path;
  if (!/\.(tar\.gz|tgz)$/.test(withName)) {
    throw validationError("Field 'output' must name a .tar.gz (or .tgz) file", { field: "output" });
  }
  if (base === appExports) checkOwnExportName(slug, relative(appExports, withName));
  await checkNoSymlinkOut(base, dirname(withName));
  if (existsSync(withName)) throw conflict(`Export output '${withName}' already exists`, { field: "output" });
  const relPath =
    base === appExports ? `${appExportsDir}/${posix(relative(appExports, withName))}` : posix(relative(root, withName));
  return { path: withName, relPath, projectRelPath: base === root ? posix(relative(root, withName)) : null };
}

const posix = (path: string) => path.split(sep).join("/");

/**
 * `var/exports/` is shared by every project, so each owns only its own names there: its directory
 * `var/exports/<slug>/` (anything below it), and the files `var/exports/<slug>_<name>.tar.gz`
 * (or `.tgz`) whose `<name>` holds no `_`. A file name thus has exactly one owner, the part before
 * its last `_`, whatever projects exist now or later: `alpha` cannot write
 * `alpha_2_<stamp>.tar.gz` (it is `alpha_2`'s), and `var/exports/` (a directory) gets the default
 * `<slug>_<stamp>.tar.gz`, which is the project's own. Throws a 400 naming the rule otherwise.
 *
 * @example
 * checkOwnExportName("alpha", "alpha_20250102T030405Z.tar.gz"); // ok
 * checkOwnExportName("alpha", "alpha_2_20250102T030405Z.tar.gz"); // throws
 */
export function checkOwnExportName(slug: string, relToAppExports: string): void {
  const segments = relToAppExports.split(sep);
  const name = segments[0] ?? "";
  if (segments.length > 1 ? name === slug : exportNameOwner(name) === slug) return;
  throw validationError(
    `Field 'output' must name one of this project's files in ${appExportsDir}/: ` +
      `${appExportsDir}/${slug}_<name>.tar.gz (<name> without '_') or anything under ${appExportsDir}/${slug}/`,
    { field: "output" },
  );
}

/** The project a file name directly in `var/exports/` belongs to: the part before its last `_`. */
function exportNameOwner(name: string): string | undefined {
  const stem = name.replace(/\.(tar\.gz|tgz)$/, "");
  const cut = stem.lastIndexOf("_");
  return cut > 0 && cut < stem.length - 1 ? stem.slice(0, cut) : undefined;
}

function requestedOutput(appRoot: string, root: string, appExports: string, output: string) {
  const value = output.trim();
  if (value === "") throw validationError("Field 'output' must not be empty", { field: "output" });
  if (/%(2f|5c|00)/i.test(value))
    throw validationError("Field 'output' must not contain encoded separators", { field: "output" });
  checkStoragePath("output", value);
  if (isAbsolute(value)) {
    const path = resolve(value);
    if (isInside(root, path)) return { base: root, path };
    if (isInside(appExports, path)) return { base: appExports, path };
    throw validationError(`Field 'output' must lie under the project root or ${appExportsDir}/`, { field: "output" });
  }
  if (value === appExportsDir || value.startsWith(`${appExportsDir}/`)) {
    return { base: appExports, path: resolve(appRoot, value) };
  }
  return { base: root, path: resolve(root, value) };
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Creates `dir` (and `base`) and checks that, symlinks resolved, it is still inside `base`: a
 * link inside the project pointing elsewhere cannot carry the bundle out.
 */
async function checkNoSymlinkOut(base: string, dir: string): Promise<void> {
  await mkdir(base, { recursive: true });
  const realBase = await realpath(base);
  let existing = dir;
  while (!existsSync(existing) && existing !== base) existing = dirname(existing);
  const refuse = () =>
    validationError("Field 'output' leads outside its directory through a symlink", { field: "output" });
  if (!isInside(realBase, await realpath(existing))) throw refuse();
  await mkdir(dir, { recursive: true });
  if (!isInside(realBase, await realpath(dir))) throw refuse();
}
