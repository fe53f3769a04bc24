// Shared by the runs tests: a project with real scene PNGs, and a digest of every run table to
// prove an operation changed nothing.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { KromaDb } from "@kroma/server";
import { solidPng } from "./png.js";

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
