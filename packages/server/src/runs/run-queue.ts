import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  type DryRunLog,
  effectivePostprocessSettings,
  executeRun,
  type ImageSettings,
  loadPipelineConfig,
  newRunId,
  type PaidRunLog,
  type PipelineConfig,
  PipelineError,
  planDryRun,
  postprocessForLog,
  prepareRun,
  type RawRunRequest,
  RunInterruptedError,
  type RunProgressEvent,
  readRunJournal,
  resolveProjectRef,
  resumeRun,
  runPostprocessFrom,
} from "@kroma/pipeline";
import { type Actor, recordAudit } from "../audit.js";
import type { KromaDb } from "../db/database.js";
import { ApiError, conflict, validationError } from "../errors.js";
import {
  activeRunStatuses,
  createRunRepository,
  type RunRecord,
  type RunRecordStatus,
} from "../repositories/run-repository.js";
import { resolveProjectSecret } from "../repositories/secret-repository.js";
import { checkS3SyncReady, syncProjectToS3 } from "../s3/s3-sync.js";
import type { MasterKeySource } from "../secret-crypto.js";
import { nowIso } from "../time.js";
import { ingestRunLog, ingestRunLogFile } from "./ingest.js";
import type { RunEvent, RunEventHub } from "./run-events.js";

/** How the server runs the pipeline: where images are generated and with which model settings. */
export interface RunExecutionOptions {
  /** The server's own key (`OPENAI_API_KEY`), used when the project has no `openai/api_key` secret. */
  openaiApiKey?: string;
  /** Images API base URL (`OPENAI_BASE_URL`); default: OpenAI's. */
  openaiBaseUrl?: string;
  /** Model, size and quality (`OPENAI_IMAGE_*`). */
  image: ImageSettings;
  /** The server's PhotoRoom and remove.bg keys (`PHOTOROOM_API_KEY`, `REMOVE_BG_API_KEY`), used when a project has no secret. */
  providerKeys?: { photoroom?: string; removebg?: string };
  /** Attempts per image, retries included (default 3), and the first back-off in ms (default 1000). */
  maxAttempts?: number;
  retryDelayMs?: number;
}

/** The trigger body, as the spec declares it. */
export interface TriggerRequest {
  mode?: "dry" | "run";
  confirm_spend?: boolean;
  input?: string;
  scene_refs?: string[];
  style_refs?: string[];
  stage?: "style" | "time" | "weather";
  time?: "day" | "night";
  weather?: "clear" | "rain";
  candidates?: number;
  storage_sync_s3?: boolean;
  project_root?: unknown;
}

/** The project a run belongs to, with the root its files live under. */
export interface RunProject {
  id: string;
  slug: string;
  root: string;
}

interface Job {
  runId: string;
  project: RunProject;
  mode: "dry" | "run";
  request: RawRunRequest;
  /** Upload the project's new or changed files to S3 once the run is recorded. */
  syncS3: boolean;
  cancel: AbortController;
}

/** What a queued run's row keeps of its trigger, so a resume repeats it exactly. */
type StoredRequest = RawRunRequest & { storage_sync_s3?: boolean };

export interface RunQueueDeps {
  db: KromaDb;
  hub: RunEventHub;
  appRoot: string;
  keys: MasterKeySource;
  execution: RunExecutionOptions;
  logError: (error: unknown) => void;
}

export type RunQueue = ReturnType<typeof createRunQueue>;

/**
 * The server's run queue: runs are recorded `queued`, then executed in-process one at a time
 * (paid runs spend money and share one API key, so they never overlap), their progress published
 * to the event hub and their logs ingested when they end. A run left queued or running by a
 * server that stopped is marked `interrupted` at start and waits for an explicit resume.
 */
export function createRunQueue(deps: RunQueueDeps) {
  const runs = createRunRepository(deps.db);
  const pending: Job[] = [];
  const interrupt = new AbortController();
  let current: { job: Job; done: Promise<void> } | undefined;
  let stopped = false;

  const publish = (event: RunEvent) => deps.hub.publish(event);
  const status = (runId: string, value: RunRecordStatus) => publish({ type: "status", run_id: runId, status: value });

  async function finish(runId: string, fallback: RunRecordStatus, error?: string): Promise<void> {
    if (error !== undefined) {
      await runs.move(runId, activeRunStatuses, fallback, { finished_at: nowIso(), error });
    }
    const row = await deps.db
      .selectFrom("runs")
      .select(["status", "summary_json", "error"])
      .where("id", "=", runId)
      .executeTakeFirst();
    publish({
      type: "done",
      run_id: runId,
      status: (row?.status ?? fallback) as RunRecordStatus,
      summary: row?.summary_json ? JSON.parse(row.summary_json) : null,
      ...(row?.error ? { error: row.error } : {}),
    });
  }

  async function execute(job: Job): Promise<void> {
    const moved = await runs.move(job.runId, ["queued"], "running", { started_at: nowIso() });
    if (!moved) return; // canceled while it waited
    status(job.runId, "running");
    try {
      const log = await runPipeline(job);
      await ingestRunLog(deps.db, {
        projectId: job.project.id,
        projectSlug: job.project.slug,
        projectRoot: job.project.root,
        log,
      });
      if (job.syncS3) await syncAfterRun(job);
      await finish(job.runId, "failed");
    } catch (error) {
      if (error instanceof RunInterruptedError)
        return finish(job.runId, "interrupted", "The server stopped before the run finished");
      // A paid run that hit an unexpected error still wrote its log: ingest what it recorded.
      const logPath = join(job.project.root, "runs", `${job.runId}.json`);
      if (job.mode === "run" && existsSync(logPath)) {
        await ingestRunLogFile(deps.db, {
          projectId: job.project.id,
          projectSlug: job.project.slug,
          projectRoot: job.project.root,
          path: logPath,
        }).catch(deps.logError);
      }
      if (!(error instanceof PipelineError)) deps.logError(error);
      await finish(job.runId, "failed", error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * The sync a trigger asked for. Its failure does not change how the run went: it is logged and
   * noted in the run's `error`, and `POST /storage/s3/sync` (or `kroma sync s3`) finishes it later,
   * uploading only what did not arrive.
   */
  async function syncAfterRun(job: Job): Promise<void> {
    let problem: string | undefined;
    try {
      const report = await syncProjectToS3(deps.db, deps.keys, job.project);
      if (report.failed > 0) problem = `${report.failed} file(s) failed to upload`;
    } catch (error) {
      deps.logError(error);
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem) {
      await deps.db
        .updateTable("runs")
        .set({ error: `S3 sync after the run: ${problem}` })
        .where("id", "=", job.runId)
        .execute();
    }
  }

  async function runPipeline(job: Job): Promise<DryRunLog | PaidRunLog> {
    const { project, runId } = job;
    const config = await loadConfig(project.root);
    const onProgress = (event: RunProgressEvent) => publish(progressEvent(runId, event));
    const common = { projectRoot: project.root, cwd: project.root };
    if (job.mode === "dry") {
      const { runLog } = await planDryRun({
        ...common,
        ...deps.execution.image,
        projectSlug: project.slug,
        resolvedFromBackend: true,
        manifest: config.manifest,
        request: job.request,
        postprocess: postprocessForLog(effectivePostprocessSettings(config.settings, config.postprocess)),
        runId,
      });
      return runLog;
    }
    const postprocess = await runPostprocessFrom(config, {
      keys: await cutoutKeys(project.id),
      baseDir: deps.appRoot,
    });
    const spend = {
      confirmSpend: true,
      apiKey: await openAiKey(project.id),
      baseURL: deps.execution.openaiBaseUrl,
      maxAttempts: deps.execution.maxAttempts,
      retryDelayMs: deps.execution.retryDelayMs,
      onProgress,
      cancelSignal: job.cancel.signal,
      interruptSignal: interrupt.signal,
    };
    if (await readRunJournal(project.root, runId)) {
      return (await resumeRun({ ...common, ...spend, runId, postprocessContext: postprocess.context })).runLog;
    }
    const { runLog } = await executeRun({
      ...common,
      ...spend,
      ...deps.execution.image,
      projectSlug: project.slug,
      resolvedFromBackend: true,
      manifest: config.manifest,
      request: job.request,
      postprocess,
      runId,
    });
    return runLog;
  }

  function loadConfig(projectRoot: string): Promise<PipelineConfig> {
    return loadPipelineConfig({ appRoot: deps.appRoot, projectRoot });
  }

  /** PhotoRoom and remove.bg keys: the project's secrets, else the server's environment. */
  async function cutoutKeys(projectId: string): Promise<{ photoroom?: string; removebg?: string }> {
    const secret = (provider: string) => resolveProjectSecret(deps.db, deps.keys, projectId, provider, "api_key");
    return {
      photoroom: (await secret("photoroom")) ?? deps.execution.providerKeys?.photoroom,
      removebg: (await secret("removebg")) ?? deps.execution.providerKeys?.removebg,
    };
  }

  async function openAiKey(projectId: string): Promise<string | undefined> {
    const secret = await resolveProjectSecret(deps.db, deps.keys, projectId, "openai", "api_key");
    return secret ?? deps.execution.openaiApiKey;
  }

  function drain(): void {
    if (current || stopped) return;
    const job = pending.shift();
    if (!job) return;
    const done = execute(job)
      .catch(deps.logError)
      .finally(() => {
        current = undefined;
        drain();
      });
    current = { job, done };
  }

  function enqueue(job: Job): void {
    pending.push(job);
    drain();
  }

  /**
   * Checks a trigger the way a run would (request rules, the scenes, the plan's limits, the key
   * for a paid run), so a bad request is a 400 now rather than a failed run later.
   */
  async function checkTrigger(project: RunProject, body: TriggerRequest): Promise<RawRunRequest> {
    if (body.project_root !== undefined) {
      throw validationError("Field 'project_root' is not accepted: runs use the project's stored storage root", {
        field: "project_root",
      });
    }
    // Refused now rather than after a paid run: the project must have S3 storage to sync to, and
    // credentials that may go to its endpoint.
    if (body.storage_sync_s3 === true) await checkS3SyncReady(deps.db, deps.keys, project);
    const mode = body.mode ?? "dry";
    if (mode === "run" && body.confirm_spend !== true) {
      throw validationError("Run mode requires explicit spend confirmation (confirm_spend: true)", {
        field: "confirm_spend",
      });
    }
    const request: RawRunRequest = {
      input: body.input,
      scene_refs: body.scene_refs,
      style_refs: body.style_refs,
      stage: body.stage,
      time: body.time,
      weather: body.weather,
      candidates: body.candidates,
    };
    await asRequestError(async () => {
      // The API never reads outside the project: `input` is confined like every other ref, and so
      // is every image found under it (a symlink in the directory must not lead out either).
      if (body.input !== undefined) {
        await resolveProjectRef(project.root, body.input, "input", { allowDirectory: true });
      }
      const { manifest } = await loadConfig(project.root);
      const { scenes } = await prepareRun({
        projectSlug: project.slug,
        projectRoot: project.root,
        cwd: project.root,
        manifest,
        request,
      });
      for (const scene of scenes) await resolveProjectRef(project.root, scene, "input");
    });
    if (mode === "run" && !(await openAiKey(project.id))) {
      throw validationError(
        "No OpenAI key: set the project's openai/api_key secret, or OPENAI_API_KEY for the server",
        { field: "api_key" },
      );
    }
    return request;
  }

  return {
    /** Validates and queues a run; answers at once with its `queued` record. */
    async trigger(project: RunProject, body: TriggerRequest, actor: Actor | null): Promise<RunRecord> {
      if (stopped) throw new ApiError("infra", "internal_error", "The server is stopping");
      const request = await checkTrigger(project, body);
      const mode = body.mode ?? "dry";
      const runId = newRunId();
      const run = await deps.db.transaction().execute(async (trx) => {
        const created = await createRunRepository(trx).createQueued({
          id: runId,
          projectId: project.id,
          mode,
          request: { ...request, storage_sync_s3: body.storage_sync_s3 === true } satisfies StoredRequest,
          stage: body.stage ?? "style",
          time: body.time ?? null,
          weather: body.weather ?? null,
          ...deps.execution.image,
        });
        await recordAudit(trx, actor, {
          action: "run.trigger",
          projectId: project.id,
          targetType: "run",
          targetId: runId,
          detail: { mode },
        });
        return created;
      });
      status(runId, "queued");
      enqueue({ runId, project, mode, request, syncS3: body.storage_sync_s3 === true, cancel: new AbortController() });
      return run;
    },

    /** Cancels a queued run at once, a running one at its next request; a finished run is a 409. */
    async cancel(project: RunProject, run: RunRecord, actor: Actor | null): Promise<RunRecord> {
      if (run.status === "canceling") return run;
      const audit = () =>
        recordAudit(deps.db, actor, {
          action: "run.cancel",
          projectId: project.id,
          targetType: "run",
          targetId: run.id,
          detail: { from: run.status },
        });
      const waiting = pending.findIndex((job) => job.runId === run.id);
      const finishedAt = nowIso();
      if (
        waiting >= 0 &&
        (await runs.move(run.id, ["queued"], "canceled", { finished_at: finishedAt, error: "Canceled" }))
      ) {
        pending.splice(waiting, 1);
        await audit();
        await finish(run.id, "canceled");
        return { ...run, status: "canceled", finished_at: finishedAt, error: "Canceled" };
      }
      if (current?.job.runId === run.id && (await runs.move(run.id, ["running"], "canceling"))) {
        current.job.cancel.abort();
        await audit();
        status(run.id, "canceling");
        return { ...run, status: "canceling" };
      }
      throw conflict(`Run '${run.id}' is ${run.status}: only a queued or running run can be canceled`, {
        status: run.status,
      });
    },

    /** Queues an interrupted run again; it keeps the jobs that finished before. */
    async resume(project: RunProject, run: RunRecord, actor: Actor | null): Promise<RunRecord> {
      if (run.status !== "interrupted") {
        throw conflict(`Run '${run.id}' is ${run.status}: only an interrupted run can be resumed`, {
          status: run.status,
        });
      }
      const stored = (await runs.request(run.id)) as StoredRequest | null;
      if (!stored) {
        throw conflict(`Run '${run.id}' was not started by this server; resume it with kroma lab resume ${run.id}`);
      }
      if (run.run_mode === "run" && !(await openAiKey(project.id))) {
        throw validationError(
          "No OpenAI key: set the project's openai/api_key secret, or OPENAI_API_KEY for the server",
          {
            field: "api_key",
          },
        );
      }
      if (!(await runs.move(run.id, ["interrupted"], "queued", { error: null, finished_at: null }))) {
        throw conflict(`Run '${run.id}' is no longer interrupted`);
      }
      await recordAudit(deps.db, actor, {
        action: "run.resume",
        projectId: project.id,
        targetType: "run",
        targetId: run.id,
      });
      status(run.id, "queued");
      const { storage_sync_s3: syncS3 = false, ...request } = stored;
      enqueue({ runId: run.id, project, mode: run.run_mode, request, syncS3, cancel: new AbortController() });
      return { ...run, status: "queued", error: null, finished_at: null };
    },

    /** Marks runs a stopped server left queued or running as `interrupted`. Call before serving. */
    async recover(): Promise<string[]> {
      return runs.interruptActive();
    },

    /**
     * Stops taking runs: the one in progress stops before its next request (its journal kept for a
     * resume), and it and every queued run become `interrupted`.
     */
    async stop(): Promise<void> {
      stopped = true;
      interrupt.abort();
      await current?.done;
      const left = pending.splice(0);
      await runs.interruptActive();
      for (const job of left) await finish(job.runId, "interrupted");
    },
  };
}

/** A pipeline progress event as the stream sends it. */
function progressEvent(runId: string, event: RunProgressEvent): RunEvent {
  return {
    type: "progress",
    run_id: runId,
    status: "running",
    phase: event.phase,
    job: event.job,
    job_index: event.jobIndex,
    jobs: event.jobs,
    candidate: event.candidate,
    candidates: event.candidates,
    ...(event.attempt !== undefined ? { attempt: event.attempt } : {}),
    ...(event.status !== undefined ? { job_status: event.status } : {}),
    ...(event.error !== undefined ? { error: event.error } : {}),
  };
}

/** Runs `work`, turning the pipeline's user errors (bad request, missing scene, limits) into 400s. */
async function asRequestError(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof PipelineError) throw validationError(error.message, error.details);
    throw error;
  }
}
