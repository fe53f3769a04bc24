// Tables of the database schema (../schema.ts): Runs and what they made: jobs, candidates, assets and their links, quality reports, cost events, reviews.
// JSON columns (`*_json`) hold JSON text; repositories parse them so the API returns JSON values.
import type { Schema } from "@kroma/contract";
import type { Generated } from "kysely";

export interface RunsTable {
  id: string;
  project_id: string;
  run_mode: "dry" | "run";
  status: string;
  stage: string | null;
  time_of_day: string | null;
  weather: string | null;
  model_name: string | null;
  provider_code: string | null;
  settings_snapshot_json: string | null;
  image_size: string | null;
  image_quality: string | null;
  run_log_path: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  error: string | null;
  summary_json: string | null;
  /** The trigger request of a run the server queued (what a resume needs); null for ingested CLI runs. */
  request_json: string | null;
  /** sha256 of the run log last ingested: ingesting the same log again changes nothing. */
  run_log_sha256: string | null;
  /** When the run was put in the trash (migration 0020); null while live. */
  deleted_at: string | null;
  trash_id: string | null;
  /** A paid run's reservation against the project's budget (migration 0021); null otherwise. */
  reserved_usd: number | null;
  /** The run this one re-runs (`POST /runs/{runId}/rerun`, migration 0022); null otherwise. */
  retried_from: string | null;
}

export interface JobsTable {
  id: string;
  run_id: string;
  job_key: string;
  status: string;
  prompt_text: string | null;
  selected_candidate_index: number | null;
  final_asset_id: string | null;
  final_output: string | null;
  meta_json: string | null;
  created_at: string;
}

export interface CandidatesTable {
  id: string;
  job_id: string;
  candidate_index: number;
  status: string;
  output_asset_id: string | null;
  final_asset_id: string | null;
  output_path: string | null;
  final_output_path: string | null;
  rank_hard_failures: number | null;
  rank_soft_warnings: number | null;
  rank_avg_chroma_exceed: number | null;
  meta_json: string | null;
  created_at: string;
}

export interface QualityReportsTable {
  id: string;
  project_id: string;
  run_id: string | null;
  asset_id: string | null;
  report_type: string;
  grade: "pass" | "warn" | "fail";
  hard_failures: number;
  soft_warnings: number;
  avg_chroma_exceed: number;
  summary_json: string | null;
  created_at: string;
}

export interface CostEventsTable {
  id: string;
  project_id: string;
  run_id: string | null;
  job_id: string | null;
  provider_code: string;
  model_name: string | null;
  event_type: string;
  units: number;
  unit_cost_usd: number | null;
  total_cost_usd: number | null;
  currency: string;
  meta_json: string | null;
  created_at: string;
}

export interface AssetsTable {
  id: string;
  project_id: string;
  kind: string;
  asset_kind: string | null;
  storage_uri: string | null;
  rel_path: string | null;
  storage_backend: string;
  mime_type: string | null;
  width: number | null;
  height: number | null;
  sha256: string | null;
  run_id: string | null;
  job_id: string | null;
  candidate_id: string | null;
  metadata_json: string | null;
  created_at: string;
  /** 1 when the file no longer holds the bytes `sha256` names and they were found nowhere else. */
  stale: Generated<number>;
  /** When the file was last checked against `sha256`; null: not yet (rows from older layouts). */
  file_checked_at: string | null;
  /** The name an uploaded file came with (migration 0018); null for files a run wrote. */
  original_name: string | null;
  /** When the asset was put in the trash (migration 0020); null while live. */
  deleted_at: Generated<string | null>;
  trash_id: Generated<string | null>;
}

export interface AssetLinksTable {
  id: string;
  project_id: string;
  parent_asset_id: string;
  child_asset_id: string;
  link_type: "derived_from" | "variant_of" | "mask_for" | "reference_of";
  created_at: string;
  updated_at: string;
}

export interface JobReviewsTable {
  job_id: string;
  project_id: string;
  run_id: string;
  state: Schema<"ReviewState">;
  candidate_index: number | null;
  candidate_sha256: string | null;
  updated_at: string;
}

export interface JobReviewEventsTable {
  id: string;
  project_id: string;
  run_id: string;
  job_id: string;
  seq: number;
  action: Schema<"ReviewAction">;
  state: Schema<"ReviewState">;
  candidate_index: number | null;
  candidate_sha256: string | null;
  previous_state: Schema<"ReviewState">;
  previous_candidate_index: number | null;
  note: string | null;
  actor_token_id: string | null;
  actor_label: string | null;
  audit_id: string;
  undone: Generated<number>;
  /** What an undo needs to restore (the baseline a decision set or replaced). */
  detail_json: string | null;
  created_at: string;
}

export interface SceneBaselinesTable {
  project_id: string;
  scene: string;
  asset_id: string;
  run_id: string;
  job_id: string;
  created_at: string;
}
