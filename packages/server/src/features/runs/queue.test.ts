import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, type RunEvent } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { localS3Credentials, startLocalS3 } from "@kroma/testkit/local-s3";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

let images: ImagesServer;
const imagesUrl = { value: "" };
const api = useTestServer({
  agentDispatch: false,
  projects: ["Queue"],
  runExecution: {
    openaiApiKey: "sk-test-queue",
    // Read when a run starts, after beforeAll started the stand-in.
    get openaiBaseUrl() {
      return `${imagesUrl.value}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});
let root = "";
const kroma = () => createKromaClient({ baseUrl: api.server.url });

beforeAll(async () => {
  images = await startImagesServer();
  imagesUrl.value = images.url;
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("queue")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});
afterAll(() => images.close());
beforeEach(() => {
  images.reset();
  images.script(() => ({ image: "gray" }));
});

/** Every event of a run's stream, until its `done` event. */
async function collect(runId: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of kroma().runs.events("queue", runId)) events.push(event);
  return events;
}

/** A paid run of the three scenes, slow enough (with the script's delay) to act on while it runs. */
const onRun = (runId: string) => ({ params: { path: { slug: "queue", runId } } });
const runTotal = async () => (await expectOk(api.client.GET("/api/projects/{slug}/runs", inProject("queue")))).total;

const triggerThreeScenes = () =>
  kroma().runs.trigger("queue", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png", "scenes/b.png", "scenes/c.png"],
  });

describe("POST /runs/trigger", () => {
  it("queues a paid run, runs it against the images API and streams its progress to one done event", async () => {
    const body = await expectOk(
      api.client.POST("/api/projects/{slug}/runs/trigger", {
        ...inProject("queue"),
        body: { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png", "scenes/b.png"], candidates: 2 },
      }),
    );
    const runId = body.pipeline_trigger.run_id;
    expect(body.pipeline_trigger).toMatchObject({
      status: "queued",
      mode: "run",
      run: { id: runId, status: "queued" },
    });

    const events = await collect(runId);
    expect(events.filter((event) => event.type === "done")).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: "done", status: "succeeded", summary: { jobs: 2, done: 2 } });
    const progress = events.filter((event) => event.type === "progress");
    expect(progress.filter((event) => event.phase === "request")).toHaveLength(4);
    expect(progress.filter((event) => event.phase === "job_done").map((event) => event.job)).toEqual([
      "style_1_a",
      "style_2_b",
    ]);
    expect(images.requests).toHaveLength(4);

    const { run, jobs } = await kroma().runs.get("queue", runId);
    expect(run).toMatchObject({ status: "succeeded", run_log_path: `runs/${runId}.json` });
    expect(run.started_at).not.toBeNull();
    expect(jobs.map((job) => job.status)).toEqual(["done", "done"]);
    expect(JSON.parse(await readFile(join(root, `runs/${runId}.json`), "utf8")).run_id).toBe(runId);
    // The stream of a finished run answers with its done event at once.
    expect(await collect(runId)).toEqual([expect.objectContaining({ type: "done", status: "succeeded" })]);
  });

  it("runs a dry run (the default mode) without touching the images API", async () => {
    const { pipeline_trigger } = await kroma().runs.trigger("queue", { input: "scenes" });
    const { run, jobs } = await kroma().runs.wait("queue", pipeline_trigger.run_id);
    expect(run).toMatchObject({ run_mode: "dry", status: "succeeded" });
    expect(jobs.map((job) => job.job_key)).toEqual(["style_1_a", "style_2_b", "style_3_c"]);
    expect(images.requests).toHaveLength(0);
  });

  it("refuses bad requests with a 400 naming the field, and queues nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scene_refs: ["scenes/a.png"], project_root: "/tmp" }, "Field 'project_root' is not accepted"],
      [{ mode: "run", scene_refs: ["scenes/a.png"] }, "Run mode requires explicit spend confirmation"],
      [{ scene_refs: ["scenes/a.png"], time: "night" }, "Field 'time' requires stage 'time' or 'weather'"],
      [{ input: "scenes", scene_refs: ["scenes/a.png"] }, "Provide only one of: input, scene_refs"],
      [{ input: "../../etc" }, "input"],
      [{ scene_refs: ["scenes/missing.png"] }, "scenes/missing.png"],
      [{ scene_refs: ["scenes/a.png"], candidates: 9 }, "candidates"],
      [{ scene_refs: ["scenes/a.png"], storage_sync_s3: true }, "S3 sync is not enabled for project 'queue'"],
    ];
    const before = await runTotal();
    // Untyped: some of these bodies carry fields or values the spec refuses, which is the point.
    for (const [body, message] of cases) {
      const response = await api.call("POST", "/api/projects/queue/runs/trigger", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toContain(message);
    }
    expect(await runTotal()).toBe(before);
  });

  it("refuses size 768x1152 on gpt-image-1 with a 400 naming size and the sizes it accepts, before any request", async () => {
    const before = await runTotal();
    for (const mode of ["run", "dry"] as const) {
      const response = await api.call("POST", "/api/projects/queue/runs/trigger", {
        mode,
        confirm_spend: true,
        scene_refs: ["scenes/a.png"],
        model: "gpt-image-1",
        size: "768x1152",
      });
      expect(response.status, mode).toBe(400);
      expect(response.body).toMatchObject({
        ok: false,
        error_code: "validation_error",
        error:
          "Image settings not accepted: size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, 1024x1536, 1536x1024, auto",
        details: { field: "size" },
      });
    }
    const unknown = await api.call("POST", "/api/projects/queue/runs/trigger", {
      scene_refs: ["scenes/a.png"],
      model: "dall-e-3",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain("the supported models are gpt-image-1, gpt-image-1-mini, gpt-image-1.5");
    expect(await runTotal()).toBe(before);
    expect(images.requests).toHaveLength(0);
  });

  it("runs with the trigger's own model, size and quality, recorded on the run", async () => {
    const { pipeline_trigger } = await kroma().runs.trigger("queue", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
      candidates: 1,
      model: "gpt-image-1-mini",
      size: "1536x1024",
      quality: "low",
    });
    const { run } = await kroma().runs.wait("queue", pipeline_trigger.run_id);
    expect(run).toMatchObject({ status: "succeeded", model_name: "gpt-image-1-mini", image_size: "1536x1024" });
    // gpt-image-1-mini takes no input_fidelity: none is sent.
    expect(images.requests.map((request) => request.fields)).toEqual([
      expect.objectContaining({ model: "gpt-image-1-mini", size: "1536x1024", quality: "low" }),
    ]);
    expect(images.requests[0]?.fields.input_fidelity).toBeUndefined();
    const log = JSON.parse(await readFile(join(root, `runs/${run.id}.json`), "utf8"));
    expect(log).toMatchObject({
      model: "gpt-image-1-mini",
      size: "1536x1024",
      quality: "low",
      cost_estimate_usd: 0.006,
    });
  });
});

describe("GET /runs/{runId}/events", () => {
  /** The `id:` of each server-sent event read from `response` until `stopAfter` ids (or the end). */
  async function readIds(response: Response, stopAfter = Number.POSITIVE_INFINITY): Promise<number[]> {
    const ids: number[] = [];
    const decoder = new TextDecoder();
    let text = "";
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      ids.splice(0, ids.length, ...[...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1])));
      if (ids.length >= stopAfter) break;
    }
    return ids;
  }

  it("resumes a dropped stream from Last-Event-ID without losing or repeating an event", async () => {
    images.script(() => ({ image: "gray", delayMs: 120 }));
    const { pipeline_trigger } = await triggerThreeScenes();
    const url = `${api.server.url}/api/projects/queue/runs/${pipeline_trigger.run_id}/events`;
    const first = new AbortController();
    const before = await readIds(await fetch(url, { signal: first.signal }), 2);
    first.abort();
    const last = before.at(-1) as number;
    const after = await readIds(await fetch(url, { headers: { "last-event-id": String(last) } }));
    expect(after[0]).toBe(last + 1);
    expect(after).toEqual(after.map((_, i) => last + 1 + i));
    const { run } = await kroma().runs.get("queue", pipeline_trigger.run_id);
    expect(run.status).toBe("succeeded");
  });
});

describe("storage_sync_s3", () => {
  it("uploads the project's files to its S3 storage once the run is recorded", async () => {
    const s3 = await startLocalS3({ bucket: "kroma-runs" });
    try {
      await expectOk(
        api.client.PUT("/api/projects/{slug}/storage/s3", {
          ...inProject("queue"),
          body: { enabled: true, bucket: s3.bucket, endpoint_url: s3.endpoint, region: "us-east-1" },
        }),
      );
      for (const [secret_name, secret_value] of [
        ["access_key_id", localS3Credentials.accessKeyId],
        ["secret_access_key", localS3Credentials.secretAccessKey],
      ] as const) {
        await expectOk(
          api.client.POST("/api/projects/{slug}/secrets", {
            ...inProject("queue"),
            body: { provider_code: "aws", secret_name, secret_value },
          }),
        );
      }
      const { pipeline_trigger } = await kroma().runs.trigger("queue", {
        scene_refs: ["scenes/a.png"],
        storage_sync_s3: true,
      });
      const { run } = await kroma().runs.wait("queue", pipeline_trigger.run_id);
      expect(run).toMatchObject({ status: "succeeded", error: null });
      const uploaded = s3.events.map((event) => event.key);
      expect(uploaded).toContain(`kroma-projects/queue/runs/${run.id}.json`);
      expect(uploaded).toContain("kroma-projects/queue/scenes/a.png");
    } finally {
      await api.client.PUT("/api/projects/{slug}/storage/s3", { ...inProject("queue"), body: { enabled: false } });
      await s3.destroy();
    }
  });
});

describe("POST /runs/{runId}/cancel", () => {
  it("stops a running run before its next request and records it canceled", async () => {
    images.script(() => ({ image: "gray", delayMs: 150 }));
    const { pipeline_trigger } = await triggerThreeScenes();
    const runId = pipeline_trigger.run_id;
    const events: RunEvent[] = [];
    for await (const event of kroma().runs.events("queue", runId)) {
      events.push(event);
      if (event.type === "progress" && event.phase === "job_done") {
        const { run } = await kroma().runs.cancel("queue", runId);
        expect(run.status).toBe("canceling");
      }
    }
    expect(events.at(-1)).toMatchObject({ type: "done", status: "canceled" });
    expect(events.some((event) => event.type === "status" && event.status === "canceling")).toBe(true);
    expect(images.requests.length).toBeLessThan(3);
    const { run, jobs } = await kroma().runs.get("queue", runId);
    expect(run.status).toBe("canceled");
    expect(jobs.at(-1)?.status).toBe("canceled");
    const log = JSON.parse(await readFile(join(root, `runs/${runId}.json`), "utf8"));
    expect(log.status).toBe("canceled");

    // A finished run cannot be canceled.
    const again = await api.client.POST("/api/projects/{slug}/runs/{runId}/cancel", onRun(runId));
    expect(again.response.status).toBe(409);
    expect(again.error?.error).toContain("is canceled");
  });

  it("cancels a queued run at once; it never starts", async () => {
    images.script(() => ({ image: "gray", delayMs: 200 }));
    const first = await kroma().runs.trigger("queue", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
    });
    const second = await kroma().runs.trigger("queue", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/b.png"],
    });
    const secondId = second.pipeline_trigger.run_id;
    const { run } = await kroma().runs.cancel("queue", secondId);
    expect(run.status).toBe("canceled");
    expect(await collect(secondId)).toEqual([expect.objectContaining({ type: "done", status: "canceled" })]);
    await kroma().runs.wait("queue", first.pipeline_trigger.run_id);
    expect(images.requests.map((request) => request.images[0])).toEqual(["a.png"]);
    expect(existsSync(join(root, `runs/${secondId}.json`))).toBe(false);
  });

  it("answers 404 for an unknown run and 409 when resuming a run that was not interrupted", async () => {
    const cancelMissing = await api.client.POST("/api/projects/{slug}/runs/{runId}/cancel", onRun("run_nope"));
    expect(cancelMissing.response.status).toBe(404);
    const { runs } = await kroma().runs.list("queue", { status: "succeeded" });
    const done = runs[0]?.id ?? "";
    const resumed = await api.client.POST("/api/projects/{slug}/runs/{runId}/resume", onRun(done));
    expect(resumed.response.status).toBe(409);
    expect(resumed.error?.error).toContain("only an interrupted, canceled, partial or failed run can be resumed");
    const eventsMissing = await api.client.GET("/api/projects/{slug}/runs/{runId}/events", onRun("run_nope"));
    expect(eventsMissing.response.status).toBe(404);
  });
});
