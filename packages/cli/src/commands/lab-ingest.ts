import { openAsBlob } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type IngestFile, type IngestRunResult, KromaApiError, type KromaClient } from "@kroma/sdk";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { describeError, emit, type GlobalOptions, info, table } from "../output.js";
import { findProjectRoot } from "./lab-context.js";

/** What became of one log: ingested, already there, or refused (with why). */
export interface IngestOutcome {
  path: string;
  status: "ingested" | "unchanged" | "failed";
  run_id?: string;
  counts?: IngestRunResult["counts"];
  files?: IngestRunResult["files"];
  error?: string;
}

/** At most this many bytes of files in one request: under the server's default upload limit (50 MiB). */
const batchBytes = 32 * 1024 * 1024;

/**
 * Records one run log on the server (`POST /runs/ingest`). The log goes alone first: a server
 * sharing this disk finds every file it names by hash. Otherwise it answers with the files it
 * lacks, and they follow from `projectRoot` in batches (the server keeps each batch), until the
 * run is recorded.
 */
export async function ingestRunLog(
  client: KromaClient,
  slug: string,
  projectRoot: string,
  logPath: string,
): Promise<IngestRunResult> {
  const runLog = await readFile(logPath, "utf8");
  let files: IngestFile[] = [];
  for (;;) {
    try {
      return await client.runs.ingest(slug, { runLog, files });
    } catch (error) {
      const missing = missingFiles(error);
      if (!missing) throw error;
      // A batch the server did not take means it will not take it: stop instead of looping.
      if (files.length > 0 && missing.some((path) => files.some((file) => file.path === path))) throw error;
      files = await nextBatch(projectRoot, missing);
    }
  }
}

function missingFiles(error: unknown): string[] | undefined {
  if (!(error instanceof KromaApiError) || error.code !== "run_files_missing") return undefined;
  const { missing } = (error.details ?? {}) as { missing?: { path: string }[] };
  return missing?.map((file) => file.path);
}

/** The first files of `paths` up to `batchBytes` (at least one), as file-backed Blobs streamed from disk. */
async function nextBatch(projectRoot: string, paths: string[]): Promise<IngestFile[]> {
  const batch: IngestFile[] = [];
  let bytes = 0;
  for (const path of paths) {
    const local = join(projectRoot, path);
    const size = await stat(local).then(
      (stats) => stats.size,
      () => {
        throw new Error(`The run log names ${path}, which is not under ${projectRoot} either`);
      },
    );
    if (batch.length > 0 && bytes + size > batchBytes) break;
    batch.push({ path, file: await openAsBlob(local) });
    bytes += size;
  }
  return batch;
}

/** Ingests each log in turn, so one bad log does not keep the others out. */
export async function ingestRunLogs(
  globals: GlobalOptions,
  slug: string,
  projectRoot: string,
  paths: string[],
): Promise<IngestOutcome[]> {
  const client = apiClient(globals);
  const outcomes: IngestOutcome[] = [];
  for (const path of paths) {
    try {
      const { run_id, changed, counts, files } = await ingestRunLog(client, slug, projectRoot, path);
      outcomes.push({ path, status: changed ? "ingested" : "unchanged", run_id, counts, files });
    } catch (error) {
      outcomes.push({ path, status: "failed", error: describeError(error) });
    }
  }
  return outcomes;
}

/**
 * After `lab dry|run|resume`: records the run on the server unless `--no-ingest`, and says on
 * stderr where. A run that cannot be recorded fails the command (exit 1): its log and files stay
 * on disk, and the message says how to record them later.
 */
export async function ingestAfterRun(
  globals: GlobalOptions,
  flags: { ingest: boolean; project: string },
  root: string,
  logPath: string,
) {
  if (!flags.ingest) return;
  const [outcome] = await ingestRunLogs(globals, flags.project, root, [logPath]);
  if (outcome?.status === "failed") {
    throw new Error(
      `the run is not recorded on ${globals.apiUrl}: ${outcome.error}\n` +
        `Its log and files are kept; record them with \`kroma lab ingest ${logPath} -p ${flags.project}\` ` +
        "once the server is reachable (--no-ingest runs without one).",
    );
  }
  const files = outcome?.files?.received ? ` (${outcome.files.received} file(s) uploaded)` : "";
  info(globals, `Run ${outcome?.run_id} recorded on ${globals.apiUrl}${files}`);
}

/** `kroma lab ingest`: run logs recorded on the server, every `runs/*.json` of the project by default. */
export function labIngestCommand(lab: Command, globals: () => GlobalOptions): void {
  lab
    .command("ingest")
    .description(
      "Record run logs on the server, uploading the files they name that it lacks (default: every runs/*.json of the project)",
    )
    .argument("[logs...]", "run log files, relative to the current directory (default: <project root>/runs/*.json)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--project-root <path>", "where the run's files are (default: the project's storage, from the API)")
    .action(async (logs: string[], flags: { project: string; projectRoot?: string }) => {
      const { projectRoot } = await findProjectRoot(flags, globals());
      const paths = logs.length > 0 ? logs.map((log) => resolve(log)) : await projectRunLogs(projectRoot);
      const outcomes = await ingestRunLogs(globals(), flags.project, projectRoot, paths);
      emit(globals(), { ok: true, logs: outcomes }, () =>
        table(
          ["LOG", "STATUS", "RUN", "DETAIL"],
          outcomes.map((o) => [o.path, o.status, o.run_id ?? "", o.error ?? describeCounts(o)]),
        ),
      );
      if (outcomes.some((outcome) => outcome.status === "failed")) {
        throw new CommanderError(1, "kroma.ingest.failed", "some logs were not ingested");
      }
    });
}

async function projectRunLogs(root: string): Promise<string[]> {
  const dir = join(root, "runs");
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}

function describeCounts({ counts, files }: IngestOutcome): string {
  if (!counts) return "";
  const uploaded = files?.received ? `, ${files.received} files uploaded` : "";
  return `${counts.jobs} jobs, ${counts.assets} assets, ${counts.cost_events} cost events${uploaded}`;
}
