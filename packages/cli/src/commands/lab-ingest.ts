import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { IngestResult } from "@kroma/server/local";
import { type Command, CommanderError } from "commander";
import { describeError, emit, type GlobalOptions, table } from "../output.js";
import { findProjectRoot } from "./lab-context.js";

/** What became of one log: ingested, already there, or refused (with why). */
export interface IngestOutcome {
  path: string;
  status: "ingested" | "unchanged" | "failed";
  run_id?: string;
  counts?: IngestResult["counts"];
  error?: string;
}

/**
 * Ingests run logs into the server's database (see `withLocalProject`), each in its own
 * transaction, so one bad log does not keep the others out. Resolves to `missing` when there is
 * no database or project to ingest into.
 */
export async function ingestRunLogs(
  slug: string,
  projectRoot: string,
  paths: string[],
): Promise<{ outcomes: IngestOutcome[]; dbPath?: string; missing?: string }> {
  const { ingestLocalRunLog, loadServerConfig, withLocalProject } = await import("@kroma/server/local");
  const { result, missing } = await withLocalProject(loadServerConfig(), slug, async (project) => {
    const outcomes: IngestOutcome[] = [];
    for (const path of paths) {
      try {
        const ingested = await ingestLocalRunLog(project, { projectSlug: slug, projectRoot, path });
        outcomes.push({
          path,
          status: ingested.changed ? "ingested" : "unchanged",
          run_id: ingested.run_id,
          counts: ingested.counts,
        });
      } catch (error) {
        outcomes.push({ path, status: "failed", error: describeError(error) });
      }
    }
    return { outcomes, dbPath: project.dbPath };
  });
  return result ?? { outcomes: [], missing };
}

/**
 * After `lab dry|run|resume`: ingests the run's log unless `--no-ingest`, and says on stderr what
 * happened. Never fails the command: the run is done and its log is on disk either way
 * (`kroma lab ingest` can be run later).
 */
export async function ingestAfterRun(flags: { ingest: boolean; project: string }, root: string, logPath: string) {
  if (!flags.ingest) return;
  const { outcomes, dbPath, missing } = await ingestRunLogs(flags.project, root, [logPath]);
  const outcome = outcomes[0];
  if (missing !== undefined) process.stderr.write(`kroma: run log not ingested: ${missing} (--no-ingest skips this)\n`);
  else if (outcome?.status === "failed") process.stderr.write(`kroma: run log not ingested: ${outcome.error}\n`);
  else process.stderr.write(`Run recorded in ${dbPath}\n`);
}

/** `kroma lab ingest`: run logs into the database, every `runs/*.json` of the project by default. */
export function labIngestCommand(lab: Command, globals: () => GlobalOptions): void {
  lab
    .command("ingest")
    .description("Record run logs in the server's database (default: every runs/*.json of the project)")
    .argument("[logs...]", "run log files (default: <project root>/runs/*.json)")
    .requiredOption("--project <slug>", "project slug")
    .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
    .action(async (logs: string[], flags: { project: string; projectRoot?: string }) => {
      const { projectRoot } = await findProjectRoot(flags, globals());
      const paths = logs.length > 0 ? logs.map((log) => resolve(log)) : await projectRunLogs(projectRoot);
      const { outcomes, missing } = await ingestRunLogs(flags.project, projectRoot, paths);
      if (missing !== undefined) throw new Error(`Cannot ingest: ${missing}`);
      emit(globals(), { ok: true, logs: outcomes }, () =>
        table(
          ["LOG", "STATUS", "RUN", "DETAIL"],
          outcomes.map((o) => [o.path, o.status, o.run_id ?? "", o.error ?? describeCounts(o.counts)]),
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

function describeCounts(counts: IngestResult["counts"] | undefined): string {
  return counts ? `${counts.jobs} jobs, ${counts.assets} assets, ${counts.cost_events} cost events` : "";
}
