import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKromaClient, type KromaClient } from "@kroma/sdk";
import { startHeldImages } from "@kroma/testkit/held-images";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { putScenes, runRow } from "@kroma/testkit/run-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../core/db/database.js";
import { type RunningServer, type StartServerOptions, startServer } from "../../core/serve.js";

let images: ImagesServer;
let appRoot = "";
beforeAll(async () => {
  images = await startImagesServer();
  appRoot = await mkdtemp(join(tmpdir(), "kroma-resume-"));
});
afterAll(async () => {
  await images.close();
  await rm(appRoot, { recursive: true, force: true });
});

/** A server on the same app root and database each time, as a restart would be. */
function start(overrides: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    host: "127.0.0.1",
    port: 0,
    appRoot,
    dbPath: join(appRoot, "var/backend/app.db"),
    validateResponses: true,
    agentDispatch: false,
    runExecution: {
      openaiApiKey: "sk-test-resume",
      openaiBaseUrl: `${images.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
    ...overrides,
  });
}

const client = (server: RunningServer): KromaClient => createKromaClient({ baseUrl: server.url });

describe("a server restart in the middle of a run", () => {
  it("leaves the run interrupted, never re-runs it by itself, and resume finishes only what was left", async () => {
    images.script(() => ({ image: "gray", delayMs: 100 }));
    const first = await start();
    const kroma = client(first);
    const { project, storage } = await kroma.projects.upsert({ name: "Resume" });
    await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
    const { pipeline_trigger } = await kroma.runs.trigger(project.slug, {
      mode: "run",
      confirm_spend: true,
      input: "scenes",
    });
    const runId = pipeline_trigger.run_id;
    let last = "";
    for await (const event of kroma.runs.events(project.slug, runId)) {
      last = `${event.type}:${event.status}`;
      // Stop the server once the first job is done; the stream ends with the interruption.
      if (event.type === "progress" && event.phase === "job_done") void first.close();
    }
    expect(last).toBe("done:interrupted");
    await first.close();
    const beforeRestart = images.requests.length;
    expect(beforeRestart).toBeLessThan(3);

    const second = await start();
    try {
      const again = client(second);
      const { run } = await again.runs.get(project.slug, runId);
      expect(run.status).toBe("interrupted");
      // Nothing ran by itself after the restart.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(images.requests.length).toBe(beforeRestart);

      const resumed = await again.runs.resume(project.slug, runId);
      expect(resumed.run.status).toBe("queued");
      const finished = await again.runs.wait(project.slug, runId);
      expect(finished.run.status).toBe("succeeded");
      expect(finished.jobs.map((job) => job.status)).toEqual(["done", "done", "done"]);
      // Each scene was requested once in all: the job done before the stop was kept.
      expect(images.requests.map((request) => request.images[0]).sort()).toEqual(["a.png", "b.png", "c.png"]);
      expect(finished.run.settings_snapshot_json).toMatchObject({ generation: { candidates: 1 } });
    } finally {
      await second.close();
    }
  });

  it("marks a run a crashed server left running as interrupted at start", async () => {
    const db = await openDatabase(join(appRoot, "var/backend/app.db"));
    const project = await db.selectFrom("projects").select("id").where("slug", "=", "resume").executeTakeFirstOrThrow();
    await db
      .insertInto("runs")
      .values(
        runRow({
          id: "run_crashed",
          project_id: project.id,
          run_mode: "run",
          status: "running",
          started_at: new Date().toISOString(),
          request_json: JSON.stringify({ scene_refs: ["scenes/a.png"] }),
        }),
      )
      .execute();
    await db.destroy();

    const server = await start({
      runExecution: { image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" } },
    });
    try {
      expect(server.interruptedRuns).toEqual(["run_crashed"]);
      const kroma = client(server);
      const { run } = await kroma.runs.get("resume", "run_crashed");
      expect(run).toMatchObject({ status: "interrupted", error: "The server stopped before the run finished" });
      // Without an OpenAI key (neither the project's secret nor the server's) it cannot go on.
      await expect(kroma.runs.resume("resume", "run_crashed")).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining("No OpenAI key"),
      });
      expect((await kroma.runs.get("resume", "run_crashed")).run.status).toBe("interrupted");
    } finally {
      await server.close();
    }
  });

  it("refuses to resume a stored run whose image settings the model does not accept (an import brings them verbatim)", async () => {
    const db = await openDatabase(join(appRoot, "var/backend/app.db"));
    const project = await db.selectFrom("projects").select("id").where("slug", "=", "resume").executeTakeFirstOrThrow();
    const image = { model: "gpt-image-1", size: "768x1152", quality: "medium" };
    await db
      .insertInto("runs")
      .values(
        runRow({
          id: "run_bad_size",
          project_id: project.id,
          status: "interrupted",
          request_json: JSON.stringify({ scene_refs: ["scenes/a.png"], image }),
        }),
      )
      .execute();
    await db.destroy();

    const server = await start();
    try {
      images.reset();
      const kroma = client(server);
      await expect(kroma.runs.resume("resume", "run_bad_size")).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining("size 768x1152 is not accepted by gpt-image-1"),
      });
      expect((await kroma.runs.get("resume", "run_bad_size")).run.status).toBe("interrupted");
      expect(images.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe("resuming a run that was canceled", () => {
  it("keeps the jobs done before the cancel, their files untouched, and runs the rest to the end", async () => {
    const held = await startHeldImages();
    const server = await start({
      runExecution: {
        openaiApiKey: "sk-test-resume",
        openaiBaseUrl: `${held.url}/v1`,
        image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
        retryDelayMs: 1,
      },
    });
    try {
      const kroma = client(server);
      const { project, storage } = await kroma.projects.upsert({ name: "Canceled" });
      const root = storage.local.project_root;
      await putScenes(root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
      const { pipeline_trigger } = await kroma.runs.trigger(project.slug, {
        mode: "run",
        confirm_spend: true,
        input: "scenes",
      });
      const runId = pipeline_trigger.run_id;
      held.release((await held.request(0)).index);
      // The second scene's request is in flight: cancel now, then let it finish.
      await held.request(1);
      expect((await kroma.runs.cancel(project.slug, runId)).run.status).toBe("canceling");
      held.release(1);
      const canceled = await kroma.runs.wait(project.slug, runId);
      expect(canceled.run.status).toBe("canceled");
      expect(canceled.jobs.map((job) => job.status)).toEqual(["done", "done", "canceled"]);
      const firstPart = await Promise.all(
        canceled.jobs.slice(0, 2).map(async (job) => {
          const path = join(root, job.final_output ?? "");
          return { path, bytes: await readFile(path), mtimeMs: (await stat(path)).mtimeMs };
        }),
      );

      held.answerAll();
      const resumed = await kroma.runs.resume(project.slug, runId);
      expect(resumed.run).toMatchObject({ status: "queued", error: null, finished_at: null });
      const finished = await kroma.runs.wait(project.slug, runId);
      expect(finished.run.status).toBe("succeeded");
      expect(finished.jobs.map((job) => job.status)).toEqual(["done", "done", "done"]);
      // Each scene was bought once in all, and no file of the first part was written again.
      expect(held.requests.map((request) => request.images[0])).toEqual(["a.png", "b.png", "c.png"]);
      for (const file of firstPart) {
        expect(await readFile(file.path)).toEqual(file.bytes);
        expect((await stat(file.path)).mtimeMs).toBe(file.mtimeMs);
      }
      const log = JSON.parse(await readFile(join(root, `runs/${runId}.json`), "utf8"));
      expect(log.resumes).toEqual([expect.objectContaining({ kept_jobs: ["style_1_a", "style_2_b"] })]);

      // A run that succeeded has nothing left to resume.
      await expect(kroma.runs.resume(project.slug, runId)).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("only an interrupted, canceled, partial or failed run can be resumed"),
      });
    } finally {
      await server.close();
      await held.close();
    }
  });
});
