import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes, runRow } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A trigger's answer carries the run's spend estimate (from the model table, before anything is
// sent), and `max_spend_usd` refuses a run over it with a 400, queueing and sending nothing.

const paid = usePaidTestServer({ projects: ["Spend"], apiKey: "sk-test-spend" });
const api = paid.api;
let root = "";
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const runTotal = async () => (await expectOk(api.client.GET("/api/projects/{slug}/runs", inProject("spend")))).total;
const settingsFile = () => join(root, ".kroma", "pipeline.settings.json");

beforeAll(async () => {
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("spend")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});

async function finished(runId: string): Promise<string> {
  let status = "";
  for await (const event of kroma().runs.events("spend", runId)) status = event.status;
  return status;
}

describe("a trigger's spend estimate", () => {
  it("answers a dry and a paid trigger with the estimate, and the dry log records the same", async () => {
    const body = { scene_refs: ["scenes/a.png", "scenes/b.png", "scenes/c.png"], candidates: 2 };
    const dry = (await kroma().runs.trigger("spend", body)).pipeline_trigger;
    // The server's defaults: gpt-image-1 1024x1024 medium, $0.042 an image.
    expect(dry.spend_estimate).toMatchObject({
      requests: 6,
      images: 6,
      per_image_usd: 0.042,
      images_usd: 0.252,
      postprocess: [],
      total_usd: 0.252,
    });
    expect(await finished(dry.run_id)).toBe("succeeded");
    const log = JSON.parse(await readFile(join(root, "runs", `${dry.run_id}.json`), "utf8"));
    expect(log.spend_estimate).toEqual(dry.spend_estimate);

    const run = (
      await kroma().runs.trigger("spend", {
        ...body,
        mode: "run",
        confirm_spend: true,
        candidates: 1,
        max_spend_usd: 0.2,
      })
    ).pipeline_trigger;
    expect(run.spend_estimate).toMatchObject({ requests: 3, total_usd: 0.126 });
    expect(await finished(run.run_id)).toBe("succeeded");
    expect(paid.images.requests).toHaveLength(3);
  });

  it("refuses max_spend_usd below the estimate with a 400 naming the field: nothing queued, nothing sent", async () => {
    const before = await runTotal();
    const sent = paid.images.requests.length;
    for (const mode of ["dry", "run"] as const) {
      const response = await api.call("POST", "/api/projects/spend/runs/trigger", {
        mode,
        confirm_spend: true,
        scene_refs: ["scenes/a.png", "scenes/b.png"],
        candidates: 3,
        max_spend_usd: 0.2,
      });
      expect(response.status, mode).toBe(400);
      expect(response.body).toMatchObject({
        ok: false,
        error_code: "validation_error",
        error: "Refused: estimated $0.252 exceeds --max-spend $0.200 by $0.052 (max_spend_usd); nothing was sent",
        details: { field: "max_spend_usd" },
      });
    }
    const zero = await api.call("POST", "/api/projects/spend/runs/trigger", {
      scene_refs: ["scenes/a.png"],
      max_spend_usd: 0,
    });
    expect(zero.status).toBe(400);
    expect(await runTotal()).toBe(before);
    expect(paid.images.requests).toHaveLength(sent);
  });

  it("counts the project's paid post-processing, and refuses a ceiling it cannot price (PhotoRoom)", async () => {
    await mkdir(join(root, ".kroma"), { recursive: true });
    await writeFile(
      settingsFile(),
      JSON.stringify({
        pipeline: { postprocess: { bg_remove: true, bg_remove_backends: ["photoroom"], bg_refine_openai: true } },
      }),
    );
    try {
      const body = { scene_refs: ["scenes/a.png"], candidates: 2 };
      const dry = (await kroma().runs.trigger("spend", body)).pipeline_trigger;
      expect(dry.spend_estimate).toMatchObject({
        images_usd: 0.084,
        postprocess: [
          { stage: "bg_remove", backend: "photoroom", calls: 2, usd: null },
          { stage: "bg_refine_openai", backend: "openai", calls: 2, usd: 0.084 },
        ],
        total_usd: null,
      });
      expect(await finished(dry.run_id)).toBe("succeeded");
      const before = await runTotal();
      const response = await api.call("POST", "/api/projects/spend/runs/trigger", { ...body, max_spend_usd: 10 });
      expect(response.status).toBe(400);
      expect(response.body.details).toMatchObject({ field: "max_spend_usd" });
      expect(response.body.error).toContain("bg_remove (photoroom: no price in the model table) not priced");
      expect(await runTotal()).toBe(before);
    } finally {
      await rm(settingsFile(), { force: true });
    }
  });
});

describe("max_spend_usd when the run starts", () => {
  it("is kept with the queued run and checked again against the estimate when it executes", async () => {
    paid.images.reset();
    const { project } = await kroma().projects.get("spend");
    // As another server (or a bundle) would leave it: a paid run whose ceiling is now too low.
    await api.server.db
      .insertInto("runs")
      .values(
        runRow({
          id: "run_ceiling",
          project_id: project.id,
          run_mode: "run",
          status: "interrupted",
          request_json: JSON.stringify({ scene_refs: ["scenes/a.png"], max_spend_usd: 0.01 }),
        }),
      )
      .execute();
    await kroma().runs.resume("spend", "run_ceiling");
    expect(await finished("run_ceiling")).toBe("failed");
    const { run } = await kroma().runs.get("spend", "run_ceiling");
    expect(run.error).toContain("exceeds --max-spend $0.010");
    expect(paid.images.requests).toHaveLength(0);
  });
});
