import type { SourceAssetLookup } from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import { createRunRepository } from "./repository.js";

/**
 * A post-process run's sources (`assets`, `from_run`) from the database: live assets of the
 * project with a file and a recorded sha256, and a run's jobs' final assets in plan order.
 */
export function dbSourceAssets(db: KromaDb, projectId: string): SourceAssetLookup {
  const runs = createRunRepository(db);
  return {
    async asset(assetId) {
      const row = await db
        .selectFrom("assets")
        .select(["id", "rel_path", "sha256"])
        .where("project_id", "=", projectId)
        .where("id", "=", assetId)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (!row?.rel_path || !row.sha256) return undefined;
      return { asset_id: row.id, path: row.rel_path, sha256: row.sha256 };
    },
    async runFinals(runId) {
      const run = await db
        .selectFrom("runs")
        .select("id")
        .where("id", "=", runId)
        .where("project_id", "=", projectId)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (!run) return undefined;
      const jobs = await runs.jobs(runId);
      return jobs.flatMap((job) => (job.final_asset_id ? [job.final_asset_id] : []));
    },
  };
}
