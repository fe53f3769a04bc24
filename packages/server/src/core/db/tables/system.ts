// Tables of the database schema (../schema.ts): The server's own bookkeeping: tokens and sessions, the audit log, exports, S3 sync state, leases and the trash.
// JSON columns (`*_json`) hold JSON text; repositories parse them so the API returns JSON values.
import type { Schema } from "@kroma/contract";

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
