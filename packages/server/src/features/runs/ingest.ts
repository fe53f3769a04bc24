import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type ContractValidator, createContractValidator, openapiDocument } from "@kroma/contract";
import { logPath } from "@kroma/pipeline";
import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { Database } from "../../core/db/schema.js";
import { conflict, validationError } from "../../core/errors.js";
import { checkProjectAssetFiles } from "../assets/legacy-files.js";
import { type RunLog, runLogRecords } from "./log-records.js";
import { createRunLogRepository, type RunLogRepository } from "./log-repository.js";

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
  /**
   * A live snapshot of a run still executing (see the pipeline's `onLiveLog`): its jobs,
   * candidates and assets so far are written, but the run keeps the status it has (running, or
   * canceling) and no finish time, and no audit event is written: the final ingest audits the run.
   */
  live?: boolean;
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
  const runLogs = createRunLogRepository(db);
  // Hash of the content, not the file's bytes: the same log ingested from the file or from memory
  // matches. Checked first: a log already ingested as it is needs no validation or row building.
  const hash = createHash("sha256").update(JSON.stringify(options.log)).digest("hex");
  const { run_id: runId, project } = (options.log ?? {}) as { run_id?: unknown; project?: unknown };
  const sameProject = project === options.projectSlug;
  if (
    typeof runId === "string" &&
    sameProject &&
    (await storedRun(runLogs, runId, options.projectId))?.run_log_sha256 === hash
  ) {
    return { run_id: runId, changed: false };
  }
  const log = checkRunLog(options.log, options.projectSlug, options.validator);
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
    const existing = await storedRun(runLogs, log.run_id, options.projectId, trx);
    if (existing?.run_log_sha256 === hash) return false;
    if (options.live) {
      records.run = { ...records.run, status: existing?.status ?? "running", finished_at: null, error: null };
    }
    await runLogs.write(trx, records, hash, existing !== undefined);
    if (options.live) return true;
    await recordAudit(trx, options.actor ?? null, {
      action: "run.ingest",
      projectId: options.projectId,
      targetType: "run",
      targetId: log.run_id,
      detail: { mode: log.mode, status: records.run.status, ...counts },
    });
    return true;
  });
  // A log in the layout from before per-run outputs may name files a later run replaced.
  if (changed && records.assets.some((asset) => asset.file_checked_at === null)) {
    await checkProjectAssetFiles(db, options.projectId, root);
  }
  return changed ? { run_id: log.run_id, changed, counts } : { run_id: log.run_id, changed };
}

/** Refuses (409) a run id that another project's run already has. */
export async function refuseForeignRun(db: KromaDb, runId: string, projectId: string): Promise<void> {
  await storedRun(createRunLogRepository(db), runId, projectId);
}

/**
 * The files `log` names (its assets' paths, relative to the project root, with the sha256 the
 * log records for each: null for a log from before hashes), each once.
 */
export function runLogFiles(log: RunLog, projectRoot: string): { path: string; sha256: string | null }[] {
  const { assets } = runLogRecords(log, { projectId: "", projectRoot, runLogPath: `runs/${log.run_id}.json` });
  const files = new Map<string, string | null>();
  for (const asset of assets) if (asset.rel_path) files.set(asset.rel_path, asset.sha256 ?? null);
  return [...files].map(([path, sha256]) => ({ path, sha256 }));
}

/** The stored run's hash, or undefined; a run id of another project is a 409. */
async function storedRun(runLogs: RunLogRepository, runId: string, projectId: string, trx?: Kysely<Database>) {
  const existing = await runLogs.storedHash(runId, trx);
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

/**
 * `log` as a `RunLog` of the project `projectSlug`, or a 400 listing the first problems: checked
 * against the spec's variant its `mode` names, so problems are about that log, not both kinds.
 */
export function checkRunLog(log: unknown, projectSlug: string, validator?: ContractValidator): RunLog {
  const mode = (log as { mode?: unknown } | null)?.mode;
  const schema = mode === "run" ? "PaidRunLog" : mode === "dry" ? "DryRunLog" : "RunLog";
  const issues = runLogValidator(validator).validateSchema(schema, log);
  if (issues.length > 0) {
    const shown = issues.slice(0, 5).map((issue) => issue.message);
    throw validationError(`Not a valid run log: ${shown.join("; ")}`, {
      field: "run_log",
      issues: issues.slice(0, 20),
    });
  }
  const checked = log as RunLog;
  if (checked.project !== projectSlug) {
    throw validationError(`Run log '${checked.run_id}' is for project '${checked.project}', not '${projectSlug}'`, {
      field: "project",
    });
  }
  return checked;
}
