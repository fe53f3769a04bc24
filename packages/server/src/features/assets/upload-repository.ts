import type { Insertable, Kysely } from "kysely";
import type { AssetsTable, Database } from "../../core/db/schema.js";

/** Where uploads of one kind are stored, relative to the project root. */
export const uploadsDir = (kind: string) => `uploads/${kind}`;

/** `db` may be a transaction, so the insert can share it with its audit event. */
export function createUploadRepository(db: Kysely<Database>) {
  return {
    /** The asset an earlier upload of these bytes as this kind made, if any. */
    findUpload(projectId: string, assetKind: string, sha256: string) {
      return (
        db
          .selectFrom("assets")
          .select(["id", "rel_path"])
          .where("project_id", "=", projectId)
          .where("asset_kind", "=", assetKind)
          .where("sha256", "=", sha256)
          .where("kind", "=", "image")
          .where("run_id", "is", null)
          // A deleted upload is not offered again: the same bytes make a new, live asset.
          .where("deleted_at", "is", null)
          .where("rel_path", "like", `${uploadsDir(assetKind)}/%`)
          .orderBy("created_at")
          .executeTakeFirst()
      );
    },

    async insert(row: Insertable<AssetsTable>): Promise<void> {
      await db.insertInto("assets").values(row).execute();
    },
  };
}
