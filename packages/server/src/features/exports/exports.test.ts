import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { components } from "@kroma/contract";
import { defaultManifest, executeRun } from "@kroma/pipeline";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { exportedSecretValue, fileHashes, fillProjectContent } from "@kroma/testkit/export-fixtures";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { paidRunSettings, putScenes } from "@kroma/testkit/run-fixtures";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjects } from "../../../test/projects.js";
import { createTestApp, type TestApp } from "../../../test/setup.js";
import { openDatabase } from "../../core/db/database.js";
import { ingestRunLogFile } from "../runs/ingest.js";
import { type BundleTable, bundleTables } from "./bundle-records.js";
import { importProjectBundle } from "./project-import.js";

let images: ImagesServer;
let scratch = "";
beforeAll(async () => {
  images = await startImagesServer();
  scratch = await mkdtemp(join(tmpdir(), "kroma-exports-"));
});
afterAll(async () => {
  await images.close();
  await rm(scratch, { recursive: true, force: true });
});

type ExportBody = components["schemas"]["CreateExportRequest"];
const createExport = (t: TestApp, slug: string, body: ExportBody) =>
  t.client.POST("/api/projects/{slug}/exports", { ...inProject(slug), body });
const getAsset = (t: TestApp, slug: string, assetId: string) =>
  t.client.GET("/api/projects/{slug}/assets/{assetId}", { params: { path: { slug, assetId } } });

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Entry names and contents of a (small) bundle, read whole: only for tests. */
function readTar(bundle: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(bundle);
  const entries = new Map<string, Buffer>();
  let pax: Record<string, string> = {};
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString()
        .replace(/\0.*$/s, "");
    const size = Number.parseInt(text(124, 12).trim() || "0", 8);
    const type = text(156, 1);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      pax = Object.fromEntries(
        [...body.toString().matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)].map((m) => [m[1] as string, m[2] as string]),
      );
      continue;
    }
    const prefix = text(345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    pax = {};
    entries.set(name, Buffer.from(body));
  }
  return entries;
}

/**
 * A project with a record of every kind, a paid run ingested (jobs, candidates, assets, quality
 * reports, cost events), asset links between its outputs, and files (see `fillProjectContent`).
 */
async function sourceProject(t: TestApp, name = "Source") {
  const body = await expectOk(t.client.POST("/api/projects", { body: { name, description: "exported project" } }));
  const slug = body.project.slug;
  const root = body.storage.local.project_root;
  await expectOk(
    t.client.PUT("/api/projects/{slug}/storage/s3", {
      ...inProject(slug),
      body: { enabled: true, bucket: "kroma-b", prefix: "backups" },
    }),
  );
  await mkdir(root, { recursive: true });
  await fillProjectContent(t.call, slug, root, join(scratch, `${slug}-outside.txt`));
  await putScenes(root, ["scenes/bridge.png"]);
  images.script(({ sceneAttempt }) =>
    sceneAttempt === 0 ? { image: "color" } : { image: "gray", usage: { total_tokens: 7 } },
  );
  const run = await executeRun({
    projectSlug: slug,
    projectRoot: root,
    manifest: { ...defaultManifest, output_guard: { ...defaultManifest.output_guard, enforce_grayscale: true } },
    request: { scene_refs: "scenes/alley.png,scenes/bridge.png", candidates: 2 },
    ...paidRunSettings(images.url, "sk-test-export"),
  });
  await ingestRunLogFile(t.db, {
    projectId: body.project.id,
    projectSlug: slug,
    projectRoot: root,
    path: run.runLogPath,
  });
  const assets = await expectOk(t.client.GET("/api/projects/{slug}/assets", inProject(slug)));
  const finals = assets.assets.filter((a) => a.asset_kind === "final");
  const candidates = assets.assets.filter((a) => a.asset_kind === "candidate");
  await expectOk(
    t.client.POST("/api/projects/{slug}/asset-links", {
      ...inProject(slug),
      body: {
        parent_asset_id: candidates[0]?.id ?? "",
        child_asset_id: finals[0]?.id ?? "",
        link_type: "variant_of",
      },
    }),
  );
  // Reviewed: one job approved as its scene's baseline, the other rejected.
  const runId = run.runLog.run_id;
  const { jobs } = await expectOk(
    t.client.GET("/api/projects/{slug}/runs/{runId}/jobs", { params: { path: { slug, runId } } }),
  );
  const [approved, rejected] = jobs;
  if (!approved || !rejected) throw new Error("expected two jobs");
  const atJob = (jobId: string) => ({ params: { path: { slug, runId, jobId } } });
  await expectOk(
    t.client.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve", {
      ...atJob(approved.id),
      body: { baseline: true, note: "the one" },
    }),
  );
  await expectOk(
    t.client.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject", {
      ...atJob(rejected.id),
      body: { note: "too dark" },
    }),
  );
  return { slug, root, id: body.project.id, runId };
}

// An independent picture of a project's records: rows without their own ids, with every
// reference replaced by the content of the row it points to. Equal pictures mean the same records
// with the same relationships, whatever the ids.
const references: Record<string, Record<string, string>> = {
  jobs: { run_id: "runs", final_asset_id: "assets" },
  candidates: { job_id: "jobs", output_asset_id: "assets", final_asset_id: "assets" },
  assets: { run_id: "runs", job_id: "jobs", candidate_id: "candidates" },
  quality_reports: { run_id: "runs", asset_id: "assets" },
  cost_events: { run_id: "runs", job_id: "jobs" },
  asset_links: { parent_asset_id: "assets", child_asset_id: "assets" },
  reference_items: { reference_set_id: "reference_sets", asset_id: "assets" },
  chat_messages: { session_id: "chat_sessions" },
  agent_instruction_events: { instruction_id: "agent_instructions" },
  job_reviews: { job_id: "jobs", run_id: "runs" },
  job_review_events: { job_id: "jobs", run_id: "runs" },
  scene_baselines: { asset_id: "assets", run_id: "runs", job_id: "jobs" },
};
/** The tables a bundle leaves out: the installation's own, or carried another way. */
const notBundled = [
  "users", // the owner travels in project.json
  "projects", // project.json
  "project_storage", // project.json (S3 settings; the root is the importer's)
  "auth_tokens",
  "audit_events",
  "secret_keys",
  "project_secrets", // by name only, in project.json
  "exports",
  "s3_sync_state",
  "leases",
  "auth_sessions", // the installation's own, like its tokens
  "project_budgets", // a spending limit is the installation's policy, set where the money is
  // The trash stays on the machine it was deleted on (`.kroma/trash` is not bundled either);
  // deleted records travel as records whose file is gone, as after a purge.
  "trash_entries",
];

/** The tables of a freshly migrated database, without SQLite's and the migrator's own. */
async function migratedTables(): Promise<string[]> {
  const db = await openDatabase(":memory:");
  try {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master
      where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'
    `.execute(db);
    return rows.map((row) => row.name).sort();
  } finally {
    await db.destroy();
  }
}

/**
 * Every table a bundle must carry, as this test knows it rather than from the code under test:
 * the migrated database's tables but those left out on purpose.
 */
let pictured: BundleTable[] = [];
beforeAll(async () => {
  pictured = (await migratedTables()).filter((table) => !notBundled.includes(table)) as BundleTable[];
});

async function projectRows(t: { db: TestApp["db"] }, projectId: string) {
  const rows: Record<string, Record<string, unknown>[]> = {};
  const runIds = (await t.db.selectFrom("runs").select("id").where("project_id", "=", projectId).execute()).map(
    (r) => r.id,
  );
  const jobIds = runIds.length
    ? (await t.db.selectFrom("jobs").select("id").where("run_id", "in", runIds).execute()).map((job) => job.id)
    : [];
  for (const table of pictured) {
    if (table === "jobs") {
      rows[table] = runIds.length
        ? await t.db.selectFrom("jobs").selectAll().where("run_id", "in", runIds).execute()
        : [];
    } else if (table === "candidates") {
      rows[table] = jobIds.length
        ? await t.db.selectFrom("candidates").selectAll().where("job_id", "in", jobIds).execute()
        : [];
    } else {
      const all = await t.db.selectFrom(table).selectAll().where("project_id", "=", projectId).execute();
      rows[table] = table === "assets" ? all.filter((row) => (row as { kind: string }).kind !== "export") : all;
    }
  }
  return rows;
}

async function recordsPicture(t: { db: TestApp["db"] }, projectId: string): Promise<Record<string, string[]>> {
  const rows = await projectRows(t, projectId);
  const own = (table: string, row: Record<string, unknown>) => {
    const { id: _id, project_id: _project, storage_uri: _uri, ...rest } = row;
    for (const column of Object.keys(references[table] ?? {})) delete rest[column];
    return JSON.stringify(rest);
  };
  const byId = new Map<string, string>();
  for (const table of pictured) for (const row of rows[table] ?? []) byId.set(`${table}:${row.id}`, own(table, row));
  const picture: Record<string, string[]> = {};
  for (const table of pictured) {
    picture[table] = (rows[table] ?? [])
      .map((row) => {
        const refs = Object.fromEntries(
          Object.entries(references[table] ?? {}).map(([column, target]) => [
            column,
            row[column] == null ? null : (byId.get(`${target}:${row[column]}`) ?? "dangling"),
          ]),
        );
        return JSON.stringify({ own: own(table, row), refs });
      })
      .sort();
  }
  return picture;
}

describe("bundle tables", () => {
  it("are every table of the migrated database but those left out on purpose", async () => {
    const migrated = await migratedTables();
    for (const table of notBundled) expect(migrated).toContain(table);
    expect([...bundleTables].sort()).toEqual(pictured);
  });
});

describe("POST /api/projects/{slug}/exports", () => {
  it("writes a bundle with a manifest, the records (secrets by name only) and the files, and records it", async () => {
    const t = await createTestApp();
    const source = await sourceProject(t);
    const created = await expectOk(createExport(t, source.slug, { include_files: true }));
    const { export: record, export_path, export_sha256, export_asset_id } = created;
    expect(export_path).toMatch(new RegExp(`^${source.root}/exports/source_\\d{8}T\\d{6}Z\\.tar\\.gz$`));
    const bytes = await readFile(export_path);
    expect(sha256(bytes)).toBe(export_sha256);
    expect(record).toMatchObject({
      status: "completed",
      export_format: "tar.gz",
      project_id: source.id,
      run_id: null,
      file_size_bytes: bytes.length,
      checksum_sha256: export_sha256,
      export_asset_id,
      error: null,
    });
    expect(record.rel_path).toBe(export_path.slice(source.root.length + 1));
    expect(record.manifest_json).toMatchObject({
      schema_version: 1,
      include_files: true,
      counts: {
        runs: 1,
        jobs: 2,
        candidates: 4,
        asset_links: 1,
        prompt_templates: 1,
        reference_items: 2,
        chat_messages: 1,
        job_reviews: 2,
        job_review_events: 2,
        scene_baselines: 1,
      },
      skipped: [{ path: "outside-link", reason: "symlink" }],
    });

    const entries = readTar(bytes);
    const manifest = JSON.parse((entries.get("manifest.json") as Buffer).toString());
    // The manifest promises the size and sha256 of every other entry, and the entries keep it.
    expect(manifest.entries.map((e: { path: string }) => e.path).sort()).toEqual(
      [...entries.keys()].filter((name) => name !== "manifest.json").sort(),
    );
    for (const entry of manifest.entries) {
      const content = entries.get(entry.path) as Buffer;
      expect({ path: entry.path, size: content.length, sha256: sha256(content) }).toEqual(entry);
    }
    const files = [...entries.keys()].filter((name) => name.startsWith("files/")).sort();
    expect(files).toContain("files/scenes/alley.png");
    expect(files).toContain("files/.kroma/pipeline.settings.json");
    expect(files).toContain(`files/runs/${source.runId}.json`);
    expect(files.some((name) => name.startsWith("files/exports/") || name.includes("in-progress"))).toBe(false);
    expect(files).not.toContain("files/outside-link");
    const project = JSON.parse((entries.get("records/project.json") as Buffer).toString());
    expect(project.secrets).toEqual([{ provider_code: "openai", secret_name: "api_key" }]);
    expect(project.storage.s3).toMatchObject({ enabled: true, bucket: "kroma-b", prefix: "backups" });
    expect(gunzipSync(bytes).includes(exportedSecretValue)).toBe(false);

    const listed = await t.client.GET("/api/projects/{slug}/exports", inProject(source.slug));
    expect(listed.data).toMatchObject({ ok: true, count: 1, total: 1, exports: [record] });
    const exportAt = (exportId: string) =>
      t.client.GET("/api/projects/{slug}/exports/{exportId}", { params: { path: { slug: source.slug, exportId } } });
    expect((await exportAt(record.id)).data?.export).toEqual(record);
    expect((await exportAt("nope")).response.status).toBe(404);
    const asset = await getAsset(t, source.slug, export_asset_id);
    expect(asset.data?.asset).toMatchObject({ kind: "export", sha256: export_sha256, rel_path: record.rel_path });
    const audits = await t.db.selectFrom("audit_events").select("action").where("target_id", "=", record.id).execute();
    expect(audits.map((a) => a.action)).toEqual(["export.create", "export.complete"]);
  });

  it("without include_files carries the records and the pipeline settings file only", async () => {
    const t = await createTestApp();
    const { storage } = await expectOk(t.client.POST("/api/projects", { body: { name: "Lean" } }));
    const root = storage.local.project_root;
    await fillProjectContent(t.call, "lean", root, join(scratch, "lean-outside.txt"));
    const res = await expectOk(createExport(t, "lean", {}));
    const entries = readTar(await readFile(res.export_path));
    expect([...entries.keys()].filter((name) => name.startsWith("files/"))).toEqual([
      "files/.kroma/pipeline.settings.json",
    ]);
    expect(res.export.manifest_json).toMatchObject({
      include_files: false,
      files: 1,
      counts: { style_guides: 1 },
    });
  });

  it("answers the seed's POST /export alias and writes under var/exports/", async () => {
    const t = await createTestApp();
    await createProjects(t.client, "Alias");
    const exportAlias = (body: ExportBody) =>
      t.client.POST("/api/projects/{slug}/export", { ...inProject("alias"), body });
    const res = await expectOk(exportAlias({ include_files: false, output: "var/exports/alias_seed.tar.gz" }));
    expect(res.export_path).toBe(join(t.appRoot, "var/exports/alias_seed.tar.gz"));
    expect(sha256(await readFile(res.export_path))).toBe(res.export_sha256);
    expect(res.export).toMatchObject({
      rel_path: "var/exports/alias_seed.tar.gz",
      export_asset_id: res.export_asset_id,
    });
    const asset = await getAsset(t, "alias", res.export_asset_id);
    expect(asset.data?.asset).toMatchObject({ kind: "export", rel_path: null });
    const again = await exportAlias({ output: "var/exports/alias_seed.tar.gz" });
    expect(again.response.status).toBe(409);
  });

  it("refuses outputs that escape the project or var/exports/, and records nothing for them", async () => {
    const t = await createTestApp();
    const { storage } = await expectOk(t.client.POST("/api/projects", { body: { name: "Escape" } }));
    const root = storage.local.project_root;
    await mkdir(root, { recursive: true });
    await mkdir(join(scratch, "elsewhere"), { recursive: true });
    await symlink(join(scratch, "elsewhere"), join(root, "linked"));
    for (const output of [
      "../escape.tar.gz",
      "/tmp/escape.tar.gz",
      "var/exports/../x.tar.gz",
      "linked/x.tar.gz",
      "notes.zip",
      "a%2Fb.tar.gz",
    ]) {
      const { error, response } = await createExport(t, "escape", { output });
      expect([output, response.status, error?.error_code]).toEqual([output, 400, "validation_error"]);
    }
    expect(await readdir(join(scratch, "elsewhere"))).toEqual([]);
    expect((await t.client.GET("/api/projects/{slug}/exports", inProject("escape"))).data?.count).toBe(0);
  });
});

describe("import of a bundle", () => {
  it("round trip: records and file hashes of the imported project equal the source's, with new ids", async () => {
    const t = await createTestApp();
    const source = await sourceProject(t);
    const body = await expectOk(createExport(t, source.slug, { include_files: true }));
    const imported = await importProjectBundle(t.db, {
      bundlePath: body.export_path,
      slug: "copy",
      appRoot: t.appRoot,
    });
    expect(imported).toMatchObject({ ids_remapped: true, secrets_to_set: ["openai/api_key"] });
    expect(imported.project).toMatchObject({ slug: "copy", name: "Source", description: "exported project" });
    const copyId = imported.project.id;
    expect(copyId).not.toBe(source.id);

    expect(await recordsPicture(t, copyId)).toEqual(await recordsPicture(t, source.id));
    // Every file but the symlink (never followed, never bundled) and what exports leave out.
    expect(await fileHashes(imported.project_root)).toEqual(await fileHashes(source.root));
    expect(existsSync(join(imported.project_root, "outside-link"))).toBe(false);

    const [sourceRows, copyRows] = [await projectRows(t, source.id), await projectRows(t, copyId)];
    const ids = (rows: Record<string, Record<string, unknown>[]>) =>
      Object.values(rows)
        .flat()
        .map((row) => row.id);
    const sourceIds = new Set(ids(sourceRows));
    expect(ids(copyRows).filter((id) => id !== undefined && sourceIds.has(id))).toEqual([]);
    // Assets name their files in the new root.
    for (const asset of copyRows.assets ?? []) {
      expect(asset.storage_uri).toBe(`file://${imported.project_root}/${asset.rel_path}`);
      expect(existsSync(join(imported.project_root, asset.rel_path as string))).toBe(true);
    }
    const projectAt = (slug: string) => expectOk(t.client.GET("/api/projects/{slug}", inProject(slug)));
    const detail = await projectAt("copy");
    // The source also counts the bundle's own asset (kind `export`), which bundles never carry.
    const sourceCounts = (await projectAt(source.slug)).counts;
    expect(detail.counts).toEqual({ ...sourceCounts, assets: sourceCounts.assets - 1 });
    expect(detail.storage.s3).toMatchObject({ enabled: true, bucket: "kroma-b", prefix: "backups" });
    expect((await t.client.GET("/api/projects/{slug}/secrets", inProject("copy"))).data?.count).toBe(0);
    const audit = await t.db.selectFrom("audit_events").selectAll().where("action", "=", "project.import").execute();
    expect(audit.map((a) => a.project_id)).toEqual([copyId]);

    // The slug is taken now: refused, and nothing is created.
    const projectsBefore = await t.rows("projects");
    await expect(
      importProjectBundle(t.db, { bundlePath: body.export_path, slug: "copy", appRoot: t.appRoot }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("already exists") });
    await expect(importProjectBundle(t.db, { bundlePath: body.export_path, appRoot: t.appRoot })).rejects.toMatchObject(
      {
        status: 409,
      },
    );
    expect(await t.rows("projects")).toBe(projectsBefore);
    expect((await readdir(join(t.appRoot, "var/projects"))).sort()).toEqual(["copy", "source"]);
  });

  it("keeps every id when restoring into another database", async () => {
    const t = await createTestApp();
    const source = await sourceProject(t, "Keep");
    const body = await expectOk(createExport(t, source.slug, { include_files: true }));
    const otherRoot = await mkdtemp(join(tmpdir(), "kroma-restore-"));
    const other = await openDatabase(join(otherRoot, "var/backend/app.db"));
    try {
      const imported = await importProjectBundle(other, { bundlePath: body.export_path, appRoot: otherRoot });
      expect(imported).toMatchObject({ ids_remapped: false, project: { slug: "keep" } });
      const [sourceRows, restoredRows] = [
        await projectRows(t, source.id),
        await projectRows({ db: other }, imported.project.id),
      ];
      for (const table of pictured) {
        const strip = (rows: Record<string, unknown>[] = []) =>
          rows
            .map(({ project_id: _p, storage_uri: _u, ...rest }) => rest)
            .map((row) => JSON.stringify(row))
            .sort();
        expect([table, strip(restoredRows[table])]).toEqual([table, strip(sourceRows[table])]);
      }
      expect(await fileHashes(imported.project_root)).toEqual(await fileHashes(source.root));
    } finally {
      await other.destroy();
      await rm(otherRoot, { recursive: true, force: true });
    }
  });
});
