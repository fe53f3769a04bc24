import { CommanderError } from "commander";

/**
 * Runs `work` holding the `run` lease on `runId` in the server's database (`KROMA_BACKEND_DB`),
 * as a server does while it executes a run: a live server process that owns the run (it may
 * still be executing it) makes this refuse before anything is bought, and while `work` runs no
 * server resumes or interrupts it. Without a database there is no server to share the run with.
 */
export async function withRunLease<T>(runId: string, work: () => Promise<T>, env = process.env): Promise<T> {
  const { loadServerConfig, withLocalRunLease } = await import("@kroma/server/local");
  const refused = (owner?: { owner_host: string; owner_pid: number }) =>
    new CommanderError(
      1,
      "kroma.run.leased",
      `Run '${runId}' is still owned by a live server process (${owner?.owner_host}, pid ${owner?.owner_pid}): ` +
        "it may still be executing, and resuming it now would buy its images twice",
    );
  return withLocalRunLease(loadServerConfig({}, env), runId, { by: "kroma lab resume", refused }, work);
}
