import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import type { components } from "@kroma/contract/types";
import type OpenAI from "openai";
import type { Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { archiveReplaced, archiveStamp } from "../files/archive.js";
import { sha256File } from "../files/hash.js";
import { embedPngText, type PngTextEntry } from "../files/png-metadata.js";
import { createImageClient, editImage, redact, withRetries } from "../generate/images-client.js";
import { checkImage, pickBestCandidate, rankCandidate } from "../guard/output-guard.js";
import type { CandidateRank } from "../guard/types.js";
import { candidateOutputs, type PlannedJob, type PreparedRun, prepareRun, type RunPlan } from "../plan/plan.js";
import { logPath, newRunId, type RunLogInput, runLogSchemaVersion, writeRunLog } from "../plan/run-log.js";
import type { RawRunRequest, RunRequest } from "../plan/run-request.js";
import { validateRunRequest } from "../plan/run-request.js";
import { enabledPostprocessStages, runPostprocessChain } from "../postprocess/chain.js";
import {
  chainForLog,
  postprocessForLog,
  type RunPostprocess,
  type RunPostprocessContext,
} from "../postprocess/run-postprocess.js";
import {
  type AbortedImageRequest,
  appendAbortedRequest,
  appendRunJournal,
  type RunJournalHeader,
  readRunJournal,
  removeRunJournal,
  startRunJournal,
} from "./journal.js";

const { version: packageVersion } = createRequire(import.meta.url)("../../package.json") as { version: string };

// The log documents' types are generated from the OpenAPI spec (`components.schemas`), so the
// API and the files share one type; `test/run-log-schema.test.ts` checks written logs against it.
type Schemas = components["schemas"];

/** The output guard's verdict on one candidate, in the seed's shape. */
export type CandidateGuardLog = Schemas["CandidateGuardLog"];

/** One candidate of a paid run: what was asked, every attempt, and what came of it. */
export type RunCandidateLog = Schemas["RunCandidateLog"];

/** Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard. */
export type RunJobStatus = Schemas["RunJobStatus"];

/** One job of a paid run. */
export type RunJobLog = Schemas["RunJobLog"];

/** The run's outcome: every job done, some, or none. */
export type RunStatus = Schemas["RunStatus"];

/** Counts for a quick look at a run. */
export type RunSummary = Schemas["RunSummary"];

/**
 * The log of a paid run (`mode: "run"`): the dry log's base fields plus, per job, status,
 * selected candidate, final output and every candidate with its attempts, guard verdict, digest
 * and timing; for the run, token usage, an estimated cost, timings, status and counts.
 */
export type PaidRunLog = Schemas["PaidRunLog"];

/**
 * What progress displays hear about. Indexes are 1-based; `candidate` is 0 on `job_done` and
 * `job_skipped` (a resumed run keeping a job that finished before the interruption).
 */
export interface RunProgressEvent {
  phase: "request" | "retry" | "candidate_done" | "candidate_failed" | "job_done" | "job_skipped";
  job: string;
  jobIndex: number;
  jobs: number;
  candidate: number;
  candidates: number;
  attempt?: number;
  delayMs?: number;
  error?: string;
  status?: RunJobStatus;
  selected_candidate?: number | null;
  final_output?: string | null;
}

/** Everything a paid run needs; the CLI and the server resolve these and call {@link executeRun}. */
export interface ExecuteRunOptions {
  projectSlug: string;
  /** Absolute, or relative to `cwd`. */
  projectRoot: string;
  resolvedFromBackend: boolean;
  manifest: Manifest;
  /** The raw request; checked with {@link validateRunRequest}. */
  request: RawRunRequest;
  /** Must be true: a paid run never starts by accident. */
  confirmSpend: boolean;
  model: string;
  size: string;
  quality: string;
  /** The OpenAI key; never written to the log or into an error message. */
  apiKey?: string;
  /** Images API base URL (default: the SDK's, `https://api.openai.com/v1`). */
  baseURL?: string;
  /**
   * Post-processing: the effective settings (recorded in the log) and the backends' context. With
   * any stage on, every generated candidate goes through the chain and the guard checks its last
   * output. Default: every stage off.
   */
  postprocess?: RunPostprocess;
  now?: Date;
  cwd?: string;
  kromaVersion?: string;
  /** Attempts per candidate, retries included (default 3). */
  maxAttempts?: number;
  /** First back-off in ms, doubling per retry (default 1000). */
  retryDelayMs?: number;
  /** Per-request timeout in ms (default: the SDK's, 10 minutes). */
  timeoutMs?: number;
  onProgress?: (event: RunProgressEvent) => void;
  /** The run's id (default: a fresh one); the server picks it when it queues the run. */
  runId?: string;
  /**
   * Cancels the run: it stops before its next image request (a request in flight finishes, so no
   * paid image is thrown away), records the rest as `canceled` and writes its log.
   */
  cancelSignal?: AbortSignal;
  /**
   * Interrupts the run (a server shutting down): it stops before its next request (and retries no
   * failed one) and rejects with {@link RunInterruptedError}, writing no log; its journal stays
   * for {@link resumeRun}. A request in flight may still finish: its image is kept and journaled.
   */
  interruptSignal?: AbortSignal;
  /**
   * Aborts the image request in flight (a stopping server whose grace period ran out). The
   * provider bills a request once it is sent, so the aborted attempt is journaled as possibly
   * billed; the run then rejects with {@link RunInterruptedError} as on `interruptSignal`.
   */
  abortSignal?: AbortSignal;
  /** Reads scenes and refs only inside this root, never through a symlink (see `prepareRun`). */
  confineTo?: string | undefined;
}

/**
 * The run stopped on `interruptSignal` before it finished. Its journal
 * (`.kroma/in-progress/<run_id>.jsonl`) holds the finished jobs; {@link resumeRun} continues it.
 */
export class RunInterruptedError extends PipelineError {
  constructor(
    readonly runId: string,
    /** The image request aborted in flight, if any: it may have been billed. */
    readonly aborted?: AbortedImageRequest,
  ) {
    super(`Run '${runId}' was interrupted; resume it with kroma lab resume ${runId}`, { field: "run_id" });
    this.name = "RunInterruptedError";
  }
}

/** gpt-image-1 list prices per 1024x1024 output image, by quality (USD). */
const gptImage1PricePerMegaImage: Record<string, number> = { low: 0.011, medium: 0.042, high: 0.167 };

/**
 * Estimated price of one output image: gpt-image-1's list price for the quality at 1024x1024,
 * scaled by the requested pixel count. Null for another model, quality (`auto`) or size (`auto`):
 * better no number than a wrong one. An estimate only: input image tokens are not counted.
 *
 * @example
 * estimateImageCostUsd("gpt-image-1", "1024x1024", "medium"); // 0.042
 * estimateImageCostUsd("gpt-image-1", "768x1152", "medium"); // 0.0354375
 */
export function estimateImageCostUsd(model: string, size: string, quality: string): number | null {
  const price = model === "gpt-image-1" ? gptImage1PricePerMegaImage[quality] : undefined;
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (price === undefined || !match) return null;
  return (price * Number(match[1]) * Number(match[2])) / (1024 * 1024);
}

const costBasis =
  "Estimate, not a bill: gpt-image-1 list price per output image by quality (low $0.011, medium $0.042, " +
  "high $0.167 at 1024x1024) scaled by pixel count, times the images generated; input tokens not included.";

/** The rank of a candidate the guard did not look at (guard off): no better or worse than another. */
const unranked: CandidateRank = { hard_failures: 0, soft_warnings: 0, avg_chroma_exceed: 0 };

/** State shared by every job of one run. */
interface RunContext {
  root: string;
  runId: string;
  stamp: string;
  request: RunRequest;
  plan: RunPlan;
  client: OpenAI;
  options: ExecuteRunOptions;
  apiKey: string;
  maxAttempts: number;
  retryDelayMs: number;
  software: string;
  /** `.kroma/in-progress/<run_id>.jsonl`: finished jobs, for {@link resumeRun}. */
  journalPath: string;
}

/**
 * The checks a paid run passes before anything else happens: spend confirmed, and an API key.
 * Callers that do slow work first (the CLI asks the API for the project root) call it early, so
 * the user hears about the missing flag before anything else. Returns the trimmed key.
 *
 * @example
 * checkSpendAllowed({ confirmSpend: false, apiKey: "sk-..." }); // throws Run mode requires explicit spend confirmation (--confirm-spend)
 */
export function checkSpendAllowed({ confirmSpend, apiKey }: { confirmSpend: boolean; apiKey?: string }): string {
  if (!confirmSpend) {
    throw new PipelineError("Run mode requires explicit spend confirmation (--confirm-spend)", {
      field: "confirm_spend",
    });
  }
  const key = apiKey?.trim();
  if (!key) {
    throw new PipelineError("OPENAI_API_KEY is not set and the project has no openai/api_key secret", {
      field: "api_key",
    });
  }
  return key;
}

/**
 * Runs the pipeline for real: validates the request, plans the jobs exactly as a dry run would
 * (same ids, prompt and outputs), then for each job and candidate sends an image edit with up to
 * `maxAttempts` tries on transient failures, writes each PNG atomically (archiving a file it
 * replaces unless `archive_replaced` is off) with the run id, job id, candidate and prompt
 * embedded as PNG text, runs the output guard on every candidate, picks the best and copies it to
 * `outputs/<job_id>.png`. A failed candidate or job is recorded and the run goes on; the log is
 * written under `runs/` whatever happened. Refuses, before any request, without `confirmSpend`
 * or an API key. While it runs, a journal under `.kroma/in-progress/` records every finished job so
 * an interrupted run can be continued with {@link resumeRun}.
 *
 * @example
 * const { runLog, runLogPath } = await executeRun({
 *   projectSlug: "demo", projectRoot: "/projects/demo", resolvedFromBackend: false,
 *   manifest: defaultManifest, request: { input: "scenes", candidates: 3 }, confirmSpend: true,
 *   model: "gpt-image-1", size: "768x1152", quality: "medium", apiKey: process.env.OPENAI_API_KEY,
 * });
 * runLog.status; // "succeeded" | "partial" | "failed" | "canceled"
 */
export async function executeRun(options: ExecuteRunOptions): Promise<{ runLog: PaidRunLog; runLogPath: string }> {
  const apiKey = checkSpendAllowed(options);
  const now = options.now ?? new Date();
  const prepared = await prepareRun(options);
  const header: RunJournalHeader = {
    journal_version: 1,
    run_id: options.runId ?? newRunId(now),
    project: options.projectSlug,
    started_at: now.toISOString(),
    request: options.request,
    manifest: options.manifest,
    model: options.model,
    size: options.size,
    quality: options.quality,
    postprocess: options.postprocess?.settings,
    resolved_from_backend: options.resolvedFromBackend,
    scenes: prepared.scenes.map((scene) => logPath(prepared.root, scene)),
    prior_duration_ms: 0,
    resumes: [],
  };
  return runJobs({ options, apiKey, prepared, header, kept: new Map() });
}

/** What {@link resumeRun} needs: the run, where it is, and what a new run needs to spend. */
export type ResumeRunOptions = Pick<
  ExecuteRunOptions,
  | "projectRoot"
  | "confirmSpend"
  | "apiKey"
  | "baseURL"
  | "now"
  | "cwd"
  | "kromaVersion"
  | "maxAttempts"
  | "retryDelayMs"
  | "timeoutMs"
  | "onProgress"
  | "cancelSignal"
  | "interruptSignal"
  | "abortSignal"
  | "confineTo"
> & {
  runId: string;
  /** The post-process backends' context (keys, endpoints); the settings come from the journal. */
  postprocessContext?: RunPostprocessContext;
};

/**
 * Continues a paid run that was interrupted (crash, Ctrl-C, server stop) from its journal under
 * `.kroma/in-progress/`: the same request, manifest, model settings and scenes. A job that finished
 * before is kept when its final output still exists with the sha256 recorded then; every other job
 * runs again. The final log lists the kept jobs under `resumes`. Spend is confirmed again.
 *
 * @example
 * const { runLog } = await resumeRun({ runId: "run_20250102T030405Z_a1b2c3", projectRoot: "/projects/demo",
 *   confirmSpend: true, apiKey: process.env.OPENAI_API_KEY });
 * runLog.resumes?.[0]?.kept_jobs; // ["style_1_street"]
 */
export async function resumeRun(options: ResumeRunOptions): Promise<{ runLog: PaidRunLog; runLogPath: string }> {
  const apiKey = checkSpendAllowed(options);
  const root = resolve(options.cwd ?? process.cwd(), options.projectRoot);
  const journal = await readRunJournal(root, options.runId);
  if (!journal) {
    throw new PipelineError(
      `Run '${options.runId}' has nothing to resume: no journal under .kroma/in-progress/ (it finished, see runs/${options.runId}.json, or never started)`,
      { field: "run_id" },
    );
  }
  const { header } = journal;
  const runOptions: ExecuteRunOptions = {
    ...options,
    projectSlug: header.project,
    projectRoot: root,
    resolvedFromBackend: header.resolved_from_backend,
    manifest: header.manifest,
    request: header.request,
    model: header.model,
    size: header.size,
    quality: header.quality,
    postprocess: header.postprocess ? { settings: header.postprocess, context: options.postprocessContext } : undefined,
    now: new Date(header.started_at),
  };
  const prepared = await prepareRun({
    ...runOptions,
    plannedScenes: header.scenes.map((scene) => resolve(root, scene)),
  });
  const kept = await keptJobs(root, prepared.plan, journal.jobs);
  const resumedAt = (options.now ?? new Date()).toISOString();
  // Requests aborted by an earlier stop stay on record: the provider may have billed them.
  const aborted = journal.aborted.length > 0 ? { aborted_requests: journal.aborted } : {};
  const resumed: RunJournalHeader = {
    ...header,
    prior_duration_ms: [...kept.values()].reduce((total, job) => total + job.ms, 0),
    resumes: [...header.resumes, { at: resumedAt, kept_jobs: [...kept.keys()], ...aborted }],
  };
  return runJobs({ options: runOptions, apiKey, prepared, header: resumed, kept });
}

/**
 * The jobs of a journal worth keeping: finished (`done`, or `failed_guard` with its output) and
 * their final output still on disk with the recorded hash. Anything else (failed, canceled,
 * missing or changed file) runs again.
 */
async function keptJobs(
  root: string,
  plan: RunPlan,
  finished: Map<string, RunJobLog>,
): Promise<Map<string, RunJobLog>> {
  const kept = new Map<string, RunJobLog>();
  for (const job of plan.jobs) {
    const entry = finished.get(job.id);
    if (!entry || (entry.status !== "done" && entry.status !== "failed_guard") || !entry.final_output) continue;
    const selected = entry.candidates.find((candidate) => candidate.candidate_index === entry.selected_candidate);
    const actual = await sha256File(resolve(root, entry.final_output)).catch(() => undefined);
    if (selected?.sha256 && actual === selected.sha256) kept.set(job.id, entry);
  }
  return kept;
}

/** The shared loop of {@link executeRun} and {@link resumeRun}: every job not kept, then the log. */
async function runJobs(parts: {
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
  const kromaVersion = options.kromaVersion ?? packageVersion;
  const journalPath = await startRunJournal(root, header);
  const context: RunContext = {
    root,
    runId: header.run_id,
    stamp: archiveStamp(now),
    request,
    plan,
    client: createImageClient({ apiKey, baseURL: options.baseURL, timeoutMs: options.timeoutMs }),
    options,
    apiKey,
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    retryDelayMs: Math.max(0, options.retryDelayMs ?? 1000),
    software: `kroma ${kromaVersion}`,
    journalPath,
  };

  const jobs: RunJobLog[] = [];
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

  const durationMs = header.prior_duration_ms + Math.round(performance.now() - started);
  const runLog = buildLog(context, { inputs, jobs, now, durationMs, kromaVersion, fatal, resumes: header.resumes });
  const runLogPath = await writeRunLog(root, runLog);
  await removeRunJournal(root, context.runId);
  if (fatal !== undefined) throw fatal;
  return { runLog, runLogPath };
}

/** One job of the loop: kept from before a resume, canceled, or run (and journaled). */
async function nextJob(context: RunContext, job: PlannedJob, index: number, kept?: RunJobLog): Promise<RunJobLog> {
  const where = { job: job.id, jobIndex: index + 1, jobs: context.plan.jobs.length, candidate: 0 };
  if (kept) {
    progress(context, { phase: "job_skipped", ...where, candidates: job.outputs.length, status: kept.status });
    return kept;
  }
  if (stopRequested(context) === "cancel") return canceledJob(context, job, []);
  const result = await runJob(context, job, index);
  await appendRunJournal(context.journalPath, result);
  return result;
}

/** Whether the caller asked the run to stop; an interrupt wins over a cancel and throws. */
function stopRequested(context: RunContext): "cancel" | undefined {
  const { interruptSignal, abortSignal } = context.options;
  if (interruptSignal?.aborted || abortSignal?.aborted) throw new RunInterruptedError(context.runId);
  return context.options.cancelSignal?.aborted ? "cancel" : undefined;
}

/**
 * After a failed attempt during a stop: the run ends here (no retry, no next candidate). A request
 * the stop aborted in flight is journaled first, as possibly billed: it was sent, and the provider
 * bills what it received. A failure that arrived on its own (an error answer) bills nothing.
 */
async function stopOnFailedAttempt(context: RunContext, job: PlannedJob, entry: RunCandidateLog): Promise<void> {
  const { interruptSignal, abortSignal } = context.options;
  if (!interruptSignal?.aborted && !abortSignal?.aborted) return;
  const last = entry.attempts.at(-1);
  if (!abortSignal?.aborted || !last) throw new RunInterruptedError(context.runId);
  const aborted: AbortedImageRequest = {
    job: job.id,
    candidate: entry.candidate_index,
    attempt: last.attempt,
    at: new Date().toISOString(),
    ms: last.ms,
    possibly_billed: true,
    error: "Aborted in flight when the shutdown grace period ran out; the provider may have billed it",
  };
  await appendAbortedRequest(context.journalPath, aborted);
  throw new RunInterruptedError(context.runId, aborted);
}

/** A job the run did not finish because it was canceled; candidates generated before stay listed. */
function canceledJob(context: RunContext, job: PlannedJob, candidates: RunCandidateLog[]): RunJobLog {
  return {
    ...jobBase(context, job),
    status: "canceled",
    error: "Canceled before the job finished",
    selected_candidate: null,
    final_output: null,
    final_output_archived_previous: null,
    candidates,
    ms: candidates.reduce((total, candidate) => total + candidate.ms, 0),
  };
}

/** The run log from the finished jobs. */
function buildLog(
  context: RunContext,
  parts: {
    inputs: RunLogInput[];
    jobs: RunJobLog[];
    now: Date;
    durationMs: number;
    kromaVersion: string;
    fatal: unknown;
    resumes: RunJournalHeader["resumes"];
  },
): PaidRunLog {
  const { options, plan, request, root } = context;
  const { jobs } = parts;
  const candidates = jobs.flatMap((job) => job.candidates);
  const generated = candidates.filter((candidate) => candidate.status === "generated");
  const summary: RunSummary = {
    jobs: jobs.length,
    done: jobs.filter((job) => job.status === "done").length,
    failed: jobs.filter((job) => job.status === "failed").length,
    failed_guard: jobs.filter((job) => job.status === "failed_guard").length,
    canceled: jobs.filter((job) => job.status === "canceled").length,
    candidates_generated: generated.length,
    candidates_failed: candidates.length - generated.length,
  };
  const perImage = estimateImageCostUsd(options.model, options.size, options.quality);
  return {
    run_id: context.runId,
    schema_version: runLogSchemaVersion,
    timestamp: parts.now.toISOString(),
    project: options.projectSlug,
    mode: "run",
    stage: plan.stage,
    time: plan.time,
    weather: plan.weather,
    model: options.model,
    size: options.size,
    quality: options.quality,
    generation: { candidates: plan.candidates, max_candidates: plan.max_candidates },
    output_guard: request.output_guard,
    postprocess: postprocessForLog(options.postprocess?.settings),
    storage: { project_root: root, resolved_from_backend: options.resolvedFromBackend },
    versions: { kroma: parts.kromaVersion, node: process.version },
    inputs: parts.inputs,
    started_at: parts.now.toISOString(),
    // Measured with the monotonic clock from the given start, so a fixed `now` in tests still
    // gives a consistent pair.
    finished_at: new Date(parts.now.getTime() + parts.durationMs).toISOString(),
    duration_ms: parts.durationMs,
    api: {
      base_url: safeBaseUrl(options.baseURL),
      endpoint: "images.edit",
      max_attempts: context.maxAttempts,
      retry_base_delay_ms: context.retryDelayMs,
    },
    archive_replaced: request.archive_replaced,
    jobs,
    usage: totalUsage(generated),
    cost_estimate_usd: perImage === null ? null : roundUsd(perImage * generated.length),
    cost_estimate: {
      per_image_usd: perImage === null ? null : roundUsd(perImage),
      images: generated.length,
      basis: costBasis,
    },
    status: runStatus(summary),
    ...(parts.fatal !== undefined ? { error: describe(parts.fatal, context.apiKey) } : {}),
    ...(parts.resumes.length > 0 ? { resumes: parts.resumes } : {}),
    summary,
  };
}

/** A canceled run is `canceled` whatever its other jobs did; otherwise every job done, none, or some. */
function runStatus(summary: RunSummary): RunStatus {
  if ((summary.canceled ?? 0) > 0) return "canceled";
  return summary.done === summary.jobs ? "succeeded" : summary.done === 0 ? "failed" : "partial";
}

/** One job: every candidate in turn, the guard on each, then the best one becomes the final output. */
async function runJob(context: RunContext, job: PlannedJob, index: number): Promise<RunJobLog> {
  const started = performance.now();
  const candidates: RunCandidateLog[] = [];
  for (let k = 0; k < job.outputs.length; k++) {
    // Checked before each request, so a cancel or shutdown never wastes an image in flight.
    if (stopRequested(context) === "cancel") return canceledJob(context, job, candidates);
    candidates.push(await runCandidate(context, job, index, k));
  }
  const outcome = await finishJob(context, job, candidates);
  const result: RunJobLog = {
    ...jobBase(context, job),
    ...outcome,
    candidates,
    ms: Math.round(performance.now() - started),
  };
  progress(context, {
    phase: "job_done",
    job: job.id,
    jobIndex: index + 1,
    jobs: context.plan.jobs.length,
    candidate: 0,
    candidates: job.outputs.length,
    status: result.status,
    selected_candidate: result.selected_candidate,
    final_output: result.final_output,
    ...(result.error ? { error: result.error } : {}),
  });
  return result;
}

/** A job's outcome fields: status, error, selection and final output. */
type JobOutcome = Pick<
  RunJobLog,
  | "status"
  | "error"
  | "selected_candidate"
  | "final_output"
  | "final_output_archived_previous"
  | "final_postprocessed_output"
>;

/**
 * Picks the best generated candidate and, with several candidates, copies it to
 * `outputs/<job_id>.png` (with one, the candidate already is that file). No generated candidate
 * fails the job; a best candidate with hard guard failures keeps its output as `failed_guard`.
 */
async function finishJob(context: RunContext, job: PlannedJob, candidates: RunCandidateLog[]): Promise<JobOutcome> {
  // With the guard off every generated candidate ranks the same, so the first one wins.
  const best = pickBestCandidate(
    candidates.map((candidate) => (candidate.status === "generated" ? selectionRank(candidate) : undefined)),
  );
  const chosen = best === undefined ? undefined : candidates[best];
  const none = { selected_candidate: null, final_output: null, final_output_archived_previous: null };
  if (chosen === undefined) {
    const last = candidates.at(-1)?.error ?? "unknown";
    return { status: "failed", error: `All ${candidates.length} candidate(s) failed; last error: ${last}`, ...none };
  }
  const rel = (path: string) => logPath(context.root, path);
  const finalPath = candidateOutputs(context.root, job.id, 1)[0] as string;
  const source = job.outputs[chosen.candidate_index - 1] as string;
  let archived: string | undefined;
  if (finalPath !== source) {
    try {
      archived = await replaceFile(context, finalPath, await readFile(source));
    } catch (error) {
      const why = describe(error, context.apiKey);
      const message = `Could not copy candidate ${chosen.candidate_index} to ${rel(finalPath)}: ${why}`;
      return { status: "failed", error: message, ...none, selected_candidate: chosen.candidate_index };
    }
  }
  const outputs = {
    selected_candidate: chosen.candidate_index,
    final_output: rel(finalPath),
    final_output_archived_previous: archived === undefined ? null : rel(archived),
    ...(chosen.postprocess ? { final_postprocessed_output: chosen.postprocess.final_output } : {}),
  };
  const failedStage = chosen.postprocess?.stages.find((stage) => stage.status === "failed");
  if (failedStage) {
    return {
      status: "failed",
      error: `Post-processing failed at ${failedStage.stage}: ${failedStage.error}`,
      ...outputs,
    };
  }
  const failsGuard = (chosen.rank?.hard_failures ?? 0) > 0;
  return {
    status: failsGuard ? "failed_guard" : "done",
    ...(failsGuard ? { error: guardError(chosen) } : {}),
    ...outputs,
  };
}

/** A candidate's rank for selection: the guard's, with a failed post-process chain as one more hard failure. */
function selectionRank(candidate: RunCandidateLog): CandidateRank {
  const rank = candidate.rank ?? unranked;
  if (candidate.postprocess?.status !== "failed") return rank;
  return { ...rank, hard_failures: rank.hard_failures + 1 };
}

/** The job fields every outcome shares. */
function jobBase(context: RunContext, job: PlannedJob) {
  return {
    id: job.id,
    mode: job.mode,
    time: job.time,
    weather: job.weather,
    input_images: job.input_images.map((path) => logPath(context.root, path)),
    prompt: job.prompt,
  };
}

/** Why the best candidate still fails the guard, for the job's `error`. */
function guardError(candidate: RunCandidateLog): string {
  const reasons = candidate.output_guard?.files.flatMap((file) => file.hard_fail_reasons) ?? [];
  return `Best candidate ${candidate.candidate_index} fails the output guard: ${reasons.join(", ")}`;
}

/** A job the run never reached because it stopped on an unexpected error. */
function unrunJob(context: RunContext, job: PlannedJob, error: string): RunJobLog {
  return {
    ...jobBase(context, job),
    status: "failed",
    error: `Not run: the run stopped early (${error})`,
    selected_candidate: null,
    final_output: null,
    final_output_archived_previous: null,
    candidates: [],
    ms: 0,
  };
}

/** One candidate: the request with retries, the tagged PNG written in place, then the guard. */
async function runCandidate(context: RunContext, job: PlannedJob, index: number, k: number): Promise<RunCandidateLog> {
  const started = performance.now();
  const output = job.outputs[k] as string;
  const where = {
    job: job.id,
    jobIndex: index + 1,
    jobs: context.plan.jobs.length,
    candidate: k + 1,
    candidates: job.outputs.length,
  };
  const entry: RunCandidateLog = {
    candidate_index: k + 1,
    output: logPath(context.root, output),
    status: "failed",
    attempts: [],
    rank: null,
    output_guard: null,
    sha256: null,
    bytes: null,
    archived_previous: null,
    ms: 0,
  };
  const finish = (error?: string): RunCandidateLog => {
    entry.ms = Math.round(performance.now() - started);
    if (error !== undefined) entry.error = error;
    progress(context, {
      phase: error === undefined ? "candidate_done" : "candidate_failed",
      ...where,
      ...(error ? { error } : {}),
    });
    return entry;
  };

  progress(context, { phase: "request", ...where, attempt: 1 });
  const { options } = context;
  const outcome = await withRetries(
    () =>
      editImage(
        context.client,
        {
          model: options.model,
          size: options.size,
          quality: options.quality,
          prompt: job.prompt,
          images: job.input_images,
        },
        { signal: options.abortSignal, confineTo: options.confineTo },
      ),
    {
      attempts: context.maxAttempts,
      retryDelayMs: context.retryDelayMs,
      apiKey: context.apiKey,
      stopSignal: options.interruptSignal ?? options.abortSignal,
      onRetry: (attempt, delayMs) =>
        progress(context, { phase: "retry", ...where, attempt: attempt.attempt + 1, delayMs, error: attempt.error }),
    },
  );
  entry.attempts = outcome.attempts;
  if (!outcome.ok) {
    await stopOnFailedAttempt(context, job, entry);
    return finish(outcome.error.message);
  }
  if (outcome.value.usage) entry.usage = outcome.value.usage;

  try {
    const png = embedPngText(outcome.value.png, pngTags(context, job, k + 1));
    const archived = await replaceFile(context, output, png);
    entry.archived_previous = archived === undefined ? null : logPath(context.root, archived);
    entry.sha256 = createHash("sha256").update(png).digest("hex");
    entry.bytes = png.length;
    // The IHDR chunk always comes first: width and height are bytes 16-23 of any PNG.
    entry.width = png.readUInt32BE(16);
    entry.height = png.readUInt32BE(20);
  } catch (error) {
    return finish(`Could not write ${entry.output}: ${describe(error, context.apiKey)}`);
  }
  entry.status = "generated";
  const checked = await postprocessCandidate(context, entry, output);

  // checkImage never throws for a bad image: an unreadable one is a hard failure in the result.
  const guard = context.request.output_guard;
  if (!guard.enabled) return finish();
  const result = await checkImage(checked, guard);
  const file = { ...result, file: logPath(context.root, checked) };
  entry.rank = rankCandidate([result], guard);
  entry.output_guard = {
    checked_input: file.file,
    summary: {
      total_files: 1,
      hard_failures: file.hard_fail_reasons.length > 0 ? 1 : 0,
      soft_warnings: file.soft_warnings.length > 0 ? 1 : 0,
    },
    files: [file],
  };
  return finish();
}

/**
 * Runs the post-process chain on a generated candidate when any stage is on, records it on the
 * entry, and returns the file the guard should check: the chain's last output (the last good file
 * when a stage failed), or the candidate itself when nothing is enabled.
 */
async function postprocessCandidate(context: RunContext, entry: RunCandidateLog, output: string): Promise<string> {
  const postprocess = context.options.postprocess;
  if (!postprocess || enabledPostprocessStages(postprocess.settings).length === 0) return output;
  const given = postprocess.context ?? {};
  const chain = await runPostprocessChain(output, postprocess.settings, {
    ...given,
    projectRoot: context.root,
    archiveReplaced: context.request.archive_replaced,
    stamp: context.stamp,
    // The refine pass uses the run's own key and endpoint unless told otherwise.
    keys: { openai: context.apiKey, ...given.keys },
    baseUrls: { openai: context.options.baseURL, ...given.baseUrls },
  });
  entry.postprocess = await chainForLog(context.root, chain);
  return chain.final_output;
}

/** What a generated PNG carries about its origin; the prompt under the registered `Description` keyword. */
function pngTags(context: RunContext, job: PlannedJob, candidate: number): PngTextEntry[] {
  return [
    { keyword: "kroma:run_id", text: context.runId },
    { keyword: "kroma:job_id", text: job.id },
    { keyword: "kroma:candidate", text: String(candidate) },
    { keyword: "Description", text: job.prompt },
    { keyword: "Software", text: context.software },
  ];
}

/**
 * Writes `bytes` to `path` so the file appears whole or not at all: a temporary file in the same
 * directory (so the rename stays on one filesystem), then, when `archive_replaced` is on, the old
 * file moved to `archive/replaced/`, then the rename. Returns where the old file went. The old
 * file is only archived once the new bytes are safely on disk.
 */
async function replaceFile(context: RunContext, path: string, bytes: Buffer): Promise<string | undefined> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    const archived = context.request.archive_replaced
      ? await archiveReplaced(context.root, path, context.stamp)
      : undefined;
    await rename(temp, path);
    return archived;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Sends a progress event; a failing display must never stop a paid run. */
function progress(context: RunContext, event: RunProgressEvent): void {
  try {
    context.options.onProgress?.(event);
  } catch {
    // ignored on purpose
  }
}

/** Sums token usage over the generated candidates; null when the API reported none. */
function totalUsage(candidates: RunCandidateLog[]): PaidRunLog["usage"] {
  const reported = candidates.flatMap((candidate) => (candidate.usage ? [candidate.usage] : []));
  if (reported.length === 0) return null;
  const sum = (key: "input_tokens" | "output_tokens" | "total_tokens") =>
    reported.reduce((total, usage) => total + (usage[key] ?? 0), 0);
  return { input_tokens: sum("input_tokens"), output_tokens: sum("output_tokens"), total_tokens: sum("total_tokens") };
}

/** Dollars to six decimals: enough for an estimate, without float noise in the log. */
function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The base URL without credentials or query, or null for the SDK's default. */
function safeBaseUrl(baseURL: string | undefined): string | null {
  if (!baseURL) return null;
  try {
    const url = new URL(baseURL);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}

/** An error's message with the API key (and anything shaped like a key) masked. */
function describe(error: unknown, apiKey: string): string {
  return redact(error instanceof Error ? error.message : String(error), apiKey);
}
