import type { Kysely } from "kysely";

/**
 * Whether an asset's file still holds the bytes its record describes. Runs used to write every
 * output under one name per scene, so a later run replaced the files an earlier run's records
 * named. Rows from before this migration start unchecked (`file_checked_at` null): the file check
 * (`features/assets/legacy-files.ts`) repoints each whose bytes moved to `archive/` by sha256 and
 * marks the rest `stale`, instead of leaving them silently wrong.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("assets")
    .addColumn("stale", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("assets").addColumn("file_checked_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assets").dropColumn("file_checked_at").execute();
  await db.schema.alterTable("assets").dropColumn("stale").execute();
}
