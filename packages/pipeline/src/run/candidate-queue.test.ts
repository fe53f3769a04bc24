import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type HeldImages, startHeldImages } from "@kroma/testkit/held-images";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultPipelineSettings } from "../config/settings.js";
import { readPngTextMap } from "../files/png-metadata.js";
import { paidRunOptions } from "../test-helpers/run-options.js";
import { useCutoutServices, useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import { type ExecuteRunOptions, RunInterruptedError, type RunProgressEvent } from "./context.js";
import { executeRun } from "./execute.js";
import { readRunJournal } from "./journal.js";

// A job's candidates as a pipeline (candidate-queue.ts): concurrent requests, a hung request that
// times out, a 429's retry-after, and a candidate's post-processing overlapping the next request.

const apiKey = "sk-test-queue-0123456789";
const server = useImagesServer();
const services = useCutoutServices();
let dir: string;
let root: string;
let held: HeldImages | undefined;

beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-queue-", ["scenes/alley.png", "scenes/bridge.png"]));
});
afterEach(async () => {
  await held?.close();
  held = undefined;
  await removeDir(dir);
});

function options(overrides: Partial<ExecuteRunOptions> = {}): ExecuteRunOptions {
  return paidRunOptions({
    projectRoot: root,
    baseURL: `${server.url}/v1`,
    apiKey,
    request: { scene_refs: "scenes/alley.png", candidates: 3 },
    ...overrides,
  });
}

/** The candidate indexes of one phase's events, in the order they were sent. */
const candidatesOf = (events: RunProgressEvent[], phase: RunProgressEvent["phase"]) =>
  events.filter((event) => event.phase === phase).map((event) => event.candidate);

describe("concurrent requests", () => {
  it("sends up to `concurrency` requests at once and still writes, logs and announces candidates in order", async () => {
    held = await startHeldImages();
    const events: RunProgressEvent[] = [];
    const run = executeRun(
      options({ baseURL: `${held.url}/v1`, concurrency: 2, onProgress: (event) => events.push(event) }),
    );
    // Two requests are in flight together, neither answered.
    await held.request(1);
    expect(held.requests.map((request) => request.answered)).toEqual([false, false]);
    // The second to arrive is answered first: the third request goes out in its place while the first still waits.
    held.release(1);
    await held.request(2);
    expect(held.requests[0]?.answered).toBe(false);
    held.answerAll();
    const { runLog } = await run;

    expect(runLog.status).toBe("succeeded");
    const [job] = runLog.jobs;
    expect(job?.candidates.map((candidate) => [candidate.candidate_index, candidate.status])).toEqual([
      [1, "generated"],
      [2, "generated"],
      [3, "generated"],
    ]);
    for (const candidate of job?.candidates ?? []) {
      expect(candidate.output).toBe(`outputs/${runLog.run_id}/style_1_alley__c${candidate.candidate_index}.png`);
      const tags = readPngTextMap(await readFile(join(root, candidate.output)));
      expect(tags["kroma:candidate"]).toBe(String(candidate.candidate_index));
    }
    expect(candidatesOf(events, "request")).toEqual([1, 2, 3]);
    expect(candidatesOf(events, "candidate_done")).toEqual([1, 2, 3]);
  });

  it("with concurrency 1, sends one request at a time", async () => {
    held = await startHeldImages();
    const run = executeRun(options({ baseURL: `${held.url}/v1`, concurrency: 1 }));
    await held.request(0);
    held.release(0);
    await held.request(1);
    expect(held.requests.map((request) => request.answered)).toEqual([true, false]);
    held.answerAll();
    expect((await run).runLog.summary).toMatchObject({ candidates_generated: 3 });
    expect(held.requests).toHaveLength(3);
  });
});

describe("a request that never answers", () => {
  it("times out and is retried while the other candidates go on, and the run finishes", async () => {
    server.script(({ index }) => (index === 0 ? { hang: true } : { image: "gray" }));
    const { runLog } = await executeRun(options({ timeoutMs: 300, concurrency: 2 }));
    expect(runLog.status).toBe("succeeded");
    const attempts = runLog.jobs[0]?.candidates.map((candidate) => candidate.attempts) ?? [];
    const hung = attempts.filter((tries) => tries.length === 2);
    expect(hung).toHaveLength(1);
    expect(hung[0]?.[0]).toMatchObject({ ok: false, status: null, retryable: true });
    expect(hung[0]?.[0]?.error).toMatch(/^Request timed out/);
    expect(hung[0]?.[1]).toMatchObject({ ok: true, status: 200 });
    // The hung request held one slot only: the other candidates were answered meanwhile.
    expect(server.requests).toHaveLength(4);
    expect(hung[0]?.[1]?.request_id).toBe("req_3");
  });

  it("fails the candidate after its last attempt times out, and the job and run still finish", async () => {
    server.script(({ index }) => (index <= 1 ? { hang: true } : { image: "gray" }));
    const { runLog } = await executeRun(
      options({
        request: { scene_refs: "scenes/alley.png,scenes/bridge.png", candidates: 2 },
        timeoutMs: 200,
        maxAttempts: 2,
        concurrency: 1,
      }),
    );
    expect(runLog.status).toBe("succeeded");
    const [alley, bridge] = runLog.jobs;
    expect(alley?.candidates[0]).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^Request timed out/),
    });
    expect(alley?.candidates[0]?.attempts.map((attempt) => [attempt.status, attempt.retryable])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(alley).toMatchObject({ status: "done", selected_candidate: 2 });
    expect(bridge).toMatchObject({ status: "done", selected_candidate: 1 });
    expect(server.requests).toHaveLength(5);
  });
});

describe("a 429 with retry-after", () => {
  it("waits as long as the API asked before retrying, while the other candidates' requests go on", async () => {
    server.script(({ index }) =>
      index === 0 ? { status: 429, message: "Rate limit reached", headers: { "retry-after": "2" } } : { image: "gray" },
    );
    const { runLog } = await executeRun(
      options({ request: { scene_refs: "scenes/alley.png", candidates: 4 }, concurrency: 2, retryDelayMs: 10 }),
    );
    expect(runLog.status).toBe("succeeded");
    const candidates = runLog.jobs[0]?.candidates ?? [];
    const limited = candidates.find((candidate) => candidate.attempts.length === 2);
    expect(limited?.attempts.map((attempt) => attempt.status)).toEqual([429, 200]);
    // Its retry was the last request the stand-in saw: the other three were sent and answered
    // during the two seconds asked for, where our own back-off would have waited 10 ms.
    expect(server.requests).toHaveLength(5);
    expect(limited?.attempts[1]?.request_id).toBe("req_4");
    const others = candidates.filter((candidate) => candidate !== limited);
    expect(others.map((candidate) => candidate.attempts[0]?.request_id).sort()).toEqual(["req_1", "req_2", "req_3"]);
  });

  it("announces the wait the API asked for in the retry event", async () => {
    server.script(({ index }) =>
      index === 0 ? { status: 429, headers: { "retry-after-ms": "150" } } : { image: "gray" },
    );
    const events: RunProgressEvent[] = [];
    await executeRun(
      options({ request: { scene_refs: "scenes/alley.png" }, retryDelayMs: 10, onProgress: (e) => events.push(e) }),
    );
    expect(events.filter((event) => event.phase === "retry").map((event) => event.delayMs)).toEqual([150]);
  });
});

describe("post-processing overlaps the next request", () => {
  it("sends candidate 2's request while candidate 1's cut-out is still running, and keeps the order", async () => {
    held = await startHeldImages();
    services.reply("photoroom", { kind: "held" });
    const events: RunProgressEvent[] = [];
    const run = executeRun(
      options({
        baseURL: `${held.url}/v1`,
        request: { scene_refs: "scenes/alley.png", candidates: 2 },
        concurrency: 1,
        onProgress: (event) => events.push(event),
        postprocess: {
          settings: { ...defaultPipelineSettings.postprocess, bg_remove: true, bg_remove_backends: ["photoroom"] },
          context: { keys: { photoroom: services.key }, baseUrls: { photoroom: services.photoroomUrl } },
        },
      }),
    );
    await held.request(0);
    held.release(0);
    // Candidate 1's cut-out is held by the stand-in, so its post-processing cannot finish until
    // released below; candidate 2's request arrives all the same.
    await held.request(1);
    await expect.poll(() => services.held()).toBe(1);
    expect(candidatesOf(events, "candidate_done")).toEqual([]);
    expect(candidatesOf(events, "request")).toEqual([1, 2]);

    services.reply("photoroom", { kind: "cutout" });
    services.releaseHeld();
    held.answerAll();
    const { runLog } = await run;
    expect(runLog.status).toBe("succeeded");
    expect(candidatesOf(events, "candidate_done")).toEqual([1, 2]);
    expect(runLog.jobs[0]?.candidates.map((candidate) => candidate.postprocess?.status)).toEqual(["done", "done"]);
    expect(services.requests).toHaveLength(2);
  });
});

describe("stopping with requests in flight", () => {
  it("an abort journals every request in flight as possibly billed, then the run rejects", async () => {
    held = await startHeldImages();
    const abort = new AbortController();
    const run = executeRun(
      options({ baseURL: `${held.url}/v1`, concurrency: 2, abortSignal: abort.signal, runId: "run_queue_abort" }),
    );
    await held.request(1);
    abort.abort();
    await expect(run).rejects.toBeInstanceOf(RunInterruptedError);
    const journal = await readRunJournal(root, "run_queue_abort");
    expect(journal?.aborted.map((request) => [request.job, request.candidate, request.possibly_billed])).toEqual(
      expect.arrayContaining([
        ["style_1_alley", 1, true],
        ["style_1_alley", 2, true],
      ]),
    );
    expect(journal?.aborted).toHaveLength(2);
    // The third candidate was never sent.
    expect(held.requests).toHaveLength(2);
  });

  it("an interrupt lets the requests in flight finish and write their images, sends no more, and keeps the journal", async () => {
    held = await startHeldImages();
    const interrupt = new AbortController();
    const events: RunProgressEvent[] = [];
    const run = executeRun(
      options({
        baseURL: `${held.url}/v1`,
        concurrency: 2,
        interruptSignal: interrupt.signal,
        runId: "run_queue_interrupt",
        onProgress: (event) => events.push(event),
      }),
    );
    await held.request(1);
    interrupt.abort();
    held.answerAll();
    await expect(run).rejects.toBeInstanceOf(RunInterruptedError);
    expect(held.requests).toHaveLength(2);
    expect(candidatesOf(events, "candidate_done")).toEqual([1, 2]);
    expect(await readRunJournal(root, "run_queue_interrupt")).toMatchObject({ aborted: [] });
  });
});
