import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { bundleTemporaries } from "../../features/exports/bundle-writer.js";
import { appExportsDir } from "../../features/exports/export-output.js";
import type { ExportLeaseDetail } from "../../features/exports/project-export.js";
import { partialMarker } from "../../features/exports/project-files.js";
import { type ImportLeaseDetail, importStagingPrefix } from "../../features/exports/project-import.js";
import { createExportRepository } from "../../features/exports/repository.js";
import { defaultBaseDir } from "../../features/projects/repository.js";
import { recordAudit } from "../audit.js";
import type { KromaDb } from "../db/database.js";
import { type Lease, type LeaseRepository, leaseDetail } from "../db/lease-repository.js";
import { resolveProjectRoot } from "../storage-paths.js";

export interface AbandonedWorkOptions {
  db: KromaDb;
  /** The sweeping server's leases (its own work is never abandoned). */
  leases: LeaseRepository;
  appRoot: string;
}

/** What one sweep cleaned up. */
export interface SweptWork {
  /** Exports marked `failed`. */
  exports: string[];
  /** Import staging directories removed. */
  imports: string[];
}

/** The error an export gets when the process writing it died. */
export const abandonedExportError = "The process writing this export stopped before it finished";

/**
 * Cleans up after processes that died mid-work (a SIGKILL, a power cut): every `running` export
 * whose lease is gone or expired (or that has none, from an older Kroma) is marked `failed`
 * with `abandonedExportError` and its temporary files (`.<bundle>.kroma-partial-*`,
 * `.kroma-partial-records-*`) removed; every import staging directory (`var/projects/.kroma-import-*`)
 * whose import's lease is gone or expired is removed; then the leases are dropped. Work whose
 * owner lives (this server, another server on the same database, a `kroma import` beside it) is
 * never touched: a live lease, or an owner process that still runs on this machine, keeps it.
 *
 * @example
 * const swept = await sweepAbandonedWork({ db, leases, appRoot }); // { exports: [...], imports: [...] }
 */
export async function sweepAbandonedWork(options: AbandonedWorkOptions): Promise<SweptWork> {
  return { exports: await sweepExports(options), imports: await sweepImports(options) };
}

/**
 * Sweeps now and then every `intervalMs` (one sweep at a time) until the returned function is
 * called; that resolves once a sweep in progress has ended. Failures are reported, not thrown.
 */
export function startAbandonedWorkSweep(
  options: AbandonedWorkOptions,
  intervalMs: number,
  onError: (error: unknown) => void = (error) => console.error(error),
): () => Promise<void> {
  let current: Promise<void> | undefined;
  const sweep = () => {
    current ??= sweepAbandonedWork(options)
      .then(() => {}, onError)
      .finally(() => {
        current = undefined;
      });
  };
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}

/** A lease still owned: live by its heartbeat, or its owner process runs here. */
const stillOwned = (leases: LeaseRepository, lease: Lease | undefined): boolean =>
  lease !== undefined && (leases.isLive(lease) || leases.ownerRunsHere(lease));

async function sweepExports({ db, leases, appRoot }: AbandonedWorkOptions): Promise<string[]> {
  const failed: string[] = [];
  for (const row of await createExportRepository(db).running()) {
    const lease = await leases.lease("export", row.id);
    if (stillOwned(leases, lease)) continue;
    const detail = lease && leaseDetail<ExportLeaseDetail>(lease);
    if (detail?.output_path && detail.partial_tag)
      await removeExportTemporaries(detail.output_path, detail.partial_tag);
    else await removeUntaggedTemporaries(await outputPathOf(db, appRoot, row));
    const marked = await db.transaction().execute(async (trx) => {
      const done = await createExportRepository(trx).failIfRunning(row.id, abandonedExportError);
      if (done) {
        await recordAudit(trx, null, {
          action: "export.fail",
          projectId: row.project_id,
          targetType: "export",
          targetId: row.id,
          detail: { error: abandonedExportError, abandoned: true },
        });
      }
      return done;
    });
    if (marked) failed.push(row.id);
    if (lease) await leases.remove(lease);
  }
  return failed;
}

/** The bundle being written and the records directory of the export tagged `tag`. */
async function removeExportTemporaries(outputPath: string, tag: string): Promise<void> {
  const { dir, partialFile, recordsDirPrefix } = bundleTemporaries(outputPath, tag);
  await rm(join(dir, partialFile), { force: true });
  for (const name of await namesIn(dir)) {
    if (name.startsWith(recordsDirPrefix)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * An export by an older Kroma (no lease, random names): its partial bundle (`.<name>.kroma-partial-*`)
 * and the records directories of that naming (`.kroma-partial-records-` and six characters;
 * current exports put their export id in the name, so theirs are never taken for these).
 */
async function removeUntaggedTemporaries(outputPath: string | undefined): Promise<void> {
  if (outputPath === undefined) return;
  const dir = dirname(outputPath);
  const partialPrefix = `.${basename(outputPath)}${partialMarker}`;
  const recordsPrefix = `${partialMarker}records-`;
  for (const name of await namesIn(dir)) {
    const untaggedRecords = name.startsWith(recordsPrefix) && name.length === recordsPrefix.length + 6;
    if (name.startsWith(partialPrefix) || untaggedRecords) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** Where an export's bundle was going, from its row: `var/exports/...` or relative to its project root. */
async function outputPathOf(
  db: KromaDb,
  appRoot: string,
  row: { project_id: string; rel_path: string | null },
): Promise<string | undefined> {
  if (!row.rel_path) return undefined;
  if (row.rel_path.startsWith(`${appExportsDir}/`)) return resolve(appRoot, row.rel_path);
  const project = await db
    .selectFrom("projects")
    .innerJoin("project_storage as storage", "storage.project_id", "projects.id")
    .select(["projects.slug", "storage.base_dir", "storage.project_root"])
    .where("projects.id", "=", row.project_id)
    .executeTakeFirst();
  if (!project) return undefined;
  return resolve(resolveProjectRoot(appRoot, project, project.slug), row.rel_path);
}

/**
 * Staging directories are listed before leases are read: an import takes its lease before it
 * creates its directory, so every directory seen here already has its lease, if it has an owner.
 */
async function sweepImports({ leases, appRoot }: AbandonedWorkOptions): Promise<string[]> {
  const parent = resolve(appRoot, defaultBaseDir);
  const staged = (await namesIn(parent)).filter((name) => name.startsWith(importStagingPrefix));
  const removed: string[] = [];
  for (const name of staged) {
    const lease = await leases.lease("import", name.slice(importStagingPrefix.length));
    if (stillOwned(leases, lease)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
    if (lease) await leases.remove(lease);
  }
  // Abandoned imports elsewhere (another app root on the same database): their leases name the directory.
  for (const lease of await leases.abandoned("import")) {
    if (leases.ownerRunsHere(lease)) continue;
    const dir = leaseDetail<ImportLeaseDetail>(lease)?.staging_dir;
    if (dir && basename(dir).startsWith(importStagingPrefix)) {
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
    await leases.remove(lease);
  }
  return removed;
}

async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
