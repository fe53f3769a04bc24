import { existsSync } from "node:fs";
import { CommanderError } from "commander";

/**
 * Runs `work` holding the `run` lease on `runId` in the server's database (`KROMA_BACKEND_DB`),
 * as a server does while it executes a run: a live server process that owns the run (it may
 * still be executing it) makes this refuse before anything is bought, and while `work` runs no
 * server resumes or interrupts it. Without a database there is no server to share the run with.
 */
export async function withRunLease<T>(runId: string, work: () => Promise<T>, env = process.env): Promise<T> {
  const { createLeaseRepository, loadServerConfig, newLeaseOwner, openDatabase } = await import("@kroma/server");
  const config = loadServerConfig({}, env);
  if (!existsSync(config.dbPath)) return work();
  const db = await openDatabase(config.dbPath);
  try {
    const leases = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: config.leaseTtlMs });
    if (!(await leases.acquire("run", runId, { by: "kroma lab resume" }))) {
      const owner = await leases.liveOwner("run", runId);
      throw new CommanderError(
        1,
        "kroma.run.leased",
        `Run '${runId}' is still owned by a live server process (${owner?.owner_host}, pid ${owner?.owner_pid}): ` +
          "it may still be executing, and resuming it now would buy its images twice",
      );
    }
    const stopHeartbeat = leases.startHeartbeat();
    try {
      return await work();
    } finally {
      stopHeartbeat();
      await leases.release("run", runId);
    }
  } finally {
    await db.destroy();
  }
}
