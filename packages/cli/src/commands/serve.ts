import type { Command } from "commander";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("Start the Kroma API server (SQLite database, default 127.0.0.1:8788)")
    .option("--bind <host:port>", "address to listen on (env KROMA_BACKEND_BIND)")
    .option("--db <path>", "SQLite database file (env KROMA_BACKEND_DB)")
    .action(async (flags: { bind?: string; db?: string }) => {
      // Loaded on demand: the server (SQLite, validators) is not needed by client commands.
      const { loadServerConfig, startServer } = await import("@kroma/server/local");
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
      await new Promise<void>((resolve, reject) => {
        // The first signal stops taking work and lets an image request in flight finish within
        // KROMA_SHUTDOWN_GRACE_MS (it is paid for), then aborts it; a second one exits at once
        // (the run's journal already holds every finished job).
        const stop = (signal: string) => {
          console.log(
            `${signal} received, shutting down (an image request in flight gets up to ${config.shutdownGraceMs} ms; ` +
              "send it again to quit now)",
          );
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          process.once("SIGINT", () => process.exit(130));
          process.once("SIGTERM", () => process.exit(143));
          server.close().then(resolve, reject);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      console.log("Kroma API stopped");
    });
}
