// Load benchmark: the real server (`kroma serve`, built) in its own process on a file-backed
// SQLite database, hit with a realistic mix of reads and writes at high concurrency. It prints the
// figures and checks what must hold under load: no failed request at all, no SQLITE_BUSY ever
// reaching a client or the server's log, and every acknowledged write readable afterwards.
// Exits 1 when any of that fails.
//
//   pnpm exec tsx bench/load.bench.ts
//
// BENCH_LOAD_REQUESTS (default 20000) and BENCH_LOAD_CONNECTIONS (default 64) tune the run;
// BENCH_LOAD_NODE_FLAGS (e.g. "--trace-gc") go to the server's node, whose stdout is then printed.
// A warm-up of one loop of the mix per connection runs first (as in http.bench.ts) and is reported
// on its own line: a cold server's first burst measures start-up, not steady load.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiClient, portClient, putScenes, spawnServer, startImagesServer } from "@kroma/testkit";
import { inProject, okOrThrow as must } from "@kroma/testkit/api-results";
import autocannon from "autocannon";

const amount = Number(process.env.BENCH_LOAD_REQUESTS ?? 20_000);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 64);
const projectCount = 4;
const linkTypes = ["derived_from", "variant_of", "mask_for", "reference_of"] as const;

/** What one project offers the request mix: ids of records made during setup. */
interface Fixture {
  slug: string;
  sessionId: string;
  referenceSetId: string;
}

type Request = autocannon.Request;
type Context = {
  fixture?: Fixture;
  templateId?: string;
  linkId?: string;
  slot?: number;
  sent?: { at: number; label: string };
};
type OnResponse = (status: number, body: string, context: Context) => void;

/** Creates the projects, a chat session and a reference set in each. */
// Set-up and read-back fail loudly (`must`): the benchmark needs every fixture.
async function createFixtures(client: ApiClient): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (let i = 0; i < projectCount; i++) {
    const { project } = await must(client.POST("/api/projects", { body: { name: `Load ${i}` } }));
    const slug = project.slug;
    const { session } = await must(
      client.POST("/api/projects/{slug}/chat/sessions", { ...inProject(slug), body: { title: "load" } }),
    );
    const { reference_set } = await must(
      client.POST("/api/projects/{slug}/reference-sets", { ...inProject(slug), body: { name: "load refs" } }),
    );
    fixtures.push({ slug, sessionId: session.id, referenceSetId: reference_set.id });
  }
  return fixtures;
}

/**
 * A paid run of three scenes with two candidates each against the local images stand-in, so the
 * first project has real assets to link. Waits until the server has ingested it.
 */
async function createAssets(client: ApiClient, fixture: Fixture): Promise<string[]> {
  const project = inProject(fixture.slug);
  const { storage } = await must(client.GET("/api/projects/{slug}", project));
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
  const { pipeline_trigger } = await must(
    client.POST("/api/projects/{slug}/runs/trigger", {
      ...project,
      body: { mode: "run", confirm_spend: true, input: "scenes", candidates: 2 },
    }),
  );
  const runPath = { params: { path: { slug: fixture.slug, runId: pipeline_trigger.run_id } } };
  for (let waited = 0; waited < 30_000; waited += 100) {
    const { run } = await must(client.GET("/api/projects/{slug}/runs/{runId}", runPath));
    if (!["queued", "running", "canceling"].includes(run.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { assets } = await must(client.GET("/api/projects/{slug}/assets", project));
  return assets.map((asset) => asset.id);
}

/** Every (parent, child, type) link between distinct assets: each may exist once (a duplicate is a 409). */
function linkSlots(assetIds: string[]) {
  const slots: { parent: string; child: string; type: string }[] = [];
  for (const parent of assetIds) {
    for (const child of assetIds) {
      if (parent !== child) for (const type of linkTypes) slots.push({ parent, child, type });
    }
  }
  return slots;
}

/** Writes the server acknowledged (2xx), by kind: each must be readable once the load is over. */
const acknowledged = { templates: 0, messages: 0, items: 0, linksCreated: 0, linksDeleted: 0 };

/** Failures as a client saw them: count and a few bodies per status; SQLITE_BUSY in any of them. */
const failures = new Map<number, { count: number; samples: string[] }>();
let busyInBodies = 0;
function recordFailure(status: number, body: string): void {
  if (body.includes("SQLITE_BUSY")) busyInBodies++;
  const entry = failures.get(status) ?? { count: 0, samples: [] };
  entry.count++;
  if (entry.samples.length < 3) entry.samples.push(body.slice(0, 300));
  failures.set(status, entry);
}

const get = (path: string): Request => ({ method: "GET", path });
const json = (method: "POST" | "PUT", path: string, body: unknown): Request => ({
  method,
  path,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * One step of the loop. The request is merged over autocannon's defaults (they carry the Host
 * header's address); every response is checked for failure before the step's own handler.
 */
function step(setup: (context: Context) => Request, onResponse?: OnResponse): Request {
  return {
    setupRequest: (request: Request, context: object) => {
      const next = { ...request, ...setup(context as Context) };
      (context as Context).sent = { at: performance.now(), label: `${next.method} ${next.path}` };
      return next;
    },
    onResponse: (status: number, body: string, context: object) => {
      if (status < 200 || status >= 300) recordFailure(status, body);
      noteSlowest(context as Context);
      onResponse?.(status, body, context as Context);
    },
  };
}

/**
 * The five slowest requests as the client timed them (from building the request to its answer;
 * for a connection's first request that includes connecting), with when they happened in the run:
 * a stall mid-run and the burst of 64 fresh connections at the start look alike in the max, not here.
 */
const slowest: { ms: number; label: string; at: number }[] = [];
let measuringFrom = 0;
function noteSlowest(context: Context): void {
  if (!context.sent) return;
  const now = performance.now();
  const ms = now - context.sent.at;
  if (slowest.length === 5 && ms <= (slowest.at(-1)?.ms ?? 0)) return;
  slowest.push({ ms, label: context.sent.label, at: (now - measuringFrom) / 1000 });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
}

/**
 * One connection's loop of twelve requests, half reads and half writes: project detail, health,
 * lists of templates, runs and assets, a chat session; creating and updating a prompt template,
 * a chat message, a reference item, and an asset link that the next step deletes again. Each loop
 * picks the next project; names are unique (template names are unique per project). Links come
 * from a pool of free (parent, child, type) slots, so concurrent connections never collide.
 */
function requestMix(fixtures: Fixture[], assetProject: string, slots: ReturnType<typeof linkSlots>): Request[] {
  let serial = 0;
  let loop = 0;
  const free = [...slots.keys()];
  const base = (context: Context) => `/api/projects/${context.fixture?.slug}`;
  const links = `/api/projects/${assetProject}/asset-links`;
  const ok = (status: number) => status >= 200 && status < 300;
  return [
    step((context) => {
      context.fixture = fixtures[loop++ % fixtures.length];
      return get(base(context));
    }),
    step(
      (context) =>
        json("POST", `${base(context)}/prompt-templates`, { name: `t${serial++}`, template_text: "A {scene}." }),
      (status, body, context) => {
        if (!ok(status)) return;
        acknowledged.templates++;
        context.templateId = JSON.parse(body).prompt_template.id;
      },
    ),
    step((context) => get(`${base(context)}/prompt-templates`)),
    step((context) =>
      context.templateId
        ? json("PUT", `${base(context)}/prompt-templates/${context.templateId}`, { template_text: `At ${serial++}.` })
        : get(base(context)),
    ),
    step(() => get("/health")),
    step(
      (context) =>
        json("POST", `${base(context)}/chat/sessions/${context.fixture?.sessionId}/messages`, {
          role: "user",
          content: `message ${serial++}`,
        }),
      (status) => {
        if (ok(status)) acknowledged.messages++;
      },
    ),
    step((context) => get(`${base(context)}/runs?limit=50`)),
    step(
      (context) =>
        json("POST", `${base(context)}/reference-sets/${context.fixture?.referenceSetId}/items`, {
          label: `item ${serial++}`,
          content_text: "a reference",
        }),
      (status) => {
        if (ok(status)) acknowledged.items++;
      },
    ),
    step((context) => get(`${base(context)}/assets?limit=50`)),
    step(
      (context) => {
        const slot = free.pop();
        if (slot === undefined) return get(links);
        context.slot = slot;
        const { parent, child, type } = slots[slot] as (typeof slots)[number];
        return json("POST", links, { parent_asset_id: parent, child_asset_id: child, link_type: type });
      },
      (status, body, context) => {
        if (context.slot === undefined) return;
        if (!ok(status)) {
          free.push(context.slot);
          context.slot = undefined;
          return;
        }
        acknowledged.linksCreated++;
        context.linkId = JSON.parse(body).asset_link.id;
      },
    ),
    step(
      (context) => (context.linkId ? { method: "DELETE", path: `${links}/${context.linkId}` } : get(links)),
      (status, _body, context) => {
        // The slot is free again only once its link is really gone.
        if (context.linkId === undefined || context.slot === undefined || !ok(status)) return;
        acknowledged.linksDeleted++;
        free.push(context.slot);
      },
    ),
    step((context) => get(`${base(context)}/chat/sessions/${context.fixture?.sessionId}`)),
  ];
}

/** Reads back what the server acknowledged: every write of the run must be there, once. */
async function readBack(client: ApiClient, fixtures: Fixture[], assetProject: string) {
  const stored = { templates: 0, messages: 0, items: 0, links: 0 };
  for (const { slug, sessionId, referenceSetId } of fixtures) {
    stored.templates += (await must(client.GET("/api/projects/{slug}/prompt-templates", inProject(slug)))).count;
    const session = { params: { path: { slug, sessionId } } };
    stored.messages += (
      await must(client.GET("/api/projects/{slug}/chat/sessions/{sessionId}", session))
    ).session.message_count;
    const set = { params: { path: { slug, referenceSetId } } };
    stored.items += (
      await must(client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}", set))
    ).reference_set.item_count;
  }
  stored.links = (await must(client.GET("/api/projects/{slug}/asset-links", inProject(assetProject)))).count;
  return stored;
}

const serverFlags = (process.env.BENCH_LOAD_NODE_FLAGS ?? "").split(" ").filter(Boolean);
const appRoot = await mkdtemp(join(tmpdir(), "kroma-load-"));
const images = await startImagesServer();
const server = await spawnServer(
  appRoot,
  { OPENAI_BASE_URL: `${images.url}/v1`, OPENAI_API_KEY: "sk-load-bench" },
  serverFlags,
);
let exitCode = 1;
try {
  const client = portClient(server.url);
  const fixtures = await createFixtures(client);
  const assetProject = (fixtures[0] as Fixture).slug;
  const assetIds = await createAssets(client, fixtures[0] as Fixture);
  const slots = linkSlots(assetIds);
  console.log(
    `setup: ${fixtures.length} projects, ${assetIds.length} assets (${slots.length} link slots) on ${server.url}`,
  );

  const mix = requestMix(fixtures, assetProject, slots);
  const fire = (requests: number) => autocannon({ url: server.url, connections, amount: requests, requests: mix });
  const warmup = await fire(connections * mix.length);
  console.log(
    `warm-up: ${warmup.requests.total} requests, p50 ${warmup.latency.p50} ms, p99 ${warmup.latency.p99} ms, max ${warmup.latency.max} ms`,
  );
  const started = performance.now();
  slowest.length = 0;
  measuringFrom = started;
  const result = await fire(amount);
  const seconds = (performance.now() - started) / 1000;

  const total = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  const errors = result.errors + result.non2xx + warmup.errors + warmup.non2xx;
  const busyInLog = (server.stderr().match(/SQLITE_BUSY/g) ?? []).length;

  console.log(`\nLoad benchmark: ${amount} mixed requests, ${connections} connections, Node ${process.version}\n`);
  console.table({
    requests: total,
    "2xx": result["2xx"],
    "non-2xx": result.non2xx,
    "socket errors": result.errors,
    timeouts: result.timeouts,
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    "max ms": result.latency.max,
    "req/s": Math.round(total / seconds),
    seconds: Number(seconds.toFixed(1)),
  });
  console.log(
    `slowest (client-timed): ${slowest.map((s) => `${Math.round(s.ms)} ms ${s.label} at ${s.at.toFixed(1)} s`).join("; ")}`,
  );
  for (const [status, { count, samples }] of failures) {
    console.log(`failed with ${status}: ${count}\n  ${samples.join("\n  ")}`);
  }
  console.log(`SQLITE_BUSY: ${busyInBodies} in failed responses, ${busyInLog} in the server's stderr`);

  const stored = await readBack(client, fixtures, assetProject);
  const expected = {
    templates: acknowledged.templates,
    messages: acknowledged.messages,
    items: acknowledged.items,
    links: acknowledged.linksCreated - acknowledged.linksDeleted,
  };
  const lost = Object.entries(expected).filter(([kind, count]) => stored[kind as keyof typeof stored] !== count);
  console.log(`acknowledged writes: ${JSON.stringify(expected)}; read back: ${JSON.stringify(stored)}`);

  const passed = errors === 0 && busyInBodies === 0 && busyInLog === 0 && lost.length === 0;
  console.log(
    passed
      ? "\nPASS: 0 errors, no SQLITE_BUSY, every acknowledged write read back"
      : `\nFAIL: ${errors} errors, ${busyInBodies + busyInLog} SQLITE_BUSY, mismatched: ${lost.map(([kind]) => kind).join(", ") || "none"}`,
  );
  if (serverFlags.length > 0) console.log(`server stdout (node ${serverFlags.join(" ")}):\n${server.stdout()}`);
  if (server.stderr().trim()) console.log(`server stderr:\n${server.stderr().trim().slice(0, 2000)}`);
  exitCode = passed ? 0 : 1;
} finally {
  await server.stop();
  await images.close();
  await rm(appRoot, { recursive: true, force: true });
}
process.exit(exitCode);
