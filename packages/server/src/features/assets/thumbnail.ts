import { createHash, randomUUID } from "node:crypto";
import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { ApiError } from "../../core/errors.js";
import { partialMarker } from "../exports/project-files.js";
import { type ConfinedFile, openInsideRoot, readRange, type VerifiedFile } from "./asset-file.js";

/** The sizes a thumbnail is made in (the spec's `size` enum): a few, so the cache stays small. */
export type ThumbnailSize = 128 | 256 | 512;

/**
 * Most pixels a source image may have. Decoding allocates about 4 bytes a pixel before any
 * shrinking (PNG has no shrink-on-load), so a small file claiming huge dimensions (a pixel bomb)
 * is refused from its header instead.
 */
export const maxThumbnailInputPixels = 100_000_000;

/** Where a project keeps thumbnails, relative to its root; exports and S3 sync leave `.kroma/cache` out. */
export const thumbnailDir = ".kroma/cache/thumbnails";

export const thumbnailEtag = (sha256: string, size: ThumbnailSize) => `"${sha256}-${size}"`;

/**
 * Makes WebP thumbnails of verified asset files and keeps them under the project's
 * `.kroma/cache/thumbnails/<sha256>-<size>.webp`: the name is the source's hash, so an entry is
 * never stale and is reused by every asset with the same bytes. Written to a temporary name and
 * renamed, a reader never sees half a file. Two requests for one missing thumbnail make it once.
 */
export class Thumbnails {
  readonly #making = new Map<string, Promise<Buffer>>();

  /** The thumbnail's bytes, from the cache or made now from `source` (whose handle stays the caller's). */
  async get(root: string, source: VerifiedFile, size: ThumbnailSize): Promise<Buffer> {
    const relPath = `${thumbnailDir}/${source.sha256}-${size}.webp`;
    const cached = await readCached(root, relPath);
    if (cached) return cached;
    const pending = this.#making.get(relPath);
    if (pending) return pending;
    const making = makeAndStore(root, relPath, source, size).finally(() => this.#making.delete(relPath));
    this.#making.set(relPath, making);
    return making;
  }
}

/** The cached thumbnail, read inside the root (a symlink planted in its place is refused), or undefined. */
async function readCached(root: string, relPath: string): Promise<Buffer | undefined> {
  let file: ConfinedFile;
  try {
    file = await openInsideRoot(root, relPath);
  } catch (error) {
    if (error instanceof ApiError && error.code === "asset_file_missing") return undefined;
    throw error;
  }
  try {
    return await file.handle.readFile();
  } finally {
    await file.handle.close();
  }
}

async function makeAndStore(root: string, relPath: string, source: VerifiedFile, size: ThumbnailSize) {
  const bytes = await readVerified(source);
  const thumbnail = await makeThumbnail(bytes, size);
  await store(root, relPath, thumbnail);
  return thumbnail;
}

/** The source's bytes, hashed again as read: what is thumbnailed is exactly what was recorded. */
async function readVerified(source: VerifiedFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash("sha256");
  if (source.size > 0) {
    await readRange(source.handle, 0, source.size - 1, (chunk) => {
      chunks.push(Buffer.from(chunk));
      hash.update(chunk);
    });
  }
  const actual = hash.digest("hex");
  if (actual !== source.sha256) {
    throw new ApiError(
      "validation",
      "asset_file_changed",
      `The asset's file '${source.relPath}' changed while it was read: its sha256 is ${actual}, the record says ${source.sha256}`,
      { path: source.relPath, expected_sha256: source.sha256, actual_sha256: actual },
    );
  }
  return Buffer.concat(chunks);
}

/**
 * A WebP fitting `size` x `size`, never enlarged. sharp shrinks JPEG and WebP while decoding
 * (shrink-on-load) when the output is much smaller, so a large photo is never decoded whole.
 */
async function makeThumbnail(bytes: Buffer, size: ThumbnailSize): Promise<Buffer> {
  const options = { limitInputPixels: maxThumbnailInputPixels, failOn: "error" } as const;
  let metadata: sharp.Metadata;
  try {
    // Only the header is read here, so no limit is needed to learn the dimensions to refuse.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > maxThumbnailInputPixels) throw tooLarge(metadata.width ?? 0, metadata.height ?? 0);
  try {
    return await sharp(bytes, options)
      .rotate()
      .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooLarge(metadata.width ?? 0, metadata.height ?? 0);
    throw notAnImage();
  }
}

const notAnImage = () =>
  new ApiError("validation", "not_an_image", "The asset's file is not an image the server can read");

const tooLarge = (width: number, height: number) =>
  new ApiError(
    "validation",
    "image_too_large",
    `The image is ${width}x${height} pixels; thumbnails are made of images of at most ${maxThumbnailInputPixels} pixels`,
    { width, height, max_pixels: maxThumbnailInputPixels },
  );

/**
 * Writes the thumbnail under the root, atomically (temporary name, then rename). Only into the
 * root's own `.kroma/cache/thumbnails`: when a part of that path is a symlink the thumbnail is
 * served but not kept, so no write ever lands outside the root.
 */
async function store(root: string, relPath: string, bytes: Buffer): Promise<void> {
  const realRoot = await realpath(root);
  if (!(await plainDirs(realRoot, thumbnailDir.split("/")))) return;
  const realDir = join(realRoot, thumbnailDir);
  const name = relPath.slice(thumbnailDir.length + 1);
  // The partial marker keeps walks (exports, sync) away from a file being written.
  const temp = join(realDir, `${name}${partialMarker}${randomUUID()}`);
  try {
    await writeFile(temp, bytes, { flag: "wx", mode: 0o644 });
    await rename(temp, join(realDir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Creates `parts` under `base` one directory at a time, each checked with `lstat` to be a real
 * directory (not a symlink), so nothing is created outside the root. False when one is not.
 */
async function plainDirs(base: string, parts: string[]): Promise<boolean> {
  let dir = base;
  for (const part of parts) {
    dir = join(dir, part);
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    const stats = await lstat(dir);
    if (!stats.isDirectory()) return false;
  }
  return true;
}
