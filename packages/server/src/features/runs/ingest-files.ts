import { access, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ApiError, conflict, validationError } from "../../core/errors.js";
import { isPlainRelative, sha256At } from "../assets/asset-location.js";
import { ensureUploadDir } from "../assets/upload-dirs.js";
import type { StagedFile } from "./ingest-body.js";

/** A file a run log names: its path under the project root and the sha256 the log records (null: none). */
export interface NamedFile {
  path: string;
  sha256: string | null;
}

/** How the server has the files a log names, after an ingest placed the uploaded ones. */
export interface PlacedFiles {
  received: number;
  on_disk: number;
  /** Named files neither on disk with their hash nor uploaded. */
  missing: NamedFile[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Puts each uploaded file at the path the log gives it, after checking it is one the log names,
 * with the log's sha256, and that no other bytes are there already (a file is never replaced);
 * then checks that every other named file is on disk with its hash. Uploads and the files on
 * disk are all checked before the first file is placed, so a refused request places nothing.
 */
export async function placeRunFiles(
  root: string,
  named: readonly NamedFile[],
  uploads: readonly StagedFile[],
): Promise<PlacedFiles> {
  const byPath = new Map(named.map((file) => [file.path, file]));
  const uploaded = new Map<string, StagedFile>();
  for (const upload of uploads) {
    const file = checkUpload(upload, byPath);
    if (uploaded.has(file.path)) throw validationError(`'${file.path}' is uploaded twice`, { field: "files" });
    uploaded.set(file.path, upload);
  }
  // Every file is looked at before one is placed: a conflict anywhere places nothing.
  const absent: NamedFile[] = [];
  for (const file of named) if (!(await hasFile(root, file))) absent.push(file);
  const placed: PlacedFiles = { received: 0, on_disk: named.length - absent.length, missing: [] };
  for (const file of absent) {
    const upload = uploaded.get(file.path);
    if (!upload) placed.missing.push(file);
    else {
      await placeUpload(root, file.path, upload);
      placed.received += 1;
    }
  }
  return placed;
}

/** The named file an upload claims to be, or a 400 saying why it is not one. */
function checkUpload(upload: StagedFile, named: ReadonlyMap<string, NamedFile>): NamedFile {
  const path = upload.path.replaceAll("\\", "/");
  if (!isPlainRelative(path)) {
    throw validationError(`'${upload.path}' is not a path inside the project root (absolute, or holds '..')`, {
      field: "files",
    });
  }
  const file = named.get(path);
  if (!file) throw validationError(`The run log names no file '${path}'`, { field: "files" });
  if (file.sha256 !== null && file.sha256 !== upload.sha256) {
    throw new ApiError(
      "validation",
      "checksum_mismatch",
      `'${path}' has sha256 ${upload.sha256}, but the run log records ${file.sha256}`,
      { field: "files", path, expected_sha256: file.sha256, actual_sha256: upload.sha256 },
    );
  }
  return file;
}

/**
 * Whether the file is under the root with the log's hash (any file, for a log without hashes).
 * A file there with other bytes is a 409: the upload would replace what another record may name.
 */
async function hasFile(root: string, file: NamedFile): Promise<boolean> {
  if (!(await exists(join(root, file.path)))) return false;
  const sha256 = await sha256At(root, file.path);
  if (file.sha256 === null || sha256 === file.sha256) return true;
  throw new ApiError(
    "validation",
    "asset_file_conflict",
    `'${file.path}' is on the server with other bytes than the run log records; it is never replaced`,
    { path: file.path, expected_sha256: file.sha256, actual_sha256: sha256 ?? null },
  );
}

async function placeUpload(root: string, path: string, upload: StagedFile): Promise<void> {
  await ensureUploadDir(root, dirname(join(root, path)));
  const target = join(root, path);
  // Checked again just before: another ingest of the same run may have placed it meanwhile.
  if (await exists(target)) throw conflict(`'${path}' appeared on the server while this ingest ran; send it again`);
  await rename(upload.staged, target);
}
