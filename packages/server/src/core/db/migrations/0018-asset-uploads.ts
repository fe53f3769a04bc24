import type { Kysely } from "kysely";

/**
 * Uploaded images: an asset keeps the name its file was uploaded under (`original_name`; the
 * stored file is named by its sha256), and a reference item may point at an asset of its project.
 * The index serves the upload's de-duplication (same project, kind and bytes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assets").addColumn("original_name", "text").execute();
  await db.schema
    .alterTable("reference_items")
    .addColumn("asset_id", "text", (col) => col.references("assets.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("assets_project_kind_sha256")
    .on("assets")
    .columns(["project_id", "asset_kind", "sha256"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("assets_project_kind_sha256").execute();
  await db.schema.alterTable("reference_items").dropColumn("asset_id").execute();
  await db.schema.alterTable("assets").dropColumn("original_name").execute();
}
