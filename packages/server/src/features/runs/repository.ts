import type { components } from "@kroma/contract/types";
import type { Kysely, Selectable, SelectQueryBuilder } from "kysely";
import { findProjectRow } from "../../core/db/project-rows.js";
import type {
  AssetsTable,
  CandidatesTable,
  CostEventsTable,
  Database,
  JobsTable,
  QualityReportsTable,
  RunsTable,
} from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

type Schemas = components["schemas"];
export type RunRecord = Schemas["Run"];
export type RunRecordStatus = Schemas["RunRecordStatus"];
export type RunJobRecord = Schemas["RunJob"];
export type RunCandidateRecord = Schemas["RunCandidate"];
export type AssetRecord = Schemas["Asset"];
export type QualityReportRecord = Schemas["QualityReport"];
export type CostEventRecord = Schemas["CostEvent"];

/** Statuses a run can still leave; the others are final. */
export const activeRunStatuses: readonly RunRecordStatus[] = ["queued", "running", "canceling"];

export interface Page {
  limit?: number | undefined;
  offset?: number | undefined;
}

const defaultLimit = 500;

export type RunRepository = ReturnType<typeof createRunRepository>;

/**
 * Runs and what they produced, as the API returns them (`*_json` columns parsed). Writes here are
 * the run queue's status moves and notes; ingest writes the rest through `runs/log-repository.ts`.
 */
export function createRunRepository(db: Kysely<Database>) {
  /** One page of a list, newest first as `query` orders it, and how many rows match in all. */
  async function page<TB extends "runs" | "assets" | "quality_reports" | "cost_events", R>(
    // biome-ignore lint/complexity/noBannedTypes: kysely's type for "nothing selected yet"
    query: SelectQueryBuilder<Database, TB, {}>,
    { limit = defaultLimit, offset = 0 }: Page,
    map: (row: Selectable<Database[TB]>) => R,
  ): Promise<{ rows: R[]; total: number }> {
    const [rows, counted] = await Promise.all([
      query.selectAll().limit(limit).offset(offset).execute(),
      query
        .clearOrderBy()
        .select((eb) => eb.fn.countAll<number>().as("total"))
        .executeTakeFirstOrThrow(),
    ]);
    // kysely cannot name `selectAll()` of a generic table as the table's row type; it is that row.
    return { rows: (rows as unknown as Selectable<Database[TB]>[]).map(map), total: Number(counted.total) };
  }

  return {
    list(projectId: string, filter: { status?: RunRecordStatus; mode?: "dry" | "run"; trashed?: Trashed } & Page = {}) {
      let query = inTrash(db.selectFrom("runs").where("project_id", "=", projectId), filter.trashed);
      if (filter.status) query = query.where("status", "=", filter.status);
      if (filter.mode) query = query.where("run_mode", "=", filter.mode);
      return page(query.orderBy("created_at", "desc").orderBy("id", "desc"), filter, toRun);
    },

    async get(projectId: string, runId: string): Promise<RunRecord | undefined> {
      const row = await findProjectRow(db, "runs", projectId, runId);
      return row && toRun(row);
    },

    /** The trigger request a queued run was created with. */
    async request(runId: string): Promise<unknown> {
      const row = await db.selectFrom("runs").select("request_json").where("id", "=", runId).executeTakeFirst();
      return fromJsonText(row?.request_json ?? null);
    },

    /** A run's jobs in plan order (job keys start `<stage>_<n>_`), each with its candidates. */
    async jobs(runId: string): Promise<RunJobRecord[]> {
      const jobs = await db
        .selectFrom("jobs")
        .leftJoin("job_reviews", "job_reviews.job_id", "jobs.id")
        .selectAll("jobs")
        .select("job_reviews.state as review_state")
        .where("jobs.run_id", "=", runId)
        .execute();
      const candidates = await db
        .selectFrom("candidates")
        .innerJoin("jobs", "jobs.id", "candidates.job_id")
        .selectAll("candidates")
        .where("jobs.run_id", "=", runId)
        .orderBy("candidates.candidate_index")
        .execute();
      const byJob = new Map<string, RunCandidateRecord[]>();
      for (const candidate of candidates) {
        const list = byJob.get(candidate.job_id) ?? [];
        list.push(toCandidate(candidate));
        byJob.set(candidate.job_id, list);
      }
      return jobs.sort(byPlanOrder).map((job) => toJob(job, byJob.get(job.id) ?? []));
    },

    listAssets(
      projectId: string,
      filter: { run_id?: string; job_id?: string; asset_kind?: string; trashed?: Trashed } & Page = {},
    ) {
      let query = inTrash(db.selectFrom("assets").where("project_id", "=", projectId), filter.trashed);
      if (filter.run_id) query = query.where("run_id", "=", filter.run_id);
      if (filter.job_id) query = query.where("job_id", "=", filter.job_id);
      if (filter.asset_kind) query = query.where("asset_kind", "=", filter.asset_kind);
      return page(query.orderBy("created_at", "desc").orderBy("id"), filter, toAsset);
    },

    async getAsset(projectId: string, assetId: string): Promise<AssetRecord | undefined> {
      const row = await findProjectRow(db, "assets", projectId, assetId);
      return row && toAsset(row);
    },

    listQualityReports(
      projectId: string,
      filter: { run_id?: string; asset_id?: string; grade?: "pass" | "warn" | "fail" } & Page = {},
    ) {
      let query = db.selectFrom("quality_reports").where("project_id", "=", projectId);
      if (filter.run_id) query = query.where("run_id", "=", filter.run_id);
      if (filter.asset_id) query = query.where("asset_id", "=", filter.asset_id);
      if (filter.grade) query = query.where("grade", "=", filter.grade);
      return page(query.orderBy("created_at", "desc").orderBy("id"), filter, toQualityReport);
    },

    async listCostEvents(projectId: string, filter: { run_id?: string } & Page = {}) {
      let query = db.selectFrom("cost_events").where("project_id", "=", projectId);
      if (filter.run_id) query = query.where("run_id", "=", filter.run_id);
      const [listed, sum] = await Promise.all([
        page(query.orderBy("created_at", "desc").orderBy("id"), filter, toCostEvent),
        query.select((eb) => eb.fn.sum<number | null>("total_cost_usd").as("usd")).executeTakeFirst(),
      ]);
      return { ...listed, totalUsd: Math.round(Number(sum?.usd ?? 0) * 1e6) / 1e6 };
    },

    /** A run the server will execute: `queued`, with the request it must repeat on resume. */
    async createQueued(row: {
      id: string;
      projectId: string;
      mode: "dry" | "run";
      request: unknown;
      stage: string;
      time: string | null;
      weather: string | null;
      model: string;
      size: string;
      quality: string;
      /** What the run reserves against the project's budget. */
      reservedUsd?: number | null;
      /** The run it re-runs, if any. */
      retriedFrom?: string | null;
    }): Promise<RunRecord> {
      const values = {
        id: row.id,
        project_id: row.projectId,
        run_mode: row.mode,
        status: "queued",
        stage: row.stage,
        time_of_day: row.time,
        weather: row.weather,
        model_name: row.model,
        provider_code: "openai",
        settings_snapshot_json: null,
        image_size: row.size,
        image_quality: row.quality,
        run_log_path: null,
        started_at: null,
        finished_at: null,
        created_at: nowIso(),
        error: null,
        summary_json: null,
        request_json: toJsonText(row.request),
        run_log_sha256: null,
        deleted_at: null,
        trash_id: null,
        reserved_usd: row.reservedUsd ?? null,
        retried_from: row.retriedFrom ?? null,
      };
      await db.insertInto("runs").values(values).execute();
      return toRun(values);
    },

    /**
     * Moves a run to `status` only if it is in one of `from` (so two moves never race each other);
     * returns whether it moved.
     */
    async move(
      runId: string,
      from: readonly RunRecordStatus[],
      status: RunRecordStatus,
      fields: Partial<Pick<RunsTable, "started_at" | "finished_at" | "error">> = {},
    ): Promise<boolean> {
      const result = await db
        .updateTable("runs")
        .set({ status, ...fields })
        .where("id", "=", runId)
        .where("status", "in", [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** What a run's `done` event reports: its status, summary and error as stored. */
    outcome(runId: string) {
      return db
        .selectFrom("runs")
        .select(["status", "summary_json", "error"])
        .where("id", "=", runId)
        .executeTakeFirst();
    },

    /** Sets a run's `error` whatever its status (a problem after the run, e.g. its S3 sync). */
    async noteError(runId: string, error: string): Promise<void> {
      await db.updateTable("runs").set({ error }).where("id", "=", runId).execute();
    },

    /** The ids of every run still `queued`, `running` or `canceling`, whoever executes it. */
    async activeIds(): Promise<string[]> {
      const rows = await db
        .selectFrom("runs")
        .select("id")
        .where("status", "in", [...activeRunStatuses])
        .execute();
      return rows.map((row) => row.id);
    },

    /**
     * Of `runIds`, those still active become `interrupted` with `error`; returns their ids. Only
     * the runs named: a server marks its own runs, or runs no live process owns, never every
     * active row (another server on the same database may be executing those).
     */
    async interruptAmong(runIds: readonly string[], error: string): Promise<string[]> {
      const moved: string[] = [];
      // Chunked: SQLite limits how many values one statement may bind.
      for (let i = 0; i < runIds.length; i += 500) {
        const rows = await db
          .updateTable("runs")
          .set({ status: "interrupted", error })
          .where("id", "in", runIds.slice(i, i + 500))
          .where("status", "in", [...activeRunStatuses])
          .returning("id")
          .execute();
        moved.push(...rows.map((row) => row.id));
      }
      return moved;
    },
  };
}

/** Whether a list shows what is in the trash: not by default, also, or only it. */
type Trashed = "exclude" | "include" | "only";

function inTrash<TB extends "runs" | "assets">(
  // biome-ignore lint/complexity/noBannedTypes: kysely's type for "nothing selected yet"
  query: SelectQueryBuilder<Database, TB, {}>,
  trashed: Trashed = "exclude",
) {
  // Both tables have `deleted_at`; kysely cannot see that through the generic table name.
  const column = "deleted_at" as never;
  if (trashed === "include") return query;
  return query.where(column, trashed === "only" ? "is not" : "is", null);
}

/** `style_2_x` before `style_10_x`: by the job's number, then its key. */
function byPlanOrder(a: Selectable<JobsTable>, b: Selectable<JobsTable>): number {
  const n = (key: string) => Number(/^[a-z]+_(\d+)_/.exec(key)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return n(a.job_key) - n(b.job_key) || a.job_key.localeCompare(b.job_key);
}

const jsonObject = (text: string | null): Record<string, unknown> => fromJsonText<Record<string, unknown>>(text) ?? {};

function toRun(row: Selectable<RunsTable>): RunRecord {
  const { request_json: _request, run_log_sha256: _hash, ...rest } = row;
  return {
    ...rest,
    run_mode: row.run_mode,
    status: row.status as RunRecordStatus,
    settings_snapshot_json: fromJsonText(row.settings_snapshot_json),
    summary_json: fromJsonText(row.summary_json),
  };
}

function toJob(
  { review_state, ...row }: Selectable<JobsTable> & { review_state: RunJobRecord["review_state"] | null },
  candidates: RunCandidateRecord[],
): RunJobRecord {
  return {
    ...row,
    status: row.status as RunJobRecord["status"],
    meta_json: jsonObject(row.meta_json),
    candidates,
    review_state: review_state ?? "pending",
  };
}

function toCandidate(row: Selectable<CandidatesTable>): RunCandidateRecord {
  return { ...row, status: row.status as RunCandidateRecord["status"], meta_json: jsonObject(row.meta_json) };
}

function toAsset({ file_checked_at: _, stale, ...row }: Selectable<AssetsTable>): AssetRecord {
  return { ...row, metadata_json: jsonObject(row.metadata_json), stale: stale === 1 };
}

function toQualityReport(row: Selectable<QualityReportsTable>): QualityReportRecord {
  return { ...row, summary_json: jsonObject(row.summary_json) };
}

function toCostEvent(row: Selectable<CostEventsTable>): CostEventRecord {
  return { ...row, meta_json: jsonObject(row.meta_json) };
}
