import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from "kysely";
import * as core from "./migrations/0001-core.js";
import * as runsAssets from "./migrations/0002-runs-assets.js";
import type { Database } from "./schema.js";

/** Migrations in order; a new one is a new file in ./migrations and a new line here. */
const migrations: Record<string, Migration> = {
  "0001-core": core,
  "0002-runs-assets": runsAssets,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export type KromaDb = Kysely<Database>;

/**
 * Opens (creating directories and file as needed) the SQLite database at `path`, in WAL mode with
 * foreign keys on, and brings its schema up to date. `":memory:"` gives a private in-memory database.
 *
 * @example
 * const db = await openDatabase("var/backend/app.db");
 * await db.destroy();
 */
export async function openDatabase(path: string): Promise<KromaDb> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Applies every pending migration; throws the first failure (earlier ones stay applied). */
export async function migrateToLatest(db: KromaDb): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
