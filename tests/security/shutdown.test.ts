// Issue 13 point 11 (security review §6): a stopping server stops its runs. The BUILT `kroma serve`
// in its own process (build first), against an images stand-in on 127.0.0.1 that accepts each
// request and never answers until the test releases it. On SIGTERM the server sends no new
// request, lets the one in flight finish within KROMA_SHUTDOWN_GRACE_MS, then aborts it and
// journals it as possibly billed; a run carries a lease, so a second server on the same database
// never interrupts or resumes a run a live process executes, and a stopping server touches only
// its own runs.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ApiClient,
  type HeldImages,
  openSqliteProbe,
  portClient,
  type ServedProcess,
  solidPng,
  spawnServer,
  startHeldImages,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
const servers: ServedProcess[] = [];
let images: HeldImages | undefined;

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop("SIGKILL");
  await images?.close();
  images = undefined;
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function appRoot(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kroma-shutdown-"));
  dirs.push(dir);
  return dir;
}

/** `kroma serve` on `root`, pointed at the held stand-in. */
async function serve(
  root: string,
  env: Record<string, string> = {},
): Promise<{ server: ServedProcess; client: ApiClient }> {
  if (!images) throw new Error("start the stand-in first");
  const server = await spawnServer(root, {
    OPENAI_BASE_URL: `${images.url}/v1`,
    OPENAI_API_KEY: "sk-test-shutdown",
    KROMA_VALIDATE_RESPONSES: "1",
    ...env,
  });
  servers.push(server);
  return { server, client: portClient(server.url) };
}

/** Polls `check` every 20 ms until it holds, failing after 20 s with `what`. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A project with `count` real PNG scenes under `scenes/`. */
async function project(client: ApiClient, name: string, count: number): Promise<{ slug: string; root: string }> {
  const body = await expectOk(client.POST("/api/projects", { body: { name } }));
  const root = body.storage.local.project_root;
  await mkdir(join(root, "scenes"), { recursive: true });
  for (let i = 1; i <= count; i++) await writeFile(join(root, "scenes", `s${i}.png`), solidPng(8, 8, [90, 90, 90]));
  return { slug: body.project.slug, root };
}

async function triggerPaid(client: ApiClient, slug: string): Promise<string> {
  const trigger = await client.POST("/api/projects/{slug}/runs/trigger", {
    ...inProject(slug),
    body: { mode: "run", confirm_spend: true, input: "scenes" },
  });
  expect(trigger.response.status).toBe(200);
  return trigger.data?.pipeline_trigger.run_id ?? "";
}

/** The run as the API reports it. */
const runOf = (client: ApiClient, slug: string, runId: string) =>
  client.GET("/api/projects/{slug}/runs/{runId}", { params: { path: { slug, runId } } });
const resume = (client: ApiClient, slug: string, runId: string) =>
  client.POST("/api/projects/{slug}/runs/{runId}/resume", { params: { path: { slug, runId } } });

/** The run's row as stored, read from the database file after the server is gone. */
async function storedRun(root: string, runId: string): Promise<{ status: string; error: string | null }> {
  const probe = await openSqliteProbe(join(root, "var/backend/app.db"));
  try {
    return await probe.db
      .selectFrom("runs")
      .select(["status", "error"])
      .where("id", "=", runId)
      .executeTakeFirstOrThrow();
  } finally {
    await probe.close();
  }
}

/** The journal's lines of an unfinished paid run. */
async function journal(projectRoot: string, runId: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(projectRoot, ".kroma/in-progress", `${runId}.jsonl`), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

describe("SIGTERM while an image request hangs", () => {
  it("aborts it when the grace period runs out, sends nothing new, journals it as possibly billed and exits", async () => {
    images = await startHeldImages();
    const root = await appRoot();
    const { server, client } = await serve(root, { KROMA_SHUTDOWN_GRACE_MS: "300" });
    const { slug, root: projectRoot } = await project(client, "Hang", 2);
    const runId = await triggerPaid(client, slug);
    const first = await images.request(0);
    const connectionsAtSignal = images.connections();

    const exited = server.stop("SIGTERM"); // resolves once the process has exited
    // The stand-in never answered: the process can only exit by aborting the request.
    await first.clientGone;
    expect(await exited).toBe(0);
    expect(first.answered).toBe(false);
    expect(images.requests).toHaveLength(1); // no retry, no second scene after the signal
    expect(images.connections()).toBe(connectionsAtSignal); // nothing new was even dialled

    const run = await storedRun(root, runId);
    expect(run.status).toBe("interrupted");
    expect(run.error).toMatch(/aborted .*may have been billed/);
    const aborted = (await journal(projectRoot, runId)).flatMap((line) => (line.aborted ? [line.aborted] : []));
    expect(aborted).toEqual([expect.objectContaining({ job: expect.stringContaining("s1"), possibly_billed: true })]);
    expect(existsSync(join(projectRoot, "runs", `${runId}.json`))).toBe(false);
  });

  it("keeps an image answered inside the grace period, starts nothing else, and a resume does not buy it again", async () => {
    images = await startHeldImages();
    const root = await appRoot();
    const { server, client } = await serve(root, { KROMA_SHUTDOWN_GRACE_MS: "120000" });
    const { slug, root: projectRoot } = await project(client, "Grace", 2);
    const runId = await triggerPaid(client, slug);
    await images.request(0);

    const exited = server.stop("SIGTERM");
    await until("the server to take the signal", () => server.stdout().includes("SIGTERM received"));
    images.release(0); // the answer arrives inside the grace period
    expect(await exited).toBe(0);
    expect(images.requests).toHaveLength(1); // the second scene was never requested

    const run = await storedRun(root, runId);
    expect(run).toMatchObject({ status: "interrupted", error: "The server stopped before the run finished" });
    const done = (await journal(projectRoot, runId)).flatMap((line) => {
      const job = line.job as { status: string; input_images: string[] } | undefined;
      return job?.status === "done" ? job.input_images : [];
    });
    expect(done).toEqual(["scenes/s1.png"]);

    // Restarted: the resume requests only the scene that was not done.
    images.answerAll();
    const restarted = await serve(root);
    const resumed = await resume(restarted.client, slug, runId);
    expect(resumed.response.status).toBe(200);
    await until("the resumed run to finish", async () => {
      const { data } = await runOf(restarted.client, slug, runId);
      return data?.run.status === "succeeded";
    });
    expect(images.requests.map((request) => request.images[0])).toEqual(["s1.png", "s2.png"]);
  });
});

describe("two servers on one database", () => {
  it("B leaves A's live run alone and refuses to resume it; once A is killed B interrupts it, and only then resumes it", async () => {
    images = await startHeldImages();
    const root = await appRoot();
    const ttl = { KROMA_LEASE_TTL_MS: "2000" };
    const a = await serve(root, ttl);
    const { slug } = await project(a.client, "Shared", 1);
    const runId = await triggerPaid(a.client, slug);
    await images.request(0);

    const b = await serve(root, ttl);
    expect(b.server.stdout()).not.toContain(runId); // not among the runs B interrupted at start
    const seen = await runOf(b.client, slug, runId);
    expect(seen.data?.run.status).toBe("running");
    const refused = await resume(b.client, slug, runId);
    expect(refused.response.status).toBe(409);
    expect(refused.error?.error_code).toBe("conflict");

    expect(await a.server.stop("SIGKILL")).toBe("SIGKILL");
    await until("B to interrupt the dead server's run", async () => {
      const { data } = await runOf(b.client, slug, runId);
      return data?.run.status === "interrupted";
    });
    images.answerAll();
    const resumed = await resume(b.client, slug, runId);
    expect(resumed.response.status).toBe(200);
    await until("B to finish the run", async () => {
      const { data } = await runOf(b.client, slug, runId);
      return data?.run.status === "succeeded";
    });
  });

  it("a stopping server never touches the runs another live server executes", async () => {
    images = await startHeldImages();
    const root = await appRoot();
    const a = await serve(root);
    const { slug } = await project(a.client, "Clobber", 1);
    const b = await serve(root);
    const runId = await triggerPaid(b.client, slug); // B executes it; A only shares the database
    const held = await images.request(0);

    expect(await a.server.stop("SIGTERM")).toBe(0);
    const after = await runOf(b.client, slug, runId);
    expect(after.data?.run.status).toBe("running");
    expect(held.answered).toBe(false);

    images.release(0);
    await until("B to finish its run", async () => {
      const { data } = await runOf(b.client, slug, runId);
      return data?.run.status === "succeeded";
    });
  });
});
