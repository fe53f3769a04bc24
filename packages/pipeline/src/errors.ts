import type { Schema } from "@kroma/contract/types";

/** One thing wrong in a configuration file: which file, which field (dotted path), and why. */
export type ConfigProblem = Schema<"ConfigProblem">;

/**
 * A failure the user can cause and fix (a bad flag, file or field); the message names it.
 * Configuration failures carry every problem found, not just the first.
 *
 * @example
 * throw new PipelineError("Field 'time' requires stage 'time' or 'weather'", { field: "time" });
 * throw new PipelineError("Invalid manifest", undefined, [{ file, field: "generation.candidates", message }]);
 */
export class PipelineError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
    readonly problems?: ConfigProblem[],
  ) {
    super(message);
    this.name = "PipelineError";
  }
}

/** `file: field: message` (the field left out when the problem is the whole file). */
export function formatConfigProblem(problem: ConfigProblem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/**
 * The error for a configuration with problems: its message lists every one, and `problems`
 * keeps them for callers that render their own report.
 *
 * @example
 * if (problems.length > 0) throw configError("Pipeline configuration is invalid", problems);
 */
export function configError(summary: string, problems: ConfigProblem[]): PipelineError {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const lines = problems.map((problem) => `  ${formatConfigProblem(problem)}`);
  return new PipelineError([`${summary} (${count}):`, ...lines].join("\n"), undefined, problems);
}
