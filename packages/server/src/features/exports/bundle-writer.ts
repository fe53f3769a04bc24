import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import {
  type FileHandle,
  link,
  lstat,
  mkdtemp,
  open,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { digestFile } from "@kroma/pipeline";
import tarStream from "tar-stream";
import type { KromaDb } from "../../core/db/database.js";
import { conflict } from "../../core/errors.js";
import { nowIso } from "../../core/time.js";
import {
  type BundleManifest,
  bundleFormat,
  bundleSchemaVersion,
  filesPrefix,
  type ManifestEntry,
  manifestEntry,
  maxManifestBytes,
  pipelineSettingsPath,
  projectRecordEntry,
} from "./bundle-format.js";
import { bundleTables, readProjectBundleRecord, recordsEntry, writeRecordFiles } from "./bundle-records.js";
import {
  listProjectFiles,
  openListedFile,
  type ProjectFile,
  type ProjectFileListing,
  partialMarker,
  type SkippedFile,
} from "./project-files.js";

export interface WriteBundleOptions {
  db: KromaDb;
  projectId: string;
  projectRoot: string;
  /** Where the bundle goes (absolute); it must not exist yet. Its directory is created. */
  outputPath: string;
  includeFiles: boolean;
  /** Written into the manifest (`kroma_version`). */
  version: string;
  /**
   * Put in the names of the temporary files (the export's id), so a clean-up after a crash can
   * tell whose they are (see `bundleTemporaries`). Default: random.
   */
  partialTag?: string;
  /** Test seams; default: those set with `setBundleWriterHooks`, if any. */
  hooks?: BundleWriterHooks;
}

/**
 * Points between the steps of an export where a test can act (e.g. swap a listed file for a
 * symlink), so races are reproduced on cue instead of with sleeps. Never set in production.
 */
export interface BundleWriterHooks {
  /** After the walk, before any file is opened. */
  filesListed?(files: readonly ProjectFile[]): void | Promise<void>;
  /** After every file was hashed for the manifest, before packing starts. */
  filesHashed?(files: readonly ProjectFile[]): void | Promise<void>;
}

let testHooks: BundleWriterHooks | undefined;

/** Sets (or with `undefined` clears) the hooks every export without its own uses; for tests. */
export function setBundleWriterHooks(hooks: BundleWriterHooks | undefined): void {
  testHooks = hooks;
}

export interface WrittenBundle {
  path: string;
  size: number;
  sha256: string;
  manifest: BundleManifest;
}

/** A file to put in the bundle, with the digest the manifest promises for it. */
interface PlannedEntry extends ManifestEntry {
  absPath: string;
  /** For project files: what the walk saw, checked again when the file is opened for packing. */
  file?: ProjectFile;
}

/** Bundles are private to the server's user: they hold every record of the project. */
const bundleMode = 0o600;

/** A file packed but found changed: the pack starts again without it. */
class FileChanged extends Error {
  constructor(readonly entry: PlannedEntry) {
    super(`File '${entry.path}' changed while it was being exported`);
  }
}

/** How often a pack starts again without files found changed, before the export gives up. */
const maxPackAttempts = 5;

/**
 * The temporary files an export writing `outputPath` makes beside it: the bundle being written
 * (`.<name>.kroma-partial-<tag>`) and the records directory (`.kroma-partial-records-<tag>-*`).
 * The sweep of abandoned work removes them by these names.
 */
export function bundleTemporaries(outputPath: string, tag: string) {
  return {
    dir: dirname(outputPath),
    partialFile: `.${basename(outputPath)}${partialMarker}${tag}`,
    recordsDirPrefix: `${partialMarker}records-${tag}-`,
  };
}

/**
 * Writes a project bundle (see `bundle-format.ts`) as a stream: records are dumped page by page
 * to temporary JSON Lines files, every file is hashed for the manifest, then manifest, records
 * and files are packed and gzipped straight to a temporary file beside the output (mode 0600),
 * which is renamed into place once complete. Nothing is ever held whole in memory.
 *
 * Files are never read through a symlink: each is opened with `O_NOFOLLOW` and its handle must be
 * the very file the walk listed (device and inode); one swapped in the meantime is left out and
 * reported in the manifest's `skipped` (`symlink`, `changed_during_export`). When a file is found
 * changed while packing (the manifest already promised its digest), the pack starts again
 * without it; the bytes packed are always those hashed, read from a handle checked the same way.
 *
 * @example
 * const bundle = await writeBundle({ db, projectId, projectRoot, outputPath, includeFiles: true, version });
 * bundle.sha256; // of the .tar.gz
 */
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const hooks = options.hooks ?? testHooks ?? {};
  const temporaries = bundleTemporaries(options.outputPath, options.partialTag ?? randomBytes(4).toString("hex"));
  const work = await mkdtemp(join(temporaries.dir, temporaries.recordsDirPrefix));
  const partial = join(temporaries.dir, temporaries.partialFile);
  try {
    const listing = await projectFilesToBundle(options);
    await hooks.filesListed?.(listing.files);
    const planned = await planFiles(listing.files, listing.realRoot);
    const skipped = [...listing.skipped, ...planned.skipped].sort((a, b) => (a.path < b.path ? -1 : 1));
    let fileEntries = planned.entries;
    const { recordEntries, counts, slug, name } = await dumpRecords(options, work);
    await hooks.filesHashed?.(listing.files);
    for (let attempt = 1; ; attempt++) {
      const manifest: BundleManifest = {
        format: bundleFormat,
        schema_version: bundleSchemaVersion,
        created_at: nowIso(),
        kroma_version: options.version,
        project: { slug, name },
        include_files: options.includeFiles,
        counts,
        files: fileEntries.length,
        files_bytes: fileEntries.reduce((sum, entry) => sum + entry.size, 0),
        skipped,
        entries: [...recordEntries, ...fileEntries].map(({ path, size, sha256 }) => ({ path, size, sha256 })),
      };
      try {
        const { size, sha256 } = await packBundle(
          partial,
          manifest,
          [...recordEntries, ...fileEntries],
          listing.realRoot,
        );
        await placeWithoutOverwrite(partial, options.outputPath);
        return { path: options.outputPath, size, sha256, manifest };
      } catch (error) {
        if (!(error instanceof FileChanged) || attempt >= maxPackAttempts) throw asExportError(error);
        await rm(partial, { force: true });
        fileEntries = fileEntries.filter((entry) => entry !== error.entry);
        skipped.push({ path: error.entry.path.slice(filesPrefix.length), reason: "changed_during_export" });
        skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

function asExportError(error: unknown): unknown {
  if (!(error instanceof FileChanged)) return error;
  const path = error.entry.path.slice(filesPrefix.length);
  return conflict(`File '${path}' changed while it was being exported; export again`, { path: error.entry.path });
}

/**
 * With `include_files`, every project file but the exports directory (and the output's own
 * directory when it lies inside the project); otherwise only the pipeline settings file.
 */
async function projectFilesToBundle(options: WriteBundleOptions): Promise<ProjectFileListing> {
  if (options.includeFiles) {
    const outDir = relative(options.projectRoot, dirname(options.outputPath)).split("\\").join("/");
    const insideRoot = outDir !== "" && !outDir.startsWith("..") && !outDir.startsWith("/");
    return listProjectFiles(options.projectRoot, { exclude: ["exports", ...(insideRoot ? [outDir] : [])] });
  }
  const absPath = join(options.projectRoot, pipelineSettingsPath);
  const stats = await lstat(absPath, { bigint: true }).catch(() => undefined);
  if (!stats?.isFile()) return { files: [], skipped: [] };
  const file = { relPath: pipelineSettingsPath, absPath, size: Number(stats.size), dev: stats.dev, ino: stats.ino };
  return { files: [file], skipped: [], realRoot: await realpath(options.projectRoot) };
}

/** Hashes every listed file from a checked handle (8 at a time); files that changed are skipped. */
async function planFiles(
  files: readonly ProjectFile[],
  realRoot: string | undefined,
): Promise<{ entries: PlannedEntry[]; skipped: SkippedFile[] }> {
  const results: Array<PlannedEntry | SkippedFile> = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as ProjectFile;
      const opened = await openListedFile(file, realRoot);
      if ("skipped" in opened) {
        results[i] = opened.skipped;
        continue;
      }
      try {
        const { size, sha256 } = await hashHandle(opened.handle);
        results[i] = { path: `${filesPrefix}${file.relPath}`, absPath: file.absPath, size, sha256, file };
      } finally {
        await opened.handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  const entries: PlannedEntry[] = [];
  const skipped: SkippedFile[] = [];
  for (const result of results) {
    if ("sha256" in result) entries.push(result);
    else skipped.push(result);
  }
  return { entries, skipped };
}

const chunkSize = 256 * 1024;

/** Reads an open file from its start, up to `limit` bytes (default: to its end), chunk by chunk. */
async function* readHandle(handle: FileHandle, limit = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
  let position = 0;
  while (position < limit) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, limit - position));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

async function hashHandle(handle: FileHandle): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of readHandle(handle)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** The project record and every table's rows, in one read transaction so they agree with each other. */
async function dumpRecords(options: WriteBundleOptions, work: string) {
  return options.db.transaction().execute(async (trx) => {
    const record = await readProjectBundleRecord(trx, options.projectId);
    const projectPath = join(work, "project.json");
    await writeFile(projectPath, `${JSON.stringify(record, null, 2)}\n`, { flag: "wx" });
    const counts = await writeRecordFiles(trx, options.projectId, work);
    const recordEntries: PlannedEntry[] = [];
    const add = async (path: string, absPath: string) => {
      const { size, sha256 } = await digestFile(absPath);
      recordEntries.push({ path, absPath, size, sha256 });
    };
    await add(projectRecordEntry, projectPath);
    for (const table of bundleTables) await add(recordsEntry(table), join(work, `${table}.jsonl`));
    return {
      recordEntries,
      counts: counts as Record<string, number>,
      slug: record.project.slug,
      name: record.project.name,
    };
  });
}

/** Packs manifest and entries into `path` (tar, gzipped); returns the bundle's size and sha256. */
async function packBundle(
  path: string,
  manifest: BundleManifest,
  entries: PlannedEntry[],
  realRoot: string | undefined,
) {
  const pack = tarStream.pack();
  const hash = createHash("sha256");
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(pack, createGzip(), measure, createWriteStream(path, { flags: "wx", mode: bundleMode }));
  try {
    await addBytes(pack, manifestEntry, manifestBytesOf(manifest));
    for (const entry of entries) await addFile(pack, entry, realRoot);
    pack.finalize();
    await written;
  } catch (error) {
    pack.destroy(error as Error);
    await written.catch(() => {});
    throw error;
  }
  const handle = await open(path, "r+");
  await handle.sync().finally(() => handle.close());
  return { size, sha256: hash.digest("hex") };
}

type Pack = ReturnType<typeof tarStream.pack>;

function openEntry(pack: Pack, header: { name: string; size: number; mtime?: Date }) {
  let settle: (error?: Error | null) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  // Handled here too: an entry abandoned when the export fails must not become an unhandled rejection.
  finished.catch(() => {});
  const entry = pack.entry({ ...header, mode: 0o644, type: "file" }, (error) => settle(error));
  return { entry, finished };
}

async function addBytes(pack: Pack, name: string, bytes: Buffer): Promise<void> {
  const { entry, finished } = openEntry(pack, { name, size: bytes.length });
  entry.end(bytes);
  await finished;
}

/** The manifest as the bundle holds it; one larger than import reads is refused here already. */
function manifestBytesOf(manifest: BundleManifest): Buffer {
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  if (bytes.length > maxManifestBytes) {
    throw conflict(
      `The bundle's manifest.json would be ${bytes.length} bytes, more than import reads (${maxManifestBytes}); the project has too many files for one bundle`,
    );
  }
  return bytes;
}

/**
 * Streams exactly the bytes the manifest promises, hashing as it goes, from a handle checked to
 * be the file the walk listed (records files are the export's own, in its private directory).
 */
async function addFile(pack: Pack, planned: PlannedEntry, realRoot: string | undefined): Promise<void> {
  const handle = planned.file ? await openChecked(planned, realRoot) : await open(planned.absPath, "r");
  try {
    const { mtime } = await handle.stat();
    const { entry, finished } = openEntry(pack, { name: planned.path, size: planned.size, mtime });
    const hash = createHash("sha256");
    let read = 0;
    for await (const chunk of readHandle(handle, planned.size)) {
      hash.update(chunk);
      read += chunk.length;
      if (!entry.write(chunk)) await once(entry, "drain");
    }
    if (read !== planned.size || hash.digest("hex") !== planned.sha256) throw new FileChanged(planned);
    entry.end(Buffer.alloc(0));
    await finished;
  } finally {
    await handle.close();
  }
}

async function openChecked(planned: PlannedEntry, realRoot: string | undefined): Promise<FileHandle> {
  const opened = await openListedFile(planned.file as ProjectFile, realRoot);
  if ("skipped" in opened) throw new FileChanged(planned);
  return opened.handle;
}

/** Moves the finished bundle into place; an existing file there is never replaced. */
async function placeWithoutOverwrite(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    await unlink(from);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw conflict(`Export output '${to}' already exists`, { field: "output" });
    // Filesystems without hard links: check, then rename (the window is the rename itself).
    if (await stat(to).catch(() => undefined))
      throw conflict(`Export output '${to}' already exists`, { field: "output" });
    await rename(from, to);
  }
}
