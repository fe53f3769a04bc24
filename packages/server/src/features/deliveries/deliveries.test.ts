import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, type KromaApiError } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";

// Delivering what was chosen: a zip of exactly the approved finals, each true to its record,
// with a manifest that says where every file came from and who decided on it.

const paid = usePaidTestServer({ projects: ["Deliver"], apiKey: "sk-test-deliver" });
const api = paid.api;
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
let root = "";

beforeAll(async () => {
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("deliver")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});

async function finishedRun() {
  const { pipeline_trigger } = await kroma().runs.trigger("deliver", {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png", "scenes/b.png", "scenes/c.png"],
    candidates: 2,
  });
  const runId = (await kroma().runs.wait("deliver", pipeline_trigger.run_id)).run.id;
  const { jobs } = await kroma().runs.jobs("deliver", runId);
  return { runId, jobs };
}

describe("POST /deliveries", () => {
  it("holds exactly the approved finals, each matching the manifest and the records", async () => {
    const { runId, jobs } = await finishedRun();
    const [a, b, c] = jobs;
    if (!a || !b || !c) throw new Error("expected three jobs");
    await kroma().runs.select("deliver", runId, a.id, 2);
    await kroma().runs.approve("deliver", runId, a.id, { note: "crisp" });
    await kroma().runs.approve("deliver", runId, b.id);
    await kroma().runs.reject("deliver", runId, c.id, { note: "smudged" });

    const zip = unzipSync(await kroma().deliveries.create("deliver", { run_id: runId }));
    const manifest = JSON.parse(new TextDecoder().decode(zip["manifest.json"]));
    expect(Object.keys(zip).sort()).toEqual(
      ["manifest.json", `files/${runId}/style_1_a.png`, `files/${runId}/style_2_b.png`].sort(),
    );
    expect(manifest).toMatchObject({ kind: "kroma.delivery", project: "deliver", selection: { run_id: runId } });
    expect(manifest.files.map((f: { job_key: string }) => f.job_key)).toEqual(["style_1_a", "style_2_b"]);
    for (const file of manifest.files) {
      const bytes = zip[file.file] as Uint8Array;
      const { asset } = await kroma().assets.get("deliver", file.asset_id);
      expect(sha256(bytes)).toBe(file.sha256);
      expect(asset.sha256).toBe(file.sha256);
      expect(file.provenance.at(-1)).toEqual({ scene: file.scene });
    }
    const [first] = manifest.files;
    expect(first).toMatchObject({ scene: "scenes/a.png", candidate_index: 2, run_id: runId, job_id: a.id });
    expect(first.prompt).toEqual(expect.any(String));
    expect(first.decisions.map((d: { action: string; note: string | null }) => [d.action, d.note])).toEqual([
      ["select", null],
      ["approve", "crisp"],
    ]);
    expect(first.provenance[0]).toMatchObject({ asset_id: first.asset_id, sha256: first.sha256 });
  });

  it("latest_approved takes the most recently approved final of each scene", async () => {
    const older = await finishedRun();
    const newer = await finishedRun();
    for (const job of older.jobs) await kroma().runs.approve("deliver", older.runId, job.id);
    const [newerA] = newer.jobs;
    await kroma().runs.approve("deliver", newer.runId, newerA?.id ?? "");
    const zip = unzipSync(await kroma().deliveries.create("deliver", { latest_approved: true }));
    const manifest = JSON.parse(new TextDecoder().decode(zip["manifest.json"]));
    const byScene = Object.fromEntries(
      manifest.files.map((f: { scene: string; run_id: string }) => [f.scene, f.run_id]),
    );
    expect(byScene["scenes/a.png"]).toBe(newer.runId);
    expect(byScene["scenes/b.png"]).not.toBe(newer.runId);
  });

  it("refuses nothing approved, a bad selection and a changed file, before sending a byte", async () => {
    const { runId, jobs } = await finishedRun();
    const refused = (body: Parameters<ReturnType<typeof kroma>["deliveries"]["create"]>[1]) =>
      kroma()
        .deliveries.create("deliver", body)
        .then(
          () => undefined,
          (error: KromaApiError) => ({ status: error.status, code: error.code }),
        );
    expect(await refused({ run_id: runId })).toEqual({ status: 409, code: "conflict" });
    expect(await refused({})).toEqual({ status: 400, code: "validation_error" });
    expect(await refused({ run_id: runId, latest_approved: true })).toEqual({ status: 400, code: "validation_error" });
    expect(await refused({ run_id: "run_missing" })).toEqual({ status: 404, code: "not_found" });

    const [job] = jobs;
    await kroma().runs.approve("deliver", runId, job?.id ?? "");
    await writeFile(join(root, job?.final_output ?? ""), "not the approved bytes");
    expect(await refused({ run_id: runId })).toEqual({ status: 409, code: "asset_file_changed" });
  });
});
