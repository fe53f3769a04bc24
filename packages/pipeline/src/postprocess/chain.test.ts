import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serviceErrors } from "@kroma/testkit/cutout-services";
import { channelMeans, cutoutPng, rgba, scenePng } from "@kroma/testkit/test-images";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { defaultPipelineSettings, type PostprocessSettings, resolvePipelineSettings } from "../config/settings.js";
import { defaultPostprocessConfig, type PostprocessConfig } from "../config/validation.js";
import { sha256File } from "../files/hash.js";
import { expectSequentialDurations } from "../test-helpers/durations.js";
import { useCutoutServices, useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempDir, putFile, removeDir } from "../test-helpers/temp-dir.js";
import {
  effectivePostprocessSettings,
  enabledPostprocessStages,
  type PostprocessContext,
  runPostprocessChain,
} from "./chain.js";

const services = useCutoutServices();
const images = useImagesServer();
let root = "";
let scene = "";
beforeEach(async () => {
  root = await makeTempDir("kroma-chain-");
  scene = await putFile(join(root, "outputs", "alley.png"), await scenePng(48, 32));
  return () => removeDir(root);
});

const allOn = (changes: Partial<PostprocessSettings> = {}): PostprocessSettings => ({
  ...defaultPipelineSettings.postprocess,
  bg_remove: true,
  bg_remove_backends: ["photoroom", "removebg"],
  upscale: true,
  color: true,
  color_profile: "cinematic_warm",
  ...changes,
});

function context(changes: Partial<PostprocessContext> = {}): PostprocessContext {
  const config: PostprocessConfig = { ...structuredClone(defaultPostprocessConfig) };
  config.upscale.scale = 3;
  return {
    projectRoot: root,
    config,
    keys: { photoroom: services.key, removebg: services.key, openai: "sk-test-refine-key-000" },
    baseUrls: { photoroom: services.photoroomUrl, removebg: services.removebgUrl, openai: `${images.url}/v1` },
    openai: { retryDelayMs: 1, maxAttempts: 2 },
    stamp: "20250102T030405Z",
    ...changes,
  };
}

describe("runPostprocessChain", () => {
  it("runs bg_remove -> upscale -> color, each reading the previous output, into the seed's folders", async () => {
    services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
    const started = performance.now();
    const result = await runPostprocessChain(scene, allOn(), context());
    const wallMs = performance.now() - started;

    expect(result.status).toBe("done");
    expect(result.pipeline_order).toEqual(["bg_remove", "upscale", "color"]);
    const nobg = join(root, "background_removed", "alley_nobg.png");
    const upscaled = join(root, "upscaled", "alley_nobg_x3.png");
    const colored = join(root, "color_corrected", "alley_nobg_x3_cinematic_warm.png");
    expect(result.records.map((r) => [r.stage, r.status, r.input, r.output, r.backend])).toEqual([
      ["bg_remove", "done", scene, nobg, "removebg"],
      ["upscale", "done", nobg, upscaled, "sharp"],
      ["color", "done", upscaled, colored, "sharp"],
    ]);
    expect(result.final_output).toBe(colored);
    expect(result.records[0]?.backends_tried?.map((t) => [t.backend, t.ok])).toEqual([
      ["photoroom", false],
      ["removebg", true],
    ]);
    for (const record of result.records) expect(record.sha256).toBe(await sha256File(record.output as string));
    // Each stage's ms is its share of the call; the backends tried fit in the bg_remove stage's ms.
    expectSequentialDurations(
      result.records.map((record) => record.ms),
      wallMs,
    );
    expectSequentialDurations(
      result.records[0]?.backends_tried?.map((tried) => tried.ms) ?? [],
      result.records[0]?.ms ?? 0,
    );
    expect(result.records[1]?.params).toMatchObject({ scale: 3, kernel: "lanczos3" });
    expect(result.records[2]?.params).toMatchObject({ profile: "cinematic_warm", red_multiplier: 1.04 });

    // What a user checks: size x3, the cut-out's transparency survives, the colour moved warm.
    const { data, width, height } = await rgba(colored);
    expect([width, height]).toEqual([144, 96]);
    expect(data[3]).toBe(0);
    expect(data[((height >> 1) * width + (width >> 1)) * 4 + 3]).toBe(255);
    const [r0, , b0] = await channelMeans(upscaled);
    const [r1, , b1] = await channelMeans(colored);
    expect(r1 - b1).toBeGreaterThan(r0 - b0);
  });

  it("runs nothing and returns the input when every stage is off", async () => {
    const result = await runPostprocessChain(scene, defaultPipelineSettings.postprocess, context());
    expect(result).toEqual({ input: scene, final_output: scene, status: "done", pipeline_order: [], records: [] });
  });

  it("archives an output it is about to replace", async () => {
    await runPostprocessChain(scene, allOn({ bg_remove: false, color: false }), context());
    const second = await runPostprocessChain(scene, allOn({ bg_remove: false, color: false }), context());
    expect(second.status).toBe("done");
    expect(await readdir(join(root, "archive", "replaced"))).toEqual(["alley_x3_replaced_20250102T030405Z.png"]);
  });

  it("stops at a failing stage and records why; later stages do not run", async () => {
    services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
    services.reply("removebg", { kind: "error", ...serviceErrors.removebg });
    const result = await runPostprocessChain(scene, allOn(), context());
    expect(result.status).toBe("failed");
    expect(result.final_output).toBe(scene);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ stage: "bg_remove", status: "failed", output: null, sha256: null });
    expect(result.records[0]?.error).toMatch(/photoroom: HTTP 402.*removebg: HTTP 403/);
    expect(result.records[0]?.backends_tried).toHaveLength(2);
  });

  it("fails a bad input without throwing", async () => {
    await writeFile(scene, "not an image");
    const result = await runPostprocessChain(scene, allOn({ bg_remove: false }), context());
    expect(result.status).toBe("failed");
    expect(result.records[0]).toMatchObject({ stage: "upscale", status: "failed" });
  });
});

describe("the OpenAI refine pass", () => {
  it("edits the cut-out with background transparent into a new file, leaving the unrefined cut-out as it was", async () => {
    const refined = (await cutoutPng(64, 48)).toString("base64");
    images.script(() => ({ b64: refined, usage: "openai" }));
    const settings = allOn({ bg_refine_openai: true, upscale: false, color: false });
    expect(enabledPostprocessStages(settings)).toEqual(["bg_remove", "bg_refine_openai"]);
    const result = await runPostprocessChain(scene, settings, context());
    expect(result.status).toBe("done");
    const nobg = join(root, "background_removed", "alley_nobg.png");
    const refinedFile = join(root, "background_removed", "alley_nobg_refined.png");
    const refine = result.records[1];
    expect(refine).toMatchObject({
      stage: "bg_refine_openai",
      status: "done",
      input: nobg,
      output: refinedFile,
      backend: "openai",
      params: { background: "transparent", format: "png", required: false, resized_to_input: true },
    });
    expect(images.requests).toHaveLength(1);
    expect(images.requests[0]?.fields).toMatchObject({ background: "transparent", output_format: "png" });
    expect(images.requests[0]?.fields.prompt).toMatch(/halos/);
    // The stand-in answers 64x48; the refined cut-out keeps the cut-out's size and its transparency.
    expect(await sharp(refinedFile).metadata()).toMatchObject({ width: 48, height: 32, hasAlpha: true });
    expect((await rgba(refinedFile)).data[3]).toBe(0);
    expect(refine?.sha256).toBe(await sha256File(refinedFile));
    // The cut-out the first stage recorded is untouched, and nothing was archived.
    expect(await sha256File(nobg)).toBe(result.records[0]?.sha256);
    expect(result.final_output).toBe(refinedFile);
    // Its cost from the answer's usage (gpt-image-1 medium; the stand-in takes `auto` as 1024x1024: 1056 tokens at $40 per 1M).
    expect(refine?.params.cost).toMatchObject({ usd: expect.any(Number), image_output_usd: 0.04224 });
  });

  it("optional: a failed refine is skipped with a warning and the chain goes on with the cut-out", async () => {
    images.script(() => ({ status: 400, message: "Invalid image" }));
    const result = await runPostprocessChain(scene, allOn({ bg_refine_openai: true }), context());
    expect(result.status).toBe("done");
    expect(result.records.map((r) => [r.stage, r.status])).toEqual([
      ["bg_remove", "done"],
      ["bg_refine_openai", "skipped"],
      ["upscale", "done"],
      ["color", "done"],
    ]);
    expect(result.records[1]?.warnings).toEqual([
      "optional OpenAI refine skipped: OpenAI refine failed: HTTP 400: Invalid image",
    ]);
    expect(result.records[2]?.input).toBe(join(root, "background_removed", "alley_nobg.png"));
  });

  it("optional: an answer without transparency is a failed refine, and the cut-out is kept", async () => {
    const result = await runPostprocessChain(
      scene,
      allOn({ bg_refine_openai: true, upscale: false, color: false }),
      context(),
    );
    expect(result.records[1]).toMatchObject({
      status: "skipped",
      warnings: ["optional OpenAI refine skipped: OpenAI refine returned an image without transparency"],
    });
    expect((await rgba(join(root, "background_removed", "alley_nobg.png"))).data[3]).toBe(0);
  });

  it("required: a failed refine fails the chain (after retrying transient errors)", async () => {
    images.script(() => ({ status: 500, message: "upstream broke" }));
    const settings = allOn({ bg_refine_openai: true, bg_refine_openai_required: true });
    const result = await runPostprocessChain(scene, settings, context());
    expect(result.status).toBe("failed");
    expect(result.records.map((r) => [r.stage, r.status])).toEqual([
      ["bg_remove", "done"],
      ["bg_refine_openai", "failed"],
    ]);
    expect(result.records[1]?.error).toBe("OpenAI refine failed: HTTP 500: upstream broke");
    expect(result.records[1]?.params.requests).toHaveLength(2);
    expect(images.requests).toHaveLength(2);
  });

  it("required without an OpenAI key fails the chain and never calls the API", async () => {
    const settings = allOn({ bg_refine_openai: true, bg_refine_openai_required: true });
    const result = await runPostprocessChain(scene, settings, context({ keys: { photoroom: services.key } }));
    expect(result.status).toBe("failed");
    expect(result.records[1]?.error).toMatch(/no OpenAI API key/);
    expect(images.requests).toHaveLength(0);
  });

  it("stops between stages when aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("run cancelled"));
    await expect(runPostprocessChain(scene, allOn(), context({ signal: controller.signal }))).rejects.toThrow(
      "run cancelled",
    );
    expect(services.requests).toHaveLength(0);
  });
});

describe("effectivePostprocessSettings", () => {
  it("takes backends and profile from postprocess.json unless a settings layer set them", async () => {
    const config = structuredClone(defaultPostprocessConfig);
    config.upscale.backend = "realesrgan-ncnn";
    config.bg_remove.backends = ["removebg", "local"];
    config.bg_remove.openai = { enabled: true, required: true };
    config.color.default_profile = "cold_rain";
    const defaults = await resolvePipelineSettings({ appRoot: root });
    expect(effectivePostprocessSettings(defaults, config)).toMatchObject({
      upscale: false,
      upscale_backend: "realesrgan-ncnn",
      bg_remove_backends: ["removebg", "local"],
      bg_refine_openai: true,
      bg_refine_openai_required: true,
      color_profile: "cold_rain",
    });
    const flagged = await resolvePipelineSettings({
      appRoot: root,
      overrides: { postprocess: { upscale: true, upscale_backend: "sharp", color_profile: "neutral" } },
    });
    expect(effectivePostprocessSettings(flagged, config)).toMatchObject({
      upscale: true,
      upscale_backend: "sharp",
      color_profile: "neutral",
      bg_remove_backends: ["removebg", "local"],
    });
  });
});
