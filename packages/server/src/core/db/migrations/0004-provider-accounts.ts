import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("provider_accounts")
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("provider_code", "text", (col) => col.notNull())
    .addColumn("display_name", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("account_ref", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("base_url", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("enabled", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("config_json", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("provider_accounts_pk", ["project_id", "provider_code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("provider_accounts").execute();
}
