import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { solidPng, startImagesServer } from "@kroma/testkit";
import { kromaBin, type ServedProcess, spawnServer } from "@kroma/testkit/served-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The CLI against a server it shares nothing with but the API: `kroma serve` in a process and
// directory of its own, the CLI run from another directory with a working directory of its own.
// Nothing here names the server's database or app root to the CLI.

function kroma(args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const {
      KROMA_API_URL: _url,
      KROMA_API_TOKEN: _token,
      KROMA_BACKEND_DB: _db,
      KROMA_APP_ROOT: _app,
      ...rest
    } = process.env;
    execFile(process.execPath, [kromaBin, ...args], { cwd, env: { ...rest, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let served: ServedProcess;
let images: Awaited<ReturnType<typeof startImagesServer>>;
let serverDir = "";
let userDir = "";
beforeAll(async () => {
  serverDir = await mkdtemp(join(tmpdir(), "kroma-remote-server-"));
  userDir = await mkdtemp(join(tmpdir(), "kroma-remote-user-"));
  served = await spawnServer(serverDir);
  images = await startImagesServer();
});
afterAll(async () => {
  await served.stop();
  await images.close();
  await rm(serverDir, { recursive: true, force: true });
  await rm(userDir, { recursive: true, force: true });
});

describe("kroma lab run against a server elsewhere", () => {
  it("records the run, its files uploaded, and kroma runs show reads it back", async () => {
    const sdk = createKromaClient({ baseUrl: served.url });
    await sdk.projects.upsert({ name: "Far", slug: "far" });
    const work = join(userDir, "far-work");
    await mkdir(join(work, "scenes"), { recursive: true });
    await writeFile(join(work, "scenes/dock.png"), solidPng(8, 8, [90, 90, 90]));
    const env = { KROMA_API_URL: served.url, OPENAI_API_KEY: "sk-remote", OPENAI_BASE_URL: `${images.url}/v1` };

    const run = await kroma(
      [
        "--json",
        "lab",
        "run",
        "-p",
        "far",
        "--project-root",
        "far-work",
        "--scene-refs",
        "far-work/scenes/dock.png",
      ].concat("--confirm-spend"),
      userDir,
      env,
    );
    expect(run.stderr).toContain(`recorded on ${served.url} (1 file(s) uploaded)`);
    expect(run.code).toBe(0);
    const runId = JSON.parse(run.stdout).run_id as string;

    const shown = await kroma(["--json", "runs", "show", runId, "-p", "far"], userDir, env);
    expect(shown.code).toBe(0);
    const body = JSON.parse(shown.stdout);
    expect(body.run).toMatchObject({ id: runId, run_mode: "run", status: "succeeded" });
    expect(body.jobs).toHaveLength(1);

    // The server holds the bytes the run made here, at the path the log gives them.
    const relPath = `outputs/${runId}/style_1_dock.png`;
    const { assets } = await sdk.assets.list("far", { run_id: runId });
    expect(assets.map((asset) => asset.rel_path)).toEqual([relPath]);
    const [asset] = assets;
    if (!asset) throw new Error("no asset");
    expect(sha256(await sdk.assets.download("far", asset.id))).toBe(sha256(await readFile(join(work, relPath))));
    const { storage } = await sdk.projects.get("far");
    expect(existsSync(join(storage.local.project_root, relPath))).toBe(true);
  });

  it("with no server reachable, lab dry exits 1 with the message, and lab run sends nothing", async () => {
    const work = join(userDir, "nowhere");
    await mkdir(join(work, "scenes"), { recursive: true });
    await writeFile(join(work, "scenes/dock.png"), solidPng(8, 8, [90, 90, 90]));
    const env = {
      KROMA_API_URL: "http://127.0.0.1:9",
      OPENAI_API_KEY: "sk-remote",
      OPENAI_BASE_URL: `${images.url}/v1`,
    };
    const args = ["-p", "far", "--project-root", work, "--scene-refs", join(work, "scenes/dock.png")];

    const dry = await kroma(["lab", "dry", ...args], userDir, env);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain("kroma: the run is not recorded on http://127.0.0.1:9");
    expect(dry.stderr).toContain("kroma lab ingest");

    const before = images.requests.length;
    const paid = await kroma(["lab", "run", ...args, "--confirm-spend"], userDir, env);
    expect(paid.code).toBe(1);
    expect(images.requests.length).toBe(before);
  });
});
