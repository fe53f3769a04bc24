import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createContractValidator, openapiDocument } from "@kroma/contract";
import { serviceErrors } from "@kroma/testkit/cutout-services";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultPipelineSettings, type PostprocessSettings } from "../config/settings.js";
import { readPngTextMap } from "../files/png-metadata.js";
import type { ExecuteRunOptions } from "../run/context.js";
import { executeRun } from "../run/execute.js";
import { paidRunOptions } from "../test-helpers/run-options.js";
import { useCutoutServices, useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";

const validator = createContractValidator(openapiDocument);
const images = useImagesServer();
const services = useCutoutServices();
let dir = "";
let root = "";
beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-run-post-", ["scenes/yard.png"]));
});
afterEach(() => removeDir(dir));

const settings = (changes: Partial<PostprocessSettings>): PostprocessSettings => ({
  ...defaultPipelineSettings.postprocess,
  ...changes,
});

function options(post: PostprocessSettings, candidates = 1): ExecuteRunOptions {
  return paidRunOptions({
    projectRoot: root,
    baseURL: `${images.url}/v1`,
    apiKey: "sk-test-run-post",
    request: { scene_refs: "scenes/yard.png", candidates },
    retryDelayMs: 1,
    postprocess: {
      settings: post,
      context: {
        keys: { photoroom: services.key, removebg: services.key },
        baseUrls: { photoroom: services.photoroomUrl, removebg: services.removebgUrl },
        openai: { retryDelayMs: 1, maxAttempts: 1 },
      },
    },
  });
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
        output: `upscaled/${runLog.run_id}/style_1_yard__c${candidate.candidate_index}_x2.png`,
        width: 128,
        height: 96,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(color).toMatchObject({ input: upscale?.output, output: chain?.final_output });
      expect(chain?.final_output.startsWith(`color_corrected/${runLog.run_id}/`)).toBe(true);
      expect(candidate.output_guard?.checked_input).toBe(chain?.final_output);
      // Every post-processed file still says which run, job and candidate it came from.
      for (const stage of chain?.stages ?? []) {
        const tags = readPngTextMap(await readFile(join(root, stage.output ?? "")));
        expect(tags).toMatchObject({
          "kroma:run_id": runLog.run_id,
          "kroma:job_id": "style_1_yard",
          "kroma:candidate": String(candidate.candidate_index),
        });
      }
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

describe("the preflight of a paid run's post-processing", () => {
  it("refuses a run whose background removal cannot run here, naming the stage and the fix, and sends nothing", async () => {
    images.reset();
    const run = options(settings({ bg_remove: true, bg_remove_backends: ["photoroom", "removebg"] }));
    const keyless = {
      ...run,
      postprocess: { settings: run.postprocess?.settings ?? settings({}), context: { keys: {} } },
    };
    const refused = await executeRun(keyless).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    const message = (refused as Error).message;
    expect(message).toMatch(
      /^Refused before any image request: post-processing cannot finish: bg_remove \(photoroom, removebg\)/,
    );
    expect(message).toContain("PHOTOROOM_API_KEY");
    expect(message).toContain("REMOVE_BG_API_KEY");
    expect((refused as { details?: { field?: string } }).details?.field).toBe("postprocess");
    expect(images.requests).toHaveLength(0);
  });

  it("lets a run through when one backend of the list can run, or the refine pass is optional", async () => {
    images.reset();
    const run = options(settings({ bg_remove: true, bg_remove_backends: ["photoroom", "removebg"] }));
    const oneKey = {
      ...run,
      postprocess: {
        ...run.postprocess,
        settings: run.postprocess?.settings ?? settings({}),
        context: { ...run.postprocess?.context, keys: { removebg: services.key } },
      },
    };
    const { runLog } = await executeRun(oneKey);
    expect(runLog.jobs[0]?.status).toBe("done");
    expect(images.requests).toHaveLength(1);
  });
});
