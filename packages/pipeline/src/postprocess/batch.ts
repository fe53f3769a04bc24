import { lstat, realpath, rename, rm, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import type { OutputImageFormat } from "../config/schemas.js";
import { PipelineError } from "../errors.js";
import { sha256File } from "../files/hash.js";
import { isImagePath, isInside } from "../files/paths.js";
import { listInputImages } from "../plan/scenes.js";
import { type RefineOptions, refineCutoutFile } from "./bg-refine-openai.js";
import { type BgRemoveOptions, removeBackgroundFile } from "./bg-remove.js";
import { type ColorCorrectOptions, colorCorrectFile } from "./color.js";
import { describeImageError, extensionOf, formatOfPath, temporaryPath } from "./image-io.js";
import { type BackendAttempt, elapsedMs, type StageReport } from "./stage-report.js";
import { type UpscaleOptions, upscaleFile } from "./upscale.js";

/** One standalone operation over files: how outputs are named, and how one file is processed. */
export interface BatchOperation {
  /** `upscale`, `color` or `bgremove`: shown in summaries. */
  name: string;
  /** Outputs are named `<name>_<suffix>.<ext>`. */
  suffix: string;
  /** The format an output gets when only a directory is given. */
  formatFor(input: string): OutputImageFormat;
  run(input: string, output: string, format: OutputImageFormat, signal?: AbortSignal): Promise<StageReport>;
}

/**
 * Upscaling as a batch operation (`<name>_x<scale>.<format>`).
 *
 * @example
 * await runPostprocessBatch({ input: "in", output: "out", operation: upscaleOperation({ backend: "sharp", scale: 2, format: "png" }) });
 */
export function upscaleOperation(options: Omit<UpscaleOptions, "signal">): BatchOperation {
  return {
    name: "upscale",
    suffix: `x${options.scale}`,
    formatFor: () => options.format,
    run: (input, output, format, signal) => upscaleFile(input, output, { ...options, format, signal }),
  };
}

/**
 * Colour correction as a batch operation (`<name>_<profile>.<ext>`, keeping png, jpg or webp; other types become png).
 *
 * @example
 * colorOperation({ profileName: "cold_rain", profile: builtInColorProfiles.cold_rain });
 */
export function colorOperation(options: Omit<ColorCorrectOptions, "format">): BatchOperation {
  return {
    name: "color",
    suffix: options.profileName,
    formatFor: (input) => formatOfPath(input) ?? "png",
    run: (input, output, format) => colorCorrectFile(input, output, { ...options, format }),
  };
}

/** The refine pass as the `bgremove` operation runs it: on or off, and whether its failure fails the file. */
export type BatchRefineOptions = Omit<RefineOptions, "format" | "signal"> & { required: boolean };

/**
 * Background removal (backends with fallback), optionally followed by the OpenAI refine pass, as a
 * batch operation (`<name>_nobg.<format>`). A required refine that fails fails the file and
 * writes nothing; an optional one that fails keeps the unrefined cut-out and adds a warning.
 *
 * @example
 * bgRemoveOperation({ backends: ["photoroom", "removebg"], format: "png", keys }, { apiKey, required: false });
 */
export function bgRemoveOperation(
  options: Omit<BgRemoveOptions, "signal">,
  refine?: BatchRefineOptions,
): BatchOperation {
  return {
    name: "bgremove",
    suffix: "nobg",
    formatFor: () => options.format,
    async run(input, output, format, signal) {
      const cutout = temporaryPath(output);
      const refined = temporaryPath(output);
      try {
        const report = await removeBackgroundFile(input, cutout, { ...options, format, signal });
        if (refine) Object.assign(report, await refineInBatch(cutout, refined, format, refine, report, signal));
        await rename(cutout, output);
        return report;
      } finally {
        await rm(cutout, { force: true });
        await rm(refined, { force: true });
      }
    },
  };
}

async function refineInBatch(
  cutout: string,
  refined: string,
  format: OutputImageFormat,
  refine: BatchRefineOptions,
  report: StageReport,
  signal: AbortSignal | undefined,
): Promise<Partial<StageReport>> {
  const { required, ...options } = refine;
  try {
    const result = await refineCutoutFile(cutout, refined, { ...options, format, signal });
    await rename(refined, cutout);
    return { params: { ...report.params, refine_openai: { ...result.params, required } } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (required) throw new Error(`required OpenAI refine failed: ${message}`);
    return {
      params: { ...report.params, refine_openai: { required, error: message } },
      warnings: [...(report.warnings ?? []), `optional OpenAI refine skipped: ${message}`],
    };
  }
}

/** Options of {@link runPostprocessBatch}. */
export interface BatchOptions {
  /** An image, or a directory walked recursively for images. */
  input: string;
  /** For a single image: an output file (by its image extension) or a directory; for a directory: a directory. */
  output: string;
  operation: BatchOperation;
  /** Files processed at once (default: the machine's available parallelism). */
  concurrency?: number | undefined;
  /** Replace outputs that already exist (default: skip them). Inputs are never replaced. */
  overwrite?: boolean | undefined;
  cwd?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Called as each file finishes, in completion order. */
  onProgress?: ((event: BatchProgressEvent) => void) | undefined;
}

/** One file's outcome. `skipped` files were not attempted (see `reason`); `failed` ones were (see `error`). */
export interface BatchFileResult {
  input: string;
  output: string;
  status: "processed" | "skipped" | "failed";
  ms: number;
  backend?: string;
  backends_tried?: BackendAttempt[];
  params?: Record<string, unknown>;
  sha256?: string;
  warnings?: string[];
  reason?: string;
  error?: string;
}

/** Progress after each file. */
export interface BatchProgressEvent {
  done: number;
  total: number;
  file: BatchFileResult;
}

/** Everything a batch did, per file, with counts. */
export interface BatchResult {
  operation: string;
  input: string;
  output: string;
  concurrency: number;
  summary: { total: number; processed: number; skipped: number; failed: number };
  files: BatchFileResult[];
}

/**
 * Runs a standalone operation over an image or a directory tree, up to `concurrency` files at
 * once. Directory inputs keep their sub-directories under the output directory. Inputs are never
 * overwritten: an output path that is one of the inputs (or the same as another file's output) is
 * skipped with the reason, an output file given for a single input that is that input is refused,
 * and an output directory inside the input directory is left out of the walk. Existing outputs are
 * skipped unless `overwrite`. A file that cannot be read (not an image, truncated, empty, over the
 * pixel limit) or whose backend fails is `failed` with its error; every other file goes on.
 *
 * @example
 * const result = await runPostprocessBatch({
 *   input: "renders", output: "renders_x2",
 *   operation: upscaleOperation({ backend: "sharp", scale: 2, format: "png" }),
 * });
 * result.summary; // { total: 12, processed: 11, skipped: 0, failed: 1 }
 */
export async function runPostprocessBatch(options: BatchOptions): Promise<BatchResult> {
  const cwd = options.cwd ?? process.cwd();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const plan = await planBatch(options, cwd);
  const files = new Array<BatchFileResult>(plan.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      const file = await processOne(plan[index] as PlannedFile, options);
      files[index] = file;
      options.onProgress?.({ done: ++done, total: plan.length, file });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plan.length) }, worker));
  const count = (status: BatchFileResult["status"]) => files.filter((file) => file.status === status).length;
  return {
    operation: options.operation.name,
    input: resolve(cwd, options.input),
    output: resolve(cwd, options.output),
    concurrency,
    summary: { total: files.length, processed: count("processed"), skipped: count("skipped"), failed: count("failed") },
    files,
  };
}

interface PlannedFile {
  input: string;
  output: string;
  format: OutputImageFormat;
  skip?: string;
}

async function processOne(planned: PlannedFile, options: BatchOptions): Promise<BatchFileResult> {
  const base = { input: planned.input, output: planned.output };
  if (planned.skip) return { ...base, status: "skipped", ms: 0, reason: planned.skip };
  if (options.signal?.aborted) return { ...base, status: "skipped", ms: 0, reason: "aborted" };
  const started = performance.now();
  try {
    const report = await options.operation.run(planned.input, planned.output, planned.format, options.signal);
    return {
      ...base,
      status: "processed",
      ms: elapsedMs(started),
      backend: report.backend,
      ...(report.backends_tried ? { backends_tried: report.backends_tried } : {}),
      params: report.params,
      sha256: await sha256File(planned.output),
      ...(report.warnings?.length ? { warnings: report.warnings } : {}),
    };
  } catch (error) {
    const attempts = (error as { attempts?: BackendAttempt[] }).attempts;
    return {
      ...base,
      status: "failed",
      ms: elapsedMs(started),
      ...(Array.isArray(attempts) ? { backends_tried: attempts } : {}),
      error: describeImageError(error),
    };
  }
}

/** Every input with its output path, and the reason to skip it, decided before anything is written. */
async function planBatch(options: BatchOptions, cwd: string): Promise<PlannedFile[]> {
  const inputPath = resolve(cwd, options.input);
  const outputPath = resolve(cwd, options.output);
  const inputIsDir = (await stat(inputPath).catch(() => undefined))?.isDirectory() ?? false;
  const outputIsDir = (await stat(outputPath).catch(() => undefined))?.isDirectory() ?? false;
  const explicitFile = !inputIsDir && !outputIsDir && isImagePath(outputPath);
  const root = inputIsDir ? inputPath : dirname(inputPath);
  let images = await listInputImages(options.input, cwd);
  // An output directory inside the input tree holds earlier results, not inputs.
  if (inputIsDir && outputPath !== inputPath && isInside(inputPath, outputPath)) {
    images = images.filter((image) => !isInside(outputPath, image));
  }
  const inputs = new Set(await Promise.all(images.map(realFile)));
  const claimed = new Map<string, string>();
  const planned: PlannedFile[] = [];
  for (const image of images) {
    const format = explicitFile
      ? (formatOfPath(outputPath) ?? options.operation.formatFor(image))
      : options.operation.formatFor(image);
    const name = `${basename(image, extname(image))}_${options.operation.suffix}${extensionOf(format)}`;
    const output = explicitFile ? outputPath : join(outputPath, relative(root, dirname(image)), name);
    const real = await realFile(output);
    if (explicitFile && inputs.has(real)) {
      throw new PipelineError(`Output '${options.output}' is the input file; refusing to overwrite an input`, {
        field: "output",
      });
    }
    planned.push({ input: image, output, format, ...(await skipReason(real, inputs, claimed, image, options)) });
  }
  return planned;
}

async function skipReason(
  real: string,
  inputs: Set<string>,
  claimed: Map<string, string>,
  image: string,
  options: BatchOptions,
): Promise<{ skip?: string }> {
  if (inputs.has(real)) return { skip: "the output path is one of the input files; inputs are never overwritten" };
  const owner = claimed.get(real);
  if (owner) return { skip: `another input (${owner}) writes the same output` };
  claimed.set(real, image);
  if (!options.overwrite && (await lstat(real).catch(() => undefined))) {
    return { skip: "the output already exists (pass --overwrite to replace it)" };
  }
  return {};
}

/** A path with its directory's symlinks resolved, so two spellings of one file compare equal. */
async function realFile(path: string): Promise<string> {
  const full = await realpath(path).catch(() => undefined);
  if (full) return full;
  const dir = await realpath(dirname(path)).catch(() => dirname(path));
  return join(dir, basename(path));
}
