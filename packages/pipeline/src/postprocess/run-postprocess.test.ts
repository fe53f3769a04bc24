import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContractValidator, openapiDocument } from "@kroma/contract";
import { type CutoutServers, serviceErrors, startCutoutServices } from "@kroma/testkit/cutout-services";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultManifest } from "../config/manifest.js";
import { defaultPipelineSettings, type PostprocessSettings } from "../config/settings.js";
import type { ExecuteRunOptions } from "../run/context.js";
import { executeRun } from "../run/execute.js";

const validator = createContractValidator(openapiDocument);
let images: ImagesServer;
let services: CutoutServers;
let dir = "";
let root = "";

beforeAll(async () => {
  images = await startImagesServer();
  services = await startCutoutServices();
});
afterAll(async () => {
  await images.close();
  await services.close();
});
beforeEach(async () => {
  images.reset();
  images.script(() => ({ image: "gray" }));
  services.reply("photoroom", { kind: "cutout" });
  services.reply("removebg", { kind: "cutout" });
  dir = await realpath(await mkdtemp(join(tmpdir(), "kroma-run-post-")));
  root = join(dir, "project");
  await mkdir(join(root, "scenes"), { recursive: true });
  await writeFile(
    join(root, "scenes/yard.png"),
    await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .png()
      .toBuffer(),
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const settings = (changes: Partial<PostprocessSettings>): PostprocessSettings => ({
  ...defaultPipelineSettings.postprocess,
  ...changes,
});

function options(post: PostprocessSettings, candidates = 1): ExecuteRunOptions {
  return {
    projectSlug: "demo",
    projectRoot: root,
    resolvedFromBackend: false,
    manifest: defaultManifest,
    request: { scene_refs: "scenes/yard.png", candidates },
    confirmSpend: true,
    model: "gpt-image-1",
    size: "1024x1024",
    quality: "medium",
    apiKey: "sk-test-run-post",
    baseURL: `${images.url}/v1`,
    retryDelayMs: 1,
    postprocess: {
      settings: post,
      context: {
        keys: { photoroom: services.key, removebg: services.key },
        baseUrls: { photoroom: services.photoroomUrl, removebg: services.removebgUrl },
        openai: { retryDelayMs: 1, maxAttempts: 1 },
      },
    },
  };
}

describe("a paid run with post-processing", () => {
  it("runs upscale then colour on every candidate, records each stage, and guards the last output", async () => {
    const { runLog } = await executeRun(options(settings({ upscale: true, color: true }), 2));
    expect(validator.validateSchema("PaidRunLog", runLog)).toEqual([]);
    expect(runLog.postprocess).toMatchObject({
      upscale: true,
      color: true,
      pipeline_order: ["generate", "upscale", "color"],
    });
    const [job] = runLog.jobs;
    expect(job?.status).toBe("done");
    for (const candidate of job?.candidates ?? []) {
      const chain = candidate.postprocess;
      expect(chain?.status).toBe("done");
      expect(chain?.stages.map((stage) => [stage.stage, stage.status, stage.backend])).toEqual([
        ["upscale", "done", "sharp"],
        ["color", "done", "sharp"],
      ]);
      const [upscale, color] = chain?.stages ?? [];
      expect(upscale).toMatchObject({
        input: candidate.output,
        output: `upscaled/style_1_yard__c${candidate.candidate_index}_x2.png`,
        width: 128,
        height: 96,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(color).toMatchObject({ input: upscale?.output, output: chain?.final_output });
      expect(candidate.output_guard?.checked_input).toBe(chain?.final_output);
    }
    const selected = job?.candidates.find((c) => c.candidate_index === job.selected_candidate);
    expect(job?.final_postprocessed_output).toBe(selected?.postprocess?.final_output);
    expect((await sharp(join(root, job?.final_postprocessed_output ?? "")).metadata()).width).toBe(128);
  });

  it("falls back to the next background-removal backend when the first fails", async () => {
    services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
    const { runLog } = await executeRun(
      options(settings({ bg_remove: true, bg_remove_backends: ["photoroom", "removebg"] })),
    );
    const stage = runLog.jobs[0]?.candidates[0]?.postprocess?.stages[0];
    expect(stage).toMatchObject({ stage: "bg_remove", status: "done", backend: "removebg" });
    expect(stage?.backends_tried?.map((attempt) => [attempt.backend, attempt.ok])).toEqual([
      ["photoroom", false],
      ["removebg", true],
    ]);
    expect(runLog.jobs[0]?.status).toBe("done");
  });

  it("fails the job when a required refine pass fails, and only warns when it is optional", async () => {
    // The images stand-in answers an opaque image: not a cut-out, so the refine pass fails.
    const required = await executeRun(
      options(
        settings({
          bg_remove: true,
          bg_remove_backends: ["removebg"],
          bg_refine_openai: true,
          bg_refine_openai_required: true,
        }),
      ),
    );
    const job = required.runLog.jobs[0];
    expect(job?.status).toBe("failed");
    expect(job?.error).toContain("Post-processing failed at bg_refine_openai");
    expect(job?.candidates[0]?.postprocess?.status).toBe("failed");
    expect(required.runLog.status).toBe("failed");

    const optional = await executeRun(
      options(settings({ bg_remove: true, bg_remove_backends: ["removebg"], bg_refine_openai: true })),
    );
    const stages = optional.runLog.jobs[0]?.candidates[0]?.postprocess?.stages ?? [];
    expect(stages.map((stage) => [stage.stage, stage.status])).toEqual([
      ["bg_remove", "done"],
      ["bg_refine_openai", "skipped"],
    ]);
    expect(stages[1]?.warnings?.[0]).toContain("optional OpenAI refine skipped");
    expect(optional.runLog.jobs[0]?.status).toBe("done");
  });
});
