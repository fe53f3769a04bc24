import type { KromaClient, RunEvent } from "@kroma/sdk";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { CommanderError } from "commander";
import type { GlobalOptions } from "../output.js";

// Following a server run's events: `kroma runs watch`, and `runs trigger|rerun|resume --watch`.

/** Statuses a run ends in; anything else is still going. */
export const finalStatuses = new Set(["succeeded", "partial", "failed", "canceled", "interrupted"]);

/** What draws a run's events: one call per event, and a stop that ends its output. */
export interface RunEventReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

/**
 * Draws a run's events on `stream`: on a terminal a bar of the jobs done with the step in flight,
 * keeping a line per status change and finished job; otherwise one plain line per event.
 */
export function runEventReporter(stream: NodeJS.WriteStream): RunEventReporter {
  if (stream.isTTY !== true) {
    return { onEvent: (event) => stream.write(`${describeRunEvent(event)}\n`), stop: () => {} };
  }
  const bars = new MultiBar(
    { stream, format: "{bar} {value}/{total} jobs · {step}", hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let bar: SingleBar | undefined;
  // Nothing drawn yet (a finished run's stream is its done event alone): nothing to stop or clear.
  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped || !started) return;
    stopped = true;
    bars.update();
    bars.stop();
  };
  /** A lasting line above the bar; the bar is drawn now, not on its timer. */
  const log = (line: string) => {
    started = true;
    bars.log(`${line}\n`);
    bars.update();
  };
  return {
    onEvent(event) {
      if (event.type === "done") {
        stop();
        stream.write(`${describeRunEvent(event)}\n`);
        return;
      }
      if (event.type === "status") return log(describeRunEvent(event));
      started = true;
      bar ??= bars.create(event.jobs, 0, { step: "" });
      if (event.phase === "job_done" || event.phase === "job_skipped") {
        bar.increment(1, { step: "" });
        return log(describeRunEvent(event));
      }
      const retry = event.phase === "retry" ? ` · retry ${event.attempt} (${event.error})` : "";
      bar.update({
        step: `job ${event.job_index} ${event.job} · candidate ${event.candidate}/${event.candidates}${retry}`,
      });
    },
    stop,
  };
}

/**
 * Follows a run until it ends: its events as JSON lines with `--json`, else the run id first
 * (unless the caller printed it already) and then the reporter's lines or bar on stdout. A run
 * that did not succeed exits 1; a stream that ends before the run does is an error.
 */
export async function watchRun(
  kroma: KromaClient,
  options: Pick<GlobalOptions, "json">,
  slug: string,
  runId: string,
  { announce = true }: { announce?: boolean } = {},
): Promise<void> {
  const reporter: RunEventReporter = options.json
    ? { onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`), stop: () => {} }
    : runEventReporter(process.stdout);
  if (announce && !options.json) process.stdout.write(`Run ${runId}\n`);
  let last: RunEvent | undefined;
  try {
    for await (const event of kroma.runs.events(slug, runId)) {
      last = event;
      reporter.onEvent(event);
    }
  } finally {
    reporter.stop();
  }
  if (!last || !finalStatuses.has(last.status)) throw new Error(`The event stream of run ${runId} ended early`);
  // run() turns a CommanderError into its exit code without printing again: the lines said it all.
  if (last.status !== "succeeded") throw new CommanderError(1, "kroma.runs.unsuccessful", last.status);
}

/** "job 2/3 style_2_b: done", "status running", "done succeeded (3 jobs, 3 done)". */
export function describeRunEvent(event: RunEvent): string {
  if (event.type === "status") return `status ${event.status}`;
  if (event.type === "done") {
    const summary = event.summary as { jobs?: number; done?: number } | null | undefined;
    const counts = summary ? ` (${summary.jobs ?? 0} jobs, ${summary.done ?? 0} done)` : "";
    return `done ${event.status}${counts}${event.error ? `: ${event.error}` : ""}`;
  }
  const where = `job ${event.job_index}/${event.jobs} ${event.job}`;
  if (event.phase === "job_done" || event.phase === "job_skipped")
    return `${where}: ${event.job_status ?? event.phase}`;
  const retry = event.phase === "retry" ? ` (retry ${event.attempt}: ${event.error})` : "";
  return `${where} candidate ${event.candidate}/${event.candidates}: ${event.phase}${retry}`;
}
