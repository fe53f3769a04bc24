import { archiveStamp } from "../files/archive.js";
import { createImageClient } from "../generate/images-client.js";
import { assertImageSettings } from "../generate/models.js";
import { defaultImageTimeoutMs } from "../generate/request-limits.js";
import type { PlannedJob } from "../plan/plan.js";
import { type PreparedRun, prepareRun } from "../plan/prepare.js";
import { logPath, newRunId, writeRunLog } from "../plan/run-log.js";
import { pipelineVersion } from "../plan/run-log-header.js";
import { isPostprocessRun } from "../plan/run-request.js";
import { checkPostprocessRun } from "../plan/source-assets.js";
import { preflightPostprocess } from "../postprocess/preflight.js";
import {
  describe,
  type ExecuteRunOptions,
  progress,
  type RunContext,
  RunInterruptedError,
  stopRequested,
} from "./context.js";
import { checkMaxSpend, checkSpendAllowed, estimateRunSpend } from "./cost.js";
import { canceledJob, runJob, unrunJob } from "./job.js";
import { appendRunJournal, type RunJournalHeader, removeRunJournal, startRunJournal } from "./journal.js";
import { buildLog, type PaidRunLog, type RunJobLog } from "./log.js";

/**
 * Runs the pipeline for real: validates the request, plans the jobs exactly as a dry run would
 * (same ids, prompt and outputs), then for each job and candidate sends an image edit with up to
 * `maxAttempts` tries on transient failures, writes each PNG atomically (archiving a file it
 * replaces unless `archive_replaced` is off) with the run id, job id, candidate and prompt
 * embedded as PNG text, under `outputs/<run_id>/`, runs the output guard on every candidate and
 * picks the best as the job's final output (a pointer to that candidate's file, never a copy
 * that could replace another run's). A failed candidate or job is recorded and the run goes on; the log is
 * written under `runs/` whatever happened. Refuses, before any request, without `confirmSpend`
 * or an API key, with image settings the model does not accept (the model table, `models.ts`),
 * or with a spend estimate above `maxSpendUsd` (`estimateRunSpend`, heard by `onSpendEstimate`). While it runs, a journal under `.kroma/in-progress/` records every finished job so
 * an interrupted run can be continued with {@link resumeRun}; it is removed once every job is
 * done, and kept for a run that ends canceled, partial or failed, which can be continued too.
 *
 * @example
 * const { runLog, runLogPath } = await executeRun({
 *   projectSlug: "demo", projectRoot: "/projects/demo", resolvedFromBackend: false,
 *   manifest: defaultManifest, request: { input: "scenes", candidates: 3 }, confirmSpend: true,
 *   model: "gpt-image-1", size: "1024x1536", quality: "medium", apiKey: process.env.OPENAI_API_KEY,
 * });
 * runLog.status; // "succeeded" | "partial" | "failed" | "canceled"
 */
export async function executeRun(options: ExecuteRunOptions): Promise<{ runLog: PaidRunLog; runLogPath: string }> {
  const apiKey = spendAllowed(options);
  assertImageSettings(options);
  const now = options.now ?? new Date();
  const runId = options.runId ?? newRunId(now);
  const prepared = await prepareRun({ ...options, runId });
  checkPostprocessRun(prepared.request, options.postprocess?.settings);
  const estimate = preparedSpendEstimate(prepared, options);
  checkMaxSpend(estimate, options.maxSpendUsd);
  // Before any request: an image whose chain cannot finish would be paid for and then fail.
  await preflightPostprocess(options.postprocess, apiKey);
  // A throw here (the CLI's budget check) stops the run with nothing sent.
  await options.onSpendEstimate?.(estimate);
  const header: RunJournalHeader = {
    journal_version: 1,
    run_id: runId,
    project: options.projectSlug,
    started_at: now.toISOString(),
    request: options.request,
    ...(Object.keys(prepared.records).length > 0 ? { prompt_records: prepared.records } : {}),
    ...(prepared.sources.length > 0 ? { source_assets: prepared.sources } : {}),
    manifest: options.manifest,
    model: options.model,
    size: options.size,
    quality: options.quality,
    postprocess: options.postprocess?.settings,
    resolved_from_backend: options.resolvedFromBackend,
    scenes: prepared.scenes.map((scene) => logPath(prepared.root, scene)),
    ...(options.maxSpendUsd === undefined ? {} : { max_spend_usd: options.maxSpendUsd }),
    prior_duration_ms: 0,
    resumes: [],
  };
  return runJobs({ options, apiKey, prepared, header, kept: new Map() });
}

/** A prepared run's spend estimate: its jobs and candidates at the run's image settings, with its paid post-processing. */
export function preparedSpendEstimate(
  prepared: PreparedRun,
  options: Pick<ExecuteRunOptions, "model" | "size" | "quality" | "postprocess">,
) {
  return estimateRunSpend({
    jobs: prepared.plan.jobs.length,
    candidates: prepared.plan.candidates,
    model: options.model,
    size: options.size,
    quality: options.quality,
    postprocess: options.postprocess?.settings,
    generate: !isPostprocessRun(prepared.request),
  });
}

/**
 * The spend confirmation and key a paid run needs. A post-process run sends no image request, so
 * it needs the OpenAI key only for a refine pass (the preflight asks for it then): without one its
 * key is empty, and nothing is sent with it.
 */
function spendAllowed(options: ExecuteRunOptions): string {
  if (!isPostprocessRun(options.request) || options.apiKey?.trim()) return checkSpendAllowed(options);
  checkSpendAllowed({ confirmSpend: options.confirmSpend, apiKey: "none" });
  return "";
}

/** The shared loop of {@link executeRun} and {@link resumeRun}: every job not kept, then the log. */
export async function runJobs(parts: {
  options: ExecuteRunOptions;
  apiKey: string;
  prepared: PreparedRun;
  header: RunJournalHeader;
  kept: Map<string, RunJobLog>;
}): Promise<{ runLog: PaidRunLog; runLogPath: string }> {
  const { options, apiKey, prepared, header, kept } = parts;
  const { root, request, plan, inputs } = prepared;
  const now = new Date(header.started_at);
  const started = performance.now();
  const kromaVersion = options.kromaVersion ?? pipelineVersion;
  const journalPath = await startRunJournal(root, header);
  const context: RunContext = {
    root,
    runId: header.run_id,
    stamp: archiveStamp(now),
    request,
    plan,
    client: createImageClient({
      apiKey,
      baseURL: options.baseURL,
      timeoutMs: options.timeoutMs ?? defaultImageTimeoutMs,
    }),
    options,
    apiKey,
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    retryDelayMs: Math.max(0, options.retryDelayMs ?? 1000),
    concurrency: Math.max(1, Math.floor(options.concurrency ?? 1)),
    software: `kroma ${kromaVersion}`,
    journalPath,
    finished: [],
    logOf: (jobs, fatal) => {
      const durationMs = header.prior_duration_ms + Math.round(performance.now() - started);
      return buildLog(context, { inputs, jobs, now, durationMs, kromaVersion, fatal, resumes: header.resumes });
    },
  };

  const jobs = context.finished;
  let fatal: unknown;
  try {
    for (const [index, job] of plan.jobs.entries()) jobs.push(await nextJob(context, job, index, kept.get(job.id)));
  } catch (error) {
    if (error instanceof RunInterruptedError) throw error;
    // Every expected failure is caught per candidate or job; this is the unexpected rest. The
    // log is still written (the seed lost it here), then the error goes to the caller.
    fatal = error;
    for (const job of plan.jobs.slice(jobs.length)) jobs.push(unrunJob(context, job, describe(error, apiKey)));
  }

  const runLog = context.logOf(jobs, fatal);
  const runLogPath = await writeRunLog(root, runLog);
  // A run that did not finish every job keeps its journal: resuming it keeps the jobs done and
  // runs the canceled and failed ones again, under the same id.
  if (runLog.status === "succeeded") await removeRunJournal(root, context.runId);
  if (fatal !== undefined) throw fatal;
  return { runLog, runLogPath };
}

/** One job of the loop: kept from before a resume, canceled, or run (and journaled). */
async function nextJob(context: RunContext, job: PlannedJob, index: number, kept?: RunJobLog): Promise<RunJobLog> {
  const where = { job: job.id, jobIndex: index + 1, jobs: context.plan.jobs.length, candidate: 0 };
  if (kept) {
    // Journaled again (the journal restarts on each resume), so a later resume keeps it too.
    await appendRunJournal(context.journalPath, kept);
    progress(context, { phase: "job_skipped", ...where, candidates: job.outputs.length, status: kept.status });
    return kept;
  }
  if (stopRequested(context) === "cancel") return canceledJob(context, job, []);
  return runJob(context, job, index);
}
