import { validationError } from "../../core/errors.js";
import { exceedsJsonDepth, maxJsonDepth, maxJsonFieldDepth, tooDeepJsonField } from "../../core/json-depth.js";
import type { SkippedFile } from "./project-files.js";

/**
 * The layout of a project bundle (`.tar.gz`):
 * - `manifest.json`: format, schema version, project, counts, and the size and sha256 of every
 *   other entry;
 * - `records/project.json`: the project, its owner, its S3 settings and its secrets' names;
 * - `records/<table>.jsonl`: the project's rows of each table, one JSON object a line;
 * - `files/<path>`: the project's files (with `include_files`; the pipeline settings file always).
 */
export const bundleFormat = "kroma-project-bundle";
/** Bumped when a bundle's layout or records change incompatibly; import refuses newer versions. */
export const bundleSchemaVersion = 1;

export const manifestEntry = "manifest.json";
export const projectRecordEntry = "records/project.json";
export const filesPrefix = "files/";
/** The project's pipeline settings: a setting, so bundled even without `include_files`. */
export const pipelineSettingsPath = ".kroma/pipeline.settings.json";

/**
 * The largest `manifest.json` a bundle may hold: 32 MiB. A manifest entry takes about 200 bytes
 * (path, size, sha256, pretty-printed), so this fits about 160,000 files. Import refuses a
 * larger one while unpacking it, before it is read whole or parsed; export refuses to write one.
 */
export const maxManifestBytes = 32 * 1024 * 1024;

/**
 * What a bundle's entries may add up to, against the bundle's own size: at most 100 times its
 * size plus 64 MiB (project files are mostly images, which gzip cannot shrink; records shrink
 * about tenfold). A manifest declaring more is refused before anything but it is unpacked, so a
 * small crafted bundle cannot fill the disk with what it claims to hold.
 */
export const maxInflationRatio = 100;
export const inflationAllowanceBytes = 64 * 1024 * 1024;

/** One entry of the bundle besides the manifest. */
export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BundleManifest {
  format: typeof bundleFormat;
  schema_version: number;
  created_at: string;
  kroma_version: string;
  project: { slug: string; name: string };
  include_files: boolean;
  /** Rows per table (`runs`, `jobs`, ...). */
  counts: Record<string, number>;
  files: number;
  files_bytes: number;
  skipped: SkippedFile[];
  entries: ManifestEntry[];
}

/** What the `exports` table and the API keep of a manifest: everything but the entry list. */
export type ManifestSummary = Omit<BundleManifest, "format" | "created_at" | "kroma_version" | "project" | "entries">;

export function manifestSummary(manifest: BundleManifest): ManifestSummary {
  const { schema_version, include_files, counts, files, files_bytes, skipped } = manifest;
  return { schema_version, include_files, counts, files, files_bytes, skipped };
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Thrown for a bundle that cannot be imported; the message says what is wrong with it. */
export const invalidBundle = (why: string, details?: Record<string, unknown>) =>
  validationError(`Invalid bundle: ${why}`, { field: "bundle", ...details });

/**
 * Checks a bundle entry's name before anything is written for it: relative, `/`-separated,
 * without `..`, `.` or empty segments, NUL bytes or backslashes, and one of the names a bundle
 * holds. Returns the name; throws naming the entry otherwise.
 */
export function checkEntryName(name: string): string {
  const shown = name.replaceAll("\0", "\\0");
  if (name.includes("\0")) throw invalidBundle(`entry '${shown}' contains a NUL byte`, { entry: shown });
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\")) {
    throw invalidBundle(`entry '${shown}' is an absolute path`, { entry: shown });
  }
  const segments = name.split("/");
  if (segments.includes("..")) throw invalidBundle(`entry '${shown}' has a '..' segment`, { entry: shown });
  if (segments.some((segment) => segment === "" || segment === ".")) {
    throw invalidBundle(`entry '${shown}' is not a plain relative path`, { entry: shown });
  }
  const known =
    name === manifestEntry ||
    /^records\/[a-z_]+\.jsonl?$/.test(name) ||
    (name.startsWith(filesPrefix) && name.length > filesPrefix.length);
  if (!known) throw invalidBundle(`unexpected entry '${shown}'`, { entry: shown });
  return name;
}

/** The parsed manifest, checked for the fields import relies on. */
export function checkManifest(value: unknown): BundleManifest {
  const manifest = value as Partial<BundleManifest> | null;
  if (manifest === null || typeof manifest !== "object" || manifest.format !== bundleFormat) {
    throw invalidBundle("manifest.json is not a Kroma project bundle manifest");
  }
  if (typeof manifest.schema_version !== "number" || manifest.schema_version > bundleSchemaVersion) {
    throw invalidBundle(
      `schema version ${String(manifest.schema_version)} is not supported (this Kroma reads up to ${bundleSchemaVersion})`,
    );
  }
  if (!Array.isArray(manifest.entries)) throw invalidBundle("manifest.json lists no entries");
  for (const entry of manifest.entries) {
    const ok =
      typeof entry?.path === "string" &&
      Number.isSafeInteger(entry.size) &&
      entry.size >= 0 &&
      typeof entry.sha256 === "string" &&
      sha256Pattern.test(entry.sha256);
    if (!ok) throw invalidBundle("manifest.json has a malformed entry", { entry: entry?.path });
    checkEntryName(entry.path);
  }
  return manifest as BundleManifest;
}

/**
 * A bundle entry's JSON text, parsed under the API's own depth limits: no deeper than a request
 * body may nest, checked before parsing, and no `*_json` field deeper than a request may store,
 * so an imported record can never break what reads it later (the bootstrap prompt, an export).
 * `what` names the entry (and line) in the error.
 */
export function parseBundleJson(text: string, what: string): unknown {
  if (exceedsJsonDepth(text)) throw invalidBundle(`${what} nests JSON deeper than ${maxJsonDepth} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidBundle(`${what} is not valid JSON`);
  }
  const field = tooDeepJsonField(value);
  if (field !== undefined) {
    throw invalidBundle(`${what}: field '${field}' nests JSON deeper than ${maxJsonFieldDepth} levels`);
  }
  return value;
}
