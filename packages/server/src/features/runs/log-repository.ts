import type { Insertable, Kysely } from "kysely";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import type { RunLogRecords } from "./log-records.js";

// Ids per `in (...)` list when dropping stale rows: well under SQLite's variable limit.
const chunkSize = 400;

/**
 * The rows a run log becomes (`runs/log-records.ts`). Written on the ingest's transaction: the
 * run's row through kysely, so cached reads see the change, the rest in bulk on `db`'s connection.
 */
export type RunLogRepository = ReturnType<typeof createRunLogRepository>;

export function createRunLogRepository(db: KromaDb) {
  return {
    /** The project, log hash and status of a stored run, if any; read on `trx` when given. */
    storedHash(runId: string, trx: Kysely<Database> = db) {
      return trx
        .selectFrom("runs")
        .select(["project_id", "run_log_sha256", "status"])
        .where("id", "=", runId)
        .executeTakeFirst();
    },

    /** Writes the records; `replace`: the run has rows already, drop those the log no longer has. */
    write: (trx: Kysely<Database>, records: RunLogRecords, hash: string, replace: boolean) =>
      writeRecords(db, trx, records, hash, replace),
  };
}

async function writeRecords(
  db: KromaDb,
  trx: Kysely<Database>,
  records: RunLogRecords,
  hash: string,
  replace: boolean,
): Promise<void> {
  const run = { ...records.run, run_log_sha256: hash };
  // A run the server queued already has a row: keep when it was created and what was asked.
  const { id: _id, created_at: _created, request_json: _request, ...update } = run;
  await trx
    .insertInto("runs")
    .values(run)
    .onConflict((oc) => oc.column("id").doUpdateSet(update))
    .execute();
  if (replace) await dropStaleRows(trx, records);
  upsert(db, "jobs", records.jobs);
  upsert(db, "candidates", records.candidates);
  upsert(db, "assets", records.assets);
  upsert(db, "quality_reports", records.qualityReports);
  upsert(db, "cost_events", records.costEvents);
  // A link someone already made by hand between the same two assets is the same link: keep theirs.
  upsert(db, "asset_links", records.assetLinks, "keep-existing");
}

type RowTable = "jobs" | "candidates" | "assets" | "quality_reports" | "cost_events" | "asset_links";

/**
 * Inserts or updates rows by id, one prepared statement per table run once per row. Not through
 * the query builder: a 10,000-job run is 100,000 rows, and building and dispatching a query per row
 * (or per chunk) cost more than SQLite's own work; a single-row statement bound per row is also
 * faster in SQLite than multi-row statements. Column names come from our own row objects.
 */
function upsert<T extends RowTable>(
  db: KromaDb,
  table: T,
  rows: Insertable<Database[T]>[],
  onConflict: "update" | "keep-existing" = "update",
): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const quoted = columns.map((column) => `"${column}"`);
  const updates = quoted.filter((column) => column !== '"id"').map((column) => `${column}=excluded.${column}`);
  const conflict =
    onConflict === "update" ? `on conflict ("id") do update set ${updates.join(",")}` : "on conflict do nothing";
  const statement = db.bulkStatement(
    `insert into "${table}" (${quoted.join(",")}) values (${columns.map(() => "?").join(",")}) ${conflict}`,
  );
  for (const row of rows as Record<string, unknown>[]) {
    statement.run(columns.map((column) => row[column] ?? null));
  }
}

/** Rows of this run that a newer log no longer has (fewer jobs or candidates than before). */
async function dropStaleRows(trx: Kysely<Database>, records: RunLogRecords): Promise<void> {
  const runId = records.run.id;
  const keep = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  const stale = async (table: "jobs" | "assets" | "quality_reports" | "cost_events", wanted: Set<string>) => {
    const rows = await trx.selectFrom(table).select("id").where("run_id", "=", runId).execute();
    return rows.map((row) => row.id).filter((id) => !wanted.has(id));
  };
  const remove = async (table: RowTable, ids: string[]) => {
    for (let start = 0; start < ids.length; start += chunkSize) {
      await trx
        .deleteFrom(table)
        .where("id", "in", ids.slice(start, start + chunkSize))
        .execute();
    }
  };
  await remove("quality_reports", await stale("quality_reports", keep(records.qualityReports)));
  await remove("cost_events", await stale("cost_events", keep(records.costEvents)));
  await remove("assets", await stale("assets", keep(records.assets)));
  await remove("jobs", await stale("jobs", keep(records.jobs)));
  const jobIds = records.jobs.map((job) => job.id);
  const wantedCandidates = keep(records.candidates);
  for (let start = 0; start < jobIds.length; start += chunkSize) {
    const rows = await trx
      .selectFrom("candidates")
      .select("id")
      .where("job_id", "in", jobIds.slice(start, start + chunkSize))
      .execute();
    await remove(
      "candidates",
      rows.map((row) => row.id).filter((id) => !wantedCandidates.has(id)),
    );
  }
}
