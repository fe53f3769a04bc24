import { basename, extname, join, resolve } from "node:path";
import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { runDirName } from "../files/paths.js";
import { composeJobPrompt, composePrompt, type PromptFields } from "./prompt.js";
import { type PromptRecordRef, type PromptRecords, promptRecordRefs } from "./prompt-records.js";
import { logPath } from "./run-log.js";
import { checkCandidates, isPostprocessRun, type RunRequest } from "./run-request.js";
import type { SourceAsset } from "./source-assets.js";

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
