import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  type DryRunLog,
  defaultImageTimeoutMs,
  effectivePostprocessSettings,
  executeRun,
  type ImageSettings,
  type PaidRunLog,
  PipelineError,
  planDryRun,
  postprocessForLog,
  type RawRunRequest,
  RunInterruptedError,
  type RunProgressEvent,
  readRunJournal,
  resumeRun,
  runPostprocessFrom,
} from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import { nowIso } from "../../core/time.js";
import { budgetCheck } from "../budgets/spend-check.js";
import { syncProjectToS3 } from "../projects/s3-sync/sync.js";
import type { MasterKeySource } from "../secrets/crypto.js";
import type { RunEvent } from "./events.js";
import { ingestRunLog, ingestRunLogFile } from "./ingest.js";
import type { createRunKeys } from "./keys.js";
import { createLiveRecords } from "./live-records.js";
import { dbRecordSource } from "./record-source.js";
import { createRunRepository, type RunRecordStatus } from "./repository.js";
import { runConfigFor } from "./run-config.js";
import { dbSourceAssets } from "./source-assets.js";

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
  /**
   * How long one image request may take before it fails as a timeout (`OPENAI_TIMEOUT_MS`,
   * default {@link defaultOpenAiTimeoutMs}), so a hung endpoint cannot hold the one-at-a-time queue.
   */
  timeoutMs?: number;
  /**
   * Image requests of one job in flight at once (`KROMA_IMAGE_CONCURRENCY`, default 2 from the
   * environment; 1 when unset here, as tests build these options by hand).
   */
  concurrency?: number;
}

/** Default per-request timeout of an image request (3 minutes: a slow high-quality edit still fits). */
export const defaultOpenAiTimeoutMs = defaultImageTimeoutMs;

/** Why a run stopped without finishing: the row's `error` of an interrupted run. */
export const stoppedMessage = "The server stopped before the run finished";

/** The project a run belongs to, with the root its files live under. */
export interface RunProject {
  id: string;
  slug: string;
  root: string;
}

/** One run the queue hands to the executor. */
export interface RunJob {
  runId: string;
  project: RunProject;
  mode: "dry" | "run";
  request: RawRunRequest;
  /** Upload the project's new or changed files to S3 once the run is recorded. */
  syncS3: boolean;
  /** The run's model, size and quality (the trigger's, else the server's `OPENAI_IMAGE_*`). */
  image?: ImageSettings | undefined;
  /** The trigger's `max_spend_usd`: checked again when the run starts, against its estimate then. */
  maxSpendUsd?: number | undefined;
  cancel: AbortController;
}

export interface RunExecutorDeps {
  db: KromaDb;
  appRoot: string;
  keys: MasterKeySource;
  execution: RunExecutionOptions;
  logError: (error: unknown) => void;
  /** The project's provider keys (the queue's lookup). */
  runKeys: ReturnType<typeof createRunKeys>;
  publish: (event: RunEvent) => void;
  /** Writes a run's final status (when `error` is given) and publishes its `done` event. */
  finish: (runId: string, fallback: RunRecordStatus, error?: string) => Promise<void>;
  /** Stop: no new image request (nor retry) starts. */
  interruptSignal: AbortSignal;
  /** The shutdown grace ran out: the request in flight is aborted. */
  abortSignal: AbortSignal;
}

/**
 * Executes one queued run: moves it to `running`, calls the pipeline (a dry plan, a paid run, or
 * the resume of a journaled one), ingests its log, syncs the project to S3 when asked, and
 * writes how it ended.
 */
export function createRunExecutor(deps: RunExecutorDeps) {
  const runs = createRunRepository(deps.db);
  const { cutoutKeys, openAiKey } = deps.runKeys;
  const { finish, publish } = deps;

  async function execute(job: RunJob): Promise<void> {
    const moved = await runs.move(job.runId, ["queued"], "running", { started_at: nowIso() });
    if (!moved) return; // canceled while it waited
    publish({ type: "status", run_id: job.runId, status: "running" });
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
      if (error instanceof RunInterruptedError) return finish(job.runId, "interrupted", interruptedMessage(error));
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
  async function syncAfterRun(job: RunJob): Promise<void> {
    let problem: string | undefined;
    try {
      const report = await syncProjectToS3(deps.db, deps.keys, job.project);
      if (report.failed > 0) problem = `${report.failed} file(s) failed to upload`;
    } catch (error) {
      deps.logError(error);
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem) await runs.noteError(job.runId, `S3 sync after the run: ${problem}`);
  }

  async function runPipeline(job: RunJob): Promise<DryRunLog | PaidRunLog> {
    const { project, runId } = job;
    const { config, manifest } = await runConfigFor(deps.appRoot, project.root, job.request);
    const recordSource = dbRecordSource(deps.db, project.id);
    const sourceAssets = dbSourceAssets(deps.db, project.id);
    const live = createLiveRecords(deps.db, project, runId);
    const onProgress = (event: RunProgressEvent) =>
      publish({ ...progressEvent(runId, event), ...live.eventFields(event) });
    // What runs is checked when it runs: the stored request's files are listed and read only
    // inside the project root, whatever the trigger (or an import) saw earlier.
    const common = { projectRoot: project.root, cwd: project.root, confineTo: project.root };
    const image = job.image ?? deps.execution.image;
    if (job.mode === "dry") {
      const { runLog } = await planDryRun({
        ...common,
        ...image,
        projectSlug: project.slug,
        resolvedFromBackend: true,
        manifest,
        request: job.request,
        recordSource,
        sourceAssets,
        postprocess: postprocessForLog(effectivePostprocessSettings(config.settings, config.postprocess)),
        postprocessSettings: effectivePostprocessSettings(config.settings, config.postprocess),
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
      timeoutMs: deps.execution.timeoutMs ?? defaultOpenAiTimeoutMs,
      concurrency: deps.execution.concurrency,
      onProgress,
      // Recorded as each candidate and job finishes; a failing write is logged, and the run goes on.
      onLiveLog: (log: PaidRunLog) => live.record(log).catch(deps.logError),
      cancelSignal: job.cancel.signal,
      interruptSignal: deps.interruptSignal,
      abortSignal: deps.abortSignal,
      // The project's budget is checked again before every image request, as it is now.
      beforeImageRequest: budgetCheck(deps.db, project.id, runId, image),
    };
    if (await readRunJournal(project.root, runId)) {
      return (await resumeRun({ ...common, ...spend, runId, postprocessContext: postprocess.context })).runLog;
    }
    const { runLog } = await executeRun({
      ...common,
      ...spend,
      ...image,
      projectSlug: project.slug,
      resolvedFromBackend: true,
      manifest,
      request: job.request,
      recordSource,
      sourceAssets,
      postprocess,
      maxSpendUsd: job.maxSpendUsd,
      runId,
    });
    return runLog;
  }

  return { execute };
}

/** The `error` of a run the server interrupted, naming a request it aborted (possibly billed). */
function interruptedMessage(error: RunInterruptedError): string {
  if (!error.aborted) return stoppedMessage;
  const { job, candidate } = error.aborted;
  return (
    `${stoppedMessage}: the image request in flight (job ${job}, candidate ${candidate}) was aborted when the ` +
    "shutdown grace period ran out and may have been billed; resume runs that job again"
  );
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
