import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { components } from "@kroma/contract/types";
import { digestFiles, type ReadScope } from "../files/hash.js";

/** Bumped whenever a run log field changes meaning, so readers can tell old logs apart. */
export const runLogSchemaVersion = 1;

type Schemas = components["schemas"];

/** One file a run read, identified by content (`RunLogInput` in the OpenAPI spec). */
export type RunLogInput = Schemas["RunLogInput"];

/** A job of a dry run: what would be generated, and where (`DryRunJob` in the OpenAPI spec). */
export type DryRunJob = Schemas["DryRunJob"];

/**
 * The log of a dry run: the seed's fields plus what reproduction and audit need (run id, schema
 * version, tool versions, a sha256 of every input, the planned output paths, a status and counts).
 * Paths are relative to the project root (with `/`) where inside it, absolute otherwise. The type
 * is generated from `DryRunLog` in the OpenAPI spec, so the API and the files share one type.
 */
export type DryRunLog = Schemas["DryRunLog"];

/** Any run log as written to `runs/<run_id>.json` (`RunLog` in the OpenAPI spec): dry or paid. */
export type RunLog = Schemas["RunLog"];

/**
 * A fresh run id: `run_<yyyymmddThhmmssZ>_<6 hex>`. Sorts by time; the random tail keeps two
 * runs started in the same second apart.
 *
 * @example
 * newRunId(new Date("2025-01-02T03:04:05Z")); // "run_20250102T030405Z_a1b2c3"
 */
export function newRunId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll("-", "")
    .replaceAll(":", "");
  return `run_${stamp}_${randomBytes(3).toString("hex")}`;
}

/**
 * How a run log names a file: relative to the project root with `/` separators when inside it (so
 * logs stay valid when the project moves), absolute otherwise.
 *
 * @example
 * logPath("/p/demo", "/p/demo/scenes/a.png"); // "scenes/a.png"
 */
export function logPath(projectRoot: string, path: string): string {
  const rel = relative(resolve(projectRoot), resolve(path));
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`)) return resolve(path);
  return rel.split(sep).join("/");
}

/**
 * Writes a run log to `<project_root>/runs/<run_id>.json` and returns that path. The file appears
 * whole or not at all (a temporary file renamed into place), so a crash or a concurrent reader
 * never sees half a log.
 *
 * @example
 * const path = await writeRunLog("/projects/demo", log); // "/projects/demo/runs/run_20250102T030405Z_a1b2c3.json"
 */
export async function writeRunLog<Log extends { run_id: string }>(projectRoot: string, log: Log): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(log.run_id)) throw new Error(`Invalid run id '${log.run_id}'`);
  const dir = join(resolve(projectRoot), "runs");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${log.run_id}.json`);
  const temp = join(dir, `.${log.run_id}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(log, null, 2)}\n`, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return path;
}

/** The files a run reads, by role; see {@link digestRunInputs}. */
export interface RunInputFiles {
  scenes: string[];
  styleRefs: string[];
  /** The reference set's images. */
  referenceImages?: string[];
}

/**
 * Every scene, style ref and reference image once (a file in two roles is listed in the first:
 * scene, then style ref, then reference), with its sha256 and size; with `confineTo`, each read
 * only if it is inside that root when it is opened.
 */
export async function digestRunInputs(
  root: string,
  files: RunInputFiles,
  scope: ReadScope = {},
): Promise<RunLogInput[]> {
  const entries = new Map<string, RunLogInput["role"]>();
  const add = (paths: string[], role: RunLogInput["role"]) => {
    for (const path of paths) if (!entries.has(path)) entries.set(path, role);
  };
  add(files.scenes, "scene");
  add(files.styleRefs, "style_ref");
  add(files.referenceImages ?? [], "reference");
  const paths = [...entries.keys()];
  const digests = await digestFiles(paths, undefined, scope);
  return paths.map((path, i) => ({
    path: logPath(root, path),
    role: entries.get(path) as RunLogInput["role"],
    ...(digests[i] as { sha256: string; size: number }),
  }));
}
