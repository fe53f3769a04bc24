import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/setup.js";
import { VersionedCache } from "./versioned-cache.js";

// GET /api/projects/{slug} is served from a cache keyed by the database's change version;
// these tests prove no write, from this process or another, is ever hidden by it.
describe("project detail cache", () => {
  it("sees this process's writes at once, through the builder and through raw SQL", async () => {
    const { call, db } = await createTestApp();
    const { body } = await call("POST", "/api/projects", { name: "Cached" });
    expect((await call("GET", "/api/projects/cached")).body.counts.runs).toBe(0);

    const now = new Date().toISOString();
    await db
      .insertInto("runs")
      .values({ id: "r1", project_id: body.project.id, run_mode: "dry", status: "queued", created_at: now })
      .execute();
    expect((await call("GET", "/api/projects/cached")).body.counts.runs).toBe(1);

    await sql`delete from runs where id = ${"r1"}`.execute(db);
    expect((await call("GET", "/api/projects/cached")).body.counts.runs).toBe(0);

    await call("PUT", "/api/projects/cached/storage/s3", { bucket: "fresh" });
    expect((await call("GET", "/api/projects/cached")).body.storage.s3.bucket).toBe("fresh");
  });

  it("sees another connection's commit from the next event-loop turn", async () => {
    const { call, appRoot } = await createTestApp();
    const { body } = await call("POST", "/api/projects", { name: "Shared File" });
    expect((await call("GET", "/api/projects/shared_file")).body.counts.assets).toBe(0);

    const other = new SQLite(join(appRoot, "var/backend/app.db"));
    other
      .prepare(
        "insert into assets (id, project_id, kind, storage_backend, created_at) values (?, ?, 'image', 'local', ?)",
      )
      .run("a1", body.project.id, new Date().toISOString());
    other.prepare("update projects set name = 'Renamed Elsewhere' where id = ?").run(body.project.id);
    other.close();

    await nextTurn();
    const detail = await call("GET", "/api/projects/shared_file");
    expect(detail.body.counts.assets).toBe(1);
    expect(detail.body.project.name).toBe("Renamed Elsewhere");
  });
});

describe("VersionedCache", () => {
  it("loads once per version, keeps no misses, evicts the oldest past its limit, and freezes values", async () => {
    let version = "v1";
    const loads: string[] = [];
    const cache = new VersionedCache<{ name: string }>(() => version, 2);
    const load = (key: string) => async () => {
      loads.push(key);
      return key === "missing" ? undefined : { name: key };
    };

    const first = await cache.get("a", load("a"));
    expect(await cache.get("a", load("a"))).toBe(first);
    expect(() => {
      (first as { name: string }).name = "changed";
    }).toThrow(TypeError);

    await cache.get("missing", load("missing"));
    await cache.get("missing", load("missing"));
    version = "v2";
    await cache.get("a", load("a"));
    await cache.get("b", load("b"));
    await cache.get("c", load("c"));
    await cache.get("a", load("a"));
    expect(loads).toEqual(["a", "missing", "missing", "a", "b", "c", "a"]);
  });
});
