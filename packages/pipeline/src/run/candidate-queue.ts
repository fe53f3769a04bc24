import type { PlannedJob } from "../plan/plan.js";
import {
  checkBeforeRequest,
  finishCandidate,
  newCandidate,
  type RequestedCandidate,
  requestCandidate,
} from "./candidate.js";
import { type RunContext, RunInterruptedError, stopKind } from "./context.js";
import type { RunCandidateLog } from "./log.js";

// A job's candidates as a pipeline. Image requests take tens of seconds and post-processing and
// the guard seconds, so they overlap: up to `context.concurrency` requests are in flight while the
// candidates already answered are written, post-processed and guarded, one at a time and in
// candidate order. Order is what keeps a run reproducible: candidate k writes its own path, the
// log lists candidates by k, and live records and events go out in k order, whatever order the
// answers came back in.

/** Why no request was sent for a candidate: the run was asked to stop first. */
interface Stopped {
  stopped: "interrupt" | "cancel";
}

/** One candidate's place in the pipeline: filled once its request is over, or it is stopped. */
interface Slot {
  promise: Promise<RequestedCandidate | Stopped>;
  fill(value: RequestedCandidate | Stopped | Promise<RequestedCandidate>): void;
}

function slot(): Slot {
  let fill: Slot["fill"] = () => undefined;
  const promise = new Promise<RequestedCandidate | Stopped>((resolve) => {
    fill = resolve;
  });
  // A later candidate's request can fail (an abort) while an earlier one is still awaited; it is
  // awaited in its turn or settled in runCandidates' finally, but until then nothing listens, and
  // Node would report (or, by default, crash on) an unhandled rejection. Mark it handled now.
  promise.catch(() => undefined);
  return { promise, fill };
}

/**
 * Runs every candidate of `job`, handing each finished one to `onFinished` (awaited) in candidate
 * order. Returns "cancel" when a cancel stopped it before a request (the candidates finished so far
 * were handed over); throws {@link RunInterruptedError} on an interrupt, once every request in
 * flight has settled, so no request goes on unobserved and an aborted one is journaled first.
 */
export async function runCandidates(
  context: RunContext,
  job: PlannedJob,
  index: number,
  onFinished: (candidate: RunCandidateLog) => Promise<void>,
): Promise<"cancel" | undefined> {
  const slots = job.outputs.map(() => slot());
  const halt = { halted: false };
  const launching = launchRequests(context, job, index, slots, halt);
  try {
    for (const { promise } of slots) {
      const requested = await promise;
      if ("stopped" in requested) {
        if (requested.stopped === "interrupt") throw new RunInterruptedError(context.runId);
        return "cancel";
      }
      await onFinished(await finishCandidate(context, job, requested));
    }
    return undefined;
  } finally {
    halt.halted = true;
    await launching;
    await Promise.allSettled(slots.map(({ promise }) => promise));
  }
}

/**
 * Sends the candidates' requests in candidate order, at most `context.concurrency` in flight. The
 * stop signals and the caller's check (the server's budget) are consulted before each request,
 * one request at a time, so a check always sees every request sent before it. Once stopped (or
 * `halt`ed by a finisher that gave up) it sends nothing more and marks the rest stopped.
 */
async function launchRequests(
  context: RunContext,
  job: PlannedJob,
  index: number,
  slots: Slot[],
  halt: { halted: boolean },
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const [k, current] of slots.entries()) {
    while (inFlight.size >= context.concurrency) await Promise.race(inFlight);
    const stop = halt.halted ? "interrupt" : stopKind(context);
    if (stop) {
      for (const rest of slots.slice(k)) rest.fill({ stopped: stop });
      return;
    }
    const candidate = newCandidate(context, job, k);
    // A post-process run's candidate is the source asset itself: nothing to request or pay for.
    if (job.source_asset) {
      current.fill(candidate);
      continue;
    }
    const refused = await checkBeforeRequest(context);
    if (refused !== undefined) {
      current.fill({ ...candidate, error: refused });
      continue;
    }
    const pending = requestCandidate(context, job, index, candidate);
    // Settled either way: a failed request's error reaches the finisher through its slot.
    const settled: Promise<void> = pending.then(
      () => void inFlight.delete(settled),
      () => void inFlight.delete(settled),
    );
    inFlight.add(settled);
    current.fill(pending);
  }
}
