import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient, type KromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `kroma lab dry` composing prompts from the project's records (looked up through the API),
// batches from JSONL and CSV files, and `lab replay` telling a changed record apart.

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
let dir = "";
let sdk: KromaClient;
let guideId = "";
let root = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-records-"));
  sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.upsert({ name: "Records", slug: "records" });
  root = storage.local.project_root;
  for (const scene of ["alley", "bridge", "dock"]) {
    const path = join(storage.local.project_root, "scenes", `${scene}.png`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, scene);
  }
  await sdk.promptTemplates.create("records", { name: "street", template_text: "Paint {scene} in {mood} light." });
  guideId = (await sdk.styleGuides.create("records", { name: "noir", instructions: "Ink lines." })).style_guide.id;
  await sdk.characters.create("records", { name: "Mara", prompt_text: "red coat" });
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

// Paths on the command line are relative to the current directory: these are absolute.
const scenes = () => ["--scene-refs", ["alley", "bridge", "dock"].map((s) => join(root, `scenes/${s}.png`)).join(",")];
const withRecords = ["--prompt-template", "street", "--style-guide", "noir", "--characters", "Mara"];

describe("kroma lab dry with the project's records", () => {
  it("prints every job's composed prompt and the records with their hashes", async () => {
    const args = [
      "lab",
      "dry",
      "-p",
      "records",
      "--no-ingest",
      ...scenes(),
      ...withRecords,
      "--prompt-fields",
      "mood=wet",
    ];
    const result = await kroma(args, dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      / {2}records {6}prompt_template street \(sha256 [0-9a-f]{12}\)\n {15}style_guide noir/,
    );
    for (const scene of ["alley", "bridge", "dock"]) {
      expect(result.stdout).toContain(
        `style_${["alley", "bridge", "dock"].indexOf(scene) + 1}_${scene}: Paint ${scene} in wet light.\n\n    Ink lines.\n\n    Mara: red coat`,
      );
    }
  });

  it("lets lab replay report a style guide changed since, and exit 1", async () => {
    const planned = await kroma(
      ["--json", "lab", "dry", "-p", "records", "--no-ingest", ...scenes(), "--style-guide", "noir"],
      dir,
    );
    const { run_id } = JSON.parse(planned.stdout);
    expect((await kroma(["lab", "replay", run_id, "-p", "records"], dir)).code).toBe(0);
    await sdk.styleGuides.update("records", guideId, { instructions: "Watercolour." });
    const replay = await kroma(["lab", "replay", run_id, "-p", "records"], dir);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain("records.style_guide.noir.sha256");
    expect(replay.stdout).toContain("jobs.style_1_alley.prompt");
    await sdk.styleGuides.update("records", guideId, { instructions: "Ink lines." });
  });

  it("names the flag in a malformed value and exits 1", async () => {
    const repeat = await kroma(["lab", "dry", "-p", "records", ...scenes(), "--repeat", "0"], dir);
    expect(repeat.code).toBe(1);
    expect(repeat.stderr).toContain("--repeat must be an integer >= 1, got '0'");
    const fields = await kroma(["lab", "dry", "-p", "records", ...scenes(), "--prompt-fields", "mood"], dir);
    expect(fields.code).toBe(1);
    expect(fields.stderr).toContain("--prompt-fields takes name=value pairs, got 'mood'");
  });
});

describe("kroma lab dry --batch", () => {
  const planBatch = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    const result = await kroma(
      ["--json", "lab", "dry", "-p", "records", "--no-ingest", "--batch", name, "--prompt-template", "street"],
      dir,
    );
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { jobs: { id: string; prompt: string; batch_row: number }[] };
  };

  it("reads JSON Lines rows, expanding lists", async () => {
    const log = await planBatch(
      "rows.jsonl",
      `${JSON.stringify({ scene: ["scenes/alley.png", "scenes/bridge.png"], fields: { mood: ["wet", "dry"] }, zip: [["scene", "mood"]] })}\n\n` +
        `${JSON.stringify({ scene: "scenes/dock.png", fields: { mood: "foggy" }, repeat: 2 })}\n`,
    );
    expect(log.jobs.map((job) => [job.id, job.prompt, job.batch_row])).toEqual([
      ["style_1_alley", "Paint alley in wet light.", 1],
      ["style_2_bridge", "Paint bridge in dry light.", 1],
      ["style_3_dock", "Paint dock in foggy light.", 2],
      ["style_4_dock", "Paint dock in foggy light.", 2],
    ]);
  });

  it("reads CSV rows, every column but scene/stage/time/weather/repeat a template field", async () => {
    const log = await planBatch(
      "rows.csv",
      'scene,mood,stage,time\nscenes/alley.png,misty,time,night\nscenes/dock.png,"calm, clear",,\n',
    );
    expect(log.jobs.map((job) => [job.id, job.prompt, job.batch_row])).toEqual([
      ["time_1_alley", expect.stringContaining("Paint alley in misty light."), 1],
      ["style_2_dock", "Paint dock in calm, clear light.", 2],
    ]);
  });

  it("refuses a row it cannot plan, naming the row, and a file that is not JSON Lines", async () => {
    await writeFile(join(dir, "bad.jsonl"), `${JSON.stringify({ scene: "scenes/alley.png", mood: "wet" })}\n`);
    const bad = await kroma(["lab", "dry", "-p", "records", "--batch", "bad.jsonl"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Batch row 1: unknown key 'mood' (put template values under 'fields')");
    await writeFile(join(dir, "text.jsonl"), "scene,mood\n");
    const text = await kroma(["lab", "dry", "-p", "records", "--batch", "text.jsonl"], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("line 1 is not JSON (use .csv for CSV files)");
  });
});
