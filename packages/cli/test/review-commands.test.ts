import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { type ImagesServer, putScenes, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import { unzipSync } from "fflate";
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

  it("kroma deliver writes the approved finals as a verified zip, or unpacks them into a folder", async () => {
    expect((await kroma(["runs", "approve", runId, "style_1_a", "-p", "picked"])).code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), "kroma-deliver-"));
    try {
      const zipPath = join(dir, "out.zip");
      const zipped = await kroma(["deliver", "-p", "picked", "--run", runId, "-o", zipPath]);
      expect(zipped).toMatchObject({ code: 0, stderr: "" });
      expect(zipped.stdout).toContain("Delivered 1 file(s)");
      const entries = unzipSync(await readFile(zipPath));
      expect(Object.keys(entries).sort()).toEqual([`files/${runId}/style_1_a.png`, "manifest.json"].sort());

      const unpacked = await kroma([
        "--json",
        "deliver",
        "-p",
        "picked",
        "--latest-approved",
        "-o",
        join(dir, "folder"),
      ]);
      expect(JSON.parse(unpacked.stdout)).toMatchObject({ files: 1, verified: true });
      const manifest = JSON.parse(await readFile(join(dir, "folder/manifest.json"), "utf8"));
      const delivered = await readFile(join(dir, "folder", manifest.files[0].file));
      expect(createHash("sha256").update(delivered).digest("hex")).toBe(manifest.files[0].sha256);

      const again = await kroma(["deliver", "-p", "picked", "--run", runId, "-o", zipPath]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("exists");
      const both = await kroma(["deliver", "-p", "picked", "--run", runId, "--latest-approved", "-o", zipPath]);
      expect(both.code).toBe(1);
      expect(both.stderr).toContain("exactly one of --run RUN_ID or --latest-approved");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("browses runs and assets: runs list|show, assets list|get, open", async () => {
    const listed = await kroma(["runs", "list", "-p", "picked"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(runId);
    const shown = await kroma(["runs", "show", runId, "-p", "picked"]);
    expect(shown.stdout).toContain(`Run ${runId} (run) succeeded`);
    // The chosen candidate is marked; the guard was on, so each has a grade.
    expect(shown.stdout).toMatch(/style_1_a\s+done\s+approved\s+c2\s+c1 pass\s+c2\* pass/);

    const assets = JSON.parse((await kroma(["--json", "assets", "list", "-p", "picked", "--run", runId])).stdout);
    expect(assets.assets).toHaveLength(2);
    const final = assets.assets.find((asset: { asset_kind: string }) => asset.asset_kind === "final");
    const dir = await mkdtemp(join(tmpdir(), "kroma-browse-"));
    try {
      const got = await kroma(["assets", "get", final.id, "-p", "picked", "-o", join(dir, "final.png")]);
      expect(got.code).toBe(0);
      expect(
        createHash("sha256")
          .update(await readFile(join(dir, "final.png")))
          .digest("hex"),
      ).toBe(final.sha256);
      // Not a terminal: `open` prints the path, here the project's own file.
      const opened = await kroma(["open", final.id, "-p", "picked"]);
      const path = opened.stdout.trim();
      expect(
        createHash("sha256")
          .update(await readFile(path))
          .digest("hex"),
      ).toBe(final.sha256);
      const missing = await kroma(["assets", "get", "asset_missing", "-p", "picked", "-o", join(dir, "x.png")]);
      expect(missing.code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
