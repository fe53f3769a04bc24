import { createKromaClient, KromaApiError } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Choosing and approving over real HTTP, through the SDK as a client would: another candidate
// becomes a job's final, a final is approved or rejected with a note, a decision is undone, and
// every decision is in the job's review history and the audit log.

let images: ImagesServer;
const imagesUrl = { value: "" };
const api = useTestServer({
  agentDispatch: false,
  projects: ["Review"],
  runExecution: {
    openaiApiKey: "sk-test-review",
    get openaiBaseUrl() {
      return `${imagesUrl.value}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});
const kroma = () => createKromaClient({ baseUrl: api.server.url });

beforeAll(async () => {
  images = await startImagesServer();
  imagesUrl.value = images.url;
  const { storage } = await expectOk(api.client.GET("/api/projects/{slug}", inProject("review")));
  await putScenes(storage.local.project_root, ["scenes/alley.png", "scenes/bridge.png"]);
});
afterAll(() => images.close());

/** A finished paid run of both scenes with 3 candidates each; bridge's third candidate is refused. */
async function reviewedRun() {
  images.reset();
  images.script(({ images: files, sceneAttempt }) =>
    files[0] === "bridge.png" && sceneAttempt === 2 ? { status: 400, message: "Invalid image" } : { image: "gray" },
  );
  const { pipeline_trigger } = await kroma().runs.trigger("review", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/alley.png", "scenes/bridge.png"],
    candidates: 3,
  });
  const { run } = await kroma().runs.wait("review", pipeline_trigger.run_id);
  expect(run.status).toBe("succeeded");
  const { jobs } = await kroma().runs.jobs("review", run.id);
  const [alley, bridge] = jobs;
  if (!alley || !bridge) throw new Error("expected two jobs");
  return { runId: run.id, alley, bridge };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: KromaApiError) => ({ status: error.status, code: error.code, message: error.message }),
  );

describe("reviewing a run's jobs", () => {
  it("select -> approve -> undo -> approve leaves a four-entry history, each decision audited", async () => {
    const { runId, alley } = await reviewedRun();
    expect(alley).toMatchObject({ selected_candidate_index: 1, review_state: "pending" });
    const firstFinal = alley.final_asset_id;

    const selected = await kroma().runs.select("review", runId, alley.id, 3, { note: "cleaner sky" });
    expect(selected.job).toMatchObject({ selected_candidate_index: 3, review_state: "pending" });
    const third = selected.job.candidates.find((c) => c.candidate_index === 3);
    expect(selected.job.final_asset_id).toBe(third?.output_asset_id);
    expect(selected.job.final_output).toBe(third?.output_path);
    // The previous final stays in the records, now as a candidate.
    expect((await kroma().assets.get("review", firstFinal ?? "")).asset.asset_kind).toBe("candidate");
    expect((await kroma().assets.get("review", third?.output_asset_id ?? "")).asset.asset_kind).toBe("final");

    const approved = await kroma().runs.approve("review", runId, alley.id, { note: "ship it" });
    expect(approved.job.review_state).toBe("approved");
    const undone = await kroma().runs.undo("review", runId, alley.id, { note: "wrong one" });
    expect(undone.job).toMatchObject({ review_state: "pending", selected_candidate_index: 3 });
    await kroma().runs.approve("review", runId, alley.id, { note: "now sure" });

    const { history, count } = await kroma().runs.reviewHistory("review", runId, alley.id);
    expect(count).toBe(4);
    expect(history.map((e) => [e.seq, e.action, e.previous_state, e.state, e.candidate_index, e.note])).toEqual([
      [1, "select", "pending", "pending", 3, "cleaner sky"],
      [2, "approve", "pending", "approved", 3, "ship it"],
      [3, "undo", "approved", "pending", 3, "wrong one"],
      [4, "approve", "pending", "approved", 3, "now sure"],
    ]);
    expect(history[0]?.previous_candidate_index).toBe(1);
    const sha = (await kroma().assets.get("review", third?.output_asset_id ?? "")).asset.sha256;
    expect(new Set(history.map((e) => e.candidate_sha256))).toEqual(new Set([sha]));

    // Every entry names its audit event, which says what was decided, by whom and why.
    const audit = await api.server.db
      .selectFrom("audit_events")
      .selectAll()
      .where("target_id", "=", alley.id)
      .orderBy("created_at")
      .execute();
    expect(audit.map((event) => event.action)).toEqual(["job.select", "job.approve", "job.undo", "job.approve"]);
    expect(history.map((e) => e.audit_id)).toEqual(audit.map((event) => event.id));
    expect(JSON.parse(audit[0]?.detail_json ?? "{}")).toMatchObject({
      why: "cleaner sky",
      replaced: { state: "pending", candidate_index: 1 },
      candidate_index: 3,
    });
  });

  it("undoing a select brings the previous final back", async () => {
    const { runId, alley } = await reviewedRun();
    await kroma().runs.select("review", runId, alley.id, 2);
    const { job } = await kroma().runs.undo("review", runId, alley.id);
    expect(job).toMatchObject({ selected_candidate_index: 1, final_asset_id: alley.final_asset_id });
  });

  it("filters jobs by review state and counts the run's progress", async () => {
    const { runId, alley, bridge } = await reviewedRun();
    await kroma().runs.reject("review", runId, bridge.id, { note: "halo on the rail" });
    const rejected = await kroma().runs.jobs("review", runId, { review: "rejected" });
    expect(rejected.jobs.map((job) => job.id)).toEqual([bridge.id]);
    expect(rejected.review_progress).toEqual({ total: 2, decided: 1, approved: 0, rejected: 1, pending: 1 });
    const pending = await kroma().runs.jobs("review", runId, { review: "pending" });
    expect(pending.jobs.map((job) => job.id)).toEqual([alley.id]);
  });

  it("refuses a candidate without an image, an unknown one, and an undo with nothing to undo", async () => {
    const { runId, bridge } = await reviewedRun();
    expect(await refusal(kroma().runs.select("review", runId, bridge.id, 3))).toMatchObject({
      status: 409,
      message: expect.stringContaining("has no image (failed)"),
    });
    expect(await refusal(kroma().runs.select("review", runId, bridge.id, 5))).toMatchObject({ status: 404 });
    expect(await refusal(kroma().runs.undo("review", runId, bridge.id))).toMatchObject({ status: 409 });
    expect(await refusal(kroma().runs.approve("review", runId, "job_missing"))).toMatchObject({ status: 404 });
    // Nothing was recorded by the refusals.
    expect((await kroma().runs.reviewHistory("review", runId, bridge.id)).count).toBe(0);
  });

  it("an approved final becomes the scene's baseline; replacing one needs replace_baseline", async () => {
    const first = await reviewedRun();
    const set = await kroma().runs.approve("review", first.runId, first.alley.id, { baseline: true });
    expect(set.baseline).toMatchObject({ scene: "scenes/alley.png", asset_id: first.alley.final_asset_id });
    expect(set.replaced_baseline).toBeNull();

    const second = await reviewedRun();
    const refused = await refusal(kroma().runs.approve("review", second.runId, second.alley.id, { baseline: true }));
    expect(refused).toMatchObject({ status: 409, message: expect.stringContaining("replace_baseline") });
    expect(second.alley.review_state).toBe("pending");

    const replaced = await kroma().runs.approve("review", second.runId, second.alley.id, {
      baseline: true,
      replace_baseline: true,
    });
    expect(replaced.baseline?.asset_id).toBe(second.alley.final_asset_id);
    expect(replaced.replaced_baseline?.asset_id).toBe(first.alley.final_asset_id);

    // Undoing the replacement restores the first baseline.
    await kroma().runs.undo("review", second.runId, second.alley.id);
    const baseline = await api.server.db.selectFrom("scene_baselines").selectAll().execute();
    expect(baseline.map((row) => [row.scene, row.asset_id])).toEqual([["scenes/alley.png", first.alley.final_asset_id]]);
  });
});
