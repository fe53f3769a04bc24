import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("asset_links")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("parent_asset_id", "text", (col) => col.notNull().references("assets.id").onDelete("cascade"))
    .addColumn("child_asset_id", "text", (col) => col.notNull().references("assets.id").onDelete("cascade"))
    .addColumn("link_type", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addUniqueConstraint("asset_links_unique", ["project_id", "parent_asset_id", "child_asset_id", "link_type"])
    .execute();
  await db.schema.createIndex("asset_links_child").on("asset_links").column("child_asset_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("asset_links").execute();
}
