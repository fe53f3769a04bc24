import { randomUUID } from "node:crypto";
import type { Schema } from "@kroma/contract";
import type { Kysely, Selectable } from "kysely";
import type { Database, JobReviewEventsTable, SceneBaselinesTable } from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";

// The rows behind a job's review: its current state, the numbered history of decisions and the
// project's baseline per scene. Every function runs on the caller's transaction.

type ReviewState = Schema<"ReviewState">;
export type ReviewEventRecord = Schema<"ReviewEvent">;
export type BaselineRecord = Schema<"Baseline">;

/** What an undo needs: the baseline a decision set, and the one it replaced. */
export interface DecisionDetail {
  baseline_set?: BaselineRecord;
  baseline_replaced?: BaselineRecord | null;
}

export async function currentReview(trx: Kysely<Database>, jobId: string) {
  return trx.selectFrom("job_reviews").selectAll().where("job_id", "=", jobId).executeTakeFirst();
}

export async function writeReview(
  trx: Kysely<Database>,
  row: { job_id: string; project_id: string; run_id: string; state: ReviewState; candidate_index: number | null },
  candidateSha256: string | null,
  at: string,
): Promise<void> {
  const values = { ...row, candidate_sha256: candidateSha256, updated_at: at };
  await trx
    .insertInto("job_reviews")
    .values(values)
    .onConflict((oc) =>
      oc.column("job_id").doUpdateSet({
        state: values.state,
        candidate_index: values.candidate_index,
        candidate_sha256: values.candidate_sha256,
        updated_at: at,
      }),
    )
    .execute();
}

/** Appends a decision to the job's history, numbered after the last one. */
export async function appendEvent(
  trx: Kysely<Database>,
  event: Omit<Selectable<JobReviewEventsTable>, "id" | "seq" | "undone" | "detail_json"> & { detail: DecisionDetail },
): Promise<ReviewEventRecord> {
  const last = await trx
    .selectFrom("job_review_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("job_id", "=", event.job_id)
    .executeTakeFirst();
  const { detail, ...fields } = event;
  const row = { ...fields, id: `review_${randomUUID()}`, seq: Number(last?.seq ?? 0) + 1, undone: 0 };
  await trx
    .insertInto("job_review_events")
    .values({ ...row, detail_json: toJsonText(detail) })
    .execute();
  return toEvent(row);
}

/** The latest decision not yet undone (undos themselves are never undone), if any. */
export async function lastUndoable(trx: Kysely<Database>, jobId: string) {
  const row = await trx
    .selectFrom("job_review_events")
    .selectAll()
    .where("job_id", "=", jobId)
    .where("action", "!=", "undo")
    .where("undone", "=", 0)
    .orderBy("seq", "desc")
    .executeTakeFirst();
  return row && { row, detail: fromJsonText<DecisionDetail>(row.detail_json) ?? {} };
}

export async function markUndone(trx: Kysely<Database>, eventId: string): Promise<void> {
  await trx.updateTable("job_review_events").set({ undone: 1 }).where("id", "=", eventId).execute();
}

export async function history(trx: Kysely<Database>, jobId: string): Promise<ReviewEventRecord[]> {
  const rows = await trx
    .selectFrom("job_review_events")
    .selectAll()
    .where("job_id", "=", jobId)
    .orderBy("seq")
    .execute();
  return rows.map(toEvent);
}

export async function baselineOf(trx: Kysely<Database>, projectId: string, scene: string) {
  const row = await trx
    .selectFrom("scene_baselines")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("scene", "=", scene)
    .executeTakeFirst();
  return row ? toBaseline(row) : undefined;
}

export async function setBaseline(trx: Kysely<Database>, projectId: string, baseline: BaselineRecord): Promise<void> {
  await trx
    .deleteFrom("scene_baselines")
    .where("project_id", "=", projectId)
    .where("scene", "=", baseline.scene)
    .execute();
  await trx
    .insertInto("scene_baselines")
    .values({ project_id: projectId, ...baseline })
    .execute();
}

export async function removeBaseline(trx: Kysely<Database>, projectId: string, scene: string): Promise<void> {
  await trx.deleteFrom("scene_baselines").where("project_id", "=", projectId).where("scene", "=", scene).execute();
}

function toEvent(row: Omit<Selectable<JobReviewEventsTable>, "detail_json">): ReviewEventRecord {
  return {
    id: row.id,
    run_id: row.run_id,
    job_id: row.job_id,
    seq: row.seq,
    action: row.action,
    state: row.state,
    candidate_index: row.candidate_index,
    candidate_sha256: row.candidate_sha256,
    previous_state: row.previous_state,
    previous_candidate_index: row.previous_candidate_index,
    note: row.note,
    actor: row.actor_label,
    audit_id: row.audit_id,
    created_at: row.created_at,
  };
}

function toBaseline(row: Selectable<SceneBaselinesTable>): BaselineRecord {
  return {
    scene: row.scene,
    asset_id: row.asset_id,
    run_id: row.run_id,
    job_id: row.job_id,
    created_at: row.created_at,
  };
}
