import type { Schema } from "@kroma/contract";
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** The database schema: one interface per table, the one type kysely queries are checked against. */
export interface Database {
  users: UsersTable;
  projects: ProjectsTable;
  project_storage: ProjectStorageTable;
  runs: RunsTable;
  jobs: JobsTable;
  candidates: CandidatesTable;
  assets: AssetsTable;
  quality_reports: QualityReportsTable;
  cost_events: CostEventsTable;
  prompt_templates: PromptTemplatesTable;
  provider_accounts: ProviderAccountsTable;
  style_guides: StyleGuidesTable;
  characters: CharactersTable;
  reference_sets: ReferenceSetsTable;
  reference_items: ReferenceItemsTable;
  asset_links: AssetLinksTable;
  chat_sessions: ChatSessionsTable;
  chat_messages: ChatMessagesTable;
  agent_instructions: AgentInstructionsTable;
  agent_instruction_events: AgentInstructionEventsTable;
  auth_tokens: AuthTokensTable;
  auth_sessions: AuthSessionsTable;
  audit_events: AuditEventsTable;
  secret_keys: SecretKeysTable;
  project_secrets: ProjectSecretsTable;
  exports: ExportsTable;
  s3_sync_state: S3SyncStateTable;
  leases: LeasesTable;
  job_reviews: JobReviewsTable;
  job_review_events: JobReviewEventsTable;
  scene_baselines: SceneBaselinesTable;
  trash_entries: TrashEntriesTable;
  project_budgets: ProjectBudgetsTable;
}

// JSON columns (`*_json`) hold JSON text; repositories parse them so the API returns JSON values.

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  user_id: string;
  slug: string;
  name: string;
  description: string;
  status: "active" | "archived";
  created_at: string;
  updated_at: string;
}

/** One row per project; S3 fields hold "" when unset, as the seed's API returned them. */
export interface ProjectStorageTable {
  project_id: string;
  base_dir: string;
  /** `null` means the default `<base_dir>/<slug>`. */
  project_root: string | null;
  s3_enabled: Generated<number>;
  s3_bucket: Generated<string>;
  s3_prefix: Generated<string>;
  s3_region: Generated<string>;
  s3_profile: Generated<string>;
  s3_endpoint_url: Generated<string>;
  updated_at: string;
}

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

export interface PromptTemplatesTable {
  id: string;
  project_id: string;
  name: string;
  template_text: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderAccountsTable {
  project_id: string;
  provider_code: string;
  display_name: string;
  account_ref: string;
  base_url: string;
  enabled: number;
  config_json: string;
  created_at: string;
  updated_at: string;
}

export interface StyleGuidesTable {
  id: string;
  project_id: string;
  name: string;
  instructions: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface CharactersTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  prompt_text: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceSetsTable {
  id: string;
  project_id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceItemsTable {
  id: string;
  project_id: string;
  reference_set_id: string;
  label: string;
  content_uri: string | null;
  content_text: string | null;
  sort_order: number;
  metadata_json: string;
  created_at: string;
  updated_at: string;
  /** An asset of the project the item points at (migration 0018). */
  asset_id: string | null;
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

export interface ChatSessionsTable {
  id: string;
  project_id: string;
  title: string;
  status: "active" | "archived";
  created_at: string;
  updated_at: string;
}

export interface ChatMessagesTable {
  id: string;
  project_id: string;
  session_id: string;
  seq: number;
  role: "user" | "assistant" | "system" | "tool";
  content: string;
  content_json: string | null;
  created_at: string;
}

/** The spec's instruction statuses: the column holds nothing else. */
export type AgentInstructionStatus = Schema<"AgentInstructionStatus">;

export interface AgentInstructionsTable {
  id: string;
  project_id: string;
  instruction_text: string;
  instruction_type: string;
  payload_json: string;
  dispatch_to_agent: number;
  status: AgentInstructionStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  agent_response_json: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  canceled_at: string | null;
}

export interface AgentInstructionEventsTable {
  id: string;
  project_id: string;
  instruction_id: string;
  seq: number;
  event_type: string;
  message: string | null;
  created_at: string;
}

export interface AuthTokensTable {
  id: string;
  user_id: string | null;
  project_id: string | null;
  token_prefix: string;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  label: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
}

/** Browser sessions made from a token (see migration 0017 and `features/auth/session-repository.ts`). */
export interface AuthSessionsTable {
  id: string;
  /** The token the session was made from: its actor, its scope, and it must still be active. */
  token_id: string;
  /** SHA-256 of the cookie's secret, hex; the secret itself is never stored. */
  secret_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  actor_token_id: string | null;
  action: string;
  project_id: string | null;
  target_type: string;
  target_id: string | null;
  detail_json: string;
  created_at: string;
}

export interface SecretKeysTable {
  id: string;
  /** The data key, encrypted with the master key (base64 of nonce, tag and ciphertext). */
  wrapped_key: string;
  active: number;
  created_at: string;
}

export interface ProjectSecretsTable {
  project_id: string;
  provider_code: string;
  secret_name: string;
  key_id: string;
  nonce: string;
  ciphertext: string;
  auth_tag: string;
  hint: string;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectStorageRow = Selectable<ProjectStorageTable>;
export type ProjectStorageUpdate = Updateable<ProjectStorageTable>;

export interface ExportsTable {
  id: string;
  project_id: string;
  run_id: string | null;
  status: "running" | "completed" | "failed";
  export_format: "tar.gz";
  storage_uri: string | null;
  /** Relative to the project root, or `var/exports/...` relative to the app root. */
  rel_path: string | null;
  file_size_bytes: number | null;
  checksum_sha256: string | null;
  manifest_json: string | null;
  export_asset_id: string | null;
  error: string | null;
  created_at: string;
  completed_at: string | null;
}

/** What the last successful upload of a project file to S3 recorded. */
export interface S3SyncStateTable {
  project_id: string;
  /** "" for AWS itself. */
  endpoint_url: string;
  bucket: string;
  object_key: string;
  rel_path: string;
  size_bytes: number;
  sha256: string;
  etag: string | null;
  uploaded_at: string;
}

/** Who owns a piece of work in progress (see migration 0015 and `repositories/lease-repository.ts`). */
export interface LeasesTable {
  kind: "run" | "export" | "import";
  target_id: string;
  /** Unique per lease holder (host, pid and a random part), so two servers in one process differ. */
  owner_id: string;
  owner_host: string;
  owner_pid: number;
  acquired_at: string;
  /** Milliseconds since the epoch of the owner's last renewal. */
  heartbeat_at_ms: number;
  /** What a cleaner needs to undo the work (e.g. the staging directory of an import). */
  detail_json: string | null;
}

/** A job's current review (migration 0019); no row means `pending`. */
export interface JobReviewsTable {
  job_id: string;
  project_id: string;
  run_id: string;
  state: Schema<"ReviewState">;
  candidate_index: number | null;
  candidate_sha256: string | null;
  updated_at: string;
}

/** Every decision on a job, numbered per job; `undone` once an undo withdrew it. */
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

/** The approved final each scene of a project is held to. */
export interface SceneBaselinesTable {
  project_id: string;
  scene: string;
  asset_id: string;
  run_id: string;
  job_id: string;
  created_at: string;
}

/** A trash entry (migration 0020): what was deleted together, where its files went, until when. */
export interface TrashEntriesTable {
  id: string;
  project_id: string;
  kind: Schema<"TrashEntryKind">;
  status: Schema<"TrashEntryStatus">;
  label: string;
  run_id: string | null;
  asset_ids_json: string;
  /** `TrashedFile[]` as JSON. */
  files_json: string;
  bytes: number;
  deleted_at: string;
  expires_at: string;
  deleted_by: string | null;
  note: string | null;
  restored_at: string | null;
  purged_at: string | null;
}

/** A project's budget for paid runs (migration 0021); no row means no budget. */
export interface ProjectBudgetsTable {
  project_id: string;
  budget_usd: number;
  updated_at: string;
}
