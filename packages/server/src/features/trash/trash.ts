import { randomUUID } from "node:crypto";
import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { type Actor, actorLabel, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import { ApiError, conflict } from "../../core/errors.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { nowIso } from "../../core/time.js";
import { assetLocation, isPlainRelative, sha256At } from "../assets/asset-location.js";
import { protectedAssets } from "./protection.js";
import {
  closeEntry,
  findEntry,
  insertEntry,
  type TrashEntryRecord,
  type TrashedFile,
  trashedEntries,
} from "./repository.js";
import {
  type FileMove,
  moveFiles,
  regularFileSize,
  removeEntryDir,
  trashDir,
  trashPathOf,
  undoMoves,
} from "./trash-files.js";

// Deleting is moving: the files of what is deleted go to `.kroma/trash/<entry>/` under the same
// relative paths, the records stay with `deleted_at` and point at the moved files, and a restore
// moves them back. Only a purge removes bytes, and it keeps the records. A file another live
// record names is never moved, so deleting one record never takes another's file.

/** Thirty days: time to notice a mistake, short enough that disk use does come down. */
export const defaultTrashRetentionMs = 30 * 24 * 60 * 60 * 1000;

/** The project a trash operation works in. */
export interface TrashProject {
  id: string;
  root: string;
}

/** An asset record about to be deleted: what names its file and proves its bytes. */
export interface TrashedAsset {
  id: string;
  rel_path: string | null;
  sha256: string | null;
}

/** What to put in the trash as one entry. */
export interface TrashRequest {
  kind: Schema<"TrashEntryKind">;
  label: string;
  assets: readonly TrashedAsset[];
  /** Files no asset names (a run log, an orphan `gc` found), moved with the assets. */
  files?: readonly string[];
  /** The run deleted (`kind: run`, marked deleted too) or pruned. */
  runId?: string;
  force?: boolean;
  note?: string | null;
  actor: Actor | null;
}

export interface TrashOptions {
  /** How long an entry stays restorable (`KROMA_TRASH_RETENTION_DAYS`; default 30 days). */
  retentionMs?: number;
  /** What relative storage paths resolve against, to find a project's root for a server-wide purge. */
  appRoot: string;
}

export type Trash = ReturnType<typeof createTrash>;

export function createTrash(db: KromaDb, options: TrashOptions) {
  const retentionMs = options.retentionMs ?? defaultTrashRetentionMs;

  /** Puts the request's assets and files in the trash as one entry; refuses protected assets unless forced. */
  async function put(project: TrashProject, request: TrashRequest): Promise<TrashEntryRecord> {
    if (!request.force) await refuseProtected(project.id, request.assets);
    const id = `trash_${randomUUID()}`;
    const files = await filesToMove(project, id, request);
    const moves = files.map((file) => ({ from: file.rel_path, to: file.trash_path }));
    await moveFiles(project.root, moves);
    const deletedAt = nowIso();
    try {
      return await db.transaction().execute(async (trx) => {
        const entry = await insertEntry(trx, {
          id,
          project_id: project.id,
          kind: request.kind,
          label: request.label,
          run_id: request.runId ?? null,
          asset_ids: request.assets.map((asset) => asset.id),
          files,
          deleted_at: deletedAt,
          expires_at: new Date(Date.parse(deletedAt) + retentionMs).toISOString(),
          deleted_by: await actorLabel(trx, request.actor),
          note: request.note ?? null,
        });
        const moved = new Map(moves.map((move) => [move.from, move.to]));
        for (const asset of request.assets) {
          const relPath = asset.rel_path === null ? undefined : moved.get(asset.rel_path);
          await trx
            .updateTable("assets")
            .set({ deleted_at: deletedAt, trash_id: id, ...(relPath ? assetLocation(project.root, relPath) : {}) })
            .where("id", "=", asset.id)
            .execute();
        }
        if (request.kind === "run" && request.runId) await markRun(trx, request.runId, id, deletedAt, moved);
        await recordAudit(trx, request.actor, {
          action: "trash.put",
          projectId: project.id,
          targetType: "trash",
          targetId: id,
          detail: {
            kind: request.kind,
            run_id: request.runId ?? null,
            assets: entry.asset_ids.length,
            files: files.length,
            bytes: entry.bytes,
            force: request.force === true,
          },
        });
        return entry;
      });
    } catch (error) {
      await undoMoves(project.root, moves);
      throw error;
    }
  }

  async function refuseProtected(projectId: string, assets: readonly TrashedAsset[]): Promise<void> {
    const kept = await protectedAssets(
      db,
      projectId,
      assets.map((asset) => asset.id),
    );
    if (kept.length === 0) return;
    const reasons = [...new Set(kept.map((asset) => asset.reason))].join(", ");
    throw new ApiError(
      "validation",
      "asset_protected",
      `${kept.length} asset(s) are protected (${reasons}): an approved final, a scene's baseline or an upload a reference set uses is deleted only with force=true`,
      { protected: kept.slice(0, 100) },
    );
  }

  /**
   * The files the entry takes: each asset's file once (two records of the set may name one), but
   * not one another live record outside the set still names, nor one that is not a regular file
   * inside the root (a missing file leaves its record to be marked deleted alone).
   */
  async function filesToMove(project: TrashProject, trashId: string, request: TrashRequest): Promise<TrashedFile[]> {
    const inSet = new Set(request.assets.map((asset) => asset.id));
    const paths = new Map<string, TrashedAsset | null>();
    for (const asset of request.assets)
      if (isPlainRelative(asset.rel_path) && !paths.has(asset.rel_path)) paths.set(asset.rel_path, asset);
    for (const path of request.files ?? []) if (isPlainRelative(path) && !paths.has(path)) paths.set(path, null);
    const shared = await namedElsewhere(project.id, [...paths.keys()], inSet);
    const files: TrashedFile[] = [];
    for (const [relPath, asset] of paths) {
      if (shared.has(relPath) || relPath.startsWith(`${trashDir}/`)) continue;
      const bytes = await regularFileSize(project.root, relPath);
      if (bytes === undefined) continue;
      files.push({
        rel_path: relPath,
        trash_path: trashPathOf(trashId, relPath),
        bytes,
        sha256: asset?.sha256 ?? null,
        asset_id: asset?.id ?? null,
      });
    }
    return files;
  }

  /** Of `paths`, those a live asset record not in `inSet` names. */
  async function namedElsewhere(projectId: string, paths: readonly string[], inSet: Set<string>): Promise<Set<string>> {
    const named = new Set<string>();
    for (let i = 0; i < paths.length; i += 500) {
      const rows = await db
        .selectFrom("assets")
        .select(["id", "rel_path"])
        .where("project_id", "=", projectId)
        .where("rel_path", "in", paths.slice(i, i + 500))
        .where("deleted_at", "is", null)
        .execute();
      for (const row of rows) if (!inSet.has(row.id) && row.rel_path) named.add(row.rel_path);
    }
    return named;
  }

  /** Brings an entry's files back and makes its records live again. */
  async function restore(project: TrashProject, trashId: string, actor: Actor | null): Promise<TrashEntryRecord> {
    const entry = await openEntry(project.id, trashId);
    const moves = await restoreMoves(project.root, entry);
    await moveFiles(project.root, moves);
    const prefix = `${trashDir}/${trashId}/`;
    try {
      await db.transaction().execute(async (trx) => {
        if (!(await closeEntry(trx, trashId, "restored", nowIso())))
          throw conflict(`Trash entry '${trashId}' was restored or purged meanwhile`);
        const rows = await trx
          .selectFrom("assets")
          .select(["id", "rel_path"])
          .where("trash_id", "=", trashId)
          .execute();
        for (const row of rows) {
          const back = row.rel_path?.startsWith(prefix) ? row.rel_path.slice(prefix.length) : undefined;
          await trx
            .updateTable("assets")
            .set({ deleted_at: null, trash_id: null, ...(back ? assetLocation(project.root, back) : {}) })
            .where("id", "=", row.id)
            .execute();
        }
        await unmarkRuns(trx, trashId, prefix);
        await recordAudit(trx, actor, {
          action: "trash.restore",
          projectId: project.id,
          targetType: "trash",
          targetId: trashId,
          detail: { kind: entry.kind, run_id: entry.run_id, assets: entry.asset_ids.length, files: moves.length },
        });
      });
    } catch (error) {
      await moveFiles(
        project.root,
        moves.map((move) => ({ from: move.to, to: move.from })),
      ).catch(() => undefined);
      throw error;
    }
    await removeEntryDir(project.root, trashId);
    return (await findEntry(db, project.id, trashId)) as TrashEntryRecord;
  }

  async function openEntry(projectId: string, trashId: string): Promise<TrashEntryRecord> {
    const entry = await findEntry(db, projectId, trashId);
    if (!entry) throw new ApiError("validation", "not_found", `Trash entry '${trashId}' not found`);
    if (entry.status !== "trashed")
      throw conflict(`Trash entry '${trashId}' is already ${entry.status}`, { status: entry.status });
    return entry;
  }

  /**
   * Where each file goes back to. A place now taken by other bytes refuses the restore (409
   * naming it) before anything moves; one taken by the same bytes keeps that file, and the
   * trashed copy goes with the entry's directory.
   */
  async function restoreMoves(root: string, entry: TrashEntryRecord): Promise<FileMove[]> {
    const moves: FileMove[] = [];
    for (const file of entry.files) {
      if ((await regularFileSize(root, file.trash_path)) === undefined) {
        throw conflict(`The trashed file '${file.rel_path}' is gone from '${file.trash_path}'`, {
          path: file.rel_path,
        });
      }
      const taken = await sha256At(root, file.rel_path);
      if (taken === undefined) moves.push({ from: file.trash_path, to: file.rel_path });
      else if (taken !== (file.sha256 ?? (await sha256At(root, file.trash_path)))) {
        throw conflict(`'${file.rel_path}' now holds other bytes; move it away to restore this entry`, {
          path: file.rel_path,
        });
      }
    }
    return moves;
  }

  /** Removes the files of the entries chosen for good; their records stay, deleted. */
  async function purge(
    project: TrashProject | undefined,
    chosen: { ids?: readonly string[]; all?: boolean },
    actor: Actor | null,
  ): Promise<{ purged: string[]; files: number; bytes: number }> {
    const entries = await trashedEntries(db, {
      ...(project ? { projectId: project.id } : {}),
      ...(chosen.ids ? { ids: chosen.ids } : {}),
      ...(chosen.all || chosen.ids ? {} : { expiredAt: nowIso() }),
    });
    const result = { purged: [] as string[], files: 0, bytes: 0 };
    for (const entry of entries) {
      const closed = await db.transaction().execute(async (trx) => {
        if (!(await closeEntry(trx, entry.id, "purged", nowIso()))) return false;
        await recordAudit(trx, actor, {
          action: "trash.purge",
          projectId: entry.project_id,
          targetType: "trash",
          targetId: entry.id,
          detail: { kind: entry.kind, files: entry.file_count, bytes: entry.bytes },
        });
        return true;
      });
      if (!closed) continue;
      const root = project?.root ?? (await rootOf(entry.project_id));
      if (root) await removeEntryDir(root, entry.id);
      result.purged.push(entry.id);
      result.files += entry.file_count;
      result.bytes += entry.bytes;
    }
    return result;
  }

  /** A project's root, for a purge across every project. */
  async function rootOf(projectId: string): Promise<string | undefined> {
    const project = await db
      .selectFrom("projects")
      .innerJoin("project_storage", "project_storage.project_id", "projects.id")
      .select(["projects.slug", "project_storage.base_dir", "project_storage.project_root"])
      .where("projects.id", "=", projectId)
      .executeTakeFirst();
    return project && resolveProjectRoot(options.appRoot, project, project.slug);
  }

  return {
    put,
    restore,
    purge,
    retentionMs,
  };
}

/** Marks a deleted run, pointing its run log at the trash when it moved there. */
async function markRun(
  trx: Kysely<Database>,
  runId: string,
  trashId: string,
  at: string,
  moved: Map<string, string>,
): Promise<void> {
  const run = await trx.selectFrom("runs").select("run_log_path").where("id", "=", runId).executeTakeFirst();
  const log = run?.run_log_path ? moved.get(run.run_log_path) : undefined;
  await trx
    .updateTable("runs")
    .set({ deleted_at: at, trash_id: trashId, ...(log ? { run_log_path: log } : {}) })
    .where("id", "=", runId)
    .execute();
}

/** Makes the runs entry `trashId` held live again, their run logs back in place. */
async function unmarkRuns(trx: Kysely<Database>, trashId: string, prefix: string): Promise<void> {
  const runs = await trx.selectFrom("runs").select(["id", "run_log_path"]).where("trash_id", "=", trashId).execute();
  for (const run of runs) {
    const log = run.run_log_path?.startsWith(prefix) ? run.run_log_path.slice(prefix.length) : run.run_log_path;
    await trx
      .updateTable("runs")
      .set({ deleted_at: null, trash_id: null, run_log_path: log })
      .where("id", "=", run.id)
      .execute();
  }
}

/**
 * Purges every project's expired entries now and then every `intervalMs` (an hour by default);
 * answers a function that stops it. A failure is logged and the next round tries again.
 */
export function startTrashPurge(
  trash: Trash,
  logError: (error: unknown) => void,
  intervalMs = 60 * 60 * 1000,
): () => void {
  const round = () => trash.purge(undefined, {}, null).catch(logError);
  void round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
