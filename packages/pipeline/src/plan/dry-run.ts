import type { Manifest } from "../config/manifest.js";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { assertImageSettings } from "../generate/models.js";
import { checkMaxSpend, estimateRunSpend } from "../run/cost.js";
import { prepareRun } from "./prepare.js";
import type { PromptRecordSource, PromptRecords } from "./prompt-records.js";
import { type DryRunJob, type DryRunLog, logPath, newRunId, writeRunLog } from "./run-log.js";
import { runLogHeader } from "./run-log-header.js";
import { isPostprocessRun, type RawRunRequest, validateRunRequest } from "./run-request.js";
import { checkPostprocessRun, type SourceAssetLookup } from "./source-assets.js";

/** Everything a dry run needs; the CLI and the server resolve these and call {@link planDryRun}. */
export interface DryRunOptions {
  projectSlug: string;
  /** Absolute, or relative to `cwd`. */
  projectRoot: string;
  /** Whether the project root came from the project's stored storage (rather than a flag). */
  resolvedFromBackend: boolean;
  manifest: Manifest;
  /** The raw request; checked with {@link validateRunRequest}. */
  request: RawRunRequest;
  /** Image settings as resolved by the caller (`OPENAI_IMAGE_MODEL` etc., else the defaults). */
  model: string;
  size: string;
  quality: string;
  /** The resolved post-process settings; recorded as given. */
  postprocess: unknown;
  /**
   * The effective post-process settings the same paid run would use, for the log's
   * `spend_estimate` (its paid steps); default: every stage off.
   */
  postprocessSettings?: PostprocessSettings | undefined;
  /** Where the records the request names are looked up (the project's database or API); needed when it names any. */
  recordSource?: PromptRecordSource | undefined;
  /**
   * The records already looked up (a resumed run's, from its journal); when given, `recordSource`
   * is not asked.
   */
  promptRecords?: PromptRecords | undefined;
  /** Where a post-process run's assets and runs are looked up (the project's database or API); needed for `assets`/`from_run`. */
  sourceAssets?: SourceAssetLookup | undefined;
  /** Refuse (before the log is written) when the estimate exceeds this many dollars or cannot be priced fully. */
  maxSpendUsd?: number | undefined;
  now?: Date;
  /** Where a relative `input` is resolved from (default: the process's working directory). */
  cwd?: string;
  /** Recorded as `versions.kroma` (default: this package's version). */
  kromaVersion?: string;
  /** The run's id (default: a fresh one); the server picks it when it queues the run. */
  runId?: string;
  /**
   * Reads scenes and refs only inside this root (the server passes the project root): `input`
   * and the scenes an interrupted run planned are checked again, a symlink leading out fails the
   * run, and every file is opened without following a symlink when its bytes are read. Default:
   * unconfined, for the CLI's own `--input`.
   */
  confineTo?: string | undefined;
}

/**
 * Plans a dry run and writes its log to `<project_root>/runs/<run_id>.json`: validates the
 * request, lists the scenes (`input`) or resolves the scene refs inside the project root,
 * resolves the style refs, plans the jobs, hashes every input, and writes the log atomically.
 * Spends nothing and opens no network connection. Image settings the model does not accept (the
 * model table, `models.ts`) are refused as a paid run would refuse them. Any user error throws a {@link PipelineError}
 * before a file is written.
 *
 * @example
 * const { runLog, runLogPath } = await planDryRun({
 *   projectSlug: "demo", projectRoot: "/projects/demo", resolvedFromBackend: false,
 *   manifest: defaultManifest, request: { input: "scenes" },
 *   model: "gpt-image-1", size: "1024x1536", quality: "medium", postprocess: {},
 * });
 */
export async function planDryRun(options: DryRunOptions): Promise<{ runLog: DryRunLog; runLogPath: string }> {
  const { now = new Date() } = options;
  const runId = options.runId ?? newRunId(now);
  // A plan the images API would refuse is refused now, as the paid run would be.
  assertImageSettings(options);
  const { root, request, plan, inputs } = await prepareRun({ ...options, runId });
  checkPostprocessRun(request, options.postprocessSettings);
  const spendEstimate = estimateRunSpend({
    jobs: plan.jobs.length,
    candidates: plan.candidates,
    model: options.model,
    size: options.size,
    quality: options.quality,
    postprocess: options.postprocessSettings,
    generate: !isPostprocessRun(request),
  });
  checkMaxSpend(spendEstimate, options.maxSpendUsd);
  const rel = (path: string) => logPath(root, path);
  const jobs = plan.jobs.map(
    (job): DryRunJob => ({
      id: job.id,
      mode: job.mode,
      time: job.time,
      weather: job.weather,
      input_images: job.input_images.map(rel),
      prompt: job.prompt,
      ...(job.prompt_fields ? { prompt_fields: job.prompt_fields } : {}),
      ...(job.batch_row !== undefined ? { batch_row: job.batch_row } : {}),
      ...(job.source_asset ? { source_asset: job.source_asset } : {}),
      status: "planned",
      planned_generation: { candidates: plan.candidates, outputs: job.outputs.map(rel) },
      planned_postprocess: options.postprocess,
      planned_output_guard: request.output_guard,
    }),
  );
  const runLog: DryRunLog = {
    ...runLogHeader({
      runId,
      now,
      project: options.projectSlug,
      mode: "dry",
      plan,
      image: options,
      outputGuard: request.output_guard,
      postprocess: options.postprocess,
      root,
      resolvedFromBackend: options.resolvedFromBackend,
      kromaVersion: options.kromaVersion,
      inputs,
    }),
    jobs,
    spend_estimate: spendEstimate,
    status: "planned",
    summary: { jobs: jobs.length, candidates: jobs.length * plan.candidates },
  };
  const runLogPath = await writeRunLog(root, runLog);
  return { runLog, runLogPath };
}
