import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { digestFiles } from "../files/hash.js";
import { resolveProjectRef } from "../files/paths.js";
import { candidateOutputs, type JobSpec, type PlannedJob, planRun } from "../plan/plan.js";
import { type PromptRecordRef, type PromptRecordSource, referenceImages } from "../plan/prompt-records.js";
import { logPath, runLogSchemaVersion } from "../plan/run-log.js";
import { runLogSettings } from "../plan/run-log-header.js";
import { type OutputGuardSettings, type RawRunRequest, validateRunRequest } from "../plan/run-request.js";
import { listInputImages } from "../plan/scenes.js";
import type { SourceAsset } from "../plan/source-assets.js";
import { currentRecords } from "./replay-records.js";

/** One thing that would come out differently now: a dotted path, the logged value and today's. */
export interface ReplayDifference {
  /** `jobs.<job_id>[.prompt|.input_images|.outputs]`, `inputs.<path>.sha256` or `settings.<name>`. */
  path: string;
  /** Null when the thing was not in the log (a job added now). */
  recorded: unknown;
  /** Null when the thing is gone now (a job missing, an input file deleted). */
  current: unknown;
}

/** The verdict of {@link replayRun}. */
export interface ReplayResult {
  run_id: string;
  identical: boolean;
  differences: ReplayDifference[];
}

/** Everything {@link replayRun} needs. Image and post-process settings are resolved by the caller, as for a dry run. */
export interface ReplayOptions {
  projectRoot: string;
  runId: string;
  /** The current manifest: its prompts and limits are what a re-run would use. */
  manifest: Manifest;
  /** Image settings as a run would resolve them now (`OPENAI_IMAGE_MODEL` etc., else the defaults). */
  model: string;
  size: string;
  quality: string;
  /** The post-process settings a run would record now. */
  postprocess: unknown;
  /**
   * The project's records as they are now, looked up by the ids the log names. Needed when the
   * log names any (`prompt_records`).
   */
  records?: PromptRecordSource | undefined;
}

/** The part of a dry or paid run log replay reads; both log kinds share it. */
interface ReplayableLog {
  run_id: string;
  mode: "dry" | "run";
  stage: Stage;
  time: TimeOfDay;
  weather: Weather;
  model: string;
  size: string;
  quality: string;
  generation: { candidates: number; max_candidates: number };
  output_guard: OutputGuardSettings;
  postprocess: unknown;
  inputs: { path: string; sha256: string }[];
  prompt_records?: PromptRecordRef[];
  reference_images?: string[];
  /** A one-image run's prompt as given. */
  prompt_given?: string;
  jobs: ReplayableJob[];
}

interface ReplayableJob {
  id: string;
  input_images: string[];
  prompt: string;
  prompt_fields?: Record<string, string>;
  mode?: Stage;
  time?: TimeOfDay;
  weather?: Weather;
  batch_row?: number;
  /** A post-process run's source asset. */
  source_asset?: SourceAsset;
  /** Dry logs. */
  planned_generation?: { outputs: string[] };
  /** Paid logs. */
  candidates?: { output: string }[];
}

/** A job reduced to what replay compares, with paths as a log writes them. */
interface ComparableJob {
  prompt: string;
  input_images: string[];
  outputs: string[];
}

/**
 * Re-plans a logged run (dry or paid) against the current files and manifest and says whether
 * the plan is the same: per job (matched by id) the prompt, input images and candidate outputs;
 * jobs added or missing; the sha256 of every input; and the run settings (model, size, quality,
 * generation, output guard, post-process). The request is rebuilt from the log itself (stage,
 * time, weather, candidates, guard, the scenes and style refs it read). Writes nothing. A logged
 * input that no longer exists is left out of the new plan, so its job shows as missing (and later
 * jobs renumber, as they would in a real re-run).
 *
 * @example
 * const result = await replayRun({ projectRoot: "/projects/demo", runId: "run_20250102T030405Z_a1b2c3", manifest });
 * result.identical; // false
 * result.differences[0]; // { path: "jobs.style_1_alley.prompt", recorded: "Restyle…", current: "Paint…" }
 */
export async function replayRun(options: ReplayOptions): Promise<ReplayResult> {
  const root = resolve(options.projectRoot);
  const log = await readReplayableLog(root, options.runId);
  const recordedScenes = log.jobs.map((job) => job.input_images[0] as string);
  const recordedStyleRefs = recordedStyleRefList(log);

  const styleRefs = await resolveLoggedFiles(root, recordedStyleRefs, "style_refs");
  const request = validateRunRequest(requestFromLog(log, recordedScenes, recordedStyleRefs), options.manifest);
  const { records, differences: recordDifferences } = await currentRecords(log.prompt_records ?? [], options.records);
  const jobSpecs = await loggedJobSpecs(root, log);
  const plan = planRun({
    projectRoot: root,
    runId: log.run_id,
    manifest: options.manifest,
    request,
    scenes: [...new Set(jobSpecs.map((spec) => spec.scene))],
    styleRefs,
    records,
    referenceImages: await resolveLoggedFiles(root, referenceImages(records), "reference_set"),
    jobSpecs,
  });

  const differences = [
    ...recordDifferences,
    ...compareJobs(recordedJobs(root, log), currentJobs(root, plan.jobs)),
    ...(await compareInputs(root, log)),
    ...compareSettings(log, runLogSettings(options, plan, request.output_guard, options.postprocess)),
  ];
  return { run_id: log.run_id, identical: differences.length === 0, differences };
}

/**
 * Reads `<root>/runs/<runId>.json`. The id becomes a file name, so only the characters run ids
 * are made of pass: a `/` or `..` could otherwise read any JSON file on the machine.
 */
async function readReplayableLog(root: string, runId: string): Promise<ReplayableLog> {
  if (!/^[A-Za-z0-9_-]+$/.test(runId)) {
    throw new PipelineError(`Run id '${runId}' is invalid: use only letters, digits, '_' and '-' (no '/' or '..')`, {
      field: "run_id",
    });
  }
  const dir = join(root, "runs");
  let text: string;
  try {
    text = await readFile(join(dir, `${runId}.json`), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new PipelineError(`Run log '${runId}' not found in ${dir}`, { field: "run_id" });
    }
    throw error;
  }
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch {
    throw new PipelineError(`Run log '${runId}' in ${dir} is not valid JSON`, { field: "run_id" });
  }
  return checkLogShape(log, runId, dir);
}

/** Just enough shape checking that replay never trips over a hand-edited or foreign file. */
function checkLogShape(value: unknown, runId: string, dir: string): ReplayableLog {
  const fail = (why: string) => new PipelineError(`Run log '${runId}' in ${dir} ${why}`, { field: "run_id" });
  if (value === null || typeof value !== "object") throw fail("is not a run log object");
  const log = value as Partial<ReplayableLog> & { schema_version?: unknown };
  if (log.schema_version !== runLogSchemaVersion) {
    throw fail(`has schema_version ${String(log.schema_version)}; this kroma reads ${runLogSchemaVersion}`);
  }
  if (log.mode !== "dry" && log.mode !== "run") throw fail("has no mode 'dry' or 'run'");
  if (!Array.isArray(log.jobs) || !Array.isArray(log.inputs)) throw fail("has no jobs or inputs list");
  for (const job of log.jobs) {
    // A one-image run without an input image (`prompt_given`) is the one job with none.
    const imageless = typeof log.prompt_given === "string" && job?.input_images?.length === 0;
    if (
      typeof job?.id !== "string" ||
      !Array.isArray(job.input_images) ||
      (job.input_images.length === 0 && !imageless)
    ) {
      throw fail("has a job without an id or input images");
    }
  }
  return log as ReplayableLog;
}

/**
 * Every job shares the style refs (they follow the scene in `input_images`, before the reference
 * images); without jobs, the inputs list has them.
 */
function recordedStyleRefList(log: ReplayableLog): string[] {
  const first = log.jobs[0];
  if (first) return first.input_images.slice(1, first.input_images.length - (log.reference_images?.length ?? 0));
  return log.inputs.filter((input) => (input as { role?: string }).role === "style_ref").map((input) => input.path);
}

/** The request the log describes. `time`/`weather` are only passed where the stage allows them. */
function requestFromLog(log: ReplayableLog, scenes: string[], styleRefs: string[]): RawRunRequest {
  return {
    ...loggedSource(log, scenes),
    style_refs: styleRefs.length > 0 ? styleRefs : undefined,
    stage: log.stage,
    time: log.stage === "style" ? undefined : log.time,
    weather: log.stage === "weather" ? log.weather : undefined,
    candidates: log.generation?.candidates,
    max_candidates: log.generation?.max_candidates,
    output_guard_enabled: log.output_guard?.enabled,
    enforce_grayscale: log.output_guard?.enforce_grayscale,
    max_chroma_delta: log.output_guard?.max_chroma_delta,
    fail_on_chroma_exceed: log.output_guard?.fail_on_chroma_exceed,
  };
}

/**
 * Logged paths back to absolute files that exist now. Relative ones are project refs and pass
 * the same checks as `scene_refs`/`style_refs`; absolute ones were `--input` files outside the
 * project and are checked as such. A file that is gone is dropped (its job then shows as missing).
 */
async function resolveLoggedFiles(root: string, paths: string[], field: string): Promise<string[]> {
  const resolved: string[] = [];
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(root, path);
    if (!(await exists(absolute))) continue;
    if (isAbsolute(path)) resolved.push(...(await listInputImages(path)));
    else resolved.push(await resolveProjectRef(root, path, field));
  }
  return resolved;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/**
 * The logged jobs. A paid run logs its candidates' outputs; a job it never ran logs none, so
 * its outputs are rebuilt from the logged candidate count.
 */
function recordedJobs(root: string, log: ReplayableLog): Map<string, ComparableJob> {
  const jobs = new Map<string, ComparableJob>();
  for (const job of log.jobs) {
    const ran = job.candidates?.map((candidate) => candidate.output) ?? [];
    const outputs =
      job.planned_generation?.outputs ??
      (ran.length > 0
        ? ran
        : candidateOutputs(root, log.run_id, job.id, log.generation.candidates).map((path) => logPath(root, path)));
    jobs.set(job.id, { prompt: job.prompt, input_images: job.input_images, outputs });
  }
  return jobs;
}

/** The planned jobs, with paths written as a log would write them. */
function currentJobs(root: string, planned: PlannedJob[]): Map<string, ComparableJob> {
  const rel = (path: string) => logPath(root, path);
  return new Map(
    planned.map((job) => [
      job.id,
      { prompt: job.prompt, input_images: job.input_images.map(rel), outputs: job.outputs.map(rel) },
    ]),
  );
}

/**
 * What the logged run was asked to work on: its source assets (a post-process run), its prompt
 * and input image if any (a one-image run), else its scenes (checked for form only; the scenes
 * planned are the ones resolved by resolveLoggedFiles).
 */
function loggedSource(log: ReplayableLog, scenes: string[]): RawRunRequest {
  const sources = log.jobs.flatMap((job) => (job.source_asset ? [job.source_asset.asset_id] : []));
  if (sources.length > 0) return { assets: sources };
  const present = scenes.filter((scene) => scene !== undefined);
  if (typeof log.prompt_given === "string") {
    return { prompt: log.prompt_given, ...(present.length > 0 ? { scene_refs: present } : {}) };
  }
  return { scene_refs: present.length > 0 ? present : ["(none)"] };
}

/**
 * The logged jobs as job specs, each with its scene as it resolves now (a job whose scene is gone
 * is left out), its stage, time and weather, and the template fields and batch row it recorded.
 */
async function loggedJobSpecs(root: string, log: ReplayableLog): Promise<JobSpec[]> {
  const specs: JobSpec[] = [];
  for (const job of log.jobs) {
    if (job.input_images.length === 0) {
      specs.push({ scene: "", stage: job.mode ?? log.stage });
      continue;
    }
    const [scene] = await resolveLoggedFiles(root, [job.input_images[0] as string], "scene_refs");
    if (scene === undefined) continue;
    specs.push({
      scene,
      fields: job.prompt_fields,
      stage: job.mode ?? log.stage,
      time: job.time ?? log.time,
      weather: job.weather ?? log.weather,
      batch_row: job.batch_row,
      ...(job.source_asset ? { source: job.source_asset } : {}),
    });
  }
  return specs;
}

/** Per job id: missing or added jobs whole, else each field that differs. Logged order first, then added jobs. */
function compareJobs(recorded: Map<string, ComparableJob>, current: Map<string, ComparableJob>): ReplayDifference[] {
  const differences: ReplayDifference[] = [];
  for (const [id, before] of recorded) {
    const after = current.get(id);
    if (!after) {
      differences.push({ path: `jobs.${id}`, recorded: before, current: null });
      continue;
    }
    for (const field of ["prompt", "input_images", "outputs"] as const) {
      if (!isDeepStrictEqual(before[field], after[field])) {
        differences.push({ path: `jobs.${id}.${field}`, recorded: before[field], current: after[field] });
      }
    }
  }
  for (const [id, after] of current) {
    if (!recorded.has(id)) differences.push({ path: `jobs.${id}`, recorded: null, current: after });
  }
  return differences;
}

/** Each logged input hashed again, in log order; a file that is gone compares as null. */
async function compareInputs(root: string, log: ReplayableLog): Promise<ReplayDifference[]> {
  const absolute = log.inputs.map((input) => (isAbsolute(input.path) ? input.path : resolve(root, input.path)));
  const present = await Promise.all(absolute.map(exists));
  const digests = await digestFiles(absolute.filter((_, i) => present[i]));
  let next = 0;
  const differences: ReplayDifference[] = [];
  log.inputs.forEach((input, i) => {
    const current = present[i] ? (digests[next++]?.sha256 ?? null) : null;
    if (current !== input.sha256) {
      differences.push({ path: `inputs.${input.path}.sha256`, recorded: input.sha256, current });
    }
  });
  return differences;
}

/** Run settings as logged vs as they would be logged now (objects compared by value, key order aside). */
function compareSettings(log: ReplayableLog, now: Record<string, unknown>): ReplayDifference[] {
  const differences: ReplayDifference[] = [];
  for (const [name, current] of Object.entries(now)) {
    const recorded = (log as unknown as Record<string, unknown>)[name];
    if (!isDeepStrictEqual(recorded, current)) differences.push({ path: `settings.${name}`, recorded, current });
  }
  return differences;
}
