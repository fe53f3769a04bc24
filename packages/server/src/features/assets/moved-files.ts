import { access } from "node:fs/promises";
import { join } from "node:path";
import { type Actor, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import { validationError } from "../../core/errors.js";
import { assetLocation, isPlainRelative, sha256At } from "./asset-location.js";

/** A file moved inside a project: both paths relative to the project root, `/`-separated. */
export interface MovedFile {
  from: string;
  to: string;
}

/** A move left unrecorded, and why. */
export interface RefusedMove extends MovedFile {
  reason: string;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The moves that happened as this server sees the project's files: nothing left at `from`, and
 * the file at `to` holding the sha256 of the records naming `from`. The others are refused with
 * the reason: a client whose files are not the server's (another machine), or no such move.
 * A path that is absolute or holds `..` is a 400.
 */
export async function checkMoves(
  db: KromaDb,
  project: { id: string; root: string },
  moves: readonly MovedFile[],
): Promise<{ accepted: MovedFile[]; refused: RefusedMove[] }> {
  const accepted: MovedFile[] = [];
  const refused: RefusedMove[] = [];
  for (const move of moves) {
    for (const path of [move.from, move.to]) {
      if (!isPlainRelative(path))
        throw validationError(`'${path}' is not a path inside the project root`, { field: "moves" });
    }
    const reason = await refusalOf(db, project, move);
    if (reason) refused.push({ ...move, reason });
    else accepted.push(move);
  }
  return { accepted, refused };
}

async function refusalOf(db: KromaDb, project: { id: string; root: string }, move: MovedFile) {
  const records = await db
    .selectFrom("assets")
    .select("sha256")
    .where("project_id", "=", project.id)
    .where("rel_path", "=", move.from)
    .execute();
  if (records.length === 0) return "no asset record names this file";
  if (await exists(join(project.root, move.from))) return "the file is still at its old path on the server";
  const sha256 = await sha256At(project.root, move.to);
  if (sha256 === undefined) return "no file at the new path on the server";
  if (records.some((record) => record.sha256 !== sha256))
    return "the file at the new path has other bytes than the record";
  return undefined;
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
  actor: Actor | null = null,
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
      await recordAudit(trx, actor, {
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
