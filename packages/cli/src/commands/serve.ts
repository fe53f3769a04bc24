import type { Command } from "commander";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("Start the Kroma API server (SQLite database, default 127.0.0.1:8788)")
    .option("--bind <host:port>", "address to listen on (env KROMA_BACKEND_BIND)")
    .option("--db <path>", "SQLite database file (env KROMA_BACKEND_DB)")
    .action(async (flags: { bind?: string; db?: string }) => {
      // Loaded on demand: the server (SQLite, validators) is not needed by client commands.
      const { loadServerConfig, startServer } = await import("@kroma/server");
      const config = loadServerConfig(flags);
      const server = await startServer(config);
      console.log(`Kroma API listening on ${server.url} (database ${config.dbPath}, auth ${config.authMode})`);
      if (server.interruptedRuns.length > 0) {
        console.log(
          `${server.interruptedRuns.length} run(s) were interrupted when the server last stopped; they wait for a resume ` +
            `(POST /api/projects/{slug}/runs/{runId}/resume or kroma runs resume): ${server.interruptedRuns.join(", ")}`,
        );
      }
      if (config.authMode === "off") {
        console.warn(
          "WARNING: KROMA_API_AUTH=off — every request is accepted without a token. Use this only on a machine you alone use.",
        );
      }
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          console.log(`${signal} received, shutting down`);
          server.close().then(resolve, resolve);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
