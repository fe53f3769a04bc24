import { createHash } from "node:crypto";
import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { defaultPipelineSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { planDryRun } from "../plan/dry-run.js";
import { recordDigest } from "../plan/prompt-records.js";
import { type DryRunLog, writeRunLog } from "../plan/run-log.js";
import type { RawRunRequest } from "../plan/run-request.js";
import { heldRecordSource } from "../test-helpers/record-source.js";
import { dryRunOptions } from "../test-helpers/run-options.js";
import { makeTempProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import type { PaidRunLog } from "./log.js";
import { replayRun } from "./replay.js";

let dir: string;
let root: string;
beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-replay-"));
  await put("project/scenes/alley.png", "alley bytes");
  await put("project/scenes/bridge.png", "bridge bytes");
  await put("project/refs/ink.png", "ink bytes");
});
afterEach(() => removeDir(dir));

/** Writes `content` at `path` under the temp dir (the project is its `project/`). */
const put = (path: string, content: string) => putFile(join(dir, path), content);

const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");

/** The image settings the dry runs plan with, and the replays compare against. */
const image = { model: "gpt-image-1", size: "1024x1536", quality: "medium", postprocess: { upscale: false } };

async function dryRun(request: RawRunRequest = {}, manifest: Manifest = defaultManifest): Promise<DryRunLog> {
  const { runLog } = await planDryRun(
    dryRunOptions({
      projectRoot: root,
      manifest,
      request: { scene_refs: "scenes/alley.png,scenes/bridge.png", style_refs: "refs/ink.png", ...request },
      ...image,
      cwd: dir,
    }),
  );
  return runLog;
}

const replay = (runId: string, overrides: Partial<Parameters<typeof replayRun>[0]> = {}) =>
  replayRun({ projectRoot: root, runId, manifest: defaultManifest, ...image, ...overrides });

describe("replayRun", () => {
  it("finds an unchanged dry run identical, and writes nothing", async () => {
    const log = await dryRun({ candidates: "2", stage: "weather", time: "night", weather: "rain" });
    const before = await readdir(join(root, "runs"));
    expect(await replay(log.run_id)).toEqual({ run_id: log.run_id, identical: true, differences: [] });
    expect(await readdir(join(root, "runs"))).toEqual(before);
  });

  it("finds a dry run over --input files outside the project identical", async () => {
    await put("elsewhere/dock.png", "dock bytes");
    const log = await dryRun({ scene_refs: undefined, input: "elsewhere" });
    expect(log.inputs[0]?.path).toBe(join(dir, "elsewhere", "dock.png"));
    expect((await replay(log.run_id)).differences).toEqual([]);
  });

  it("reports the prompt of every job when the manifest's prompt changed", async () => {
    const log = await dryRun();
    const manifest = { ...defaultManifest, prompts: { ...defaultManifest.prompts, style_base: "Paint it in ink." } };
    const result = await replay(log.run_id, { manifest });
    expect(result.identical).toBe(false);
    expect(result.differences.map((d) => d.path)).toEqual(["jobs.style_1_alley.prompt", "jobs.style_2_bridge.prompt"]);
    expect(result.differences[0]?.recorded).toBe(log.jobs[0]?.prompt);
    expect(result.differences[0]?.current).toContain("Paint it in ink.");
  });

  it("reports the sha256 of a scene whose bytes changed", async () => {
    const log = await dryRun();
    await put("project/scenes/bridge.png", "repainted bridge");
    const result = await replay(log.run_id);
    expect(result.differences).toEqual([
      {
        path: "inputs.scenes/bridge.png.sha256",
        recorded: sha256("bridge bytes"),
        current: sha256("repainted bridge"),
      },
    ]);
  });

  it("reports the job of a removed scene as missing", async () => {
    const log = await dryRun();
    await unlink(join(root, "scenes", "bridge.png"));
    const result = await replay(log.run_id);
    expect(result.differences).toEqual([
      {
        path: "jobs.style_2_bridge",
        recorded: {
          prompt: log.jobs[1]?.prompt,
          input_images: ["scenes/bridge.png", "refs/ink.png"],
          outputs: [`outputs/${log.run_id}/style_2_bridge.png`],
        },
        current: null,
      },
      { path: "inputs.scenes/bridge.png.sha256", recorded: sha256("bridge bytes"), current: null },
    ]);
  });

  it("reports a removed style ref in every job's input images", async () => {
    const log = await dryRun();
    await unlink(join(root, "refs", "ink.png"));
    const paths = (await replay(log.run_id)).differences.map((d) => d.path);
    expect(paths).toEqual([
      "jobs.style_1_alley.input_images",
      "jobs.style_2_bridge.input_images",
      "inputs.refs/ink.png.sha256",
    ]);
  });

  it("reports run settings that would be recorded differently now", async () => {
    const log = await dryRun();
    const result = await replay(log.run_id, { model: "gpt-image-2", postprocess: { upscale: true } });
    expect(result.differences).toEqual([
      { path: "settings.model", recorded: "gpt-image-1", current: "gpt-image-2" },
      { path: "settings.postprocess", recorded: { upscale: false }, current: { upscale: true } },
    ]);
  });

  it("reports changed candidate counts as different outputs", async () => {
    const log = await dryRun({ candidates: "2" });
    const edited = { ...log, run_id: `${log.run_id}_edited`, generation: { candidates: 1, max_candidates: 6 } };
    await writeRunLog(root, edited);
    const result = await replay(edited.run_id);
    expect(result.differences.map((d) => d.path)).toEqual([
      "jobs.style_1_alley.outputs",
      "jobs.style_2_bridge.outputs",
    ]);
    expect(result.differences[0]?.current).toEqual([`outputs/${edited.run_id}/style_1_alley.png`]);
  });

  it("accepts a paid run's log, including a job it never ran", async () => {
    const dry = await dryRun({ candidates: "2" });
    const paidId = "run_20250102T030405Z_abcdef";
    const { planned_generation: _, ...withoutPlan } = dry.jobs[0] as DryRunLog["jobs"][number];
    const ran = {
      ...withoutPlan,
      status: "done",
      candidates: dry.jobs[0]?.planned_generation.outputs.map((output, k) => ({
        candidate_index: k + 1,
        output: output.replace(dry.run_id, paidId),
      })),
    };
    const { planned_generation: __, ...unrun } = dry.jobs[1] as DryRunLog["jobs"][number];
    const paid = {
      ...dry,
      run_id: paidId,
      mode: "run",
      jobs: [ran, { ...unrun, status: "failed", candidates: [] }],
    } as unknown as PaidRunLog;
    await writeRunLog(root, paid);
    expect(await replay(paid.run_id)).toEqual({ run_id: paid.run_id, identical: true, differences: [] });
  });

  it("refuses an unknown run id, naming the runs directory", async () => {
    const refused = replay("run_20250102T030405Z_000000");
    await expect(refused).rejects.toBeInstanceOf(PipelineError);
    await expect(refused).rejects.toThrow(`Run log 'run_20250102T030405Z_000000' not found in ${join(root, "runs")}`);
  });

  it("refuses run ids that could leave the runs directory", async () => {
    await put("project/secret.json", "{}");
    for (const runId of ["../secret", "sub/run", "..", "a\\b"]) {
      await expect(replay(runId)).rejects.toThrow(`Run id '${runId}' is invalid`);
    }
  });

  it("refuses a file that is not a run log", async () => {
    await put("project/runs/notes.json", '{"hello": 1}');
    await expect(replay("notes")).rejects.toThrow("Run log 'notes' in");
    await expect(replay("notes")).rejects.toThrow("schema_version undefined");
  });
});

describe("replayRun over a run composed from records", () => {
  const guide = { id: "g1", name: "noir", instructions: "Ink lines, deep shadows." };
  const template = { id: "t1", name: "street", template_text: "Paint {scene}, {mood}." };

  it("finds it identical while the records are unchanged, and reports a changed style guide by hash and prompt", async () => {
    const source = heldRecordSource({ styleGuides: [guide], templates: [template] });
    const { runLog } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        request: {
          batch: [
            {
              scene: ["scenes/alley.png", "scenes/bridge.png"],
              fields: { mood: ["wet", "dry"] },
              zip: [["scene", "mood"]],
            },
          ],
          style_guide: "noir",
          prompt_template: "street",
        },
        ...image,
        recordSource: source,
      }),
    );
    expect(await replay(runLog.run_id, { records: source })).toMatchObject({ identical: true });

    const edited = { ...guide, instructions: "Watercolour washes." };
    const result = await replay(runLog.run_id, {
      records: heldRecordSource({ styleGuides: [edited], templates: [template] }),
    });
    expect(result.identical).toBe(false);
    expect(result.differences[0]).toEqual({
      path: "records.style_guide.noir.sha256",
      recorded: recordDigest(guide),
      current: recordDigest(edited),
    });
    expect(result.differences.slice(1).map((d) => d.path)).toEqual([
      "jobs.style_1_alley.prompt",
      "jobs.style_2_bridge.prompt",
    ]);
    expect(result.differences[1]?.current).toBe("Paint alley, wet.\n\nWatercolour washes.");
  });

  it("reports a deleted record as gone and needs the records to replay at all", async () => {
    const source = heldRecordSource({ styleGuides: [guide] });
    const { runLog } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        request: { scene_refs: "scenes/alley.png", style_guide: "g1" },
        ...image,
        recordSource: source,
      }),
    );
    const result = await replay(runLog.run_id, { records: heldRecordSource({}) });
    expect(result.differences[0]).toEqual({
      path: "records.style_guide.noir.sha256",
      recorded: recordDigest(guide),
      current: null,
    });
    await expect(replay(runLog.run_id)).rejects.toThrow("This run log names project records; replay needs them");
  });
});

describe("replayRun of one-image and post-process runs", () => {
  const withOtherPrompt: Manifest = {
    ...defaultManifest,
    prompts: { ...defaultManifest.prompts, style_base: "Something else entirely." },
  };

  it("replays a one-image run with its prompt as given, with or without an input image, whatever the manifest says", async () => {
    for (const request of [
      { prompt: "A lighthouse" },
      { prompt: "The alley at dusk", scene_refs: "scenes/alley.png" },
    ]) {
      const { runLog } = await planDryRun(dryRunOptions({ projectRoot: root, request, ...image, cwd: dir }));
      expect(runLog.prompt_given).toBe(request.prompt);
      expect(await replay(runLog.run_id, { manifest: withOtherPrompt })).toMatchObject({ identical: true });
    }
  });

  it("replays a post-process run from its source assets, and names a source whose file changed", async () => {
    const source = { asset_id: "asset_alley", path: "scenes/alley.png", sha256: sha256("alley bytes") };
    const sourceAssets = { asset: async () => source, runFinals: async () => undefined };
    const { runLog } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        request: { assets: ["asset_alley"] },
        ...image,
        postprocessSettings: { ...defaultPipelineSettings.postprocess, upscale: true },
        sourceAssets,
        cwd: dir,
      }),
    );
    expect(runLog.jobs[0]).toMatchObject({ source_asset: source, prompt: "", input_images: ["scenes/alley.png"] });
    expect(runLog.spend_estimate).toMatchObject({ images: 0, total_usd: 0 });
    expect(await replay(runLog.run_id, { manifest: withOtherPrompt })).toMatchObject({ identical: true });
    await put("project/scenes/alley.png", "other bytes");
    const changed = await replay(runLog.run_id);
    expect(changed.differences.map((difference) => difference.path)).toContain("inputs.scenes/alley.png.sha256");
  });
});
