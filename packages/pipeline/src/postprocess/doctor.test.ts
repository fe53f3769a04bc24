import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFakeLocalRemover, writeFakeRealesrgan } from "@kroma/testkit/fake-tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPostprocessConfig } from "../config/validation.js";
import { localBgRemovalInstallCommand } from "./bg-remove.js";
import { checkPostprocessBackends } from "./doctor.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kroma-doctor-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const byBackend = (checks: Awaited<ReturnType<typeof checkPostprocessBackends>>) =>
  Object.fromEntries(checks.map((check) => [`${check.stage}/${check.backend}`, check]));

describe("checkPostprocessBackends", () => {
  it("reports sharp always, and what is missing with how to fix it", async () => {
    const checks = byBackend(
      await checkPostprocessBackends({ baseDir: dir, env: { PATH: join(dir, "no-bin") }, keys: {} }),
    );
    expect(checks["upscale/sharp"]).toMatchObject({
      available: true,
      detail: expect.stringMatching(/^sharp 0\.\d+\.\d+ \(libvips/),
    });
    expect(checks["color/sharp"]?.available).toBe(true);
    expect(checks["upscale/realesrgan-ncnn"]).toMatchObject({
      available: false,
      detail: "'realesrgan-ncnn-vulkan' not found on PATH",
      fix: expect.stringContaining("upscale.realesrgan_ncnn.binary (postprocess.json)"),
    });
    expect(checks["bg_remove/photoroom"]).toMatchObject({
      available: false,
      fix: expect.stringContaining("PHOTOROOM_API_KEY"),
    });
    expect(checks["bg_remove/removebg"]).toMatchObject({
      available: false,
      fix: expect.stringContaining("REMOVE_BG_API_KEY"),
    });
    expect(checks["bg_refine_openai/openai"]).toMatchObject({
      available: false,
      fix: expect.stringContaining("OPENAI_API_KEY"),
    });
  });

  it("says the optional local package is missing and gives the exact install command", async () => {
    const checks = byBackend(
      await checkPostprocessBackends({ baseDir: dir, localModule: "kroma-test-no-such-package" }),
    );
    expect(checks["bg_remove/local"]).toMatchObject({ available: false, fix: localBgRemovalInstallCommand });
  });

  it("reports the local package when it resolves", async () => {
    const { module } = await writeFakeLocalRemover(dir);
    const checks = byBackend(await checkPostprocessBackends({ baseDir: dir, localModule: module }));
    expect(checks["bg_remove/local"]).toMatchObject({ available: true, detail: expect.stringContaining(module) });
  });

  it("finds the configured binary and its models, and reports keys as present without their values", async () => {
    const tools = join(dir, "tools");
    await mkdir(join(tools, "models"), { recursive: true });
    await writeFakeRealesrgan(tools);
    const config = structuredClone(defaultPostprocessConfig);
    config.upscale.realesrgan_ncnn = { binary: "tools/realesrgan-ncnn-vulkan", model_dir: "tools/models" };
    const secret = "sk-doctor-secret-value-123";
    const checks = await checkPostprocessBackends({
      config,
      baseDir: dir,
      keys: { photoroom: "pr-secret-value", removebg: " ", openai: secret },
    });
    const map = byBackend(checks);
    expect(map["upscale/realesrgan-ncnn"]).toMatchObject({
      available: true,
      detail: `${join(tools, "realesrgan-ncnn-vulkan")}, models in ${join(tools, "models")}`,
    });
    expect(map["bg_remove/photoroom"]?.available).toBe(true);
    expect(map["bg_remove/removebg"]?.available).toBe(false);
    expect(map["bg_refine_openai/openai"]?.available).toBe(true);
    const printed = JSON.stringify(checks);
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain("pr-secret-value");
  });

  it("flags a configured model directory that does not exist", async () => {
    await writeFakeRealesrgan(dir);
    const config = structuredClone(defaultPostprocessConfig);
    config.upscale.realesrgan_ncnn = { binary: join(dir, "realesrgan-ncnn-vulkan"), model_dir: "missing-models" };
    const map = byBackend(await checkPostprocessBackends({ config, baseDir: dir }));
    expect(map["upscale/realesrgan-ncnn"]).toMatchObject({
      available: false,
      fix: expect.stringContaining("model_dir"),
    });
  });
});
