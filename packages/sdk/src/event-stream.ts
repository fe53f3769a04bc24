import { type EventSourceMessage, EventSourceParserStream } from "eventsource-parser/stream";
import { KromaApiError } from "./errors.js";
import type { RunEvent } from "./run-events.js";

/** A run event as streamed, with the server's event id (what `Last-Event-ID` resumes after). */
export type StreamedRunEvent = RunEvent & {
  /** The `id:` of the server-sent event; the `done` of an already finished run has none. */
  id?: string;
};

export interface RunEventsOptions {
  /** Stops listening: the iterator throws the abort reason. */
  signal?: AbortSignal;
  /** Starts after this event (an `id` streamed before), as a reconnect does. */
  lastEventId?: string;
  /**
   * How many times in a row a dropped stream is reopened before `events()` gives up with a
   * `network_error` (default 5). The count starts again whenever the server sends anything.
   */
  maxReconnects?: number;
}

/** Opens one connection, resuming after `lastEventId`; throws `KromaApiError` on an HTTP error. */
export type OpenEventStream = (lastEventId: string | undefined) => Promise<Response>;

/** Waits before reopening: at once after a working stream dropped, then 250 ms doubling to 5 s. */
function pause(failures: number, signal: AbortSignal | undefined): Promise<void> {
  const ms = failures <= 1 ? 0 : Math.min(250 * 2 ** (failures - 2), 5000);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }, ms);
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** One connection's messages; `onComment` hears the keep-alives, which show the stream is alive. */
function messages(response: Response, onComment: () => void): ReadableStream<EventSourceMessage> {
  if (!response.body) throw new TypeError("the event stream has no body");
  return response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream({ onComment }));
}

/**
 * A run's events across connections until its `done` event. A connection that drops (the fetch
 * fails, the body breaks off, or it ends before `done`) is reopened with the last event id seen,
 * so the server sends only what came after: no event is lost or repeated while the run is live.
 * HTTP errors (404, 429...) and the caller's abort end the iteration at once.
 */
export async function* followRunEvents(
  open: OpenEventStream,
  options: RunEventsOptions = {},
): AsyncGenerator<StreamedRunEvent> {
  const maxReconnects = options.maxReconnects ?? 5;
  let lastEventId = options.lastEventId;
  let failures = 0;
  for (;;) {
    let dropped: unknown;
    try {
      for await (const message of messages(await open(lastEventId), () => {
        failures = 0;
      })) {
        failures = 0;
        if (message.id) lastEventId = message.id;
        const event = JSON.parse(message.data) as RunEvent;
        yield message.id ? { ...event, id: message.id } : event;
        if (event.type === "done") return;
      }
      dropped = new Error("the stream ended before the run's done event");
    } catch (error) {
      // A transport failure is a TypeError in every fetch (Node's and browsers'); anything else is not ours to retry.
      if (options.signal?.aborted || !(error instanceof TypeError)) throw error;
      dropped = error;
    }
    failures++;
    if (failures > maxReconnects) throw lostStream(dropped, maxReconnects);
    await pause(failures, options.signal);
  }
}

function lostStream(cause: unknown, attempts: number): KromaApiError {
  const reason = (cause as { cause?: { code?: string } }).cause?.code ?? (cause as Error).message;
  return new KromaApiError({
    message: `Lost the run's event stream and could not reopen it (${attempts} attempts): ${reason}`,
    kind: "infra",
    code: "network_error",
    status: 0,
    cause,
  });
}
