import type { Schema } from "@kroma/contract/types";
import { type ImageSettings, isPostprocessRun, type RawRunRequest } from "@kroma/pipeline";
import { conflict, validationError } from "../../core/errors.js";
import type { RunJobRecord, RunRecord } from "./repository.js";
import type { TriggerRequest } from "./trigger-check.js";

/** The rerun body, as the spec declares it. */
export type RerunRequest = Schema<"RerunRunRequest">;

/** What a queued run's row keeps of its trigger, so a resume or a rerun repeats it exactly. */
export type StoredRequest = RawRunRequest & {
  storage_sync_s3?: boolean;
  image?: ImageSettings;
  max_spend_usd?: number;
};

/** Job statuses `jobs: "failed"` reruns: every job that did not end `done`. */
const unfinishedJobStatuses: readonly RunJobRecord["status"][] = ["failed", "failed_guard", "canceled"];

/**
 * The jobs a rerun body chooses: `jobs: all | failed`, or `job_ids` (record ids or job keys).
 * Unknown ids are a 400 listing them; `failed` with none failed is a 400 that says so.
 */
export function chosenJobs(run: RunRecord, jobs: RunJobRecord[], body: RerunRequest): RunJobRecord[] {
  if ((body.jobs === undefined) === (body.job_ids === undefined)) {
    throw validationError("Provide one of: jobs, job_ids", { field: "jobs" });
  }
  if (body.job_ids) return jobsNamed(run, jobs, body.job_ids);
  const chosen = body.jobs === "failed" ? jobs.filter((job) => unfinishedJobStatuses.includes(job.status)) : jobs;
  if (chosen.length === 0) {
    const what = body.jobs === "failed" ? "no failed, failed_guard or canceled job" : "no jobs recorded";
    throw validationError(`Run '${run.id}' has ${what}: nothing to rerun`, { field: "jobs" });
  }
  return chosen;
}

function jobsNamed(run: RunRecord, jobs: RunJobRecord[], ids: string[]): RunJobRecord[] {
  const byName = new Map(jobs.flatMap((job) => [[job.id, job] as const, [job.job_key, job] as const]));
  const unknown = ids.filter((id) => !byName.has(id));
  if (unknown.length > 0) {
    throw validationError(`Run '${run.id}' has no job(s) ${unknown.join(", ")}`, { field: "job_ids", unknown });
  }
  return [...new Set(ids.map((id) => byName.get(id) as RunJobRecord))];
}

/** A job's scene: the first of its input images, relative to the project root. */
export function sceneOf(job: RunJobRecord): string {
  const images = job.meta_json.input_images;
  const scene = Array.isArray(images) ? images[0] : undefined;
  if (typeof scene !== "string") throw conflict(`Job '${job.job_key}' records no scene to run again`);
  return scene;
}

/**
 * The trigger a rerun repeats: the original's stored request (stage, time, weather, style refs,
 * model, size, quality, S3 sync, spend ceiling) with the chosen scenes, and the candidates and
 * output guard its log recorded. A run the server did not queue has no stored request: a 409.
 */
export function rerunTrigger(
  run: RunRecord,
  stored: unknown,
  jobs: RunJobRecord[],
  body: RerunRequest,
): { trigger: TriggerRequest; recorded: RawRunRequest } {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) {
    throw conflict(`Run '${run.id}' was not queued by this server, so it has no request to repeat`);
  }
  const request = stored as StoredRequest;
  const max = body.max_spend_usd ?? request.max_spend_usd;
  const trigger = {
    mode: run.run_mode,
    confirm_spend: body.confirm_spend,
    ...rerunSource(request, jobs),
    style_refs: request.style_refs,
    stage: request.stage,
    time: request.time,
    weather: request.weather,
    candidates: request.candidates,
    ...request.image,
    storage_sync_s3: request.storage_sync_s3,
    ...(max === undefined ? {} : { max_spend_usd: max }),
  } as TriggerRequest;
  return { trigger, recorded: recordedSettings(run) };
}

/** The post-processing fields a post-process run is asked with (it is refused without a stage on). */
const postprocessFields = ["post_bg_remove", "post_upscale", "upscale_backend", "post_color", "post_color_profile"];

/**
 * What the chosen jobs are run again from: a post-process run's source assets (with its
 * post-processing switches), a one-image run's prompt (and its input image, if it had one), else
 * the jobs' scenes.
 */
function rerunSource(request: StoredRequest, jobs: RunJobRecord[]): Partial<TriggerRequest> {
  if (isPostprocessRun(request)) {
    const assets = jobs.map((job) => (job.meta_json.source_asset as { asset_id?: string } | undefined)?.asset_id);
    if (assets.some((id) => typeof id !== "string")) throw conflict("A job of this run records no source asset");
    const post = Object.fromEntries(
      postprocessFields.flatMap((key) => (key in request ? [[key, request[key as keyof StoredRequest]]] : [])),
    );
    return { assets: assets as string[], ...post };
  }
  if (typeof request.prompt === "string") {
    const images = jobs[0]?.meta_json.input_images;
    const scene = Array.isArray(images) && typeof images[0] === "string" ? [images[0]] : [];
    return { prompt: request.prompt, ...(scene.length > 0 ? { scene_refs: scene } : {}) };
  }
  return { scene_refs: [...new Set(jobs.map(sceneOf))] };
}

/** The generation and output guard settings the original's log recorded, as request fields. */
function recordedSettings(run: RunRecord): RawRunRequest {
  const snapshot = (run.settings_snapshot_json ?? {}) as {
    generation?: { candidates?: number; max_candidates?: number };
    output_guard?: Record<string, unknown>;
    archive_replaced?: boolean;
  };
  const guard = snapshot.output_guard;
  return {
    ...(snapshot.generation?.candidates === undefined ? {} : { candidates: snapshot.generation.candidates }),
    ...(snapshot.generation?.max_candidates === undefined
      ? {}
      : { max_candidates: snapshot.generation.max_candidates }),
    ...(guard
      ? {
          output_guard_enabled: guard.enabled,
          enforce_grayscale: guard.enforce_grayscale,
          max_chroma_delta: guard.max_chroma_delta,
          fail_on_chroma_exceed: guard.fail_on_chroma_exceed,
        }
      : {}),
    ...(snapshot.archive_replaced === undefined ? {} : { archive_replaced: snapshot.archive_replaced }),
  };
}
