import { pickBestCandidate } from "../guard/output-guard.js";
import type { CandidateRank } from "../guard/types.js";
import type { PlannedJob } from "../plan/plan.js";
import { logPath } from "../plan/run-log.js";
import { runCandidates } from "./candidate-queue.js";
import { progress, type RunContext, recordLive } from "./context.js";
import { appendRunJournal } from "./journal.js";
import type { RunCandidateLog, RunJobLog } from "./log.js";

// One job of a paid run: its candidates (see candidate-queue.ts), then the best becomes the final output.

/** The rank of a candidate the guard did not look at (guard off): no better or worse than another. */
const unranked: CandidateRank = { hard_failures: 0, soft_warnings: 0, avg_chroma_exceed: 0 };

/**
 * One job: every candidate requested, written, post-processed and guarded (requests overlapping,
 * see `runCandidates`), then the best one becomes the final output. Each finished candidate's live
 * record and progress event go out in candidate order.
 */
export async function runJob(context: RunContext, job: PlannedJob, index: number): Promise<RunJobLog> {
  const started = performance.now();
  const candidates: RunCandidateLog[] = [];
  const where = { job: job.id, jobIndex: index + 1, jobs: context.plan.jobs.length, candidates: job.outputs.length };
  // Stopped before a request, so a cancel or shutdown never wastes an image in flight.
  const stopped = await runCandidates(context, job, index, async (candidate) => {
    candidates.push(candidate);
    if (candidate.status !== "failed") await recordLive(context, runningJob(context, job, candidates, started));
    const { error } = candidate;
    progress(context, {
      phase: error === undefined ? "candidate_done" : "candidate_failed",
      ...where,
      candidate: candidate.candidate_index,
      ...(error ? { error } : {}),
    });
  });
  if (stopped === "cancel") return canceledJob(context, job, candidates);
  const outcome = finishJob(candidates);
  const result: RunJobLog = {
    ...jobBase(context, job),
    ...outcome,
    candidates,
    ms: Math.round(performance.now() - started),
  };
  // Journaled first: a job the live records or the event call finished is one a resume keeps.
  await appendRunJournal(context.journalPath, result);
  await recordLive(context, result);
  progress(context, {
    phase: "job_done",
    job: job.id,
    jobIndex: index + 1,
    jobs: context.plan.jobs.length,
    candidate: 0,
    candidates: job.outputs.length,
    status: result.status,
    selected_candidate: result.selected_candidate,
    final_output: result.final_output,
    ...(result.error ? { error: result.error } : {}),
  });
  return result;
}

/** A job's outcome fields: status, error, selection and final output. */
type JobOutcome = Pick<
  RunJobLog,
  | "status"
  | "error"
  | "selected_candidate"
  | "final_output"
  | "final_output_archived_previous"
  | "final_postprocessed_output"
>;

/**
 * Picks the best generated candidate as the job's final output: its own file under
 * `outputs/<run_id>/`, named, never copied, so choosing another candidate later only moves the
 * pointer. No generated candidate fails the job; a best candidate with hard guard failures keeps
 * its output as `failed_guard`.
 */
function finishJob(candidates: RunCandidateLog[]): JobOutcome {
  // With the guard off every generated candidate ranks the same, so the first one wins.
  const best = pickBestCandidate(
    // A post-process run's one candidate is the source file (`existing`): chosen like a generated one.
    candidates.map((candidate) => (candidate.status !== "failed" ? selectionRank(candidate) : undefined)),
  );
  const chosen = best === undefined ? undefined : candidates[best];
  if (chosen === undefined) {
    const last = candidates.at(-1)?.error ?? "unknown";
    return {
      status: "failed",
      error: `All ${candidates.length} candidate(s) failed; last error: ${last}`,
      selected_candidate: null,
      final_output: null,
      final_output_archived_previous: null,
    };
  }
  const outputs = {
    selected_candidate: chosen.candidate_index,
    final_output: chosen.output,
    final_output_archived_previous: null,
    ...(chosen.postprocess ? { final_postprocessed_output: chosen.postprocess.final_output } : {}),
  };
  const failedStage = chosen.postprocess?.stages.find((stage) => stage.status === "failed");
  if (failedStage) {
    return {
      status: "failed",
      error: `Post-processing failed at ${failedStage.stage}: ${failedStage.error}`,
      ...outputs,
    };
  }
  const failsGuard = (chosen.rank?.hard_failures ?? 0) > 0;
  return {
    status: failsGuard ? "failed_guard" : "done",
    ...(failsGuard ? { error: guardError(chosen) } : {}),
    ...outputs,
  };
}

/** A candidate's rank for selection: the guard's, with a failed post-process chain as one more hard failure. */
function selectionRank(candidate: RunCandidateLog): CandidateRank {
  const rank = candidate.rank ?? unranked;
  if (candidate.postprocess?.status !== "failed") return rank;
  return { ...rank, hard_failures: rank.hard_failures + 1 };
}

/** The job fields every outcome shares. */
function jobBase(context: RunContext, job: PlannedJob) {
  return {
    id: job.id,
    mode: job.mode,
    time: job.time,
    weather: job.weather,
    input_images: job.input_images.map((path) => logPath(context.root, path)),
    prompt: job.prompt,
    ...(job.prompt_fields ? { prompt_fields: job.prompt_fields } : {}),
    ...(job.batch_row !== undefined ? { batch_row: job.batch_row } : {}),
    ...(job.source_asset ? { source_asset: job.source_asset } : {}),
  };
}

/** Why the best candidate still fails the guard, for the job's `error`. */
function guardError(candidate: RunCandidateLog): string {
  const reasons = candidate.output_guard?.files.flatMap((file) => file.hard_fail_reasons) ?? [];
  return `Best candidate ${candidate.candidate_index} fails the output guard: ${reasons.join(", ")}`;
}

/** The job generating now, as the live records show it: its candidates so far, nothing chosen yet. */
function runningJob(context: RunContext, job: PlannedJob, candidates: RunCandidateLog[], started: number): RunJobLog {
  return {
    ...jobBase(context, job),
    status: "running",
    selected_candidate: null,
    final_output: null,
    final_output_archived_previous: null,
    candidates: [...candidates],
    ms: Math.round(performance.now() - started),
  };
}

/** A job the run never reached because it stopped on an unexpected error. */
export function unrunJob(context: RunContext, job: PlannedJob, error: string): RunJobLog {
  return {
    ...jobBase(context, job),
    status: "failed",
    error: `Not run: the run stopped early (${error})`,
    selected_candidate: null,
    final_output: null,
    final_output_archived_previous: null,
    candidates: [],
    ms: 0,
  };
}

/** A job the run did not finish because it was canceled; candidates generated before stay listed. */
export function canceledJob(context: RunContext, job: PlannedJob, candidates: RunCandidateLog[]): RunJobLog {
  return {
    ...jobBase(context, job),
    status: "canceled",
    error: "Canceled before the job finished",
    selected_candidate: null,
    final_output: null,
    final_output_archived_previous: null,
    candidates,
    ms: candidates.reduce((total, candidate) => total + candidate.ms, 0),
  };
}
