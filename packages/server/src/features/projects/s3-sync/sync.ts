import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline, Transform } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { components } from "@kroma/contract/types";
import { digestFiles } from "@kroma/pipeline";
import { type Actor, recordAudit } from "../../../core/audit.js";
import type { KromaDb } from "../../../core/db/database.js";
import { nowIso } from "../../../core/time.js";
import { listProjectFiles, type ProjectFile } from "../../exports/project-files.js";
import type { MasterKeySource } from "../../secrets/crypto.js";
import { createStorageRepository } from "../storage-repository.js";
import { createS3Client, resolveS3Credentials, type S3ClientOptions, type S3Target, s3TargetOf } from "./client.js";
import { createSyncStateRepository, type SyncDestination } from "./repository.js";

export type S3SyncReport = components["schemas"]["S3SyncReport"];
export type S3SyncFile = components["schemas"]["S3SyncFile"];

/** The project to sync: its id and slug (the key prefix) and the root its files are under. */
export interface S3SyncProject {
  id: string;
  slug: string;
  root: string;
}

export interface S3SyncOptions extends S3ClientOptions {
  /** Report what would be uploaded; upload and record nothing, send nothing to S3. */
  dryRun?: boolean;
  actor?: Actor | null;
  /** Where `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` are read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Files uploaded at once. Default 4. */
  concurrency?: number;
  /** Multipart part size; files larger than one part go up in parts. Default 8 MiB (S3's minimum is 5 MiB). */
  partSizeBytes?: number;
  /** Called as each file finishes (uploaded or failed), in order of completion. */
  onFile?: (file: S3SyncFile) => void | Promise<void>;
}

/** A file whose size or sha256 differs from its last successful upload. */
interface Pending extends ProjectFile {
  key: string;
  sha256: string;
  reason: "new" | "changed";
}

const mib = 1024 * 1024;

/**
 * Uploads a project's new or changed files to its S3 storage (see `s3TargetOf` and
 * `resolveS3Credentials`). A file is uploaded when its size or sha256 differs from what the last
 * successful upload of its key recorded; each upload is recorded the moment it succeeds, so a sync
 * cut short (server stopped, network gone) uploads on its next run only what had not arrived.
 * Uploads run `concurrency` at a time, through the SDK's retries; files larger than a part go up
 * in parts. A failed file is reported and the others go on. Audited with counts only.
 * The run queue calls this after a run whose trigger asked for `storage_sync_s3`.
 *
 * @example
 * const report = await syncProjectToS3(db, { masterKeyFile }, { id, slug: "demo", root }, { dryRun: true });
 * report.would_upload; // files that would go up
 */
export async function syncProjectToS3(
  db: KromaDb,
  keys: MasterKeySource,
  project: S3SyncProject,
  options: S3SyncOptions = {},
): Promise<S3SyncReport> {
  const startedAt = nowIso();
  const target = s3TargetOf(await createStorageRepository(db).get(project.id), project.slug);
  const destination: SyncDestination = {
    projectId: project.id,
    endpointUrl: target.endpointUrl,
    bucket: target.bucket,
  };
  const credentials = options.dryRun
    ? undefined
    : await resolveS3Credentials(db, keys, project.id, target, options.env ?? process.env);
  const { files } = await listProjectFiles(project.root);
  const pending = await changedFiles(db, destination, target, files);
  const report = emptyReport(target, files.length, pending.length, startedAt, options.dryRun ?? false);
  if (options.dryRun) {
    for (const file of pending) {
      report.files.push(describe(file, "would_upload"));
      report.would_upload++;
      report.bytes_would_upload += file.size;
    }
  } else if (credentials && pending.length > 0) {
    const client = createS3Client(target, credentials, options);
    try {
      await uploadAll(client, pending, { db, destination, target, report, options });
    } finally {
      client.destroy();
    }
  }
  report.finished_at = nowIso();
  if (!options.dryRun) await auditSync(db, options.actor ?? null, project.id, report);
  return report;
}

/**
 * Refuses (400) now what a sync of the project would refuse before sending anything: S3 not
 * enabled, no bucket, no credentials, or the server's own credentials for an endpoint they may
 * not go to. A trigger with `storage_sync_s3` calls it, so a run is not paid for first.
 */
export async function checkS3SyncReady(
  db: KromaDb,
  keys: MasterKeySource,
  project: Pick<S3SyncProject, "id" | "slug">,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const target = s3TargetOf(await createStorageRepository(db).get(project.id), project.slug);
  await resolveS3Credentials(db, keys, project.id, target, env);
}

/** Hashes every file (bounded) and keeps those whose size or sha256 differs from the recorded upload. */
async function changedFiles(
  db: KromaDb,
  destination: SyncDestination,
  target: S3Target,
  files: ProjectFile[],
): Promise<Pending[]> {
  const recorded = await createSyncStateRepository(db).objects(destination);
  const digests = await digestFiles(
    files.map((file) => file.absPath),
    8,
  );
  const pending: Pending[] = [];
  files.forEach((file, i) => {
    const digest = digests[i];
    if (!digest) return;
    const key = `${target.keyPrefix}${file.relPath}`;
    const last = recorded.get(key);
    if (last && last.size === digest.size && last.sha256 === digest.sha256) return;
    pending.push({ ...file, size: digest.size, key, sha256: digest.sha256, reason: last ? "changed" : "new" });
  });
  return pending;
}

function emptyReport(
  target: S3Target,
  scanned: number,
  pending: number,
  startedAt: string,
  dryRun: boolean,
): S3SyncReport {
  return {
    dry_run: dryRun,
    bucket: target.bucket,
    key_prefix: target.keyPrefix,
    endpoint_url: target.endpointUrl,
    scanned,
    uploaded: 0,
    would_upload: 0,
    skipped: scanned - pending,
    failed: 0,
    bytes_uploaded: 0,
    bytes_would_upload: 0,
    files: [],
    started_at: startedAt,
    finished_at: startedAt,
  };
}

function describe(file: Pending, status: S3SyncFile["status"], extra: Partial<S3SyncFile> = {}): S3SyncFile {
  return {
    path: file.relPath,
    key: file.key,
    size_bytes: file.size,
    sha256: file.sha256,
    status,
    reason: file.reason,
    ...extra,
  };
}

interface UploadContext {
  db: KromaDb;
  destination: SyncDestination;
  target: S3Target;
  report: S3SyncReport;
  options: S3SyncOptions;
}

/** `concurrency` workers take the next pending file until none is left. */
async function uploadAll(client: S3Client, pending: Pending[], context: UploadContext): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const file = pending[next++] as Pending;
      const result = await uploadOne(client, file, context);
      if (result.status === "uploaded") {
        context.report.uploaded++;
        context.report.bytes_uploaded += file.size;
      } else {
        context.report.failed++;
      }
      context.report.files.push(result);
      await context.options.onFile?.(result);
    }
  };
  const workers = Math.max(1, Math.min(context.options.concurrency ?? 4, pending.length));
  await Promise.all(Array.from({ length: workers }, worker));
}

/**
 * One file: streamed from disk (hashed on the way, so a file that changed since it was hashed is
 * not recorded as the old content), through `Upload` (one PUT, or parts for larger files), then
 * recorded at once. Failures become the file's result, never an exception.
 */
async function uploadOne(client: S3Client, file: Pending, context: UploadContext): Promise<S3SyncFile> {
  const partSize = Math.max(5 * mib, context.options.partSizeBytes ?? 8 * mib);
  const multipart = file.size > partSize;
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk);
      next(null, chunk);
    },
  });
  // A read error destroys `tap` with it, which fails the upload.
  const body = pipeline(createReadStream(file.absPath), tap, () => {});
  try {
    const upload = new Upload({
      client,
      params: { Bucket: context.target.bucket, Key: file.key, Body: body, ContentLength: file.size },
      partSize,
      queueSize: 1,
      leavePartsOnError: false,
    });
    const done = await upload.done();
    if (hash.digest("hex") !== file.sha256) {
      return describe(file, "failed", { multipart, error: "The file changed while it was uploaded; sync again" });
    }
    await createSyncStateRepository(context.db).record(context.destination, {
      key: file.key,
      relPath: file.relPath,
      size: file.size,
      sha256: file.sha256,
      etag: done.ETag ?? null,
    });
    return describe(file, "uploaded", { multipart });
  } catch (error) {
    body.destroy();
    return describe(file, "failed", { multipart, error: uploadError(error) });
  }
}

/** The SDK's error name and message (never credentials: the SDK does not put them in errors). */
function uploadError(error: unknown): string {
  const { name, message, code } = error as { name?: string; message?: string; code?: string };
  const text = message || code || String(error);
  return name && name !== "Error" && !text.startsWith(name) ? `${name}: ${text}` : text;
}

async function auditSync(db: KromaDb, actor: Actor | null, projectId: string, report: S3SyncReport): Promise<void> {
  await recordAudit(db, actor, {
    action: "storage.sync_s3",
    projectId,
    targetType: "project_storage",
    targetId: projectId,
    detail: {
      uploaded: report.uploaded,
      skipped: report.skipped,
      failed: report.failed,
      bytes_uploaded: report.bytes_uploaded,
    },
  });
}
