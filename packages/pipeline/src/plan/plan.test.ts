import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { digestFile, sha256File } from "../files/hash.js";
import { heldRecordSource } from "../test-helpers/record-source.js";
import { dryRunOptions } from "../test-helpers/run-options.js";
import { makeTempProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import { type DryRunOptions, planDryRun } from "./dry-run.js";
import { candidateOutputs, jobId, planRun, sceneName } from "./plan.js";
import { logPath, newRunId, writeRunLog } from "./run-log.js";
import { validateRunRequest } from "./run-request.js";

let dir: string;
let root: string;
beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-plan-"));
});
afterEach(() => removeDir(dir));

/** Writes `content` at `path` under the temp dir (the project is its `project/`). */
const put = (path: string, content: string) => putFile(join(dir, path), content);

const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");

describe("job ids and output paths", () => {
  it("sanitises the scene's base name", () => {
    expect(sceneName("/p/scenes/Night café.v2.png")).toBe("Night_caf__v2");
    expect(sceneName("/p/scenes/street-01_A.jpeg")).toBe("street-01_A");
    expect(jobId("weather", 3, "/p/scenes/a b.png")).toBe("weather_3_a_b");
  });

  it("writes outputs/<run_id>/<job_id>.png for one candidate", () => {
    expect(candidateOutputs(root, "run_1", "style_1_a", 1)).toEqual([join(root, "outputs", "run_1", "style_1_a.png")]);
  });

  it("writes outputs/<run_id>/<job_id>__c<k>.png for several candidates", () => {
    expect(candidateOutputs(root, "run_1", "style_1_a", 3)).toEqual([
      join(root, "outputs", "run_1", "style_1_a__c1.png"),
      join(root, "outputs", "run_1", "style_1_a__c2.png"),
      join(root, "outputs", "run_1", "style_1_a__c3.png"),
    ]);
  });

  it("refuses a run id that could leave the run's directory", () => {
    for (const bad of ["../x", "a/b", "", ".", "a\\b"]) {
      expect(() => candidateOutputs(root, bad, "style_1_a", 1)).toThrow(PipelineError);
    }
  });
});

describe("planRun", () => {
  const scenes = ["/p/scenes/a.png", "/p/scenes/sub/a.png", "/p/scenes/b c.jpg"];
  const styleRefs = ["/p/refs/s1.png", "/p/refs/s2.png"];

  it("plans one job per scene with the scene then every style ref, sharing one prompt", () => {
    const request = validateRunRequest({ scene_refs: ["x"], stage: "time", time: "night", candidates: 3 });
    const plan = planRun({ projectRoot: "/p", runId: "run_1", manifest: defaultManifest, request, scenes, styleRefs });
    expect(plan.jobs.map((job) => job.id)).toEqual(["time_1_a", "time_2_a", "time_3_b_c"]);
    expect(plan.jobs[1]?.input_images).toEqual(["/p/scenes/sub/a.png", ...styleRefs]);
    expect(new Set(plan.jobs.map((job) => job.prompt))).toEqual(
      new Set([
        `${defaultManifest.prompts.style_base} ${defaultManifest.prompts.time_night} Do not invent new object categories.`,
      ]),
    );
    expect(plan.jobs[2]?.outputs).toEqual([
      "/p/outputs/run_1/time_3_b_c__c1.png",
      "/p/outputs/run_1/time_3_b_c__c2.png",
      "/p/outputs/run_1/time_3_b_c__c3.png",
    ]);
    expect(plan.jobs[0]).toMatchObject({ mode: "time", time: "night", weather: "clear", scene: "/p/scenes/a.png" });
  });

  it("refuses more jobs than safe_batch_limit and allows exactly the limit", () => {
    const request = validateRunRequest({ scene_refs: ["x"] });
    const manifest: Manifest = { ...defaultManifest, safe_batch_limit: 2 };
    const attempt = () => planRun({ projectRoot: "/p", runId: "run_1", manifest, request, scenes, styleRefs });
    expect(attempt).toThrow(PipelineError);
    expect(attempt).toThrow("Run has 3 jobs, above safe_batch_limit 2");
    expect(
      planRun({ projectRoot: "/p", runId: "run_1", manifest, request, scenes: scenes.slice(0, 2), styleRefs }).jobs,
    ).toHaveLength(2);
  });

  it("refuses more candidates than max_candidates even for a hand-built request", () => {
    const request = { ...validateRunRequest({ scene_refs: ["x"] }), candidates: 9 };
    expect(() =>
      planRun({ projectRoot: "/p", runId: "run_1", manifest: defaultManifest, request, scenes, styleRefs }),
    ).toThrow("Field 'candidates' (9) exceeds max_candidates (6)");
  });
});

describe("planDryRun", () => {
  const now = new Date("2025-03-04T05:06:07.890Z");
  const postprocess = { upscale: false, color: true, color_profile: "neutral", pipeline_order: ["generate", "color"] };
  const options = (over: Partial<DryRunOptions>): DryRunOptions =>
    dryRunOptions({
      projectRoot: root,
      manifest: { ...defaultManifest, style_refs: ["refs/style.png"] },
      request: {},
      postprocess,
      now,
      ...over,
    });

  it("writes a run log with every field, hashes matching the files, and relative paths", async () => {
    await put("project/scenes/b.png", "scene-b");
    await put("project/scenes/a.png", "scene-a");
    await put("project/refs/style.png", "style");
    const { runLog, runLogPath } = await planDryRun(
      options({
        request: { scene_refs: "scenes/b.png,scenes/a.png", candidates: 3, stage: "weather", weather: "rain" },
      }),
    );

    expect(runLogPath).toBe(join(root, "runs", `${runLog.run_id}.json`));
    expect(runLog.run_id).toMatch(/^run_20250304T050607Z_[0-9a-f]{6}$/);
    expect(JSON.parse(await readFile(runLogPath, "utf8"))).toEqual(runLog);
    expect(await readdir(join(root, "runs"))).toEqual([`${runLog.run_id}.json`]); // no temp file left behind

    expect(runLog).toMatchObject({
      schema_version: 1,
      timestamp: "2025-03-04T05:06:07.890Z",
      project: "demo",
      mode: "dry",
      stage: "weather",
      time: "day",
      weather: "rain",
      model: "gpt-image-1",
      size: "1024x1536",
      quality: "medium",
      generation: { candidates: 3, max_candidates: 6 },
      output_guard: { enabled: true, enforce_grayscale: false, max_chroma_delta: 2, fail_on_chroma_exceed: false },
      postprocess,
      storage: { project_root: root, resolved_from_backend: false },
      versions: { kroma: expect.stringMatching(/^\d+\.\d+\.\d+/), node: process.version },
      status: "planned",
      summary: { jobs: 2, candidates: 6 },
    });
    expect(runLog.inputs).toEqual([
      { path: "scenes/b.png", role: "scene", sha256: sha256("scene-b"), size: 7 },
      { path: "scenes/a.png", role: "scene", sha256: sha256("scene-a"), size: 7 },
      { path: "refs/style.png", role: "style_ref", sha256: sha256("style"), size: 5 },
    ]);
    expect(runLog.jobs[0]).toEqual({
      id: "weather_1_b",
      mode: "weather",
      time: "day",
      weather: "rain",
      input_images: ["scenes/b.png", "refs/style.png"],
      prompt: `${defaultManifest.prompts.style_base} ${defaultManifest.prompts.time_day} ${defaultManifest.prompts.weather_rain} Do not invent new object categories.`,
      status: "planned",
      planned_generation: {
        candidates: 3,
        outputs: [1, 2, 3].map((k) => `outputs/${runLog.run_id}/weather_1_b__c${k}.png`),
      },
      planned_postprocess: postprocess,
      planned_output_guard: runLog.output_guard,
    });
    expect(runLog.jobs[1]?.planned_generation.outputs).toEqual([
      `outputs/${runLog.run_id}/weather_2_a__c1.png`,
      `outputs/${runLog.run_id}/weather_2_a__c2.png`,
      `outputs/${runLog.run_id}/weather_2_a__c3.png`,
    ]);
    expect(existsSync(join(root, "outputs"))).toBe(false); // a dry run writes only its log
  });

  it("lists an --input directory anywhere, logging paths outside the root as absolute", async () => {
    await put("shots/one.png", "1");
    await put("shots/nested/two.jpg", "22");
    await put("project/refs/style.png", "style");
    const { runLog } = await planDryRun(options({ request: { input: "shots" }, cwd: dir, resolvedFromBackend: true }));
    expect(runLog.jobs.map((job) => job.id)).toEqual(["style_1_two", "style_2_one"]);
    expect(runLog.jobs[0]?.input_images).toEqual([join(dir, "shots/nested/two.jpg"), "refs/style.png"]);
    expect(runLog.jobs[0]?.planned_generation.outputs).toEqual([`outputs/${runLog.run_id}/style_1_two.png`]);
    expect(runLog.inputs.map((input) => input.sha256)).toEqual([sha256("22"), sha256("1"), sha256("style")]);
    expect(runLog.storage.resolved_from_backend).toBe(true);
  });

  it("stops before writing anything when the run is above safe_batch_limit", async () => {
    for (let i = 0; i < 3; i++) await put(`project/scenes/s${i}.png`, `s${i}`);
    await put("project/refs/style.png", "style");
    const manifest: Manifest = { ...defaultManifest, style_refs: ["refs/style.png"], safe_batch_limit: 2 };
    await expect(planDryRun(options({ manifest, request: { input: join(root, "scenes") } }))).rejects.toThrow(
      "Run has 3 jobs, above safe_batch_limit 2",
    );
    expect(existsSync(join(root, "runs"))).toBe(false);
  });

  it("stops before writing anything for a bad flag or a ref outside the project", async () => {
    await put("outside.png", "x");
    await expect(planDryRun(options({ request: { scene_refs: ["../outside.png"] } }))).rejects.toThrow(
      "Field 'scene_refs' entry '../outside.png' must not contain '..' segments",
    );
    await expect(planDryRun(options({ request: { input: "x.png", candidates: 7 } }))).rejects.toThrow(
      "Field 'candidates' (7) exceeds max_candidates (6)",
    );
    await expect(planDryRun(options({ projectSlug: " ", request: { input: "x.png" } }))).rejects.toThrow(
      "Field 'project' is required",
    );
    expect(existsSync(join(root, "runs"))).toBe(false);
  });

  it("touches no network", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const connectSpy = vi.spyOn(net.Socket.prototype, "connect");
    try {
      await put("project/scenes/a.png", "a");
      await put("project/refs/style.png", "style");
      await planDryRun(options({ request: { scene_refs: ["scenes/a.png"] } }));
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(connectSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
      connectSpy.mockRestore();
    }
  });
});

describe("run log files", () => {
  it("makes run ids from the UTC time and a random tail", () => {
    const a = newRunId(new Date("2025-12-31T23:59:58.999Z"));
    const b = newRunId(new Date("2025-12-31T23:59:58.999Z"));
    expect(a).toMatch(/^run_20251231T235958Z_[0-9a-f]{6}$/);
    expect(a).not.toBe(b);
  });

  it("names files relative to the project root when inside it, absolute otherwise", () => {
    expect(logPath("/p/demo", "/p/demo/scenes/a.png")).toBe("scenes/a.png");
    expect(logPath("/p/demo", "/p/other/a.png")).toBe("/p/other/a.png");
    expect(logPath("/p/demo", "/p/demo-2/a.png")).toBe("/p/demo-2/a.png");
  });

  it("writes runs/<run_id>.json, creating the directory, with nothing else left behind", async () => {
    const path = await writeRunLog(root, { run_id: "run_20250101T000000Z_abcdef", status: "planned" });
    expect(path).toBe(join(root, "runs", "run_20250101T000000Z_abcdef.json"));
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({
      run_id: "run_20250101T000000Z_abcdef",
      status: "planned",
    });
    expect(await readdir(join(root, "runs"))).toEqual(["run_20250101T000000Z_abcdef.json"]);
  });

  it("refuses a run id that could escape runs/", async () => {
    await expect(writeRunLog(root, { run_id: "../evil" })).rejects.toThrow("Invalid run id '../evil'");
  });

  it("hashes files by streaming, matching a one-shot sha256", async () => {
    const big = "x".repeat(3 * 1024 * 1024 + 7);
    const path = await put("big.bin", big);
    expect(await digestFile(path)).toEqual({ sha256: sha256(big), size: big.length });
    expect(await sha256File(path)).toBe(sha256(big));
  });
});

describe("planDryRun of a one-image run (prompt)", () => {
  const manifest: Manifest = {
    ...defaultManifest,
    style_refs: ["refs/ink.png"],
    policy: { default_no_invention: true },
  };

  it("sends the prompt given, without the manifest's prompt or style refs, and no input image without a scene", async () => {
    const { runLog } = await planDryRun(
      dryRunOptions({ projectRoot: root, manifest, request: { prompt: "A lighthouse" }, postprocess: {} }),
    );
    expect(runLog.jobs).toEqual([
      expect.objectContaining({ id: "style_1_prompt", prompt: "A lighthouse", input_images: [] }),
    ]);
    expect(runLog.jobs[0]?.planned_generation.outputs).toEqual([`outputs/${runLog.run_id}/style_1_prompt.png`]);
    expect(runLog.inputs).toEqual([]);
  });

  it("lets a named style guide join the prompt given", async () => {
    const recordSource = heldRecordSource({
      styleGuides: [{ id: "sg_1", name: "Ink", instructions: "Ink lines, flat colour." }],
    });
    const { runLog } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        manifest,
        request: { prompt: "A lighthouse", style_guide: "Ink" },
        recordSource,
        postprocess: {},
      }),
    );
    expect(runLog.jobs[0]?.prompt).toBe("A lighthouse\n\nInk lines, flat colour.");
  });

  it("refuses an input directory holding more than one image", async () => {
    await put("project/scenes/a.png", "a");
    await put("project/scenes/b.png", "b");
    await expect(
      planDryRun(
        dryRunOptions({ projectRoot: root, request: { prompt: "p", input: "scenes" }, cwd: root, postprocess: {} }),
      ),
    ).rejects.toThrow(/at most one input image; the input names 2/);
  });
});
