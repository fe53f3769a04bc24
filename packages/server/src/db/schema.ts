import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** The database schema: one interface per table, the one type kysely queries are checked against. */
export interface Database {
  users: UsersTable;
  projects: ProjectsTable;
  project_storage: ProjectStorageTable;
  runs: RunsTable;
  jobs: JobsTable;
  assets: AssetsTable;
}

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
}

export type UserRow = Selectable<UsersTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectStorageRow = Selectable<ProjectStorageTable>;
export type ProjectStorageUpdate = Updateable<ProjectStorageTable>;
