import type { Kysely } from "kysely";

/**
 * Exports (bundles written to disk, with their size, checksum and counts) and the S3 sync state:
 * what the last successful upload of each project file recorded, so a sync uploads only new or
 * changed files and an interrupted one resumes without uploading again what already arrived.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("exports")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("run_id", "text", (col) => col.references("runs.id").onDelete("set null"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("export_format", "text", (col) => col.notNull())
    .addColumn("storage_uri", "text")
    .addColumn("rel_path", "text")
    .addColumn("file_size_bytes", "integer")
    .addColumn("checksum_sha256", "text")
    .addColumn("manifest_json", "text")
    .addColumn("export_asset_id", "text")
    .addColumn("error", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("exports_project_created").on("exports").columns(["project_id", "created_at"]).execute();

  // Keyed by where the object went (endpoint, bucket, key): changing any of them uploads again.
  await db.schema
    .createTable("s3_sync_state")
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("endpoint_url", "text", (col) => col.notNull())
    .addColumn("bucket", "text", (col) => col.notNull())
    .addColumn("object_key", "text", (col) => col.notNull())
    .addColumn("rel_path", "text", (col) => col.notNull())
    .addColumn("size_bytes", "integer", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("etag", "text")
    .addColumn("uploaded_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("s3_sync_state_pk", ["project_id", "endpoint_url", "bucket", "object_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("s3_sync_state").execute();
  await db.schema.dropTable("exports").execute();
}
