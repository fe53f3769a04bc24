import type { Schema } from "@kroma/contract/types";

/** One backend's try at a stage, in the order they were tried. */
export type BackendAttempt = Schema<"PostprocessBackendAttempt">;

/** What a stage function reports about its work, for run logs and batch summaries. */
export interface StageReport {
  /** The backend that produced the output. */
  backend: string;
  /** Every backend tried (background removal), the successful one last. */
  backends_tried?: BackendAttempt[];
  /** The settings that shaped the output, enough to reproduce it. */
  params: Record<string, unknown>;
  /** Problems that did not stop the stage (an optional refine pass that failed, ...). */
  warnings?: string[];
}

/** Whole milliseconds since `started` (a `performance.now()` reading). */
export function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}
