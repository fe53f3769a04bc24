import type { Kysely } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import { nowIso } from "../../../core/time.js";

/** What the last successful upload of one object recorded. */
export interface SyncedObject {
  size: number;
  sha256: string;
}

/** Where a project's objects go: state is kept per endpoint, bucket and key. */
export interface SyncDestination {
  projectId: string;
  endpointUrl: string;
  bucket: string;
}

export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;

/** The `s3_sync_state` table: one row per object a sync uploaded successfully. */
export function createSyncStateRepository(db: Kysely<Database>) {
  return {
    /** Every object recorded for the destination, by key. */
    async objects(destination: SyncDestination): Promise<Map<string, SyncedObject>> {
      const rows = await db
        .selectFrom("s3_sync_state")
        .select(["object_key", "size_bytes", "sha256"])
        .where("project_id", "=", destination.projectId)
        .where("endpoint_url", "=", destination.endpointUrl)
        .where("bucket", "=", destination.bucket)
        .execute();
      return new Map(rows.map((row) => [row.object_key, { size: row.size_bytes, sha256: row.sha256 }]));
    },

    /** Records one successful upload (replacing what an earlier one recorded for that key). */
    async record(
      destination: SyncDestination,
      object: { key: string; relPath: string; size: number; sha256: string; etag: string | null },
    ): Promise<void> {
      const values = {
        rel_path: object.relPath,
        size_bytes: object.size,
        sha256: object.sha256,
        etag: object.etag,
        uploaded_at: nowIso(),
      };
      await db
        .insertInto("s3_sync_state")
        .values({
          project_id: destination.projectId,
          endpoint_url: destination.endpointUrl,
          bucket: destination.bucket,
          object_key: object.key,
          ...values,
        })
        .onConflict((oc) => oc.columns(["project_id", "endpoint_url", "bucket", "object_key"]).doUpdateSet(values))
        .execute();
    },
  };
}
