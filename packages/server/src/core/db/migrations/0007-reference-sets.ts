import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reference_sets")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addUniqueConstraint("reference_sets_project_name", ["project_id", "name"])
    .execute();

  await db.schema
    .createTable("reference_items")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("reference_set_id", "text", (col) => col.notNull().references("reference_sets.id").onDelete("cascade"))
    .addColumn("label", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("content_uri", "text")
    .addColumn("content_text", "text")
    .addColumn("sort_order", "integer", (col) => col.notNull())
    .addColumn("metadata_json", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("reference_items_set_order")
    .on("reference_items")
    .columns(["reference_set_id", "sort_order"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reference_items").execute();
  await db.schema.dropTable("reference_sets").execute();
}
