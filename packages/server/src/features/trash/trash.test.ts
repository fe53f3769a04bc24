import { createHash } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, type KromaApiError } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { scenePng } from "@kroma/testkit/test-images";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// Deleting into the trash, restoring, purging, gc and disk use over real HTTP, through the SDK as
// a client would, against runs the server made with the images stand-in. Every check is on the
// bytes at the paths the records name.

const paid = usePaidTestServer({ projects: ["Trash"], apiKey: "sk-test-trash" });
const api = paid.api;
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const slug = "trash";
let root: string;

beforeAll(async () => {
  const { storage } = await expectOk(api.client.GET("/api/projects/{slug}", inProject(slug)));
  root = storage.local.project_root;
  await putScenes(root, ["scenes/alley.png", "scenes/bridge.png"]);
});

const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const exists = (relPath: string) =>
  stat(join(root, relPath)).then(
    () => true,
    () => false,
  );

/** A finished paid run of both scenes with 3 candidates each. */
async function threeCandidateRun(): Promise<string> {
  paid.images.reset();
  const { pipeline_trigger } = await kroma().runs.trigger(slug, {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/alley.png", "scenes/bridge.png"],
    candidates: 3,
  });
  const { run } = await kroma().runs.wait(slug, pipeline_trigger.run_id);
  expect(run.status).toBe("succeeded");
  return run.id;
}

/** Every asset of the run, trashed or not. */
async function runAssetsOf(runId: string) {
  const { assets } = await kroma().assets.list(slug, { run_id: runId, trashed: "include" });
  return assets;
}

/** Whether every live record of the run names a file that hashes to its sha256. */
async function recordsTrue(runId: string): Promise<boolean> {
  for (const asset of await runAssetsOf(runId)) {
    const bytes = await readFile(join(root, asset.rel_path ?? ""));
    if (sha256(bytes) !== asset.sha256) return false;
  }
  return true;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: KromaApiError) => ({ status: error.status, code: error.code, message: error.message }),
  );

describe("deleting a run into the trash", () => {
  it("moves every file, leaves it out of lists, serves it from the trash, and a restore puts every byte back", async () => {
    const runId = await threeCandidateRun();
    const before = await runAssetsOf(runId);
    expect(before).toHaveLength(6);
    const places = new Map(before.map((asset) => [asset.id, asset.rel_path]));

    const { trash } = await kroma().runs.remove(slug, runId);
    expect(trash).toMatchObject({ kind: "run", status: "trashed", run_id: runId, file_count: 7 });
    expect(trash.asset_ids.sort()).toEqual(before.map((a) => a.id).sort());
    for (const path of places.values()) expect(await exists(path ?? "")).toBe(false);

    const listed = await kroma().runs.list(slug);
    expect(listed.runs.map((run) => run.id)).not.toContain(runId);
    const { run } = await kroma().runs.get(slug, runId);
    expect(run).toMatchObject({ trash_id: trash.id });
    expect(run.deleted_at).not.toBeNull();
    expect((await kroma().assets.list(slug, { run_id: runId })).assets).toEqual([]);
    expect(await kroma().assets.list(slug, { run_id: runId, trashed: "only" })).toMatchObject({ count: 6 });

    // A trashed asset's record names its place in the trash, and its bytes are still served.
    const [first] = await runAssetsOf(runId);
    if (!first) throw new Error("expected an asset");
    expect(first.rel_path?.startsWith(`.kroma/trash/${trash.id}/`)).toBe(true);
    expect(sha256(await kroma().assets.download(slug, first.id))).toBe(first.sha256);
    expect(await recordsTrue(runId)).toBe(true);

    const restored = await kroma().trash.restore(slug, trash.id);
    expect(restored.trash).toMatchObject({ status: "restored" });
    expect(restored.trash.restored_at).not.toBeNull();
    for (const asset of await runAssetsOf(runId)) {
      expect(asset).toMatchObject({ rel_path: places.get(asset.id), deleted_at: null, trash_id: null });
    }
    expect(await recordsTrue(runId)).toBe(true);
    expect((await kroma().runs.get(slug, runId)).run).toMatchObject({ deleted_at: null, trash_id: null });
    expect(await exists(`.kroma/trash/${trash.id}`)).toBe(false);
    expect(await refusal(kroma().trash.restore(slug, trash.id))).toMatchObject({ status: 409, code: "conflict" });
  });

  it("refuses an approved final or a baseline without force, and names why", async () => {
    const runId = await threeCandidateRun();
    const { jobs } = await kroma().runs.jobs(slug, runId);
    const [alley, bridge] = jobs;
    if (!alley?.final_asset_id || !bridge?.final_asset_id) throw new Error("expected two finals");
    await kroma().runs.approve(slug, runId, alley.id);
    await kroma().runs.approve(slug, runId, bridge.id, { baseline: true });

    const asset = await refusal(kroma().assets.remove(slug, alley.final_asset_id));
    expect(asset).toMatchObject({ status: 409, code: "asset_protected" });
    expect(asset.message).toContain("approved");
    expect(await refusal(kroma().runs.remove(slug, runId))).toMatchObject({ status: 409, code: "asset_protected" });
    expect(await recordsTrue(runId)).toBe(true);

    // An unchosen candidate of an approved job is not protected.
    const loose = alley.candidates.find((c) => c.candidate_index !== alley.selected_candidate_index);
    const { trash } = await kroma().assets.remove(slug, loose?.output_asset_id ?? "");
    expect(trash).toMatchObject({ kind: "asset", file_count: 1 });

    const forced = await kroma().assets.remove(slug, bridge.final_asset_id, { force: true });
    expect(forced.trash.asset_ids).toEqual([bridge.final_asset_id]);
    expect(await refusal(kroma().assets.remove(slug, bridge.final_asset_id))).toMatchObject({ status: 409 });
  });
});

describe("pruning a run's candidates", () => {
  it("unchosen takes every candidate but the finals; rejected takes a rejected job's files", async () => {
    const runId = await threeCandidateRun();
    const { jobs } = await kroma().runs.jobs(slug, runId);
    const finals = jobs.map((job) => job.final_asset_id);

    const unchosen = await kroma().runs.prune(slug, runId, { which: "unchosen", note: "keep the winners" });
    expect(unchosen.trash).toMatchObject({ kind: "candidates", file_count: 4, note: "keep the winners" });
    const live = (await kroma().assets.list(slug, { run_id: runId })).assets;
    expect(live.map((asset) => asset.id).sort()).toEqual([...finals].sort());
    expect(await recordsTrue(runId)).toBe(true);
    expect((await kroma().runs.prune(slug, runId)).trash).toBeNull();

    const [alley] = jobs;
    if (!alley) throw new Error("expected a job");
    await kroma().runs.reject(slug, runId, alley.id, { note: "wrong light" });
    const rejected = await kroma().runs.prune(slug, runId, { which: "rejected" });
    expect(rejected.trash?.asset_ids).toEqual([alley.final_asset_id]);
  });
});

describe("purging, gc and disk use", () => {
  it("a purge frees the bytes and keeps the records; their file route answers 404", async () => {
    const runId = await threeCandidateRun();
    const usageBefore = await kroma().runs.diskUsage(slug, runId);
    expect(usageBefore.usage).toMatchObject({ files: 7, trashed_bytes: 0 });
    const { trash } = await kroma().runs.remove(slug, runId);
    const trashed = await kroma().runs.diskUsage(slug, runId);
    expect(trashed.usage).toMatchObject({ bytes: 0, files: 0, trashed_bytes: usageBefore.usage.bytes });
    expect(trash.bytes).toBe(usageBefore.usage.bytes);

    // The default purge takes only expired entries: this one has 30 days left.
    expect((await kroma().trash.purge(slug)).purged).not.toContain(trash.id);
    const purged = await kroma().trash.purge(slug, { trash_ids: [trash.id] });
    expect(purged).toMatchObject({ purged: [trash.id], files: 7, bytes: trash.bytes });
    expect(await exists(`.kroma/trash/${trash.id}`)).toBe(false);
    const assets = await runAssetsOf(runId);
    expect(assets).toHaveLength(6);
    const missing = await refusal(kroma().assets.download(slug, assets[0]?.id ?? ""));
    expect(missing).toMatchObject({ status: 404, code: "asset_file_missing" });
    expect((await kroma().trash.list(slug, { status: "purged" })).trash.map((e) => e.id)).toContain(trash.id);
    expect(await refusal(kroma().trash.restore(slug, trash.id))).toMatchObject({ status: 409 });
  });

  it("gc reports orphans and records with no file without touching them, and with dry_run false trashes them", async () => {
    const runId = await threeCandidateRun();
    const orphan = `outputs/${runId}/stray.png`;
    await writeFile(join(root, orphan), await scenePng());
    const [gone] = await runAssetsOf(runId);
    if (!gone?.rel_path) throw new Error("expected an asset");
    const goneBytes = await readFile(join(root, gone.rel_path));
    await rm(join(root, gone.rel_path));

    const report = await kroma().trash.gc(slug);
    expect(report.dry_run).toBe(true);
    expect(report.orphan_files).toContainEqual({ path: orphan, bytes: (await stat(join(root, orphan))).size });
    expect(report.missing_files).toContainEqual({ asset_id: gone.id, path: gone.rel_path });
    expect(report.trash).toBeNull();
    expect(await exists(orphan)).toBe(true);
    expect((await kroma().assets.get(slug, gone.id)).asset.deleted_at).toBeNull();

    const applied = await kroma().trash.gc(slug, { dry_run: false });
    expect(applied.trash).toMatchObject({ kind: "gc" });
    expect(applied.trash?.asset_ids).toContain(gone.id);
    expect(applied.trash?.files.map((file) => file.rel_path)).toContain(orphan);
    expect(await exists(orphan)).toBe(false);
    expect((await kroma().assets.get(slug, gone.id)).asset.trash_id).toBe(applied.trash?.id);
    const again = await kroma().trash.gc(slug);
    expect(again.orphan_files.map((file) => file.path)).not.toContain(orphan);
    expect(again.missing_files.map((file) => file.asset_id)).not.toContain(gone.id);

    // Restoring a gc entry brings the orphan back; a file now in the missing one's place with
    // other bytes refuses the restore and moves nothing.
    await mkdir(join(root, `outputs/${runId}`), { recursive: true });
    await writeFile(join(root, orphan), "other bytes");
    const blocked = await refusal(kroma().trash.restore(slug, applied.trash?.id ?? ""));
    expect(blocked).toMatchObject({ status: 409 });
    expect(blocked.message).toContain(orphan);
    await rm(join(root, orphan));
    await kroma().trash.restore(slug, applied.trash?.id ?? "");
    expect(await exists(orphan)).toBe(true);
    expect(goneBytes.length).toBeGreaterThan(0);
  });

  it("disk usage sums the project by directory and by run", async () => {
    const usage = await kroma().diskUsage(slug);
    const area = (name: string) => usage.areas.find((a) => a.area === name);
    expect(area("scenes")?.files).toBe(2);
    expect(usage.total_bytes).toBe(usage.areas.reduce((sum, a) => sum + a.bytes, 0));
    expect(usage.trash_bytes).toBe(area(".kroma/trash")?.bytes ?? 0);
    expect(usage.trash_bytes).toBeGreaterThan(0);
    const { runs } = await kroma().runs.list(slug, { trashed: "include" });
    expect(usage.runs.map((run) => run.run_id).sort()).toEqual(runs.map((run) => run.id).sort());
    const [largest] = usage.runs;
    if (!largest) throw new Error("expected a run");
    expect((await kroma().runs.diskUsage(slug, largest.run_id)).usage).toEqual(largest);
  });

  it("refuses to resume a run in the trash, which would buy its kept jobs again, until it is restored", async () => {
    paid.images.reset();
    // The bridge fails for good (400): the run ends partial, its journal kept for a resume.
    paid.images.script(({ images }) =>
      images[0]?.includes("bridge") ? { status: 400, message: "Invalid image" } : { image: "gray" },
    );
    const { pipeline_trigger } = await kroma().runs.trigger(slug, {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/alley.png", "scenes/bridge.png"],
    });
    expect((await kroma().runs.wait(slug, pipeline_trigger.run_id)).run.status).toBe("partial");
    paid.images.script(() => ({ image: "gray" }));
    const { trash } = await kroma().runs.remove(slug, pipeline_trigger.run_id, { force: true });
    const sent = paid.images.requests.length;
    expect(await refusal(kroma().runs.resume(slug, pipeline_trigger.run_id))).toMatchObject({
      status: 409,
      message: `Run '${pipeline_trigger.run_id}' is in the trash (${trash.id}): restore it first (kroma trash restore)`,
    });
    expect(paid.images.requests).toHaveLength(sent);
  });

  it("refuses to delete a run still running, and what is not there", async () => {
    expect(await refusal(kroma().runs.remove(slug, "run_missing"))).toMatchObject({ status: 404 });
    expect(await refusal(kroma().assets.remove(slug, "asset_missing"))).toMatchObject({ status: 404 });
    expect(await refusal(kroma().trash.restore(slug, "trash_missing"))).toMatchObject({ status: 404 });
    paid.images.reset();
    paid.images.script(() => ({ image: "gray", delayMs: 1000 }));
    const { pipeline_trigger } = await kroma().runs.trigger(slug, {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/alley.png"],
    });
    const running = await refusal(kroma().runs.remove(slug, pipeline_trigger.run_id));
    expect(running).toMatchObject({ status: 409 });
    expect(running.message).toMatch(/queued|running|cancel/);
    await kroma().runs.wait(slug, pipeline_trigger.run_id);
    paid.images.script(() => ({ image: "gray" }));
  });
});
