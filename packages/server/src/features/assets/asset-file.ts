import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { isInside } from "@kroma/pipeline";
import { ApiError } from "../../core/errors.js";
import { VersionedCache } from "../../core/versioned-cache.js";
import { isPlainRelative } from "./asset-location.js";

/** The fields of an asset record that name and check its file. */
export interface AssetFileRecord {
  id: string;
  rel_path: string | null;
  sha256: string | null;
}

/** A file opened inside a project root: read only from `handle` (the caller closes it). */
export interface ConfinedFile {
  handle: FileHandle;
  size: number;
  /** Relative to the project root, as the record names it. */
  relPath: string;
  /** Device, inode, size, mtime and ctime: the same identity means the same bytes were hashed. */
  identity: string;
}

/** An asset's file, opened and proven to hash to the record's sha256. */
export interface VerifiedFile extends ConfinedFile {
  sha256: string;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

// O_NOFOLLOW: a symlink put in the file's place fails the open (ELOOP) instead of being followed.
// O_NONBLOCK: a FIFO put there does not hang the open waiting for a writer (it is refused below).
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const missing = (relPath: string, why: string) =>
  new ApiError("validation", "asset_file_missing", `The asset's file '${relPath}' ${why}`, { path: relPath });
const outside = (relPath: string, why: string) =>
  new ApiError("policy", "asset_file_outside_root", `The asset's file '${relPath}' ${why}`, { path: relPath });

/**
 * Opens `relPath` under `root` only if it is inside the root when opened: its real path must lie
 * under the root's real path (a symlink leading out is refused, one staying inside is fine), the
 * last component is opened with `O_NOFOLLOW`, and the handle must be the very file the path still
 * resolves to, so a component swapped for a symlink between the check and the open is caught.
 * A file that is not there is `asset_file_missing` (404); one leading out `asset_file_outside_root` (409).
 */
export async function openInsideRoot(root: string, relPath: string): Promise<ConfinedFile> {
  if (!isPlainRelative(relPath)) {
    throw outside(relPath, "is not a path inside the project root");
  }
  const realRoot = await realpath(root).catch(() => undefined);
  if (realRoot === undefined) throw missing(relPath, "is gone: the project root does not exist");
  const named = resolve(root, relPath);
  const real = await resolveReal(named, relPath);
  if (!isInside(realRoot, real)) throw outside(relPath, "leads outside the project root through a symlink");
  let handle: FileHandle;
  try {
    handle = await open(real, openFlags);
  } catch (error) {
    throw openFailure(error, relPath);
  }
  try {
    const opened = await handle.stat({ bigint: true });
    if (!opened.isFile()) throw missing(relPath, "is not a regular file");
    const again = await realpath(named).catch(() => undefined);
    const now = again === undefined ? undefined : await stat(again, { bigint: true }).catch(() => undefined);
    if (again !== real || now?.dev !== opened.dev || now?.ino !== opened.ino) {
      throw outside(relPath, "changed while it was opened");
    }
    const identity = [opened.dev, opened.ino, opened.size, opened.mtimeNs, opened.ctimeNs].join(":");
    return { handle, size: Number(opened.size), relPath, identity };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function resolveReal(path: string, relPath: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    throw openFailure(error, relPath);
  }
}

function openFailure(error: unknown, relPath: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return missing(relPath, "is gone");
  if (code === "ELOOP" || code === "EMLINK") return outside(relPath, "is a symlink (or a symlink loop), not the file");
  if (code === "ENXIO") return missing(relPath, "is not a regular file");
  return error instanceof Error ? error : new Error(String(error));
}

/** Calls `onChunk` with the bytes `start..end` (inclusive) of the open file, in order. */
export async function readRange(
  handle: FileHandle,
  start: number,
  end: number,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (let position = start; position <= end; ) {
    const length = Math.min(buffer.length, end - position + 1);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    if (bytesRead === 0) throw new Error("The file got shorter while it was read");
    await onChunk(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/** sha256 (hex) of the whole open file. */
async function hashFile(file: ConfinedFile): Promise<string> {
  const hash = createHash("sha256");
  if (file.size > 0) await readRange(file.handle, 0, file.size - 1, (chunk) => void hash.update(chunk));
  return hash.digest("hex");
}

/**
 * Opens asset files and proves their bytes are the record's. Hashing a file on every request
 * would read it twice per download, so the hash is remembered per file identity (device, inode,
 * size, mtime, ctime): any write changes the identity and the next request hashes again.
 */
export class AssetFileVerifier {
  // The hash of a given identity never changes, so the cache's version is constant; the limit
  // bounds the memory (about 200 bytes an entry).
  readonly #hashes = new VersionedCache<string>(() => "", 10_000);

  /** The asset's file, open and verified; refused (404/409) when missing, outside the root, unverifiable or changed. */
  async open(root: string, asset: AssetFileRecord): Promise<VerifiedFile> {
    if (!asset.rel_path) {
      throw new ApiError("validation", "asset_file_missing", `Asset '${asset.id}' has no file`, { path: null });
    }
    const expected = asset.sha256?.toLowerCase();
    if (!expected || !sha256Pattern.test(expected)) {
      throw new ApiError(
        "validation",
        "asset_unverifiable",
        `Asset '${asset.id}' has no sha256 to check its file '${asset.rel_path}' against, so it is not served`,
        { path: asset.rel_path },
      );
    }
    const file = await openInsideRoot(root, asset.rel_path);
    try {
      const actual = await this.#hashes.get(file.identity, () => hashFile(file));
      if (actual !== expected) {
        throw new ApiError(
          "validation",
          "asset_file_changed",
          `The asset's file '${file.relPath}' changed since it was recorded: its sha256 is ${actual}, the record says ${expected}`,
          { path: file.relPath, expected_sha256: expected, actual_sha256: actual },
        );
      }
      return { ...file, sha256: expected };
    } catch (error) {
      await file.handle.close();
      throw error;
    }
  }

  /** Whether the open file still has the identity it was verified with (no write since). */
  static async unchanged(file: ConfinedFile): Promise<boolean> {
    const now = await file.handle.stat({ bigint: true }).catch(() => undefined);
    return now !== undefined && [now.dev, now.ino, now.size, now.mtimeNs, now.ctimeNs].join(":") === file.identity;
  }
}
