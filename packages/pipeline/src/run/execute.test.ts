import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Script } from "@kroma/testkit/images-server";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultManifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { readPngTextMap } from "../files/png-metadata.js";
import { composePrompt } from "../plan/prompt.js";
import { expectSequentialDurations } from "../test-helpers/durations.js";
import { paidRunOptions } from "../test-helpers/run-options.js";
import { useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import type { ExecuteRunOptions, RunProgressEvent } from "./context.js";
import { estimateImageCostUsd } from "./cost.js";
import { executeRun } from "./execute.js";
import type { PaidRunLog } from "./log.js";

const apiKey = "sk-test-0123456789abcdefSECRET";
const server = useImagesServer();
let dir: string;
let root: string;

beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-run-", ["scenes/alley.png", "scenes/bridge.png", "refs/ink.png"]));
});
afterEach(() => removeDir(dir));

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function options(overrides: Partial<ExecuteRunOptions> = {}): ExecuteRunOptions {
  return paidRunOptions({
    projectRoot: root,
    baseURL: `${server.url}/v1`,
    apiKey,
    request: { scene_refs: "scenes/alley.png,scenes/bridge.png", style_refs: "refs/ink.png" },
    now: new Date("2025-03-04T05:06:07Z"),
    ...overrides,
  });
}

/** The scene a request was for, from the first image part's file name. */
const sceneOf = (images: string[]) => images[0] ?? "";

async function readLog(path: string): Promise<PaidRunLog> {
  return JSON.parse(await readFile(path, "utf8")) as PaidRunLog;
}

describe("a paid run: 2 jobs x 3 candidates with retries, a failed candidate and the guard", () => {
  // alley: the first request answers 500, its retry a colourful image (c1, fails the guard), then
  // gray c2 and c3 -> c2 is selected. bridge: gray c1; c2 answers 500 three times (fails after
  // every retry); c3 answers 400 (fails at once) -> c1 is selected.
  const scenario: Script = ({ images, sceneAttempt }) => {
    if (sceneOf(images) === "alley.png") {
      if (sceneAttempt === 0) return { status: 500, message: "upstream hiccup" };
      if (sceneAttempt === 1) return { image: "color" };
      return { image: "gray", usage: { input_tokens: 100, output_tokens: 200, total_tokens: 300 } };
    }
    if (sceneAttempt === 0) return { image: "gray", usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30 } };
    if (sceneAttempt <= 3) return { status: 500, message: "still down" };
    return { status: 400, message: "Your request was rejected by the safety system" };
  };

  it("writes files, selects by the guard, retries, records failures, and the log agrees", async () => {
    server.script(scenario);
    const events: RunProgressEvent[] = [];
    const started = performance.now();
    const { runLog, runLogPath } = await executeRun(
      options({
        request: {
          scene_refs: "scenes/alley.png,scenes/bridge.png",
          style_refs: "refs/ink.png",
          candidates: 3,
          enforce_grayscale: true,
        },
        onProgress: (event) => events.push(event),
      }),
    );
    const wallMs = performance.now() - started;

    // Requests: 4 for alley (one retried), 1 + 3 + 1 for bridge; each with the key, scene + style ref and the prompt.
    const prompt = composePrompt(defaultManifest, { stage: "style", time: "day", weather: "clear" });
    expect(server.requests).toHaveLength(9);
    for (const request of server.requests) {
      expect(request.path).toBe("/v1/images/edits");
      expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
      expect(request.images).toEqual([expect.stringMatching(/^(alley|bridge)\.png$/), "ink.png"]);
      expect(request.fields).toMatchObject({
        prompt,
        model: "gpt-image-1",
        size: "1024x1024",
        quality: "medium",
        n: "1",
        output_format: "png",
        input_fidelity: "high",
      });
    }

    // The log on disk is the one returned, under runs/, and holds no key.
    const text = await readFile(runLogPath, "utf8");
    expect(runLogPath).toBe(join(root, "runs", `${runLog.run_id}.json`));
    expect(JSON.parse(text)).toEqual(runLog);
    expect(text).not.toContain(apiKey);
    expect(runLog).toMatchObject({
      mode: "run",
      project: "demo",
      status: "succeeded",
      generation: { candidates: 3, max_candidates: 6 },
      output_guard: { enabled: true, enforce_grayscale: true },
      summary: { jobs: 2, done: 2, failed: 0, failed_guard: 0, candidates_generated: 4, candidates_failed: 2 },
      usage: { input_tokens: 210, output_tokens: 420, total_tokens: 630 },
      cost_estimate_usd: 0.168,
      started_at: "2025-03-04T05:06:07.000Z",
    });
    expect(runLog.cost_estimate.basis).toMatch(/^Estimate/);
    expect(Date.parse(runLog.finished_at)).toBeGreaterThanOrEqual(Date.parse(runLog.started_at));

    const out = (name: string) => `outputs/${runLog.run_id}/${name}`;
    const [alley, bridge] = runLog.jobs;
    expect(alley).toMatchObject({
      id: "style_1_alley",
      status: "done",
      selected_candidate: 2,
      final_output: out("style_1_alley__c2.png"),
      input_images: ["scenes/alley.png", "refs/ink.png"],
    });
    const [a1, a2, a3] = alley?.candidates ?? [];
    expect(a1).toMatchObject({
      candidate_index: 1,
      output: out("style_1_alley__c1.png"),
      status: "generated",
      rank: { hard_failures: 1 },
      output_guard: {
        checked_input: out("style_1_alley__c1.png"),
        summary: { total_files: 1, hard_failures: 1 },
        files: [
          { file: out("style_1_alley__c1.png"), grayscale_like: false, hard_fail_reasons: ["not_grayscale_like"] },
        ],
      },
    });
    expect(a1?.attempts.map((attempt) => [attempt.status, attempt.ok])).toEqual([
      [500, false],
      [200, true],
    ]);
    expect(a1?.attempts[0]).toMatchObject({ error: "HTTP 500: upstream hiccup", retryable: true });
    expect(a2).toMatchObject({ status: "generated", rank: { hard_failures: 0, soft_warnings: 0 } });
    expect(a3).toMatchObject({ status: "generated", rank: { hard_failures: 0 } });

    expect(bridge).toMatchObject({ id: "style_2_bridge", status: "done", selected_candidate: 1 });
    const [b1, b2, b3] = bridge?.candidates ?? [];
    expect(b1).toMatchObject({ status: "generated", usage: { total_tokens: 30 } });
    expect(b2).toMatchObject({ status: "failed", error: "HTTP 500: still down", sha256: null, rank: null });
    expect(b2?.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 500]);
    expect(b3).toMatchObject({ status: "failed", error: "HTTP 400: Your request was rejected by the safety system" });
    expect(b3?.attempts).toHaveLength(1);
    expect(b3?.attempts[0]).toMatchObject({ status: 400, retryable: false });
    expect(existsSync(join(root, out("style_2_bridge__c2.png")))).toBe(false);
    expect(existsSync(join(root, out("style_2_bridge__c3.png")))).toBe(false);

    // Every generated file on disk matches its logged digest; each final output is its selected candidate's file.
    for (const job of runLog.jobs) {
      for (const candidate of job.candidates.filter((c) => c.status === "generated")) {
        const bytes = await readFile(join(root, candidate.output));
        expect(sha256(bytes)).toBe(candidate.sha256);
        expect(bytes.length).toBe(candidate.bytes);
      }
      const selected = job.candidates[(job.selected_candidate ?? 0) - 1];
      expect(job.final_output).toBe(selected?.output);
      const final = await readFile(join(root, job.final_output ?? "missing"));
      expect(sha256(final)).toBe(selected?.sha256);
    }

    // Durations: each candidate within the call (a candidate's writing and guard overlap the next
    // one's request, so candidates no longer add up), each candidate's attempts one after another within it.
    const candidates = runLog.jobs.flatMap((job) => job.candidates);
    for (const candidate of candidates) {
      expectSequentialDurations([candidate.ms], wallMs);
      expectSequentialDurations(
        candidate.attempts.map((attempt) => attempt.ms),
        candidate.ms,
      );
    }

    // The selected alley image is the gray one and carries its origin as PNG text.
    const finalAlley = await readFile(join(root, out("style_1_alley__c2.png")));
    expect(readPngTextMap(finalAlley)).toMatchObject({
      "kroma:run_id": runLog.run_id,
      "kroma:job_id": "style_1_alley",
      "kroma:candidate": "2",
      Description: prompt,
    });
    const { channels } = await sharp(finalAlley).stats();
    expect(channels[0]?.mean).toBe(channels[2]?.mean);

    // Progress: one line per candidate outcome, retries announced, and a job_done per job.
    const jobDone = events.filter((event) => event.phase === "job_done");
    expect(jobDone.map((event) => [event.job, event.jobIndex, event.jobs, event.status])).toEqual([
      ["style_1_alley", 1, 2, "done"],
      ["style_2_bridge", 2, 2, "done"],
    ]);
    expect(events.filter((event) => event.phase === "retry")).toHaveLength(3);
    expect(events.filter((event) => event.phase === "candidate_failed").map((e) => [e.job, e.candidate])).toEqual([
      ["style_2_bridge", 2],
      ["style_2_bridge", 3],
    ]);
  });

  it("a second run over the same scenes writes its own files and leaves the first run's true to its log", async () => {
    const request = { scene_refs: "scenes/alley.png,scenes/bridge.png", candidates: 3, enforce_grayscale: true };
    server.script(scenario);
    const first = await executeRun(options({ request }));
    expect((await readdir(join(root, "outputs", first.runLog.run_id))).sort()).toEqual([
      "style_1_alley__c1.png",
      "style_1_alley__c2.png",
      "style_1_alley__c3.png",
      "style_2_bridge__c1.png",
    ]);

    server.reset();
    server.script(() => ({ image: "gray" }));
    const second = await executeRun(options({ request, now: new Date("2025-03-04T06:00:00Z") }));
    expect(second.runLog.status).toBe("succeeded");
    expect(second.runLog.run_id).not.toBe(first.runLog.run_id);
    expect((await readdir(join(root, "outputs"))).sort()).toEqual([first.runLog.run_id, second.runLog.run_id].sort());
    // Nothing was replaced, so nothing was archived, and both logs still describe the bytes on disk.
    expect(existsSync(join(root, "archive"))).toBe(false);
    for (const { runLog } of [first, second]) {
      for (const job of runLog.jobs) {
        for (const candidate of job.candidates.filter((c) => c.status === "generated")) {
          expect(candidate.output.startsWith(`outputs/${runLog.run_id}/`)).toBe(true);
          expect(candidate.archived_previous).toBeNull();
          const bytes = await readFile(join(root, candidate.output));
          expect(sha256(bytes)).toBe(candidate.sha256);
          expect(readPngTextMap(bytes)["kroma:run_id"]).toBe(runLog.run_id);
        }
        expect(job.final_output_archived_previous).toBeNull();
      }
    }
    expect(await readdir(join(root, "runs"))).toHaveLength(2);
  });
});

describe("refusals before any request", () => {
  it("refuses without --confirm-spend and sends nothing", async () => {
    const refused = executeRun(options({ confirmSpend: false }));
    await expect(refused).rejects.toThrow("Run mode requires explicit spend confirmation (--confirm-spend)");
    await expect(refused).rejects.toBeInstanceOf(PipelineError);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(join(root, "runs"))).toBe(false);
    expect(existsSync(join(root, "outputs"))).toBe(false);
  });

  it("refuses without an API key and sends nothing", async () => {
    for (const key of [undefined, "", "   "]) {
      await expect(executeRun(options({ apiKey: key }))).rejects.toThrow(
        "OPENAI_API_KEY is not set and the project has no openai/api_key secret",
      );
    }
    expect(server.requests).toHaveLength(0);
    expect(existsSync(join(root, "runs"))).toBe(false);
  });

  it("refuses a bad request before spending", async () => {
    await expect(executeRun(options({ request: { scene_refs: "scenes/alley.png", time: "night" } }))).rejects.toThrow(
      "Field 'time' requires stage 'time' or 'weather'",
    );
    await expect(executeRun(options({ request: { scene_refs: "../outside.png" } }))).rejects.toThrow(
      "must not contain '..' segments",
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("failures", () => {
  it("fails a 400 at once with its status and message, and still writes the log", async () => {
    server.script(() => ({ status: 400, message: "Invalid size '13x13'" }));
    const { runLog, runLogPath } = await executeRun(options({ request: { scene_refs: "scenes/alley.png" } }));
    expect(server.requests).toHaveLength(1);
    expect(runLog).toMatchObject({
      status: "failed",
      summary: { jobs: 1, done: 0, failed: 1, candidates_generated: 0, candidates_failed: 1 },
      cost_estimate_usd: 0,
      usage: null,
    });
    const job = runLog.jobs[0];
    expect(job).toMatchObject({ status: "failed", selected_candidate: null, final_output: null });
    expect(job?.error).toBe("All 1 candidate(s) failed; last error: HTTP 400: Invalid size '13x13'");
    expect(job?.candidates[0]?.attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 400,
        ok: false,
        retryable: false,
        error: "HTTP 400: Invalid size '13x13'",
      }),
    ]);
    expect((await readLog(runLogPath)).status).toBe("failed");
    expect(existsSync(join(root, `outputs/${runLog.run_id}/style_1_alley.png`))).toBe(false);
  });

  it("carries on with the next job when one fails, and calls the run partial", async () => {
    server.script(({ images }) => (sceneOf(images) === "alley.png" ? { status: 422, message: "bad image" } : {}));
    const { runLog } = await executeRun(options());
    expect(runLog.status).toBe("partial");
    expect(runLog.jobs.map((job) => job.status)).toEqual(["failed", "done"]);
    expect(existsSync(join(root, `outputs/${runLog.run_id}/style_2_bridge.png`))).toBe(true);
  });

  it("retries 429, dropped connections and timeouts, recording each attempt", async () => {
    server.script(({ images, sceneAttempt }) => {
      if (sceneOf(images) === "alley.png" && sceneAttempt === 0) return { status: 429, message: "Rate limit reached" };
      if (sceneOf(images) === "alley.png" && sceneAttempt === 1) return { destroy: true };
      if (sceneOf(images) === "bridge.png" && sceneAttempt === 0) return { delayMs: 1500 };
      return {};
    });
    const { runLog } = await executeRun(options({ timeoutMs: 300 }));
    expect(runLog.status).toBe("succeeded");
    const [alley, bridge] = runLog.jobs;
    expect(alley?.candidates[0]?.attempts.map((a) => [a.status, a.ok, a.retryable])).toEqual([
      [429, false, true],
      [null, false, true],
      [200, true, undefined],
    ]);
    expect(alley?.candidates[0]?.attempts[0]?.error).toBe("HTTP 429: Rate limit reached");
    expect(alley?.candidates[0]?.attempts[1]?.error).toMatch(/^Network error/);
    expect(bridge?.candidates[0]?.attempts[0]).toMatchObject({ status: null, retryable: true });
    expect(bridge?.candidates[0]?.attempts[0]?.error).toMatch(/^Request timed out/);
    expect(bridge?.candidates[0]?.attempts[0]?.ms).toBeGreaterThanOrEqual(250);
  });

  it("gives up after three attempts on a server that stays down, backing off between them", async () => {
    server.script(() => ({ status: 503, message: "overloaded" }));
    const { runLog } = await executeRun(options({ request: { scene_refs: "scenes/alley.png" }, retryDelayMs: 40 }));
    const candidate = runLog.jobs[0]?.candidates[0];
    expect(candidate?.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
    // Waits of 40 ms then 80 ms between the three attempts.
    expect(candidate?.ms).toBeGreaterThanOrEqual(120);
    expect(server.requests).toHaveLength(3);
  });

  it("never lets the key into an error, even when the API echoes it", async () => {
    server.script(() => ({ status: 401, message: `Incorrect API key provided: ${apiKey}` }));
    const { runLog, runLogPath } = await executeRun(options({ request: { scene_refs: "scenes/alley.png" } }));
    expect(runLog.jobs[0]?.candidates[0]?.error).toBe("HTTP 401: Incorrect API key provided: [redacted]");
    expect(await readFile(runLogPath, "utf8")).not.toContain("0123456789abcdef");
  });

  it("records a candidate it cannot write as failed and goes on", async () => {
    await writeFile(join(root, "outputs"), "a file where the outputs directory should be");
    const { runLog } = await executeRun(options());
    expect(runLog.status).toBe("failed");
    expect(runLog.jobs[0]?.candidates[0]?.error).toMatch(/^Could not write outputs\/run_[^/]+\/style_1_alley\.png: /);
    expect(server.requests).toHaveLength(2);
    expect(await readdir(join(root, "runs"))).toHaveLength(1);
  });

  it("rejects an answer without a PNG instead of writing it", async () => {
    server.script(({ index }) =>
      index === 0 ? { b64: Buffer.from("not an image").toString("base64") } : { b64: null },
    );
    const { runLog } = await executeRun(options());
    expect(runLog.jobs[0]?.candidates[0]?.error).toBe("The images API returned an image that is not a PNG");
    expect(runLog.jobs[1]?.candidates[0]?.error).toBe("The images API returned no base64 image (model gpt-image-1)");
    expect(server.requests).toHaveLength(2);
  });
});

describe("the output guard", () => {
  it("marks a job failed_guard when its best candidate still fails, keeping the output", async () => {
    server.script(() => ({ image: "color" }));
    const { runLog } = await executeRun(
      options({ request: { scene_refs: "scenes/alley.png", candidates: 2, enforce_grayscale: true } }),
    );
    const job = runLog.jobs[0];
    expect(job).toMatchObject({
      status: "failed_guard",
      selected_candidate: 1,
      final_output: `outputs/${runLog.run_id}/style_1_alley__c1.png`,
    });
    expect(job?.error).toBe("Best candidate 1 fails the output guard: not_grayscale_like");
    expect(runLog).toMatchObject({ status: "failed", summary: { done: 0, failed_guard: 1, candidates_generated: 2 } });
    expect(existsSync(join(root, `outputs/${runLog.run_id}/style_1_alley__c1.png`))).toBe(true);
  });

  it("with the guard off, checks nothing and keeps the first generated candidate", async () => {
    server.script(({ sceneAttempt }) => ({ image: sceneAttempt === 0 ? "color" : "gray" }));
    const { runLog } = await executeRun(
      options({
        request: {
          scene_refs: "scenes/alley.png",
          candidates: 2,
          enforce_grayscale: true,
          output_guard_enabled: false,
        },
      }),
    );
    expect(runLog.jobs[0]).toMatchObject({ status: "done", selected_candidate: 1 });
    expect(runLog.jobs[0]?.candidates[0]).toMatchObject({ status: "generated", rank: null, output_guard: null });
  });
});

describe("one candidate per job", () => {
  it("writes outputs/<run_id>/<job_id>.png, which is also the final output", async () => {
    const { runLog } = await executeRun(options({ request: { scene_refs: "scenes/alley.png" } }));
    const output = `outputs/${runLog.run_id}/style_1_alley.png`;
    expect(runLog.jobs[0]).toMatchObject({
      status: "done",
      selected_candidate: 1,
      final_output: output,
      candidates: [{ output, status: "generated" }],
    });
    expect(await readdir(join(root, "outputs", runLog.run_id))).toEqual(["style_1_alley.png"]);
  });

  it("with archive_replaced off, a second run still keeps the first one's file", async () => {
    const request = { scene_refs: "scenes/alley.png", archive_replaced: false };
    const first = await executeRun(options({ request }));
    const { runLog } = await executeRun(options({ request, now: new Date("2025-03-04T07:00:00Z") }));
    expect(runLog.archive_replaced).toBe(false);
    expect(runLog.jobs[0]?.candidates[0]?.archived_previous).toBeNull();
    expect(existsSync(join(root, "archive"))).toBe(false);
    for (const log of [first.runLog, runLog]) {
      const tags = readPngTextMap(await readFile(join(root, `outputs/${log.run_id}/style_1_alley.png`)));
      expect(tags["kroma:run_id"]).toBe(log.run_id);
    }
  });

  it("leaves no temporary files behind", async () => {
    const { runLog } = await executeRun(options({ request: { scene_refs: "scenes/alley.png", candidates: 2 } }));
    const names = await readdir(join(root, "outputs", runLog.run_id));
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("cost estimate", () => {
  it("takes the list price of every model, size and quality from the model table, and knows nothing else", () => {
    expect(estimateImageCostUsd("gpt-image-1", "1024x1024", "low")).toBe(0.011);
    expect(estimateImageCostUsd("gpt-image-1", "1024x1024", "high")).toBe(0.167);
    expect(estimateImageCostUsd("gpt-image-1", "1024x1536", "medium")).toBe(0.063);
    expect(estimateImageCostUsd("gpt-image-1", "1536x1024", "high")).toBe(0.25);
    expect(estimateImageCostUsd("gpt-image-1-mini", "1024x1024", "medium")).toBe(0.011);
    expect(estimateImageCostUsd("gpt-image-1-mini", "1536x1024", "high")).toBe(0.052);
    expect(estimateImageCostUsd("gpt-image-1.5", "1024x1024", "high")).toBe(0.133);
    expect(estimateImageCostUsd("gpt-image-1.5", "1024x1536", "low")).toBe(0.013);
    // A size no model accepts, `auto` (the API picks) and unknown models have no price.
    expect(estimateImageCostUsd("gpt-image-1", "768x1152", "medium")).toBeNull();
    expect(estimateImageCostUsd("gpt-image-1", "1024x1024", "auto")).toBeNull();
    expect(estimateImageCostUsd("gpt-image-1", "auto", "medium")).toBeNull();
    expect(estimateImageCostUsd("dall-e-2", "1024x1024", "medium")).toBeNull();
  });
});
