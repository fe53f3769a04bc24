import type { RunEvent } from "@kroma/sdk";
import { createKromaClient } from "@kroma/sdk";
import { putScenes, runRow, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEventReporter } from "../src/commands/run-watch.js";
import { runKroma } from "./kroma-bin.js";
import { reportedText } from "./progress-stream.js";

// 600 finished runs (more than the server's page of 500), written straight into the test server's
// database as ingested run logs would leave them, only faster; and one real run the server executes.
const seeded = 600;
let server: TestServer;
let runId: string;
const kroma = (args: string[]) => runKroma(server.url, args);
const sdk = () => createKromaClient({ baseUrl: server.url });

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  const { project, storage } = await sdk().projects.upsert({ name: "Paged" });
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 50))).toISOString();
  const rows = Array.from({ length: seeded }, (_, i) =>
    runRow({
      id: `run_seed_${String(i).padStart(4, "0")}`,
      project_id: project.id,
      status: i === 0 ? "failed" : "succeeded",
      created_at: at(i),
      finished_at: at(i),
      summary_json: JSON.stringify({ jobs: 1, done: i === 0 ? 0 : 1 }),
    }),
  );
  for (let i = 0; i < rows.length; i += 200) {
    await server.db
      .insertInto("runs")
      .values(rows.slice(i, i + 200))
      .execute();
  }
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png"]);
  const { pipeline_trigger } = await sdk().runs.trigger("paged", { input: "scenes" }, { wait: true });
  runId = pipeline_trigger.run_id;
});
afterAll(() => server.stop());

describe("kroma runs list|show|watch", () => {
  it("lists a page by default and every run with --all, past the server's page size", async () => {
    const page = JSON.parse((await kroma(["--json", "runs", "list", "-p", "paged"])).stdout);
    expect(page).toMatchObject({ ok: true, count: 50, total: seeded + 1 });

    const all = await kroma(["--json", "runs", "list", "-p", "paged", "--all"]);
    expect(all.code).toBe(0);
    const answer = JSON.parse(all.stdout);
    expect(answer).toMatchObject({ ok: true, count: seeded + 1, total: seeded + 1 });
    const ids = answer.runs.map((run: { id: string }) => run.id);
    expect(new Set(ids).size).toBe(seeded + 1);
    expect(ids).toContain("run_seed_0000");

    const failed = await kroma(["runs", "list", "--project", "paged", "--status", "failed", "--all"]);
    expect(failed.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^RUN\s+MODE\s+STATUS\s+JOBS\s+CREATED$/),
      expect.stringMatching(/^run_seed_0000\s+dry\s+failed\s+0\/1\s+2026-01-01T00:00:00/),
    ]);

    // assets list and every paged kind of kroma get take --all too.
    const assets = JSON.parse((await kroma(["--json", "assets", "list", "-p", "paged", "--all"])).stdout);
    const { total } = await sdk().assets.list("paged");
    expect(assets).toMatchObject({ ok: true, count: total, total });
    const got = JSON.parse((await kroma(["--json", "get", "runs", "-p", "paged", "--all"])).stdout);
    expect(got.runs).toHaveLength(seeded + 1);
  });

  it("refuses --all with --limit and a bad --limit (exit 2)", async () => {
    const both = await kroma(["runs", "list", "-p", "paged", "--all", "--limit", "5"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("cannot be used with option '--limit <n>'");
    expect((await kroma(["assets", "list", "-p", "paged", "--all", "--limit", "5"])).code).toBe(2);
    const bad = await kroma(["runs", "list", "-p", "paged", "--limit", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("give a whole number from 1 to 5000, or --all for every row");
  });

  it("shows a run: --json is the API's getRun answer, the text a summary and the jobs", async () => {
    const json = await kroma(["--json", "runs", "show", runId, "-p", "paged"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await sdk().runs.get("paged", runId));

    const text = await kroma(["runs", "show", runId, "-p", "paged"]);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toBe(`Run ${runId} (dry) succeeded`);
    expect(lines[1]).toMatch(/^ {2}2 job\(s\): 2 \S+ · created \S+ · finished \S+$/);
    expect(text.stdout).toMatch(/^JOB\s+STATUS\s+REVIEW\s+FINAL/m);

    const missing = await kroma(["runs", "show", "run_missing", "-p", "paged"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kroma: .+HTTP 404\)\n$/);
  });

  it("watches a run: its id first, a line per event, exit 0 only when it succeeded", async () => {
    const watched = await kroma(["runs", "watch", runId, "-p", "paged"]);
    expect(watched.stderr).toBe("");
    expect(watched.code).toBe(0);
    const lines = watched.stdout.trim().split("\n");
    expect(lines[0]).toBe(`Run ${runId}`);
    expect(lines.at(-1)).toBe("done succeeded (2 jobs, 0 done)");

    const failed = await kroma(["runs", "watch", "run_seed_0000", "-p", "paged"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout.trim().split("\n")).toEqual(["Run run_seed_0000", "done failed (1 jobs, 0 done)"]);
    expect(failed.stderr).toBe("");

    const json = await kroma(["--json", "runs", "watch", "run_seed_0000", "-p", "paged"]);
    expect(json.code).toBe(1);
    const events = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events.at(-1)).toMatchObject({ type: "done", run_id: "run_seed_0000", status: "failed" });

    const usage = await kroma(["runs", "watch", "-p", "paged"]);
    expect(usage.code).toBe(2);
  });

  const events: RunEvent[] = [
    { type: "status", run_id: "run_x", status: "running" },
    {
      type: "progress",
      run_id: "run_x",
      status: "running",
      phase: "candidate_start",
      job: "style_1_a",
      job_index: 1,
      jobs: 2,
      candidate: 1,
      candidates: 1,
    },
    {
      type: "progress",
      run_id: "run_x",
      status: "running",
      phase: "job_done",
      job: "style_1_a",
      job_index: 1,
      jobs: 2,
      candidate: 1,
      candidates: 1,
      job_status: "done",
    },
    { type: "done", run_id: "run_x", status: "succeeded", summary: { jobs: 2, done: 2 } },
  ] as RunEvent[];

  /** The reporter in the shape reportedText drives (the lab's progress reporters' shape). */
  const reporter = (stream: NodeJS.WriteStream) => {
    const { onEvent, stop } = runEventReporter(stream);
    return { onProgress: onEvent, stop };
  };

  it("draws a progress bar of the jobs on a terminal, keeping the status and finished-job lines", () => {
    const text = reportedText(reporter, true, events);
    expect(text).toContain("status running");
    expect(text).toContain("job 1/2 style_1_a: done");
    expect(text).toMatch(/1\/2 jobs/);
    expect(text).toContain("done succeeded (2 jobs, 2 done)\n");
  });

  it("prints one plain line per event when the output is not a terminal", () => {
    expect(reportedText(reporter, false, events)).toBe(
      [
        "status running",
        "job 1/2 style_1_a candidate 1/1: candidate_start",
        "job 1/2 style_1_a: done",
        "done succeeded (2 jobs, 2 done)",
        "",
      ].join("\n"),
    );
  });
});
