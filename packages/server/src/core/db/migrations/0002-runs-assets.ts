import type { Kysely } from "kysely";

/** Runs, their jobs and the assets they produce: the records a project's counts are taken from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("run_mode", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("stage", "text")
    .addColumn("time_of_day", "text")
    .addColumn("weather", "text")
    .addColumn("model_name", "text")
    .addColumn("provider_code", "text")
    .addColumn("settings_snapshot_json", "text")
    .addColumn("image_size", "text")
    .addColumn("image_quality", "text")
    .addColumn("run_log_path", "text")
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("runs_project_id").on("runs").column("project_id").execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("run_id", "text", (col) => col.notNull().references("runs.id").onDelete("cascade"))
    .addColumn("job_key", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("prompt_text", "text")
    .addColumn("selected_candidate_index", "integer")
    .addColumn("final_asset_id", "text")
    .addColumn("final_output", "text")
    .addColumn("meta_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("jobs_run_id_job_key", ["run_id", "job_key"])
    .execute();

  await db.schema
    .createTable("assets")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("asset_kind", "text")
    .addColumn("storage_uri", "text")
    .addColumn("rel_path", "text")
    .addColumn("storage_backend", "text", (col) => col.notNull().defaultTo("local"))
    .addColumn("mime_type", "text")
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("sha256", "text")
    .addColumn("run_id", "text", (col) => col.references("runs.id").onDelete("set null"))
    .addColumn("job_id", "text", (col) => col.references("jobs.id").onDelete("set null"))
    .addColumn("candidate_id", "text")
    .addColumn("metadata_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("assets_project_id").on("assets").column("project_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("assets").execute();
  await db.schema.dropTable("jobs").execute();
  await db.schema.dropTable("runs").execute();
}
