import { join } from "node:path";
import type { Context } from "hono";
import type { RunEventHub } from "./events.js";
import type { RunProject } from "./execute.js";
import { activeRunStatuses, type RunJobRecord, type RunRecord } from "./repository.js";

/** How long a trigger that asks to wait is held open at most, in seconds (`KROMA_TRIGGER_WAIT_MAX_S`). */
export const defaultTriggerWaitMaxS = 300;

/**
 * The `wait=<seconds>` of a `Prefer` header (RFC 7240: preferences separated by commas, each
 * `name[=value]` with `;` parameters after it); undefined when it names none, or not a whole
 * number of seconds.
 *
 * @example preferredWaitS("respond-async, wait=10") // 10
 */
export function preferredWaitS(header: string | undefined): number | undefined {
  for (const preference of (header ?? "").split(",")) {
    const [name, value] = (preference.split(";")[0] ?? "").split("=").map((part) => part.trim());
    if (name?.toLowerCase() !== "wait" || value === undefined) continue;
    const seconds = Number(value.replace(/^"(.*)"$/, "$1"));
    if (Number.isInteger(seconds) && seconds >= 0) return seconds;
  }
  return undefined;
}

/**
 * How long a trigger waits for its run, in seconds: the `Prefer` header's wait, else the server's
 * most when the body says `wait: true`, never more than that most; 0 answers at once.
 */
export function triggerWaitS(bodyWait: boolean | undefined, prefer: string | undefined, maxS: number): number {
  const preferred = preferredWaitS(prefer);
  if (preferred !== undefined) return Math.min(preferred, maxS);
  return bodyWait === true ? maxS : 0;
}

/** Whether a run has left the queue for good (or until someone resumes it). */
export function hasEnded(run: Pick<RunRecord, "status">): boolean {
  return !activeRunStatuses.includes(run.status);
}

/**
 * Resolves when the run's `done` event is published, or `ms` have passed. `reload` is asked once
 * listening has started, so a run that ended before is not waited on.
 */
export function waitForRunEnd(
  hub: RunEventHub,
  runId: string,
  ms: number,
  reload: () => Promise<RunRecord | undefined>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let ended = false;
    let stop: (() => void) | undefined;
    const end = () => {
      ended = true;
      clearTimeout(timer);
      stop?.();
      resolve();
    };
    const timer = setTimeout(end, ms);
    stop = hub.subscribe(runId, 0, ({ event }) => {
      if (event.type === "done") end();
    });
    if (ended) stop?.();
    reload().then((run) => {
      if (!run || hasEnded(run)) end();
    }, reject);
  });
}

/** What a waited answer adds for an upstream-style client: its exit code and its stdout summary. */
export function upstreamOutcome(project: RunProject, run: RunRecord, jobs: RunJobRecord[]) {
  const logPath = run.run_log_path ? join(project.root, run.run_log_path) : "(none)";
  const lines = [`Run log: ${logPath}`, `Jobs: ${jobs.length}`, ...(run.error ? [`Error: ${run.error}`] : [])];
  return { status_code: run.status === "succeeded" ? 0 : 1, stdout: lines.join("\n") };
}

/** Says the wait was honoured: `Preference-Applied: wait=<seconds>`. */
export function applyWaitPreference(context: Context, seconds: number): void {
  context.header("Preference-Applied", `wait=${seconds}`);
}
