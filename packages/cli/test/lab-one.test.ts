import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { type ImagesServer, solidPng, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `kroma lab one` (one image from a prompt, dry unless --confirm-spend) and `kroma lab run
// --from-run/--assets` (post-process what exists), against a real server and the images stand-in.

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, "--api-url", server.url, ...args],
      { cwd: dir, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let images: ImagesServer;
let dir = "";
let env: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  images = await startImagesServer();
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-one-"));
  env = {
    OPENAI_API_KEY: "sk-test-one",
    OPENAI_BASE_URL: `${images.url}/v1`,
  };
});
afterAll(async () => {
  await images.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newProject(slug: string, files: Record<string, Uint8Array>) {
  const sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.upsert({ name: slug, slug });
  const root = storage.local.project_root;
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  return { sdk, root };
}

describe("kroma lab one", () => {
  it("with --confirm-spend and no input generates one image from the prompt, logs and ingests it", async () => {
    const { sdk } = await newProject("one-gen", {});
    images.reset();
    const result = await kroma(
      ["--json", "lab", "one", "-p", "one-gen", "--prompt", "A lighthouse in fog", "--confirm-spend"],
      env,
    );
    expect(result.stderr).not.toContain("Error");
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log).toMatchObject({ mode: "run", status: "succeeded", api: { endpoint: "images.generate" } });
    expect(log.jobs[0]).toMatchObject({ prompt: "A lighthouse in fog", input_images: [] });
    expect(images.requests.map((request) => request.path)).toEqual(["/v1/images/generations"]);
    expect(images.requests[0]?.fields.prompt).toBe("A lighthouse in fog");
    const { assets } = await sdk.assets.list("one-gen", { run_id: log.run_id });
    expect(assets.map((asset) => asset.rel_path)).toEqual([`outputs/${log.run_id}/style_1_prompt.png`]);
  });

  it("with --input edits that one image with the prompt given", async () => {
    const { root, sdk } = await newProject("one-edit", { "scenes/pier.png": solidPng(8, 8, [90, 90, 90]) });
    images.reset();
    const result = await kroma(
      [
        "--json",
        "lab",
        "one",
        "-p",
        "one-edit",
        "--prompt",
        "The pier at dusk",
        "--input",
        join(root, "scenes/pier.png"),
        "--confirm-spend",
      ],
      env,
    );
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log.api.endpoint).toBe("images.edit");
    expect(images.requests.map((request) => [request.path, request.images, request.fields.prompt])).toEqual([
      ["/v1/images/edits", ["pier.png"], "The pier at dusk"],
    ]);
    const { assets } = await sdk.assets.list("one-edit", { run_id: log.run_id });
    expect(assets).toHaveLength(1);
  });

  it("plans dry without --confirm-spend: a log, nothing sent", async () => {
    const { root } = await newProject("one-dry", {});
    images.reset();
    const result = await kroma(["--json", "lab", "one", "-p", "one-dry", "--prompt", "A lighthouse"], env);
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log).toMatchObject({ mode: "dry", summary: { jobs: 1, candidates: 1 } });
    expect(JSON.parse(await readFile(join(root, "runs", `${log.run_id}.json`), "utf8")).jobs[0].prompt).toBe(
      "A lighthouse",
    );
    expect(images.requests).toHaveLength(0);
  });

  it("refuses an empty or missing prompt and a size the model rejects, before any request", async () => {
    await newProject("one-bad", {});
    images.reset();
    const empty = await kroma(["lab", "one", "-p", "one-bad", "--prompt", " ", "--confirm-spend"], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--prompt must not be empty");
    const missing = await kroma(["lab", "one", "-p", "one-bad", "--confirm-spend"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("kroma lab one needs --prompt");
    const size = await kroma(
      ["lab", "one", "-p", "one-bad", "--prompt", "A lighthouse", "--size", "768x1152", "--confirm-spend"],
      env,
    );
    expect(size.code).toBe(1);
    expect(size.stderr).toContain("size 768x1152 is not accepted by gpt-image-1");
    expect(images.requests).toHaveLength(0);
  });
});

describe("kroma lab run --from-run / --assets", () => {
  it("upscales a paid run's finals with no image request, linking the new assets to their sources", async () => {
    const { root, sdk } = await newProject("post-cli", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
    const first = await kroma(
      ["--json", "lab", "run", "-p", "post-cli", "--scene-refs", join(root, "scenes/dock.png"), "--confirm-spend"],
      env,
    );
    expect(first.code).toBe(0);
    const firstId = JSON.parse(first.stdout).run_id;
    const source = (await sdk.assets.list("post-cli", { run_id: firstId })).assets[0];
    const before = await readFile(join(root, source?.rel_path as string));
    images.reset();
    const upscale = ["--post-upscale", "--upscale-backend", "sharp", "--confirm-spend"];
    const second = await kroma(["--json", "lab", "run", "-p", "post-cli", "--from-run", firstId, ...upscale], env);
    expect(second.stderr).not.toContain("Error");
    expect(second.code).toBe(0);
    const log = JSON.parse(second.stdout);
    expect(log).toMatchObject({ status: "succeeded", api: { endpoint: "none" } });
    expect(log.jobs[0].source_asset).toEqual({ asset_id: source?.id, path: source?.rel_path, sha256: source?.sha256 });
    expect(images.requests).toHaveLength(0);
    const made = (await sdk.assets.list("post-cli", { run_id: log.run_id })).assets;
    expect(made.map((asset) => asset.rel_path)).toEqual([`upscaled/${log.run_id}/style_1_dock_x2.png`]);
    expect((await sharp(join(root, made[0]?.rel_path as string)).metadata()).width).toBe(128);
    const { asset_links } = await sdk.assetLinks.list("post-cli", { asset_id: made[0]?.id as string });
    expect(asset_links.map((link) => [link.parent_asset_id, link.link_type])).toEqual([[source?.id, "derived_from"]]);
    expect((await readFile(join(root, source?.rel_path as string))).equals(before)).toBe(true);

    const byId = await kroma(
      ["--json", "lab", "run", "-p", "post-cli", "--assets", source?.id as string, ...upscale],
      env,
    );
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout).jobs[0].source_asset.asset_id).toBe(source?.id);
    expect(images.requests).toHaveLength(0);
  });
});
