import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import { digestFile } from "@kroma/pipeline";

// Where an asset's file is and what it holds: the path rule every route that touches an asset's
// file shares, the record's location fields, and the hash of the bytes at a path.

/** Whether `relPath` is a plain path inside a root: not empty, not absolute, no `..`, no NUL. */
export function isPlainRelative(relPath: string | null): relPath is string {
  return (
    typeof relPath === "string" &&
    relPath !== "" &&
    !relPath.includes("\0") &&
    !isAbsolute(relPath) &&
    !relPath.split(/[\\/]+/).includes("..")
  );
}

/** An asset record's `rel_path` and the `storage_uri` that goes with it, for a file now at `relPath`. */
export function assetLocation(root: string, relPath: string): { rel_path: string; storage_uri: string } {
  return { rel_path: relPath, storage_uri: pathToFileURL(join(root, relPath)).href };
}

/** sha256 of the file at `relPath` under `root` (never through a symlink leading out); undefined when it cannot be read. */
export async function sha256At(root: string, relPath: string): Promise<string | undefined> {
  try {
    return (await digestFile(join(root, relPath), { confineTo: root })).sha256;
  } catch {
    return undefined;
  }
}
