import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { link, lstat, mkdtemp, open, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { digestFile, digestFiles } from "@kroma/pipeline";
import tarStream from "tar-stream";
import type { KromaDb } from "../db/database.js";
import { conflict } from "../errors.js";
import { nowIso } from "../time.js";
import {
  type BundleManifest,
  bundleFormat,
  bundleSchemaVersion,
  filesPrefix,
  type ManifestEntry,
  manifestEntry,
  pipelineSettingsPath,
  projectRecordEntry,
} from "./bundle-format.js";
import { bundleTables, readProjectBundleRecord, recordsEntry, writeRecordFiles } from "./bundle-records.js";
import { listProjectFiles, type ProjectFile, partialMarker, type SkippedFile } from "./project-files.js";

export interface WriteBundleOptions {
  db: KromaDb;
  projectId: string;
  projectRoot: string;
  /** Where the bundle goes (absolute); it must not exist yet. Its directory is created. */
  outputPath: string;
  includeFiles: boolean;
  /** Written into the manifest (`kroma_version`). */
  version: string;
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
}

/**
 * Writes a project bundle (see `bundle-format.ts`) as a stream: records are dumped page by page
 * to temporary JSON Lines files, every file is hashed for the manifest, then manifest, records
 * and files are packed and gzipped straight to a temporary file beside the output, which is
 * renamed into place once complete. Nothing is ever held whole in memory; a file that changes
 * between hashing and packing fails the export (the manifest would lie) and leaves nothing behind.
 *
 * @example
 * const bundle = await writeBundle({ db, projectId, projectRoot, outputPath, includeFiles: true, version });
 * bundle.sha256; // of the .tar.gz
 */
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const outDir = dirname(options.outputPath);
  const work = await mkdtemp(join(outDir, `${partialMarker}records-`));
  const partial = join(outDir, `.${basename(options.outputPath)}${partialMarker}${randomBytes(4).toString("hex")}`);
  try {
    const { files, skipped } = await projectFilesToBundle(options);
    const fileEntries = await planFiles(files);
    const { recordEntries, counts, slug, name } = await dumpRecords(options, work);
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
    const { size, sha256 } = await packBundle(partial, manifest, [...recordEntries, ...fileEntries]);
    await placeWithoutOverwrite(partial, options.outputPath);
    return { path: options.outputPath, size, sha256, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/**
 * With `include_files`, every project file but the exports directory (and the output's own
 * directory when it lies inside the project); otherwise only the pipeline settings file.
 */
async function projectFilesToBundle(
  options: WriteBundleOptions,
): Promise<{ files: ProjectFile[]; skipped: SkippedFile[] }> {
  if (options.includeFiles) {
    const outDir = relative(options.projectRoot, dirname(options.outputPath)).split("\\").join("/");
    const insideRoot = outDir !== "" && !outDir.startsWith("..") && !outDir.startsWith("/");
    return listProjectFiles(options.projectRoot, { exclude: ["exports", ...(insideRoot ? [outDir] : [])] });
  }
  const absPath = join(options.projectRoot, pipelineSettingsPath);
  const stats = await lstat(absPath).catch(() => undefined);
  return { files: stats?.isFile() ? [{ relPath: pipelineSettingsPath, absPath, size: stats.size }] : [], skipped: [] };
}

async function planFiles(files: ProjectFile[]): Promise<PlannedEntry[]> {
  const digests = await digestFiles(
    files.map((file) => file.absPath),
    8,
  );
  return files.map((file, i) => ({
    path: `${filesPrefix}${file.relPath}`,
    absPath: file.absPath,
    size: digests[i]?.size ?? 0,
    sha256: digests[i]?.sha256 ?? "",
  }));
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
async function packBundle(path: string, manifest: BundleManifest, entries: PlannedEntry[]) {
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
  const written = pipeline(pack, createGzip(), measure, createWriteStream(path, { flags: "wx" }));
  try {
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await addBytes(pack, manifestEntry, manifestBytes);
    for (const entry of entries) await addFile(pack, entry);
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

/** Streams exactly the size the manifest promises, hashing as it goes; a changed file fails the export. */
async function addFile(pack: Pack, planned: PlannedEntry): Promise<void> {
  const { mtime } = await stat(planned.absPath);
  const { entry, finished } = openEntry(pack, { name: planned.path, size: planned.size, mtime });
  const hash = createHash("sha256");
  let read = 0;
  if (planned.size > 0) {
    for await (const chunk of createReadStream(planned.absPath, { start: 0, end: planned.size - 1 })) {
      hash.update(chunk as Buffer);
      read += (chunk as Buffer).length;
      if (!entry.write(chunk)) await once(entry, "drain");
    }
  }
  if (read !== planned.size || hash.digest("hex") !== planned.sha256) {
    throw conflict(
      `File '${planned.path.slice(filesPrefix.length)}' changed while it was being exported; export again`,
      {
        path: planned.path,
      },
    );
  }
  entry.end(Buffer.alloc(0));
  await finished;
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
