import { type Kysely, sql } from "kysely";
import type { Database, ProjectStorageRow, ProjectStorageUpdate } from "../../core/db/schema.js";
import { nowIso } from "../../core/time.js";

export type StorageRepository = ReturnType<typeof createStorageRepository>;

/** Where one project's files live, as stored: enough to resolve its effective root. */
export interface StoredRoot {
  projectId: string;
  slug: string;
  base_dir: string;
  project_root: string | null;
}

/** `db` may be a transaction, so an update can share it with its audit event. */
export function createStorageRepository(db: Kysely<Database>) {
  return {
    async get(projectId: string): Promise<ProjectStorageRow> {
      return db.selectFrom("project_storage").selectAll().where("project_id", "=", projectId).executeTakeFirstOrThrow();
    },

    /** Every project's stored root settings, to check that a new root overlaps none of them. */
    async roots(): Promise<StoredRoot[]> {
      return db
        .selectFrom("project_storage")
        .innerJoin("projects", "projects.id", "project_storage.project_id")
        .select(["project_storage.project_id as projectId", "projects.slug", "base_dir", "project_root"])
        .orderBy("projects.slug")
        .execute();
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

/** The file the database lives in (absolute), or "" for an in-memory database. */
export async function databaseFile(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.find((row) => row.name === "main")?.file ?? "";
}
