import type { KromaDb } from "../../core/db/database.js";
import type { AgentInstructionStatus } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import {
  createAgentInstructionRepository,
  type DispatchJob,
  type InstructionChanges,
  type InstructionEvent,
} from "./repository.js";

export interface AgentDispatchOptions {
  /** Where instructions are POSTed (`IAT_AGENT_API_URL`); without it every queued instruction fails. */
  apiUrl?: string;
  /** Sent as `Authorization: Bearer <token>` (`IAT_AGENT_API_TOKEN`); never logged or stored. */
  apiToken?: string;
  /** How long one request may take. Default 20 000 ms. */
  timeoutMs?: number;
  /** A retry waits `backoffMs * attempts`. Default 1 500 ms. */
  backoffMs?: number;
  /** Pause between passes when running in the background. Default 1 000 ms. */
  pollIntervalMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
  /** Where retries and failures are reported. Default: `console.warn`. */
  log?: (message: string) => void;
}

export interface AgentDispatcher {
  /** One pass: dispatches every instruction due now, one at a time; resolves to how many it handled. */
  runOnce(): Promise<number>;
  /** Starts passing every `pollIntervalMs` in the background. */
  start(): void;
  /** Stops the background passes and waits for the dispatch in flight, if any. */
  stop(): Promise<void>;
}

export const agentDispatchDefaults = { timeoutMs: 20_000, backoffMs: 1_500, pollIntervalMs: 1_000 } as const;

export const missingAgentApiUrl = "missing_agent_api_url";

/** How one attempt ended. */
type Attempt =
  | { kind: "answered"; httpStatus: number; answer: unknown }
  | { kind: "retryable" | "fatal"; error: string; answer?: unknown };

/**
 * Sends queued agent instructions to the agent endpoint: `queued -> running -> done | failed`, with
 * retryable failures (network, timeout, HTTP 5xx/429) going back to `queued` after a growing back-off
 * until `max_attempts`. Every move writes one event and, in the same transaction, one audit event
 * with no actor (`agent_instruction.dispatch_start`, `dispatch_done`, `dispatch_failed`, `retry_scheduled`).
 *
 * @example
 * const dispatcher = createAgentDispatcher(db, { apiUrl: "https://agent.example/run" });
 * await dispatcher.runOnce();
 */
export function createAgentDispatcher(db: KromaDb, options: AgentDispatchOptions = {}): AgentDispatcher {
  const { apiUrl, apiToken } = options;
  const { timeoutMs, backoffMs, pollIntervalMs } = { ...agentDispatchDefaults, ...definedOnly(options) };
  const now = options.now ?? (() => new Date());
  const instructions = createAgentInstructionRepository(db);
  const redact = (text: string) => (apiToken ? text.split(apiToken).join("[redacted]") : text);
  const log = (message: string) => (options.log ?? console.warn)(redact(`agent dispatch: ${message}`));

  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Passes run one after another, whether from the timer or a direct runOnce().
  let passes: Promise<unknown> = Promise.resolve();

  async function pass(): Promise<number> {
    // Fixed per pass: a retry scheduled during this pass waits for a later one.
    const cutoff = now().toISOString();
    let handled = 0;
    while (!stopped) {
      const found = apiUrl ? await dispatchNext(apiUrl, cutoff) : await failNext(cutoff);
      if (!found) break;
      handled += 1;
    }
    return handled;
  }

  async function failNext(cutoff: string): Promise<boolean> {
    const failed = await instructions.failDue(cutoff, now().toISOString(), missingAgentApiUrl);
    if (failed) log(`instruction ${failed.id} failed: ${missingAgentApiUrl}`);
    return failed !== undefined;
  }

  async function dispatchNext(url: string, cutoff: string): Promise<boolean> {
    const job = await instructions.claimDue(cutoff, now().toISOString());
    if (!job) return false;
    const attempt = await send(url, job);
    const at = now();
    const { to, changes, event } = outcome(job, attempt, at);
    await instructions.settle(job.id, to, changes, event, at.toISOString());
    if (to !== "done") log(`instruction ${job.id} ${to}: ${changes.last_error}`);
    return true;
  }

  async function send(url: string, job: DispatchJob): Promise<Attempt> {
    const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
    if (apiToken) headers.Authorization = `Bearer ${apiToken}`;
    const body = JSON.stringify({
      instruction_id: job.id,
      project_slug: job.project_slug,
      instruction_type: job.instruction_type,
      objective: job.instruction_text,
      payload: job.payload_json,
      instruction_text: job.instruction_text,
    });
    try {
      const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
      const answer = parseJson(await response.text());
      if (response.ok) return { kind: "answered", httpStatus: response.status, answer };
      const retryable = response.status >= 500 || response.status === 429;
      return { kind: retryable ? "retryable" : "fatal", error: `http_${response.status}`, answer };
    } catch (error) {
      return { kind: "retryable", error: describeFailure(error, timeoutMs) };
    }
  }

  /** The status, fields and event an attempt leads to. */
  function outcome(
    job: DispatchJob,
    attempt: Attempt,
    at: Date,
  ): { to: AgentInstructionStatus; changes: InstructionChanges; event: InstructionEvent } {
    const answerJson =
      attempt.answer === undefined ? {} : { agent_response_json: storedAnswer(attempt.answer, redact) };
    if (attempt.kind === "answered") {
      const remoteStatus = field(attempt.answer, "status");
      const remoteFailed = remoteStatus === "failed";
      const error = remoteFailed
        ? redact(field(attempt.answer, "error") ?? field(attempt.answer, "message") ?? "agent reported failure")
        : null;
      return {
        to: remoteFailed ? "failed" : "done",
        changes: { ...answerJson, last_error: error },
        event: {
          type: "dispatched",
          message: `Agent answered HTTP ${attempt.httpStatus} with status ${remoteStatus === undefined ? "(none)" : `'${redact(remoteStatus)}'`}`,
        },
      };
    }
    const error = redact(attempt.error);
    const tried = `attempt ${job.attempts} of ${job.max_attempts}`;
    if (attempt.kind === "retryable" && job.attempts < job.max_attempts) {
      const next = new Date(at.getTime() + backoffMs * job.attempts).toISOString();
      return {
        to: "queued",
        changes: { ...answerJson, last_error: error, next_attempt_at: next },
        event: { type: "retry_scheduled", message: `${error} on ${tried}; retrying at ${next}` },
      };
    }
    return {
      to: "failed",
      changes: { ...answerJson, last_error: error },
      event: { type: "dispatch_failed", message: `${error} on ${tried}` },
    };
  }

  const runOnce = (): Promise<number> => {
    const result = passes.then(pass);
    passes = result.catch(() => {});
    return result;
  };

  const schedule = (delay: number) => {
    timer = setTimeout(async () => {
      timer = undefined;
      await runOnce().catch((error: unknown) => log(`pass failed: ${errorText(error)}`));
      if (!stopped) schedule(pollIntervalMs);
    }, delay);
  };

  return {
    runOnce,
    start() {
      if (started || stopped) return;
      started = true;
      passes = passes
        .then(() => instructions.requeueInterrupted(now().toISOString()))
        .then((requeued) => requeued > 0 && log(`requeued ${requeued} interrupted instruction(s)`))
        .catch((error: unknown) => log(`requeue failed: ${errorText(error)}`));
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await passes;
    },
  };
}

/**
 * Creates a dispatcher and starts its background passes.
 *
 * @example
 * const dispatcher = startAgentDispatcher(db, { apiUrl: process.env.IAT_AGENT_API_URL });
 * await dispatcher.stop();
 */
export function startAgentDispatcher(db: KromaDb, options: AgentDispatchOptions = {}): AgentDispatcher {
  const dispatcher = createAgentDispatcher(db, options);
  dispatcher.start();
  return dispatcher;
}

function definedOnly(options: AgentDispatchOptions): Partial<typeof agentDispatchDefaults> {
  return Object.fromEntries(
    (["timeoutMs", "backoffMs", "pollIntervalMs"] as const)
      .filter((key) => options[key] !== undefined)
      .map((key) => [key, options[key]]),
  );
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The answer as JSON text, with the token taken out should the agent echo it. */
function storedAnswer(answer: unknown, redact: (text: string) => string): string | null {
  return answer === null ? null : redact(toJsonText(answer));
}

/** A string field of a JSON object answer. */
function field(answer: unknown, key: string): string | undefined {
  if (typeof answer !== "object" || answer === null) return undefined;
  const value = (answer as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `timeout after ${timeoutMs} ms`;
  }
  // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, ...) in `cause`.
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `network_error: ${reason}`;
}
