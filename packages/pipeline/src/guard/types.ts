// The output guard's shapes (PIPELINE.md "Output guard"), shared by QA, ranking and paid runs.

/** One image's guard result, as the QA report lists it. */
export interface GuardFileResult {
  file: string;
  /** Mean over pixels of (|R-G| + |R-B| + |G-B|) / 3, rounded to 4 decimals. */
  chroma_delta: number;
  grayscale_like: boolean;
  /** `not_grayscale_like`, `chroma_exceeds_threshold` (when it fails), `image_read_failed`. */
  hard_fail_reasons: string[];
  /** `chroma_exceeds_threshold` when it only warns. */
  soft_warnings: string[];
}

/** A candidate's rank: lower is better, compared in this order. */
export interface CandidateRank {
  hard_failures: number;
  soft_warnings: number;
  /** Average of max(0, chroma_delta - max_chroma_delta) over the candidate's files. */
  avg_chroma_exceed: number;
}

/** The QA report `kroma lab qa` writes. */
export interface QaReport {
  input: string;
  settings: { enforce_grayscale: boolean; max_chroma_delta: number; fail_on_chroma_exceed: boolean };
  summary: { total_files: number; hard_failures: number; soft_warnings: number };
  files: GuardFileResult[];
}
