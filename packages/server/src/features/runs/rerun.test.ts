import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

const paid = usePaidTestServer({ projects: ["Rerun"], apiKey: "sk-test-rerun" });
const api = paid.api;
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const runTotal = async () => (await expectOk(api.client.GET("/api/projects/{slug}/runs", inProject("rerun")))).total;
/** The scene each job of a run read, in plan order. */
const scenesOf = (jobs: { meta_json: Record<string, unknown> }[]) =>
  jobs.map((job) => (job.meta_json.input_images as string[])[0]);

beforeAll(async () => {
  const { storage } = await expectOk(api.client.GET("/api/projects/{slug}", inProject("rerun")));
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});
beforeEach(() => {
  paid.images.reset();
  paid.images.script(() => ({ image: "gray" }));
});

/** A finished paid run of the three scenes, in the trigger's own model settings. */
async function finishedRun(body: Record<string, unknown> = {}) {
  const { pipeline_trigger } = await kroma().runs.trigger("rerun", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png", "scenes/b.png", "scenes/c.png"],
    model: "gpt-image-1-mini",
    size: "1536x1024",
    quality: "low",
    ...body,
  });
  return kroma().runs.wait("rerun", pipeline_trigger.run_id);
}

describe("POST /runs/{runId}/rerun (rerunRun)", () => {
  it("makes a new run of exactly the chosen jobs' scenes, as the original was recorded, with retried_from", async () => {
    const original = await finishedRun({ stage: "time", time: "night" });
    const [, b, c] = original.jobs;
    paid.images.reset();
    // One job by its record id, one by its key (what a reviewer's rejection names).
    const { pipeline_trigger } = await kroma().runs.rerun("rerun", original.run.id, {
      job_ids: [b?.id ?? "", c?.job_key ?? ""],
      confirm_spend: true,
    });
    expect(pipeline_trigger).toMatchObject({
      status: "queued",
      mode: "run",
      run: { retried_from: original.run.id, stage: "time", time_of_day: "night" },
      spend_estimate: { requests: 2, images: 2 },
    });
    const rerun = await kroma().runs.wait("rerun", pipeline_trigger.run_id);
    expect(rerun.run).toMatchObject({
      status: "succeeded",
      retried_from: original.run.id,
      model_name: "gpt-image-1-mini",
      image_size: "1536x1024",
      image_quality: "low",
    });
    expect(scenesOf(rerun.jobs)).toEqual(["scenes/b.png", "scenes/c.png"]);
    expect(paid.images.requests.map((request) => request.images[0])).toEqual(["b.png", "c.png"]);
    expect(rerun.run.settings_snapshot_json).toMatchObject({
      output_guard: (original.run.settings_snapshot_json as Record<string, unknown>).output_guard,
    });
    // The original is as it was.
    expect((await kroma().runs.get("rerun", original.run.id)).run).toMatchObject({
      status: "succeeded",
      retried_from: null,
    });
  });

  it("jobs: failed reruns only the jobs that did not finish", async () => {
    paid.images.script(({ images: files }) =>
      files[0] === "b.png" ? { status: 400, message: "refused" } : { image: "gray" },
    );
    const original = await finishedRun();
    expect(original.run.status).toBe("partial");
    paid.images.script(() => ({ image: "gray" }));
    paid.images.reset();
    const { pipeline_trigger } = await kroma().runs.rerun("rerun", original.run.id, {
      jobs: "failed",
      confirm_spend: true,
    });
    const rerun = await kroma().runs.wait("rerun", pipeline_trigger.run_id);
    expect(rerun.run).toMatchObject({ status: "succeeded", retried_from: original.run.id });
    expect(scenesOf(rerun.jobs)).toEqual(["scenes/b.png"]);
    expect(paid.images.requests.map((request) => request.images[0])).toEqual(["b.png"]);
  });

  it("refuses unknown jobs, nothing failed, a paid rerun without confirm_spend and a spend ceiling, queuing nothing", async () => {
    const original = await finishedRun();
    const before = await runTotal();
    paid.images.reset();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ job_ids: ["job_nope", "style_9_z"], confirm_spend: true }, 400, "has no job(s) job_nope, style_9_z"],
      [{ jobs: "failed", confirm_spend: true }, 400, "has no failed, failed_guard or canceled job"],
      [{ jobs: "all" }, 400, "Run mode requires explicit spend confirmation"],
      [{ jobs: "all", job_ids: ["style_1_a"], confirm_spend: true }, 400, "Provide one of: jobs, job_ids"],
      [{}, 400, "Provide one of: jobs, job_ids"],
      [{ jobs: "all", confirm_spend: true, max_spend_usd: 0.001 }, 400, "max_spend_usd"],
    ];
    for (const [body, status, message] of cases) {
      const response = await api.call("POST", `/api/projects/rerun/runs/${original.run.id}/rerun`, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body, JSON.stringify(body)).toMatchObject({ ok: false, error: expect.stringContaining(message) });
    }
    const unknown = await api.call("POST", `/api/projects/rerun/runs/${original.run.id}/rerun`, {
      job_ids: ["job_nope"],
    });
    expect(unknown.body.details).toMatchObject({ field: "job_ids", unknown: ["job_nope"] });
    const missing = await api.call("POST", "/api/projects/rerun/runs/run_nope/rerun", { jobs: "all" });
    expect(missing.status).toBe(404);
    expect(await runTotal()).toBe(before);
    expect(paid.images.requests).toHaveLength(0);
  });

  it("reruns a dry run without confirm_spend, and records the rerun in the audit log", async () => {
    const { pipeline_trigger } = await kroma().runs.trigger("rerun", { input: "scenes" });
    const original = await kroma().runs.wait("rerun", pipeline_trigger.run_id);
    const rerun = await kroma().runs.rerun("rerun", original.run.id, { job_ids: ["style_1_a"] });
    const done = await kroma().runs.wait("rerun", rerun.pipeline_trigger.run_id);
    expect(done.run).toMatchObject({ run_mode: "dry", status: "succeeded", retried_from: original.run.id });
    expect(scenesOf(done.jobs)).toEqual(["scenes/a.png"]);
    const audit = await api.server.db
      .selectFrom("audit_events")
      .select(["target_id", "detail_json"])
      .where("action", "=", "run.rerun")
      .execute();
    expect(audit).toContainEqual({
      target_id: done.run.id,
      detail_json: JSON.stringify({ mode: "dry", retried_from: original.run.id }),
    });
  });
});
