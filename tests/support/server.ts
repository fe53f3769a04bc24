import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, type StartServerOptions, startServer } from "@kroma/server";

export interface TestServer extends RunningServer {
  /** Temporary app root holding the database (`var/backend/app.db`) and project files. */
  appRoot: string;
  stop(): Promise<void>;
}

/**
 * A real server on a free loopback port with a real SQLite file in a fresh temporary app root.
 * Every JSON response it sends is validated against the spec (a mismatch is a 500).
 * `options` are passed on to `startServer` (e.g. `agentDispatch`).
 */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const appRoot = await mkdtemp(join(tmpdir(), "kroma-test-"));
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    dbPath: join(appRoot, "var/backend/app.db"),
    appRoot,
    validateResponses: true,
    ...options,
  });
  return {
    ...server,
    appRoot,
    async stop() {
      await server.close();
      await rm(appRoot, { recursive: true, force: true });
    },
  };
}
