import type { KromaClient } from "@kroma/sdk";
import type { Command } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";

// `kroma runs select|approve|reject|undo|history`: choosing and approving a run's finals. JOB is
// the job's record id (`job_...`) or its key in the run (`style_1_alley`).

interface DecisionFlags {
  project: string;
  note?: string;
}

/** The job's record id, from its id or its key in the run. */
async function jobIdOf(kroma: KromaClient, slug: string, runId: string, job: string): Promise<string> {
  if (job.startsWith("job_")) return job;
  const { jobs } = await kroma.runs.jobs(slug, runId);
  const found = jobs.find((row) => row.job_key === job);
  if (!found) {
    const keys = jobs.map((row) => row.job_key).join(", ") || "none";
    throw new Error(`Run ${runId} has no job '${job}' (its jobs: ${keys})`);
  }
  return found.id;
}

function decided(result: Awaited<ReturnType<KromaClient["runs"]["approve"]>>): string {
  const { job, review } = result;
  const baseline = result.baseline ? `; baseline of ${result.baseline.scene}` : "";
  return `${job.job_key}: ${review.action} -> ${review.state}, final = candidate ${job.selected_candidate_index ?? "-"}${baseline}`;
}

export function reviewCommands(runs: Command, client: () => KromaClient, globals: () => GlobalOptions): void {
  const decision = (name: string, description: string) =>
    runs
      .command(name)
      .description(description)
      .argument("<run_id>", "the run")
      .argument("<job>", "the job: its id (job_...) or its key (style_1_alley)")
      .requiredOption("-p, --project <slug>", "project slug")
      .option("--note <text>", "why (kept in the review history and the audit log)");

  decision("select", "Make another candidate the job's final (its review goes back to pending)")
    .requiredOption("--candidate <k>", "the candidate's index (1..6)")
    .option("--confirm-spend", "allow a post-process step that calls a paid service")
    .action(
      async (runId: string, job: string, flags: DecisionFlags & { candidate: string; confirmSpend?: boolean }) => {
        const kroma = client();
        const jobId = await jobIdOf(kroma, flags.project, runId, job);
        const result = await kroma.runs.select(flags.project, runId, jobId, Number(flags.candidate), {
          ...(flags.note ? { note: flags.note } : {}),
          ...(flags.confirmSpend ? { confirm_spend: true } : {}),
        });
        emit(globals(), result, () => decided(result));
      },
    );

  decision("approve", "Approve the job's final")
    .option("--baseline", "also make it the project's baseline for the job's scene")
    .option("--replace-baseline", "with --baseline: replace the scene's existing baseline")
    .action(
      async (runId: string, job: string, flags: DecisionFlags & { baseline?: boolean; replaceBaseline?: boolean }) => {
        const kroma = client();
        const jobId = await jobIdOf(kroma, flags.project, runId, job);
        const result = await kroma.runs.approve(flags.project, runId, jobId, {
          ...(flags.note ? { note: flags.note } : {}),
          ...(flags.baseline ? { baseline: true } : {}),
          ...(flags.replaceBaseline ? { replace_baseline: true } : {}),
        });
        emit(globals(), result, () => decided(result));
      },
    );

  for (const [name, description] of [
    ["reject", "Reject the job's final"],
    ["undo", "Undo the job's last decision"],
  ] as const) {
    decision(name, description).action(async (runId: string, job: string, flags: DecisionFlags) => {
      const kroma = client();
      const jobId = await jobIdOf(kroma, flags.project, runId, job);
      const body = flags.note ? { note: flags.note } : {};
      const result = await kroma.runs[name](flags.project, runId, jobId, body);
      emit(globals(), result, () => decided(result));
    });
  }

  runs
    .command("history")
    .description("Every decision on a job, oldest first")
    .argument("<run_id>", "the run")
    .argument("<job>", "the job: its id (job_...) or its key (style_1_alley)")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (runId: string, job: string, flags: { project: string }) => {
      const kroma = client();
      const result = await kroma.runs.reviewHistory(
        flags.project,
        runId,
        await jobIdOf(kroma, flags.project, runId, job),
      );
      emit(globals(), result, () =>
        table(
          ["#", "ACTION", "STATE", "CANDIDATE", "WHO", "WHEN", "NOTE"],
          result.history.map((event) => [
            String(event.seq),
            event.action,
            `${event.previous_state} -> ${event.state}`,
            String(event.candidate_index ?? "-"),
            event.actor ?? "-",
            event.created_at,
            event.note ?? "",
          ]),
        ),
      );
    });
}
