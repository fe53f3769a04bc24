import type { components } from "@kroma/contract/types";

/** One server-sent event's data (`RunEvent` in the spec). */
export type RunEvent = components["schemas"]["RunEvent"];

/** An event with its stream id, for `id:` and `Last-Event-ID`. */
export interface NumberedRunEvent {
  id: number;
  event: RunEvent;
}

type Listener = (event: NumberedRunEvent) => void;

interface Channel {
  events: NumberedRunEvent[];
  listeners: Set<Listener>;
}

/**
 * Live events of the runs in progress, in memory: what `GET /runs/{runId}/events` streams. Each
 * run keeps its events until it is done, so a client that reconnects with `Last-Event-ID` gets
 * what it missed; a finished run's state comes from the database instead.
 */
export class RunEventHub {
  readonly #channels = new Map<string, Channel>();

  /** Sends an event to the run's listeners; a `done` event closes the run's channel. */
  publish(event: RunEvent): void {
    const channel = this.#channel(event.run_id);
    const numbered = { id: channel.events.length + 1, event };
    channel.events.push(numbered);
    for (const listener of channel.listeners) listener(numbered);
    if (event.type === "done") this.#channels.delete(event.run_id);
  }

  /**
   * Listens to a run's events, first replaying those after `afterId` (all of them when 0).
   * Returns the function that stops listening.
   */
  subscribe(runId: string, afterId: number, listener: Listener): () => void {
    const channel = this.#channel(runId);
    for (const numbered of channel.events) if (numbered.id > afterId) listener(numbered);
    channel.listeners.add(listener);
    return () => {
      channel.listeners.delete(listener);
      if (channel.listeners.size === 0 && channel.events.length === 0) this.#channels.delete(runId);
    };
  }

  #channel(runId: string): Channel {
    let channel = this.#channels.get(runId);
    if (!channel) {
      channel = { events: [], listeners: new Set() };
      this.#channels.set(runId, channel);
    }
    return channel;
  }
}
