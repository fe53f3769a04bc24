import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely, Selectable } from "kysely";
import { fromJsonText, toJsonText } from "../input.js";
import { nowIso } from "../time.js";
import type { Database, LeasesTable } from "./schema.js";

export type LeaseKind = LeasesTable["kind"];
export type Lease = Selectable<LeasesTable>;

/** One holder of leases: a server, or a CLI command working on the database beside it. */
export interface LeaseOwner {
  id: string;
  host: string;
  pid: number;
}

/** How long a lease lives without a renewal (`KROMA_LEASE_TTL_MS`); holders renew at a third of it. */
export const defaultLeaseTtlMs = 30_000;

/** A new owner identity for this process; each server (or command) makes its own. */
export function newLeaseOwner(): LeaseOwner {
  const host = hostname();
  return { id: `${host}/${process.pid}/${randomBytes(6).toString("hex")}`, host, pid: process.pid };
}

/** Whether a process with this id runs on this machine (EPERM: it does, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LeaseRepositoryOptions {
  owner: LeaseOwner;
  ttlMs?: number;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;

/**
 * Leases on work in progress, held by one owner. A lease is live while its heartbeat is younger
 * than the TTL and, when its owner runs on this machine, that process still exists (so a
 * SIGKILLed server's work is known to be abandoned at once, not only after the TTL). Work under a
 * live lease belongs to its owner alone; an expired lease may be taken over or cleaned up.
 */
export function createLeaseRepository(db: Kysely<Database>, options: LeaseRepositoryOptions) {
  const { owner } = options;
  const ttlMs = options.ttlMs ?? defaultLeaseTtlMs;
  const now = options.now ?? Date.now;

  const isLive = (lease: Lease): boolean => {
    if (lease.owner_id === owner.id) return true;
    if (now() - lease.heartbeat_at_ms > ttlMs) return false;
    return lease.owner_host !== owner.host || processAlive(lease.owner_pid);
  };

  const renew = async (): Promise<void> => {
    await db.updateTable("leases").set({ heartbeat_at_ms: now() }).where("owner_id", "=", owner.id).execute();
  };

  /** A lease row for this owner, taken now. */
  const newLease = (kind: LeaseKind, targetId: string, detail: unknown): Lease => ({
    kind,
    target_id: targetId,
    owner_id: owner.id,
    owner_host: owner.host,
    owner_pid: owner.pid,
    acquired_at: nowIso(),
    heartbeat_at_ms: now(),
    detail_json: detail === undefined ? null : toJsonText(detail),
  });

  const find = (kind: LeaseKind, targetId: string) =>
    db.selectFrom("leases").selectAll().where("kind", "=", kind).where("target_id", "=", targetId).executeTakeFirst();

  return {
    owner,
    ttlMs,
    isLive,

    /**
     * Takes the lease on `targetId` for this owner: free, already ours, or abandoned by its owner.
     * Returns false while another owner's lease is live. The check and the write are one
     * transaction, and SQLite runs one writer at a time, so two owners never both win.
     */
    async acquire(kind: LeaseKind, targetId: string, detail?: unknown): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const held = await trx
          .selectFrom("leases")
          .selectAll()
          .where("kind", "=", kind)
          .where("target_id", "=", targetId)
          .executeTakeFirst();
        if (held && isLive(held) && held.owner_id !== owner.id) return false;
        const row = newLease(kind, targetId, detail);
        if (held) {
          await trx.updateTable("leases").set(row).where("kind", "=", kind).where("target_id", "=", targetId).execute();
        } else {
          await trx.insertInto("leases").values(row).execute();
        }
        return true;
      });
    },

    /** Gives up this owner's lease on `targetId` (another owner's is left alone). */
    async release(kind: LeaseKind, targetId: string): Promise<void> {
      await db
        .deleteFrom("leases")
        .where("kind", "=", kind)
        .where("target_id", "=", targetId)
        .where("owner_id", "=", owner.id)
        .execute();
    },

    /** Drops a lease whatever its owner; only for work found abandoned and cleaned up. */
    async remove(lease: Lease): Promise<void> {
      await db
        .deleteFrom("leases")
        .where("kind", "=", lease.kind)
        .where("target_id", "=", lease.target_id)
        .where("owner_id", "=", lease.owner_id)
        .execute();
    },

    /** Renews every lease this owner holds. */
    renew,

    /** The lease on `targetId`, live or not. */
    lease: find,

    /**
     * Takes the lease on work just created (a fresh id nobody can hold yet) inside the caller's
     * transaction, so the work's row and its lease are written together: no sweep can ever see
     * the row without its owner.
     */
    async claimNew(trx: Kysely<Database>, kind: LeaseKind, targetId: string, detail?: unknown): Promise<void> {
      await trx
        .insertInto("leases")
        .values(newLease(kind, targetId, detail))
        .execute();
    },

    /**
     * Whether the lease's owner is a process that still runs on this machine, whatever its
     * heartbeat says: a long database transaction of the owner holds its renewals back, so a
     * clean-up that would destroy files of a living process asks this too.
     */
    ownerRunsHere(lease: Lease): boolean {
      return lease.owner_host === owner.host && processAlive(lease.owner_pid);
    },

    /** Whether someone (this owner included) holds a live lease on `targetId`. */
    async liveOwner(kind: LeaseKind, targetId: string): Promise<Lease | undefined> {
      const lease = await find(kind, targetId);
      return lease && isLive(lease) ? lease : undefined;
    },

    /** The ids of the `kind` work this owner holds. */
    async held(kind: LeaseKind): Promise<string[]> {
      const rows = await db
        .selectFrom("leases")
        .select("target_id")
        .where("kind", "=", kind)
        .where("owner_id", "=", owner.id)
        .execute();
      return rows.map((row) => row.target_id);
    },

    /** Leases of `kind` whose owner is gone: their work is abandoned. */
    async abandoned(kind: LeaseKind): Promise<Lease[]> {
      const rows = await db.selectFrom("leases").selectAll().where("kind", "=", kind).execute();
      return rows.filter((lease) => !isLive(lease));
    },

    /** Of `targetIds`, those with a live lease (of any owner). */
    async liveAmong(kind: LeaseKind, targetIds: readonly string[]): Promise<Set<string>> {
      if (targetIds.length === 0) return new Set();
      const rows = await db
        .selectFrom("leases")
        .selectAll()
        .where("kind", "=", kind)
        .where("target_id", "in", [...targetIds])
        .execute();
      return new Set(rows.filter(isLive).map((lease) => lease.target_id));
    },

    /**
     * Renews this owner's leases every third of the TTL until the returned function is called.
     * The timer does not keep the process alive; a failed renewal is reported, not thrown.
     */
    startHeartbeat(onError: (error: unknown) => void = () => {}): () => void {
      const timer = setInterval(() => renew().catch(onError), Math.max(10, Math.floor(ttlMs / 3)));
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/** The detail a lease was taken with. */
export function leaseDetail<T>(lease: Lease): T | undefined {
  return fromJsonText<T>(lease.detail_json) ?? undefined;
}
