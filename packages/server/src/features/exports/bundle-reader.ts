import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, stat, statfs } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tarStream from "tar-stream";
import { ApiError, validationError } from "../../core/errors.js";
import { trimChar } from "../../core/trim.js";
import {
  type BundleManifest,
  checkEntryName,
  checkManifest,
  inflationAllowanceBytes,
  invalidBundle,
  type ManifestEntry,
  manifestEntry,
  maxInflationRatio,
  maxManifestBytes,
  parseBundleJson,
} from "./bundle-format.js";

/** A bundle unpacked into a staging directory, every entry checked against the manifest. */
export interface ExtractedBundle {
  /** The staging directory: entries keep their bundle names under it (`records/...`, `files/...`). */
  dir: string;
  manifest: BundleManifest;
}

/**
 * Unpacks a bundle into `stagingDir` (which must exist and be empty) and verifies it before
 * anything else may use it: every entry is a plain file (or directory) with a safe relative name
 * (no `..`, no absolute path, no symlink or hard link), no name repeats, the manifest is valid,
 * and the entries are exactly those the manifest lists with their sizes and sha256. The manifest
 * is cut off at `maxManifestBytes` while it is unpacked, and the sizes it declares must fit what
 * the bundle can hold (`maxInflationRatio`) and the free disk space. A corrupted
 * or truncated bundle, or one that fails any check, throws a validation error saying why; the
 * caller removes the staging directory.
 *
 * @example
 * const { manifest } = await extractBundle("demo.tar.gz", await mkdtemp(join(parent, ".kroma-import-")));
 */
export async function extractBundle(bundlePath: string, stagingDir: string): Promise<ExtractedBundle> {
  const stats = await stat(bundlePath).catch(() => undefined);
  if (!stats?.isFile()) throw validationError(`Bundle '${bundlePath}' is not a file`, { field: "bundle" });
  const { found, manifest } = await unpack(bundlePath, stagingDir, stats.size);
  verifyEntries(manifest, found);
  return { dir: stagingDir, manifest };
}

/**
 * Unpacks the entries, manifest first (the writer puts it there): every later entry must be one
 * the manifest lists, and is cut off as soon as it grows past the size the manifest promises, so
 * a gzip bomb cannot fill the disk before the hashes are compared.
 */
async function unpack(
  bundlePath: string,
  stagingDir: string,
  bundleSize: number,
): Promise<{ found: Map<string, Omit<ManifestEntry, "path">>; manifest: BundleManifest }> {
  const found = new Map<string, Omit<ManifestEntry, "path">>();
  let manifest: BundleManifest | undefined;
  let promised = new Map<string, number>();
  const extract = tarStream.extract();
  const feed = pipeline(createReadStream(bundlePath), createGunzip(), extract);
  feed.catch(() => {}); // its failure surfaces through the iteration below
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type === "directory") {
        checkDirectoryName(name);
        entry.resume();
        continue;
      }
      if (type === "symlink" || type === "link") {
        throw invalidBundle(
          `entry '${name}' is a ${type === "link" ? "hard link" : "symlink"}; bundles hold only files`,
          {
            entry: name,
          },
        );
      }
      if (type !== "file") throw invalidBundle(`entry '${name}' has unsupported type '${type}'`, { entry: name });
      checkEntryName(name);
      if (found.has(name)) throw invalidBundle(`entry '${name}' appears twice`, { entry: name });
      if (manifest === undefined) {
        if (name !== manifestEntry) throw invalidBundle("it has no manifest.json as its first entry");
        found.set(name, await writeEntry(stagingDir, name, entry, maxManifestBytes, manifestTooLarge));
        manifest = await readManifest(stagingDir);
        await checkDeclaredSizes(manifest, bundleSize, stagingDir);
        promised = new Map(manifest.entries.map((listed) => [listed.path, listed.size]));
        continue;
      }
      const limit = promised.get(name);
      if (limit === undefined) throw invalidBundle(`entry '${name}' is not listed in manifest.json`, { entry: name });
      found.set(name, await writeEntry(stagingDir, name, entry, limit));
    }
    await feed;
  } catch (error) {
    extract.destroy();
    throw asBundleError(error);
  }
  if (manifest === undefined) throw invalidBundle("it has no manifest.json");
  return { found, manifest };
}

function checkDirectoryName(raw: string): void {
  // A PAX header can make an entry name as long as it likes: trimmed by index (see trimChar).
  const name = trimChar(raw, "/", "end");
  if (name === "records" || name === "files") return;
  checkEntryName(name);
}

/** Streams one entry to its staging file, hashing it; the name was checked, and is checked again here. */
async function writeEntry(
  stagingDir: string,
  name: string,
  entry: AsyncIterable<unknown>,
  maxBytes: number,
  tooLarge: () => Error = () =>
    invalidBundle(`entry '${name}' is larger than manifest.json says (corrupted)`, { entry: name }),
): Promise<Omit<ManifestEntry, "path">> {
  const target = join(stagingDir, name);
  const rel = relative(stagingDir, target);
  if (rel.startsWith("..") || isAbsolute(rel)) throw invalidBundle(`entry '${name}' leads outside the bundle`);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch {
    throw invalidBundle(`entry '${name}' conflicts with another entry`, { entry: name });
  }
  const hash = createHash("sha256");
  let size = 0;
  const out = createWriteStream(target, { flags: "wx" });
  try {
    for await (const chunk of entry) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      if (!out.write(chunk)) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close").catch(() => {});
  }
  return { size, sha256: hash.digest("hex") };
}

/** Our own errors pass; a filesystem error stays what it is; anything else means the bytes are bad. */
function asBundleError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if ((error as NodeJS.ErrnoException).syscall) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST" || (error as NodeJS.ErrnoException).code === "ENOTDIR") {
      return invalidBundle("two entries name the same path");
    }
    return error;
  }
  return invalidBundle(`the file is corrupted or truncated (${(error as Error).message})`);
}

async function readManifest(stagingDir: string): Promise<BundleManifest> {
  return checkManifest(parseBundleJson(await readFile(join(stagingDir, manifestEntry), "utf8"), manifestEntry));
}

const manifestTooLarge = () =>
  invalidBundle(`manifest.json is larger than ${maxManifestBytes} bytes, the most a bundle's manifest may be`, {
    entry: manifestEntry,
    max_bytes: maxManifestBytes,
  });

/**
 * The entries the manifest declares must fit in what a bundle of this size can plausibly hold
 * (`maxInflationRatio`) and in the free space of the staging disk, or nothing more is unpacked.
 */
async function checkDeclaredSizes(manifest: BundleManifest, bundleSize: number, stagingDir: string): Promise<void> {
  const declared = manifest.entries.reduce((sum, entry) => sum + entry.size, 0);
  const plausible = bundleSize * maxInflationRatio + inflationAllowanceBytes;
  if (declared > plausible) {
    throw invalidBundle(
      `manifest.json declares ${declared} bytes of entries, more than a ${bundleSize}-byte bundle can hold (at most ${maxInflationRatio} times its size plus ${inflationAllowanceBytes} bytes)`,
      { declared_bytes: declared, max_bytes: plausible },
    );
  }
  const disk = await statfs(stagingDir).catch(() => undefined);
  const free = disk ? disk.bavail * disk.bsize : Number.POSITIVE_INFINITY;
  if (declared > free) {
    throw invalidBundle(
      `manifest.json declares ${declared} bytes of entries, more than the ${free} bytes free to stage them`,
      {
        declared_bytes: declared,
      },
    );
  }
}

/** Exactly the manifest's entries, each with the size and sha256 it promises. */
function verifyEntries(manifest: BundleManifest, found: Map<string, Omit<ManifestEntry, "path">>): void {
  const listed = new Set<string>();
  for (const expected of manifest.entries) {
    if (listed.has(expected.path)) throw invalidBundle(`manifest.json lists '${expected.path}' twice`);
    listed.add(expected.path);
    const actual = found.get(expected.path);
    if (!actual) throw invalidBundle(`entry '${expected.path}' is missing`, { entry: expected.path });
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw invalidBundle(`entry '${expected.path}' does not match its sha256 in manifest.json (corrupted)`, {
        entry: expected.path,
        expected_sha256: expected.sha256,
        actual_sha256: actual.sha256,
      });
    }
  }
  for (const name of found.keys()) {
    if (name !== manifestEntry && !listed.has(name)) {
      throw invalidBundle(`entry '${name}' is not listed in manifest.json`, { entry: name });
    }
  }
}
