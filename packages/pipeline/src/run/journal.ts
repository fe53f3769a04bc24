import { appendFile, mkdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { components } from "@kroma/contract/types";
import type { Manifest } from "../config/manifest.js";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import type { PromptRecords } from "../plan/prompt-records.js";
import type { RawRunRequest } from "../plan/run-request.js";
import type { SourceAsset } from "../plan/source-assets.js";

type RunJobLog = components["schemas"]["RunJobLog"];

/**
 * What a paid run must remember to be continued after a crash or a server stop: everything it
 * was asked (request, manifest, model settings, the scenes it planned) and when it started.
 * Written once, as the journal's first line.
 */
export interface RunJournalHeader {
  journal_version: 1;
  run_id: string;
  project: string;
  started_at: string;
  request: RawRunRequest;
  /** The records the prompts were composed from, whole: a resume composes the same prompts even if one was edited since. */
  prompt_records?: PromptRecords;
  /** A post-process run's source assets as resolved when it started: a resume takes the same files. */
  source_assets?: SourceAsset[];
  manifest: Manifest;
  model: string;
  size: string;
  quality: string;
  /** The effective post-process settings (never their keys: those are given again on resume). */
  postprocess: PostprocessSettings | undefined;
  resolved_from_backend: boolean;
  /** The scenes the run planned, as the run log names them (relative to the project root). */
  scenes: string[];
  /** The run's `--max-spend` / `max_spend_usd`, checked again when it is resumed. */
  max_spend_usd?: number;
  /** Wall time spent before earlier interruptions, so the final log's duration adds up. */
  prior_duration_ms: number;
  resumes: RunResumeLog[];
}

/** One continuation of an interrupted run, as the run log's `resumes` lists it. */
export type RunResumeLog = components["schemas"]["RunResume"];

/** An image request a stopping run aborted in flight: sent, so possibly billed, but no image came back. */
export type AbortedImageRequest = components["schemas"]["AbortedImageRequest"];

/**
 * A journal read back: its header, every job that finished, by job id (the last entry wins), and
 * the requests aborted in flight since the run last started.
 */
export interface RunJournal {
  header: RunJournalHeader;
  jobs: Map<string, RunJobLog>;
  aborted: AbortedImageRequest[];
}

/**
 * Where a running paid run keeps its journal: `<root>/.kroma/in-progress/<run_id>.jsonl`, beside
 * the project's settings rather than among the run logs. It exists from the first request until
 * every job is done, so its presence means "unfinished": interrupted (no final log yet), or
 * ended canceled, partial or failed (a final log, and jobs a resume would run again).
 */
export function runJournalPath(projectRoot: string, runId: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(runId)) throw new PipelineError(`Invalid run id '${runId}'`, { field: "run_id" });
  return join(resolve(projectRoot), ".kroma", "in-progress", `${runId}.jsonl`);
}

/**
 * Starts a journal: the header line. Append-only JSON lines, one per finished job, so a long run
 * costs one small write per job rather than rewriting a growing file, and a crash mid-write loses
 * at most the line being written (the reader skips it).
 */
export async function startRunJournal(projectRoot: string, header: RunJournalHeader): Promise<string> {
  const path = runJournalPath(projectRoot, header.run_id);
  await mkdir(join(path, ".."), { recursive: true });
  await appendFile(path, `${JSON.stringify({ header })}\n`, { flag: "w" });
  return path;
}

/** Records one finished job. */
export async function appendRunJournal(path: string, job: RunJobLog): Promise<void> {
  await appendFile(path, `${JSON.stringify({ job })}\n`);
}

/** Records a request aborted in flight (possibly billed), so the run's record never loses it. */
export async function appendAbortedRequest(path: string, aborted: AbortedImageRequest): Promise<void> {
  await appendFile(path, `${JSON.stringify({ aborted })}\n`);
}

/**
 * Reads a run's journal; undefined when there is none (the run finished, or never started).
 *
 * @example
 * const journal = await readRunJournal("/projects/demo", "run_20250102T030405Z_a1b2c3");
 * journal?.jobs.get("style_1_street")?.status; // "done"
 */
export async function readRunJournal(projectRoot: string, runId: string): Promise<RunJournal | undefined> {
  let text: string;
  try {
    text = await readFile(runJournalPath(projectRoot, runId), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let header: RunJournalHeader | undefined;
  const jobs = new Map<string, RunJobLog>();
  const aborted: AbortedImageRequest[] = [];
  for (const line of text.split("\n")) {
    const entry = parseLine(line);
    if (entry?.header) header = entry.header;
    else if (entry?.job) jobs.set(entry.job.id, entry.job);
    else if (entry?.aborted) aborted.push(entry.aborted);
  }
  if (header?.journal_version !== 1 || header.run_id !== runId) {
    throw new PipelineError(`The journal of run '${runId}' is unreadable; start a new run`, { field: "run_id" });
  }
  return { header, jobs, aborted };
}

/** Removes a run's journal once its final log is written with every job done. */
export async function removeRunJournal(projectRoot: string, runId: string): Promise<void> {
  await rm(runJournalPath(projectRoot, runId), { force: true });
}

/** One journal line; a torn last line (crash mid-write) reads as nothing. */
function parseLine(
  line: string,
): { header?: RunJournalHeader; job?: RunJobLog; aborted?: AbortedImageRequest } | undefined {
  if (line.trim() === "") return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
