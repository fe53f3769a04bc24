import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { type Actor, audited } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { createLeaseRepository, type LeaseRepository, newLeaseOwner } from "../../core/db/lease-repository.js";
import type { Database } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";
import { manifestSummary } from "./bundle-format.js";
import { exportAssetKind } from "./bundle-records.js";
import { writeBundle } from "./bundle-writer.js";
import { resolveExportOutput } from "./export-output.js";
import { createExportRepository, type ExportRecord } from "./repository.js";

export interface ExportProjectOptions {
  project: { id: string; slug: string };
  /** The project's resolved root (its files, and the default exports directory). */
  projectRoot: string;
  /** The app root: `var/exports/` outputs live under it. */
  appRoot: string;
  includeFiles?: boolean;
  /** See `resolveExportOutput`; default `<project_root>/exports/<slug>_<stamp>.tar.gz`. */
  output?: string;
  actor?: Actor | null;
  /** Recorded in the manifest. */
  version: string;
  /**
   * Who holds the export's lease while its bundle is written (the caller keeps it renewed, as a
   * server does). Default: a new owner for this export, renewed here every third of
   * `leaseTtlMs` (default 30 s; pass the server's `KROMA_LEASE_TTL_MS`).
   */
  leases?: LeaseRepository;
  leaseTtlMs?: number;
}

/** What an export's lease records: where its bundle goes and the tag of its temporary files. */
export interface ExportLeaseDetail {
  output_path: string;
  partial_tag: string;
}

export interface ProjectExport {
  export: ExportRecord;
  /** The bundle's absolute path. */
  path: string;
  sha256: string;
  assetId: string;
}

/**
 * Exports a project to a bundle and records it: an `exports` row (`running`, then `completed` or
 * `failed`) and, once the bundle is in place, an asset of kind `export` for the file, each change
 * audited in its own transaction. A failure is recorded on the row and thrown again. While the
 * row is `running` it carries a lease (taken in the transaction that creates the row, released
 * at the end), so a process that dies mid-export leaves work the sweep of abandoned work can
 * recognise, fail and clean up (see `recovery/abandoned-work.ts`).
 *
 * @example
 * const done = await exportProject(db, { project, projectRoot, appRoot, includeFiles: true, version: "0.1.0" });
 * done.export.status; // "completed"
 */
export async function exportProject(db: KromaDb, options: ExportProjectOptions): Promise<ProjectExport> {
  const { project, actor = null } = options;
  const output = await resolveExportOutput(options.appRoot, options.projectRoot, project.slug, options.output);
  const includeFiles = options.includeFiles ?? false;
  const entry = (verb: string, id: string, detail: Record<string, unknown>) => ({
    action: `export.${verb}`,
    projectId: project.id,
    targetType: "export",
    targetId: id,
    detail,
  });
  const leases = options.leases ?? createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: options.leaseTtlMs });
  const stopHeartbeat = options.leases ? () => {} : leases.startHeartbeat();
  const started = await audited(
    db,
    actor,
    (row: ExportRecord) => entry("create", row.id, { include_files: includeFiles, rel_path: output.relPath }),
    async (trx: Kysely<Database>) => {
      const row = await createExportRepository(trx).start(project.id, output.relPath);
      const detail: ExportLeaseDetail = { output_path: output.path, partial_tag: row.id };
      await leases.claimNew(trx, "export", row.id, detail);
      return row;
    },
  ).catch((error) => {
    stopHeartbeat();
    throw error;
  });
  try {
    const bundle = await writeBundle({
      db,
      projectId: project.id,
      projectRoot: options.projectRoot,
      outputPath: output.path,
      includeFiles,
      version: options.version,
      partialTag: started.id,
    });
    const summary = manifestSummary(bundle.manifest);
    const storageUri = pathToFileURL(bundle.path).href;
    const done = await audited(
      db,
      actor,
      entry("complete", started.id, { size: bundle.size, files: summary.files, counts: summary.counts }),
      async (trx: Kysely<Database>) => {
        const assetId = await insertBundleAsset(trx, project.id, started.id, {
          storageUri,
          relPath: output.projectRelPath,
          sha256: bundle.sha256,
          detail: { include_files: includeFiles, counts: summary.counts, files: summary.files },
        });
        return createExportRepository(trx).complete(started.id, {
          storageUri,
          relPath: output.relPath,
          size: bundle.size,
          sha256: bundle.sha256,
          manifest: summary,
          assetId,
        });
      },
    );
    return { export: done, path: bundle.path, sha256: bundle.sha256, assetId: done.export_asset_id ?? "" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await audited(db, actor, entry("fail", started.id, { error: message }), (trx) =>
      createExportRepository(trx).fail(started.id, message),
    );
    throw error;
  } finally {
    await leases.release("export", started.id).finally(stopHeartbeat);
  }
}

/** The bundle file as an asset of the project (kind `export`; bundles never include these). */
async function insertBundleAsset(
  trx: Kysely<Database>,
  projectId: string,
  exportId: string,
  file: { storageUri: string; relPath: string | null; sha256: string; detail: Record<string, unknown> },
): Promise<string> {
  const id = `asset_export_${randomUUID().replaceAll("-", "")}`;
  await trx
    .insertInto("assets")
    .values({
      id,
      project_id: projectId,
      kind: exportAssetKind,
      asset_kind: "export_bundle",
      storage_uri: file.storageUri,
      rel_path: file.relPath,
      storage_backend: "local",
      mime_type: "application/gzip",
      width: null,
      height: null,
      sha256: file.sha256,
      run_id: null,
      job_id: null,
      candidate_id: null,
      metadata_json: toJsonText({ export_id: exportId, ...file.detail }),
      created_at: nowIso(),
    })
    .execute();
  return id;
}
