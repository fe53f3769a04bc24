import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultManifest, defaultPipelineSettings, executeRun, type PaidRunLog, planDryRun } from "@kroma/pipeline";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { paidRunSettings, putScenes, runTablesDigest } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRunLog, ingestRunLogFile } from "./ingest.js";

const api = useTestServer({ agentDispatch: false, projects: ["Ingest", "Elsewhere"] });
let images: ImagesServer;
let root = "";
let projectId = "";
let paid: { runLog: PaidRunLog; runLogPath: string };

beforeAll(async () => {
  images = await startImagesServer();
  const body = await expectOk(api.client.GET("/api/projects/{slug}", inProject("ingest")));
  root = body.storage.local.project_root;
  projectId = body.project.id;
  await putScenes(root, ["scenes/alley.png", "scenes/bridge.png"]);
  // alley: c1 colourful (fails the guard), c2 gray -> c2 selected; bridge: c1 gray, c2 fails for good.
  images.script(({ images: files, sceneAttempt }) => {
    if (files[0] === "alley.png") return { image: sceneAttempt === 0 ? "color" : "gray", usage: { total_tokens: 10 } };
    return sceneAttempt === 0 ? { image: "gray" } : { status: 400, message: "bad prompt" };
  });
  paid = await executeRun({
    projectSlug: "ingest",
    projectRoot: root,
    manifest: { ...defaultManifest, output_guard: { ...defaultManifest.output_guard, enforce_grayscale: true } },
    request: { scene_refs: "scenes/alley.png,scenes/bridge.png", candidates: 2 },
    ...paidRunSettings(images.url, "sk-test-ingest"),
  });
});
afterAll(() => images.close());

const onRun = (runId: string) => ({ params: { path: { slug: "ingest", runId } } });
const getRun = (runId: string) => expectOk(api.client.GET("/api/projects/{slug}/runs/{runId}", onRun(runId)));
const runJobs = (runId: string) => expectOk(api.client.GET("/api/projects/{slug}/runs/{runId}/jobs", onRun(runId)));
const runAssets = (runId: string) =>
  expectOk(
    api.client.GET("/api/projects/{slug}/assets", { params: { path: { slug: "ingest" }, query: { run_id: runId } } }),
  );
const qualityReports = (query: { run_id: string; grade?: "fail" }) =>
  expectOk(api.client.GET("/api/projects/{slug}/quality-reports", { params: { path: { slug: "ingest" }, query } }));

const ingestPaid = () =>
  ingestRunLogFile(api.server.db, { projectId, projectSlug: "ingest", projectRoot: root, path: paid.runLogPath });

describe("ingest of a paid run log", () => {
  it("writes the run, jobs, candidates, assets, quality reports and cost events; again changes nothing", async () => {
    const first = await ingestPaid();
    expect(first).toMatchObject({
      run_id: paid.runLog.run_id,
      changed: true,
      // 2 jobs x 2 candidates; assets: the 3 generated candidates' own files (bridge c2 failed), the
      // chosen one of each job being its final. One cost event per job: alley generated 2 images, bridge 1.
      counts: { jobs: 2, candidates: 4, assets: 3, quality_reports: 3, cost_events: 2 },
    });
    const before = await runTablesDigest(api.server.db);
    const second = await ingestPaid();
    expect(second.changed).toBe(false);
    expect(await runTablesDigest(api.server.db)).toBe(before);
  });

  it("serves them over HTTP in the shapes API.md gives", async () => {
    const runId = paid.runLog.run_id;
    const list = await expectOk(api.client.GET("/api/projects/{slug}/runs", inProject("ingest")));
    expect(list).toMatchObject({ ok: true, count: 1, total: 1 });
    expect(list.runs[0]).toMatchObject({
      id: runId,
      project_id: projectId,
      run_mode: "run",
      status: "succeeded",
      stage: "style",
      model_name: "gpt-image-1",
      provider_code: "openai",
      image_size: "1024x1024",
      image_quality: "medium",
      run_log_path: `runs/${runId}.json`,
      summary_json: { jobs: 2, done: 2, failed_guard: 0, candidates_generated: 3, candidates_failed: 1 },
    });

    const detail = await getRun(runId);
    const [alley, bridge] = detail.jobs;
    if (!alley || !bridge) throw new Error("expected two jobs");
    expect(alley).toMatchObject({ job_key: "style_1_alley", status: "done", selected_candidate_index: 2 });
    expect(alley.candidates.map((c) => c.status)).toEqual(["generated", "generated"]);
    expect(alley.candidates[1]).toMatchObject({
      candidate_index: 2,
      final_asset_id: alley.final_asset_id,
      final_output_path: `outputs/${runId}/style_1_alley__c2.png`,
      output_asset_id: alley.final_asset_id,
      rank_hard_failures: 0,
    });
    expect(alley.candidates[0]).toMatchObject({ final_asset_id: null, rank_hard_failures: 1 });
    expect(bridge).toMatchObject({ job_key: "style_2_bridge", selected_candidate_index: 1 });
    expect(bridge.candidates[1]).toMatchObject({ status: "failed", output_asset_id: null });

    const jobs = await runJobs(runId);
    expect(jobs).toMatchObject({ ok: true, run_id: runId, count: 2 });
    expect(jobs.jobs).toEqual(detail.jobs);

    const finalAsset = await expectOk(
      api.client.GET("/api/projects/{slug}/assets/{assetId}", {
        params: { path: { slug: "ingest", assetId: alley.final_asset_id ?? "" } },
      }),
    );
    const onDisk = await readFile(join(root, `outputs/${runId}/style_1_alley__c2.png`));
    const { createHash } = await import("node:crypto");
    expect(finalAsset.asset).toMatchObject({
      kind: "image",
      asset_kind: "final",
      rel_path: `outputs/${runId}/style_1_alley__c2.png`,
      mime_type: "image/png",
      width: 64,
      height: 48,
      sha256: createHash("sha256").update(onDisk).digest("hex"),
      run_id: runId,
      job_id: alley.id,
    });

    const reports = await qualityReports({ run_id: runId, grade: "fail" });
    expect(reports.count).toBe(1);
    expect(reports.quality_reports[0]).toMatchObject({
      report_type: "output_guard",
      grade: "fail",
      hard_failures: 1,
      asset_id: alley.candidates[0]?.output_asset_id,
    });

    const costs = await expectOk(api.client.GET("/api/projects/{slug}/cost-events", inProject("ingest")));
    expect(costs).toMatchObject({ count: 2, total: 2, total_cost_usd: 0.126 });
    const byJob = Object.fromEntries(costs.cost_events.map((e) => [e.job_id, e]));
    expect(byJob[alley.id]).toMatchObject({
      provider_code: "openai",
      model_name: "gpt-image-1",
      event_type: "image_generation",
      units: 2,
      unit_cost_usd: 0.042,
      total_cost_usd: 0.084,
      currency: "USD",
      // The stand-in's usage here has no token counts: the recorded cost is unknown, not 0.
      meta_json: { job_key: "style_1_alley", candidates: [1, 2], total_tokens: 20, recorded_cost_usd: null },
    });
    expect(byJob[bridge.id]).toMatchObject({ units: 1, total_cost_usd: 0.042 });
  });

  it("serves them through @kroma/sdk", async () => {
    const kroma = createKromaClient({ baseUrl: api.server.url });
    const runId = paid.runLog.run_id;
    expect((await kroma.runs.list("ingest", { mode: "run" })).runs.map((run) => run.id)).toEqual([runId]);
    const { jobs } = await kroma.runs.jobs("ingest", runId);
    expect(jobs.flatMap((job) => job.candidates)).toHaveLength(4);
    const { assets, total } = await kroma.assets.list("ingest", { run_id: runId, asset_kind: "final" });
    expect(total).toBe(2);
    expect((await kroma.assets.get("ingest", assets[0]?.id ?? "")).asset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await kroma.qualityReports.list("ingest", { grade: "pass" })).count).toBe(2);
    expect((await kroma.costEvents.list("ingest", { run_id: runId })).total_cost_usd).toBe(0.126);
    await expect(kroma.runs.get("ingest", "run_missing")).rejects.toMatchObject({ status: 404 });
    // Another project sees none of it.
    expect((await kroma.assets.list("elsewhere")).count).toBe(0);
    await expect(kroma.runs.get("elsewhere", runId)).rejects.toMatchObject({ status: 404 });
  });
});

describe("ingest of a dry run log", () => {
  it("records planned jobs and candidates and no assets", async () => {
    const { runLog } = await planDryRun({
      projectSlug: "ingest",
      projectRoot: root,
      resolvedFromBackend: true,
      manifest: defaultManifest,
      request: { scene_refs: "scenes/alley.png", candidates: 3 },
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "medium",
      postprocess: {},
    });
    const result = await ingestRunLog(api.server.db, {
      projectId,
      projectSlug: "ingest",
      projectRoot: root,
      log: runLog,
    });
    expect(result.counts).toMatchObject({ jobs: 1, candidates: 3, assets: 0 });
    const body = await getRun(runLog.run_id);
    expect(body.run).toMatchObject({ run_mode: "dry", status: "succeeded" });
    expect(body.jobs[0]).toMatchObject({ status: "planned", final_asset_id: null });
    expect(body.jobs[0]?.candidates.map((c) => c.output_path)).toEqual([
      `outputs/${runLog.run_id}/style_1_alley__c1.png`,
      `outputs/${runLog.run_id}/style_1_alley__c2.png`,
      `outputs/${runLog.run_id}/style_1_alley__c3.png`,
    ]);
  });
});

describe("ingest refuses bad logs and writes nothing", () => {
  it("refuses a log that is not a run log, names the problem, and leaves the tables as they were", async () => {
    const before = await runTablesDigest(api.server.db);
    const broken = { ...paid.runLog, run_id: "run_broken", status: "finished" };
    await expect(
      ingestRunLog(api.server.db, { projectId, projectSlug: "ingest", projectRoot: root, log: broken }),
    ).rejects.toThrow("Field 'status' must be one of");
    expect(await runTablesDigest(api.server.db)).toBe(before);
  });

  it("refuses a log of another project", async () => {
    await expect(
      ingestRunLog(api.server.db, { projectId, projectSlug: "elsewhere", projectRoot: root, log: paid.runLog }),
    ).rejects.toThrow("is for project 'ingest', not 'elsewhere'");
  });

  it("updates in place when a newer log of the same run arrives", async () => {
    const runLog = structuredClone(paid.runLog);
    runLog.jobs = runLog.jobs.slice(0, 1);
    const result = await ingestRunLog(api.server.db, {
      projectId,
      projectSlug: "ingest",
      projectRoot: root,
      log: runLog,
    });
    expect(result.changed).toBe(true);
    const body = await runJobs(runLog.run_id);
    expect(body.jobs.map((job) => job.job_key)).toEqual(["style_1_alley"]);
    expect((await runAssets(runLog.run_id)).total).toBe(2);
    // Back to the full log: the rows come back with the same ids.
    await ingestPaid();
    expect((await runJobs(runLog.run_id)).count).toBe(2);
    expect(existsSync(paid.runLogPath)).toBe(true);
  });
});

describe("ingest of a run with post-processing", () => {
  it("records each stage's file as an asset derived from the one before it", async () => {
    images.reset();
    images.script(() => ({ image: "gray" }));
    const { runLog, runLogPath } = await executeRun({
      projectSlug: "ingest",
      projectRoot: root,
      manifest: defaultManifest,
      request: { scene_refs: "scenes/bridge.png" },
      ...paidRunSettings(images.url, "sk-test-ingest"),
      postprocess: { settings: { ...defaultPipelineSettings.postprocess, upscale: true, color: true } },
    });
    await ingestRunLogFile(api.server.db, { projectId, projectSlug: "ingest", projectRoot: root, path: runLogPath });
    const runId = runLog.run_id;
    const body = await runAssets(runId);
    const byKind = Object.fromEntries(body.assets.map((asset) => [asset.asset_kind, asset]));
    expect(Object.keys(byKind).sort()).toEqual(["color", "final", "upscale"]);
    const { final, upscale, color } = byKind;
    if (!final || !upscale || !color) throw new Error("expected final, upscale and color assets");
    expect(upscale).toMatchObject({ rel_path: `upscaled/${runId}/style_1_bridge_x2.png`, width: 128, height: 96 });
    expect(color.rel_path).toBe(`color_corrected/${runId}/style_1_bridge_x2_neutral.png`);

    const links = await expectOk(
      api.client.GET("/api/projects/{slug}/asset-links", {
        params: { path: { slug: "ingest" }, query: { link_type: "derived_from" } },
      }),
    );
    const chain = links.asset_links.filter((link) => [upscale.id, color.id].includes(link.child_asset_id));
    const pairs = chain.map((link) => [link.parent_asset_id, link.child_asset_id]);
    expect(pairs.sort()).toEqual(
      [
        [final.id, upscale.id],
        [upscale.id, color.id],
      ].sort(),
    );
    // The guard's report is on the file it checked: the colour-corrected one.
    const reports = await qualityReports({ run_id: runId });
    expect(reports.quality_reports[0]?.asset_id).toBe(color.id);
  });
});
