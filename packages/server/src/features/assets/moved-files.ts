import { recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { assetLocation } from "./asset-location.js";

/** A file moved inside a project: both paths relative to the project root, `/`-separated. */
export interface MovedFile {
  from: string;
  to: string;
}

/**
 * Points every asset record of the project that names a moved file at its new place (rel_path and
 * storage_uri), in one transaction with an audit event, so `lab archive-bad` moving an image into
 * `archive/bad/` leaves its records true. Answers how many records moved.
 */
export async function moveAssetFiles(
  db: KromaDb,
  project: { id: string; root: string },
  moved: readonly MovedFile[],
): Promise<number> {
  if (moved.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let records = 0;
    for (const file of moved) {
      const result = await trx
        .updateTable("assets")
        .set(assetLocation(project.root, file.to))
        .where("project_id", "=", project.id)
        .where("rel_path", "=", file.from)
        .executeTakeFirst();
      records += Number(result.numUpdatedRows);
    }
    if (records > 0) {
      await recordAudit(trx, null, {
        action: "assets.move",
        projectId: project.id,
        targetType: "project",
        targetId: project.id,
        detail: { files: moved.length, records, moved: moved.slice(0, 100) },
      });
    }
    return records;
  });
}
