import { createKromaClient } from "@kroma/sdk";
import { runRow, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// 1,200 rows of every offset-paged list, written straight into the test server's database (as
// runs, uploads and exports over the API would leave them, only faster), read back through the SDK.
const slug = "sdk_paging";
const count = 1200;
let server: TestServer;
const kroma = (fetch?: typeof globalThis.fetch) => createKromaClient({ baseUrl: server.url, fetch });
const ids = (prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}_${String(i).padStart(4, "0")}`);

/** Inserts `rows` in batches small enough for SQLite's limit on bound values per statement. */
async function insert<T>(write: (rows: T[]) => Promise<unknown>, rows: T[]): Promise<void> {
  for (let at = 0; at < rows.length; at += 300) await write(rows.slice(at, at + 300));
}

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  const { project } = await kroma().projects.upsert({ name: "SDK Paging", slug });
  const project_id = project.id;
  // One timestamp for many rows, as a burst of writes leaves them: paging must not lose or repeat ties.
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 100))).toISOString();
  const db = server.db;
  await insert(
    (rows) => db.insertInto("runs").values(rows).execute(),
    ids("run").map((id, i) => runRow({ id, project_id, status: "succeeded", created_at: at(i) })),
  );
  const base = { project_id, storage_backend: "local", kind: "image", asset_kind: "scene" };
  await insert(
    (rows) => db.insertInto("assets").values(rows).execute(),
    ids("asset").map((id, i) => ({ ...base, id, run_id: i % 2 ? "run_0001" : "run_0000", created_at: at(i) })),
  );
  await insert(
    (rows) => db.insertInto("quality_reports").values(rows).execute(),
    ids("qr").map((id, i) => ({
      id,
      project_id,
      run_id: "run_0000",
      asset_id: null,
      report_type: "output_guard",
      grade: "pass" as const,
      hard_failures: 0,
      soft_warnings: 0,
      avg_chroma_exceed: 0,
      summary_json: null,
      created_at: at(i),
    })),
  );
  await insert(
    (rows) => db.insertInto("cost_events").values(rows).execute(),
    ids("cost").map((id, i) => ({
      id,
      project_id,
      run_id: "run_0000",
      job_id: null,
      provider_code: "openai",
      model_name: "gpt-image-1",
      event_type: "image_generation",
      units: 1,
      unit_cost_usd: 0.01,
      total_cost_usd: 0.01,
      currency: "USD",
      meta_json: null,
      created_at: at(i),
    })),
  );
  await insert(
    (rows) => db.insertInto("exports").values(rows).execute(),
    ids("export").map((id, i) => ({
      id,
      project_id,
      run_id: null,
      status: "failed" as const,
      export_format: "tar.gz" as const,
      storage_uri: null,
      rel_path: null,
      file_size_bytes: null,
      checksum_sha256: null,
      manifest_json: null,
      export_asset_id: null,
      error: "seeded",
      created_at: at(i),
      completed_at: at(i),
    })),
  );
  await insert(
    (rows) => db.insertInto("trash_entries").values(rows).execute(),
    ids("trash").map((id, i) => ({
      id,
      project_id,
      kind: "candidates" as const,
      status: "trashed" as const,
      label: id,
      run_id: null,
      asset_ids_json: "[]",
      files_json: "[]",
      bytes: 0,
      deleted_at: at(i),
      expires_at: "2099-01-01T00:00:00.000Z",
      deleted_by: null,
      note: null,
      restored_at: null,
      purged_at: null,
    })),
  );
}, 120_000);
afterAll(() => server.stop());

/** Every item an iterator yields. */
async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every row of a list in one request (the server allows 5000), for the order to compare with. */
const oneRequest = { limit: 5000 };

describe("async iterators over paged lists", () => {
  it("runs.iterate: every run once, newest first, 500 a request", async () => {
    let requests = 0;
    const counting = kroma((input) => {
      requests++;
      return fetch(input);
    });
    const runs = await all(counting.runs.iterate(slug));
    expect(runs).toHaveLength(count);
    expect(new Set(runs.map((run) => run.id))).toEqual(new Set(ids("run")));
    expect(runs.map((run) => run.id)).toEqual((await kroma().runs.list(slug, oneRequest)).runs.map((run) => run.id));
    expect(requests).toBe(3);
  });

  it("assets.iterate: pages of any size, filters kept", async () => {
    const assets = await all(kroma().assets.iterate(slug, {}, { pageSize: 7 }));
    expect(assets.map((asset) => asset.id)).toEqual(
      (await kroma().assets.list(slug, oneRequest)).assets.map((asset) => asset.id),
    );
    expect(new Set(assets.map((asset) => asset.id)).size).toBe(count);
    const ofOneRun = await all(kroma().assets.iterate(slug, { run_id: "run_0001" }, { pageSize: 250 }));
    expect(ofOneRun).toHaveLength(count / 2);
    expect(ofOneRun.every((asset) => asset.run_id === "run_0001")).toBe(true);
  });

  it("quality reports, cost events, exports and trash", async () => {
    const lists = {
      qualityReports: await all(kroma().qualityReports.iterate(slug)),
      costEvents: await all(kroma().costEvents.iterate(slug, { run_id: "run_0000" })),
      exports: await all(kroma().exports.iterate(slug, { status: "failed" })),
      trash: await all(kroma().trash.iterate(slug)),
    };
    const expected = { qualityReports: "qr", costEvents: "cost", exports: "export", trash: "trash" };
    for (const [name, rows] of Object.entries(lists)) {
      expect(new Set(rows.map((row) => row.id)), name).toEqual(new Set(ids(expected[name as keyof typeof expected])));
      expect(rows, name).toHaveLength(count);
    }
  });

  it("ends at once on an empty list", async () => {
    await kroma().projects.upsert({ name: "Empty", slug: "sdk_empty" });
    expect(await all(kroma().runs.iterate("sdk_empty"))).toEqual([]);
  });
});
