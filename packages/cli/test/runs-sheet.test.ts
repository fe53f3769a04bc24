import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { type ImagesServer, putScenes, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let images: ImagesServer;
let dir = "";
let paidRun = "";
let dryRun = "";

beforeAll(async () => {
  images = await startImagesServer();
  server = await startTestServer({
    agentDispatch: false,
    runExecution: {
      openaiApiKey: "sk-test-cli-sheet",
      openaiBaseUrl: `${images.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  dir = await mkdtemp(join(tmpdir(), "kroma-sheet-cli-"));
  const api = createKromaClient({ baseUrl: server.url });
  const { storage } = await api.projects.upsert({ name: "Sheets" });
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png"]);
  const paid = await api.runs.trigger("sheets", { mode: "run", confirm_spend: true, input: "scenes", candidates: 2 });
  paidRun = paid.pipeline_trigger.run_id;
  await api.runs.wait("sheets", paidRun);
  const dry = await api.runs.trigger("sheets", { input: "scenes" });
  dryRun = dry.pipeline_trigger.run_id;
  await api.runs.wait("sheets", dryRun);
});
afterAll(async () => {
  await server.stop();
  await images.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kroma runs sheet", () => {
  it("writes the run's contact sheet as <run_id>-sheet.png here, or to -o, and prints the path", async () => {
    const here = await kroma(["runs", "sheet", paidRun, "-p", "sheets"], dir);
    expect(here.stderr).toBe("");
    expect(here.code).toBe(0);
    const path = join(dir, `${paidRun}-sheet.png`);
    expect(here.stdout.trim()).toBe(path);
    // 2 jobs x 2 candidates, 256 x 296 a tile.
    const metadata = await sharp(await readFile(path)).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["png", 512, 592]);

    const named = await kroma(
      ["--json", "runs", "sheet", paidRun, "-p", "sheets", "-o", "out/../first.png", "--limit", "1"],
      dir,
    );
    expect(named.code).toBe(0);
    const { path: written, bytes } = JSON.parse(named.stdout);
    expect(written).toBe(join(dir, "first.png"));
    const file = await readFile(written);
    expect(file.length).toBe(bytes);
    expect((await sharp(file).metadata()).height).toBe(296);
  });

  it("exits non-zero with the server's reason for a dry run or an unknown one", async () => {
    const dry = await kroma(["runs", "sheet", dryRun, "-p", "sheets"], dir);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain("no paid jobs");
    expect(dry.stderr).toContain("HTTP 409");
    const missing = await kroma(["runs", "sheet", "run_missing", "-p", "sheets"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("HTTP 404");
  });
});
