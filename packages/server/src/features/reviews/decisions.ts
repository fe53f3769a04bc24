import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { type Actor, actorLabel, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import { conflict, notFound } from "../../core/errors.js";
import { fromJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";
import { activeRunStatuses, createRunRepository, type RunRecordStatus } from "../runs/repository.js";
import {
  appendEvent,
  type BaselineRecord,
  baselineOf,
  currentReview,
  type DecisionDetail,
  lastUndoable,
  markUndone,
  type ReviewEventRecord,
  removeBaseline,
  setBaseline,
  writeReview,
} from "./repository.js";

// Choosing and approving a job's final. Each decision is one transaction: the job's rows, its
// review state, a history entry and the audit event, so a decision is recorded whole or not at all.

type ReviewState = Schema<"ReviewState">;
type Action = Schema<"ReviewAction">;

/** Stages that may call a paid service (PhotoRoom or remove.bg cut-outs, the OpenAI refine pass). */
const paidStages = new Set(["bg_remove", "bg_refine_openai"]);

export interface DecisionTarget {
  projectId: string;
  runId: string;
  jobId: string;
  actor: Actor | null;
}

export interface DecisionResult {
  review: ReviewEventRecord;
  auditId: string;
  baseline?: BaselineRecord;
  replacedBaseline?: BaselineRecord | null;
}

/** The run and its job `jobId`, both checked to belong to the project (404 naming which is missing). */
export async function findRunJob(db: Kysely<Database>, projectId: string, runId: string, jobId: string) {
  const run = await db
    .selectFrom("runs")
    .selectAll()
    .where("id", "=", runId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (!run) throw notFound(`Run '${runId}' not found`);
  const job = await db
    .selectFrom("jobs")
    .selectAll()
    .where("id", "=", jobId)
    .where("run_id", "=", run.id)
    .executeTakeFirst();
  if (!job) throw notFound(`Job '${jobId}' not found in run '${run.id}'`);
  return { run, job };
}

/** The job, its candidates and their images, checked to belong to the run and the project. */
async function loadJob(trx: Kysely<Database>, target: DecisionTarget) {
  const { run, job } = await findRunJob(trx, target.projectId, target.runId, target.jobId);
  if (activeRunStatuses.includes(run.status as RunRecordStatus)) {
    throw conflict(`Run '${run.id}' is ${run.status}: review its jobs once it has finished`, { field: "run_id" });
  }
  if (run.trash_id) {
    throw conflict(`Run '${run.id}' is in the trash (${run.trash_id}): restore it to review its jobs`, {
      field: "run_id",
    });
  }
  const candidates = await trx.selectFrom("candidates").selectAll().where("job_id", "=", job.id).execute();
  const assets = await trx.selectFrom("assets").selectAll().where("job_id", "=", job.id).execute();
  const review = await currentReview(trx, job.id);
  return { run, job, candidates, assets, state: (review?.state ?? "pending") as ReviewState };
}

type LoadedJob = Awaited<ReturnType<typeof loadJob>>;

/** The sha256 of the job's current final, the bytes a decision is about. */
function finalSha(loaded: LoadedJob): string | null {
  return loaded.assets.find((asset) => asset.id === loaded.job.final_asset_id)?.sha256 ?? null;
}

/** Writes the new state, the history entry and the audit event of one decision. */
async function record(
  trx: Kysely<Database>,
  target: DecisionTarget,
  loaded: LoadedJob,
  decision: {
    action: Action;
    state: ReviewState;
    candidateIndex: number | null;
    sha256: string | null;
    previousCandidateIndex: number | null;
    note: string | undefined;
    detail?: DecisionDetail;
  },
): Promise<DecisionResult> {
  const at = nowIso();
  const label = await actorLabel(trx, target.actor);
  const auditId = await recordAudit(trx, target.actor, {
    action: `job.${decision.action}`,
    projectId: target.projectId,
    targetType: "job",
    targetId: loaded.job.id,
    detail: {
      run_id: loaded.run.id,
      who: label,
      why: decision.note ?? null,
      state: decision.state,
      replaced: { state: loaded.state, candidate_index: decision.previousCandidateIndex },
      candidate_index: decision.candidateIndex,
      candidate_sha256: decision.sha256,
      ...(decision.detail ?? {}),
    },
  });
  const row = { job_id: loaded.job.id, project_id: target.projectId, run_id: loaded.run.id };
  await writeReview(
    trx,
    { ...row, state: decision.state, candidate_index: decision.candidateIndex },
    decision.sha256,
    at,
  );
  const review = await appendEvent(trx, {
    ...row,
    action: decision.action,
    state: decision.state,
    candidate_index: decision.candidateIndex,
    candidate_sha256: decision.sha256,
    previous_state: loaded.state,
    previous_candidate_index: decision.previousCandidateIndex,
    note: decision.note ?? null,
    actor_token_id: target.actor?.tokenId ?? null,
    actor_label: label,
    audit_id: auditId,
    created_at: at,
    detail: decision.detail ?? {},
  });
  return {
    review,
    auditId,
    ...(decision.detail?.baseline_set ? { baseline: decision.detail.baseline_set } : {}),
    ...(decision.detail && "baseline_replaced" in decision.detail
      ? { replacedBaseline: decision.detail.baseline_replaced ?? null }
      : {}),
  };
}

/**
 * Points the job's final at candidate `index`: its image becomes the `final` asset and the previous
 * final a `candidate` again (both stay in the records). Refuses a candidate without an image, or
 * one whose post-processing did not finish (naming the step; a paid one needs `confirmSpend`).
 */
async function moveFinal(trx: Kysely<Database>, loaded: LoadedJob, index: number, confirmSpend: boolean) {
  const candidate = loaded.candidates.find((row) => row.candidate_index === index);
  if (!candidate) throw notFound(`Job '${loaded.job.job_key}' has no candidate ${index}`);
  const image = loaded.assets.find((asset) => asset.id === candidate.output_asset_id);
  if (candidate.status !== "generated" || !image) {
    throw conflict(`Candidate ${index} of job '${loaded.job.job_key}' has no image (${candidate.status})`, {
      field: "candidate_index",
    });
  }
  const missing = missingStages(loaded, candidate.id);
  if (missing.length > 0) {
    const step = missing[0] as string;
    const why =
      paidStages.has(step) && !confirmSpend
        ? `its ${step} step may call a paid service: send confirm_spend: true to allow it`
        : `its post-processing stopped before ${step}, and re-running it on select is not supported yet`;
    throw conflict(`Cannot make candidate ${index} of job '${loaded.job.job_key}' final: ${why}`, {
      field: "candidate_index",
      step,
    });
  }
  const previous = loaded.job.final_asset_id;
  await trx
    .updateTable("jobs")
    .set({ selected_candidate_index: index, final_asset_id: image.id, final_output: image.rel_path })
    .where("id", "=", loaded.job.id)
    .execute();
  await trx
    .updateTable("candidates")
    .set({ final_asset_id: null, final_output_path: null })
    .where("job_id", "=", loaded.job.id)
    .execute();
  await trx
    .updateTable("candidates")
    .set({ final_asset_id: image.id, final_output_path: image.rel_path })
    .where("id", "=", candidate.id)
    .execute();
  if (previous && previous !== image.id) {
    await trx.updateTable("assets").set({ asset_kind: "candidate" }).where("id", "=", previous).execute();
  }
  await trx.updateTable("assets").set({ asset_kind: "final" }).where("id", "=", image.id).execute();
  return image;
}

/** The post-process stages the run ran that the candidate has no file of (the refine pass is optional). */
function missingStages(loaded: LoadedJob, candidateId: string): string[] {
  const settings = fromJsonText<{ postprocess?: { pipeline_order?: string[] } }>(loaded.run.settings_snapshot_json);
  const stages = (settings?.postprocess?.pipeline_order ?? []).filter(
    (stage) => stage !== "generate" && stage !== "bg_refine_openai",
  );
  const made = new Set(
    loaded.assets.filter((asset) => asset.candidate_id === candidateId).map((asset) => asset.asset_kind),
  );
  return stages.filter((stage) => !made.has(stage));
}

/** The scene a job was made from: the first of its input images, as the run log names it. */
function sceneOf(loaded: LoadedJob): string {
  const meta = fromJsonText<{ input_images?: string[] }>(loaded.job.meta_json);
  return meta?.input_images?.[0] ?? loaded.job.job_key;
}

export function createReviewDecisions(db: KromaDb) {
  const inTrx = <T>(work: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(work);

  return {
    select: (target: DecisionTarget, body: Schema<"SelectCandidateRequest">) =>
      inTrx(async (trx) => {
        const loaded = await loadJob(trx, target);
        const previous = loaded.job.selected_candidate_index;
        const image = await moveFinal(trx, loaded, body.candidate_index, body.confirm_spend === true);
        return record(trx, target, loaded, {
          action: "select",
          state: "pending",
          candidateIndex: body.candidate_index,
          sha256: image.sha256,
          previousCandidateIndex: previous,
          note: body.note,
        });
      }),

    approve: (target: DecisionTarget, body: Schema<"ApproveRequest">) =>
      inTrx(async (trx) => {
        const loaded = await loadJob(trx, target);
        const finalId = loaded.job.final_asset_id;
        if (!finalId) throw conflict(`Job '${loaded.job.job_key}' has no final output to approve`, { field: "job_id" });
        const detail: DecisionDetail = {};
        if (body.baseline) {
          const scene = sceneOf(loaded);
          const existing = await baselineOf(trx, target.projectId, scene);
          if (existing && existing.asset_id !== finalId && !body.replace_baseline) {
            throw conflict(
              `Scene '${scene}' already has a baseline (asset ${existing.asset_id} of run ${existing.run_id}); send replace_baseline: true to replace it`,
              { field: "replace_baseline", baseline: existing },
            );
          }
          const baseline = {
            scene,
            asset_id: finalId,
            run_id: loaded.run.id,
            job_id: loaded.job.id,
            created_at: nowIso(),
          };
          await setBaseline(trx, target.projectId, baseline);
          detail.baseline_set = baseline;
          detail.baseline_replaced = existing ?? null;
        }
        const index = loaded.job.selected_candidate_index;
        return record(trx, target, loaded, {
          action: "approve",
          state: "approved",
          candidateIndex: index,
          sha256: finalSha(loaded),
          previousCandidateIndex: index,
          note: body.note,
          detail,
        });
      }),

    reject: (target: DecisionTarget, body: Schema<"ReviewDecisionRequest">) =>
      inTrx(async (trx) => {
        const loaded = await loadJob(trx, target);
        const index = loaded.job.selected_candidate_index;
        return record(trx, target, loaded, {
          action: "reject",
          state: "rejected",
          candidateIndex: index,
          sha256: finalSha(loaded),
          previousCandidateIndex: index,
          note: body.note,
        });
      }),

    undo: (target: DecisionTarget, body: Schema<"ReviewDecisionRequest">) =>
      inTrx(async (trx) => {
        const loaded = await loadJob(trx, target);
        const last = await lastUndoable(trx, loaded.job.id);
        if (!last) throw conflict(`Job '${loaded.job.job_key}' has no decision to undo`, { field: "job_id" });
        await markUndone(trx, last.row.id);
        let index = loaded.job.selected_candidate_index;
        let sha = finalSha(loaded);
        if (last.row.action === "select" && last.row.previous_candidate_index !== null) {
          const image = await moveFinal(trx, loaded, last.row.previous_candidate_index, true);
          index = last.row.previous_candidate_index;
          sha = image.sha256;
        }
        const { baseline_set: set, baseline_replaced: replaced } = last.detail;
        if (set) {
          if (replaced) await setBaseline(trx, target.projectId, replaced);
          else await removeBaseline(trx, target.projectId, set.scene);
        }
        return record(trx, target, loaded, {
          action: "undo",
          state: last.row.previous_state,
          candidateIndex: index,
          sha256: sha,
          previousCandidateIndex: loaded.job.selected_candidate_index,
          note: body.note,
        });
      }),
  };
}

/** The job as the runs routes show it, after a decision. */
export async function jobRecord(db: KromaDb, runId: string, jobId: string) {
  const job = (await createRunRepository(db).jobs(runId)).find((row) => row.id === jobId);
  if (!job) throw notFound(`Job '${jobId}' not found`);
  return job;
}
