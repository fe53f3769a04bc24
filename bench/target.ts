// A benchmark target in its own process, so the load generator does not share its event loop.
// Usage (forked by http.bench.ts): target.ts kroma|bare — reports its URL over IPC.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { startServer } from "@kroma/server";
import { Hono } from "hono";

async function startKroma(): Promise<string> {
  const appRoot = await mkdtemp(join(tmpdir(), "kroma-bench-"));
  const server = await startServer({ host: "127.0.0.1", port: 0, dbPath: join(appRoot, "app.db"), appRoot });
  const response = await fetch(`${server.url}/api/projects`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench Project", slug: "bench", description: "benchmark fixture" }),
  });
  if (!response.ok) throw new Error(`fixture failed: ${response.status}`);
  return `${server.url}/api/projects/bench`;
}

async function startBare(): Promise<string> {
  const app = new Hono();
  // The same bytes our route answers with (passed in by the bench), so both sides of the
  // comparison put equal work on the load generator and the socket; only the server work differs.
  const body = JSON.parse(process.env.BENCH_BODY ?? "{}") as object;
  app.get("/constant", (c) => c.json(body));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}/constant`;
}

const url = process.argv[2] === "bare" ? await startBare() : await startKroma();
process.send?.({ url });
process.once("SIGINT", () => process.exit(0));
