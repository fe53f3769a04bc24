// Shared by the runs tests: a project with real scene PNGs, and a digest of every run table to
// prove an operation changed nothing.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Database, KromaDb } from "@kroma/server";
import { solidPng } from "./png-bytes.js";

/** Writes small real PNG scenes under a project root; returns their refs (relative paths). */
export async function putScenes(root: string, names: string[]): Promise<string[]> {
  for (const name of names) {
    const path = join(root, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, solidPng(8, 8, [90, 90, 90]));
  }
  return names;
}

const runTables = ["runs", "jobs", "candidates", "assets", "quality_reports", "cost_events", "audit_events"] as const;

/** sha256 over every row of the run tables and the audit log, in id order. */
export async function runTablesDigest(db: KromaDb): Promise<string> {
  const hash = createHash("sha256");
  for (const table of runTables) {
    const rows = await db.selectFrom(table).selectAll().orderBy("id").execute();
    hash.update(`${table}\n${JSON.stringify(rows)}\n`);
  }
  return hash.digest("hex");
}

/**
 * A `runs` row as a server that triggered it would have written it (a dry run, `queued`, with
 * a stored request), with `fields` overriding: for tests that put a run straight into the
 * database, as an import or another server would leave it.
 */
export function runRow(
  fields: Pick<Database["runs"], "id" | "project_id"> & Partial<Database["runs"]>,
): Database["runs"] {
  return {
    run_mode: "dry",
    status: "queued",
    stage: "style",
    time_of_day: null,
    weather: null,
    model_name: "gpt-image-1",
    provider_code: "openai",
    settings_snapshot_json: null,
    image_size: "1024x1536",
    image_quality: "medium",
    run_log_path: null,
    started_at: null,
    finished_at: null,
    created_at: new Date().toISOString(),
    error: null,
    summary_json: null,
    request_json: JSON.stringify({ input: "scenes" }),
    run_log_sha256: null,
    deleted_at: null,
    trash_id: null,
    reserved_usd: null,
    retried_from: null,
    ...fields,
  };
}

/** The settings of a test's paid run against the images stand-in at `imagesUrl`, besides its project and request. */
export function paidRunSettings(imagesUrl: string, apiKey: string) {
  return {
    resolvedFromBackend: true,
    confirmSpend: true,
    model: "gpt-image-1",
    size: "1024x1024",
    quality: "medium",
    apiKey,
    baseURL: `${imagesUrl}/v1`,
    retryDelayMs: 1,
  };
}
