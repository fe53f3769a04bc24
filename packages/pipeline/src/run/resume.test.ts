import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paidRunOptions } from "../test-helpers/run-options.js";
import { useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempProject, removeDir } from "../test-helpers/temp-dir.js";
import { type ExecuteRunOptions, RunInterruptedError } from "./context.js";
import { executeRun } from "./execute.js";
import { readRunJournal, runJournalPath } from "./journal.js";
import { type ResumeRunOptions, resumeRun } from "./resume.js";

const apiKey = "sk-test-resume-0123456789";
const scenes = ["scenes/a.png", "scenes/b.png", "scenes/c.png"];
const server = useImagesServer();
let dir: string;
let root: string;

beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-resume-", scenes));
});
afterEach(() => removeDir(dir));

function options(overrides: Partial<ExecuteRunOptions> = {}): ExecuteRunOptions {
  return paidRunOptions({
    projectRoot: root,
    baseURL: `${server.url}/v1`,
    apiKey,
    request: { scene_refs: scenes.join(",") },
    runId: "run_test_resume",
    ...overrides,
  });
}

/** Resumes the interrupted run against the stand-in. */
function resume(overrides: Partial<ResumeRunOptions> = {}) {
  return resumeRun({
    runId: "run_test_resume",
    projectRoot: root,
    confirmSpend: true,
    apiKey,
    baseURL: `${server.url}/v1`,
    ...overrides,
  });
}

/** Aborts `controller` as soon as the first job has finished. */
function stopAfterFirstJob(controller: AbortController): Partial<ExecuteRunOptions> {
  return {
    onProgress: (event) => {
      if (event.phase === "job_done") controller.abort();
    },
  };
}

describe("cancel", () => {
  it("stops before the next request, records the rest as canceled and writes the log", async () => {
    const cancel = new AbortController();
    const { runLog, runLogPath } = await executeRun(
      options({ cancelSignal: cancel.signal, ...stopAfterFirstJob(cancel) }),
    );
    expect(server.requests).toHaveLength(1);
    expect(runLog.status).toBe("canceled");
    expect(runLog.jobs.map((job) => job.status)).toEqual(["done", "canceled", "canceled"]);
    expect(runLog.summary).toMatchObject({ jobs: 3, done: 1, canceled: 2 });
    expect(existsSync(runLogPath)).toBe(true);
    // Kept: the canceled jobs can still be run by a resume.
    expect(existsSync(runJournalPath(root, "run_test_resume"))).toBe(true);
  });

  it("is resumed like an interrupted run, even after a resume that was canceled too, never redoing a done job", async () => {
    const first = new AbortController();
    await executeRun(options({ cancelSignal: first.signal, ...stopAfterFirstJob(first) }));
    const firstOutput = await readFile(join(root, "outputs/run_test_resume/style_1_a.png"));
    const second = new AbortController();
    const again = await resume({ cancelSignal: second.signal, ...stopAfterFirstJob(second) });
    expect(again.runLog.jobs.map((job) => job.status)).toEqual(["done", "done", "canceled"]);

    server.reset();
    const { runLog } = await resume();
    expect(server.requests.map((request) => request.images[0])).toEqual(["c.png"]);
    expect(runLog.status).toBe("succeeded");
    expect(runLog.resumes?.map((entry) => entry.kept_jobs)).toEqual([["style_1_a"], ["style_1_a", "style_2_b"]]);
    expect(await readFile(join(root, "outputs/run_test_resume/style_1_a.png"))).toEqual(firstOutput);
    expect(existsSync(runJournalPath(root, "run_test_resume"))).toBe(false);
  });
});

describe("interrupt and resume", () => {
  it("leaves a journal and no log when interrupted, then resume runs only the unfinished jobs", async () => {
    const interrupt = new AbortController();
    const interrupted = executeRun(options({ interruptSignal: interrupt.signal, ...stopAfterFirstJob(interrupt) }));
    await expect(interrupted).rejects.toBeInstanceOf(RunInterruptedError);
    expect(existsSync(join(root, "runs/run_test_resume.json"))).toBe(false);
    const journal = await readRunJournal(root, "run_test_resume");
    expect([...(journal?.jobs.keys() ?? [])]).toEqual(["style_1_a"]);
    const firstOutput = await readFile(join(root, "outputs/run_test_resume/style_1_a.png"));

    server.reset();
    const skipped: string[] = [];
    const { runLog } = await resume({
      retryDelayMs: 10,
      onProgress: (event) => {
        if (event.phase === "job_skipped") skipped.push(event.job);
      },
    });
    // Only b and c went to the API; a's output is the one from before the interruption.
    expect(server.requests.map((request) => request.images[0])).toEqual(["a.png", "b.png", "c.png"].slice(1));
    expect(skipped).toEqual(["style_1_a"]);
    expect(runLog.run_id).toBe("run_test_resume");
    expect(runLog.status).toBe("succeeded");
    expect(runLog.resumes).toEqual([{ at: expect.any(String), kept_jobs: ["style_1_a"] }]);
    expect(await readFile(join(root, "outputs/run_test_resume/style_1_a.png"))).toEqual(firstOutput);
    expect(existsSync(runJournalPath(root, "run_test_resume"))).toBe(false);
    expect(JSON.parse(await readFile(join(root, "runs/run_test_resume.json"), "utf8")).status).toBe("succeeded");
  });

  it("runs a finished job again when its output changed since", async () => {
    const interrupt = new AbortController();
    await expect(
      executeRun(options({ interruptSignal: interrupt.signal, ...stopAfterFirstJob(interrupt) })),
    ).rejects.toBeInstanceOf(RunInterruptedError);
    await writeFile(join(root, "outputs/run_test_resume/style_1_a.png"), "edited by hand");

    server.reset();
    const { runLog } = await resume();
    expect(server.requests).toHaveLength(3);
    expect(runLog.resumes?.[0]?.kept_jobs).toEqual([]);
  });

  it("refuses to resume a run that has no journal, naming where its log is", async () => {
    await executeRun(options());
    await expect(resume()).rejects.toThrow("runs/run_test_resume.json");
  });

  it("refuses to resume without spend confirmation", async () => {
    await expect(resume({ confirmSpend: false })).rejects.toThrow("--confirm-spend");
  });
});

describe("resume and the run's spend ceiling", () => {
  it("keeps the run's --max-spend in the journal, and refuses a resume under a lower one with nothing sent", async () => {
    const cancel = new AbortController();
    // 3 jobs at gpt-image-1 1024x1024 medium: $0.126 in all.
    await executeRun(options({ maxSpendUsd: 0.2, cancelSignal: cancel.signal, ...stopAfterFirstJob(cancel) }));
    expect((await readRunJournal(root, "run_test_resume"))?.header.max_spend_usd).toBe(0.2);
    const sent = server.requests.length;
    await expect(resume({ maxSpendUsd: 0.1 })).rejects.toThrow(
      "Refused: estimated $0.126 exceeds --max-spend $0.100 by $0.026 (max_spend_usd); nothing was sent",
    );
    expect(server.requests).toHaveLength(sent);
    const { runLog } = await resume();
    expect(runLog.status).toBe("succeeded");
  });
});
