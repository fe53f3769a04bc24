import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { projectColumns, storageS3Columns, toProjectRecord, toS3Settings } from "../projects/repository.js";

/** The tables a bundle carries, in the order import inserts them (referenced rows first). */
export const bundleTables = [
  "runs",
  "jobs",
  "candidates",
  "assets",
  "quality_reports",
  "cost_events",
  "asset_links",
  "prompt_templates",
  "style_guides",
  "characters",
  "reference_sets",
  "reference_items",
  "provider_accounts",
  "chat_sessions",
  "chat_messages",
  "agent_instructions",
  "agent_instruction_events",
  "job_reviews",
  "job_review_events",
  "scene_baselines",
] as const;

export type BundleTable = (typeof bundleTables)[number];

/** A column holding another row's id: `required` ones are foreign keys that must resolve. */
export interface RowReference {
  table: BundleTable;
  required: boolean;
}

/**
 * Every id reference between bundled rows, by table and column: what import rewrites when it
 * gives rows new ids. `project_id` is not listed: every row gets the new project's.
 */
export const rowReferences: Record<BundleTable, Record<string, RowReference>> = {
  runs: {},
  jobs: { run_id: { table: "runs", required: true }, final_asset_id: { table: "assets", required: false } },
  candidates: {
    job_id: { table: "jobs", required: true },
    output_asset_id: { table: "assets", required: false },
    final_asset_id: { table: "assets", required: false },
  },
  assets: {
    run_id: { table: "runs", required: false },
    job_id: { table: "jobs", required: false },
    candidate_id: { table: "candidates", required: false },
  },
  quality_reports: { run_id: { table: "runs", required: false }, asset_id: { table: "assets", required: false } },
  cost_events: { run_id: { table: "runs", required: false }, job_id: { table: "jobs", required: false } },
  asset_links: {
    parent_asset_id: { table: "assets", required: true },
    child_asset_id: { table: "assets", required: true },
  },
  prompt_templates: {},
  style_guides: {},
  characters: {},
  reference_sets: {},
  reference_items: {
    reference_set_id: { table: "reference_sets", required: true },
    asset_id: { table: "assets", required: false },
  },
  provider_accounts: {},
  chat_sessions: {},
  chat_messages: { session_id: { table: "chat_sessions", required: true } },
  agent_instructions: {},
  agent_instruction_events: { instruction_id: { table: "agent_instructions", required: true } },
  // Review decisions keep who made them as the token's id and label and their audit event's id:
  // text naming the exporting installation's records, which do not travel.
  job_reviews: { job_id: { table: "jobs", required: true }, run_id: { table: "runs", required: true } },
  job_review_events: { job_id: { table: "jobs", required: true }, run_id: { table: "runs", required: true } },
  scene_baselines: {
    asset_id: { table: "assets", required: true },
    run_id: { table: "runs", required: true },
    job_id: { table: "jobs", required: true },
  },
};

/**
 * The column a table's rows are keyed by within a project: their own `id`, or for the tables
 * without one, the provider account's code, the reviewed job, the baseline's scene.
 */
const keyColumns: Partial<Record<BundleTable, string>> = {
  provider_accounts: "provider_code",
  job_reviews: "job_id",
  scene_baselines: "scene",
};

/** Tables whose rows have their own `id` (import gives them new ones). */
export const hasIdColumn = (table: BundleTable): boolean => keyColumns[table] === undefined;

export const recordsEntry = (table: BundleTable) => `records/${table}.jsonl`;

/** Assets recording export bundles stay with the installation that wrote them: bundles do not nest. */
export const exportAssetKind = "export";

/** One row as a bundle stores it: columns as in the database, `*_json` columns as JSON values. */
export type BundleRow = Record<string, unknown>;

const pageSize = 1000;

/**
 * The project's rows of `table`, `pageSize` at a time in id order (keyset pages, so a large
 * table is never read whole). Jobs and candidates belong to the project through their run.
 */
async function* projectRows(db: Kysely<Database>, table: BundleTable, projectId: string): AsyncGenerator<BundleRow> {
  const idColumn = keyColumns[table] ?? "id";
  let after: string | undefined;
  for (;;) {
    const { rows } = await pageQuery(table, projectId, idColumn, after).execute(db);
    for (const row of rows) yield row;
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]?.[idColumn]);
  }
}

function pageQuery(table: BundleTable, projectId: string, idColumn: string, after?: string) {
  const keyset = after === undefined ? sql`1 = 1` : sql`t.${sql.ref(idColumn)} > ${after}`;
  return sql<BundleRow>`select t.* from ${sql.table(table)} t where ${projectScope(table, projectId)} and ${keyset} order by t.${sql.ref(idColumn)} limit ${pageSize}`;
}

/** Which rows of `table` (aliased `t`) are the project's. */
function projectScope(table: BundleTable, projectId: string) {
  switch (table) {
    case "jobs":
      return sql`t.run_id in (select id from runs where project_id = ${projectId})`;
    case "candidates":
      return sql`t.job_id in (select jobs.id from jobs join runs on runs.id = jobs.run_id where runs.project_id = ${projectId})`;
    case "assets":
      return sql`t.project_id = ${projectId} and t.kind <> ${exportAssetKind}`;
    case "asset_links":
      return sql`t.project_id = ${projectId} and not exists (select 1 from assets a where a.kind = ${exportAssetKind} and a.id in (t.parent_asset_id, t.child_asset_id))`;
    default:
      return sql`t.project_id = ${projectId}`;
  }
}

/** `*_json` columns hold JSON text; a bundle shows them as the JSON they are. */
export function toBundleRow(row: BundleRow): BundleRow {
  const out: BundleRow = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] = column.endsWith("_json") && typeof value === "string" ? JSON.parse(value) : value;
  }
  return out;
}

/**
 * Writes the project's rows of every bundled table to `<dir>/<table>.jsonl`, streamed page by
 * page, and returns the row count per table. Run it in a transaction for a consistent snapshot.
 *
 * @example
 * const counts = await writeRecordFiles(trx, projectId, "/tmp/records"); // { runs: 2, jobs: 8, ... }
 */
export async function writeRecordFiles(
  db: Kysely<Database>,
  projectId: string,
  dir: string,
): Promise<Record<BundleTable, number>> {
  const counts = {} as Record<BundleTable, number>;
  for (const table of bundleTables) {
    const out = createWriteStream(join(dir, `${table}.jsonl`), { flags: "wx" });
    let count = 0;
    try {
      for await (const row of projectRows(db, table, projectId)) {
        count++;
        if (!out.write(`${JSON.stringify(toBundleRow(row))}\n`)) await once(out, "drain");
      }
    } finally {
      out.end();
      await once(out, "close");
    }
    counts[table] = count;
  }
  return counts;
}

/** `records/project.json`: the project itself, who owns it, its S3 settings and its secrets' names. */
export interface ProjectBundleRecord {
  project: {
    id: string;
    slug: string;
    name: string;
    description: string;
    status: string;
    created_at: string;
    updated_at: string;
  };
  owner: { username: string; display_name: string };
  storage: {
    s3: { enabled: boolean; bucket: string; prefix: string; region: string; profile: string; endpoint_url: string };
  };
  /** Names only: values never leave the database they were encrypted in. */
  secrets: Array<{ provider_code: string; secret_name: string }>;
}

/** The project's own record for a bundle. Secret values are not read at all, only their names. */
export async function readProjectBundleRecord(db: Kysely<Database>, projectId: string): Promise<ProjectBundleRecord> {
  const row = await db
    .selectFrom("projects")
    .innerJoin("users", "users.id", "projects.user_id")
    .innerJoin("project_storage as storage", "storage.project_id", "projects.id")
    .select([...projectColumns, "users.username", "users.display_name", ...storageS3Columns])
    .where("projects.id", "=", projectId)
    .executeTakeFirstOrThrow();
  const secrets = await db
    .selectFrom("project_secrets")
    .select(["provider_code", "secret_name"])
    .where("project_id", "=", projectId)
    .orderBy("provider_code")
    .orderBy("secret_name")
    .execute();
  return {
    project: toProjectRecord(row),
    owner: { username: row.username, display_name: row.display_name },
    storage: { s3: toS3Settings(row) },
    secrets,
  };
}
