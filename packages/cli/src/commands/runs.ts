import { describeSpendEstimate } from "@kroma/pipeline";
import type { KromaClient, RunEvent } from "@kroma/sdk";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions } from "../output.js";
import { runBrowseCommands } from "./browse.js";
import { reviewCommands } from "./runs-review.js";
import { sheetCommand } from "./runs-sheet.js";
import { runRemoveCommands } from "./trash.js";

interface TriggerFlags {
  project: string;
  mode?: "dry" | "run";
  confirmSpend?: boolean;
  input?: string;
  sceneRefs?: string;
  styleRefs?: string;
  stage?: "style" | "time" | "weather";
  time?: "day" | "night";
  weather?: "clear" | "rain";
  candidates?: string;
  model?: string;
  size?: string;
  quality?: string;
  maxSpend?: string;
  watch?: boolean;
  wait?: boolean;
}

interface RerunFlags {
  project: string;
  failed?: boolean;
  jobs?: string;
  confirmSpend?: boolean;
  maxSpend?: string;
  watch?: boolean;
  wait?: boolean;
}

/** What a trigger or rerun answers: the run queued, or finished when the client waited. */
type Queued = Awaited<ReturnType<KromaClient["runs"]["trigger"]>>["pipeline_trigger"];

/** `--max-spend 0.5` or `--max-spend $0.5` as `max_spend_usd`. */
const maxSpendOf = (value?: string) => (value === undefined ? undefined : Number(value.replace(/^\$/, "")));

/** Statuses a run ends in; anything else is still going. */
const finalStatuses = new Set(["succeeded", "partial", "failed", "canceled", "interrupted"]);

/**
 * `kroma runs`: runs the server executes — queue one, follow its progress, cancel or resume it.
 * (Runs on this machine without a server are `kroma lab run`.)
 */
export function runsCommand(program: Command, globals: () => GlobalOptions): void {
  const runs = program
    .command("runs")
    .description("Queue, follow, cancel and resume runs the server executes; select, approve or reject their finals");
  const client = () => apiClient(globals());

  runs
    .command("trigger")
    .description("Queue a dry (default) or paid run on the server; --watch follows it to the end")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--mode <mode>", "dry | run (run spends money: needs --confirm-spend)")
    .option("--confirm-spend", "confirm that a paid run may spend money")
    .option("--input <path>", "an image or folder under the project root")
    .option("--scene-refs <list>", "comma-separated scene images under the project root")
    .option("--style-refs <list>", "comma-separated style references under the project root")
    .option("--stage <stage>", "style | time | weather")
    .option("--time <time>", "day | night")
    .option("--weather <weather>", "clear | rain")
    .option("--candidates <n>", "images per job (1..6)")
    .option("--model <name>", "image model (default: the server's OPENAI_IMAGE_MODEL, else gpt-image-1)")
    .option(
      "--size <size>",
      "image size, one the model accepts (default: the server's OPENAI_IMAGE_SIZE, else 1024x1536)",
    )
    .option("--quality <quality>", "image quality (default: the server's OPENAI_IMAGE_QUALITY, else medium)")
    .option(
      "--max-spend <usd>",
      "refuse the run (nothing queued or sent) when its spend estimate exceeds this many dollars (max_spend_usd)",
    )
    .option("--watch", "follow the run's progress until it ends")
    .option(
      "--wait",
      "answer once the run has ended (at most the server's KROMA_TRIGGER_WAIT_MAX_S); exit 1 unless it succeeded",
    )
    .action(async (flags: TriggerFlags) => {
      const list = (value?: string) => value?.split(",").map((item) => item.trim());
      const body = {
        mode: flags.mode,
        confirm_spend: flags.confirmSpend,
        input: flags.input,
        scene_refs: list(flags.sceneRefs),
        style_refs: list(flags.styleRefs),
        stage: flags.stage,
        time: flags.time,
        weather: flags.weather,
        candidates: flags.candidates === undefined ? undefined : Number(flags.candidates),
        model: flags.model,
        size: flags.size,
        quality: flags.quality,
        max_spend_usd: maxSpendOf(flags.maxSpend),
      };
      const { pipeline_trigger } = await client().runs.trigger(flags.project, body, { wait: flags.wait });
      await report(pipeline_trigger, flags);
    });

  runs
    .command("rerun")
    .description("Queue a new run of a run's failed jobs (--failed) or chosen ones (--jobs), as it was recorded")
    .argument("<run_id>", "the run to run again")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--failed", "the jobs that did not finish (failed, failed_guard, canceled)")
    .option("--jobs <list>", "comma-separated job ids or job keys (e.g. the jobs a reviewer rejected)")
    .option("--confirm-spend", "confirm that a paid run may spend money")
    .option("--max-spend <usd>", "refuse the new run when its spend estimate exceeds this many dollars")
    .option("--watch", "follow the new run's progress until it ends")
    .option("--wait", "answer once the new run has ended; exit 1 unless it succeeded")
    .action(async (runId: string, flags: RerunFlags) => {
      const jobs = flags.jobs?.split(",").map((item) => item.trim());
      const body = {
        ...(jobs ? { job_ids: jobs } : { jobs: flags.failed ? ("failed" as const) : ("all" as const) }),
        confirm_spend: flags.confirmSpend,
        max_spend_usd: maxSpendOf(flags.maxSpend),
      };
      if (jobs && flags.failed) throw new Error("Give one of --failed and --jobs");
      const { pipeline_trigger } = await client().runs.rerun(flags.project, runId, body, { wait: flags.wait });
      await report(pipeline_trigger, flags);
    });

  /** Prints a queued (or waited-for) run as the trigger does, then follows it with --watch. */
  async function report(queued: Queued, flags: { project: string; watch?: boolean; wait?: boolean }) {
    const estimate = describeSpendEstimate(queued.spend_estimate).map((line) => `  estimate ${line}`);
    const lines = [`Run ${queued.run_id} ${queued.status}`, ...estimate, ...(queued.stdout ? [queued.stdout] : [])];
    if (!flags.watch || queued.status_code !== undefined) {
      emit(globals(), queued, () => lines.join("\n"));
      if (flags.wait && queued.status_code !== 0) {
        throw new CommanderError(1, "kroma.runs.unsuccessful", queued.status);
      }
      return;
    }
    if (!globals().json) process.stdout.write(`${lines.join("\n")}\n`);
    await watch(client(), globals(), flags.project, queued.run_id);
  }

  runs
    .command("watch")
    .description("Follow a run's progress until it ends; exit 1 unless it succeeded")
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .action((runId: string, flags: { project: string }) => watch(client(), globals(), flags.project, runId));

  runs
    .command("cancel")
    .description("Cancel a queued run, or stop a running one before its next image request")
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (runId: string, flags: { project: string }) => {
      const result = await client().runs.cancel(flags.project, runId);
      emit(globals(), result, () => `Run ${runId} ${result.run.status}`);
    });

  runs
    .command("resume")
    .description("Continue an interrupted, canceled, partial or failed run; jobs that finished before are kept")
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--watch", "follow the run's progress until it ends")
    .action(async (runId: string, flags: { project: string; watch?: boolean }) => {
      const result = await client().runs.resume(flags.project, runId);
      if (flags.watch) return watch(client(), globals(), flags.project, runId);
      emit(globals(), result, () => `Run ${runId} ${result.run.status}`);
    });

  reviewCommands(runs, client, globals);
  runBrowseCommands(runs, client, globals);
  sheetCommand(runs, client, globals);
  runRemoveCommands(runs, client, globals);
}

/** Prints each event as a line (or JSON line) until the run ends; a run that did not succeed exits 1. */
async function watch(kroma: KromaClient, options: GlobalOptions, slug: string, runId: string): Promise<void> {
  let last: RunEvent | undefined;
  for await (const event of kroma.runs.events(slug, runId)) {
    last = event;
    process.stdout.write(options.json ? `${JSON.stringify(event)}\n` : `${describeEvent(event)}\n`);
  }
  if (!last || !finalStatuses.has(last.status)) throw new Error(`The event stream of run ${runId} ended early`);
  // run() turns a CommanderError into its exit code without printing again: the lines said it all.
  if (last.status !== "succeeded") throw new CommanderError(1, "kroma.runs.unsuccessful", last.status);
}

/** "job 2/3 style_2_b: done", "status running", "done succeeded (3 jobs, 3 done)". */
function describeEvent(event: RunEvent): string {
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
