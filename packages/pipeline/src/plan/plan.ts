import { basename, extname, join, resolve } from "node:path";
import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { resolveProjectRef, resolveProjectRefs, runDirName } from "../files/paths.js";
import { assertImageSettings, assertInputImageCount } from "../generate/models.js";
import { checkMaxSpend, estimateRunSpend } from "../run/cost.js";
import { type BatchRow, expandBatch } from "./batch.js";
import { composeJobPrompt, composePrompt, type PromptFields } from "./prompt.js";
import {
  type PromptRecordRef,
  type PromptRecordSource,
  type PromptRecords,
  promptRecordRefs,
  referenceImages as referenceImagesOf,
  resolvePromptRecords,
} from "./prompt-records.js";
import {
  type DryRunJob,
  type DryRunLog,
  digestRunInputs,
  logPath,
  newRunId,
  type RunLogInput,
  writeRunLog,
} from "./run-log.js";
import { runLogHeader } from "./run-log-header.js";
import {
  checkCandidates,
  isPostprocessRun,
  type RawRunRequest,
  type RunRequest,
  validateRunRequest,
} from "./run-request.js";
import { listInputImages } from "./scenes.js";
import {
  checkPostprocessRun,
  checkSourceDigest,
  resolveSourceAssets,
  type SourceAsset,
  type SourceAssetLookup,
} from "./source-assets.js";

/**
 * One planned job. Every path here is absolute; the run log turns them relative to the project
 * root (see {@link logPath}).
 */
export interface PlannedJob {
  id: string;
  mode: Stage;
  time: TimeOfDay;
  weather: Weather;
  scene: string;
  /** The scene, then every style reference, then the reference set's images. */
  input_images: string[];
  /** Composed from the manifest and the run's records ({@link composeJobPrompt}). */
  prompt: string;
  /** The template fields this job was given (the request's, then its batch row's); absent when none. */
  prompt_fields?: PromptFields;
  /** The batch row (1-based) that produced this job; absent without a batch. */
  batch_row?: number;
  /** A post-process run's source: the job's one candidate is this asset's file, as it is. */
  source_asset?: SourceAsset;
  /** Candidate k of N writes `outputs/<run_id>/<id>__c<k>.png`; a single candidate `outputs/<run_id>/<id>.png`. */
  outputs: string[];
}

/** What a run would do, before anything is read, written or spent. Paths are absolute. */
export interface RunPlan {
  project_root: string;
  stage: Stage;
  time: TimeOfDay;
  weather: Weather;
  prompt: string;
  candidates: number;
  max_candidates: number;
  scenes: string[];
  style_refs: string[];
  /** The reference set's images, after the style refs in every job's input images. */
  reference_images: string[];
  /** The records the prompts were composed from, with their content hashes (the run log's `prompt_records`). */
  prompt_records: PromptRecordRef[];
  /** A one-image run's prompt as the request gave it (the run log's `prompt_given`). */
  prompt_given?: string;
  jobs: PlannedJob[];
}

/**
 * A scene's file name made safe for job ids and output names: the extension dropped, then every
 * character outside `[A-Za-z0-9_-]` replaced with `_`.
 *
 * @example
 * sceneName("/p/scenes/Night café.v2.png"); // "Night_caf__v2"
 */
export function sceneName(scene: string): string {
  const base = basename(scene, extname(scene));
  return base.replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * A job's id: `<stage>_<n>_<scene name>`, n counting from 1 in scene order, so two scenes with
 * the same file name in different folders still get different ids.
 *
 * @example
 * jobId("style", 1, "/p/scenes/street.png"); // "style_1_street"
 */
export function jobId(stage: Stage, n: number, scene: string): string {
  return `${stage}_${n}_${sceneName(scene)}`;
}

/**
 * The absolute output paths of a job's candidates: `outputs/<run_id>/<id>__c<k>.png` for
 * k = 1..N, or `outputs/<run_id>/<id>.png` alone when N = 1. Every run writes under its own
 * directory, so a second run over the same scenes never replaces a file the first one recorded.
 *
 * @example
 * candidateOutputs("/p", "run_1", "style_1_street", 2);
 * // ["/p/outputs/run_1/style_1_street__c1.png", "/p/outputs/run_1/style_1_street__c2.png"]
 */
export function candidateOutputs(projectRoot: string, runId: string, id: string, candidates: number): string[] {
  const dir = join(resolve(projectRoot), "outputs", runDirName(runId));
  if (candidates === 1) return [join(dir, `${id}.png`)];
  return Array.from({ length: candidates }, (_, i) => join(dir, `${id}__c${i + 1}.png`));
}

/**
 * One job to plan: its scene (absolute) and what it changes of the request: template fields
 * (over the request's), stage, time and weather, and the batch row it came from.
 */
export interface JobSpec {
  scene: string;
  fields?: PromptFields | undefined;
  stage?: Stage | undefined;
  time?: TimeOfDay | undefined;
  weather?: Weather | undefined;
  batch_row?: number | undefined;
  /** A post-process run's source asset (the scene is its file). */
  source?: SourceAsset | undefined;
}

/** Inputs to {@link planRun}: the scenes and style refs already resolved to absolute paths. */
export interface PlanRunOptions {
  projectRoot: string;
  /** The run's id: its outputs go under `outputs/<run_id>/`. */
  runId: string;
  manifest: Manifest;
  request: RunRequest;
  scenes: readonly string[];
  styleRefs: readonly string[];
  /** The records the prompts are composed from, looked up by the caller (default: none). */
  records?: PromptRecords | undefined;
  /** The reference set's image items, resolved to absolute paths (default: none). */
  referenceImages?: readonly string[];
  /** One entry per job, for a batch or a replay (default: one job per scene, with the request's settings). */
  jobSpecs?: readonly JobSpec[] | undefined;
}

/**
 * Plans a run: one job per scene (or per job spec of a batch), each with its prompt composed from
 * the manifest, the records and its fields, and its candidate output paths. Refuses a run with
 * more jobs than the manifest's `safe_batch_limit`, or more candidates than max_candidates, before
 * anything is written or spent. Pure: touches no files.
 *
 * @example
 * const plan = planRun({ projectRoot, runId, manifest, request, scenes: ["/p/scenes/a.png"], styleRefs: [] });
 * plan.jobs[0].id; // "style_1_a"
 */
export function planRun(options: PlanRunOptions): RunPlan {
  const { projectRoot, runId, manifest, request, scenes, styleRefs } = options;
  const { records = {}, referenceImages = [] } = options;
  const root = resolve(projectRoot);
  const specs: readonly JobSpec[] = options.jobSpecs ?? scenes.map((scene) => ({ scene }));
  checkJobCount(specs.length, manifest);
  checkCandidates(request.candidates, request.max_candidates);
  const { stage, time, weather } = request;
  // A one-image run's prompt replaces the manifest's; a post-process run sends none.
  const prompt = isPostprocessRun(request) ? "" : (request.prompt ?? composePrompt(manifest, { stage, time, weather }));
  const jobs = specs.map((spec, index): PlannedJob => {
    const job = { mode: spec.stage ?? stage, time: spec.time ?? time, weather: spec.weather ?? weather };
    const id = jobId(job.mode, index + 1, spec.scene || "prompt");
    if (spec.source) return sourceJob(id, job, spec.scene, spec.source);
    const given = { ...request.prompt_fields, ...spec.fields };
    const base =
      request.prompt === undefined && (spec.stage || spec.time || spec.weather)
        ? composePrompt(manifest, { stage: job.mode, time: job.time, weather: job.weather })
        : prompt;
    const fields = { ...given, scene: sceneName(spec.scene), stage: job.mode, time: job.time, weather: job.weather };
    return {
      id,
      ...job,
      scene: spec.scene,
      // A one-image run without an input image has no scene: its request is a generation.
      input_images: [spec.scene, ...styleRefs, ...referenceImages].filter((path) => path !== ""),
      prompt: composeJobPrompt(base, records, fields),
      ...(Object.keys(given).length > 0 ? { prompt_fields: given } : {}),
      ...(spec.batch_row !== undefined ? { batch_row: spec.batch_row } : {}),
      outputs: candidateOutputs(root, runId, id, request.candidates),
    };
  });
  return {
    project_root: root,
    stage,
    time,
    weather,
    prompt,
    candidates: request.candidates,
    max_candidates: request.max_candidates,
    scenes: [...scenes],
    style_refs: [...styleRefs],
    reference_images: [...referenceImages],
    prompt_records: promptRecordRefs(records),
    ...(request.prompt !== undefined ? { prompt_given: request.prompt } : {}),
    jobs,
  };
}

/**
 * A post-process run's job: its one candidate is the source file itself (never written), so its
 * `outputs` name that file; the chain writes under the new run's directories.
 */
function sourceJob(
  id: string,
  job: Pick<PlannedJob, "mode" | "time" | "weather">,
  scene: string,
  source: SourceAsset,
): PlannedJob {
  return { id, ...job, scene, input_images: [scene], prompt: "", source_asset: source, outputs: [scene] };
}

/** Refuses a run with more jobs than the manifest's `safe_batch_limit` (default 20). */
export function checkJobCount(jobs: number, manifest: Manifest): void {
  const limit = manifest.safe_batch_limit ?? 20;
  if (jobs > limit) {
    throw new PipelineError(`Run has ${jobs} jobs, above safe_batch_limit ${limit}`, {
      field: "safe_batch_limit",
      jobs,
      limit,
    });
  }
}

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

/** What dry and paid runs share before they differ: the checked request, the plan and the input digests. */
export interface PreparedRun {
  /** The absolute project root. */
  root: string;
  request: RunRequest;
  scenes: string[];
  styleRefs: string[];
  /** The records the prompts were composed from, whole (a paid run's journal keeps them). */
  records: PromptRecords;
  /** A post-process run's source assets, in job order (none otherwise); a paid run's journal keeps them. */
  sources: SourceAsset[];
  plan: RunPlan;
  inputs: RunLogInput[];
}

/**
 * Validates the request against the manifest, lists the scenes (`input`) or resolves the scene
 * refs inside the project root, resolves the style refs, plans the jobs and hashes every input.
 */
export async function prepareRun(
  options: Pick<
    DryRunOptions,
    | "projectSlug"
    | "projectRoot"
    | "manifest"
    | "request"
    | "cwd"
    | "confineTo"
    | "promptRecords"
    | "recordSource"
    | "sourceAssets"
  > & {
    /** A post-process run's sources as first resolved (a resumed run's, from its journal); then `sourceAssets` is not asked. */
    sources?: SourceAsset[] | undefined;
    runId: string;
    /**
     * The scenes an interrupted run planned (absolute paths), used instead of listing `input`
     * again, so a resumed run has the same jobs even if files were added to the directory since.
     */
    plannedScenes?: string[];
    /** When given, a job with more input images than this model takes is refused. */
    model?: string | undefined;
  },
): Promise<PreparedRun> {
  const { manifest, cwd = process.cwd() } = options;
  if (options.projectSlug.trim() === "") throw new PipelineError("Field 'project' is required", { field: "project" });
  const root = resolve(cwd, options.projectRoot);
  const request = validateRunRequest(options.request, manifest);
  const { confineTo } = options;
  const batchJobs = request.batch ? await resolveBatch(root, request.batch) : undefined;
  const sources = isPostprocessRun(request)
    ? (options.sources ?? (await resolveSourceAssets(root, request, options.sourceAssets)))
    : [];
  const scenes = batchJobs
    ? [...new Set(batchJobs.map((job) => job.scene))]
    : isPostprocessRun(request)
      ? sources.map((source) => resolve(root, source.path))
      : options.plannedScenes
        ? await confinedScenes(options.plannedScenes, confineTo)
        : request.input !== undefined
          ? await listInputImages(request.input, cwd, { confineTo })
          : await resolveProjectRefs(root, request.scene_refs ?? [], "scene_refs");
  if (request.prompt !== undefined && scenes.length > 1) {
    throw new PipelineError(`Field 'prompt' takes at most one input image; the input names ${scenes.length}`, {
      field: "input",
    });
  }
  const styleRefs = await resolveProjectRefs(root, request.style_refs, "style_refs");
  const records = options.promptRecords ?? (await resolvePromptRecords(request.records, options.recordSource));
  const referenceImages = await resolveProjectRefs(root, referenceImagesOf(records), "reference_set");
  const specs: JobSpec[] = batchJobs ?? jobSpecsOf(scenes, sources, request);
  // Counted before the copies are made: a repeat must not build a list the plan then refuses.
  checkJobCount(specs.length * request.repeat, manifest);
  const jobSpecs = repeated(specs, request.repeat);
  const plan = planRun({
    projectRoot: root,
    runId: options.runId,
    manifest,
    request,
    scenes,
    styleRefs,
    records,
    referenceImages,
    jobSpecs,
  });
  const first = plan.jobs[0];
  if (options.model !== undefined && first) assertInputImageCount(options.model, first.input_images.length);
  const inputs = await digestRunInputs(root, { scenes, styleRefs, referenceImages }, { confineTo });
  // Before anything is planned on them: a source must still hold the bytes its record names.
  for (const source of sources) {
    const digest = inputs.find((input) => input.path === logPath(root, resolve(root, source.path)));
    if (digest) checkSourceDigest(source, digest.sha256);
  }
  return { root, request, scenes, styleRefs, records, sources, plan, inputs };
}

/** One job per scene; a post-process run's carry their source; a prompt-only run has one job without a scene. */
function jobSpecsOf(scenes: string[], sources: SourceAsset[], request: RunRequest): JobSpec[] {
  if (sources.length > 0) return sources.map((source, i) => ({ scene: scenes[i] as string, source }));
  if (scenes.length === 0 && request.prompt !== undefined) return [{ scene: "" }];
  return scenes.map((scene) => ({ scene }));
}

/** A batch's jobs with their scenes resolved inside the project root (each distinct scene once). */
async function resolveBatch(root: string, rows: BatchRow[]): Promise<JobSpec[]> {
  const jobs = expandBatch(rows);
  const refs = [...new Set(jobs.map((job) => job.scene))];
  const resolved = new Map<string, string>();
  for (const ref of refs) resolved.set(ref, await resolveProjectRef(root, ref, "batch"));
  return jobs.map((job) => ({ ...job, scene: resolved.get(job.scene) as string }));
}

/** Each job spec `times` times in a row (the request's `repeat`). */
function repeated(specs: JobSpec[], times: number): JobSpec[] {
  return times === 1 ? specs : specs.flatMap((spec) => Array.from({ length: times }, () => spec));
}

/** An interrupted run's planned scenes, each checked again against the root when one is given. */
async function confinedScenes(scenes: string[], confineTo: string | undefined): Promise<string[]> {
  if (confineTo === undefined) return scenes;
  for (const scene of scenes) await resolveProjectRef(confineTo, scene, "input");
  return scenes;
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
