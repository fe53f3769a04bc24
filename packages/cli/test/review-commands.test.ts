import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { type ImagesServer, putScenes, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `kroma runs select|approve|reject|undo|history` against a real server, on a paid run it executed.

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let images: ImagesServer;
let runId = "";
beforeAll(async () => {
  images = await startImagesServer();
  server = await startTestServer({
    agentDispatch: false,
    runExecution: {
      openaiApiKey: "sk-test-cli-review",
      openaiBaseUrl: `${images.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  const sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.upsert({ name: "Picked" });
  await putScenes(storage.local.project_root, ["scenes/a.png"]);
  const { pipeline_trigger } = await sdk.runs.trigger("picked", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png"],
    candidates: 2,
  });
  runId = (await sdk.runs.wait("picked", pipeline_trigger.run_id)).run.id;
});
afterAll(async () => {
  await server?.stop();
  await images?.close();
});

describe("kroma runs select, approve, undo and history", () => {
  it("decides on a job by its key and lists the decisions", async () => {
    const selected = await kroma(["runs", "select", runId, "style_1_a", "-p", "picked", "--candidate", "2"]);
    expect(selected).toMatchObject({ code: 0, stderr: "" });
    expect(selected.stdout).toBe("style_1_a: select -> pending, final = candidate 2\n");

    const approved = await kroma([
      "runs",
      "approve",
      runId,
      "style_1_a",
      "-p",
      "picked",
      "--note",
      "good",
      "--baseline",
    ]);
    expect(approved.stdout).toBe("style_1_a: approve -> approved, final = candidate 2; baseline of scenes/a.png\n");
    expect((await kroma(["runs", "undo", runId, "style_1_a", "-p", "picked"])).code).toBe(0);
    expect((await kroma(["runs", "reject", runId, "style_1_a", "-p", "picked", "--note", "no"])).code).toBe(0);

    const history = await kroma(["--json", "runs", "history", runId, "style_1_a", "-p", "picked"]);
    const body = JSON.parse(history.stdout);
    expect(body.history.map((e: { action: string; state: string }) => `${e.action}:${e.state}`)).toEqual([
      "select:pending",
      "approve:approved",
      "undo:pending",
      "reject:rejected",
    ]);
    const table = await kroma(["runs", "history", runId, "style_1_a", "-p", "picked"]);
    expect(table.stdout).toContain("approve");
    expect(table.stdout).toContain("good");
  });

  it("exits non-zero with the server's reason, or the job keys when the job is unknown", async () => {
    const unknown = await kroma(["runs", "approve", runId, "style_9_z", "-p", "picked"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("has no job 'style_9_z' (its jobs: style_1_a)");
    const missing = await kroma(["runs", "select", runId, "style_1_a", "-p", "picked", "--candidate", "5"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("has no candidate 5");
  });
});
