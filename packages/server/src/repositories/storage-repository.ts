import type { Kysely } from "kysely";
import type { Database, ProjectStorageRow, ProjectStorageUpdate } from "../db/schema.js";
import { nowIso } from "../time.js";

export type StorageRepository = ReturnType<typeof createStorageRepository>;

/** `db` may be a transaction, so an update can share it with its audit event. */
export function createStorageRepository(db: Kysely<Database>) {
  return {
    async get(projectId: string): Promise<ProjectStorageRow> {
      return db.selectFrom("project_storage").selectAll().where("project_id", "=", projectId).executeTakeFirstOrThrow();
    },

    /** Writes the given columns (others keep their value) and returns the row as stored. */
    async update(
      projectId: string,
      changes: Omit<ProjectStorageUpdate, "project_id" | "updated_at">,
    ): Promise<ProjectStorageRow> {
      return db
        .updateTable("project_storage")
        .set({ ...changes, updated_at: nowIso() })
        .where("project_id", "=", projectId)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}
