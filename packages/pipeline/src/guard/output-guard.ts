import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import sharp from "sharp";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { type OutputGuardSettings, parseBoolean } from "../plan/run-request.js";
import { listInputImages } from "../plan/scenes.js";
import type { CandidateRank, GuardFileResult, QaReport } from "./types.js";

/** The guard's failure and warning names, as the seed wrote them into reports. */
export const guardReasons = {
  notGrayscaleLike: "not_grayscale_like",
  chromaExceedsThreshold: "chroma_exceeds_threshold",
  imageReadFailed: "image_read_failed",
} as const;

/**
 * Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3 for packed RGB bytes (3 per pixel). A tight loop
 * with no per-pixel allocation, because outputs can be tens of megapixels. The running sum stays
 * an exact integer in a double (at most 510 per pixel) for any image sharp can decode.
 *
 * @example
 * chromaDeltaOfRgb(Uint8Array.of(255, 0, 0)); // 170
 */
export function chromaDeltaOfRgb(rgb: Uint8Array): number {
  const pixels = Math.floor(rgb.length / 3);
  if (pixels === 0) return 0;
  let sum = 0;
  for (let i = 0; i < pixels * 3; i += 3) {
    const r = rgb[i] as number;
    const g = rgb[i + 1] as number;
    const b = rgb[i + 2] as number;
    sum += (r > g ? r - g : g - r) + (r > b ? r - b : b - r) + (g > b ? g - b : b - g);
  }
  return sum / (3 * pixels);
}

/** Four decimals, as the report shows the delta. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Decodes an image to 8-bit RGB: alpha dropped (not composited, like PIL's `convert("RGB")`),
 * grayscale and palette images expanded to three channels, other colour spaces converted to sRGB.
 */
async function readRgb(file: string): Promise<Uint8Array> {
  const { data, info } = await sharp(file)
    .toColourspace("srgb")
    .removeAlpha()
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels after conversion, got ${info.channels}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Runs the output guard on one image (PIPELINE.md "Output guard"). Grayscale-like when the chroma
 * delta is at most `max_chroma_delta` (compared before rounding; the result shows 4 decimals).
 * Hard failures: `not_grayscale_like` when `enforce_grayscale` and not grayscale-like;
 * `chroma_exceeds_threshold` above the threshold when `fail_on_chroma_exceed` (otherwise it is a
 * soft warning); `image_read_failed` when the file cannot be decoded. With the guard disabled the
 * image is still measured, but nothing fails or warns. Never throws for a bad image: an unreadable
 * file is a result, so one broken output cannot stop a run.
 *
 * @example
 * await checkImage("outputs/style_1_alley.png", { enabled: true, enforce_grayscale: true, max_chroma_delta: 2, fail_on_chroma_exceed: false });
 * // { file: "outputs/style_1_alley.png", chroma_delta: 0.5, grayscale_like: true, hard_fail_reasons: [], soft_warnings: [] }
 */
export async function checkImage(file: string, settings: OutputGuardSettings): Promise<GuardFileResult> {
  let delta: number;
  try {
    delta = chromaDeltaOfRgb(await readRgb(file));
  } catch {
    return {
      file,
      chroma_delta: 0,
      grayscale_like: false,
      hard_fail_reasons: settings.enabled ? [guardReasons.imageReadFailed] : [],
      soft_warnings: [],
    };
  }
  const grayscaleLike = delta <= settings.max_chroma_delta;
  const hard: string[] = [];
  const soft: string[] = [];
  if (settings.enabled) {
    if (settings.enforce_grayscale && !grayscaleLike) hard.push(guardReasons.notGrayscaleLike);
    if (delta > settings.max_chroma_delta) {
      (settings.fail_on_chroma_exceed ? hard : soft).push(guardReasons.chromaExceedsThreshold);
    }
  }
  return {
    file,
    chroma_delta: round4(delta),
    grayscale_like: grayscaleLike,
    hard_fail_reasons: hard,
    soft_warnings: soft,
  };
}

/**
 * A candidate's rank from the guard results of its files: files with a hard failure, files with a
 * soft warning (counted per file, as the QA summary counts them, so an image failing two rules is
 * not worse than one failing one), and the average of max(0, chroma_delta - max_chroma_delta),
 * rounded to 4 decimals. Lower is better, compared in that order. No files gives an all-zero rank.
 *
 * @example
 * rankCandidate([result], settings); // { hard_failures: 0, soft_warnings: 1, avg_chroma_exceed: 0.75 }
 */
export function rankCandidate(results: GuardFileResult[], settings: OutputGuardSettings): CandidateRank {
  let hardFailures = 0;
  let softWarnings = 0;
  let exceed = 0;
  for (const result of results) {
    if (result.hard_fail_reasons.length > 0) hardFailures += 1;
    if (result.soft_warnings.length > 0) softWarnings += 1;
    exceed += Math.max(0, result.chroma_delta - settings.max_chroma_delta);
  }
  return {
    hard_failures: hardFailures,
    soft_warnings: softWarnings,
    avg_chroma_exceed: results.length === 0 ? 0 : round4(exceed / results.length),
  };
}

/** Negative when `a` ranks better (lower) than `b`. */
function compareRanks(a: CandidateRank, b: CandidateRank): number {
  return (
    a.hard_failures - b.hard_failures || a.soft_warnings - b.soft_warnings || a.avg_chroma_exceed - b.avg_chroma_exceed
  );
}

/**
 * The index of the best candidate: the lowest rank by (hard failures, soft warnings, average
 * chroma exceed), ties going to the lower index. `undefined` entries are candidates that were not
 * generated and are skipped; with none generated the result is `undefined`.
 *
 * @example
 * pickBestCandidate([undefined, { hard_failures: 0, soft_warnings: 1, avg_chroma_exceed: 0.2 }]); // 1
 */
export function pickBestCandidate(ranks: Array<CandidateRank | undefined>): number | undefined {
  let best: number | undefined;
  ranks.forEach((rank, index) => {
    if (rank === undefined) return;
    const current = best === undefined ? undefined : ranks[best];
    // Strictly better only, so an equal rank keeps the lower index.
    if (current === undefined || compareRanks(rank, current) < 0) best = index;
  });
  return best;
}

/**
 * Runs the output guard over a file or a directory (walked recursively for images, as
 * {@link listInputImages}) and builds the QA report; the summary counts files with a hard failure
 * and files with a soft warning. Files are checked one at a time so memory holds one decoded
 * image, not the whole directory.
 *
 * @example
 * const report = await runQa("outputs", settings);
 * report.summary; // { total_files: 3, hard_failures: 1, soft_warnings: 0 }
 */
export async function runQa(input: string, settings: OutputGuardSettings): Promise<QaReport> {
  const images = await listInputImages(input);
  const files: GuardFileResult[] = [];
  for (const image of images) files.push(await checkImage(image, settings));
  return {
    input,
    settings: {
      enforce_grayscale: settings.enforce_grayscale,
      max_chroma_delta: settings.max_chroma_delta,
      fail_on_chroma_exceed: settings.fail_on_chroma_exceed,
    },
    summary: {
      total_files: files.length,
      hard_failures: files.filter((file) => file.hard_fail_reasons.length > 0).length,
      soft_warnings: files.filter((file) => file.soft_warnings.length > 0).length,
    },
    files,
  };
}

/** Output guard flags as they arrive from the command line or a request body (strings or JSON values). */
export interface RawGuardSettings {
  enabled?: unknown;
  enforce_grayscale?: unknown;
  max_chroma_delta?: unknown;
  fail_on_chroma_exceed?: unknown;
}

/**
 * The guard settings for a QA run: each given flag (booleans as {@link parseBoolean}, the
 * threshold a number >= 0), else the manifest's `output_guard`, else the defaults
 * (enforce_grayscale false, max_chroma_delta 2.0, fail_on_chroma_exceed false). Enabled unless
 * turned off. Errors name the field.
 *
 * @example
 * resolveGuardSettings({ enforce_grayscale: "yes", max_chroma_delta: "3.5" });
 * // { enabled: true, enforce_grayscale: true, max_chroma_delta: 3.5, fail_on_chroma_exceed: false }
 */
export function resolveGuardSettings(
  raw: RawGuardSettings,
  manifest?: Pick<Manifest, "output_guard">,
): OutputGuardSettings {
  const base = manifest?.output_guard ?? defaultManifest.output_guard;
  return {
    enabled: parseBoolean("output_guard_enabled", raw.enabled) ?? true,
    enforce_grayscale: parseBoolean("enforce_grayscale", raw.enforce_grayscale) ?? base.enforce_grayscale,
    max_chroma_delta: parseThreshold(raw.max_chroma_delta) ?? base.max_chroma_delta,
    fail_on_chroma_exceed:
      parseBoolean("fail_on_chroma_exceed", raw.fail_on_chroma_exceed) ?? base.fail_on_chroma_exceed,
  };
}

/** `max_chroma_delta`: a finite number >= 0 (or numeric string); absent gives `undefined`. */
function parseThreshold(value: unknown): number | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const number = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
    throw new PipelineError(`Field 'max_chroma_delta' must be a number >= 0, got '${String(value)}'`, {
      field: "max_chroma_delta",
    });
  }
  return number;
}

/**
 * Where `kroma lab qa` writes its report when no `--output` is given: `qa_report_<stamp>.json` in
 * the input directory, or next to the input when it is a single file.
 *
 * @example
 * await defaultQaReportPath("/p/demo/outputs", "20250102T030405Z"); // "/p/demo/outputs/qa_report_20250102T030405Z.json"
 */
export async function defaultQaReportPath(input: string, stamp: string, cwd: string = process.cwd()): Promise<string> {
  const path = resolve(cwd, input);
  const isDir = (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
  return join(isDir ? path : dirname(path), `qa_report_${stamp}.json`);
}

/**
 * Writes a QA report as indented JSON, creating the directory if needed, and returns the absolute path.
 *
 * @example
 * await writeQaReport(report, "reports/qa.json"); // "/work/reports/qa.json"
 */
export async function writeQaReport(report: QaReport, path: string, cwd: string = process.cwd()): Promise<string> {
  const target = resolve(cwd, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
  return target;
}
