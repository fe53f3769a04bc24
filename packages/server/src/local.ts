/**
 * `@kroma/server/local`: the only things the `kroma` CLI does with a database file and app root
 * directly, each explicitly offline: serve them, create the first token of a database
 * (`kroma tokens create --db`), and restore a bundle (`kroma import --db`). Every other command
 * goes through the API. Every path (database, master key, app root) comes from the `ServerConfig`
 * that `loadServerConfig` derives, and every query runs here, behind the repositories.
 */
import type { Schema } from "@kroma/contract";
import type { ServerConfig } from "./core/config.js";
import { type KromaDb, openDatabase } from "./core/db/database.js";
import { createdTokenBody, issueAuthToken } from "./features/auth/tokens.js";
import { importProjectBundle, type ProjectImport } from "./features/exports/project-import.js";
import { createProjectRepository } from "./features/projects/repository.js";

export { loadServerConfig, type ServerConfig } from "./core/config.js";
export { type RunningServer, startServer } from "./core/serve.js";
export type { ProjectImport } from "./features/exports/project-import.js";

/** Runs `work` on the database file `dbPath`, closing it afterwards whatever happens. */
async function withDatabase<T>(dbPath: string, work: (db: KromaDb) => Promise<T>): Promise<T> {
  const db = await openDatabase(dbPath);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Creates a token directly in the database file `dbPath`, with the same checks and audit event as
 * `POST /auth/token`, and returns what that route answers. A server bound to another address than
 * loopback requires a token from its first request, so its first token cannot come over HTTP;
 * whoever can write the database file may create one.
 */
export function createLocalToken(dbPath: string, input: Schema<"CreateAuthTokenRequest">) {
  return withDatabase(dbPath, async (db) =>
    createdTokenBody(await issueAuthToken({ db, projects: createProjectRepository(db) }, null, input)),
  );
}

/**
 * Restores the bundle at `bundlePath` into a new project of the configured database and app root.
 * The import leases its staging directory (renewed every third of the TTL), so a server beside it
 * leaves the directory alone, and removes it if this process is killed.
 */
export function importLocalBundle(
  config: ServerConfig,
  options: { bundlePath: string; slug?: string },
): Promise<ProjectImport> {
  return withDatabase(config.dbPath, (db) =>
    importProjectBundle(db, {
      bundlePath: options.bundlePath,
      slug: options.slug,
      appRoot: config.appRoot,
      masterKeyFile: config.masterKeyFile,
      leaseTtlMs: config.leaseTtlMs,
    }),
  );
}
