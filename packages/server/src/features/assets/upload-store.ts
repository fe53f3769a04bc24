import { randomUUID } from "node:crypto";
import { access, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { type Actor, inTransaction, recordAudit } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import { auditEntry } from "../../core/project-lookup.js";
import { nowIso } from "../../core/time.js";
import { partialMarker } from "../exports/project-files.js";
import { receiveUpload } from "./upload-body.js";
import { ensureUploadDir, removeEmptyDirs } from "./upload-dirs.js";
import { inspectUpload } from "./upload-image.js";
import type { UploadLimits } from "./upload-limits.js";
import { createUploadRepository, uploadsDir } from "./upload-repository.js";

export interface UploadTarget {
  db: Kysely<Database>;
  projectId: string;
  /** The project root (absolute). */
  root: string;
  limits: UploadLimits;
  actor: Actor | null;
}

/** The stored asset's id, and whether it was stored before (the same bytes, as the same kind). */
export interface StoredUpload {
  assetId: string;
  deduplicated: boolean;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Receives an uploaded image and keeps it as an asset: streamed to a temporary file under the
 * project's `.kroma/tmp/` (named so exports skip it), checked with sharp, then renamed to
 * `uploads/<kind>/<sha256>.<ext>` and recorded with its audit event in one transaction. The same
 * bytes of the same kind answer the asset already recorded. On any failure the temporary file
 * and every directory this upload created are removed: nothing stays on disk.
 */
export async function storeUpload(
  target: UploadTarget,
  request: Request,
  options: { kind: "scene" | "reference"; name?: string },
): Promise<StoredUpload> {
  const tmpDir = join(target.root, ".kroma", "tmp");
  const created = await ensureUploadDir(target.root, tmpDir);
  const tmp = join(tmpDir, `upload${partialMarker}${randomUUID()}`);
  let placed: string | undefined;
  try {
    const received = await receiveUpload(request, tmp, { name: options.name });
    const image = await inspectUpload(tmp, received.declaredType, target.limits.maxPixels);
    const relPath = `${uploadsDir(options.kind)}/${received.sha256}.${image.ext}`;
    created.push(...(await ensureUploadDir(target.root, join(target.root, uploadsDir(options.kind)))));
    // Named by content: a file already there holds these very bytes, and is kept as it is.
    const placeFile = async (rel: string) => {
      const path = join(target.root, rel);
      if (await exists(path)) return;
      await rename(tmp, path);
      placed = path;
    };
    const stored = await inTransaction(target.db, async (trx) => {
      const uploads = createUploadRepository(trx);
      const existing = await uploads.findUpload(target.projectId, options.kind, received.sha256);
      if (existing) {
        // Its file may have been deleted since: these bytes restore it.
        await placeFile(existing.rel_path ?? relPath);
        return { assetId: existing.id, deduplicated: true };
      }
      const id = randomUUID();
      await uploads.insert({
        id,
        project_id: target.projectId,
        kind: "image",
        asset_kind: options.kind,
        storage_uri: pathToFileURL(join(target.root, relPath)).href,
        rel_path: relPath,
        storage_backend: "local",
        mime_type: image.mimeType,
        width: image.width,
        height: image.height,
        sha256: received.sha256,
        metadata_json: toJsonText({ size_bytes: received.size }),
        created_at: nowIso(),
        original_name: received.name,
      });
      await recordAudit(
        trx,
        target.actor,
        auditEntry(target.projectId, "asset", "upload", id, {
          asset_kind: options.kind,
          sha256: received.sha256,
          size_bytes: received.size,
          rel_path: relPath,
        }),
      );
      // Last, so a failed insert leaves no file; a failed rename rolls the insert back.
      await placeFile(relPath);
      return { assetId: id, deduplicated: false };
    });
    placed = undefined;
    return stored;
  } catch (error) {
    if (placed) await rm(placed, { force: true });
    await rm(tmp, { force: true });
    await removeEmptyDirs(created);
    throw error;
  } finally {
    await rm(tmp, { force: true });
  }
}
