import type { Schema } from "@kroma/contract";
import type { Kysely, Selectable } from "kysely";
import type { Database, TrashEntriesTable } from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";

export type TrashEntryRecord = Schema<"TrashEntry">;
export type TrashedFile = Schema<"TrashedFile">;
type TrashEntryStatus = Schema<"TrashEntryStatus">;

/** A new entry's fields; it starts `trashed`. */
export type NewTrashEntry = Omit<TrashEntryRecord, "status" | "file_count" | "bytes" | "restored_at" | "purged_at">;

export async function insertEntry(trx: Kysely<Database>, entry: NewTrashEntry): Promise<TrashEntryRecord> {
  const bytes = entry.files.reduce((sum, file) => sum + file.bytes, 0);
  const row: Selectable<TrashEntriesTable> = {
    id: entry.id,
    project_id: entry.project_id,
    kind: entry.kind,
    status: "trashed",
    label: entry.label,
    run_id: entry.run_id,
    asset_ids_json: toJsonText(entry.asset_ids),
    files_json: toJsonText(entry.files),
    bytes,
    deleted_at: entry.deleted_at,
    expires_at: entry.expires_at,
    deleted_by: entry.deleted_by,
    note: entry.note,
    restored_at: null,
    purged_at: null,
  };
  await trx.insertInto("trash_entries").values(row).execute();
  return toEntry(row);
}

export async function findEntry(
  db: Kysely<Database>,
  projectId: string,
  trashId: string,
): Promise<TrashEntryRecord | undefined> {
  const row = await db
    .selectFrom("trash_entries")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("id", "=", trashId)
    .executeTakeFirst();
  return row && toEntry(row);
}

/** One page of the project's entries in `status`, newest first, with the count and the bytes still held. */
export async function listEntries(
  db: Kysely<Database>,
  projectId: string,
  filter: { status?: TrashEntryStatus; limit?: number; offset?: number },
) {
  const query = db
    .selectFrom("trash_entries")
    .where("project_id", "=", projectId)
    .where("status", "=", filter.status ?? "trashed");
  const [rows, counted, held] = await Promise.all([
    query
      .selectAll()
      .orderBy("deleted_at", "desc")
      .orderBy("id")
      .limit(filter.limit ?? 500)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    db
      .selectFrom("trash_entries")
      .select((eb) => eb.fn.sum<number | null>("bytes").as("bytes"))
      .where("project_id", "=", projectId)
      .where("status", "=", "trashed")
      .executeTakeFirst(),
  ]);
  return { rows: rows.map(toEntry), total: Number(counted.total), bytes: Number(held?.bytes ?? 0) };
}

/** Entries still `trashed`: of one project, or of every project when `projectId` is omitted. */
export async function trashedEntries(
  db: Kysely<Database>,
  filter: { projectId?: string; ids?: readonly string[]; expiredAt?: string },
): Promise<TrashEntryRecord[]> {
  let query = db.selectFrom("trash_entries").selectAll().where("status", "=", "trashed");
  if (filter.projectId) query = query.where("project_id", "=", filter.projectId);
  if (filter.ids) query = query.where("id", "in", filter.ids.length > 0 ? [...filter.ids] : [""]);
  if (filter.expiredAt) query = query.where("expires_at", "<=", filter.expiredAt);
  return (await query.orderBy("deleted_at").execute()).map(toEntry);
}

/** Moves an entry out of `trashed` (only from it, so two restores or purges never both act). */
export async function closeEntry(
  trx: Kysely<Database>,
  trashId: string,
  status: "restored" | "purged",
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable("trash_entries")
    .set(status === "restored" ? { status, restored_at: at } : { status, purged_at: at })
    .where("id", "=", trashId)
    .where("status", "=", "trashed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function toEntry(row: Selectable<TrashEntriesTable>): TrashEntryRecord {
  const files = fromJsonText<TrashedFile[]>(row.files_json) ?? [];
  const { asset_ids_json: _ids, files_json: _files, ...rest } = row;
  return { ...rest, asset_ids: fromJsonText<string[]>(row.asset_ids_json) ?? [], files, file_count: files.length };
}
