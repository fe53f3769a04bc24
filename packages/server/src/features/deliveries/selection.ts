import { extname } from "node:path";
import type { Schema } from "@kroma/contract";
import { postprocessStageNameValues } from "@kroma/contract/enums";
import type { KromaDb } from "../../core/db/database.js";
import { conflict, notFound, validationError } from "../../core/errors.js";
import { fromJsonText } from "../../core/input.js";
import { history } from "../reviews/repository.js";

// Which files a delivery holds: the approved finals of a run, or the latest approved final of
// each scene, each with what the manifest says about it.

/** Post-process stages in chain order (the spec's enum): the last one a candidate has is what it delivers. */
const stageOrder: readonly string[] = postprocessStageNameValues;

export interface ProvenanceStep {
  asset_id: string;
  asset_kind: string | null;
  rel_path: string | null;
  sha256: string | null;
}

/** One file of a delivery, as `manifest.json` lists it. */
export interface DeliveredFile {
  /** Its path inside the zip. */
  file: string;
  /** Its path under the project root. */
  rel_path: string;
  sha256: string;
  asset_id: string;
  scene: string;
  run_id: string;
  job_id: string;
  job_key: string;
  candidate_index: number | null;
  prompt: string | null;
  decisions: Schema<"ReviewEvent">[];
  /** From the delivered file back to the candidate's image, then the scene it was made from. */
  provenance: (ProvenanceStep | { scene: string })[];
}

interface ApprovedJob {
  job_id: string;
  run_id: string;
  job_key: string;
  selected_candidate_index: number | null;
  final_asset_id: string | null;
  prompt_text: string | null;
  meta_json: string | null;
  updated_at: string;
}

/** The approved jobs the request names, checked; refuses an empty delivery. */
export async function approvedJobs(
  db: KromaDb,
  projectId: string,
  body: Schema<"DeliveryRequest">,
): Promise<ApprovedJob[]> {
  if ((body.run_id === undefined) === (body.latest_approved !== true)) {
    throw validationError("Name exactly one of 'run_id' or 'latest_approved: true'", { field: "run_id" });
  }
  let query = db
    .selectFrom("job_reviews")
    .innerJoin("jobs", "jobs.id", "job_reviews.job_id")
    .innerJoin("runs", "runs.id", "jobs.run_id")
    .where("job_reviews.project_id", "=", projectId)
    .where("job_reviews.state", "=", "approved")
    // A run in the trash delivers nothing until it is restored.
    .where("runs.deleted_at", "is", null)
    .select([
      "jobs.id as job_id",
      "jobs.run_id",
      "jobs.job_key",
      "jobs.selected_candidate_index",
      "jobs.final_asset_id",
      "jobs.prompt_text",
      "jobs.meta_json",
      "job_reviews.updated_at",
    ]);
  if (body.run_id !== undefined) {
    const run = await db
      .selectFrom("runs")
      .select(["id", "trash_id"])
      .where("id", "=", body.run_id)
      .where("project_id", "=", projectId)
      .executeTakeFirst();
    if (!run) throw notFound(`Run '${body.run_id}' not found`);
    if (run.trash_id) {
      throw conflict(`Run '${run.id}' is in the trash (${run.trash_id}): restore it to deliver it`, {
        field: "run_id",
      });
    }
    query = query.where("jobs.run_id", "=", run.id);
  }
  const rows = await query.orderBy("jobs.run_id").orderBy("jobs.job_key").execute();
  const chosen = body.latest_approved ? latestPerScene(rows) : rows;
  if (chosen.length === 0) {
    const where = body.run_id ? `run '${body.run_id}'` : "the project";
    throw conflict(`Nothing to deliver: no job of ${where} is approved`, {
      field: body.run_id ? "run_id" : "latest_approved",
    });
  }
  return chosen;
}

/** The most recently approved job of each scene. */
function latestPerScene(rows: ApprovedJob[]): ApprovedJob[] {
  const byScene = new Map<string, ApprovedJob>();
  for (const row of rows) {
    const scene = sceneOf(row);
    const held = byScene.get(scene);
    if (!held || held.updated_at < row.updated_at) byScene.set(scene, row);
  }
  return [...byScene.values()];
}

function sceneOf(job: Pick<ApprovedJob, "meta_json" | "job_key">): string {
  return fromJsonText<{ input_images?: string[] }>(job.meta_json)?.input_images?.[0] ?? job.job_key;
}

/** What the manifest says about each approved job's delivered file (its last post-processed one). */
export async function deliveredFiles(db: KromaDb, jobs: ApprovedJob[]): Promise<DeliveredFile[]> {
  const files: DeliveredFile[] = [];
  for (const job of jobs) {
    if (!job.final_asset_id) continue;
    const final = await db.selectFrom("assets").selectAll().where("id", "=", job.final_asset_id).executeTakeFirst();
    if (final?.trash_id) {
      throw conflict(`The final of job '${job.job_key}' (run ${job.run_id}) is in the trash (${final.trash_id})`, {
        field: "job_id",
      });
    }
    if (!final?.rel_path || !final.sha256) {
      throw conflict(`The final of job '${job.job_key}' (run ${job.run_id}) has no file to deliver`, {
        field: "job_id",
      });
    }
    const chain = await db
      .selectFrom("assets")
      .selectAll()
      .where("candidate_id", "=", final.candidate_id)
      .where("asset_kind", "in", [...stageOrder])
      .where("deleted_at", "is", null)
      .execute();
    const last = chain
      .sort((a, b) => stageOrder.indexOf(a.asset_kind ?? "") - stageOrder.indexOf(b.asset_kind ?? ""))
      .at(-1);
    const delivered = last?.rel_path && last.sha256 ? last : final;
    const scene = sceneOf(job);
    files.push({
      file: `files/${job.run_id}/${job.job_key}${extname(delivered.rel_path ?? "") || ".png"}`,
      rel_path: delivered.rel_path as string,
      sha256: delivered.sha256 as string,
      asset_id: delivered.id,
      scene,
      run_id: job.run_id,
      job_id: job.job_id,
      job_key: job.job_key,
      candidate_index: job.selected_candidate_index,
      prompt: job.prompt_text,
      decisions: await history(db, job.job_id),
      provenance: [...(await provenance(db, delivered.id)), { scene }],
    });
  }
  return files;
}

/** The `derived_from` chain from an asset back to the file it was first made from. */
async function provenance(db: KromaDb, assetId: string): Promise<ProvenanceStep[]> {
  const steps: ProvenanceStep[] = [];
  const seen = new Set<string>();
  let current: string | undefined = assetId;
  while (current && !seen.has(current)) {
    seen.add(current);
    const asset = await db
      .selectFrom("assets")
      .select(["id", "asset_kind", "rel_path", "sha256"])
      .where("id", "=", current)
      .executeTakeFirst();
    if (!asset) break;
    steps.push({ asset_id: asset.id, asset_kind: asset.asset_kind, rel_path: asset.rel_path, sha256: asset.sha256 });
    const link = await db
      .selectFrom("asset_links")
      .select("parent_asset_id")
      .where("child_asset_id", "=", current)
      .where("link_type", "=", "derived_from")
      .executeTakeFirst();
    current = link?.parent_asset_id;
  }
  return steps;
}
