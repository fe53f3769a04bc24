// The run logs the pipeline writes match `RunLog` in the OpenAPI spec (components.schemas), the
// schema their TypeScript types are generated from: real dry and paid runs (against the local
// images stand-in), read back from disk, checked with the contract's ajv validator.
import { readFile } from "node:fs/promises";
import { createContractValidator, openapiDocument } from "@kroma/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planDryRun } from "../plan/dry-run.js";
import type { RunLog } from "../plan/run-log.js";
import { dryRunOptions, paidRunOptions } from "../test-helpers/run-options.js";
import { useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import { executeRun } from "./execute.js";

const validator = createContractValidator(openapiDocument);
const apiKey = "sk-test-0123456789abcdefSECRET";
const postprocess = { upscale: true, upscale_backend: "ncnn", color: false, pipeline_order: ["generate", "upscale"] };
const server = useImagesServer();
let dir: string;
let root: string;

beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-run-log-schema-", [
    "scenes/alley.png",
    "scenes/bridge.png",
    "refs/ink.png",
  ]));
});
afterEach(() => removeDir(dir));

async function readLog(path: string): Promise<RunLog> {
  return JSON.parse(await readFile(path, "utf8")) as RunLog;
}

const request = { scene_refs: "scenes/alley.png,scenes/bridge.png", style_refs: "refs/ink.png", candidates: 2 };

/**
 * A paid run with both job shapes: alley is retried once (500), then its candidates are a
 * colourful image (fails the guard) and a gray one with token usage (selected); every request
 * for bridge is rejected (400), so that job fails with no output.
 */
async function paidRunLog(): Promise<RunLog> {
  server.script(({ images, sceneAttempt }) => {
    if (images[0] === "bridge.png") return { status: 400, message: "Your request was rejected by the safety system" };
    if (sceneAttempt === 0) return { status: 500, message: "upstream hiccup" };
    if (sceneAttempt === 1) return { image: "color" };
    return {
      image: "gray",
      usage: {
        input_tokens: 100,
        input_tokens_details: { image_tokens: 80, text_tokens: 20 },
        output_tokens: 200,
        total_tokens: 300,
      },
    };
  });
  const { runLogPath } = await executeRun(
    paidRunOptions({
      projectRoot: root,
      baseURL: `${server.url}/v1`,
      apiKey,
      request: { ...request, enforce_grayscale: true },
      retryDelayMs: 1,
      now: new Date("2025-03-04T05:06:07Z"),
    }),
  );
  return readLog(runLogPath);
}

describe("run logs match RunLog in the OpenAPI spec", () => {
  it("a dry run's log", async () => {
    const { runLogPath } = await planDryRun(
      dryRunOptions({ projectRoot: root, resolvedFromBackend: true, request, postprocess }),
    );
    const log = await readLog(runLogPath);
    expect(log).toMatchObject({ mode: "dry", status: "planned", summary: { jobs: 2, candidates: 4 } });
    expect(validator.validateSchema("RunLog", log)).toEqual([]);
    expect(validator.validateSchema("DryRunLog", log)).toEqual([]);
  });

  it("a paid run's log, with a done and a permanently failing job", async () => {
    const log = await paidRunLog();
    if (log.mode !== "run") throw new Error("expected a paid run log");
    // Both job shapes and both candidate shapes are present, so the check covers them.
    expect(log.status).toBe("partial");
    expect(log.jobs.map((job) => job.status)).toEqual(["done", "failed"]);
    const [alley, bridge] = log.jobs;
    expect(alley?.candidates.map((candidate) => candidate.status)).toEqual(["generated", "generated"]);
    expect(alley?.candidates[1]).toMatchObject({ usage: { total_tokens: 300 }, rank: { hard_failures: 0 } });
    expect(alley?.candidates[0]?.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(bridge).toMatchObject({ selected_candidate: null, final_output: null, error: expect.any(String) });
    expect(bridge?.candidates[0]).toMatchObject({ status: "failed", rank: null, output_guard: null, sha256: null });
    expect(log.usage).toEqual({ input_tokens: 100, output_tokens: 200, total_tokens: 300 });

    expect(validator.validateSchema("RunLog", log)).toEqual([]);
    expect(validator.validateSchema("PaidRunLog", log)).toEqual([]);
  });

  it("reports a log with a wrong status", async () => {
    const log = await paidRunLog();
    const broken = { ...log, status: "finished" };
    const issues = validator.validateSchema("RunLog", broken);
    expect(issues).toContainEqual({
      field: "status",
      message: "Field 'status' must be one of: succeeded, partial, failed, canceled",
    });
    expect(validator.validateSchema("PaidRunLog", broken)).toEqual([
      { field: "status", message: "Field 'status' must be one of: succeeded, partial, failed, canceled" },
    ]);

    const badJob = { ...log, jobs: log.jobs.map((job, i) => (i === 0 ? { ...job, status: "planned" } : job)) };
    expect(validator.validateSchema("PaidRunLog", badJob)).toEqual([
      {
        field: "jobs.0.status",
        message: "Field 'jobs.0.status' must be one of: done, failed, failed_guard, canceled, running",
      },
    ]);
  });
});
