import { resolve } from "node:path";
import { PipelineError } from "../errors.js";
import { resolveProjectRef, resolveProjectRefs } from "../files/paths.js";
import { assertInputImageCount } from "../generate/models.js";
import { type BatchRow, expandBatch } from "./batch.js";
import type { DryRunOptions } from "./dry-run.js";
import { checkJobCount, type JobSpec, planRun, type RunPlan } from "./plan.js";
import { type PromptRecords, referenceImages as referenceImagesOf, resolvePromptRecords } from "./prompt-records.js";
import { digestRunInputs, logPath, type RunLogInput } from "./run-log.js";
import { isPostprocessRun, type RunRequest, validateRunRequest } from "./run-request.js";
import { listInputImages } from "./scenes.js";
import { checkSourceDigest, resolveSourceAssets, type SourceAsset } from "./source-assets.js";

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
