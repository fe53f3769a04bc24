import { resolve } from "node:path";
import type { Schema } from "@kroma/contract/types";
import {
  assertImageSettings,
  checkMaxSpend,
  checkPostprocessRun,
  effectivePostprocessSettings,
  estimateRunSpend,
  type ImageSettings,
  isPostprocessRun,
  type PipelineConfig,
  PipelineError,
  preflightPostprocess,
  prepareRun,
  type RawRunRequest,
  readRunJournal,
  resolveProjectRef,
  runPostprocessFrom,
  type SpendEstimate,
} from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import { validationError } from "../../core/errors.js";
import { checkS3SyncReady } from "../projects/s3-sync/sync.js";
import type { MasterKeySource } from "../secrets/crypto.js";
import type { RunProject } from "./execute.js";
import { dbRecordSource } from "./record-source.js";
import { runConfigFor } from "./run-config.js";
import { dbSourceAssets } from "./source-assets.js";

/** The trigger body, as the spec declares it. */
export type TriggerRequest = Schema<"TriggerRunRequest">;

/** What the checks need of the server: its database, keys and app root, and the project's OpenAI key. */
export interface RunRequestContext {
  db: KromaDb;
  keys: MasterKeySource;
  appRoot: string;
  openAiKey: (projectId: string) => Promise<string | undefined>;
  /** The project's PhotoRoom and remove.bg keys, for the preflight of a paid run's post-processing. */
  cutoutKeys: (projectId: string) => Promise<Record<string, string | undefined>>;
  /** The server's image settings (`OPENAI_IMAGE_*`), which a trigger's `model`, `size`, `quality` override. */
  image: ImageSettings;
}

/**
 * A trigger's image settings: the server's, with the body's `model`, `size` and `quality` where
 * given, checked against the model table. A model, size or quality the images API would refuse
 * is a 400 naming the field, before anything is queued or sent.
 *
 * @example
 * triggerImageSettings(serverImage, { size: "768x1152" });
 * // throws 400 "Image settings not accepted: size 768x1152 is not accepted by gpt-image-1; it accepts ..."
 */
export function triggerImageSettings(defaults: ImageSettings, body: TriggerRequest): ImageSettings {
  const image = {
    model: body.model?.trim() || defaults.model,
    size: body.size?.trim() || defaults.size,
    quality: body.quality?.trim() || defaults.quality,
  };
  try {
    assertImageSettings(image);
  } catch (error) {
    if (error instanceof PipelineError) throw validationError(error.message, error.details);
    throw error;
  }
  return image;
}

/**
 * Checks a trigger the way a run would (image settings, request rules, the scenes, the plan's
 * limits, the key for a paid run), so a bad request is a 400 now rather than a failed run later.
 * `recorded` are request fields the body cannot carry (a rerun's recorded output guard and
 * candidates). Returns the request to store, the image settings the run uses and its spend estimate; a
 * `max_spend_usd` the estimate exceeds (or cannot be held to) is a 400 naming that field, before
 * anything is queued or sent.
 */
export async function checkTrigger(
  ctx: RunRequestContext,
  project: RunProject,
  body: TriggerRequest,
  recorded: RawRunRequest = {},
): Promise<{ request: RawRunRequest; image: ImageSettings; spendEstimate: SpendEstimate }> {
  if (body.project_root !== undefined) {
    throw validationError("Field 'project_root' is not accepted: runs use the project's stored storage root", {
      field: "project_root",
    });
  }
  // Refused now rather than after a paid run: the project must have S3 storage to sync to, and
  // credentials that may go to its endpoint.
  if (body.storage_sync_s3 === true) await checkS3SyncReady(ctx.db, ctx.keys, project);
  const mode = body.mode ?? "dry";
  if (mode === "run" && body.confirm_spend !== true) {
    throw validationError("Run mode requires explicit spend confirmation (confirm_spend: true)", {
      field: "confirm_spend",
    });
  }
  const image = triggerImageSettings(ctx.image, body);
  // A rerun's recorded settings (output guard, candidates) under what the body gives; a trigger has none.
  const request: RawRunRequest = { ...recorded, ...runRequestOf(body) };
  const planned = await checkRequestFiles(ctx, project, request, undefined, image.model);
  const spendEstimate = estimateRunSpend({ ...planned, ...image });
  // Before the key check: a run over its ceiling is refused whatever else it lacks.
  await asRequestError(async () => checkMaxSpend(spendEstimate, body.max_spend_usd));
  if (mode === "run") {
    const apiKey = await ctx.openAiKey(project.id);
    // A post-process run sends no image request: it needs the key only for a refine pass, which the preflight asks for.
    if (!apiKey && !isPostprocessRun(request)) {
      throw validationError(
        "No OpenAI key: set the project's openai/api_key secret, or OPENAI_API_KEY for the server",
        {
          field: "api_key",
        },
      );
    }
    // A chain that cannot finish is refused now, as the run would refuse it before its first request.
    if (planned.config) await preflight(ctx, project, planned.config, apiKey ?? "");
  }
  return { request, image, spendEstimate };
}

/** The trigger fields that are not the run request itself: how it is queued, and its image settings and ceiling. */
const queueFields = new Set([
  "mode",
  "confirm_spend",
  "storage_sync_s3",
  "project_root",
  "model",
  "size",
  "quality",
  "max_spend_usd",
  "wait",
]);

/**
 * The run request a trigger body holds: every field but the queueing ones. The body's schema
 * (additionalProperties: false) has already refused anything the pipeline does not read.
 */
export function runRequestOf(body: TriggerRequest): RawRunRequest {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !queueFields.has(key))) as RawRunRequest;
}

/** The post-processing preflight of a paid run, as a 400 naming the stage and its fix. */
async function preflight(ctx: RunRequestContext, project: RunProject, config: PipelineConfig, apiKey: string) {
  const postprocess = await runPostprocessFrom(config, {
    keys: await ctx.cutoutKeys(project.id),
    baseDir: ctx.appRoot,
  });
  await asRequestError(() => preflightPostprocess(postprocess, apiKey));
}

/**
 * What a run's spend estimate needs of its plan (jobs, candidates per job, the post-processing in
 * effect), and the configuration it was planned with (absent for a journaled run, whose journal holds it).
 */
type PlannedSpend = Pick<Parameters<typeof estimateRunSpend>[0], "jobs" | "candidates" | "postprocess" | "generate"> & {
  config?: PipelineConfig;
};

/**
 * The file rules of a trigger, for a trigger and again for a resume (whose request may come
 * from an import): `input` and every ref inside the project root, no symlink leading out, the
 * scenes listed as the run will list them. A paid run with a journal repeats the journal's
 * request and scenes, so those are what is checked. Any failure is a 400 naming the field.
 * Returns the plan's size and the post-processing in effect, for the spend estimate.
 */
export async function checkRequestFiles(
  ctx: RunRequestContext,
  project: RunProject,
  request: RawRunRequest,
  runId?: string,
  model?: string,
): Promise<PlannedSpend> {
  return asRequestError(async (): Promise<PlannedSpend> => {
    const common = { projectSlug: project.slug, projectRoot: project.root, cwd: project.root };
    const journal = runId === undefined ? undefined : await readRunJournal(project.root, runId);
    if (journal) {
      const { header } = journal;
      const { plan } = await prepareRun({
        ...common,
        runId: header.run_id,
        confineTo: project.root,
        manifest: header.manifest,
        request: header.request,
        promptRecords: header.prompt_records ?? {},
        plannedScenes: header.scenes.map((scene) => resolve(project.root, scene)),
        sources: header.source_assets,
      });
      const generate = !isPostprocessRun(header.request);
      return { jobs: plan.jobs.length, candidates: plan.candidates, postprocess: header.postprocess, generate };
    }
    // The API never reads outside the project: `input` is confined like every other ref, and so
    // is every image found under it (a symlink in the directory must not lead out either).
    if (typeof request.input === "string") {
      await resolveProjectRef(project.root, request.input, "input", { allowDirectory: true });
    }
    const { config, manifest } = await runConfigFor(ctx.appRoot, project.root, request);
    // Only the files and records are checked here: the run id just names where outputs would go.
    const {
      scenes,
      plan,
      request: checked,
    } = await prepareRun({
      ...common,
      runId: runId ?? "trigger_check",
      confineTo: project.root,
      manifest,
      request,
      recordSource: dbRecordSource(ctx.db, project.id),
      sourceAssets: dbSourceAssets(ctx.db, project.id),
      model,
    });
    for (const scene of scenes) await resolveProjectRef(project.root, scene, "input");
    const postprocess = effectivePostprocessSettings(config.settings, config.postprocess);
    // A post-process run with no stage on has nothing to do: a 400 now, dry or paid.
    checkPostprocessRun(checked, postprocess);
    return {
      jobs: plan.jobs.length,
      candidates: plan.candidates,
      postprocess,
      generate: !isPostprocessRun(checked),
      config,
    };
  });
}

/** Runs `work`, turning the pipeline's user errors (bad request, missing scene, limits) into 400s. */
async function asRequestError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PipelineError) throw validationError(error.message, error.details);
    throw error;
  }
}
