import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";

/** Why an asset may not be deleted without `force`. */
export type ProtectionReason = "approved" | "baseline" | "reference";

export interface ProtectedAsset {
  asset_id: string;
  reason: ProtectionReason;
}

/**
 * Which of a project's assets are kept unless the delete is forced: every file of an approved
 * job's chosen candidate (its image and the post-processed files a delivery would pack), every
 * file of the candidate a scene's baseline names, and uploads a reference item points at.
 * `assetIds` narrows the answer to those assets (chunked: SQLite bounds bound values).
 */
export async function protectedAssets(
  db: Kysely<Database>,
  projectId: string,
  assetIds: readonly string[],
): Promise<ProtectedAsset[]> {
  const found: ProtectedAsset[] = [];
  for (let i = 0; i < assetIds.length; i += 500) {
    const ids = assetIds.slice(i, i + 500);
    const approved = await db
      .selectFrom("assets")
      .innerJoin("candidates", "candidates.id", "assets.candidate_id")
      .innerJoin("job_reviews", "job_reviews.job_id", "candidates.job_id")
      .select("assets.id")
      .where("assets.project_id", "=", projectId)
      .where("assets.id", "in", ids)
      .where("job_reviews.state", "=", "approved")
      .whereRef("job_reviews.candidate_index", "=", "candidates.candidate_index")
      .execute();
    const baseline = await db
      .selectFrom("assets")
      .innerJoin("assets as named", "named.candidate_id", "assets.candidate_id")
      .innerJoin("scene_baselines", "scene_baselines.asset_id", "named.id")
      .select("assets.id")
      .where("assets.project_id", "=", projectId)
      .where("assets.id", "in", ids)
      .union(
        db
          .selectFrom("scene_baselines")
          .select("asset_id as id")
          .where("project_id", "=", projectId)
          .where("asset_id", "in", ids),
      )
      .execute();
    const referenced = await db
      .selectFrom("reference_items")
      .select("asset_id as id")
      .where("asset_id", "in", ids)
      .execute();
    found.push(
      ...approved.map((row) => ({ asset_id: row.id, reason: "approved" as const })),
      ...baseline.map((row) => ({ asset_id: row.id, reason: "baseline" as const })),
      ...referenced.flatMap((row) => (row.id ? [{ asset_id: row.id, reason: "reference" as const }] : [])),
    );
  }
  return found;
}
