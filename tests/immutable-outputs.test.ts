import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient, type KromaClient } from "@kroma/sdk";
import { type ImagesServer, solidPng, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The promise of a reproducible, auditable run: a second run over the same scenes never replaces
// a file the first run's records name. Both ways a run happens are checked, each run twice over
// the same scenes with several candidates and post-processing on: `kroma lab run` (the CLI,
// recording into the server's database file) and a run the server queues (`POST /runs/trigger`).
// After both, every asset record of the project is held against the bytes at its path.

const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let images: ImagesServer;
let server: TestServer;
let kroma: KromaClient;
const imagesUrl = { value: "" };

beforeAll(async () => {
  images = await startImagesServer();
  imagesUrl.value = images.url;
  // Every answer is a different gray, so two runs could never write equal bytes by chance.
  images.script(({ index }) => ({
    b64: solidPng(64, 48, [40 + (index % 150), 40 + (index % 150), 40]).toString("base64"),
  }));
  server = await startTestServer({
    agentDispatch: false,
    runExecution: {
      openaiApiKey: "sk-test-immutable",
      get openaiBaseUrl() {
        return `${imagesUrl.value}/v1`;
      },
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  kroma = createKromaClient({ baseUrl: server.url });
});
afterAll(async () => {
  await server?.stop();
  await images?.close();
});

async function newProject(slug: string): Promise<string> {
  const { storage } = await kroma.projects.upsert({ name: slug, slug });
  const root = storage.local.project_root;
  for (const scene of ["scenes/alley.png", "scenes/bridge.png"]) {
    await mkdir(dirname(join(root, scene)), { recursive: true });
    await writeFile(join(root, scene), solidPng(16, 12, [90, 90, 90]));
  }
  // Upscale and colour on: every candidate's chain writes two more files per run.
  await mkdir(join(root, ".kroma"), { recursive: true });
  await writeFile(
    join(root, ".kroma/pipeline.settings.json"),
    JSON.stringify({ pipeline: { postprocess: { upscale: true, upscale_backend: "sharp", color: true } } }),
  );
  return root;
}

function cli(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env = {
      ...process.env,
      KROMA_APP_ROOT: server.appRoot,
      KROMA_BACKEND_DB: join(server.appRoot, "var/backend/app.db"),
      OPENAI_API_KEY: "sk-test-immutable",
      OPENAI_BASE_URL: `${images.url}/v1`,
    };
    execFile(process.execPath, [bin, ...args], { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Every asset record of the project, each with the sha256 of the bytes now at its path. */
async function recordsAgainstFiles(slug: string, root: string) {
  const { assets } = await kroma.assets.list(slug, { limit: 500 });
  return Promise.all(
    assets.map(async (asset) => ({
      id: asset.id,
      run_id: asset.run_id,
      rel_path: asset.rel_path,
      recorded: asset.sha256,
      on_disk: sha256(await readFile(join(root, asset.rel_path ?? "missing"))),
      stale: asset.stale,
    })),
  );
}

function expectEveryRecordTrue(rows: Awaited<ReturnType<typeof recordsAgainstFiles>>, runIds: string[]) {
  expect(new Set(rows.map((row) => row.run_id))).toEqual(new Set(runIds));
  for (const row of rows) {
    expect(row, `${row.rel_path} of ${row.run_id}`).toMatchObject({ on_disk: row.recorded, stale: false });
    // Each file lies in its own run's directory of its stage.
    expect(row.rel_path?.split("/")[1]).toBe(row.run_id);
  }
  // No two records of different runs share a file.
  const owners = new Map<string, string>();
  for (const row of rows) {
    const owner = owners.get(row.rel_path ?? "");
    if (owner !== undefined) expect(owner).toBe(row.run_id);
    owners.set(row.rel_path ?? "", row.run_id ?? "");
  }
}

describe("two runs over the same scenes", () => {
  it("kroma lab run: every asset record of both runs stays true to its file", async () => {
    const root = await newProject("lab_twice");
    const runIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const args = ["--json", "--api-url", server.url, "lab", "run", "--project", "lab_twice", "--confirm-spend"];
      const result = await cli(
        [...args, "--scene-refs", "scenes/alley.png,scenes/bridge.png", "--candidates", "2"],
        root,
      );
      expect(result.stderr).not.toContain("Error");
      expect(result.code).toBe(0);
      const log = JSON.parse(result.stdout);
      expect(log.status).toBe("succeeded");
      runIds.push(log.run_id);
    }
    const rows = await recordsAgainstFiles("lab_twice", root);
    // 2 runs x 2 jobs x 2 candidates, each with its generated file, its upscale and its colour.
    expect(rows).toHaveLength(24);
    expectEveryRecordTrue(rows, runIds);
  });

  it("runs the server queues: every asset record of both runs stays true to its file", async () => {
    const root = await newProject("queued_twice");
    const runIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { pipeline_trigger } = await kroma.runs.trigger("queued_twice", {
        mode: "run",
        confirm_spend: true,
        scene_refs: ["scenes/alley.png", "scenes/bridge.png"],
        candidates: 2,
      });
      let last: unknown;
      for await (const event of kroma.runs.events("queued_twice", pipeline_trigger.run_id)) last = event;
      expect(last).toMatchObject({ type: "done", status: "succeeded" });
      runIds.push(pipeline_trigger.run_id);
    }
    const rows = await recordsAgainstFiles("queued_twice", root);
    expect(rows).toHaveLength(24);
    expectEveryRecordTrue(rows, runIds);
  });
});
