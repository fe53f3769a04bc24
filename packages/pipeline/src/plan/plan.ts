import { basename, extname, join, resolve } from "node:path";
import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { resolveProjectRef, resolveProjectRefs, runDirName } from "../files/paths.js";
import { assertImageSettings } from "../generate/models.js";
import { checkMaxSpend, estimateRunSpend } from "../run/cost.js";
import { composePrompt } from "./prompt.js";
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
import { checkCandidates, type RawRunRequest, type RunRequest, validateRunRequest } from "./run-request.js";
import { listInputImages } from "./scenes.js";

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
  /** The scene followed by every style reference. */
  input_images: string[];
  prompt: string;
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

/** Inputs to {@link planRun}: the scenes and style refs already resolved to absolute paths. */
export interface PlanRunOptions {
  projectRoot: string;
  /** The run's id: its outputs go under `outputs/<run_id>/`. */
  runId: string;
  manifest: Manifest;
  request: RunRequest;
  scenes: readonly string[];
  styleRefs: readonly string[];
}

/**
 * Plans a run: one job per scene sharing one prompt, with candidate output paths. Refuses a run
 * with more jobs than the manifest's `safe_batch_limit`, or more candidates than max_candidates,
 * before anything is written or spent. Pure: touches no files.
 *
 * @example
 * const plan = planRun({ projectRoot, runId, manifest, request, scenes: ["/p/scenes/a.png"], styleRefs: [] });
 * plan.jobs[0].id; // "style_1_a"
 */
export function planRun({ projectRoot, runId, manifest, request, scenes, styleRefs }: PlanRunOptions): RunPlan {
  const root = resolve(projectRoot);
  const limit = manifest.safe_batch_limit ?? 20;
  if (scenes.length > limit) {
    throw new PipelineError(`Run has ${scenes.length} jobs, above safe_batch_limit ${limit}`, {
      field: "safe_batch_limit",
      jobs: scenes.length,
      limit,
    });
  }
  checkCandidates(request.candidates, request.max_candidates);
  const { stage, time, weather } = request;
  const prompt = composePrompt(manifest, { stage, time, weather });
  const jobs = scenes.map((scene, index): PlannedJob => {
    const id = jobId(stage, index + 1, scene);
    return {
      id,
      mode: stage,
      time,
      weather,
      scene,
      input_images: [scene, ...styleRefs],
      prompt,
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
    jobs,
  };
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
  plan: RunPlan;
  inputs: RunLogInput[];
}

/**
 * Validates the request against the manifest, lists the scenes (`input`) or resolves the scene
 * refs inside the project root, resolves the style refs, plans the jobs and hashes every input.
 */
export async function prepareRun(
  options: Pick<DryRunOptions, "projectSlug" | "projectRoot" | "manifest" | "request" | "cwd" | "confineTo"> & {
    runId: string;
    /**
     * The scenes an interrupted run planned (absolute paths), used instead of listing `input`
     * again, so a resumed run has the same jobs even if files were added to the directory since.
     */
    plannedScenes?: string[];
  },
): Promise<PreparedRun> {
  const { manifest, cwd = process.cwd() } = options;
  if (options.projectSlug.trim() === "") throw new PipelineError("Field 'project' is required", { field: "project" });
  const root = resolve(cwd, options.projectRoot);
  const request = validateRunRequest(options.request, manifest);
  const { confineTo } = options;
  const scenes = options.plannedScenes
    ? await confinedScenes(options.plannedScenes, confineTo)
    : request.input !== undefined
      ? await listInputImages(request.input, cwd, { confineTo })
      : await resolveProjectRefs(root, request.scene_refs ?? [], "scene_refs");
  const styleRefs = await resolveProjectRefs(root, request.style_refs, "style_refs");
  const plan = planRun({ projectRoot: root, runId: options.runId, manifest, request, scenes, styleRefs });
  const inputs = await digestRunInputs(root, scenes, styleRefs, { confineTo });
  return { root, request, scenes, styleRefs, plan, inputs };
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
  const spendEstimate = estimateRunSpend({
    jobs: plan.jobs.length,
    candidates: plan.candidates,
    model: options.model,
    size: options.size,
    quality: options.quality,
    postprocess: options.postprocessSettings,
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
