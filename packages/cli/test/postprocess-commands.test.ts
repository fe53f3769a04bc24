// The post-process commands as users run them: the BUILT binary (packages/cli/dist/bin.js) on
// images made here, against local stand-ins for PhotoRoom, remove.bg and the OpenAI images API.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CutoutServers,
  channelMeans,
  cutoutPng,
  type ImagesServer,
  imageInfo,
  scenePng,
  serviceErrors,
  startCutoutServices,
  startImagesServer,
  startTestServer,
  type TestServer,
  writeBadInputs,
} from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { batchProgressReporter } from "../src/commands/lab-postprocess.js";
import { reportedText } from "./progress-stream.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** Runs the binary with a clean key environment (no real keys leak in from the machine). */
function kroma(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base = {
    ...process.env,
    PHOTOROOM_API_KEY: "",
    REMOVE_BG_API_KEY: "",
    OPENAI_API_KEY: "",
    KROMA_APP_ROOT: cwd,
  };
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let dir = "";
let services: CutoutServers;
let images: ImagesServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-postprocess-"));
  services = await startCutoutServices();
  images = await startImagesServer();
});
afterAll(async () => {
  await services.close();
  await images.close();
  await rm(dir, { recursive: true, force: true });
});

async function makeInputs(name: string): Promise<string> {
  const input = join(dir, name);
  await mkdir(join(input, "sub"), { recursive: true });
  await writeFile(join(input, "a.png"), await scenePng(30, 20));
  await writeFile(join(input, "sub", "b.png"), await cutoutPng(20, 20));
  return input;
}

describe("kroma lab upscale", () => {
  it("upscales a tree, prints a line per file off a terminal and a JSON summary; bad files fail alone (exit 1)", async () => {
    const input = await makeInputs("up-in");
    const bad = await writeBadInputs(input);
    const output = join(dir, "up-out");
    const result = await kroma(
      ["--json", "lab", "upscale", "--input", input, "--output", output, "--upscale-scale", "3", "--concurrency", "2"],
      dir,
    );
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      operation: "upscale",
      concurrency: 2,
      summary: { total: 6, processed: 2, skipped: 0, failed: 4 },
    });
    expect(await imageInfo(join(output, "a_x3.png"))).toMatchObject({ width: 90, height: 60 });
    expect(await imageInfo(join(output, "sub", "b_x3.png"))).toMatchObject({ width: 60, hasAlpha: true });
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => /^\[\d\/6\] processed .* -> .*_x3\.png \(\d+ ms\)$/.test(line))).toHaveLength(2);
    // Paths under the current directory are shown relative to it.
    expect(result.stderr).toContain(`failed ${relative(dir, bad.bomb)}: image exceeds the pixel limit`);
    expect(result.stderr).toContain(`failed ${relative(dir, bad.empty)}: not a readable image`);
  });

  it("refuses to write over its input and names bad flag values", async () => {
    const input = join(dir, "single.png");
    await writeFile(input, await scenePng(10, 10));
    const same = await kroma(["lab", "upscale", "--input", input, "--output", input], dir);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("refusing to overwrite an input");
    const scale = await kroma(
      ["lab", "upscale", "--input", input, "--output", join(dir, "x"), "--upscale-scale", "5"],
      dir,
    );
    expect(scale.code).toBe(1);
    expect(scale.stderr).toContain("--upscale-scale must be one of: 2, 3, 4 (got '5')");
  });

  it("names the setting when the Real-ESRGAN binary is missing", async () => {
    const input = join(dir, "esr.png");
    await writeFile(input, await scenePng(10, 10));
    const result = await kroma(
      ["lab", "upscale", "--input", input, "--output", join(dir, "esr-out"), "--upscale-backend", "realesrgan-ncnn"],
      dir,
      { PATH: join(dir, "no-bin") },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 failed");
    expect(result.stdout).toContain("upscale.realesrgan_ncnn.binary (postprocess.json)");
  });
});

describe("kroma lab color", () => {
  it("corrects one file into an output file with a profile from --color-settings", async () => {
    const input = join(dir, "warm.png");
    await writeFile(input, await scenePng(40, 30));
    const settings = join(dir, "color.json");
    await writeFile(settings, JSON.stringify({ profiles: { hot: { red_multiplier: 1.3, blue_multiplier: 0.7 } } }));
    const output = join(dir, "warm-out", "warm_hot.png");
    const result = await kroma(
      ["lab", "color", "--input", input, "--output", output, "--color-settings", settings, "--profile", "hot"],
      dir,
    );
    expect(result.stderr).toMatch(/^\[1\/1\] processed /);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("color: 1 file(s): 1 processed, 0 skipped, 0 failed");
    const [r0, , b0] = await channelMeans(input);
    const [r1, , b1] = await channelMeans(output);
    expect(r1).toBeGreaterThan(r0);
    expect(b1).toBeLessThan(b0);
  });

  it("lists the known profiles for an unknown one", async () => {
    const input = join(dir, "warm.png");
    const result = await kroma(
      ["lab", "color", "--input", input, "--output", join(dir, "c"), "--profile", "sepia"],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'unknown color profile "sepia"; known profiles: neutral, cinematic_warm, cold_rain',
    );
  });
});

describe("kroma lab bgremove", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ agentDispatch: false });
  });
  afterAll(() => server.stop());

  it("falls back from PhotoRoom to remove.bg with this shell's keys, then refines with OpenAI", async () => {
    const config = join(dir, "postprocess.json");
    await writeFile(
      config,
      JSON.stringify({
        bg_remove: {
          backends: ["photoroom", "removebg"],
          photoroom: { api_url: services.photoroomUrl },
          removebg: { api_url: services.removebgUrl },
        },
      }),
    );
    services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
    const refined = (await cutoutPng(64, 48)).toString("base64");
    images.script(() => ({ b64: refined }));
    const input = await makeInputs("bg-in");
    const output = join(dir, "bg-out");
    const result = await kroma(
      [
        "--json",
        "lab",
        "bgremove",
        "--input",
        input,
        "--output",
        output,
        "--postprocess-config",
        config,
        "--bg-refine-openai",
        "true",
      ],
      dir,
      {
        PHOTOROOM_API_KEY: services.key,
        REMOVE_BG_API_KEY: services.key,
        OPENAI_API_KEY: "sk-openai-secret-000000",
        OPENAI_BASE_URL: `${images.url}/v1`,
      },
    );
    expect(result.stderr).not.toContain(services.key);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.summary).toEqual({ total: 2, processed: 2, skipped: 0, failed: 0 });
    expect(summary.files[0]).toMatchObject({
      backend: "removebg",
      backends_tried: [
        { backend: "photoroom", ok: false, error: expect.stringContaining("HTTP 402") },
        { backend: "removebg", ok: true },
      ],
      params: { refine_openai: { background: "transparent" } },
    });
    expect(result.stdout).not.toContain(services.key);
    expect(images.requests.map((request) => request.headers.authorization)).toEqual([
      "Bearer sk-openai-secret-000000",
      "Bearer sk-openai-secret-000000",
    ]);
    expect(await imageInfo(join(output, "a_nobg.png"))).toMatchObject({ width: 30, height: 20, hasAlpha: true });
    expect((await stat(join(output, "sub", "b_nobg.png"))).size).toBeGreaterThan(0);
  });

  it("fails every file (exit 1) when the required refine has no key, and writes nothing", async () => {
    const input = join(dir, "req.png");
    await writeFile(input, await scenePng(12, 12));
    const config = join(dir, "postprocess-req.json");
    await writeFile(config, JSON.stringify({ bg_remove: { removebg: { api_url: services.removebgUrl } } }));
    const result = await kroma(
      [
        "lab",
        "bgremove",
        "--input",
        input,
        "--output",
        join(dir, "req-out"),
        "--postprocess-config",
        config,
        "--bg-remove-backends",
        "removebg",
        "--bg-refine-openai",
        "yes",
        "--bg-refine-openai-required",
        "yes",
      ],
      dir,
      { REMOVE_BG_API_KEY: services.key },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("required OpenAI refine failed: no OpenAI API key");
    await expect(stat(join(dir, "req-out", "req_nobg.png"))).rejects.toThrow(/ENOENT/);
  });
});

describe("kroma doctor", () => {
  it("lists every backend, says how to install what is missing and never prints a key", async () => {
    const app = join(dir, "doctor-app");
    await mkdir(app, { recursive: true });
    const result = await kroma(["--json", "doctor"], app, {
      PATH: join(dir, "no-bin"),
      PHOTOROOM_API_KEY: "pr-doctor-secret",
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const row = (backend: string) => report.checks.find((check: { backend: string }) => check.backend === backend);
    expect(report.ok).toBe(true);
    expect(row("sharp")).toMatchObject({ available: true });
    expect(row("realesrgan-ncnn")).toMatchObject({
      available: false,
      fix: expect.stringContaining("upscale.realesrgan_ncnn.binary"),
    });
    expect(row("local")).toMatchObject({
      available: false,
      fix: expect.stringContaining("@imgly/background-removal-node"),
    });
    expect(row("photoroom")).toMatchObject({ available: true, detail: expect.stringContaining("API key present") });
    expect(row("removebg")).toMatchObject({ available: false, fix: expect.stringContaining("REMOVE_BG_API_KEY") });
    expect(result.stdout).not.toContain("pr-doctor-secret");
  });

  it("exits 1 when a stage that is on has no backend that can run", async () => {
    const app = join(dir, "doctor-esr");
    await mkdir(join(app, "config"), { recursive: true });
    await writeFile(
      join(app, "config", "pipeline.settings.toml"),
      '[pipeline.postprocess]\nupscale = true\nupscale_backend = "realesrgan-ncnn"\n',
    );
    const result = await kroma(["doctor"], app, { PATH: join(dir, "no-bin") });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Post-processing: a stage that is on cannot run");
    expect(result.stdout).toMatch(/upscale\s+realesrgan-ncnn\s+missing\s+yes/);
    expect(result.stdout).toContain("To enable:");
  });
});

describe("batch progress", () => {
  const events = [
    { done: 1, total: 2, file: { input: "/x/a.png", output: "/y/a_x2.png", status: "processed" as const, ms: 5 } },
    {
      done: 2,
      total: 2,
      file: { input: "/x/b.png", output: "/y/b_x2.png", status: "failed" as const, ms: 1, error: "boom" },
    },
  ];

  it("draws a bar on a terminal", () => {
    expect(reportedText(batchProgressReporter, true, events)).toContain("2/2 files");
  });

  it("prints one plain line per file elsewhere", () => {
    expect(reportedText(batchProgressReporter, false, events)).toBe(
      "[1/2] processed /x/a.png -> /y/a_x2.png (5 ms)\n[2/2] failed /x/b.png: boom\n",
    );
  });
});
