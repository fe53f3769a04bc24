// A second connection to a server's SQLite file, from the test process: to see whether the server
// is inside a write transaction right now (to kill it there), and to check the file afterwards.
import { type KromaDb, openDatabase } from "@kroma/server";

export interface SqliteProbe {
  db: KromaDb;
  /** Whether another connection holds the write lock at this instant (our BEGIN IMMEDIATE is refused). */
  writeLocked(): boolean;
  /** `PRAGMA integrity_check`'s rows: `["ok"]` for a sound file. */
  integrityCheck(): string[];
  /** A run's status as stored, read without any lock a writer would wait on (WAL readers never block). */
  runStatus(runId: string): string | undefined;
  close(): Promise<void>;
}

/**
 * Opens the database through the server's own `openDatabase` (its migrations are already applied,
 * so this changes nothing). Raw statements go through `bulkStatement`, the better-sqlite3 statement
 * of this connection: BEGIN IMMEDIATE and pragmas have no query-builder form.
 */
export async function openSqliteProbe(dbPath: string): Promise<SqliteProbe> {
  const db = await openDatabase(dbPath);
  // Answer at once instead of waiting up to 5 s for the lock: the question is whether it is held.
  db.bulkStatement("pragma busy_timeout = 0").run();
  const begin = db.bulkStatement("begin immediate");
  const rollback = db.bulkStatement("rollback");
  return {
    db,
    writeLocked() {
      try {
        begin.run();
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
        throw error;
      }
      rollback.run();
      return false;
    },
    integrityCheck() {
      const rows = db.bulkStatement("pragma integrity_check").all() as { integrity_check: string }[];
      return rows.map((row) => row.integrity_check);
    },
    runStatus(runId) {
      const row = db.bulkStatement("select status from runs where id = ?").get(runId) as { status: string } | undefined;
      return row?.status;
    },
    close: () => db.destroy(),
  };
}

/**
 * Polls until another process has held the write lock for `streak` probes in a row (a long write
 * transaction, not one of the instant writes around it), or `ended()` says the work is over.
 * Resolves true when it caught the writer mid-transaction.
 */
export async function waitForLongWrite(
  probe: SqliteProbe,
  ended: () => boolean,
  options: { streak?: number; everyMs?: number; timeoutMs?: number } = {},
): Promise<boolean> {
  const { streak = 3, everyMs = 2, timeoutMs = 20_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let held = 0;
  while (!ended() && Date.now() < deadline) {
    held = probe.writeLocked() ? held + 1 : 0;
    if (held >= streak) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
