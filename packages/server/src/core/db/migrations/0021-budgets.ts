import type { Kysely } from "kysely";

/**
 * A project's budget for paid runs, and each queued run's reservation against it (its spend
 * estimate at trigger time), so the trigger can refuse a run the remainder does not cover.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("project_budgets")
    .addColumn("project_id", "text", (col) => col.primaryKey().references("projects.id").onDelete("cascade"))
    .addColumn("budget_usd", "real", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.alterTable("runs").addColumn("reserved_usd", "real").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("runs").dropColumn("reserved_usd").execute();
  await db.schema.dropTable("project_budgets").execute();
}
