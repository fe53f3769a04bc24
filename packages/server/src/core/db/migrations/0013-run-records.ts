import type { Kysely } from "kysely";

/**
 * What ingesting run logs and queueing runs need: the run's request, error, counts and the hash
 * of the log it was ingested from (the idempotence check), and the candidates, quality reports
 * and cost events tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ["error", "summary_json", "request_json", "run_log_sha256"]) {
    await db.schema.alterTable("runs").addColumn(column, "text").execute();
  }
  await db.schema.createIndex("runs_project_created").on("runs").columns(["project_id", "created_at"]).execute();
  await db.schema.createIndex("runs_status").on("runs").column("status").execute();

  await db.schema
    .createTable("candidates")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("job_id", "text", (col) => col.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("candidate_index", "integer", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("output_asset_id", "text")
    .addColumn("final_asset_id", "text")
    .addColumn("output_path", "text")
    .addColumn("final_output_path", "text")
    .addColumn("rank_hard_failures", "integer")
    .addColumn("rank_soft_warnings", "integer")
    .addColumn("rank_avg_chroma_exceed", "real")
    .addColumn("meta_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("candidates_job_index", ["job_id", "candidate_index"])
    .execute();

  await db.schema.createIndex("assets_run_id").on("assets").column("run_id").execute();
  // Lists are per project, newest first; this index serves them and makes 0002's
  // `assets_project_id` (its prefix) redundant, and every index costs each of a run's inserts.
  await db.schema.createIndex("assets_project_created").on("assets").columns(["project_id", "created_at"]).execute();
  await db.schema.dropIndex("assets_project_id").execute();

  await db.schema
    .createTable("quality_reports")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("run_id", "text", (col) => col.references("runs.id").onDelete("cascade"))
    .addColumn("asset_id", "text")
    .addColumn("report_type", "text", (col) => col.notNull())
    .addColumn("grade", "text", (col) => col.notNull())
    .addColumn("hard_failures", "integer", (col) => col.notNull())
    .addColumn("soft_warnings", "integer", (col) => col.notNull())
    .addColumn("avg_chroma_exceed", "real", (col) => col.notNull())
    .addColumn("summary_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("quality_reports_project")
    .on("quality_reports")
    .columns(["project_id", "created_at"])
    .execute();
  await db.schema.createIndex("quality_reports_run").on("quality_reports").column("run_id").execute();

  await db.schema
    .createTable("cost_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("run_id", "text", (col) => col.references("runs.id").onDelete("cascade"))
    .addColumn("job_id", "text")
    .addColumn("provider_code", "text", (col) => col.notNull())
    .addColumn("model_name", "text")
    .addColumn("event_type", "text", (col) => col.notNull())
    .addColumn("units", "real", (col) => col.notNull())
    .addColumn("unit_cost_usd", "real")
    .addColumn("total_cost_usd", "real")
    .addColumn("currency", "text", (col) => col.notNull())
    .addColumn("meta_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("cost_events_project").on("cost_events").columns(["project_id", "created_at"]).execute();
  await db.schema.createIndex("cost_events_run").on("cost_events").column("run_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("cost_events").execute();
  await db.schema.dropTable("quality_reports").execute();
  await db.schema.dropTable("candidates").execute();
  await db.schema.createIndex("assets_project_id").on("assets").column("project_id").execute();
  await db.schema.dropIndex("assets_project_created").execute();
  await db.schema.dropIndex("assets_run_id").execute();
  await db.schema.dropIndex("runs_status").execute();
  await db.schema.dropIndex("runs_project_created").execute();
  for (const column of ["run_log_sha256", "request_json", "summary_json", "error"]) {
    await db.schema.alterTable("runs").dropColumn(column).execute();
  }
}
