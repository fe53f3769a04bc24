import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KromaDb, openDatabase } from "./database.js";
import type { Database } from "./schema.js";

// biome-ignore format: one table a line, its columns in migration order
/**
 * Every column of every table, as `schema.ts` declares them. `satisfies` refuses a table or a
 * column the schema type lacks; {@link noneMissing} refuses a column the type has and this list
 * does not. The test below then holds the list against the migrated database, so `schema.ts` and
 * the migrations cannot drift apart unnoticed.
 */
const columns = {
  users: ["id", "username", "display_name", "created_at", "updated_at"],
  projects: ["id", "user_id", "slug", "name", "description", "status", "created_at", "updated_at"],
  project_storage: ["project_id", "base_dir", "project_root", "s3_enabled", "s3_bucket", "s3_prefix", "s3_region", "s3_profile", "s3_endpoint_url", "updated_at"],
  runs: ["id", "project_id", "run_mode", "status", "stage", "time_of_day", "weather", "model_name", "provider_code", "settings_snapshot_json", "image_size", "image_quality", "run_log_path", "started_at", "finished_at", "created_at", "error", "summary_json", "request_json", "run_log_sha256", "deleted_at", "trash_id", "reserved_usd", "retried_from"],
  jobs: ["id", "run_id", "job_key", "status", "prompt_text", "selected_candidate_index", "final_asset_id", "final_output", "meta_json", "created_at"],
  candidates: ["id", "job_id", "candidate_index", "status", "output_asset_id", "final_asset_id", "output_path", "final_output_path", "rank_hard_failures", "rank_soft_warnings", "rank_avg_chroma_exceed", "meta_json", "created_at"],
  assets: ["id", "project_id", "kind", "asset_kind", "storage_uri", "rel_path", "storage_backend", "mime_type", "width", "height", "sha256", "run_id", "job_id", "candidate_id", "metadata_json", "created_at", "stale", "file_checked_at", "original_name", "deleted_at", "trash_id"],
  quality_reports: ["id", "project_id", "run_id", "asset_id", "report_type", "grade", "hard_failures", "soft_warnings", "avg_chroma_exceed", "summary_json", "created_at"],
  cost_events: ["id", "project_id", "run_id", "job_id", "provider_code", "model_name", "event_type", "units", "unit_cost_usd", "total_cost_usd", "currency", "meta_json", "created_at"],
  prompt_templates: ["id", "project_id", "name", "template_text", "created_at", "updated_at"],
  provider_accounts: ["project_id", "provider_code", "display_name", "account_ref", "base_url", "enabled", "config_json", "created_at", "updated_at"],
  style_guides: ["id", "project_id", "name", "instructions", "notes", "created_at", "updated_at"],
  characters: ["id", "project_id", "name", "description", "prompt_text", "created_at", "updated_at"],
  reference_sets: ["id", "project_id", "name", "description", "created_at", "updated_at"],
  reference_items: ["id", "project_id", "reference_set_id", "label", "content_uri", "content_text", "sort_order", "metadata_json", "created_at", "updated_at", "asset_id"],
  asset_links: ["id", "project_id", "parent_asset_id", "child_asset_id", "link_type", "created_at", "updated_at"],
  chat_sessions: ["id", "project_id", "title", "status", "created_at", "updated_at"],
  chat_messages: ["id", "project_id", "session_id", "seq", "role", "content", "content_json", "created_at"],
  agent_instructions: ["id", "project_id", "instruction_text", "instruction_type", "payload_json", "dispatch_to_agent", "status", "attempts", "max_attempts", "next_attempt_at", "last_error", "agent_response_json", "created_at", "updated_at", "confirmed_at", "canceled_at"],
  agent_instruction_events: ["id", "project_id", "instruction_id", "seq", "event_type", "message", "created_at"],
  auth_tokens: ["id", "user_id", "project_id", "token_prefix", "token_hash", "label", "expires_at", "revoked_at", "last_used_at", "created_at"],
  auth_sessions: ["id", "token_id", "secret_hash", "created_at", "expires_at", "last_used_at", "revoked_at"],
  audit_events: ["id", "actor_token_id", "action", "project_id", "target_type", "target_id", "detail_json", "created_at"],
  secret_keys: ["id", "wrapped_key", "active", "created_at"],
  project_secrets: ["project_id", "provider_code", "secret_name", "key_id", "nonce", "ciphertext", "auth_tag", "hint", "created_at", "updated_at"],
  exports: ["id", "project_id", "run_id", "status", "export_format", "storage_uri", "rel_path", "file_size_bytes", "checksum_sha256", "manifest_json", "export_asset_id", "error", "created_at", "completed_at"],
  s3_sync_state: ["project_id", "endpoint_url", "bucket", "object_key", "rel_path", "size_bytes", "sha256", "etag", "uploaded_at"],
  leases: ["kind", "target_id", "owner_id", "owner_host", "owner_pid", "acquired_at", "heartbeat_at_ms", "detail_json"],
  job_reviews: ["job_id", "project_id", "run_id", "state", "candidate_index", "candidate_sha256", "updated_at"],
  job_review_events: ["id", "project_id", "run_id", "job_id", "seq", "action", "state", "candidate_index", "candidate_sha256", "previous_state", "previous_candidate_index", "note", "actor_token_id", "actor_label", "audit_id", "undone", "detail_json", "created_at"],
  scene_baselines: ["project_id", "scene", "asset_id", "run_id", "job_id", "created_at"],
  project_budgets: ["project_id", "budget_usd", "updated_at"],
  trash_entries: ["id", "project_id", "kind", "status", "label", "run_id", "asset_ids_json", "files_json", "bytes", "deleted_at", "expires_at", "deleted_by", "note", "restored_at", "purged_at"],
} as const satisfies { [T in keyof Database]: readonly (keyof Database[T])[] };

/** The columns `schema.ts` declares that {@link columns} leaves out, per table (`never` when none). */
type MissingColumns = {
  [T in keyof Database]: Exclude<keyof Database[T], (typeof columns)[T][number]>;
}[keyof Database];
/** Fails to compile, naming the columns, when the list above lacks a column of the schema type. */
const noneMissing: [MissingColumns] extends [never] ? true : MissingColumns = true;

let db: KromaDb;
beforeAll(async () => {
  db = await openDatabase(":memory:");
});
afterAll(async () => {
  await db.destroy();
});

/** The migrated database's tables and their columns, without SQLite's and the migrator's own. */
async function migratedColumns(): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'
  `.execute(db);
  const found: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    found[name] = rows.map((column) => column.name).sort();
  }
  return found;
}

describe("database schema type", () => {
  it("names exactly the migrated database's tables and columns", async () => {
    expect(noneMissing).toBe(true);
    const declared = Object.fromEntries(Object.entries(columns).map(([table, names]) => [table, [...names].sort()]));
    expect(await migratedColumns()).toEqual(declared);
  });
});
