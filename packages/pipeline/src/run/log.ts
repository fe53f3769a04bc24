import type { components } from "@kroma/contract/types";
import type { RunLogInput } from "../plan/run-log.js";
import { runLogHeader } from "../plan/run-log-header.js";
import { isPostprocessRun } from "../plan/run-request.js";
import { postprocessForLog } from "../postprocess/run-postprocess.js";
import { describe, type RunContext } from "./context.js";
import { costFields, estimateRunSpend } from "./cost.js";
import type { RunJournalHeader } from "./journal.js";
import { recordedSpend } from "./recorded-cost.js";

// The log documents' types are generated from the OpenAPI spec (`components.schemas`), so the
// API and the files share one type; `test/run-log-schema.test.ts` checks written logs against it.
type Schemas = components["schemas"];

/** The output guard's verdict on one candidate, in the seed's shape. */
export type CandidateGuardLog = Schemas["CandidateGuardLog"];

/** One candidate of a paid run: what was asked, every attempt, and what came of it. */
export type RunCandidateLog = Schemas["RunCandidateLog"];

/** Job outcome: `failed_guard` keeps its output, but its best candidate still fails the guard. */
export type RunJobStatus = Schemas["RunJobStatus"];

/** One job of a paid run. */
export type RunJobLog = Schemas["RunJobLog"];

/** The run's outcome: every job done, some, or none. */
export type RunStatus = Schemas["RunStatus"];

/** Counts for a quick look at a run. */
export type RunSummary = Schemas["RunSummary"];

/**
 * The log of a paid run (`mode: "run"`): the dry log's base fields plus, per job, status,
 * selected candidate, final output and every candidate with its attempts, guard verdict, digest
 * and timing; for the run, token usage, an estimated cost, the cost recorded from the usage,
 * timings, status and counts.
 */
export type PaidRunLog = Schemas["PaidRunLog"];

/** The run log from the finished jobs. */
export function buildLog(
  context: RunContext,
  parts: {
    inputs: RunLogInput[];
    jobs: RunJobLog[];
    now: Date;
    durationMs: number;
    kromaVersion: string;
    fatal: unknown;
    resumes: RunJournalHeader["resumes"];
  },
): PaidRunLog {
  const { options, plan, request, root } = context;
  const { jobs } = parts;
  const candidates = jobs.flatMap((job) => job.candidates);
  const generated = candidates.filter((candidate) => candidate.status === "generated");
  const summary: RunSummary = {
    jobs: jobs.length,
    done: jobs.filter((job) => job.status === "done").length,
    failed: jobs.filter((job) => job.status === "failed").length,
    failed_guard: jobs.filter((job) => job.status === "failed_guard").length,
    canceled: jobs.filter((job) => job.status === "canceled").length,
    candidates_generated: generated.length,
    candidates_failed: candidates.filter((candidate) => candidate.status === "failed").length,
  };
  return {
    ...runLogHeader({
      runId: context.runId,
      now: parts.now,
      project: options.projectSlug,
      mode: "run",
      plan,
      image: options,
      outputGuard: request.output_guard,
      postprocess: postprocessForLog(options.postprocess?.settings),
      root,
      resolvedFromBackend: options.resolvedFromBackend,
      kromaVersion: parts.kromaVersion,
      inputs: parts.inputs,
    }),
    started_at: parts.now.toISOString(),
    // Measured with the monotonic clock from the given start, so a fixed `now` in tests still
    // gives a consistent pair.
    finished_at: new Date(parts.now.getTime() + parts.durationMs).toISOString(),
    duration_ms: parts.durationMs,
    api: {
      base_url: safeBaseUrl(options.baseURL),
      endpoint: apiEndpoint(plan.jobs),
      max_attempts: context.maxAttempts,
      retry_base_delay_ms: context.retryDelayMs,
    },
    archive_replaced: request.archive_replaced,
    jobs,
    ...costFields(options, generated),
    // The estimate checked before the first request: it depends on the plan and settings only.
    spend_estimate: estimateRunSpend({
      jobs: plan.jobs.length,
      candidates: plan.candidates,
      model: options.model,
      size: options.size,
      quality: options.quality,
      postprocess: options.postprocess?.settings,
      generate: !isPostprocessRun(request),
    }),
    // What the answers cost by their usage, computed apart from the estimate above.
    spend_recorded: recordedSpend(candidates),
    status: runStatus(summary),
    ...(parts.fatal !== undefined ? { error: describe(parts.fatal, context.apiKey) } : {}),
    ...(parts.resumes.length > 0 ? { resumes: parts.resumes } : {}),
    summary,
  };
}

/** What the run's image requests went to: none for a post-process run, a generation when no job sends an input image. */
function apiEndpoint(jobs: RunContext["plan"]["jobs"]): PaidRunLog["api"]["endpoint"] {
  if (jobs.length > 0 && jobs.every((job) => job.source_asset)) return "none";
  if (jobs.length > 0 && jobs.every((job) => job.input_images.length === 0)) return "images.generate";
  return "images.edit";
}

/** A canceled run is `canceled` whatever its other jobs did; otherwise every job done, none, or some. */
function runStatus(summary: RunSummary): RunStatus {
  if ((summary.canceled ?? 0) > 0) return "canceled";
  return summary.done === summary.jobs ? "succeeded" : summary.done === 0 ? "failed" : "partial";
}

/** The base URL without credentials or query, or null for the SDK's default. */
function safeBaseUrl(baseURL: string | undefined): string | null {
  if (!baseURL) return null;
  try {
    const url = new URL(baseURL);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}
