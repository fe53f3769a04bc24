/**
 * `@kroma/server/local`: what the `kroma` CLI does with the server's database file and app root
 * without a running server — serve, create the first token of a database, import a bundle offline
 * (`kroma import --db`), sync to S3, hold a run's lease, ingest run logs and look up provider keys.
 * It is the CLI's only way into the server: every path (database, master key, app root) comes from the
 * `ServerConfig` that `loadServerConfig` derives, and every query runs here, behind the
 * repositories.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Schema } from "@kroma/contract";
import { loadServerConfig, type ServerConfig } from "./core/config.js";
import { type KromaDb, openDatabase } from "./core/db/database.js";
import { createLeaseRepository, type Lease, newLeaseOwner } from "./core/db/lease-repository.js";
import { normalizeSlug } from "./core/slug.js";
import { resolveProjectRoot } from "./core/storage-paths.js";
import { type MovedFile, moveAssetFiles } from "./features/assets/moved-files.js";
import { createdTokenBody, issueAuthToken } from "./features/auth/tokens.js";
import { importProjectBundle, type ProjectImport } from "./features/exports/project-import.js";
import { createProjectRepository } from "./features/projects/repository.js";
import { type S3SyncOptions, type S3SyncReport, syncProjectToS3 } from "./features/projects/s3-sync/sync.js";
import { createStorageRepository } from "./features/projects/storage-repository.js";
import { type IngestResult, ingestRunLogFile } from "./features/runs/ingest.js";
import {
  type KeyProvider,
  type ProviderKeys,
  providerKeysFromEnv,
  resolveProviderKeys,
} from "./features/secrets/provider-keys.js";

export { loadServerConfig, type ServerConfig } from "./core/config.js";
export { type RunningServer, startServer } from "./core/serve.js";
export type { MovedFile } from "./features/assets/moved-files.js";
export type { ProjectExport } from "./features/exports/project-export.js";
export type { ProjectImport } from "./features/exports/project-import.js";
export type { S3SyncFile, S3SyncReport } from "./features/projects/s3-sync/sync.js";
export type { IngestResult } from "./features/runs/ingest.js";
export { type KeyProvider, type ProviderKeys, providerKeyEnv } from "./features/secrets/provider-keys.js";

/** The server's database as the CLI opens it: the file and the project found in it. */
export interface LocalProject {
  db: KromaDb;
  dbPath: string;
  projectId: string;
  /** The normalised slug. */
  slug: string;
  /** The project's root as its stored storage resolves it (`KROMA_APP_ROOT` for relative paths). */
  projectRoot: string;
  appRoot: string;
}

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
 * Runs `work` with the database file the server uses (`KROMA_BACKEND_DB` under `KROMA_APP_ROOT`)
 * and the project `slug` names in it, then closes it. Resolves to no `result` (and runs nothing)
 * when there is no such file or project, with the reason in `missing`. The CLI reads and writes
 * this file directly (secrets, run records), so it works whether or not the server is running.
 */
export async function withLocalProject<T>(
  config: Pick<ServerConfig, "dbPath" | "appRoot">,
  slug: string,
  work: (project: LocalProject) => Promise<T>,
): Promise<{ result?: T; missing?: string }> {
  const { dbPath, appRoot } = config;
  const normalized = normalizeSlug(slug);
  if (!existsSync(dbPath)) return { missing: `no database at ${dbPath} (KROMA_BACKEND_DB)` };
  return withDatabase(dbPath, async (db) => {
    const project = normalized === undefined ? undefined : await createProjectRepository(db).findBySlug(normalized);
    if (!project || normalized === undefined) return { missing: `project '${slug}' is not in ${dbPath}` };
    const storage = await createStorageRepository(db).get(project.id);
    const projectRoot = resolveProjectRoot(appRoot, storage, normalized);
    return { result: await work({ db, dbPath, projectId: project.id, slug: normalized, projectRoot, appRoot }) };
  });
}

/**
 * Points the asset records naming files that moved inside the project at `projectRoot` at their
 * new paths (`lab archive-bad`). The project is the one of the local database whose root is
 * `projectRoot`; without a database or such a project there are no records to move, and
 * `missing` says why.
 */
export async function moveLocalAssetFiles(
  config: Pick<ServerConfig, "dbPath" | "appRoot">,
  target: { projectRoot: string; slug?: string | undefined },
  moved: readonly MovedFile[],
): Promise<{ slug?: string; records: number; missing?: string }> {
  if (!existsSync(config.dbPath)) return { records: 0, missing: `no database at ${config.dbPath} (KROMA_BACKEND_DB)` };
  return withDatabase(config.dbPath, async (db) => {
    const storage = createStorageRepository(db);
    const wanted = target.slug === undefined ? undefined : normalizeSlug(target.slug);
    for (const project of await createProjectRepository(db).list()) {
      const root = resolveProjectRoot(config.appRoot, await storage.get(project.id), project.slug);
      const named = wanted !== undefined && project.slug === wanted;
      if (!named && resolve(root) !== resolve(target.projectRoot)) continue;
      const records = await moveAssetFiles(db, { id: project.id, root: target.projectRoot }, moved);
      return { slug: project.slug, records };
    }
    const which = target.slug === undefined ? `has the root ${target.projectRoot}` : `is named '${target.slug}'`;
    return { records: 0, missing: `no project in ${config.dbPath} ${which} (--project SLUG names it)` };
  });
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

/** Uploads `project`'s new or changed files to its S3 storage, with its secrets under the configured master key. */
export function syncLocalProject(
  config: Pick<ServerConfig, "masterKey" | "masterKeyFile">,
  project: LocalProject,
  options: S3SyncOptions,
): Promise<S3SyncReport> {
  return syncProjectToS3(
    project.db,
    { masterKey: config.masterKey, masterKeyFile: config.masterKeyFile },
    { id: project.projectId, slug: project.slug, root: project.projectRoot },
    options,
  );
}

/**
 * Ingests one run log file into `project` (see `ingestRunLogFile`). `projectSlug` is the slug as
 * the caller gave it: a log of another project is refused under that name.
 */
export function ingestLocalRunLog(
  project: LocalProject,
  options: { projectSlug: string; projectRoot: string; path: string },
): Promise<IngestResult> {
  return ingestRunLogFile(project.db, { projectId: project.projectId, ...options });
}

/**
 * Runs `work` holding the `run` lease on `runId` in the configured database, as a server does
 * while it executes a run: when a live server process owns the run (it may still be executing
 * it), throws what `lease.refused` makes of its lease before anything runs, and while `work` runs
 * no server resumes or interrupts it. Without a database there is no server to share the run
 * with, so `work` just runs.
 */
export async function withLocalRunLease<T>(
  config: Pick<ServerConfig, "dbPath" | "leaseTtlMs">,
  runId: string,
  lease: { by: string; refused: (owner: Lease | undefined) => Error },
  work: () => Promise<T>,
): Promise<T> {
  if (!existsSync(config.dbPath)) return work();
  return withDatabase(config.dbPath, async (db) => {
    const leases = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: config.leaseTtlMs });
    if (!(await leases.acquire("run", runId, { by: lease.by })))
      throw lease.refused(await leases.liveOwner("run", runId));
    const stopHeartbeat = leases.startHeartbeat();
    try {
      return await work();
    } finally {
      stopHeartbeat();
      await leases.release("run", runId);
    }
  });
}

/**
 * API keys for a project's local run, by the server's rule (`resolveProviderKeys`): each
 * provider's `<provider>/api_key` secret when the local database holds one, else its environment
 * variable (`OPENAI_API_KEY`, `PHOTOROOM_API_KEY`, `REMOVE_BG_API_KEY`). Secrets never travel over
 * the API, so they are read from the database file shared with the server, under the same master
 * key. Without a project (or without its database) only the environment is read.
 */
export async function resolveLocalProviderKeys(
  projectSlug: string | undefined,
  providers: readonly KeyProvider[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProviderKeys> {
  const fromEnv = providerKeysFromEnv(env, providers);
  if (projectSlug === undefined) return fromEnv;
  const config = loadServerConfig({}, env);
  const { result } = await withLocalProject(config, projectSlug, (project) =>
    resolveProviderKeys(
      project.db,
      { masterKey: config.masterKey, masterKeyFile: config.masterKeyFile },
      project.projectId,
      providers,
      fromEnv,
    ),
  );
  return result ?? fromEnv;
}
