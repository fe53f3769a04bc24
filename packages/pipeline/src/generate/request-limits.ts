import { PipelineError } from "../errors.js";

// How hard a paid run leans on the images API: how long one request may take and how many of a
// job's candidates are requested at once. The CLI (`lab run`, `lab resume`) and the server read
// them from the environment the same way, through `imageRequestLimitsFromEnv`.

/**
 * Per-request timeout when none is set (3 minutes): a slow high-quality 1536 edit still fits, and
 * a hung endpoint costs one attempt of that long instead of the SDK's 10 minutes.
 */
export const defaultImageTimeoutMs = 180_000;

/**
 * Candidates of one job requested at once when the setting is absent: two keeps a job's wall time
 * near halved without running into the per-minute image limits of OpenAI's lower usage tiers.
 */
export const defaultImageConcurrency = 2;

/** The most requests in flight the setting accepts: beyond it a run only collects 429s. */
export const maxImageConcurrency = 8;

/** What {@link imageRequestLimitsFromEnv} reads. */
export interface ImageRequestLimits {
  /** `OPENAI_TIMEOUT_MS`: one attempt fails as a timeout (and is retried) after this long. */
  timeoutMs: number;
  /** `KROMA_IMAGE_CONCURRENCY`: image requests of one job in flight at once; 1 sends them one by one. */
  concurrency: number;
}

/**
 * The request limits from `OPENAI_TIMEOUT_MS` and `KROMA_IMAGE_CONCURRENCY`, else the defaults. A
 * value that is not a whole number in range is an error naming the variable, not a silent default.
 *
 * @example
 * imageRequestLimitsFromEnv({ KROMA_IMAGE_CONCURRENCY: "1" }); // { timeoutMs: 180000, concurrency: 1 }
 */
export function imageRequestLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImageRequestLimits {
  return {
    timeoutMs: wholeNumber("OPENAI_TIMEOUT_MS", env.OPENAI_TIMEOUT_MS, defaultImageTimeoutMs, Number.MAX_SAFE_INTEGER),
    concurrency: wholeNumber(
      "KROMA_IMAGE_CONCURRENCY",
      env.KROMA_IMAGE_CONCURRENCY,
      defaultImageConcurrency,
      maxImageConcurrency,
    ),
  };
}

function wholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value.trim());
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "above 0" : `from 1 to ${max}`;
    throw new PipelineError(`Invalid ${name} '${value}': expected a whole number ${range}`, { field: name });
  }
  return parsed;
}
