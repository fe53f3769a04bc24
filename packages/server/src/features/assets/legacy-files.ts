import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { nowIso } from "../../core/time.js";
import { assetLocation, sha256At } from "./asset-location.js";

// Asset records from before runs wrote under `outputs/<run_id>/`: a later run over the same
// scenes replaced the files they name (moving the old bytes to `archive/replaced/` when
// `archive_replaced` was on). Each unchecked record is made true again: kept when its file still
// holds its bytes, repointed to the archived copy whose sha256 matches, or marked `stale`.

/** What one check did in one project. */
export interface LegacyFileReport {
  project_id: string;
  checked: number;
  repointed: number;
  stale: number;
}

interface UncheckedAsset {
  id: string;
  rel_path: string | null;
  sha256: string | null;
}

/**
 * Checks every project's unchecked local asset records (see migration 0016) and answers what it
 * did per project; projects with none are skipped by one query. Each project's changes and its
 * audit event are written in one transaction.
 */
export async function checkLegacyAssetFiles(db: KromaDb, appRoot: string): Promise<LegacyFileReport[]> {
  const projects = await db
    .selectFrom("assets")
    .innerJoin("projects", "projects.id", "assets.project_id")
    .innerJoin("project_storage", "project_storage.project_id", "projects.id")
    .where("assets.file_checked_at", "is", null)
    .where("assets.storage_backend", "=", "local")
    .select(["projects.id", "projects.slug", "project_storage.base_dir", "project_storage.project_root"])
    .distinct()
    .execute();
  const reports: LegacyFileReport[] = [];
  for (const project of projects) {
    const root = resolveProjectRoot(appRoot, project, project.slug);
    reports.push(await checkProjectAssetFiles(db, project.id, root));
  }
  return reports;
}

/** Checks one project's unchecked asset records (after an ingest of a log in the old layout). */
export async function checkProjectAssetFiles(db: KromaDb, projectId: string, root: string): Promise<LegacyFileReport> {
  const rows: UncheckedAsset[] = await db
    .selectFrom("assets")
    .where("project_id", "=", projectId)
    .where("file_checked_at", "is", null)
    .where("storage_backend", "=", "local")
    .select(["id", "rel_path", "sha256"])
    .execute();
  const archived = lazyArchiveIndex(root);
  const decisions: { id: string; relPath?: string; stale: boolean }[] = [];
  for (const row of rows) {
    // A record without a hash cannot be checked, nor be wrong about bytes: kept as it is.
    if (row.sha256 === null || row.rel_path === null) {
      decisions.push({ id: row.id, stale: false });
      continue;
    }
    if ((await sha256At(root, row.rel_path)) === row.sha256) {
      decisions.push({ id: row.id, stale: false });
      continue;
    }
    const moved = (await archived()).get(row.sha256);
    decisions.push(moved ? { id: row.id, relPath: moved, stale: false } : { id: row.id, stale: true });
  }
  const report = {
    project_id: projectId,
    checked: decisions.length,
    repointed: decisions.filter((decision) => decision.relPath !== undefined).length,
    stale: decisions.filter((decision) => decision.stale).length,
  };
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    for (const decision of decisions) {
      const moved = decision.relPath ? assetLocation(root, decision.relPath) : {};
      await trx
        .updateTable("assets")
        .set({ ...moved, stale: decision.stale ? 1 : 0, file_checked_at: at })
        .where("id", "=", decision.id)
        .execute();
    }
    if (report.repointed + report.stale === 0) return;
    await recordAudit(trx, null, {
      action: "assets.file_check",
      projectId,
      targetType: "project",
      targetId: projectId,
      detail: { checked: report.checked, repointed: report.repointed, stale: report.stale },
    });
  });
  return report;
}

/**
 * sha256 -> path (relative to the root, `/`-separated) of every file under `archive/`, built on
 * first use: a project whose files all still match never walks its archive.
 */
function lazyArchiveIndex(root: string): () => Promise<Map<string, string>> {
  let index: Promise<Map<string, string>> | undefined;
  return () => {
    index ??= (async () => {
      const bySha = new Map<string, string>();
      const archive = join(root, "archive");
      const entries = await readdir(archive, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join("/");
        const sha = await sha256At(root, rel);
        if (sha !== undefined && !bySha.has(sha)) bySha.set(sha, rel);
      }
      return bySha;
    })();
    return index;
  };
}
