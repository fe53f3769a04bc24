import type { Kysely } from "kysely";

/**
 * The per-project trash: what was deleted (an asset, a run, a run's pruned candidates, what
 * `gc` found), where its files went under `.kroma/trash/<id>/`, and until when it can be
 * restored. Assets and runs carry `deleted_at` and the entry holding them; a purge removes the
 * files but keeps the records, so run logs, reviews and audit events still name what existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("trash_entries")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("label", "text", (col) => col.notNull())
    .addColumn("run_id", "text")
    .addColumn("asset_ids_json", "text", (col) => col.notNull())
    .addColumn("files_json", "text", (col) => col.notNull())
    .addColumn("bytes", "integer", (col) => col.notNull())
    .addColumn("deleted_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("deleted_by", "text")
    .addColumn("note", "text")
    .addColumn("restored_at", "text")
    .addColumn("purged_at", "text")
    .execute();
  await db.schema
    .createIndex("trash_entries_project")
    .on("trash_entries")
    .columns(["project_id", "status", "deleted_at"])
    .execute();
  for (const table of ["assets", "runs"]) {
    await db.schema.alterTable(table).addColumn("deleted_at", "text").execute();
    await db.schema.alterTable(table).addColumn("trash_id", "text").execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["assets", "runs"]) {
    await db.schema.alterTable(table).dropColumn("trash_id").execute();
    await db.schema.alterTable(table).dropColumn("deleted_at").execute();
  }
  await db.schema.dropTable("trash_entries").execute();
}
