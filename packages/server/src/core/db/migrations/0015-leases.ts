import type { Kysely } from "kysely";

/**
 * Leases: which live process owns a piece of work in progress (a run it executes, an export it
 * writes, an import it stages). The owner renews its heartbeat while it works; work whose owner's
 * heartbeat has expired (or whose process is gone) is known to be abandoned, so another process
 * may clean it up, and work whose owner is alive is never touched by anyone else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("leases")
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("target_id", "text", (col) => col.notNull())
    .addColumn("owner_id", "text", (col) => col.notNull())
    .addColumn("owner_host", "text", (col) => col.notNull())
    .addColumn("owner_pid", "integer", (col) => col.notNull())
    .addColumn("acquired_at", "text", (col) => col.notNull())
    .addColumn("heartbeat_at_ms", "integer", (col) => col.notNull())
    .addColumn("detail_json", "text")
    .addPrimaryKeyConstraint("leases_pk", ["kind", "target_id"])
    .execute();
  await db.schema.createIndex("leases_owner").on("leases").column("owner_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("leases").execute();
}
