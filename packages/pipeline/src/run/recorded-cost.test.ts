import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paidRunOptions } from "../test-helpers/run-options.js";
import { useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import type { ExecuteRunOptions } from "./context.js";
import { executeRun } from "./execute.js";
import { recordedSpend } from "./recorded-cost.js";

describe("recordedSpend", () => {
  it("sums the priced answers, and is null when any answer was not priced", () => {
    const priced = { cost: { usd: 0.04 } };
    const unpriced = { cost: { usd: null, reason: "The images API answer carried no usage" } };
    expect(recordedSpend([priced, priced, {}])).toMatchObject({
      usd: 0.08,
      priced_usd: 0.08,
      priced_requests: 2,
      unpriced_requests: 0,
    });
    expect(recordedSpend([priced, unpriced])).toMatchObject({
      usd: null,
      priced_usd: 0.04,
      priced_requests: 1,
      unpriced_requests: 1,
    });
    expect(recordedSpend([])).toMatchObject({ usd: 0, priced_requests: 0, unpriced_requests: 0 });
    // A candidate's refine pass is an image request too: its stage's recorded cost counts.
    const refined = {
      cost: { usd: 0.04 },
      postprocess: {
        stages: [
          { stage: "bg_remove", params: {} },
          { stage: "bg_refine_openai", params: { cost: { usd: 0.045 } } },
        ],
      },
    };
    expect(recordedSpend([refined])).toMatchObject({ usd: 0.085, priced_requests: 2 });
    const unpricedRefine = {
      postprocess: { stages: [{ stage: "bg_refine_openai", params: { cost: { usd: null } } }] },
    };
    expect(recordedSpend([priced, unpricedRefine])).toMatchObject({
      usd: null,
      priced_usd: 0.04,
      unpriced_requests: 1,
    });
  });
});

describe("a paid run's recorded cost, against the stand-in's usage", () => {
  const server = useImagesServer();
  let dir = "";
  let root = "";
  beforeEach(async () => {
    ({ dir, root } = await makeTempProject("kroma-recorded-", [
      "scenes/alley.png",
      "scenes/bridge.png",
      "refs/ink.png",
    ]));
  });
  afterEach(() => removeDir(dir));

  const options = (overrides: Partial<ExecuteRunOptions> = {}) =>
    paidRunOptions({
      projectRoot: root,
      baseURL: `${server.url}/v1`,
      apiKey: "sk-test-recorded-0123456789",
      request: { scene_refs: "scenes/alley.png,scenes/bridge.png", style_refs: "refs/ink.png", candidates: 2 },
      ...overrides,
    });

  it("records each answer's cost from its usage; the image output part matches the list-price estimate", async () => {
    server.script(() => ({ image: "gray", usage: "openai" }));
    for (const [size, quality] of [
      ["1024x1024", "medium"],
      ["1024x1536", "high"],
    ] as const) {
      const { runLog } = await executeRun(options({ size, quality, runId: `run_recorded_${quality}` }));
      const candidates = runLog.jobs.flatMap((job) => job.candidates);
      expect(candidates).toHaveLength(4);
      const estimate = runLog.spend_estimate;
      const perImage = estimate?.per_image_usd ?? Number.NaN;
      for (const candidate of candidates) {
        expect(candidate.usage?.input_tokens_details).toEqual({ text_tokens: expect.any(Number), image_tokens: 510 });
        const cost = candidate.cost;
        // The estimate is the list price per image, which OpenAI rounds from the output tokens'
        // price: the two agree to the list price's last digit (half a tenth of a cent).
        expect(Math.abs((cost?.image_output_usd ?? Number.NaN) - perImage)).toBeLessThanOrEqual(0.0005);
        // On top of it, the recorded cost has the input tokens the estimate leaves out: the prompt
        // and two 8x8 input images (255 image tokens each at $10 per 1M).
        expect(cost?.image_input_usd).toBe(0.0051);
        expect(cost?.text_input_usd).toBeGreaterThan(0);
        expect(cost?.usd).toBeCloseTo(
          (cost?.text_input_usd ?? 0) + (cost?.image_input_usd ?? 0) + (cost?.image_output_usd ?? 0),
          6,
        );
      }
      // Run totals: recorded = estimate + the input tokens' cost, within the list price's rounding per image.
      const recorded = runLog.spend_recorded;
      expect(recorded).toMatchObject({ priced_requests: 4, unpriced_requests: 0 });
      const inputUsd = candidates.reduce(
        (sum, c) => sum + (c.cost?.text_input_usd ?? 0) + (c.cost?.image_input_usd ?? 0),
        0,
      );
      expect(
        Math.abs((recorded?.usd ?? Number.NaN) - ((estimate?.total_usd ?? Number.NaN) + inputUsd)),
      ).toBeLessThanOrEqual(0.0005 * 4);
    }
  });

  it("records an answer without usage as cost null with its reason, and the run's recorded spend as unknown, not 0", async () => {
    server.script(({ index }) => (index === 0 ? { image: "gray" } : { image: "gray", usage: "openai" }));
    const { runLog } = await executeRun(options());
    const candidates = runLog.jobs.flatMap((job) => job.candidates);
    const without = candidates.filter((candidate) => candidate.usage === undefined);
    expect(without).toHaveLength(1);
    expect(without[0]?.cost).toEqual({ usd: null, reason: "The images API answer carried no usage" });
    expect(runLog.spend_recorded).toMatchObject({ usd: null, priced_requests: 3, unpriced_requests: 1 });
    expect(runLog.spend_recorded?.priced_usd).toBeGreaterThan(0);
  });

  it("records no cost for a candidate whose requests all failed: no answer, nothing billed", async () => {
    server.script(() => ({ status: 400, message: "Your request was rejected by the safety system" }));
    const { runLog } = await executeRun(options({ request: { scene_refs: "scenes/alley.png" } }));
    expect(runLog.jobs[0]?.candidates[0]?.cost).toBeUndefined();
    expect(runLog.spend_recorded).toMatchObject({ usd: 0, priced_requests: 0, unpriced_requests: 0 });
  });
});
