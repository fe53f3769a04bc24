import { newRunId, type RawRunRequest, readRunJournal, type SpendEstimate } from "@kroma/pipeline";
import { type Actor, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { LeaseRepository } from "../../core/db/lease-repository.js";
import { conflict, unavailable, validationError } from "../../core/errors.js";
import { nowIso } from "../../core/time.js";
import { reserveBudget } from "../budgets/repository.js";
import type { MasterKeySource } from "../secrets/crypto.js";
import type { RunEvent, RunEventHub } from "./events.js";
import {
  createRunExecutor,
  type RunExecutionOptions,
  type RunJob,
  type RunProject,
  stoppedMessage,
} from "./execute.js";
import { createRunKeys } from "./keys.js";
import { activeRunStatuses, createRunRepository, type RunRecord, type RunRecordStatus } from "./repository.js";
import { chosenJobs, type RerunRequest, rerunTrigger, type StoredRequest } from "./rerun.js";
import { checkRequestFiles, checkTrigger, type TriggerRequest, triggerImageSettings } from "./trigger-check.js";

export { defaultOpenAiTimeoutMs, type RunExecutionOptions, type RunProject } from "./execute.js";
export type { TriggerRequest } from "./trigger-check.js";

/** Default time a stopping server lets an image request in flight finish (`KROMA_SHUTDOWN_GRACE_MS`). */
export const defaultShutdownGraceMs = 30_000;

type Job = RunJob;

/** The `model`, `size` and `quality` strings of a stored request's `image`, whatever else it holds. */
function imageFields(value: unknown): Pick<TriggerRequest, "model" | "size" | "quality"> {
  if (!value || typeof value !== "object") return {};
  const fields = value as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  return { model: text("model"), size: text("size"), quality: text("quality") };
}

/** Statuses a run can be resumed from: stopped by the server, or ended with jobs left to run. */
const resumableStatuses: readonly RunRecordStatus[] = ["interrupted", "canceled", "partial", "failed"];

/** A run a rerun repeats: the original, and the settings its log recorded. */
interface RerunOf {
  run: RunRecord;
  recorded: RawRunRequest;
}

export interface RunQueueDeps {
  db: KromaDb;
  hub: RunEventHub;
  appRoot: string;
  keys: MasterKeySource;
  execution: RunExecutionOptions;
  logError: (error: unknown) => void;
  /**
   * This server's leases: every run it has queued or is executing carries a `run` lease, so other
   * servers on the same database leave it alone, and it leaves theirs alone.
   */
  leases: LeaseRepository;
  /** How long `stop()` lets an image request in flight finish before aborting it (default 30 s). */
  shutdownGraceMs?: number;
}

export type RunQueue = ReturnType<typeof createRunQueue>;

/**
 * The server's run queue: runs are recorded `queued`, then executed in-process one at a time
 * (paid runs spend money and share one API key, so they never overlap), their progress published
 * to the event hub and their logs ingested when they end. Each run it queues or executes holds a
 * `run` lease renewed by the server's heartbeat. A run left active whose owner is gone (a crashed
 * server, on this database) is marked `interrupted` at start and on every lease TTL after, and
 * waits for an explicit resume; a run another live process owns is never touched.
 */
export function createRunQueue(deps: RunQueueDeps) {
  const runs = createRunRepository(deps.db);
  const runKeys = createRunKeys(deps.db, deps.keys, deps.execution);
  const { openAiKey, cutoutKeys } = runKeys;
  const requestContext = {
    db: deps.db,
    keys: deps.keys,
    appRoot: deps.appRoot,
    openAiKey,
    cutoutKeys,
    image: deps.execution.image,
  };
  const { leases } = deps;
  const pending: Job[] = [];
  /** Stop: no new image request (nor retry) starts; one in flight may finish. */
  const interrupt = new AbortController();
  /** The grace period ran out: the request in flight is aborted. */
  const abortInFlight = new AbortController();
  let current: { job: Job; done: Promise<void> } | undefined;
  let stopped = false;
  let orphanWatch: ReturnType<typeof setInterval> | undefined;

  const publish = (event: RunEvent) => deps.hub.publish(event);
  const status = (runId: string, value: RunRecordStatus) => publish({ type: "status", run_id: runId, status: value });

  async function finish(runId: string, fallback: RunRecordStatus, error?: string): Promise<void> {
    if (error !== undefined) {
      await runs.move(runId, activeRunStatuses, fallback, { finished_at: nowIso(), error });
    }
    const row = await runs.outcome(runId);
    publish({
      type: "done",
      run_id: runId,
      status: (row?.status ?? fallback) as RunRecordStatus,
      summary: row?.summary_json ? JSON.parse(row.summary_json) : null,
      ...(row?.error ? { error: row.error } : {}),
    });
  }

  const executor = createRunExecutor({
    db: deps.db,
    appRoot: deps.appRoot,
    keys: deps.keys,
    execution: deps.execution,
    logError: deps.logError,
    runKeys,
    publish,
    finish,
    interruptSignal: interrupt.signal,
    abortSignal: abortInFlight.signal,
  });

  async function execute(job: Job): Promise<void> {
    try {
      await executor.execute(job);
    } finally {
      // Released only once the run's final status is written, so no other server ever sees it
      // active without an owner.
      await leases.release("run", job.runId);
    }
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
   * Runs left active whose owner is gone (no live `run` lease: a crashed or killed server) become
   * `interrupted`, and their streams end. Runs a live process owns, this one included, are left
   * alone. Returns the ids it interrupted.
   */
  async function interruptOrphans(): Promise<string[]> {
    const active = await runs.activeIds();
    const live = await leases.liveAmong("run", active);
    const orphans = await runs.interruptAmong(
      active.filter((id) => !live.has(id)),
      stoppedMessage,
    );
    for (const lease of await leases.abandoned("run")) await leases.remove(lease);
    for (const runId of orphans) await finish(runId, "interrupted");
    return orphans;
  }

  /** Validates and queues a run (a rerun of `from` when given); answers at once with its `queued` record. */
  async function queueRun(
    project: RunProject,
    body: TriggerRequest,
    actor: Actor | null,
    from?: RerunOf,
  ): Promise<{ run: RunRecord; spendEstimate: SpendEstimate }> {
    if (stopped) throw stoppingError();
    const { request, image, spendEstimate } = await checkTrigger(requestContext, project, body, from?.recorded);
    if (stopped) throw stoppingError();
    const mode = body.mode ?? "dry";
    const runId = newRunId();
    // Leased before the row exists, so no other server ever sees it active without an owner.
    await leases.acquire("run", runId, { project: project.slug });
    const run = await deps.db
      .transaction()
      .execute(async (trx) => {
        // Reserved in the transaction that queues the run: two triggers never share a remainder.
        const reservedUsd = mode === "run" ? await reserveBudget(trx, project.id, spendEstimate) : null;
        const created = await createRunRepository(trx).createQueued({
          id: runId,
          reservedUsd,
          projectId: project.id,
          mode,
          request: {
            ...request,
            storage_sync_s3: body.storage_sync_s3 === true,
            image,
            ...(body.max_spend_usd === undefined ? {} : { max_spend_usd: body.max_spend_usd }),
          } satisfies StoredRequest,
          stage: body.stage ?? "style",
          time: body.time ?? null,
          weather: body.weather ?? null,
          retriedFrom: from?.run.id ?? null,
          ...image,
        });
        await recordAudit(trx, actor, {
          action: from ? "run.rerun" : "run.trigger",
          projectId: project.id,
          targetType: "run",
          targetId: runId,
          detail: from ? { mode, retried_from: from.run.id } : { mode },
        });
        return created;
      })
      .catch(async (error: unknown) => {
        await leases.release("run", runId);
        throw error;
      });
    status(runId, "queued");
    enqueue({
      runId,
      project,
      mode,
      request,
      image,
      syncS3: body.storage_sync_s3 === true,
      maxSpendUsd: body.max_spend_usd,
      cancel: new AbortController(),
    });
    return { run, spendEstimate };
  }

  return {
    trigger: (project: RunProject, body: TriggerRequest, actor: Actor | null) => queueRun(project, body, actor),

    /**
     * Queues a new run of some or all of `run`'s jobs (their scenes), repeating its recorded
     * request and settings; `retried_from` names the original. Checked like a trigger.
     */
    async rerun(project: RunProject, run: RunRecord, body: RerunRequest, actor: Actor | null) {
      const chosen = chosenJobs(run, await runs.jobs(run.id), body);
      const { trigger, recorded } = rerunTrigger(run, await runs.request(run.id), chosen, body);
      return queueRun(project, trigger, actor, { run, recorded });
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
        await leases.release("run", run.id);
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

    /**
     * Queues an interrupted run again, or a paid run that ended canceled, partial or failed (from
     * its journal); it keeps the jobs that finished before. Refused (409) while another live
     * process holds the run's lease (it still executes it: a second execution would buy its jobs
     * twice), and (400) when its request fails the trigger's file rules now.
     */
    async resume(project: RunProject, run: RunRecord, actor: Actor | null): Promise<RunRecord> {
      if (stopped) throw stoppingError();
      await refuseUnresumable(project, run);
      await refuseLiveOwner(run.id);
      const stored = (await runs.request(run.id)) as StoredRequest | null;
      if (!stored || typeof stored !== "object" || Array.isArray(stored)) {
        throw conflict(`Run '${run.id}' was not started by this server; resume it with kroma lab resume ${run.id}`);
      }
      const { storage_sync_s3: syncS3 = false, image: storedImage, max_spend_usd: maxSpendUsd, ...request } = stored;
      // An imported row brings its request verbatim: its image settings are checked like a trigger's.
      const image = triggerImageSettings(deps.execution.image, imageFields(storedImage));
      await checkRequestFiles(requestContext, project, request, run.run_mode === "run" ? run.id : undefined);
      if (run.run_mode === "run" && !(await openAiKey(project.id))) {
        throw validationError(
          "No OpenAI key: set the project's openai/api_key secret, or OPENAI_API_KEY for the server",
          {
            field: "api_key",
          },
        );
      }
      if (!(await leases.acquire("run", run.id, { project: project.slug }))) await refuseLiveOwner(run.id);
      if (!(await runs.move(run.id, [run.status], "queued", { error: null, finished_at: null }))) {
        await leases.release("run", run.id);
        throw conflict(`Run '${run.id}' is no longer ${run.status}`);
      }
      await recordAudit(deps.db, actor, {
        action: "run.resume",
        projectId: project.id,
        targetType: "run",
        targetId: run.id,
        detail: { from: run.status },
      });
      status(run.id, "queued");
      const cancel = new AbortController();
      enqueue({ runId: run.id, project, mode: run.run_mode, request, image, syncS3, maxSpendUsd, cancel });
      return { ...run, status: "queued", error: null, finished_at: null };
    },

    /**
     * Marks runs left active by a process that is gone as `interrupted`, then keeps checking every
     * lease TTL (a server on the same database may crash later) until `stop()`. Call before
     * serving; returns the runs interrupted now.
     */
    async recover(): Promise<string[]> {
      const interrupted = await interruptOrphans();
      if (!stopped && orphanWatch === undefined) {
        orphanWatch = setInterval(() => void interruptOrphans().catch(deps.logError), leases.ttlMs);
        orphanWatch.unref();
      }
      return interrupted;
    },

    /**
     * Stops taking runs: no new image request (nor retry) starts; one in flight may finish within
     * the grace period (its image is kept and journaled), after which it is aborted and journaled
     * as possibly billed. The run in progress and every run this server queued become
     * `interrupted` (their journals kept for a resume); runs of other servers are left alone.
     */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(orphanWatch);
      interrupt.abort();
      const grace = setTimeout(() => abortInFlight.abort(), deps.shutdownGraceMs ?? defaultShutdownGraceMs);
      await current?.done;
      clearTimeout(grace);
      const left = pending.splice(0);
      const owned = new Set([...left.map((job) => job.runId), ...(await leases.held("run"))]);
      await runs.interruptAmong([...owned], stoppedMessage);
      for (const job of left) await finish(job.runId, "interrupted");
      for (const runId of owned) await leases.release("run", runId);
    },
  };

  /**
   * A 409 for a run resume cannot continue: one still active or that succeeded, or a paid run
   * that ended without a journal to continue from (a rerun makes a new run of it instead).
   */
  async function refuseUnresumable(project: RunProject, run: RunRecord): Promise<void> {
    if (!resumableStatuses.includes(run.status)) {
      throw conflict(
        `Run '${run.id}' is ${run.status}: only an interrupted, canceled, partial or failed run can be resumed`,
        { status: run.status },
      );
    }
    // A dry run plans again; a paid run canceled before it started has no file to keep.
    if (run.status === "interrupted" || run.run_mode === "dry" || run.started_at === null) return;
    if (await readRunJournal(project.root, run.id)) return;
    throw conflict(
      `Run '${run.id}' is ${run.status} and has no journal to continue from; rerun its jobs as a new run (POST /runs/${run.id}/rerun)`,
      { status: run.status },
    );
  }

  /** A 409 while a live process other than this one holds the run's lease. */
  async function refuseLiveOwner(runId: string): Promise<void> {
    const owner = await leases.liveOwner("run", runId);
    if (!owner || owner.owner_id === leases.owner.id) return;
    throw conflict(
      `Run '${runId}' is still owned by a live server process (${owner.owner_host}, pid ${owner.owner_pid}): ` +
        "it may still be executing, and resuming it now would buy its images twice",
      { owner_host: owner.owner_host, owner_pid: owner.owner_pid },
    );
  }
}

/** What a trigger or resume answers while the server shuts down. */
function stoppingError() {
  return unavailable("The server is stopping and takes no new runs; try again once it is back");
}
