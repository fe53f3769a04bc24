// The output guard's shapes (PIPELINE.md "Output guard"), shared by QA, ranking and paid runs.
// Run logs record them, so they are the spec's (`components.schemas`).
import type { Schema } from "@kroma/contract/types";

/**
 * One image's guard result, as the QA report lists it. `hard_fail_reasons`: `not_grayscale_like`,
 * `chroma_exceeds_threshold` (when it fails), `image_read_failed`; `soft_warnings`:
 * `chroma_exceeds_threshold` when it only warns.
 */
export type GuardFileResult = Schema<"GuardFileResult">;

/**
 * A candidate's rank: lower is better, compared in this order. `avg_chroma_exceed` is the average
 * of max(0, chroma_delta - max_chroma_delta) over the candidate's files.
 */
export type CandidateRank = Schema<"CandidateRank">;

/** The QA report `kroma lab qa` writes. */
export interface QaReport {
  input: string;
  settings: Omit<Schema<"RunOutputGuardSettings">, "enabled">;
  summary: Schema<"CandidateGuardLog">["summary"];
  files: GuardFileResult[];
}
