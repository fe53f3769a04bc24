import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { postprocessStageNameValues } from "@kroma/contract/enums";
import type { Schema } from "@kroma/contract/types";
import type { ProviderKeys } from "../config/provider-keys.js";
import type { PostprocessSettings, ResolvedPipelineSettings, SettingKey } from "../config/settings.js";
import { defaultPostprocessConfig, type PostprocessConfig } from "../config/validation.js";
import { archiveReplaced, archiveStamp } from "../files/archive.js";
import { sha256File } from "../files/hash.js";
import { runDirName } from "../files/paths.js";
import { embedPngText, isPng, type PngTextEntry } from "../files/png-metadata.js";
import { refineCutoutFile } from "./bg-refine-openai.js";
import { removeBackgroundFile } from "./bg-remove.js";
import { colorCorrectFile } from "./color.js";
import { type ColorSettings, defaultColorSettings, resolveColorProfile } from "./color-profiles.js";
import { describeImageError, extensionOf, formatOfPath, temporaryPath } from "./image-io.js";
import { type BackendAttempt, elapsedMs, type StageReport } from "./stage-report.js";
import { upscaleFile } from "./upscale.js";

/** Endpoint overrides (tests point these at 127.0.0.1); unset means the real service or postprocess.json's `api_url`. */
export interface ProviderBaseUrls {
  /** Images API base, e.g. `http://127.0.0.1:4010/v1`. */
  openai?: string | undefined;
  /** The full segment URL. */
  photoroom?: string | undefined;
  /** The full removebg URL. */
  removebg?: string | undefined;
}

/** Everything a chain needs besides the image and the on/off settings. */
export interface PostprocessContext {
  /** Outputs go to `background_removed/`, `upscaled/` and `color_corrected/` under it. */
  projectRoot: string;
  /**
   * The run this chain belongs to: its outputs then go to `<stage dir>/<run_id>/`, a directory no
   * other run writes, so no run replaces a file another run's records name. Unset (the `lab`
   * post-process commands): straight under each stage directory.
   */
  runId?: string | undefined;
  /**
   * PNG text chunks every PNG the chain writes carries (a run passes the generated PNG's
   * `kroma:run_id`, `kroma:job_id`, ... so a post-processed file still says where it came from).
   */
  provenance?: readonly PngTextEntry[] | undefined;
  /** `postprocess.json`, merged over the defaults (default: the defaults). */
  config?: PostprocessConfig | undefined;
  /** Colour profiles (default: the built-ins); see `loadColorSettings`. */
  colorSettings?: ColorSettings | undefined;
  keys?: ProviderKeys | undefined;
  baseUrls?: ProviderBaseUrls | undefined;
  /** The refine pass's model, size, quality and retry policy (defaults: gpt-image-1, auto, medium, 3 tries). */
  openai?:
    | {
        model?: string;
        size?: string;
        quality?: string;
        maxAttempts?: number;
        retryDelayMs?: number;
        timeoutMs?: number;
      }
    | undefined;
  /** A stand-in module for the local background-removal backend (tests). */
  localModule?: string | undefined;
  /** Relative tool paths in `config` (the Real-ESRGAN binary, its models) resolve against it (default: cwd). */
  baseDir?: string | undefined;
  /** Move an output about to be overwritten to `archive/replaced/` first (default true). */
  archiveReplaced?: boolean | undefined;
  /** The archive stamp (default: now). */
  stamp?: string | undefined;
  /** Input pixel limit (default `defaultMaxInputPixels`). */
  maxInputPixels?: number | undefined;
  /** Stops the chain between stages and aborts network requests and tools in flight. */
  signal?: AbortSignal | undefined;
}

/** How a stage ended: `skipped` only for an optional refine pass that failed (see `warnings`). */
export type PostprocessStageStatus = Schema<"PostprocessStageLog">["status"];

/** One stage as a run log records it. */
export interface PostprocessStageRecord {
  stage: PostprocessStage;
  status: PostprocessStageStatus;
  /** The file the stage read (absolute). */
  input: string;
  /** The file it wrote (absolute); null when it wrote nothing. */
  output: string | null;
  backend: string | null;
  /** Background removal: every backend tried, in order, with its error. */
  backends_tried?: BackendAttempt[];
  params: Record<string, unknown>;
  ms: number;
  /** sha256 of `output`. */
  sha256: string | null;
  warnings?: string[];
  error?: string;
}

/** The outcome of a chain: the last good file, and one record per enabled stage that ran. */
export interface PostprocessChainResult {
  input: string;
  /** The last stage's output; when a stage failed, the last good file (the input if none). */
  final_output: string;
  status: Schema<"PostprocessChainLog">["status"];
  /** The stages that were enabled, in the order they run. */
  pipeline_order: PostprocessStage[];
  records: PostprocessStageRecord[];
}

/** Post-process stages in the fixed order the pipeline runs them (PIPELINE.md): each reads the previous stage's output. */
export const postprocessStages = postprocessStageNameValues;
export type PostprocessStage = Schema<"PostprocessStageName">;

/**
 * The enabled stages in chain order; the refine pass counts only with background removal on.
 *
 * @example
 * enabledPostprocessStages({ ...settings, bg_remove: true, color: true }); // ["bg_remove", "color"]
 */
export function enabledPostprocessStages(settings: PostprocessSettings): PostprocessStage[] {
  return postprocessStages.filter((stage) => {
    if (stage === "bg_refine_openai") return settings.bg_remove && settings.bg_refine_openai;
    return settings[stage];
  });
}

/**
 * The post-process settings in effect when both the layered settings and `postprocess.json` can
 * name a backend or profile: a value some settings layer set wins; otherwise `postprocess.json`'s
 * (`upscale.backend`, `color.default_profile`, `bg_remove.backends`, `bg_remove.openai`). The
 * on/off switches come from the layered settings only.
 *
 * @example
 * const { settings, postprocess } = await loadPipelineConfig({ appRoot, projectRoot });
 * const effective = effectivePostprocessSettings(settings, postprocess);
 */
export function effectivePostprocessSettings(
  resolved: ResolvedPipelineSettings,
  config: PostprocessConfig,
): PostprocessSettings {
  const values = resolved.values.postprocess;
  const pick = <T>(key: SettingKey, fromSettings: T, fromConfig: T): T =>
    resolved.sources[key].source === "default" ? fromConfig : fromSettings;
  return {
    ...values,
    upscale_backend: pick("pipeline.postprocess.upscale_backend", values.upscale_backend, config.upscale.backend),
    color_profile: pick("pipeline.postprocess.color_profile", values.color_profile, config.color.default_profile),
    bg_remove_backends: pick("pipeline.postprocess.bg_remove_backends", values.bg_remove_backends, [
      ...config.bg_remove.backends,
    ]),
    bg_refine_openai: pick(
      "pipeline.postprocess.bg_refine_openai",
      values.bg_refine_openai,
      config.bg_remove.openai.enabled,
    ),
    bg_refine_openai_required: pick(
      "pipeline.postprocess.bg_refine_openai_required",
      values.bg_refine_openai_required,
      config.bg_remove.openai.required,
    ),
  };
}

/**
 * Runs the post-process chain on one image in the fixed order bg_remove -> bg_refine_openai ->
 * upscale -> color, each enabled stage reading the previous one's output and writing
 * `<dir>/<name>_<suffix>.<ext>` under the project root (`background_removed/<name>_nobg`,
 * `upscaled/<name>_x<scale>`, `color_corrected/<name>_<profile>`; `<dir>/<run_id>/...` for a run's
 * chain). Outputs are written atomically; one that already exists is archived to
 * `archive/replaced/` first (unless turned off). The refine pass writes a new file beside the
 * cut-out (`<name>_nobg_refined`), leaving the unrefined one as it was; when it fails the chain fails
 * if `bg_refine_openai_required`, else the stage is `skipped` with a warning and the unrefined
 * cut-out goes on. Any other failing stage ends the chain with `status: "failed"`: the chain never
 * throws for a bad image or a failing service, only when `signal` aborts it.
 *
 * @example
 * const result = await runPostprocessChain("/p/demo/outputs/alley.png", effectiveSettings, {
 *   projectRoot: "/p/demo",
 *   config: postprocess,
 *   keys: { photoroom: process.env.PHOTOROOM_API_KEY },
 * });
 * result.final_output; // "/p/demo/color_corrected/alley_nobg_x2_cinematic_warm.png"
 * result.records.map((r) => `${r.stage}: ${r.status}`); // ["bg_remove: done", "upscale: done", "color: done"]
 */
export async function runPostprocessChain(
  inputFile: string,
  settings: PostprocessSettings,
  ctx: PostprocessContext,
): Promise<PostprocessChainResult> {
  const input = resolve(inputFile);
  const order = enabledPostprocessStages(settings);
  const records: PostprocessStageRecord[] = [];
  const stamp = ctx.stamp ?? archiveStamp();
  let current = input;
  for (const stage of order) {
    ctx.signal?.throwIfAborted();
    const record = await runStage(stage, current, settings, { ...ctx, stamp });
    records.push(record);
    if (record.status === "failed")
      return { input, final_output: current, status: "failed", pipeline_order: order, records };
    if (record.status === "done" && record.output) current = record.output;
  }
  return { input, final_output: current, status: "done", pipeline_order: order, records };
}

type StageContext = PostprocessContext & { stamp: string };

/** Runs one stage into a temporary file, then commits it; any error becomes a failed record. */
async function runStage(
  stage: PostprocessStage,
  input: string,
  settings: PostprocessSettings,
  ctx: StageContext,
): Promise<PostprocessStageRecord> {
  const started = performance.now();
  const base = { stage, input };
  if (stage === "bg_refine_openai") return runRefine(input, settings, ctx, started);
  let output: string | undefined;
  try {
    const planned = planStage(stage, input, settings, ctx);
    output = planned.output;
    const temporary = temporaryPath(output);
    const report = await planned
      .run(temporary)
      .then(async (report) => {
        await tagProvenance(temporary, ctx.provenance);
        return report;
      })
      .catch(async (error: unknown) => {
        await rm(temporary, { force: true });
        throw error;
      });
    await commit(temporary, output, ctx);
    return {
      ...base,
      status: "done",
      output,
      ...fromReport(report),
      ms: elapsedMs(started),
      sha256: await sha256File(output),
    };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    const attempts = (error as { attempts?: unknown }).attempts;
    return {
      ...base,
      status: "failed",
      output: null,
      backend: null,
      ...(stage === "bg_remove" && Array.isArray(attempts) ? { backends_tried: attempts as BackendAttempt[] } : {}),
      params: output ? { planned_output: output } : {},
      ms: elapsedMs(started),
      sha256: null,
      error: messageOf(error),
    };
  }
}

/** Where a stage writes and how it produces that file. */
function planStage(
  stage: Exclude<PostprocessStage, "bg_refine_openai">,
  input: string,
  settings: PostprocessSettings,
  ctx: StageContext,
): { output: string; run: (temporary: string) => Promise<StageReport> } {
  const config = ctx.config ?? defaultPostprocessConfig;
  const root = resolve(ctx.projectRoot);
  const name = basename(input, extname(input));
  const dir = (stageDir: string) => (ctx.runId ? join(root, stageDir, runDirName(ctx.runId)) : join(root, stageDir));
  const limits = { maxInputPixels: ctx.maxInputPixels, signal: ctx.signal };
  if (stage === "bg_remove") {
    const { format } = config.bg_remove;
    return {
      output: join(dir("background_removed"), `${name}_nobg${extensionOf(format)}`),
      run: (temporary) =>
        removeBackgroundFile(input, temporary, {
          ...limits,
          backends: settings.bg_remove_backends,
          format,
          keys: { photoroom: ctx.keys?.photoroom, removebg: ctx.keys?.removebg },
          photoroom: withUrl(config.bg_remove.photoroom, ctx.baseUrls?.photoroom),
          removebg: withUrl(config.bg_remove.removebg, ctx.baseUrls?.removebg),
          local: { module: ctx.localModule, model: config.bg_remove.local?.model },
          cwd: ctx.baseDir,
        }),
    };
  }
  if (stage === "upscale") {
    const { scale, format } = config.upscale;
    return {
      output: join(dir("upscaled"), `${name}_x${scale}${extensionOf(format)}`),
      run: (temporary) =>
        upscaleFile(input, temporary, {
          ...limits,
          backend: settings.upscale_backend,
          scale,
          format,
          kernel: config.upscale.sharp?.kernel,
          realesrgan: config.upscale.realesrgan_ncnn,
          baseDir: ctx.baseDir,
        }),
    };
  }
  const colorSettings = ctx.colorSettings ?? defaultColorSettings();
  const profile = resolveColorProfile(colorSettings, settings.color_profile);
  // Colour correction keeps the file type it was given (png, jpg or webp; anything else becomes png).
  const format = formatOfPath(input) ?? "png";
  return {
    output: join(dir("color_corrected"), `${name}_${settings.color_profile}${extensionOf(format)}`),
    run: (temporary) =>
      colorCorrectFile(input, temporary, { ...limits, profileName: settings.color_profile, profile, format }),
  };
}

/**
 * The refine pass: writes `<cut-out name>_refined.<ext>` beside the cut-out on success (the
 * unrefined cut-out stays as it was: its record still names true bytes); on failure fails or
 * warns per `required`.
 */
async function runRefine(
  cutout: string,
  settings: PostprocessSettings,
  ctx: StageContext,
  started: number,
): Promise<PostprocessStageRecord> {
  const required = settings.bg_refine_openai_required;
  const output = join(dirname(cutout), `${basename(cutout, extname(cutout))}_refined${extname(cutout)}`);
  const temporary = temporaryPath(output);
  const format = (ctx.config ?? defaultPostprocessConfig).bg_remove.format;
  try {
    const report = await refineCutoutFile(cutout, temporary, {
      ...ctx.openai,
      apiKey: ctx.keys?.openai,
      baseURL: ctx.baseUrls?.openai,
      format,
      maxInputPixels: ctx.maxInputPixels,
      signal: ctx.signal,
    });
    await tagProvenance(temporary, ctx.provenance);
    await commit(temporary, output, ctx);
    return {
      stage: "bg_refine_openai",
      status: "done",
      input: cutout,
      output,
      ...fromReport(report),
      params: { ...report.params, required },
      ms: elapsedMs(started),
      sha256: await sha256File(output),
    };
  } catch (error) {
    await rm(temporary, { force: true });
    if (ctx.signal?.aborted) throw error;
    const message = messageOf(error);
    const attempts = (error as { attempts?: unknown }).attempts;
    const common = {
      stage: "bg_refine_openai" as const,
      input: cutout,
      output: null,
      backend: "openai",
      params: { required, ...(Array.isArray(attempts) ? { requests: attempts } : {}) },
      ms: elapsedMs(started),
      sha256: null,
    };
    if (required) return { ...common, status: "failed", error: message };
    return { ...common, status: "skipped", warnings: [`optional OpenAI refine skipped: ${message}`] };
  }
}

/**
 * Adds the provenance chunks to a PNG the stage wrote (sharp writes none of the input's text
 * chunks). JPEG and WebP outputs have no text chunks to carry them and are left as written.
 */
async function tagProvenance(file: string, provenance: readonly PngTextEntry[] | undefined): Promise<void> {
  if (!provenance?.length) return;
  const bytes = await readFile(file);
  if (!isPng(bytes)) return;
  await writeFile(file, embedPngText(bytes, provenance));
}

/** Moves the finished temporary file into place, archiving what it replaces. */
async function commit(temporary: string, output: string, ctx: StageContext): Promise<void> {
  try {
    if (ctx.archiveReplaced !== false) await archiveReplaced(ctx.projectRoot, output, ctx.stamp);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function fromReport(
  report: StageReport,
): Pick<PostprocessStageRecord, "backend" | "backends_tried" | "params" | "warnings"> {
  return {
    backend: report.backend,
    ...(report.backends_tried ? { backends_tried: report.backends_tried } : {}),
    params: report.params,
    ...(report.warnings?.length ? { warnings: report.warnings } : {}),
  };
}

function withUrl<T extends { api_url?: string | undefined }>(
  options: T | undefined,
  url: string | undefined,
): T | undefined {
  return url ? ({ ...(options ?? {}), api_url: url } as T) : options;
}

function messageOf(error: unknown): string {
  return describeImageError(error);
}
