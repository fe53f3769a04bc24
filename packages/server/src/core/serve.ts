import type { AddressInfo } from "node:net";
import { type AgentDispatchOptions, startAgentDispatcher } from "../features/agent/dispatch.js";
import { checkLegacyAssetFiles } from "../features/assets/legacy-files.js";
import { startTrashPurge } from "../features/trash/trash.js";
import { createApp, createRuns, createTrashOf } from "./app.js";
import { type AuthMode, type AuthPolicy, isLoopbackHost, loopbackHosts } from "./auth-policy.js";
import { masterKeyFileBeside, type ServerConfig } from "./config.js";
import { type KromaDb, openDatabase } from "./db/database.js";
import { createLeaseRepository, newLeaseOwner } from "./db/lease-repository.js";
import { createApiServer } from "./http-server.js";
import { startAbandonedWorkSweep, sweepAbandonedWork } from "./recovery/abandoned-work.js";

export interface RunningServer {
  /** Base URL clients use, e.g. `http://127.0.0.1:8788`. */
  url: string;
  port: number;
  db: KromaDb;
  /** Runs a previous server left queued or running, now `interrupted` and waiting for a resume. */
  interruptedRuns: string[];
  /**
   * Stops accepting connections and the agent dispatch worker, finishes in-flight requests and the
   * dispatch in flight, and stops the run queue: no new image request (nor retry) starts, one in
   * flight may finish within the shutdown grace period and is aborted after it (journaled as
   * possibly billed); the run in progress and every run this server queued become `interrupted`,
   * to be resumed (other servers' runs on the same database are left alone). Then it gives up
   * its leases and closes the database.
   */
  close(): Promise<void>;
}

export type StartServerOptions = Omit<
  ServerConfig,
  | "validateResponses"
  | "agentDispatch"
  | "authMode"
  | "runExecution"
  | "leaseTtlMs"
  | "sessionTtlMs"
  | "trashRetentionMs"
  | "shutdownGraceMs"
  | "triggerWaitMaxS"
  | "eventStreams"
  | "masterKeyFile"
  | "uploadLimits"
  | "importMaxBytes"
> & {
  /** The master key file used without `masterKey` (default: `master.key` beside the database). */
  masterKeyFile?: string;
  /** How long a stopping server lets an image request in flight finish (default 30 s). */
  shutdownGraceMs?: number;
  /** The longest a trigger asking to wait is held open, in seconds (default 300). */
  triggerWaitMaxS?: number;
  /** Limits of the run event streams (default: `defaultEventStreamLimits`). */
  eventStreams?: ServerConfig["eventStreams"];
  /** How long a browser session lasts (default 12 hours). */
  sessionTtlMs?: number;
  /** How long a trash entry stays restorable (default 30 days). */
  trashRetentionMs?: number;
  /** How long this server's work stays owned without a heartbeat (default 30 s). */
  leaseTtlMs?: number;
  validateResponses?: boolean;
  /** How queued runs call the images API (default: `OPENAI_*` from the environment). */
  runExecution?: ServerConfig["runExecution"];
  /** Default `auto`. */
  authMode?: AuthMode;
  /** Limits of image uploads (default: `defaultUploadLimits`). */
  uploadLimits?: ServerConfig["uploadLimits"];
  /** Largest bundle `POST /api/imports` accepts (default: `defaultImportMaxBytes`, 10 GiB). */
  importMaxBytes?: number;
  /** The dispatch worker's settings (default: no agent URL, so dispatched instructions fail); `false` runs no worker. */
  agentDispatch?: AgentDispatchOptions | false;
};

/**
 * Opens the database, runs migrations, serves the API over HTTP on @hono/node-server and starts the
 * agent dispatch worker. Rejects with a clear message when the address is taken.
 *
 * @example
 * const server = await startServer(loadServerConfig());
 * console.log(`listening on ${server.url}`);
 * await server.close();
 */
export async function startServer(config: StartServerOptions): Promise<RunningServer> {
  const auth: AuthPolicy = { mode: config.authMode ?? "auto", loopback: isLoopbackHost(config.host) };
  if (!auth.loopback && auth.mode === "off") {
    throw new Error(
      `Refusing to listen on ${config.host} with KROMA_API_AUTH=off: anyone who can reach it could read and change every project. ` +
        "Use KROMA_API_AUTH=auto or required (tokens), or bind to 127.0.0.1.",
    );
  }
  const db = await openDatabase(config.dbPath);
  // The runs, exports and imports this server works on are leased to it, renewed while it lives.
  const leases = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: config.leaseTtlMs });
  const stopHeartbeat = leases.startHeartbeat((error) => console.error(error));
  const appOptions = {
    leases,
    auth,
    db,
    appRoot: config.appRoot,
    validateResponses: config.validateResponses,
    masterKey: config.masterKey,
    masterKeyFile: config.masterKeyFile ?? masterKeyFileBeside(config.dbPath),
    runExecution: config.runExecution,
    shutdownGraceMs: config.shutdownGraceMs,
    triggerWaitMaxS: config.triggerWaitMaxS,
    eventStreams: config.eventStreams,
    sessionTtlMs: config.sessionTtlMs,
    trashRetentionMs: config.trashRetentionMs,
    uploadLimits: config.uploadLimits,
    importMaxBytes: config.importMaxBytes,
  };
  const runs = createRuns(appOptions);
  // Runs a previous server left queued or running are interrupted, never silently re-run.
  const interruptedRuns = await runs.queue.recover();
  // Exports and imports a dead process left half-done are failed and cleaned up, now and every TTL.
  const recovery = { db, leases, appRoot: config.appRoot };
  await sweepAbandonedWork(recovery);
  // Asset records from before per-run outputs are checked against their files once (repointed
  // to archived bytes or marked stale); a database with none answers one query.
  const legacyFiles = await checkLegacyAssetFiles(db, config.appRoot);
  for (const report of legacyFiles.filter((r) => r.repointed + r.stale > 0)) {
    console.error(
      `kroma: checked ${report.checked} asset record(s) of an older layout in project ${report.project_id}: ` +
        `${report.repointed} repointed to archived bytes, ${report.stale} marked stale`,
    );
  }
  const stopSweep = startAbandonedWorkSweep(recovery, leases.ttlMs);
  // Trash entries past their retention are purged now and every hour.
  const trash = createTrashOf(appOptions);
  const stopPurge = startTrashPurge(trash, (error) => console.error(error));
  const app = createApp({ ...appOptions, runs, trash });
  // Not @hono/node-server's serve(): its listener answers a bad Host with a bare 400 (see createApiServer).
  const server = createApiServer(app.fetch, auth, config.host);
  server.listen(config.port, config.host);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new Error(
                `Address ${config.host}:${config.port} is already in use; set KROMA_BACKEND_BIND or --bind to another port`,
              )
            : error,
        ),
      );
    });
  } catch (error) {
    stopHeartbeat();
    stopPurge();
    await stopSweep();
    await db.destroy();
    throw error;
  }

  const dispatcher = config.agentDispatch === false ? undefined : startAgentDispatcher(db, config.agentDispatch);
  const { port } = server.address() as AddressInfo;
  // Only now is the port known (it may have been 0); a loopback server answers to its own names only.
  if (auth.loopback) auth.allowedHosts = loopbackHosts(config.host, port);
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    interruptedRuns,
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve) => {
          // Idle keep-alive sockets would otherwise hold close() open, and so would those that
          // become idle later (an event stream ending once its run is interrupted), so keep
          // closing them until the server has closed.
          const closeIdle = () => ("closeIdleConnections" in server ? server.closeIdleConnections() : undefined);
          const sweep = setInterval(closeIdle, 50);
          server.close(() => {
            clearInterval(sweep);
            resolve();
          });
          closeIdle();
        }),
        dispatcher?.stop(),
        runs.queue.stop(),
      ]).then(async () => {
        stopHeartbeat();
        stopPurge();
        await stopSweep();
        return db.destroy();
      });
      return closing;
    },
  };
}
