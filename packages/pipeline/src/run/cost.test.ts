// The spend estimate before a run: what it counts and prices, where it shows (the dry log, the
// paid run's callback), and how `maxSpendUsd` refuses a run over it before anything is sent.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createContractValidator, openapiDocument } from "@kroma/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultPipelineSettings, type PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { listPricePerImageUsd } from "../generate/models.js";
import { planDryRun } from "../plan/dry-run.js";
import { dryRunOptions, paidRunOptions } from "../test-helpers/run-options.js";
import { useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import { checkMaxSpend, describeSpendEstimate, estimateRunSpend, type SpendEstimate } from "./cost.js";
import { executeRun } from "./execute.js";

const off: PostprocessSettings = defaultPipelineSettings.postprocess;
const base = { jobs: 3, candidates: 2, model: "gpt-image-1", size: "1024x1536", quality: "medium" };

describe("estimateRunSpend", () => {
  it("counts no images for a post-process run, only its paid post-processing (one file per job)", () => {
    const settings: PostprocessSettings = {
      ...off,
      bg_remove: true,
      bg_remove_backends: ["photoroom", "local"],
      bg_refine_openai: true,
    };
    const estimate = estimateRunSpend({ ...base, candidates: 1, postprocess: settings, generate: false });
    const refine = 3 * (listPricePerImageUsd("gpt-image-1", "1024x1536", "medium") as number);
    expect(estimate).toMatchObject({ requests: 0, images: 0, images_usd: 0 });
    expect(estimate.postprocess).toEqual([
      { stage: "bg_remove", backend: "photoroom", calls: 3, usd: null },
      { stage: "bg_refine_openai", backend: "openai", calls: 3, usd: Math.round(refine * 1e6) / 1e6 },
    ]);
    expect(
      estimateRunSpend({ ...base, candidates: 1, postprocess: { ...off, upscale: true }, generate: false }).total_usd,
    ).toBe(0);
  });

  it("prices jobs x candidates at the model table's list price", () => {
    const price = listPricePerImageUsd("gpt-image-1", "1024x1536", "medium") as number;
    const estimate = estimateRunSpend({ ...base, postprocess: off });
    expect(estimate).toMatchObject({
      requests: 6,
      images: 6,
      per_image_usd: price,
      images_usd: Math.round(6 * price * 1e6) / 1e6,
      postprocess: [],
      total_usd: Math.round(6 * price * 1e6) / 1e6,
    });
    expect(estimate.basis).toContain("retries not counted");
  });

  it("counts the refine pass's calls and prices them from the table (gpt-image-1 medium at the run's size)", () => {
    const settings = { ...off, bg_remove: true, bg_refine_openai: true };
    const estimate = estimateRunSpend({ ...base, model: "gpt-image-1-mini", quality: "low", postprocess: settings });
    const images = 6 * (listPricePerImageUsd("gpt-image-1-mini", "1024x1536", "low") as number);
    const refine = 6 * (listPricePerImageUsd("gpt-image-1", "1024x1536", "medium") as number);
    // The default cut-out backend is local: free, so not listed.
    expect(estimate.postprocess).toEqual([
      { stage: "bg_refine_openai", backend: "openai", calls: 6, usd: Math.round(refine * 1e6) / 1e6 },
    ]);
    expect(estimate.total_usd).toBeCloseTo(images + refine, 6);
    // The refine pass only runs after a cut-out.
    expect(estimateRunSpend({ ...base, postprocess: { ...off, bg_refine_openai: true } }).postprocess).toEqual([]);
  });

  it("counts PhotoRoom's calls without a price, so the total is unknown", () => {
    const estimate = estimateRunSpend({
      ...base,
      postprocess: { ...off, bg_remove: true, bg_remove_backends: ["photoroom", "local"] },
    });
    expect(estimate.postprocess).toEqual([{ stage: "bg_remove", backend: "photoroom", calls: 6, usd: null }]);
    expect(estimate.images_usd).not.toBeNull();
    expect(estimate.total_usd).toBeNull();
    expect(estimate.basis).toContain("PhotoRoom, remove.bg: calls counted, not priced");
    expect(describeSpendEstimate(estimate)).toContain(
      "bg_remove (photoroom): 6 call(s), not priced (no photoroom price in the model table)",
    );
  });

  it("leaves an auto quality unpriced", () => {
    const estimate = estimateRunSpend({ ...base, quality: "auto" });
    expect(estimate).toMatchObject({ requests: 6, per_image_usd: null, images_usd: null, total_usd: null });
  });
});

describe("checkMaxSpend", () => {
  const priced: SpendEstimate = { ...estimateRunSpend({ ...base, jobs: 1, candidates: 1 }), total_usd: 0.5 };

  it("refuses an estimate over the ceiling, saying by how much, naming max_spend_usd", () => {
    const refusal = (() => {
      try {
        checkMaxSpend(priced, 0.3);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PipelineError);
    expect((refusal as PipelineError).message).toBe(
      "Refused: estimated $0.500 exceeds --max-spend $0.300 by $0.200 (max_spend_usd); nothing was sent",
    );
    expect((refusal as PipelineError).details).toMatchObject({ field: "max_spend_usd", exceeded_by_usd: 0.2 });
  });

  it("lets an estimate at or under the ceiling through, and anything through without one", () => {
    expect(() => checkMaxSpend(priced, 0.5)).not.toThrow();
    expect(() => checkMaxSpend({ ...priced, total_usd: null }, undefined)).not.toThrow();
  });

  it("refuses an estimate it cannot price fully, naming the part", () => {
    const photoroom = estimateRunSpend({
      ...base,
      postprocess: { ...off, bg_remove: true, bg_remove_backends: ["photoroom"] },
    });
    expect(() => checkMaxSpend(photoroom, 100)).toThrow(
      "Refused: the run's cost cannot be estimated fully, so --max-spend $100.000 (max_spend_usd) cannot be guaranteed: bg_remove (photoroom: no price in the model table) not priced; nothing was sent",
    );
  });
});

describe("the estimate in runs", () => {
  const validator = createContractValidator(openapiDocument);
  const server = useImagesServer();
  let dir: string;
  let root: string;
  beforeEach(async () => {
    ({ dir, root } = await makeTempProject("kroma-spend-", [
      "scenes/alley.png",
      "scenes/bridge.png",
      "scenes/dock.png",
    ]));
  });
  afterEach(() => removeDir(dir));
  const request = { scene_refs: "scenes/alley.png,scenes/bridge.png,scenes/dock.png", candidates: 2 };

  it("a dry run's log on disk carries it and matches DryRunLog", async () => {
    const { runLogPath } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        request,
        postprocess: {},
        postprocessSettings: { ...off, bg_remove: true, bg_refine_openai: true },
      }),
    );
    const log = JSON.parse(await readFile(runLogPath, "utf8"));
    expect(log.spend_estimate).toMatchObject({
      requests: 6,
      images: 6,
      per_image_usd: 0.063,
      images_usd: 0.378,
      postprocess: [{ stage: "bg_refine_openai", backend: "openai", calls: 6, usd: 0.378 }],
      total_usd: 0.756,
    });
    expect(validator.validateSchema("DryRunLog", log)).toEqual([]);
  });

  it("a dry run over maxSpendUsd writes no log", async () => {
    await expect(
      planDryRun(dryRunOptions({ projectRoot: root, request, postprocess: {}, maxSpendUsd: 0.1 })),
    ).rejects.toThrow(
      "Refused: estimated $0.378 exceeds --max-spend $0.100 by $0.278 (max_spend_usd); nothing was sent",
    );
    await expect(readFile(join(root, "runs"), "utf8")).rejects.toThrow();
  });

  it("a paid run hears it before its first request, and over maxSpendUsd sends nothing", async () => {
    const heard: { estimate: SpendEstimate; requestsSoFar: number }[] = [];
    const options = paidRunOptions({
      projectRoot: root,
      baseURL: `${server.url}/v1`,
      apiKey: "sk-test-spend",
      request,
    });
    await expect(executeRun({ ...options, maxSpendUsd: 0.2 })).rejects.toThrow(
      "Refused: estimated $0.252 exceeds --max-spend $0.200 by $0.052 (max_spend_usd); nothing was sent",
    );
    expect(server.requests).toHaveLength(0);
    const { runLog } = await executeRun({
      ...options,
      maxSpendUsd: 0.3,
      onSpendEstimate: (estimate) => {
        heard.push({ estimate, requestsSoFar: server.requests.length });
      },
    });
    expect(runLog.status).toBe("succeeded");
    // The paid log keeps the estimate the run was checked against.
    expect(runLog.spend_estimate).toEqual(heard[0]?.estimate);
    expect(heard).toEqual([{ estimate: expect.objectContaining({ requests: 6, total_usd: 0.252 }), requestsSoFar: 0 }]);
    expect(server.requests).toHaveLength(6);
  });
});
