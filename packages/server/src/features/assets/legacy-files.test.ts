import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { defaultManifest, executeRun, type PaidRunLog } from "@kroma/pipeline";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { solidPng } from "@kroma/testkit/png-bytes";
import { paidRunSettings, putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRunLog } from "../runs/ingest.js";
import { checkLegacyAssetFiles } from "./legacy-files.js";

// Records made before runs wrote under `outputs/<run_id>/`: the old layout named one file per
// scene, so a later run replaced it (moving the old bytes to `archive/replaced/` when
// `archive_replaced` was on). The file check repoints what it can find by sha256 and marks the
// rest stale, never leaving a record silently wrong.

const api = useTestServer({ agentDispatch: false, projects: ["Legacy"] });
let images: ImagesServer;
let root = "";
let projectId = "";
const kroma = () => createKromaClient({ baseUrl: api.server.url });

beforeAll(async () => {
  images = await startImagesServer();
  const project = await expectOk(api.client.GET("/api/projects/{slug}", inProject("legacy")));
  root = project.storage.local.project_root;
  projectId = project.project.id;
  await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
});
afterAll(() => images.close());

/** A run log as the old layout wrote it: `outputs/<job_id>.png`, with the files moved to match. */
async function oldLayoutRun(): Promise<PaidRunLog> {
  const { runLog } = await executeRun({
    projectSlug: "legacy",
    projectRoot: root,
    manifest: defaultManifest,
    request: { scene_refs: "scenes/a.png,scenes/b.png" },
    ...paidRunSettings(images.url, "sk-test-legacy"),
  });
  const flat = (path: string) => path.replace(`/${runLog.run_id}/`, "/");
  for (const job of runLog.jobs) {
    for (const candidate of job.candidates) {
      await rename(join(root, candidate.output), join(root, flat(candidate.output)));
      candidate.output = flat(candidate.output);
    }
    job.final_output = job.final_output && flat(job.final_output);
  }
  return runLog;
}

const assetsOf = async (runId: string) =>
  (await kroma().assets.list("legacy", { run_id: runId })).assets.sort((x, y) =>
    (x.rel_path ?? "").localeCompare(y.rel_path ?? ""),
  );

describe("asset records of the old layout", () => {
  it("are kept when their file is true, repointed to archived bytes by sha256, else marked stale", async () => {
    const log = await oldLayoutRun();
    await ingestRunLog(api.server.db, { projectId, projectSlug: "legacy", projectRoot: root, log });
    const before = await assetsOf(log.run_id);
    expect(before.map((asset) => [asset.rel_path, asset.stale])).toEqual([
      ["outputs/style_1_a.png", false],
      ["outputs/style_2_b.png", false],
    ]);

    // A later run of the old layout: a's old bytes archived, b's overwritten with archiving off.
    const archived = "archive/replaced/style_1_a_replaced_20250101T000000Z.png";
    await mkdir(dirname(join(root, archived)), { recursive: true });
    await rename(join(root, "outputs/style_1_a.png"), join(root, archived));
    await writeFile(join(root, "outputs/style_1_a.png"), solidPng(8, 8, [1, 2, 3]));
    await writeFile(join(root, "outputs/style_2_b.png"), solidPng(8, 8, [4, 5, 6]));
    // As migration 0016 leaves rows made before it: not yet checked.
    await api.server.db.updateTable("assets").set({ file_checked_at: null }).execute();

    const reports = await checkLegacyAssetFiles(api.server.db, api.server.appRoot);
    expect(reports).toEqual([{ project_id: projectId, checked: 2, repointed: 1, stale: 1 }]);
    const after = await assetsOf(log.run_id);
    const [a, b] = [
      after.find((x) => x.job_id === before[0]?.job_id),
      after.find((x) => x.job_id === before[1]?.job_id),
    ];
    expect(a).toMatchObject({ rel_path: archived, stale: false, sha256: before[0]?.sha256 });
    expect(a?.storage_uri).toMatch(/\/archive\/replaced\/style_1_a_replaced_20250101T000000Z\.png$/);
    expect(b).toMatchObject({ rel_path: "outputs/style_2_b.png", stale: true, sha256: before[1]?.sha256 });
    // The repointed record names the bytes it always described.
    const onDisk = createHash("sha256")
      .update(await readFile(join(root, archived)))
      .digest("hex");
    expect(onDisk).toBe(a?.sha256);

    // Checked once: a second pass finds nothing to do, and the decision was audited.
    expect(await checkLegacyAssetFiles(api.server.db, api.server.appRoot)).toEqual([]);
    const audit = await api.server.db
      .selectFrom("audit_events")
      .where("action", "=", "assets.file_check")
      .selectAll()
      .execute();
    expect(audit.map((event) => JSON.parse(event.detail_json ?? "{}"))).toEqual([
      { checked: 2, repointed: 1, stale: 1 },
    ]);
  });

  it("a new run's records are checked when written and never revisited", async () => {
    const { runLog } = await executeRun({
      projectSlug: "legacy",
      projectRoot: root,
      manifest: defaultManifest,
      request: { scene_refs: "scenes/a.png" },
      ...paidRunSettings(images.url, "sk-test-legacy"),
    });
    await ingestRunLog(api.server.db, { projectId, projectSlug: "legacy", projectRoot: root, log: runLog });
    const rows = await api.server.db
      .selectFrom("assets")
      .where("run_id", "=", runLog.run_id)
      .select(["rel_path", "file_checked_at"])
      .execute();
    expect(rows).toEqual([{ rel_path: `outputs/${runLog.run_id}/style_1_a.png`, file_checked_at: runLog.timestamp }]);
  });
});
