import type { Kysely } from "kysely";

/**
 * Choosing and approving: a job's review state (keyed by the run, the job and the sha256 of the
 * candidate it is about), the history of every decision on it (select, approve, reject, undo:
 * who, when, why, what it replaced), and the project's baseline per scene.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_reviews")
    .addColumn("job_id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull())
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("candidate_index", "integer")
    .addColumn("candidate_sha256", "text")
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("job_reviews_run").on("job_reviews").column("run_id").execute();
  await db.schema
    .createTable("job_review_events")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("project_id", "text", (col) => col.notNull())
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("job_id", "text", (col) => col.notNull())
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("candidate_index", "integer")
    .addColumn("candidate_sha256", "text")
    .addColumn("previous_state", "text", (col) => col.notNull())
    .addColumn("previous_candidate_index", "integer")
    .addColumn("note", "text")
    .addColumn("actor_token_id", "text")
    .addColumn("actor_label", "text")
    .addColumn("audit_id", "text", (col) => col.notNull())
    .addColumn("undone", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("detail_json", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addUniqueConstraint("job_review_events_seq", ["job_id", "seq"])
    .execute();
  await db.schema
    .createTable("scene_baselines")
    .addColumn("project_id", "text", (col) => col.notNull())
    .addColumn("scene", "text", (col) => col.notNull())
    .addColumn("asset_id", "text", (col) => col.notNull())
    .addColumn("run_id", "text", (col) => col.notNull())
    .addColumn("job_id", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("scene_baselines_pk", ["project_id", "scene"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("scene_baselines").execute();
  await db.schema.dropTable("job_review_events").execute();
  await db.schema.dropTable("job_reviews").execute();
}
