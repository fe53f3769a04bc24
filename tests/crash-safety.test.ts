// Crash safety: the built `kroma serve` in its own process, SIGKILLed in the middle of real work
// (a paid run against the local images stand-in, the ingest of a large dry run, a large bootstrap
// import), then restarted on the same database. What a user checks after a crash: the file is
// sound, nothing is half-recorded, nothing starts again by itself, and the work can be finished.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { components } from "@kroma/contract";
import { createKromaClient } from "@kroma/sdk";
import {
  type ApiClient,
  type ImagesServer,
  openSqliteProbe,
  portClient,
  type ServedProcess,
  type SqliteProbe,
  solidPng,
  spawnServer,
  startImagesServer,
  waitForLongWrite,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let images: ImagesServer;
const dirs: string[] = [];
const servers: ServedProcess[] = [];

beforeAll(async () => {
  images = await startImagesServer();
});
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  await images.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A fresh app root: its own database, so every run in it belongs to the scenario. */
async function appRoot(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kroma-crash-"));
  dirs.push(dir);
  return dir;
}

const dbOf = (root: string) => join(root, "var/backend/app.db");

/** `kroma serve` on `root`, pointed at the images stand-in, validating its responses as tests do. */
async function serve(root: string): Promise<{ server: ServedProcess; client: ApiClient }> {
  const server = await spawnServer(root, {
    OPENAI_BASE_URL: `${images.url}/v1`,
    OPENAI_API_KEY: "sk-test-crash",
    KROMA_VALIDATE_RESPONSES: "1",
  });
  servers.push(server);
  return { server, client: portClient(server.url) };
}

/** SIGKILL: no shutdown handler runs, exactly like a power cut for the process. */
async function crash(server: ServedProcess): Promise<void> {
  expect(await server.stop("SIGKILL")).toBe("SIGKILL");
}

/** A project whose manifest allows `limit` jobs per run; returns its slug and root. */
async function projectWithLimit(client: ApiClient, name: string, limit: number) {
  const body = await expectOk(client.POST("/api/projects", { body: { name } }));
  const root = body.storage.local.project_root;
  await mkdir(join(root, ".kroma"), { recursive: true });
  await writeFile(join(root, "manifest.json"), JSON.stringify({ safe_batch_limit: limit }));
  await writeFile(
    join(root, ".kroma/pipeline.settings.json"),
    JSON.stringify({ pipeline: { manifest_path: "manifest.json" } }),
  );
  return { slug: body.project.slug, root };
}

/** `count` small real PNG scenes under `<root>/scenes/`; returns their file names. */
async function writeScenes(root: string, count: number): Promise<string[]> {
  await mkdir(join(root, "scenes"), { recursive: true });
  const png = solidPng(8, 8, [90, 90, 90]);
  const names = Array.from({ length: count }, (_, i) => `s${String(i).padStart(5, "0")}.png`);
  for (let i = 0; i < names.length; i += 200) {
    await Promise.all(names.slice(i, i + 200).map((name) => writeFile(join(root, "scenes", name), png)));
  }
  return names;
}

/**
 * The rule for every run after a crash: its records say no more than what happened. A finished
 * run has exactly the jobs of its log. A run that was cut off (`interrupted`) has only what its
 * live records had written (the jobs its journal holds as finished, and at most the one job that
 * was generating, as `running`), or none when its final ingest was cut off: that rolled back whole.
 */
async function expectRunsWhole(probe: SqliteProbe, root: string): Promise<Map<string, string>> {
  const runs = await probe.db.selectFrom("runs").select(["id", "status"]).execute();
  const statuses = new Map<string, string>();
  for (const run of runs) {
    statuses.set(run.id, run.status);
    const { n } = await probe.db
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("run_id", "=", run.id)
      .executeTakeFirstOrThrow();
    const logFile = join(root, "runs", `${run.id}.json`);
    const logged = existsSync(logFile) ? JSON.parse(await readFile(logFile, "utf8")).jobs.length : undefined;
    expect(["queued", "running", "canceling"], `run ${run.id} is still active after a restart`).not.toContain(
      run.status,
    );
    if (run.status === "interrupted") await expectOnlyLiveJobs(probe, root, run.id);
    else expect(Number(n), `run ${run.id} (${run.status}) vs its log`).toBe(logged);
  }
  return statuses;
}

/**
 * The scene file names of the jobs a paid run's journal (`.kroma/in-progress/<run>.jsonl`) holds as
 * done: what a resume keeps. Read as the pipeline reads it: JSON lines, a torn last line skipped.
 */
/** An interrupted run's recorded jobs: each finished one is in its journal; at most one still `running`. */
async function expectOnlyLiveJobs(probe: SqliteProbe, root: string, runId: string): Promise<void> {
  const jobs = await probe.db.selectFrom("jobs").select(["job_key", "status"]).where("run_id", "=", runId).execute();
  if (jobs.length === 0) return;
  const journaled = existsSync(join(root, ".kroma/in-progress", `${runId}.jsonl`))
    ? await journaledScenes(root, runId)
    : new Set<string>();
  const running = jobs.filter((job) => job.status === "running");
  expect(running.length, `interrupted run ${runId} has more than one job in progress`).toBeLessThanOrEqual(1);
  for (const job of jobs.filter((row) => row.status !== "running")) {
    // Job keys end with the scene's name: `style_<n>_<scene>`.
    const scene = `${job.job_key.replace(/^[a-z]+_\d+_/, "")}.png`;
    expect(journaled.has(scene), `interrupted run ${runId} records ${job.job_key}, not in its journal`).toBe(true);
  }
}

async function journaledScenes(root: string, runId: string): Promise<Set<string>> {
  const text = await readFile(join(root, ".kroma/in-progress", `${runId}.jsonl`), "utf8");
  const scenes = new Set<string>();
  for (const line of text.split("\n")) {
    let entry: { job?: { status: string; input_images: string[] } } | undefined;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry?.job?.status === "done") scenes.add(basename(entry.job.input_images[0] ?? ""));
  }
  return scenes;
}

/** The run, its jobs, and resuming it, as the API offers them. */
const runPath = (slug: string, runId: string) => ({ params: { path: { slug, runId } } });
const runOf = (client: ApiClient, slug: string, runId: string) =>
  client.GET("/api/projects/{slug}/runs/{runId}", runPath(slug, runId));
const jobsOf = (client: ApiClient, slug: string, runId: string) =>
  client.GET("/api/projects/{slug}/runs/{runId}/jobs", runPath(slug, runId));
const resume = (client: ApiClient, slug: string, runId: string) =>
  client.POST("/api/projects/{slug}/runs/{runId}/resume", runPath(slug, runId));

/** Waits for a run to end by following its event stream; returns the `done` event's status. */
async function waitDone(url: string, slug: string, runId: string): Promise<string> {
  let status = "";
  for await (const event of createKromaClient({ baseUrl: url }).runs.events(slug, runId)) status = event.status;
  return status;
}

describe("SIGKILL in the middle of a paid run", () => {
  it("restarts with the run interrupted, sends no request until resume, and resume finishes only what was left", async () => {
    const root = await appRoot();
    let { server, client } = await serve(root);
    const project = await projectWithLimit(client, "Crash Paid", 100);
    const scenes = await writeScenes(project.root, 40);
    images.reset();
    // Slow enough answers that the run is always mid-way when the kill comes after job 5.
    images.script(() => ({ image: "gray", delayMs: 40 }));

    const trigger = await client.POST("/api/projects/{slug}/runs/trigger", {
      ...inProject(project.slug),
      body: { mode: "run", confirm_spend: true, input: "scenes" },
    });
    expect(trigger.response.status).toBe(200);
    const runId = trigger.data?.pipeline_trigger.run_id ?? "";

    // Kill on the fifth finished job, as its progress event arrives: mid-run, between requests.
    let jobsDone = 0;
    for await (const event of createKromaClient({ baseUrl: server.url }).runs.events(project.slug, runId)) {
      if (event.type === "progress" && event.phase === "job_done" && ++jobsDone === 5) break;
    }
    await crash(server);
    expect(jobsDone, "the run finished before the kill: make the workload larger").toBeLessThan(scenes.length);

    // What the crash left on disk: the journal of finished jobs, no final run log.
    await new Promise((resolve) => setTimeout(resolve, 100)); // lets a request cut off mid-upload settle
    const requestsAtCrash = images.requests.length;
    const journaled = await journaledScenes(project.root, runId);
    expect(journaled.size).toBeGreaterThanOrEqual(5); // a job is journaled before its job_done event
    expect(existsSync(join(project.root, "runs", `${runId}.json`))).toBe(false);

    ({ server, client } = await serve(root));
    const probe = await openSqliteProbe(dbOf(root));
    try {
      expect(probe.integrityCheck()).toEqual(["ok"]);
      const statuses = await expectRunsWhole(probe, project.root);
      expect(statuses.get(runId)).toBe("interrupted");
      const { data } = await runOf(client, project.slug, runId);
      expect(data?.run).toMatchObject({ status: "interrupted", error: "The server stopped before the run finished" });
      // The jobs finished before the kill were recorded live, and are still there.
      const recorded = (data?.jobs ?? []).filter((job) => job.status === "done");
      expect(recorded.length).toBeGreaterThanOrEqual(4);
      expect(recorded.length).toBeLessThanOrEqual(journaled.size);

      // Never re-run by itself: a second of quiet after the restart, and not one image request.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(images.requests.length).toBe(requestsAtCrash);
      expect(probe.runStatus(runId)).toBe("interrupted");

      const resumed = await resume(client, project.slug, runId);
      expect(resumed.response.status).toBe(200);
      expect(await waitDone(server.url, project.slug, runId)).toBe("succeeded");

      // Resume asked only for the scenes the journal did not hold, each once.
      const after = images.requests.slice(requestsAtCrash).map((request) => request.images[0] ?? "");
      expect(after.filter((scene) => journaled.has(scene))).toEqual([]);
      expect(new Set(after).size).toBe(after.length);
      expect(after.length + journaled.size).toBe(scenes.length);

      const finished = await runOf(client, project.slug, runId);
      expect(finished.data?.run.status).toBe("succeeded");
      expect(finished.data?.jobs).toHaveLength(scenes.length);
      await expectRunsWhole(probe, project.root);
      expect(probe.integrityCheck()).toEqual(["ok"]);
    } finally {
      await probe.close();
      await server.stop();
    }
  });
});

describe("SIGKILL in the middle of ingesting a large dry run", () => {
  it("rolls the ingest back whole: the run restarts interrupted with no jobs, or (if the kill missed) has all of them", async () => {
    const root = await appRoot();
    let { server, client } = await serve(root);
    const project = await projectWithLimit(client, "Crash Dry", 10_000);
    const scenes = await writeScenes(project.root, 4000);
    const probe = await openSqliteProbe(dbOf(root));

    const trigger = await client.POST("/api/projects/{slug}/runs/trigger", {
      ...inProject(project.slug),
      body: { input: "scenes" },
    });
    expect(trigger.response.status).toBe(200);
    const runId = trigger.data?.pipeline_trigger.run_id ?? "";
    // Planning 4,000 scenes writes nothing; the ingest is one long write transaction. Kill in it.
    const active = () => ["queued", "running"].includes(probe.runStatus(runId) ?? "queued");
    const caught = await waitForLongWrite(probe, () => !active());
    await crash(server);
    await probe.close();
    if (!caught) console.warn("crash-safety: the dry run's ingest finished before the kill; checking the whole run");

    ({ server, client } = await serve(root));
    const after = await openSqliteProbe(dbOf(root));
    try {
      expect(after.integrityCheck()).toEqual(["ok"]);
      const statuses = await expectRunsWhole(after, project.root);
      // Killed inside the transaction, SQLite rolled it back: the log is on disk, the rows are not.
      // (A kill that lands on the commit itself may keep it; then every job is there. Never a part.)
      const { data } = await jobsOf(client, project.slug, runId);
      const outcome = `${statuses.get(runId)}:${data?.count}`;
      expect([`interrupted:0`, `succeeded:${scenes.length}`]).toContain(outcome);
      if (caught && outcome !== "interrupted:0") console.warn("crash-safety: the kill landed on the ingest's commit");
      const log = JSON.parse(await readFile(join(project.root, "runs", `${runId}.json`), "utf8"));
      expect(log.jobs).toHaveLength(scenes.length);

      // The database takes the same work again after the crash: a resumed dry run plans and
      // ingests every job.
      if (statuses.get(runId) === "interrupted") {
        expect((await resume(client, project.slug, runId)).response.status).toBe(200);
        expect(await waitDone(server.url, project.slug, runId)).toBe("succeeded");
        const jobs = await jobsOf(client, project.slug, runId);
        expect(jobs.data?.count).toBe(scenes.length);
        await expectRunsWhole(after, project.root);
      }
      expect(after.integrityCheck()).toEqual(["ok"]);
    } finally {
      await after.close();
      await server.stop();
    }
  });
});

describe("SIGKILL in the middle of a large bootstrap import", () => {
  /** ~0.9 MB of settings (under the 1 MiB body limit): 18,000 records and 2,000 reference items. */
  function largeImport(): components["schemas"]["BootstrapImportRequest"] {
    const n = (i: number) => String(i).padStart(5, "0");
    return {
      mode: "merge",
      settings: {
        project: { name: "Crash Import (imported)", description: "after the import" },
        characters: Array.from({ length: 6000 }, (_, i) => ({ name: `character ${n(i)}` })),
        style_guides: Array.from({ length: 6000 }, (_, i) => ({ name: `style ${n(i)}`, instructions: "ink" })),
        prompt_templates: Array.from({ length: 6000 }, (_, i) => ({ name: `template ${n(i)}`, template_text: "x" })),
        reference_sets: [
          {
            name: "refs",
            items: Array.from({ length: 2000 }, (_, i) => ({ label: n(i), content_text: "r" })),
          },
        ],
      },
    };
  }

  async function counts(client: ApiClient, slug: string) {
    const project = inProject(slug);
    const sets = (await expectOk(client.GET("/api/projects/{slug}/reference-sets", project))).reference_sets;
    return {
      name: (await expectOk(client.GET("/api/projects/{slug}", project))).project.name,
      characters: (await expectOk(client.GET("/api/projects/{slug}/characters", project))).count,
      style_guides: (await expectOk(client.GET("/api/projects/{slug}/style-guides", project))).count,
      prompt_templates: (await expectOk(client.GET("/api/projects/{slug}/prompt-templates", project))).count,
      reference_items: sets.reduce((sum, set) => sum + set.item_count, 0),
    };
  }

  it("applies all of it or none of it, and the same import succeeds after the restart", async () => {
    const root = await appRoot();
    let { server, client } = await serve(root);
    const { project } = await expectOk(client.POST("/api/projects", { body: { name: "Crash Import" } }));
    const slug = project.slug;
    const settings = largeImport();
    const payload = JSON.stringify(settings);
    expect(payload.length).toBeLessThan(1024 * 1024);
    const probe = await openSqliteProbe(dbOf(root));

    let answered = false;
    const request = client.POST("/api/projects/{slug}/bootstrap-import", { ...inProject(slug), body: settings }).then(
      ({ response }) => {
        answered = response.status === 200;
      },
      () => {}, // the connection dies with the server
    );
    const caught = await waitForLongWrite(probe, () => answered);
    await crash(server);
    await request;
    await probe.close();
    if (!caught) console.warn("crash-safety: the import finished before the kill; checking it applied whole");

    ({ server, client } = await serve(root));
    const after = await openSqliteProbe(dbOf(root));
    try {
      expect(after.integrityCheck()).toEqual(["ok"]);
      const none = { name: "Crash Import", characters: 0, style_guides: 0, prompt_templates: 0, reference_items: 0 };
      const all = {
        name: "Crash Import (imported)",
        characters: 6000,
        style_guides: 6000,
        prompt_templates: 6000,
        reference_items: 2000,
      };
      const found = await counts(client, slug);
      // Killed inside the transaction it is none (a kill landing on the commit itself may keep it
      // all); an import the client saw succeed is all. Never a part.
      expect([none, all]).toContainEqual(found);
      if (answered) expect(found).toEqual(all);
      if (caught && found.characters !== 0) console.warn("crash-safety: the kill landed on the import's commit");
      const audit = await after.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "bootstrap.import")
        .execute();
      expect(audit).toHaveLength(found.characters === 0 ? 0 : 1);

      const again = await client.POST("/api/projects/{slug}/bootstrap-import", { ...inProject(slug), body: settings });
      expect(again.response.status).toBe(200);
      expect(await counts(client, slug)).toEqual(all);
      expect(after.integrityCheck()).toEqual(["ok"]);
    } finally {
      await after.close();
      await server.stop();
    }
  });
});
