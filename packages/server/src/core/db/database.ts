import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, type SqliteDatabase, SqliteDialect } from "kysely";
import { ChangeTracker } from "./change-tracker.js";
import * as core from "./migrations/0001-core.js";
import * as runsAssets from "./migrations/0002-runs-assets.js";
import * as promptTemplates from "./migrations/0003-prompt-templates.js";
import * as providerAccounts from "./migrations/0004-provider-accounts.js";
import * as styleGuides from "./migrations/0005-style-guides.js";
import * as characters from "./migrations/0006-characters.js";
import * as referenceSets from "./migrations/0007-reference-sets.js";
import * as assetLinks from "./migrations/0008-asset-links.js";
import * as chat from "./migrations/0009-chat.js";
import * as agentInstructions from "./migrations/0010-agent-instructions.js";
import * as authAudit from "./migrations/0011-auth-audit.js";
import * as secrets from "./migrations/0012-secrets.js";
import * as runRecords from "./migrations/0013-run-records.js";
import * as exportsSync from "./migrations/0014-exports-sync.js";
import * as leases from "./migrations/0015-leases.js";
import * as assetFileState from "./migrations/0016-asset-file-state.js";
import * as authSessions from "./migrations/0017-auth-sessions.js";
import * as assetUploads from "./migrations/0018-asset-uploads.js";
import * as jobReviews from "./migrations/0019-job-reviews.js";
import * as trash from "./migrations/0020-trash.js";
import * as budgets from "./migrations/0021-budgets.js";
import * as runRetriedFrom from "./migrations/0022-run-retried-from.js";
import type { Database } from "./schema.js";

/** Migrations in order; a new one is a new file in ./migrations and a new line here. */
const migrations: Record<string, Migration> = {
  "0001-core": core,
  "0002-runs-assets": runsAssets,
  "0003-prompt-templates": promptTemplates,
  "0004-provider-accounts": providerAccounts,
  "0005-style-guides": styleGuides,
  "0006-characters": characters,
  "0007-reference-sets": referenceSets,
  "0008-asset-links": assetLinks,
  "0009-chat": chat,
  "0010-agent-instructions": agentInstructions,
  "0011-auth-audit": authAudit,
  "0012-secrets": secrets,
  "0013-run-records": runRecords,
  "0014-exports-sync": exportsSync,
  "0015-leases": leases,
  "0016-asset-file-state": assetFileState,
  "0017-auth-sessions": authSessions,
  "0018-asset-uploads": assetUploads,
  "0019-job-reviews": jobReviews,
  "0020-trash": trash,
  "0021-budgets": budgets,
  "0022-run-retried-from": runRetriedFrom,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * The Kroma database: a kysely instance over better-sqlite3 that also knows when its data may
 * have changed (see `changeVersion`), so hot reads can be cached.
 */
export class KromaDb extends Kysely<Database> {
  readonly #changes: ChangeTracker;
  readonly #statements: SqliteDatabase;

  constructor(sqlite: SQLite.Database) {
    const dataVersion = sqlite.prepare("pragma data_version").pluck();
    const changes = new ChangeTracker(() => dataVersion.get() as number);
    const statements = withStatementCache(sqlite);
    super({ dialect: new SqliteDialect({ database: statements }), plugins: [changes] });
    this.#changes = changes;
    this.#statements = statements;
  }

  /**
   * A prepared better-sqlite3 statement (cached by SQL text) for bulk writes, where going through
   * the query builder per row would cost more than SQLite's own work. Call it only inside a
   * transaction of this database: there is one connection, so the statement runs in that
   * transaction. Writes made this way are not seen by `changeVersion`; the transaction must also
   * write through kysely (ingest updates the run's row) so cached reads notice the change.
   */
  bulkStatement(sql: string): SQLite.Statement {
    return this.#statements.prepare(sql) as unknown as SQLite.Statement;
  }

  /** Differs whenever the data may have changed, by this process or another; equal values mean it has not. */
  changeVersion(): string {
    return this.#changes.version();
  }
}

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
  sqlite.pragma("synchronous = NORMAL");
  const db = new KromaDb(sqlite);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * Kysely prepares a statement for every query; preparing costs about as much as running a small
 * query, and an API serves the same few statements over and over. This reuses them by SQL text.
 * Safe because better-sqlite3 runs each statement to completion synchronously (we never stream).
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Applies every pending migration; throws the first failure (earlier ones stay applied). */
export async function migrateToLatest(db: KromaDb): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
