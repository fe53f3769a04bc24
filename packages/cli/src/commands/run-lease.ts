import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { KromaApiError } from "@kroma/sdk";
import lockfile from "proper-lockfile";
import { apiClient } from "../api-client.js";
import type { GlobalOptions } from "../output.js";

/** Statuses of a run the server is executing (or about to). */
const serverOwned = new Set(["queued", "running", "canceling"]);

/**
 * Runs `work` (a resume of `runId` executed here) only when nothing else executes that run: the
 * server, asked over the API, must not be executing it (its own queue resumes or cancels it
 * there), and no other `kroma lab resume` on this machine may hold the run's lock
 * (`runs/<run_id>.json.lock`, a directory kept fresh while `work` runs and taken over when it is
 * older than 30 s, so a killed process does not block the run). Either would buy its images twice.
 * Without a server (`--no-ingest`) only the lock is taken.
 */
export async function withRunLease<T>(
  globals: GlobalOptions,
  flags: { project: string; ingest: boolean },
  run: { runId: string; projectRoot: string },
  work: () => Promise<T>,
): Promise<T> {
  if (flags.ingest) await refuseServerExecuted(globals, flags.project, run.runId);
  const runsDir = join(run.projectRoot, "runs");
  await mkdir(runsDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(join(runsDir, `${run.runId}.json`), { realpath: false, stale: 30_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new Error(
      `Run '${run.runId}' is being resumed by another kroma process on this machine; resuming it twice would buy its images twice`,
    );
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}

async function refuseServerExecuted(globals: GlobalOptions, project: string, runId: string): Promise<void> {
  const stored = await apiClient(globals)
    .runs.get(project, runId)
    .catch((error: unknown) => {
      if (error instanceof KromaApiError && error.code === "not_found") return undefined;
      throw error;
    });
  if (stored && serverOwned.has(stored.run.status)) {
    throw new Error(
      `Run '${runId}' is ${stored.run.status} on the server, which executes it: follow it with ` +
        `\`kroma runs watch ${runId} -p ${project}\`, or stop it with \`kroma runs cancel ${runId} -p ${project}\``,
    );
  }
}
