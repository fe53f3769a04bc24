import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type ContractValidator, createContractValidator, openapiDocument } from "@kroma/contract";
import { logPath } from "@kroma/pipeline";
import type { Insertable, Kysely } from "kysely";
import { type Actor, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import { conflict, validationError } from "../../core/errors.js";
import { type RunLog, type RunLogRecords, runLogRecords } from "./log-records.js";

/** What an ingest did: `changed` is false when the same log was already ingested (then no `counts`). */
export interface IngestResult {
  run_id: string;
  changed: boolean;
  /** Rows written, when `changed`. */
  counts?: { jobs: number; candidates: number; assets: number; quality_reports: number; cost_events: number };
}

export interface IngestRunLogOptions {
  projectId: string;
  projectSlug: string;
  /** The project root the log's relative paths are under. */
  projectRoot: string;
  /** The parsed log; checked against `RunLog` in the spec before anything is written. */
  log: unknown;
  /** The log file (absolute, or relative to the project root). Default: `runs/<run_id>.json`. */
  runLogPath?: string;
  actor?: Actor | null;
  validator?: ContractValidator;
}

let sharedValidator: ContractValidator | undefined;

/**
 * Ingests a run log into the database in one transaction: the run, its jobs and candidates, an
 * asset per file it wrote (with sha256), quality reports and cost events, plus an audit event.
 * Idempotent by run id: record ids derive from the run, job and candidate, and a log whose hash
 * matches the one last ingested changes nothing at all. A newer log of the same run (a resumed
 * run) updates the rows in place and drops rows it no longer has. Refuses a log that does not
 * match the spec's `RunLog`, or belongs to another project.
 *
 * @example
 * const result = await ingestRunLog(db, { projectId, projectSlug: "demo", projectRoot, log });
 * result.changed; // true the first time, false after
 */
export async function ingestRunLog(db: KromaDb, options: IngestRunLogOptions): Promise<IngestResult> {
  // Hash of the content, not the file's bytes: the same log ingested from the file or from memory
  // matches. Checked first: a log already ingested as it is needs no validation or row building.
  const hash = createHash("sha256").update(JSON.stringify(options.log)).digest("hex");
  const { run_id: runId, project } = (options.log ?? {}) as { run_id?: unknown; project?: unknown };
  const sameProject = project === options.projectSlug;
  if (
    typeof runId === "string" &&
    sameProject &&
    (await storedRun(db, runId, options.projectId))?.run_log_sha256 === hash
  ) {
    return { run_id: runId, changed: false };
  }
  const log = checkRunLog(options);
  const root = resolve(options.projectRoot);
  const records = runLogRecords(log, {
    projectId: options.projectId,
    projectRoot: root,
    runLogPath: logPath(root, resolve(root, options.runLogPath ?? `runs/${log.run_id}.json`)),
  });
  const counts = {
    jobs: records.jobs.length,
    candidates: records.candidates.length,
    assets: records.assets.length,
    quality_reports: records.qualityReports.length,
    cost_events: records.costEvents.length,
  };
  const changed = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: another writer may have ingested it meanwhile.
    const existing = await storedRun(trx, log.run_id, options.projectId);
    if (existing?.run_log_sha256 === hash) return false;
    await writeRecords(db, trx, records, hash, existing !== undefined);
    await recordAudit(trx, options.actor ?? null, {
      action: "run.ingest",
      projectId: options.projectId,
      targetType: "run",
      targetId: log.run_id,
      detail: { mode: log.mode, status: records.run.status, ...counts },
    });
    return true;
  });
  return changed ? { run_id: log.run_id, changed, counts } : { run_id: log.run_id, changed };
}

/** The stored run's hash, or undefined; a run id of another project is a 409. */
async function storedRun(db: Kysely<Database>, runId: string, projectId: string) {
  const existing = await db
    .selectFrom("runs")
    .select(["project_id", "run_log_sha256"])
    .where("id", "=", runId)
    .executeTakeFirst();
  if (existing && existing.project_id !== projectId) {
    throw conflict(`Run '${runId}' belongs to another project`, { field: "run_id" });
  }
  return existing;
}

/**
 * Reads `runs/<run_id>.json` (or any log file) and ingests it; see {@link ingestRunLog}.
 *
 * @example
 * await ingestRunLogFile(db, { projectId, projectSlug: "demo", projectRoot, path: "/p/demo/runs/run_x.json" });
 */
export async function ingestRunLogFile(
  db: KromaDb,
  options: Omit<IngestRunLogOptions, "log" | "runLogPath"> & { path: string },
): Promise<IngestResult> {
  const text = await readFile(options.path, "utf8");
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch {
    throw validationError(`Run log ${options.path} is not valid JSON`, { field: "run_log" });
  }
  return ingestRunLog(db, { ...options, log, runLogPath: options.path });
}

/** The validator to check logs with: the caller's, else one made once (compiling the spec is slow). */
function runLogValidator(given?: ContractValidator): ContractValidator {
  if (given) return given;
  sharedValidator ??= createContractValidator(openapiDocument);
  return sharedValidator;
}

function checkRunLog(options: IngestRunLogOptions): RunLog {
  // Checked against the variant its `mode` names, so problems are about that log, not both kinds.
  const mode = (options.log as { mode?: unknown } | null)?.mode;
  const schema = mode === "run" ? "PaidRunLog" : mode === "dry" ? "DryRunLog" : "RunLog";
  const issues = runLogValidator(options.validator).validateSchema(schema, options.log);
  if (issues.length > 0) {
    const shown = issues.slice(0, 5).map((issue) => issue.message);
    throw validationError(`Not a valid run log: ${shown.join("; ")}`, {
      field: "run_log",
      issues: issues.slice(0, 20),
    });
  }
  const log = options.log as RunLog;
  if (log.project !== options.projectSlug) {
    throw validationError(`Run log '${log.run_id}' is for project '${log.project}', not '${options.projectSlug}'`, {
      field: "project",
    });
  }
  return log;
}

// Ids per `in (...)` list when dropping stale rows: well under SQLite's variable limit.
const chunkSize = 400;

/** The run's row through kysely (so cached reads see the change), the rest in bulk on the same transaction. */
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
