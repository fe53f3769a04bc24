import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { putScenes, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** Runs in the project root: the paths given are relative to the current directory. */
function kroma(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let root = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  const { storage } = await createKromaClient({ baseUrl: server.url }).projects.upsert({ name: "Queued" });
  root = storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
});
afterAll(() => server.stop());

describe("kroma runs", () => {
  it("queues a run on the server and follows it to the end", async () => {
    const result = await kroma(["runs", "trigger", "-p", "queued", "--input", "scenes", "--watch"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // A dry run may well finish before the stream is opened: then its done event is all there is.
    const lines = result.stdout.trim().split("\n");
    // First what the run would cost as a paid run (the server's default gpt-image-1 1024x1536 medium).
    expect(lines[1]).toBe("  estimate 2 image request(s), 2 image(s) at $0.063 = $0.126");
    expect(lines.at(-1)).toBe("done succeeded (2 jobs, 0 done)");
    expect(lines.filter((line) => line.startsWith("done "))).toHaveLength(1);
  });

  it("prints the queued run as JSON without --watch, and fails clearly on a bad request", async () => {
    const queued = await kroma(["--json", "runs", "trigger", "-p", "queued", "--scene-refs", "scenes/a.png"]);
    expect(queued.code).toBe(0);
    const { ok, pipeline_trigger: trigger } = JSON.parse(queued.stdout);
    expect(ok).toBe(true);
    expect(trigger).toMatchObject({ status: "queued", mode: "dry", run_id: expect.stringMatching(/^run_/) });
    expect(trigger.spend_estimate).toMatchObject({ requests: 1, images: 1 });

    const over = await kroma([
      "runs",
      "trigger",
      "-p",
      "queued",
      "--scene-refs",
      "scenes/a.png",
      "--max-spend",
      "0.01",
    ]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("exceeds --max-spend $0.010 by");

    const watched = await kroma(["--json", "runs", "watch", trigger.run_id, "-p", "queued"]);
    expect(JSON.parse(watched.stdout.trim().split("\n").at(-1) ?? "{}")).toMatchObject({ type: "done" });

    const bad = await kroma(["runs", "trigger", "-p", "queued", "--scene-refs", "../outside.png"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("kroma: --scene-refs");

    const finished = await kroma(["runs", "cancel", trigger.run_id, "-p", "queued"]);
    expect(finished.code).toBe(1);
    expect(finished.stderr).toContain("only a queued or running run can be canceled");
  });

  it("trigger --wait prints the finished run with its run log and job count; rerun prints what trigger prints", async () => {
    const waited = await kroma(["runs", "trigger", "-p", "queued", "--input", "scenes", "--wait"]);
    expect(waited.stderr).toBe("");
    expect(waited.code).toBe(0);
    const lines = waited.stdout.trim().split("\n");
    const runId = /^Run (run_\S+) succeeded$/.exec(lines[0] ?? "")?.[1];
    expect(runId).toBeDefined();
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(new RegExp(`^Run log: .*runs/${runId}\\.json$`)),
      "Jobs: 2",
    ]);

    const rerun = await kroma(["runs", "rerun", runId ?? "", "-p", "queued", "--jobs", "style_2_b", "--wait"]);
    expect(rerun.code).toBe(0);
    const rerunLines = rerun.stdout.trim().split("\n");
    expect(rerunLines[0]).toMatch(/^Run run_\S+ succeeded$/);
    expect(rerunLines[1]).toBe("  estimate 1 image request(s), 1 image(s) at $0.063 = $0.063");
    expect(rerunLines.at(-1)).toBe("Jobs: 1");

    const json = await kroma(["--json", "runs", "rerun", runId ?? "", "-p", "queued"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      pipeline_trigger: { status: "queued", run: { retried_from: runId } },
    });

    const nothingFailed = await kroma(["runs", "rerun", runId ?? "", "-p", "queued", "--failed"]);
    expect(nothingFailed.code).toBe(1);
    expect(nothingFailed.stderr).toContain("has no failed, failed_guard or canceled job");
  });
});
