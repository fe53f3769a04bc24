import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient, type KromaClient } from "@kroma/sdk";
import { solidPng, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The path rule, through the built binary against a real server: paths on the command line are
// relative to the current directory; paths in run requests are relative to the project root; a
// file outside the project is put into it (copied by content by kroma lab, uploaded by runs trigger).

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const rule = "(paths on the command line are relative to the current directory)";

function kroma(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, "--api-url", server.url, ...args],
      { cwd, env: { ...process.env, KROMA_API_TOKEN: "", NO_COLOR: "1" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let server: TestServer;
let sdk: KromaClient;
/** Outside every project root. */
let elsewhere = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  sdk = createKromaClient({ baseUrl: server.url });
  elsewhere = await mkdtemp(join(tmpdir(), "kroma-cli-paths-"));
});
afterAll(async () => {
  await server.stop();
  await rm(elsewhere, { recursive: true, force: true });
});

/** A project with `scenes/a.png` and an empty `work/` directory under its root. */
async function newProject(slug: string): Promise<string> {
  const { storage } = await sdk.projects.upsert({ name: slug, slug });
  const root = storage.local.project_root;
  await mkdir(join(root, "scenes"), { recursive: true });
  await mkdir(join(root, "work"), { recursive: true });
  await writeFile(join(root, "scenes/a.png"), solidPng(8, 8, [90, 90, 90]));
  return root;
}

describe("kroma lab dry: path flags are relative to the current directory", () => {
  it("sends a scene inside the root by its root-relative path, from a subdirectory", async () => {
    const root = await newProject("paths-inside");
    const result = await kroma(
      ["--json", "lab", "dry", "-p", "paths-inside", "--no-ingest", "--scene-refs", "../scenes/a.png"],
      join(root, "work"),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log.jobs.map((job: { id: string; input_images: string[] }) => [job.id, job.input_images])).toEqual([
      ["style_1_a", ["scenes/a.png"]],
    ]);
    // Nothing was copied: the file is the project's already.
    expect(await readdir(root)).not.toContain("uploads");

    // --input likewise: the directory from here, the request names it in the project.
    const input = await kroma(["--json", "lab", "dry", "-p", "paths-inside", "--no-ingest", "--input", "."], root);
    expect(input.code).toBe(0);
    expect(JSON.parse(input.stdout).jobs[0].input_images).toEqual(["scenes/a.png"]);
  });

  it("copies a scene from outside the root into uploads/scene/<sha256>.png, never over another file", async () => {
    const root = await newProject("paths-outside");
    const bytes = solidPng(8, 8, [10, 120, 30]);
    await writeFile(join(elsewhere, "far.png"), bytes);
    const args = ["--json", "lab", "dry", "-p", "paths-outside", "--no-ingest"];
    const style = solidPng(8, 8, [200, 10, 10]);
    await writeFile(join(elsewhere, "ink.png"), style);
    const run = await kroma(
      [...args, "--scene-refs", "far.png", "--style-refs", join(elsewhere, "ink.png")],
      elsewhere,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    const scene = `uploads/scene/${sha(bytes)}.png`;
    const reference = `uploads/reference/${sha(style)}.png`;
    expect(log.jobs[0].input_images).toEqual([scene, reference]);
    expect(log.jobs[0].id).toBe(`style_1_${sha(bytes)}`);
    // The run log written in the project names the copies, and they hold the bytes given.
    const written = JSON.parse(await readFile(join(root, "runs", `${log.run_id}.json`), "utf8"));
    expect(written.jobs[0].input_images).toEqual([scene, reference]);
    expect(sha(await readFile(join(root, scene)))).toBe(sha(bytes));
    expect(sha(await readFile(join(root, reference)))).toBe(sha(style));

    // The same bytes again: the copy already there is used.
    const again = await kroma([...args, "--scene-refs", join(elsewhere, "far.png")], root);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).jobs[0].input_images).toEqual([scene]);

    // A different file at the name these bytes would take is never overwritten.
    const other = solidPng(8, 8, [1, 2, 3]);
    await writeFile(join(elsewhere, "other.png"), other);
    const squatted = join(root, `uploads/scene/${sha(other)}.png`);
    await writeFile(squatted, "not these bytes");
    const refused = await kroma([...args, "--scene-refs", join(elsewhere, "other.png")], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`uploads/scene/${sha(other)}.png exists in the project with other bytes`);
    expect(await readFile(squatted, "utf8")).toBe("not these bytes");
  });

  it("refuses a path that does not exist, naming the flag, the resolved path and the rule (exit 2)", async () => {
    const root = await newProject("paths-missing");
    const cwd = join(root, "work");
    const missing = await kroma(
      ["lab", "dry", "-p", "paths-missing", "--no-ingest", "--scene-refs", "scenes/a.png"],
      cwd,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `kroma: --scene-refs scenes/a.png: no such file ${join(cwd, "scenes/a.png")} ${rule}\n(run with --help for usage)\n`,
    );
    const batch = await kroma(["lab", "dry", "-p", "paths-missing", "--no-ingest", "--batch", "rows.jsonl"], cwd);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain(`kroma: --batch rows.jsonl: no such file ${join(cwd, "rows.jsonl")} ${rule}`);
    const trigger = await kroma(["runs", "trigger", "-p", "paths-missing", "--input", "scenes"], cwd);
    expect(trigger.code).toBe(2);
    expect(trigger.stderr).toContain(`kroma: --input scenes: no such file ${join(cwd, "scenes")} ${rule}`);
    // Batch rows are run-request paths: relative to the project root, from wherever the command runs.
    await writeFile(join(cwd, "rows.jsonl"), `${JSON.stringify({ scene: "scenes/a.png" })}\n`);
    const rows = await kroma(
      ["--json", "lab", "dry", "-p", "paths-missing", "--no-ingest", "--batch", "rows.jsonl"],
      cwd,
    );
    expect(rows.code).toBe(0);
    expect(JSON.parse(rows.stdout).jobs[0].input_images).toEqual(["scenes/a.png"]);
  });
});

describe("kroma runs trigger: the server's project names the files", () => {
  it("sends a file under the server's root by its path there, and uploads any other", async () => {
    const root = await newProject("paths-trigger");
    const inside = await kroma(
      ["--json", "runs", "trigger", "-p", "paths-trigger", "--scene-refs", "../scenes/a.png", "--wait"],
      join(root, "work"),
    );
    expect(inside.code).toBe(0);
    const insideRun = await sdk.runs.get("paths-trigger", JSON.parse(inside.stdout).pipeline_trigger.run_id);
    expect(insideRun.jobs.map((job) => job.job_key)).toEqual(["style_1_a"]);
    expect((await sdk.assets.list("paths-trigger", { asset_kind: "scene" })).assets).toEqual([]);

    const bytes = solidPng(8, 8, [40, 50, 200]);
    await writeFile(join(elsewhere, "remote.png"), bytes);
    const uploaded = await kroma(
      ["--json", "runs", "trigger", "-p", "paths-trigger", "--scene-refs", "remote.png", "--wait"],
      elsewhere,
    );
    expect(uploaded.stderr).toBe("");
    expect(uploaded.code).toBe(0);
    const relPath = `uploads/scene/${sha(bytes)}.png`;
    const { assets } = await sdk.assets.list("paths-trigger", { asset_kind: "scene" });
    expect(assets.map((asset) => [asset.rel_path, asset.original_name])).toEqual([[relPath, "remote.png"]]);
    const { jobs } = await sdk.runs.get("paths-trigger", JSON.parse(uploaded.stdout).pipeline_trigger.run_id);
    expect(jobs.map((job) => job.job_key)).toEqual([`style_1_${sha(bytes)}`]);
    expect(JSON.stringify(jobs[0]?.meta_json)).toContain(relPath);
  });
});

describe("kroma scenes add|list", () => {
  it("uploads files and a directory's images, and lists the project's scenes", async () => {
    await newProject("paths-scenes");
    const shots = join(elsewhere, "shots");
    await mkdir(join(shots, "night"), { recursive: true });
    const one = solidPng(8, 8, [70, 70, 70]);
    const two = solidPng(8, 8, [80, 80, 80]);
    const three = solidPng(8, 8, [100, 100, 100]);
    await writeFile(join(elsewhere, "one.png"), one);
    await writeFile(join(shots, "two.png"), two);
    await writeFile(join(shots, "night/three.png"), three);
    await writeFile(join(shots, "notes.txt"), "not an image");

    const added = await kroma(["--json", "scenes", "add", "one.png", "shots", "-p", "paths-scenes"], elsewhere);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const body = JSON.parse(added.stdout);
    expect(body.ok).toBe(true);
    expect(
      body.results.map((r: { asset: { rel_path: string; asset_kind: string }; deduplicated: boolean }) => [
        r.asset.rel_path,
        r.asset.asset_kind,
        r.deduplicated,
      ]),
    ).toEqual([
      [`uploads/scene/${sha(one)}.png`, "scene", false],
      [`uploads/scene/${sha(three)}.png`, "scene", false],
      [`uploads/scene/${sha(two)}.png`, "scene", false],
    ]);

    const listed = await kroma(["--json", "scenes", "list", "-p", "paths-scenes"], elsewhere);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout);
    expect(list.ok).toBe(true);
    expect(list.assets.map((asset: { rel_path: string }) => asset.rel_path).sort()).toEqual(
      [one, two, three].map((bytes) => `uploads/scene/${sha(bytes)}.png`).sort(),
    );
    const table = await kroma(["scenes", "list", "-p", "paths-scenes"], elsewhere);
    expect(table.stdout).toContain(`uploads/scene/${sha(one)}.png`);
    expect(table.stdout).toContain("one.png");

    // The same bytes again answer the stored asset; a reference goes under uploads/reference/.
    const again = await kroma(["--json", "scenes", "add", "one.png", "-p", "paths-scenes"], elsewhere);
    expect(JSON.parse(again.stdout).results[0]).toMatchObject({ deduplicated: true });
    const reference = await kroma(
      ["--json", "scenes", "add", "one.png", "--kind", "reference", "-p", "paths-scenes"],
      elsewhere,
    );
    expect(JSON.parse(reference.stdout).results[0].asset.rel_path).toBe(`uploads/reference/${sha(one)}.png`);

    const missing = await kroma(["scenes", "add", "gone.png", "-p", "paths-scenes"], elsewhere);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`kroma: gone.png: no such file ${join(elsewhere, "gone.png")} ${rule}\n`);
  });
});
