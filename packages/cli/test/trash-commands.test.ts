import { execFile } from "node:child_process";
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit";
import { scenePng } from "@kroma/testkit/test-images";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// `kroma gc`, `kroma du`, `kroma runs rm|prune`, `kroma assets rm` and `kroma trash
// list|restore|purge` against a real server, on a paid run it executed.

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const paid = usePaidTestServer({ projects: ["Tidy"], apiKey: "sk-test-cli-trash" });
const server = {
  get url() {
    return paid.api.server.url;
  },
};
let root = "";
let runId = "";
beforeAll(async () => {
  const sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.get("tidy");
  root = storage.local.project_root;
  await putScenes(root, ["scenes/a.png"]);
  const { pipeline_trigger } = await sdk.runs.trigger("tidy", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png"],
    candidates: 3,
  });
  runId = (await sdk.runs.wait("tidy", pipeline_trigger.run_id)).run.id;
});

describe("kroma gc", () => {
  it("reports an orphan without moving it by default, and moves it to the trash with --apply", async () => {
    const orphan = join(root, "outputs", runId, "stray.png");
    await writeFile(orphan, await scenePng());
    const report = await kroma(["gc", "-p", "tidy"]);
    expect(report).toMatchObject({ code: 0, stderr: "" });
    expect(report.stdout).toContain(`outputs/${runId}/stray.png`);
    expect(report.stdout).toContain("Dry run: nothing changed");
    expect(await exists(orphan)).toBe(true);

    const applied = await kroma(["gc", "-p", "tidy", "--apply", "--json"]);
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout);
    expect(result).toMatchObject({ dry_run: false, trash: { kind: "gc", file_count: 1 } });
    expect(await exists(orphan)).toBe(false);

    const listed = await kroma(["trash", "list", "-p", "tidy"]);
    expect(listed.stdout).toContain(result.trash.id);
    const restored = await kroma(["trash", "restore", result.trash.id, "-p", "tidy"]);
    expect(restored).toMatchObject({ code: 0, stdout: `Restored ${result.trash.id}: ${result.trash.label}\n` });
    expect(await exists(orphan)).toBe(true);
    expect((await kroma(["gc", "-p", "tidy", "--dry-run", "--apply"])).code).not.toBe(0);
  });
});

describe("kroma runs prune, runs rm, assets rm and trash purge", () => {
  it("prunes the unchosen candidates, refuses a protected final without --force, and purges", async () => {
    const sdk = createKromaClient({ baseUrl: server.url });
    const pruned = await kroma(["runs", "prune", runId, "-p", "tidy"]);
    expect(pruned).toMatchObject({ code: 0, stderr: "" });
    expect(pruned.stdout).toMatch(/^Moved to the trash as trash_\S+: 2 unchosen candidate files of run/);

    const { jobs } = await sdk.runs.jobs("tidy", runId);
    const job = jobs[0];
    if (!job?.final_asset_id) throw new Error("expected a final");
    await sdk.runs.approve("tidy", runId, job.id);
    const refused = await kroma(["assets", "rm", job.final_asset_id, "-p", "tidy"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("asset_protected");
    expect(refused.stderr).toContain("force");
    expect((await kroma(["runs", "rm", runId, "-p", "tidy"])).code).not.toBe(0);

    const removed = await kroma(["runs", "rm", runId, "-p", "tidy", "--force", "--json"]);
    expect(removed.code).toBe(0);
    const { trash } = JSON.parse(removed.stdout);
    expect(trash).toMatchObject({ kind: "run", run_id: runId });
    const listed = await kroma(["runs", "list", "-p", "tidy"]);
    expect(listed.stdout).not.toContain(runId);
    expect((await kroma(["runs", "list", "-p", "tidy", "--trashed", "only"])).stdout).toContain(runId);

    const du = await kroma(["du", "-p", "tidy", "--run", runId]);
    expect(du.stdout).toMatch(new RegExp(`^Run ${runId}: 0 B in 0 file\\(s\\); [\\d.]+ k?B in the trash\\n$`));
    const purged = await kroma(["trash", "purge", "-p", "tidy", "--all"]);
    expect(purged.stdout).toMatch(/^Purged 2 entries: \d+ file\(s\), [\d.]+ k?B freed\n$/);
    const after = await kroma(["du", "-p", "tidy", "--json"]);
    expect(JSON.parse(after.stdout).trash_bytes).toBe(0);
  });
});
