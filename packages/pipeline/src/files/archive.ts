import { copyFile, lstat, mkdir, realpath, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { PipelineError } from "../errors.js";
import { runQa } from "../guard/output-guard.js";
import type { QaReport } from "../guard/types.js";
import type { OutputGuardSettings } from "../plan/run-request.js";
import { isInside } from "./paths.js";

/** One file `archiveBad` moved. */
export interface ArchivedFile {
  /** Where the file was (absolute). */
  from: string;
  /** Where it is now, under `<project root>/archive/bad/` (absolute). */
  to: string;
  hard_fail_reasons: string[];
}

/** What `archiveBad` did: the guard's report over the input, and every file it moved. */
export interface ArchiveBadResult {
  report: QaReport;
  archive_dir: string;
  moved: ArchivedFile[];
}

/** Options of {@link archiveBad}. */
export interface ArchiveBadOptions {
  /** A file or directory (walked recursively); relative to `cwd`. Every image must lie inside the project root. */
  input: string;
  projectRoot: string;
  settings: OutputGuardSettings;
  /** Added to a name that already exists in `archive/bad/` (`<base>_<stamp><ext>`). */
  stamp: string;
  cwd?: string;
}

/**
 * A timestamp for archive names: `yyyymmddThhmmssZ`, the same form as run ids.
 *
 * @example
 * archiveStamp(new Date("2025-01-02T03:04:05Z")); // "20250102T030405Z"
 */
export function archiveStamp(now: Date = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll("-", "")
    .replaceAll(":", "");
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

/** The project root's real path; an absent root is the user's mistake, named as such. */
async function realRoot(projectRoot: string): Promise<string> {
  const info = await lstat(projectRoot).catch(() => undefined);
  if (!info) throw new PipelineError(`Project root '${projectRoot}' does not exist`, { field: "project_root" });
  return realpath(projectRoot);
}

function outsideRoot(what: string, shown: string, root: string, path: string): PipelineError {
  return new PipelineError(`${what} '${shown}' is outside the project root '${root}'`, {
    field: "input",
    project_root: root,
    path,
  });
}

/**
 * Refuses a file outside the project root, judged by the real path of its directory, so neither
 * `..` nor a symlinked directory can make a move reach outside the project. (A symlinked file is
 * moved as the link itself, which stays inside.)
 */
async function checkFileInsideRoot(root: string, rootReal: string, file: string, what: string): Promise<void> {
  const path = resolve(file);
  const parentReal = await realpath(dirname(path)).catch(() => undefined);
  if (parentReal === undefined || !isInside(rootReal, join(parentReal, basename(path)))) {
    throw outsideRoot(what, file, root, path);
  }
}

/** Refuses an `--input` whose real path is outside the project root; a missing input is left to the QA walk to report. */
async function checkInputInsideRoot(root: string, rootReal: string, input: string, shown: string): Promise<void> {
  const real = await realpath(input).catch(() => undefined);
  const inside = real === undefined ? isInside(root, input) : isInside(rootReal, real);
  if (!inside) throw outsideRoot("Input", shown, root, input);
}

/**
 * The first free name in `dir` for `name`: the name itself, else `<base>_<stamp><ext>`, else
 * `<base>_<stamp>_2<ext>`, ... so an archive never overwrites an earlier one.
 */
async function freeName(dir: string, base: string, ext: string, stamp: string, plainFirst: boolean): Promise<string> {
  if (plainFirst && !(await exists(join(dir, `${base}${ext}`)))) return join(dir, `${base}${ext}`);
  for (let n = 1; ; n += 1) {
    const candidate = join(dir, `${base}_${stamp}${n === 1 ? "" : `_${n}`}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** rename(), falling back to copy-then-delete when `archive/` sits on another filesystem (EXDEV). */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
    await rm(from);
  }
}

/**
 * Moves a file that is about to be overwritten to
 * `<project root>/archive/replaced/<base>_replaced_<stamp><ext>` (adding `_2`, `_3`, ... if that
 * name is taken) and returns the new path; a relative `file` is relative to the project root. A
 * missing file returns `undefined` (nothing to
 * replace), so callers can call it before every write. The file must lie inside the project root.
 *
 * @example
 * await archiveReplaced("/p/demo", "/p/demo/outputs/style_1_alley.png", "20250102T030405Z");
 * // "/p/demo/archive/replaced/style_1_alley_replaced_20250102T030405Z.png"
 */
export async function archiveReplaced(projectRoot: string, file: string, stamp: string): Promise<string | undefined> {
  const root = resolve(projectRoot);
  const path = resolve(root, file);
  if (!(await exists(path))) return undefined;
  await checkFileInsideRoot(root, await realRoot(root), path, "File");
  const dir = join(root, "archive", "replaced");
  await mkdir(dir, { recursive: true });
  const ext = extname(path);
  const target = await freeName(dir, `${basename(path, ext)}_replaced`, ext, stamp, false);
  // freeName adds `_<stamp>` after the base, which is exactly `<base>_replaced_<stamp>`.
  await moveFile(path, target);
  return target;
}

/**
 * Runs the output guard over `input` and moves every image with a hard failure into
 * `<project root>/archive/bad/`, keeping its name (`<base>_<stamp><ext>` when the name is taken).
 * Every image under `input` must lie inside the project root — checked before anything moves, so
 * a refused call moves nothing. Images already in `archive/bad/` are left where they are.
 *
 * @example
 * const { moved } = await archiveBad({ input: "/p/demo/outputs", projectRoot: "/p/demo", settings, stamp: archiveStamp() });
 * // [{ from: "/p/demo/outputs/a.png", to: "/p/demo/archive/bad/a.png", hard_fail_reasons: ["not_grayscale_like"] }]
 */
export async function archiveBad(options: ArchiveBadOptions): Promise<ArchiveBadResult> {
  const root = resolve(options.projectRoot);
  const rootReal = await realRoot(root);
  const cwd = options.cwd ?? process.cwd();
  const inputPath = resolve(cwd, options.input);
  await checkInputInsideRoot(root, rootReal, inputPath, options.input);
  const report = await runQa(inputPath, options.settings);
  for (const file of report.files) await checkFileInsideRoot(root, rootReal, file.file, "Input image");

  const dir = join(root, "archive", "bad");
  const dirReal = join(rootReal, "archive", "bad");
  const bad = report.files.filter(
    (file) => file.hard_fail_reasons.length > 0 && !isInside(dir, file.file) && !isInside(dirReal, file.file),
  );
  const moved: ArchivedFile[] = [];
  if (bad.length > 0) await mkdir(dir, { recursive: true });
  for (const file of bad) {
    const ext = extname(file.file);
    const to = await freeName(dir, basename(file.file, ext), ext, options.stamp, true);
    await moveFile(file.file, to);
    moved.push({ from: file.file, to, hard_fail_reasons: file.hard_fail_reasons });
  }
  return { report: { ...report, input: options.input }, archive_dir: dir, moved };
}
