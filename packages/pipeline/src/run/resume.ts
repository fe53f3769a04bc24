import { resolve } from "node:path";
import { PipelineError } from "../errors.js";
import { sha256File } from "../files/hash.js";
import { assertImageSettings } from "../generate/models.js";
import type { RunPlan } from "../plan/plan.js";
import { prepareRun } from "../plan/prepare.js";
import { preflightPostprocess } from "../postprocess/preflight.js";
import type { RunPostprocessContext } from "../postprocess/run-postprocess.js";
import type { ExecuteRunOptions } from "./context.js";
import { checkMaxSpend, checkSpendAllowed } from "./cost.js";
import { preparedSpendEstimate, runJobs } from "./execute.js";
import { type RunJournalHeader, readRunJournal } from "./journal.js";
import type { PaidRunLog, RunJobLog } from "./log.js";

/** What {@link resumeRun} needs: the run, where it is, and what a new run needs to spend. */
export type ResumeRunOptions = Pick<
  ExecuteRunOptions,
  | "projectRoot"
  | "confirmSpend"
  | "apiKey"
  | "baseURL"
  | "now"
  | "cwd"
  | "kromaVersion"
  | "maxAttempts"
  | "retryDelayMs"
  | "timeoutMs"
  | "concurrency"
  | "maxSpendUsd"
  | "onProgress"
  | "onLiveLog"
  | "cancelSignal"
  | "interruptSignal"
  | "abortSignal"
  | "confineTo"
> & {
  runId: string;
  /** The post-process backends' context (keys, endpoints); the settings come from the journal. */
  postprocessContext?: RunPostprocessContext;
};

/**
 * Continues a paid run that was interrupted (crash, Ctrl-C, server stop), or that ended canceled,
 * partial or failed, from its journal under
 * `.kroma/in-progress/`: the same request, manifest, model settings and scenes. A job that finished
 * before is kept when its final output still exists with the sha256 recorded then; every other job
 * runs again. The final log lists the kept jobs under `resumes`. Spend is confirmed again.
 *
 * @example
 * const { runLog } = await resumeRun({ runId: "run_20250102T030405Z_a1b2c3", projectRoot: "/projects/demo",
 *   confirmSpend: true, apiKey: process.env.OPENAI_API_KEY });
 * runLog.resumes?.[0]?.kept_jobs; // ["style_1_street"]
 */
export async function resumeRun(options: ResumeRunOptions): Promise<{ runLog: PaidRunLog; runLogPath: string }> {
  const apiKey = checkSpendAllowed(options);
  const root = resolve(options.cwd ?? process.cwd(), options.projectRoot);
  const journal = await readRunJournal(root, options.runId);
  if (!journal) {
    throw new PipelineError(
      `Run '${options.runId}' has nothing to resume: no journal under .kroma/in-progress/ (every job finished, see runs/${options.runId}.json, or it never started)`,
      { field: "run_id" },
    );
  }
  const { header } = journal;
  const runOptions: ExecuteRunOptions = {
    ...options,
    projectSlug: header.project,
    projectRoot: root,
    resolvedFromBackend: header.resolved_from_backend,
    manifest: header.manifest,
    request: header.request,
    promptRecords: header.prompt_records,
    model: header.model,
    size: header.size,
    quality: header.quality,
    postprocess: header.postprocess ? { settings: header.postprocess, context: options.postprocessContext } : undefined,
    now: new Date(header.started_at),
  };
  assertImageSettings(runOptions);
  await preflightPostprocess(runOptions.postprocess, apiKey);
  const prepared = await prepareRun({
    ...runOptions,
    runId: header.run_id,
    plannedScenes: header.scenes.map((scene) => resolve(root, scene)),
    sources: header.source_assets,
  });
  // The ceiling the run started under still holds (a resume's own --max-spend wins).
  checkMaxSpend(preparedSpendEstimate(prepared, runOptions), options.maxSpendUsd ?? header.max_spend_usd);
  const kept = await keptJobs(root, prepared.plan, journal.jobs);
  const resumedAt = (options.now ?? new Date()).toISOString();
  // Requests aborted by an earlier stop stay on record: the provider may have billed them.
  const aborted = journal.aborted.length > 0 ? { aborted_requests: journal.aborted } : {};
  const resumed: RunJournalHeader = {
    ...header,
    prior_duration_ms: [...kept.values()].reduce((total, job) => total + job.ms, 0),
    resumes: [...header.resumes, { at: resumedAt, kept_jobs: [...kept.keys()], ...aborted }],
  };
  return runJobs({ options: runOptions, apiKey, prepared, header: resumed, kept });
}

/**
 * The jobs of a journal worth keeping: finished (`done`, or `failed_guard` with its output) and
 * their final output still on disk with the recorded hash. Anything else (failed, canceled,
 * missing or changed file) runs again.
 */
async function keptJobs(
  root: string,
  plan: RunPlan,
  finished: Map<string, RunJobLog>,
): Promise<Map<string, RunJobLog>> {
  const kept = new Map<string, RunJobLog>();
  for (const job of plan.jobs) {
    const entry = finished.get(job.id);
    if (!entry || (entry.status !== "done" && entry.status !== "failed_guard") || !entry.final_output) continue;
    const selected = entry.candidates.find((candidate) => candidate.candidate_index === entry.selected_candidate);
    const actual = await sha256File(resolve(root, entry.final_output)).catch(() => undefined);
    if (selected?.sha256 && actual === selected.sha256) kept.set(job.id, entry);
  }
  return kept;
}
