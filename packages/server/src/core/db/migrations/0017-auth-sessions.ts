import type { Kysely } from "kysely";

/**
 * Browser sessions (`POST /auth/session`): a session is made from an API token and holds only the
 * SHA-256 of its secret (the secret lives in the browser's `kroma_session` cookie). It ends when
 * it expires, is revoked, or its token stops working; deleting a token's row deletes its sessions.
 * Depends on 0011 (auth_tokens) only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("auth_sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("token_id", "text", (col) => col.notNull().references("auth_tokens.id").onDelete("cascade"))
    .addColumn("secret_hash", "text", (col) => col.notNull().unique())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("auth_sessions_token").on("auth_sessions").column("token_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("auth_sessions").execute();
}
