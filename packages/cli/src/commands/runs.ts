import { describeSpendEstimate } from "@kroma/pipeline";
import type { KromaClient } from "@kroma/sdk";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions } from "../output.js";
import { runBrowseCommands } from "./browse.js";
import { maxSpendFromFlags, type RunRequestFlags, runBodyFromFlags, runRequestOptions } from "./run-options.js";
import { localizeRunPaths, namesPaths, pathRuleHelp, serverTarget } from "./run-paths.js";
import { watchRun } from "./run-watch.js";
import { reviewCommands } from "./runs-review.js";
import { sheetCommand } from "./runs-sheet.js";
import { runRemoveCommands } from "./trash.js";

/** `runs trigger` flags: every run option (run-options.ts), plus what only a queued run takes. */
interface TriggerFlags extends RunRequestFlags {
  project: string;
  mode?: "dry" | "run";
  confirmSpend?: boolean;
  storageSyncS3?: boolean;
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

/**
 * `kroma runs`: runs the server executes — queue one, follow its progress, cancel or resume it.
 * (Runs on this machine without a server are `kroma lab run`.)
 */
export function runsCommand(program: Command, globals: () => GlobalOptions): void {
  const runs = program
    .command("runs")
    .description("Queue, follow, cancel and resume runs the server executes; select, approve or reject their finals")
    .addHelpText("after", pathRuleHelp);
  const client = () => apiClient(globals());

  const trigger = runs
    .command("trigger")
    .description("Queue a dry (default) or paid run on the server; --watch follows it to the end")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--mode <mode>", "dry | run (run spends money: needs --confirm-spend)")
    .option("--confirm-spend", "confirm that a paid run may spend money")
    .option("--storage-sync-s3", "upload the project's new or changed files to its S3 storage after the run")
    .option("--watch", "follow the run's progress until it ends")
    .option(
      "--wait",
      "answer once the run has ended (at most the server's KROMA_TRIGGER_WAIT_MAX_S); exit 1 unless it succeeded",
    );
  runRequestOptions(trigger).action(async (flags: TriggerFlags) => {
    let request = await runBodyFromFlags(flags);
    // The path flags name files from here: under the server's root (a shared disk) by their path
    // there, any other uploaded as an asset of the project first (run-paths.ts).
    if (namesPaths(request)) request = await localizeRunPaths(request, await serverTarget(client(), flags.project));
    const body = {
      ...request,
      mode: flags.mode,
      confirm_spend: flags.confirmSpend,
      storage_sync_s3: flags.storageSyncS3,
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
        max_spend_usd: maxSpendFromFlags(flags),
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
      // --json: the API's answer as it came, as every other command prints it.
      emit(globals(), { ok: true, pipeline_trigger: queued }, () => lines.join("\n"));
      if (flags.wait && queued.status_code !== 0) {
        throw new CommanderError(1, "kroma.runs.unsuccessful", queued.status);
      }
      return;
    }
    if (!globals().json) process.stdout.write(`${lines.join("\n")}\n`);
    await watchRun(client(), globals(), flags.project, queued.run_id, { announce: false });
  }

  runs
    .command("watch")
    .description(
      "Follow a run until it ends: its id, then a progress bar on a terminal (a line per event otherwise, JSON lines with --json); exit 1 unless it succeeded",
    )
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .action((runId: string, flags: { project: string }) => watchRun(client(), globals(), flags.project, runId));

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
      if (flags.watch) {
        if (!globals().json) process.stdout.write(`Run ${runId} ${result.run.status}\n`);
        return watchRun(client(), globals(), flags.project, runId, { announce: false });
      }
      emit(globals(), result, () => `Run ${runId} ${result.run.status}`);
    });

  reviewCommands(runs, client, globals);
  runBrowseCommands(runs, client, globals);
  sheetCommand(runs, client, globals);
  runRemoveCommands(runs, client, globals);
}
