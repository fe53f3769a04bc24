import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type KromaDb, openDatabase } from "./database.js";
import { createLeaseRepository, type LeaseOwner, newLeaseOwner } from "./lease-repository.js";

/** The pid of a process that has already exited (so nothing runs under it now, barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("leases", () => {
  let db: KromaDb;
  let clock = 1_000_000;
  const now = () => clock;
  beforeEach(async () => {
    db = await openDatabase(":memory:");
    clock = 1_000_000;
  });
  afterEach(() => db.destroy());

  it("gives work to one owner while its lease is live, and to another once it expires", async () => {
    const a = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: 1000, now });
    const b = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: 1000, now });
    expect(await a.acquire("export", "x1", { path: "/tmp/x" })).toBe(true);
    expect(await b.acquire("export", "x1")).toBe(false);
    expect(await a.acquire("export", "x1")).toBe(true); // taking one's own lease again is fine
    expect((await b.liveOwner("export", "x1"))?.owner_id).toBe(a.owner.id);

    clock += 900;
    await a.renew();
    clock += 900; // 900 ms after the renewal: still live
    expect(await b.acquire("export", "x1")).toBe(false);
    expect(await b.abandoned("export")).toEqual([]);

    clock += 200; // 1100 ms without a heartbeat
    expect((await b.abandoned("export")).map((lease) => lease.target_id)).toEqual(["x1"]);
    expect(await b.acquire("export", "x1")).toBe(true);
    expect(await b.held("export")).toEqual(["x1"]);
    expect(await a.held("export")).toEqual([]);
  });

  it("knows at once that a lease of a process gone from this machine is abandoned", async () => {
    const gone: LeaseOwner = { ...newLeaseOwner(), pid: deadPid() };
    const dead = createLeaseRepository(db, { owner: { ...gone, id: `${gone.id}-dead` }, now });
    const alive = createLeaseRepository(db, { owner: newLeaseOwner(), now });
    await dead.acquire("import", "staging-1", { dir: "/tmp/.kroma-import-1" });
    await alive.acquire("import", "staging-2");
    // Heartbeats are fresh; only the owner's process tells them apart.
    const abandoned = await alive.abandoned("import");
    expect(abandoned.map((lease) => lease.target_id)).toEqual(["staging-1"]);
    expect(await alive.liveAmong("import", ["staging-1", "staging-2"])).toEqual(new Set(["staging-2"]));
  });

  it("releases only its own lease", async () => {
    const a = createLeaseRepository(db, { owner: newLeaseOwner(), now });
    const b = createLeaseRepository(db, { owner: newLeaseOwner(), now });
    await a.acquire("run", "r1");
    await b.release("run", "r1");
    expect(await a.held("run")).toEqual(["r1"]);
    await a.release("run", "r1");
    expect(await a.liveOwner("run", "r1")).toBeUndefined();
  });
});
