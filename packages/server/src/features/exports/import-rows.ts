import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import { activeRunStatuses } from "../runs/repository.js";
import { invalidBundle } from "./bundle-format.js";
import {
  type BundleRow,
  type BundleTable,
  bundleTables,
  hasIdColumn,
  recordsEntry,
  rowReferences,
} from "./bundle-records.js";

/** Old id to new id, per table. */
export type IdMaps = Record<BundleTable, Map<string, string>>;

/** Whether any of the bundle's ids already names a row of its table in this database. */
export async function anyIdTaken(trx: Kysely<Database>, ids: Record<BundleTable, string[]>): Promise<boolean> {
  for (const table of bundleTables) {
    const list = ids[table];
    for (let start = 0; start < list.length; start += 500) {
      const chunk = list.slice(start, start + 500);
      const { rows } = await sql`select 1 from ${sql.table(table)} where id in (${sql.join(chunk)}) limit 1`.execute(
        trx,
      );
      if (rows.length > 0) return true;
    }
  }
  return false;
}

/** Old id to new id per table: the same id when nothing collides, a fresh one (same prefix) otherwise. */
export function idMaps(ids: Record<BundleTable, string[]>, remap: boolean): IdMaps {
  const maps = {} as IdMaps;
  for (const table of bundleTables) maps[table] = new Map(ids[table].map((id) => [id, remap ? freshId(id) : id]));
  return maps;
}

/** `run_20250102T...` -> `run_<32 hex>`; an id without a word prefix becomes a UUID. */
function freshId(id: string): string {
  const prefix = /^([a-z]+)_/.exec(id)?.[1];
  return prefix ? `${prefix}_${randomUUID().replaceAll("-", "")}` : randomUUID();
}

export interface RowContext {
  projectId: string;
  maps: IdMaps;
  /** `file:` URL of the new project root (with a trailing `/`), for assets' `storage_uri`. */
  rootUri: string;
}

/**
 * Inserts a table's rows with one prepared statement (per column set) on the transaction's
 * connection, as ingest does: a project can hold hundreds of thousands of rows. Only columns the
 * table has are written, so a bundle from an older Kroma (fewer columns) imports too.
 */
export async function insertRows(
  db: KromaDb,
  trx: Kysely<Database>,
  table: BundleTable,
  rows: AsyncIterable<BundleRow>,
  context: RowContext,
): Promise<number> {
  const { rows: info } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(trx);
  const columns = new Set(info.map((column) => column.name));
  const statements = new Map<string, ReturnType<KromaDb["bulkStatement"]>>();
  let count = 0;
  for await (const source of rows) {
    const row = toTableRow(table, source, context);
    const names = Object.keys(row).filter((name) => columns.has(name));
    const key = names.join(",");
    let statement = statements.get(key);
    if (!statement) {
      statement = db.bulkStatement(
        `insert into "${table}" (${names.map((name) => `"${name}"`).join(",")}) values (${names.map(() => "?").join(",")})`,
      );
      statements.set(key, statement);
    }
    statement.run(names.map((name) => row[name] ?? null));
    count++;
  }
  return count;
}

/** A bundled row as this database stores it: new project, ids mapped, references rewritten, JSON as text. */
function toTableRow(table: BundleTable, source: BundleRow, context: RowContext): BundleRow {
  // Tables without a project_id column (jobs, candidates) drop it when the row is written.
  const row: BundleRow = { ...source, project_id: context.projectId };
  if (hasIdColumn(table)) row.id = context.maps[table].get(source.id as string);
  for (const [column, ref] of Object.entries(rowReferences[table])) {
    const value = source[column];
    if (value === null || value === undefined) continue;
    const mapped = context.maps[ref.table].get(String(value));
    if (mapped === undefined && ref.required) {
      throw invalidBundle(
        `${recordsEntry(table)} row '${String(source.id)}' refers to ${ref.table} '${String(value)}', which the bundle does not hold`,
      );
    }
    // A reference to a record the bundle does not hold (deleted since) would point nowhere, or elsewhere.
    row[column] = mapped ?? null;
  }
  if (table === "assets") rebaseStorageUri(row, context.rootUri);
  if (table === "runs") settleRunStatus(row);
  for (const [column, value] of Object.entries(row)) {
    if (column.endsWith("_json") && value !== null && value !== undefined) row[column] = JSON.stringify(value);
  }
  return row;
}

const finalRunStatuses = new Set(["succeeded", "partial", "failed", "canceled", "interrupted"]);

/**
 * An imported run arrives finished or `interrupted`, never active: no process of this
 * installation executes it, and only a resume (which checks its request again) may run it.
 */
function settleRunStatus(row: BundleRow): void {
  const status = typeof row.status === "string" ? row.status : "";
  if (finalRunStatuses.has(status)) return;
  const was = (activeRunStatuses as readonly string[]).includes(status) ? status : "in an unknown state";
  row.status = "interrupted";
  row.error = `Imported mid-run (it was ${was} in the bundle); resume it to finish`;
}

/** An asset's `file:` URL names the file in the new project root. */
function rebaseStorageUri(row: BundleRow, rootUri: string): void {
  const relPath = row.rel_path;
  if (typeof row.storage_uri !== "string" || !row.storage_uri.startsWith("file:")) return;
  if (typeof relPath !== "string" || relPath === "" || relPath.startsWith("/")) return;
  row.storage_uri = rootUri + relPath.split("/").map(encodeURIComponent).join("/");
}
