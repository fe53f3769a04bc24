import type { Kysely } from "kysely";

/** API tokens (only their hashes) and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("auth_tokens")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("project_id", "text", (col) => col.references("projects.id").onDelete("cascade"))
    .addColumn("token_prefix", "text", (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("label", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  // No foreign keys: the log outlives the records it talks about.
  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("actor_token_id", "text")
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("project_id", "text")
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_id", "text")
    .addColumn("detail_json", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("audit_events_project")
    .on("audit_events")
    .columns(["project_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_events").execute();
  await db.schema.dropTable("auth_tokens").execute();
}
