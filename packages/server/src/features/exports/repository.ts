import { randomUUID } from "node:crypto";
import type { components } from "@kroma/contract/types";
import type { Kysely, Selectable } from "kysely";
import { findProjectRow } from "../../core/db/project-rows.js";
import type { Database, ExportsTable } from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

export type ExportRecord = components["schemas"]["Export"];
export type ExportStatus = components["schemas"]["ExportStatus"];
type ManifestSummary = components["schemas"]["ExportManifestSummary"];

export type ExportRepository = ReturnType<typeof createExportRepository>;

/** Where a finished bundle is and what it holds. */
export interface CompletedExport {
  storageUri: string;
  relPath: string;
  size: number;
  sha256: string;
  manifest: ManifestSummary;
  assetId: string;
}

/**
 * The `exports` table: one row per export, `running` while its bundle is written, then
 * `completed` (with size, checksum, counts and the bundle's asset) or `failed` (with why).
 * `db` may be a transaction, so a change can share it with its audit event.
 */
export function createExportRepository(db: Kysely<Database>) {
  return {
    /** Newest first. */
    async list(projectId: string, filter: { status?: ExportStatus; limit?: number; offset?: number } = {}) {
      let query = db.selectFrom("exports").where("project_id", "=", projectId);
      if (filter.status) query = query.where("status", "=", filter.status);
      const [rows, counted] = await Promise.all([
        query
          .selectAll()
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .limit(filter.limit ?? 500)
          .offset(filter.offset ?? 0)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(toExport), total: Number(counted.total) };
    },

    async get(projectId: string, exportId: string): Promise<ExportRecord | undefined> {
      const row = await findProjectRow(db, "exports", projectId, exportId);
      return row && toExport(row);
    },

    async start(projectId: string, relPath: string): Promise<ExportRecord> {
      const row: Selectable<ExportsTable> = {
        id: `export_${randomUUID().replaceAll("-", "")}`,
        project_id: projectId,
        run_id: null,
        status: "running",
        export_format: "tar.gz",
        storage_uri: null,
        rel_path: relPath,
        file_size_bytes: null,
        checksum_sha256: null,
        manifest_json: null,
        export_asset_id: null,
        error: null,
        created_at: nowIso(),
        completed_at: null,
      };
      await db.insertInto("exports").values(row).execute();
      return toExport(row);
    },

    async complete(exportId: string, done: CompletedExport): Promise<ExportRecord> {
      const row = await db
        .updateTable("exports")
        .set({
          status: "completed",
          storage_uri: done.storageUri,
          rel_path: done.relPath,
          file_size_bytes: done.size,
          checksum_sha256: done.sha256,
          manifest_json: toJsonText(done.manifest),
          export_asset_id: done.assetId,
          completed_at: nowIso(),
        })
        .where("id", "=", exportId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toExport(row);
    },

    /** Exports still `running`, oldest first: in progress, or abandoned by a process that stopped. */
    async running(): Promise<Array<{ id: string; project_id: string; rel_path: string | null }>> {
      return db
        .selectFrom("exports")
        .select(["id", "project_id", "rel_path"])
        .where("status", "=", "running")
        .orderBy("created_at")
        .execute();
    },

    /** Fails an export only if it is still `running`; returns whether it was. */
    async failIfRunning(exportId: string, error: string): Promise<boolean> {
      const result = await db
        .updateTable("exports")
        .set({ status: "failed", error, completed_at: nowIso() })
        .where("id", "=", exportId)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async fail(exportId: string, error: string): Promise<void> {
      await db
        .updateTable("exports")
        .set({ status: "failed", error, completed_at: nowIso() })
        .where("id", "=", exportId)
        .execute();
    },
  };
}

function toExport(row: Selectable<ExportsTable>): ExportRecord {
  return { ...row, manifest_json: fromJsonText<ManifestSummary | null>(row.manifest_json) };
}
