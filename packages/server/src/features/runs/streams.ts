import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { tooManyRequests, unavailable } from "../../core/errors.js";
import type { NumberedRunEvent, RunEvent, RunEventHub } from "./events.js";
import { activeRunStatuses, type RunRecord } from "./repository.js";

/** Bounds of `GET /runs/{runId}/events`: each open stream holds a socket and memory until it ends. */
export interface EventStreamLimits {
  /** Open streams of one run (`KROMA_SSE_MAX_PER_RUN`); one more is a 429. */
  maxPerRun: number;
  /** Open streams in all (`KROMA_SSE_MAX_TOTAL`); one more is a 503. */
  maxTotal: number;
  /** A `: keep-alive` comment this often (`KROMA_SSE_KEEPALIVE_MS`), so proxies keep a quiet stream open. */
  keepAliveMs: number;
  /** A stream with no event for this long ends (`KROMA_SSE_IDLE_MS`); the client may reconnect with `Last-Event-ID`. */
  idleMs: number;
}

export const defaultEventStreamLimits: EventStreamLimits = {
  maxPerRun: 16,
  maxTotal: 256,
  keepAliveMs: 15_000,
  idleMs: 10 * 60_000,
};

/** Counts open event streams per run and in all, refusing one beyond the limits. */
export class EventStreamGate {
  readonly #open = new Map<string, number>();
  #total = 0;

  constructor(readonly limits: EventStreamLimits) {}

  /** Takes a slot for a stream of `runId`, or throws the 429/503; returns the function that gives it back (once). */
  open(runId: string): () => void {
    const forRun = this.#open.get(runId) ?? 0;
    if (forRun >= this.limits.maxPerRun) {
      throw tooManyRequests(
        `Run '${runId}' already has ${forRun} open event streams (KROMA_SSE_MAX_PER_RUN); close one first`,
        { limit: this.limits.maxPerRun },
      );
    }
    if (this.#total >= this.limits.maxTotal) {
      throw unavailable(
        `The server holds ${this.#total} open event streams (KROMA_SSE_MAX_TOTAL); try again later or poll GET /runs/{runId}`,
        { limit: this.limits.maxTotal },
      );
    }
    this.#open.set(runId, forRun + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#open.get(runId) ?? 1) - 1;
      if (left > 0) this.#open.set(runId, left);
      else this.#open.delete(runId);
    };
  }
}

export interface RunStreamSource {
  hub: RunEventHub;
  gate: EventStreamGate;
  run: RunRecord;
  /** The run as stored now. */
  reload: () => Promise<RunRecord | undefined>;
  /** Whether a live process (this server or another on the database) holds the run's lease. */
  ownerLive: (runId: string) => Promise<boolean>;
}

/** The `done` event of a run as stored: its status now, summary and error. */
function doneEvent(run: RunRecord): RunEvent {
  return {
    type: "done",
    run_id: run.id,
    status: run.status,
    summary: run.summary_json,
    ...(run.error ? { error: run.error } : {}),
  };
}

/**
 * Streams a run's events as server-sent events until its `done` event (or the client leaves).
 * It listens before it reads the run's status, so a run finishing in between is never missed; a
 * run already finished gets its `done` event from the database at once. The first event is one
 * `status` (the replayed history of a live run, else the stored status), never both. A run no
 * live process owns (a crashed server's, an imported `queued` one) ends with a `done` carrying
 * its stored status, checked at the start and on every keep-alive tick, which also ends the
 * stream of a run another server finished. A stream quiet for the idle limit ends with a comment
 * saying so; the client may reconnect with `Last-Event-ID`.
 */
export function streamRunEvents(context: Context, source: RunStreamSource): Response {
  const { hub, gate, run, reload, ownerLive } = source;
  const { keepAliveMs, idleMs } = gate.limits;
  const release = gate.open(run.id);
  const lastId = Number(context.req.header("last-event-id") ?? 0);
  return streamSSE(context, async (stream) => {
    let sentAny = false;
    let sentDone = false;
    let finished: () => void = () => {};
    const ended = new Promise<void>((resolve) => {
      finished = resolve;
    });
    let idle: ReturnType<typeof setTimeout> | undefined;
    const resetIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        write(`: idle for ${idleMs} ms, closing; reconnect with Last-Event-ID to go on\n\n`).then(finished, finished);
      }, idleMs);
    };
    // Writes are chained so events go out in order even though writeSSE is async.
    let writes = Promise.resolve();
    const write = (text: string) => {
      writes = writes.then(() => stream.write(text)).then(() => undefined);
      return writes;
    };
    const send = ({ id, event }: Partial<NumberedRunEvent> & Pick<NumberedRunEvent, "event">) => {
      if (sentDone) return;
      sentAny = true;
      if (event.type === "done") sentDone = true;
      resetIdle();
      writes = writes
        .then(() =>
          stream.writeSSE({ event: event.type, data: JSON.stringify(event), ...(id ? { id: String(id) } : {}) }),
        )
        .then(() => {
          if (sentDone) finished();
        });
    };
    /** Ends the stream with the stored status when the run is over or no live process owns it. */
    const endIfOrphaned = async () => {
      const now = await reload();
      if (!now) return finished();
      if (!activeRunStatuses.includes(now.status) || !(await ownerLive(now.id))) send({ event: doneEvent(now) });
    };
    const unsubscribe = hub.subscribe(run.id, Number.isFinite(lastId) ? lastId : 0, send);
    stream.onAbort(() => finished());
    const keepAlive = setInterval(() => {
      if (sentDone) return;
      write(": keep-alive\n\n")
        .then(endIfOrphaned)
        .catch(() => finished());
    }, keepAliveMs);
    resetIdle();
    try {
      const now = (await reload()) ?? run;
      // The replayed history of a live run already starts with its status.
      const shown = activeRunStatuses.includes(now.status) || now.status === "interrupted";
      if (shown && lastId === 0 && !sentAny) send({ event: { type: "status", run_id: now.id, status: now.status } });
      if (!activeRunStatuses.includes(now.status)) send({ event: doneEvent(now) });
      else if (!(await ownerLive(now.id))) send({ event: doneEvent(now) });
      await ended;
    } finally {
      clearInterval(keepAlive);
      clearTimeout(idle);
      unsubscribe();
      release();
    }
  });
}
