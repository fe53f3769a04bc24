import { Writable } from "node:stream";

/** What a progress reporter of the CLI offers: events in, and a stop that ends its output. */
interface Reporter<E> {
  onProgress(event: E): void;
  stop(): void;
}

/**
 * Everything a progress reporter writes for `events` to a stream that is a terminal (`tty`, 100
 * columns wide) or not, as the CLI's stderr would be.
 */
export function reportedText<E>(makeReporter: (stream: NodeJS.WriteStream) => Reporter<E>, tty: boolean, events: E[]) {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = tty;
  stream.columns = 100;
  const progress = makeReporter(stream as unknown as NodeJS.WriteStream);
  for (const event of events) progress.onProgress(event);
  progress.stop();
  return text;
}
