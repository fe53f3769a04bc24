// `pnpm bench`: load-tests GET /api/projects/{slug} and a bare Hono route serving the same JSON as a
// constant, each in its own process, and prints req/s, p50/p99 latency and the ratio. Target: >= 50%.
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) tune the run.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Figures {
  name: string;
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, kind: "kroma" | "bare", env: Record<string, string> = {}): Promise<Figures> {
  const child = fork(fileURLToPath(new URL("target.ts", import.meta.url)), [kind], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (message) => resolve((message as { url: string }).url));
      child.once("exit", (code) => reject(new Error(`${name} target exited with ${code}`)));
    });
    if (kind === "kroma") ourBody = await (await fetch(url)).text();
    // A short warm-up so the JIT and SQLite caches are hot before measuring.
    await autocannon({ url, connections, duration: 1 });
    const result = await autocannon({ url, connections, duration });
    return {
      name,
      url,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  } finally {
    child.kill();
  }
}

let ourBody = "";
const ours = await measure("GET /api/projects/{slug}", "kroma");
const bare = await measure("bare Hono constant JSON", "bare", { BENCH_BODY: ourBody });
const ratio = ours.requestsPerSecond / bare.requestsPerSecond;

console.log(`\nHTTP benchmark: ${connections} connections, ${duration}s per route, Node ${process.version}\n`);
console.table(
  [ours, bare].map((f) => ({
    route: f.name,
    "req/s": Math.round(f.requestsPerSecond),
    "p50 ms": f.p50,
    "p99 ms": f.p99,
    errors: f.errors,
  })),
);
console.log(
  `ratio: ${(ratio * 100).toFixed(1)}% of the bare route (target >= 50%) — ${ratio >= 0.5 ? "met" : "NOT met"}`,
);
