import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createProjectRepository } from "../../features/projects/repository.js";
import { openDatabase } from "./database.js";

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("database", () => {
  it("creates missing directories and the file, in WAL mode with foreign keys on", async () => {
    dir = await mkdtemp(join(tmpdir(), "kroma-db-"));
    const path = join(dir, "nested/deeper/app.db");
    const db = await openDatabase(path);
    expect(existsSync(path)).toBe(true);
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(journal[0]?.journal_mode).toBe("wal");
    const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk[0]?.foreign_keys).toBe(1);
    await db.destroy();
  });

  it("applies migrations once and keeps data across reopen", async () => {
    dir = await mkdtemp(join(tmpdir(), "kroma-db-"));
    const path = join(dir, "app.db");
    const first = await openDatabase(path);
    await createProjectRepository(first).upsert({ slug: "kept", name: "Kept", username: "local" });
    await first.destroy();

    const second = await openDatabase(path);
    const migrations = await second
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    const names = migrations.map((m) => (m as { name: string }).name);
    expect(names.slice(0, 2)).toEqual(["0001-core", "0002-runs-assets"]);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["0010-agent-instructions", "0011-auth-audit", "0012-secrets"]));
    expect((await createProjectRepository(second).findBySlug("kept"))?.name).toBe("Kept");
    await second.destroy();
  });

  it("rolls a failed upsert back whole", async () => {
    dir = await mkdtemp(join(tmpdir(), "kroma-db-"));
    const db = await openDatabase(join(dir, "app.db"));
    const projects = createProjectRepository(db);
    await projects.upsert({ slug: "taken", name: "Taken", username: "alice" });
    await expect(
      projects.upsert({ slug: "taken", name: "Stolen", username: "bob", userDisplayName: "Bob" }),
    ).rejects.toThrow(/already used by another user/);
    // bob's user row was written inside the failed transaction and must be gone too.
    const users = await db.selectFrom("users").select("username").execute();
    expect(users.map((u) => u.username)).toEqual(["alice"]);
    await db.destroy();
  });
});
