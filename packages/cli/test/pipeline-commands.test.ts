import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultManifest, executeRun } from "@kroma/pipeline";
import { createKromaClient } from "@kroma/sdk";
import { solidPng, startHeldImages, startImagesServer, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const repoConfig = fileURLToPath(new URL("../../../config", import.meta.url));

function kroma(args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let dir = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-pipeline-"));
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A new project on the test server with `files` (path under its root → contents), and a client of the server. */
async function newProject(name: string, slug: string, files: Record<string, string | Uint8Array>) {
  const sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.upsert({ name, slug });
  const root = storage.local.project_root;
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  return { sdk, root };
}

describe("kroma config validate", () => {
  it("accepts the shipped examples and reports where each value came from", async () => {
    const app = join(dir, "app-ok");
    await mkdir(join(app, "config"), { recursive: true });
    await cp(join(repoConfig, "pipeline.settings.toml.example"), join(app, "config/pipeline.settings.toml"));
    await cp(join(repoConfig, "pipeline.manifest.json.example"), join(app, "config/pipeline.manifest.json"));
    await cp(join(repoConfig, "postprocess.json.example"), join(app, "config/postprocess.json"));
    const result = await kroma(["--json", "config", "validate", "--app-root", app], app);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ ok: true, problems: [], app_settings_loaded: true });
  });

  it("lists every problem with its file and field and exits 1", async () => {
    const app = join(dir, "app-bad");
    await mkdir(join(app, "config"), { recursive: true });
    await writeFile(
      join(app, "config/pipeline.settings.toml"),
      '[pipeline.postprocess]\nupscale_backend = "magic"\ncolor_profile = "sepia"\n',
    );
    const result = await kroma(["config", "validate", "--app-root", app], app);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain("pipeline.postprocess.upscale_backend");
    expect(result.stdout + result.stderr).toContain("pipeline.postprocess.color_profile");
  });
});

describe("kroma lab dry", () => {
  it("plans from the project's stored root, writes a run log and spends nothing", async () => {
    const { sdk, root } = await newProject("Lab", "lab", {
      "scenes/alley.png": "alley",
      "scenes/bridge.jpg": "bridge",
      "refs/ink.png": "ink",
    });

    const result = await kroma(
      [
        "--api-url",
        server.url,
        "--json",
        "lab",
        "dry",
        "--project",
        "lab",
        "--input",
        join(root, "scenes"),
        "--style-refs",
        "refs/ink.png",
        "--stage",
        "time",
        "--time",
        "night",
        "--candidates",
        "2",
      ],
      root,
    );
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(result.stderr).toBe(`Run ${log.run_id} recorded on ${server.url}\n`);
    // Recorded through the API: it lists the run and its planned jobs.
    const { run, jobs } = await sdk.runs.get("lab", log.run_id);
    expect(run).toMatchObject({ run_mode: "dry", status: "succeeded", stage: "time" });
    expect(jobs.map((job) => job.job_key)).toEqual(["time_1_alley", "time_2_bridge"]);
    expect(log).toMatchObject({
      mode: "dry",
      stage: "time",
      time: "night",
      status: "planned",
      summary: { jobs: 2, candidates: 4 },
    });
    expect(log.jobs.map((job: { id: string }) => job.id)).toEqual(["time_1_alley", "time_2_bridge"]);
    expect(log.jobs[0].prompt).toContain("Night-time lighting");
    const written = JSON.parse(await readFile(join(root, "runs", `${log.run_id}.json`), "utf8"));
    expect(written).toEqual(log);
  });

  it("prints the spend estimate, records it in the log, and refuses a plan over --max-spend", async () => {
    const { root } = await newProject("Estimate", "estimate", {
      "scenes/alley.png": "alley",
      "scenes/bridge.png": "bridge",
    });
    const args = ["--api-url", server.url, "lab", "dry", "--project", "estimate", "--input", join(root, "scenes")];
    const noIngest = [...args, "--no-ingest", "--candidates", "2"];
    const result = await kroma(noIngest, dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  estimate     4 image request(s), 4 image(s) at $0.063 = $0.252\n" +
        "               total $0.252 (estimate from list prices, not a bill)\n",
    );
    const json = await kroma(["--json", ...noIngest], dir);
    expect(JSON.parse(json.stdout).spend_estimate).toMatchObject({ requests: 4, total_usd: 0.252 });

    const over = await kroma([...noIngest, "--max-spend", "0.2"], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(
      "kroma: Refused: estimated $0.252 exceeds --max-spend $0.200 by $0.052 (max_spend_usd); nothing was sent\n",
    );
    const bad = await kroma([...noIngest, "--max-spend", "free"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("kroma: --max-spend must be a positive number of dollars, got 'free'\n");
  });

  it("uses the manifest the project's layered settings name", async () => {
    const root = join(dir, "layered-project");
    await mkdir(join(root, ".kroma"), { recursive: true });
    await mkdir(join(root, "scenes"), { recursive: true });
    await writeFile(join(root, "scenes/gate.png"), "gate");
    await writeFile(
      join(root, "manifest.json"),
      JSON.stringify({
        prompts: { style_base: "Ink wash rendering of the scene." },
        policy: { default_no_invention: false },
      }),
    );
    await writeFile(
      join(root, ".kroma/pipeline.settings.json"),
      JSON.stringify({ pipeline: { manifest_path: "manifest.json" } }),
    );
    const noServer = "http://127.0.0.1:9";
    const result = await kroma(
      [
        "--json",
        "--api-url",
        noServer,
        "lab",
        "dry",
        "-p",
        "layered",
        "--project-root",
        root,
        "--scene-refs",
        "scenes/gate.png",
      ],
      root,
    );
    // No server there: the log is written and printed, and the command fails saying how to record it later.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`kroma: the run is not recorded on ${noServer}`);
    const log = JSON.parse(result.stdout);
    expect(result.stderr).toContain(
      `record them with \`kroma lab ingest ${join(root, "runs", `${log.run_id}.json`)} -p layered\``,
    );
    expect(log.jobs[0].prompt).toBe("Ink wash rendering of the scene.");

    await writeFile(join(root, ".kroma/pipeline.settings.json"), JSON.stringify({ pipeline: { manifest_path: 42 } }));
    const invalid = await kroma(
      ["lab", "dry", "--project", "layered", "--project-root", root, "--scene-refs", "scenes/gate.png", "--no-ingest"],
      root,
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("pipeline.manifest_path");
  });

  it("records the post-process settings the --post-* flags turn on, and refuses a bad value", async () => {
    const root = join(dir, "post");
    await mkdir(join(root, "scenes"), { recursive: true });
    await writeFile(join(root, "scenes/quay.png"), solidPng(8, 8, [90, 90, 90]));
    const args = [
      "lab",
      "dry",
      "--project",
      "post",
      "--project-root",
      root,
      "--scene-refs",
      "scenes/quay.png",
      "--no-ingest",
    ];
    const result = await kroma(
      ["--json", ...args, "--post-color", "--post-color-profile", "cold_rain", "--post-upscale", "yes"],
      root,
    );
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(log.postprocess).toMatchObject({
      color: true,
      color_profile: "cold_rain",
      upscale: true,
      upscale_backend: "sharp",
      bg_remove: false,
      pipeline_order: ["generate", "upscale", "color"],
    });
    expect(log.jobs[0].planned_postprocess).toEqual(log.postprocess);

    const bad = await kroma([...args, "--post-color", "maybe"], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--post-color");
    const unknown = await kroma([...args, "--post-color-profile", "sepia"], root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("sepia");
    // A flag that tunes a stage that is off would be silently ignored: an error, naming the switch.
    const ignored = await kroma([...args, "--post-color-profile", "cold_rain"], root);
    expect(ignored).toMatchObject({ code: 1 });
    expect(ignored.stderr).toContain("--post-color-profile has no effect: colour correction is off (add --post-color)");
    const backend = await kroma([...args, "--upscale-backend", "sharp"], root);
    expect(backend.code).toBe(1);
    expect(backend.stderr).toContain("--upscale-backend has no effect: upscaling is off (add --post-upscale)");
  });

  it("refuses flag combinations the seed refused, with a clear one-line error", async () => {
    const result = await kroma(
      ["lab", "dry", "--project", "lab", "--project-root", dir, "--scene-refs", "a.png", "--weather", "rain"],
      dir,
    );
    // Named by its flag, not its request field; a command line the run refuses is a usage error.
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("kroma: --weather requires stage 'weather'\n(run with --help for usage)\n");
  });
});

describe("kroma lab ingest", () => {
  it("records logs made with --no-ingest, and recording them again changes nothing", async () => {
    const { sdk, root } = await newProject("Later", "later", { "scenes/pier.png": solidPng(8, 8, [90, 90, 90]) });
    const env = {};
    const args = ["--api-url", server.url, "--json", "lab"];
    const dry = await kroma(
      [...args, "dry", "--project", "later", "--scene-refs", "scenes/pier.png", "--no-ingest"],
      root,
      env,
    );
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe("");
    const runId = JSON.parse(dry.stdout).run_id;
    expect((await sdk.runs.list("later")).count).toBe(0);

    const first = await kroma([...args, "ingest", "--project", "later"], root, env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).logs).toEqual([expect.objectContaining({ status: "ingested", run_id: runId })]);
    expect((await sdk.runs.list("later")).runs.map((run) => run.id)).toEqual([runId]);

    const again = await kroma([...args, "ingest", "--project", "later"], root, env);
    expect(JSON.parse(again.stdout).logs).toEqual([expect.objectContaining({ status: "unchanged" })]);

    await writeFile(join(root, "runs/broken.json"), "{ not json");
    const broken = await kroma([...args, "ingest", "--project", "later", join(root, "runs/broken.json")], root, env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout).logs[0]).toMatchObject({
      status: "failed",
      error: expect.stringContaining("not valid JSON"),
    });
  });
});

describe("kroma lab run", () => {
  it("generates with this shell's OPENAI_API_KEY, never the project's stored key; without one it names the trigger", async () => {
    const images = await startImagesServer();
    try {
      const { sdk, root } = await newProject("Paid", "paid", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
      await sdk.secrets.upsert("paid", {
        provider_code: "openai",
        secret_name: "api_key",
        secret_value: "sk-from-secrets",
      });
      const result = await kroma(
        [
          "--api-url",
          server.url,
          "--json",
          "lab",
          "run",
          "--project",
          "paid",
          "--scene-refs",
          "scenes/dock.png",
          "--confirm-spend",
        ],
        root,
        { OPENAI_API_KEY: "sk-from-environment", OPENAI_BASE_URL: `${images.url}/v1` },
      );
      expect(result.stderr).not.toContain("sk-from");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        mode: "run",
        status: "succeeded",
        summary: { jobs: 1, done: 1 },
      });
      // The project's key stays on the server: a run executed here uses the shell's.
      expect(images.requests.map((r) => r.headers.authorization)).toEqual(["Bearer sk-from-environment"]);
      // The default settings, which the stand-in (enforcing the real API's sizes) took.
      expect(images.requests[0]?.fields).toMatchObject({
        model: "gpt-image-1",
        size: "1024x1536",
        quality: "medium",
        input_fidelity: "high",
      });
      const runId = JSON.parse(result.stdout).run_id;
      expect(existsSync(join(root, `outputs/${runId}/style_1_dock.png`))).toBe(true);
      const { assets } = await sdk.assets.list("paid", { run_id: runId });
      expect(assets.map((asset) => asset.rel_path)).toEqual([`outputs/${runId}/style_1_dock.png`]);

      const { OPENAI_API_KEY: _unset, ...withoutKey } = process.env;
      const noKey = await new Promise<{ code: number; stderr: string }>((done) =>
        execFile(
          process.execPath,
          [
            bin,
            "--api-url",
            server.url,
            "lab",
            "run",
            "-p",
            "paid",
            "--scene-refs",
            "scenes/dock.png",
            "--confirm-spend",
          ],
          { cwd: root, env: { ...withoutKey, OPENAI_BASE_URL: `${images.url}/v1` } },
          (error, _stdout, stderr) => done({ code: error ? Number(error.code) : 0, stderr }),
        ),
      );
      expect(noKey.code).toBe(1);
      expect(noKey.stderr).toContain("OPENAI_API_KEY is not set");
      expect(noKey.stderr).toContain("kroma runs trigger -p paid --mode run --confirm-spend");
      expect(images.requests).toHaveLength(1);
    } finally {
      await images.close();
    }
  });

  it("is held to the project's budget: a run that does not fit what remains is refused with nothing sent", async () => {
    const images = await startImagesServer();
    try {
      const { sdk, root } = await newProject("Budgeted", "budgeted", {
        "scenes/dock.png": solidPng(8, 8, [90, 90, 90]),
      });
      await sdk.projects.setBudget("budgeted", 0.1);
      const args = ["--api-url", server.url, "lab", "run", "-p", "budgeted", "--scene-refs", "scenes/dock.png"];
      const env = { OPENAI_API_KEY: "sk-budget", OPENAI_BASE_URL: `${images.url}/v1` };
      const refused = await kroma([...args, "--candidates", "2", "--confirm-spend", "--no-ingest"], root, env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        "Refused: estimated $0.126 exceeds the project's remaining budget $0.100 (budget $0.100, committed $0.000) by $0.026; nothing was sent",
      );
      expect(images.requests).toHaveLength(0);
      const fits = await kroma([...args, "--confirm-spend", "--no-ingest"], root, env);
      expect(fits.code).toBe(0);
      expect(images.requests).toHaveLength(1);
    } finally {
      await images.close();
    }
  });

  it("continues an interrupted run with lab resume, keeping the jobs that finished", async () => {
    const images = await startImagesServer();
    try {
      const gray = solidPng(8, 8, [90, 90, 90]);
      const { sdk, root } = await newProject("Resumed", "resumed", { "scenes/a.png": gray, "scenes/b.png": gray });
      // A run stopped after its first job, as a crash or Ctrl-C would leave it.
      const stop = new AbortController();
      await expect(
        executeRun({
          projectSlug: "resumed",
          projectRoot: root,
          resolvedFromBackend: false,
          manifest: defaultManifest,
          request: { scene_refs: "scenes/a.png,scenes/b.png" },
          confirmSpend: true,
          model: "gpt-image-1",
          size: "1024x1024",
          quality: "medium",
          apiKey: "sk-test",
          baseURL: `${images.url}/v1`,
          runId: "run_cli_resume",
          interruptSignal: stop.signal,
          onProgress: (event) => {
            if (event.phase === "job_done") stop.abort();
          },
        }),
      ).rejects.toThrow("kroma lab resume run_cli_resume");
      images.reset();

      const env = {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: `${images.url}/v1`,
      };
      const refused = await kroma(["lab", "resume", "run_cli_resume", "--project", "resumed"], dir, env);
      expect(refused.code).toBe(1);
      const result = await kroma(
        [
          "--api-url",
          server.url,
          "--json",
          "lab",
          "resume",
          "run_cli_resume",
          "--project",
          "resumed",
          "--confirm-spend",
        ],
        dir,
        env,
      );
      expect(result.code).toBe(0);
      const log = JSON.parse(result.stdout);
      expect(log).toMatchObject({
        run_id: "run_cli_resume",
        status: "succeeded",
        resumes: [{ kept_jobs: ["style_1_a"] }],
      });
      expect(images.requests.map((request) => request.images[0])).toEqual(["b.png"]);
      expect((await sdk.runs.get("resumed", "run_cli_resume")).run.status).toBe("succeeded");
    } finally {
      await images.close();
    }
  });

  it("refuses size 768x1152 on gpt-image-1 before any request, from --size or OPENAI_IMAGE_SIZE", async () => {
    const images = await startImagesServer();
    try {
      const { root } = await newProject("Sized", "sized", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
      const env = {
        OPENAI_API_KEY: "sk-test-sized",
        OPENAI_BASE_URL: `${images.url}/v1`,
      };
      const args = ["--api-url", server.url, "lab", "run", "--project", "sized", "--scene-refs", "scenes/dock.png"];
      const message =
        "kroma: Image settings not accepted: size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, 1024x1536, 1536x1024, auto\n";
      const flagged = await kroma(
        [...args, "--confirm-spend", "--model", "gpt-image-1", "--size", "768x1152"],
        root,
        env,
      );
      expect(flagged.code).toBe(1);
      expect(flagged.stderr).toBe(message);
      const fromEnv = await kroma([...args, "--confirm-spend"], root, { ...env, OPENAI_IMAGE_SIZE: "768x1152" });
      expect(fromEnv.code).toBe(1);
      expect(fromEnv.stderr).toBe(message);
      // A dry run refuses it the same way, and writes no run log.
      const dry = await kroma(
        ["--api-url", server.url, "lab", "dry", "--project", "sized", "--scene-refs", "scenes/dock.png"],
        root,
        { ...env, OPENAI_IMAGE_SIZE: "768x1152" },
      );
      expect(dry.code).toBe(1);
      expect(dry.stderr).toBe(message);
      expect(existsSync(join(root, "runs"))).toBe(false);
      expect(images.requests).toHaveLength(0);
    } finally {
      await images.close();
    }
  });

  it("takes --model, --size and --quality per run: gpt-image-1-mini without input fidelity", async () => {
    const images = await startImagesServer();
    try {
      const { root } = await newProject("Mini", "mini", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
      const result = await kroma(
        [
          "--api-url",
          server.url,
          "--json",
          "lab",
          "run",
          "--project",
          "mini",
          "--scene-refs",
          "scenes/dock.png",
          "--candidates",
          "1",
          "--model",
          "gpt-image-1-mini",
          "--size",
          "1536x1024",
          "--quality",
          "high",
          "--confirm-spend",
        ],
        root,
        {
          OPENAI_API_KEY: "sk-test-mini",
          OPENAI_BASE_URL: `${images.url}/v1`,
          OPENAI_IMAGE_SIZE: "768x1152",
        },
      );
      expect(result.stderr).not.toContain("Error");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        status: "succeeded",
        model: "gpt-image-1-mini",
        size: "1536x1024",
        quality: "high",
        cost_estimate_usd: 0.052,
      });
      expect(images.requests).toHaveLength(1);
      expect(images.requests[0]?.fields).toMatchObject({
        model: "gpt-image-1-mini",
        size: "1536x1024",
        quality: "high",
      });
      expect(images.requests[0]?.fields.input_fidelity).toBeUndefined();
    } finally {
      await images.close();
    }
  });

  it("prints the spend estimate before the first request; --max-spend below it sends nothing", async () => {
    const images = await startImagesServer();
    try {
      const { root } = await newProject("Ceiling", "ceiling", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
      const env = {
        OPENAI_API_KEY: "sk-test-ceiling",
        OPENAI_BASE_URL: `${images.url}/v1`,
      };
      const args = [
        "--api-url",
        server.url,
        "lab",
        "run",
        "--project",
        "ceiling",
        "--scene-refs",
        "scenes/dock.png",
        "--candidates",
        "2",
        "--no-ingest",
        "--confirm-spend",
      ];
      const refused = await kroma([...args, "--max-spend", "0.1"], root, env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        "kroma: Refused: estimated $0.126 exceeds --max-spend $0.100 by $0.026 (max_spend_usd); nothing was sent\n",
      );
      expect(images.requests).toHaveLength(0);

      const allowed = await kroma(["--json", ...args, "--max-spend", "0.13"], root, env);
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toContain(
        "Spend estimate: 2 image request(s), 2 image(s) at $0.063 = $0.126\n" +
          "                total $0.126 (estimate from list prices, not a bill)\n",
      );
      expect(JSON.parse(allowed.stdout)).toMatchObject({ status: "succeeded", cost_estimate_usd: 0.126 });
      expect(images.requests).toHaveLength(2);
    } finally {
      await images.close();
    }
  });

  it("times a hung request out after OPENAI_TIMEOUT_MS and sends KROMA_IMAGE_CONCURRENCY requests at once", async () => {
    const images = await startImagesServer();
    const held = await startHeldImages();
    try {
      const { root } = await newProject("Limits", "limits", { "scenes/dock.png": solidPng(8, 8, [90, 90, 90]) });
      const env = {
        OPENAI_API_KEY: "sk-test-limits",
        OPENAI_BASE_URL: `${images.url}/v1`,
      };
      const args = ["--json", "--api-url", server.url, "lab", "run", "--project", "limits"];
      const run = [...args, "--scene-refs", "scenes/dock.png", "--candidates", "2", "--no-ingest", "--confirm-spend"];

      const refused = await kroma(run, root, { ...env, KROMA_IMAGE_CONCURRENCY: "0" });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe("kroma: Invalid KROMA_IMAGE_CONCURRENCY '0': expected a whole number from 1 to 8\n");
      expect(images.requests).toHaveLength(0);

      // The first request never answers: it times out after 300 ms and its retry is answered.
      images.script(({ index }) => (index === 0 ? { hang: true } : { image: "gray" }));
      const timed = await kroma(run, root, { ...env, OPENAI_TIMEOUT_MS: "300", KROMA_IMAGE_CONCURRENCY: "1" });
      expect(timed.code).toBe(0);
      const log = JSON.parse(timed.stdout);
      expect(log.status).toBe("succeeded");
      expect(log.jobs[0].candidates[0].attempts[0].error).toMatch(/^Request timed out/);
      expect(images.requests).toHaveLength(3);

      // Two requests in flight before either is answered.
      const concurrent = kroma(run, root, { ...env, OPENAI_BASE_URL: `${held.url}/v1`, KROMA_IMAGE_CONCURRENCY: "2" });
      await held.request(1);
      expect(held.requests.map((request) => request.answered)).toEqual([false, false]);
      held.answerAll();
      expect((await concurrent).code).toBe(0);

      // The report names the cost recorded from the answers' usage beside the estimate.
      images.script(() => ({ image: "gray", usage: "openai" }));
      const report = await kroma(run.slice(1), root, env);
      expect(report.code).toBe(0);
      expect(report.stdout).toMatch(
        /\n {2}recorded {5}\$0\.1\d\d from the usage of 2 answer\(s\) at per-token list prices\n/,
      );
    } finally {
      await images.close();
      await held.close();
    }
  });

  it("refuses to spend without --confirm-spend, before any request", async () => {
    const result = await kroma(["lab", "run", "--project", "lab", "--project-root", dir, "--scene-refs", "a.png"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("kroma: Run mode requires explicit spend confirmation (--confirm-spend)\n");
  });
});

describe("kroma lab qa and archive-bad", () => {
  it("measures every image, writes a report and exits 1 on a hard failure", async () => {
    const root = join(dir, "qa-project");
    await mkdir(join(root, "outputs"), { recursive: true });
    await writeFile(join(root, "outputs/gray.png"), solidPng(8, 8, [120, 120, 120]));
    await writeFile(join(root, "outputs/red.png"), solidPng(8, 8, [200, 20, 20]));
    const report = join(dir, "qa.json");
    const result = await kroma(
      ["--json", "lab", "qa", "--input", join(root, "outputs"), "--enforce-grayscale", "true", "--output", report],
      dir,
    );
    expect(result.code).toBe(1);
    const written = JSON.parse(await readFile(report, "utf8"));
    // Red fails the grayscale rule and, above the threshold without fail_on_chroma_exceed, also warns.
    expect(written.summary).toEqual({ total_files: 2, hard_failures: 1, soft_warnings: 1 });
    const red = written.files.find((f: { file: string }) => f.file.endsWith("red.png"));
    // (|200-20| + |200-20| + |20-20|) / 3 = 120
    expect(red).toMatchObject({
      chroma_delta: 120,
      grayscale_like: false,
      hard_fail_reasons: ["not_grayscale_like"],
      soft_warnings: ["chroma_exceeds_threshold"],
    });

    const moved = await kroma(
      ["lab", "archive-bad", "--input", join(root, "outputs"), "--project-root", root, "--enforce-grayscale", "true"],
      dir,
    );
    expect(moved.code).toBe(0);
    expect(existsSync(join(root, "archive/bad/red.png"))).toBe(true);
    expect(existsSync(join(root, "outputs/red.png"))).toBe(false);
    expect(existsSync(join(root, "outputs/gray.png"))).toBe(true);
  });
});

describe("kroma lab archive-bad with records", () => {
  it("moves the asset records of the files it archives, so each still names its bytes", async () => {
    const images = await startImagesServer();
    try {
      images.script(({ index }) => ({ image: index === 0 ? "color" : "gray" }));
      const { sdk, root } = await newProject("Archived", "archived", {
        "scenes/a.png": solidPng(8, 8, [90, 90, 90]),
        "scenes/b.png": solidPng(8, 8, [90, 90, 90]),
      });
      const env = {
        OPENAI_API_KEY: "sk-test-archive",
        OPENAI_BASE_URL: `${images.url}/v1`,
      };
      const run = await kroma(
        ["--json", "--api-url", server.url, "lab", "run", "--project", "archived", "--confirm-spend"].concat([
          "--scene-refs",
          "scenes/a.png,scenes/b.png",
          "--output-guard-enabled",
          "false",
        ]),
        root,
        env,
      );
      expect(run.code).toBe(0);
      const runId = JSON.parse(run.stdout).run_id as string;

      const moved = await kroma(
        ["--json", "--api-url", server.url, "lab", "archive-bad", "--input", join(root, "outputs")].concat([
          "--project",
          "archived",
          "--enforce-grayscale",
          "true",
        ]),
        root,
        env,
      );
      expect(moved.code).toBe(0);
      expect(JSON.parse(moved.stdout).records).toEqual({ slug: "archived", records: 1, refused: [] });
      const { assets } = await sdk.assets.list("archived", { run_id: runId });
      expect(assets.map((asset) => asset.rel_path).sort()).toEqual([
        "archive/bad/style_1_a.png",
        `outputs/${runId}/style_2_b.png`,
      ]);
      for (const asset of assets) {
        const bytes = await readFile(join(root, asset.rel_path ?? ""));
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(asset.sha256);
      }
    } finally {
      await images.close();
    }
  });
});

describe("kroma lab replay", () => {
  it("reports an unchanged project as identical, and a changed scene as a difference with exit 1", async () => {
    const root = join(dir, "replay-project");
    await mkdir(join(root, "scenes"), { recursive: true });
    await writeFile(join(root, "scenes/pier.png"), solidPng(4, 4, [60, 60, 60]));
    const planned = await kroma(
      [
        "--json",
        "lab",
        "dry",
        "-p",
        "replay",
        "--project-root",
        root,
        "--scene-refs",
        "scenes/pier.png",
        "--no-ingest",
      ],
      root,
    );
    const runId = JSON.parse(planned.stdout).run_id as string;

    const same = await kroma(["lab", "replay", runId, "--project", "replay", "--project-root", root], root);
    expect(same).toMatchObject({ code: 0 });
    expect(same.stdout).toContain(`identical: the plan matches run ${runId}`);

    await writeFile(join(root, "scenes/pier.png"), solidPng(4, 4, [61, 60, 60]));
    const changed = await kroma(
      ["--json", "lab", "replay", runId, "--project", "replay", "--project-root", root],
      root,
    );
    expect(changed.code).toBe(1);
    const result = JSON.parse(changed.stdout);
    expect(result.identical).toBe(false);
    expect(result.differences.map((d: { path: string }) => d.path)).toContain("inputs.scenes/pier.png.sha256");
  });
});
