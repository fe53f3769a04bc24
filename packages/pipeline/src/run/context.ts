import type { Schema } from "@kroma/contract/types";
import type OpenAI from "openai";
import type { Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { redact } from "../generate/images-client.js";
import type { RunPlan } from "../plan/plan.js";
import type { PromptRecordSource, PromptRecords } from "../plan/prompt-records.js";
import type { RawRunRequest, RunRequest } from "../plan/run-request.js";
import type { SourceAssetLookup } from "../plan/source-assets.js";
import type { RunPostprocess } from "../postprocess/run-postprocess.js";
import type { AbortedImageRequest } from "./journal.js";
import type { PaidRunLog, RunJobLog } from "./log.js";

// What a paid run is given and what every job of it shares: options, progress, stop signals.

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
  status?: Schema<"RunJobStatus">;
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
  /** Where the records the request names are looked up; needed when it names any. */
  recordSource?: PromptRecordSource | undefined;
  /** Where a post-process run's assets and runs are looked up (`assets`, `from_run`). */
  sourceAssets?: SourceAssetLookup | undefined;
  /** The records already looked up (a resumed run's, from its journal); when given, `recordSource` is not asked. */
  promptRecords?: PromptRecords | undefined;
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
  /** Refuse the run, before any request, when its spend estimate exceeds this many dollars or cannot be priced fully. */
  maxSpendUsd?: number | undefined;
  /**
   * Hears the run's spend estimate once it is planned, before the first request (the CLI prints it
   * and checks the project's budget); a throw stops the run with nothing sent.
   */
  onSpendEstimate?: ((estimate: Schema<"SpendEstimate">) => void | Promise<void>) | undefined;
  /**
   * Called before each candidate's image request (not its retries); a throw fails that candidate
   * with the error's message and nothing is sent for it. The server re-checks the project's budget
   * here, so a budget lowered during a run stops its spending.
   */
  beforeImageRequest?: (() => Promise<void>) | undefined;
  now?: Date;
  cwd?: string;
  kromaVersion?: string;
  /** Attempts per candidate, retries included (default 3). */
  maxAttempts?: number;
  /** First back-off in ms, doubling per retry (default 1000). */
  retryDelayMs?: number;
  /**
   * Per-request timeout in ms (default `defaultImageTimeoutMs`, 3 minutes; the CLI and the server
   * pass `OPENAI_TIMEOUT_MS`). A timed-out attempt is retried like a network failure, so one
   * never-answering request holds its candidate at most `maxAttempts` timeouts, never the run.
   */
  timeoutMs?: number;
  /**
   * Image requests of one job in flight at once (default 1: one after another; the CLI and the
   * server pass `KROMA_IMAGE_CONCURRENCY`). Whatever it is, candidates are written, post-processed,
   * guarded, logged and announced in candidate order, each to its own output path.
   */
  concurrency?: number;
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
  /**
   * Live records: called with the run's log so far (the finished jobs, then the job in progress
   * with its candidates so far, status `running`) after each candidate and each job, and awaited
   * before that candidate's or job's progress event, so a caller that records it (the server
   * ingests it) can name in the event assets that already exist. A failure here never stops the
   * paid run: the final log is written whatever happens.
   */
  onLiveLog?: (log: PaidRunLog) => Promise<void>;
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

/** State shared by every job of one run. */
export interface RunContext {
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
  /** Requests of one job in flight at once, at least 1 (see `ExecuteRunOptions.concurrency`). */
  concurrency: number;
  software: string;
  /** `.kroma/in-progress/<run_id>.jsonl`: finished jobs, for {@link resumeRun}. */
  journalPath: string;
  /** The jobs finished so far, in plan order (a resumed run's kept jobs included). */
  finished: RunJobLog[];
  /** The run's log over `jobs`: the final one, or a live snapshot (see `onLiveLog`). */
  logOf: (jobs: RunJobLog[], fatal?: unknown) => PaidRunLog;
}

/** Hands the run's log so far to `onLiveLog`, if any; a failing recorder never stops the run. */
export async function recordLive(context: RunContext, current?: RunJobLog): Promise<void> {
  const record = context.options.onLiveLog;
  if (!record) return;
  try {
    await record(context.logOf(current ? [...context.finished, current] : context.finished));
  } catch {
    // ignored on purpose: the final log still records everything
  }
}

/** Whether the caller asked the run to stop; an interrupt wins over a cancel and throws. */
export function stopRequested(context: RunContext): "cancel" | undefined {
  const stop = stopKind(context);
  if (stop === "interrupt") throw new RunInterruptedError(context.runId);
  return stop;
}

/** Which stop the caller asked for, if any, without throwing: an interrupt wins over a cancel. */
export function stopKind(context: RunContext): "interrupt" | "cancel" | undefined {
  const { interruptSignal, abortSignal, cancelSignal } = context.options;
  if (interruptSignal?.aborted || abortSignal?.aborted) return "interrupt";
  return cancelSignal?.aborted ? "cancel" : undefined;
}

/** Sends a progress event; a failing display must never stop a paid run. */
export function progress(context: RunContext, event: RunProgressEvent): void {
  try {
    context.options.onProgress?.(event);
  } catch {
    // ignored on purpose
  }
}

/** An error's message with the API key (and anything shaped like a key) masked. */
export function describe(error: unknown, apiKey: string): string {
  return redact(error instanceof Error ? error.message : String(error), apiKey);
}
