import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { conflict, notFound } from "../../core/errors.js";
import { activeRunStatuses, type RunRecordStatus } from "../runs/repository.js";
import { protectedAssets } from "./protection.js";
import type { TrashedAsset } from "./trash.js";

// What each delete takes: the asset records (and files) of one asset, of a whole run, or of a
// run's unchosen or rejected candidates. Each answers 404 for what is not there and 409 for what
// is already in the trash or still being written.

const assetColumns = ["assets.id", "assets.rel_path", "assets.sha256"] as const;

export async function assetTarget(
  db: Kysely<Database>,
  projectId: string,
  assetId: string,
): Promise<TrashedAsset & { label: string }> {
  const asset = await db
    .selectFrom("assets")
    .select([...assetColumns, "assets.trash_id"])
    .where("project_id", "=", projectId)
    .where("id", "=", assetId)
    .executeTakeFirst();
  if (!asset) throw notFound(`Asset '${assetId}' not found`);
  if (asset.trash_id)
    throw conflict(`Asset '${assetId}' is already in the trash (${asset.trash_id})`, { trash_id: asset.trash_id });
  return {
    id: asset.id,
    rel_path: asset.rel_path,
    sha256: asset.sha256,
    label: `asset ${asset.id}${asset.rel_path ? ` (${asset.rel_path})` : ""}`,
  };
}

/** A run that may lose files: it exists, is not in the trash and is not being written. */
export async function finishedRun(db: Kysely<Database>, projectId: string, runId: string) {
  const run = await db
    .selectFrom("runs")
    .select(["id", "status", "run_log_path", "trash_id"])
    .where("project_id", "=", projectId)
    .where("id", "=", runId)
    .executeTakeFirst();
  if (!run) throw notFound(`Run '${runId}' not found`);
  if (run.trash_id)
    throw conflict(`Run '${runId}' is already in the trash (${run.trash_id})`, { trash_id: run.trash_id });
  if (activeRunStatuses.includes(run.status as RunRecordStatus)) {
    throw conflict(`Run '${runId}' is ${run.status}: cancel it, or wait for it to end, first`, { status: run.status });
  }
  return run;
}

/** The run's live asset records. */
export function runAssets(db: Kysely<Database>, runId: string): Promise<TrashedAsset[]> {
  return db
    .selectFrom("assets")
    .select(assetColumns)
    .where("run_id", "=", runId)
    .where("deleted_at", "is", null)
    .execute();
}

/**
 * The files a prune takes: `unchosen`, every candidate that is not its job's final (with the
 * files post-processing made of it); `rejected`, every file of the jobs a review rejected. What
 * is protected (approved, baseline) is left out rather than refused: a prune never needs force.
 */
export async function pruneTargets(
  db: Kysely<Database>,
  projectId: string,
  runId: string,
  which: "unchosen" | "rejected",
): Promise<TrashedAsset[]> {
  const base = db
    .selectFrom("assets")
    .innerJoin("jobs", "jobs.id", "assets.job_id")
    .select(assetColumns)
    .where("assets.run_id", "=", runId)
    .where("assets.deleted_at", "is", null);
  const assets =
    which === "rejected"
      ? await base
          .innerJoin("job_reviews", "job_reviews.job_id", "jobs.id")
          .where("job_reviews.state", "=", "rejected")
          .execute()
      : await base
          .innerJoin("candidates", "candidates.id", "assets.candidate_id")
          .where((eb) =>
            eb.or([
              eb("jobs.selected_candidate_index", "is", null),
              eb("candidates.candidate_index", "!=", eb.ref("jobs.selected_candidate_index")),
            ]),
          )
          .where("assets.asset_kind", "!=", "final")
          .execute();
  const kept = new Set(
    (
      await protectedAssets(
        db,
        projectId,
        assets.map((asset) => asset.id),
      )
    ).map((p) => p.asset_id),
  );
  return assets.filter((asset) => !kept.has(asset.id));
}
