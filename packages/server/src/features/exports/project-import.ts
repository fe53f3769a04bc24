import { randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../../core/audit.js";
import { serverPaths } from "../../core/config.js";
import type { KromaDb } from "../../core/db/database.js";
import { createLeaseRepository, type LeaseRepository, newLeaseOwner } from "../../core/db/lease-repository.js";
import type { Database } from "../../core/db/schema.js";
import { conflict, validationError } from "../../core/errors.js";
import { checkNewProjectRoot, type RootCheckDeps } from "../../core/project-roots.js";
import { normalizeSlug } from "../../core/slug.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { createProjectRepository, defaultBaseDir, type ProjectRecord } from "../projects/repository.js";
import { createStorageRepository } from "../projects/storage-repository.js";
import { invalidBundle, parseBundleJson, projectRecordEntry } from "./bundle-format.js";
import { extractBundle } from "./bundle-reader.js";
import {
  type BundleRow,
  type BundleTable,
  bundleTables,
  hasIdColumn,
  type ProjectBundleRecord,
  recordsEntry,
} from "./bundle-records.js";
import { anyIdTaken, idMaps, insertRows } from "./import-rows.js";

export interface ImportBundleOptions {
  /** The `.tar.gz` bundle to import. */
  bundlePath: string;
  /** The new project's slug (normalised); default: the bundle's. */
  slug?: string;
  /** The app root: the new project's files go to `<app root>/var/projects/<slug>`. */
  appRoot: string;
  /** The server's master key file, kept out of every project root. Default: `var/backend/master.key` under the app root. */
  masterKeyFile?: string;
  actor?: Actor | null;
  /**
   * Who holds the import's lease on its staging directory (the caller keeps it renewed, as a
   * server does). Default: a new owner for this import, renewed here every third of
   * `leaseTtlMs` (default 30 s; pass the server's `KROMA_LEASE_TTL_MS`) until the import ends.
   */
  leases?: LeaseRepository;
  leaseTtlMs?: number;
}

/** Staging directories of imports in progress, under `<app root>/var/projects/`. */
export const importStagingPrefix = ".kroma-import-";

/** What an import's lease records: the staging directory it owns. */
export interface ImportLeaseDetail {
  staging_dir: string;
}

export interface ProjectImport {
  project: ProjectRecord;
  project_root: string;
  /** Rows created per table. */
  counts: Record<string, number>;
  files: number;
  files_bytes: number;
  /** True when some record id of the bundle was taken in this database, so every record got a new one. */
  ids_remapped: boolean;
  /** `provider/name` of each secret the source project had: values never travel, set them again. */
  secrets_to_set: string[];
}

/**
 * Restores a bundle into a new project. The bundle is unpacked into a staging directory beside
 * the new project root and verified whole (entry names and types, manifest, every sha256) before
 * anything is written; then, in one transaction, the project, its storage settings and every
 * record are created and the files moved into place, so a failure anywhere leaves no project row
 * and no files. An existing slug, or an existing non-empty project root, is refused (409).
 *
 * Record ids are kept when none of them is taken in this database (a restore elsewhere); when any
 * is (importing into the database the bundle came from), every record gets a new id and every
 * reference between records is rewritten to match. The project gets a new id either way. Runs
 * arrive finished or `interrupted` (one the bundle holds as active is no process's to execute).
 *
 * The staging directory (`var/projects/.kroma-import-<id>`) is leased before it is created and
 * released once it is removed, so a server sweeping abandoned work removes it only when this
 * import's process is gone.
 *
 * @example
 * const imported = await importProjectBundle(db, { bundlePath: "demo.tar.gz", slug: "demo_copy", appRoot });
 * imported.project.slug; // "demo_copy"
 */
export async function importProjectBundle(db: KromaDb, options: ImportBundleOptions): Promise<ProjectImport> {
  const parent = resolve(options.appRoot, defaultBaseDir);
  await mkdir(parent, { recursive: true });
  const leases = options.leases ?? createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: options.leaseTtlMs });
  const stopHeartbeat = options.leases ? () => {} : leases.startHeartbeat();
  const stagingId = randomBytes(12).toString("hex");
  const staging = join(parent, `${importStagingPrefix}${stagingId}`);
  // The lease first: a staging directory without a lease is never one a live import uses, so the
  // sweep of abandoned work may remove it (see recovery/abandoned-work.ts).
  await leases.acquire("import", stagingId, { staging_dir: staging } satisfies ImportLeaseDetail);
  try {
    await mkdir(staging, { mode: 0o700 });
    return await importStaged(db, options, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await leases.release("import", stagingId).finally(stopHeartbeat);
  }
}

async function importStaged(db: KromaDb, options: ImportBundleOptions, staging: string): Promise<ProjectImport> {
  const { manifest } = await extractBundle(options.bundlePath, staging);
  const record = await readProjectRecord(staging);
  const slug = targetSlug(options.slug ?? record.project.slug);
  const root = resolveProjectRoot(options.appRoot, { base_dir: defaultBaseDir, project_root: null }, slug);
  await refuseTakenSlug(db, slug);
  await refuseUsedRoot(root);
  const ids = await collectIds(staging);
  const rootCheck = {
    appRoot: options.appRoot,
    masterKeyFile: options.masterKeyFile ?? serverPaths(options.appRoot).masterKeyFile,
  };
  const created = await writeProject(db, { staging, record, slug, root, ids, actor: options.actor ?? null, rootCheck });
  return {
    ...created,
    project_root: root,
    files: manifest.files,
    files_bytes: manifest.files_bytes,
    secrets_to_set: record.secrets.map((secret) => `${secret.provider_code}/${secret.secret_name}`),
  };
}

function targetSlug(raw: string): string {
  const slug = normalizeSlug(raw);
  if (slug === undefined) throw validationError(`'${raw}' is not a valid project slug`, { field: "slug" });
  return slug;
}

async function readProjectRecord(staging: string): Promise<ProjectBundleRecord> {
  const text = await readFile(join(staging, projectRecordEntry), "utf8").catch(() => {
    throw invalidBundle(`${projectRecordEntry} is missing`);
  });
  const record = parseBundleJson(text, projectRecordEntry) as ProjectBundleRecord;
  if (typeof record?.project?.slug !== "string" || typeof record.project.name !== "string") {
    throw invalidBundle(`${projectRecordEntry} does not describe a project`);
  }
  return { ...record, secrets: Array.isArray(record.secrets) ? record.secrets : [] };
}

export const slugTaken = (slug: string) =>
  conflict(`Project '${slug}' already exists; import the bundle under another slug (--slug)`, { field: "slug" });

async function refuseTakenSlug(db: Kysely<Database>, slug: string): Promise<void> {
  const existing = await db.selectFrom("projects").select("id").where("slug", "=", slug).executeTakeFirst();
  if (existing) throw slugTaken(slug);
}

/** A new project's files must not land among someone else's: its root must be absent or empty. */
async function refuseUsedRoot(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => undefined);
  if (entries && entries.length > 0) {
    throw conflict(`The new project's root '${root}' already holds files`, { field: "project_root" });
  }
}

/** Each records file's rows, one JSON object a line, parsed as they are read. */
async function* bundleRows(staging: string, table: BundleTable): AsyncGenerator<BundleRow> {
  const path = join(staging, recordsEntry(table));
  if (!existsSync(path)) return;
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    const row = parseBundleJson(line, `${recordsEntry(table)} line ${n}`);
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw invalidBundle(`${recordsEntry(table)} line ${n} is not an object`);
    }
    yield row as BundleRow;
  }
}

/** Every record id of the bundle, per table; an id missing or repeated within a table is refused. */
async function collectIds(staging: string): Promise<Record<BundleTable, string[]>> {
  const ids = {} as Record<BundleTable, string[]>;
  for (const table of bundleTables) {
    const seen = new Set<string>();
    if (hasIdColumn(table)) {
      for await (const row of bundleRows(staging, table)) {
        if (typeof row.id !== "string" || row.id === "")
          throw invalidBundle(`${recordsEntry(table)} has a row without an id`);
        if (seen.has(row.id)) throw invalidBundle(`${recordsEntry(table)} holds id '${row.id}' twice`);
        seen.add(row.id);
      }
    }
    ids[table] = [...seen];
  }
  return ids;
}

interface WriteProjectInput {
  staging: string;
  record: ProjectBundleRecord;
  slug: string;
  root: string;
  ids: Record<BundleTable, string[]>;
  actor: Actor | null;
  /** The new project's root must not overlap another project's (see `checkNewProjectRoot`). */
  rootCheck: RootCheckDeps;
}

/** The one transaction: project, storage, records, audit event, then the files moved into place. */
async function writeProject(db: KromaDb, input: WriteProjectInput) {
  let moved = false;
  try {
    return await db.transaction().execute(async (trx) => {
      await refuseTakenSlug(trx, input.slug);
      const project = await createProject(db, trx, input);
      const remap = await anyIdTaken(trx, input.ids);
      const maps = idMaps(input.ids, remap);
      const counts: Record<string, number> = {};
      for (const table of bundleTables) {
        counts[table] = await insertRows(db, trx, table, bundleRows(input.staging, table), {
          projectId: project.id,
          maps,
          rootUri: pathToFileURL(join(input.root, "/")).href,
        });
      }
      await recordAudit(trx, input.actor, {
        action: "project.import",
        projectId: project.id,
        targetType: "project",
        targetId: project.id,
        detail: { source_slug: input.record.project.slug, ids_remapped: remap, counts },
      });
      await moveFilesIntoPlace(input.staging, input.root);
      moved = true;
      return { project, counts, ids_remapped: remap };
    });
  } catch (error) {
    if (moved) await rm(input.root, { recursive: true, force: true });
    throw error;
  }
}

async function createProject(db: KromaDb, trx: Kysely<Database>, input: WriteProjectInput): Promise<ProjectRecord> {
  const { project: source, owner, storage } = input.record;
  const username = normalizeSlug(owner?.username ?? "") ?? "local";
  const ownerExists = await trx.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  const { project } = await createProjectRepository(db).upsert(
    {
      slug: input.slug,
      name: source.name,
      description: source.description ?? "",
      username,
      // A new owner gets the bundle's display name; an existing one keeps theirs.
      ...(ownerExists ? {} : { userDisplayName: owner?.display_name ?? username }),
    },
    trx,
    (check, defaults) => checkNewProjectRoot(check, input.rootCheck, input.slug, defaults),
  );
  const s3 = storage?.s3;
  if (s3) {
    await createStorageRepository(trx).update(project.id, {
      s3_enabled: s3.enabled ? 1 : 0,
      s3_bucket: s3.bucket ?? "",
      s3_prefix: s3.prefix || "kroma-projects",
      s3_region: s3.region ?? "",
      s3_profile: s3.profile ?? "",
      s3_endpoint_url: s3.endpoint_url ?? "",
    });
  }
  if (source.status === "archived") {
    await trx.updateTable("projects").set({ status: "archived" }).where("id", "=", project.id).execute();
    return { ...project, status: "archived" };
  }
  return project;
}

/** `files/` of the staging directory becomes the project root (an empty root is replaced). */
async function moveFilesIntoPlace(staging: string, root: string): Promise<void> {
  const files = join(staging, "files");
  await rmdir(root).catch(() => {});
  if (existsSync(files)) await rename(files, root);
  else await mkdir(root, { recursive: true });
}
