import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, parse, resolve } from "node:path";
import { isInside } from "@kroma/pipeline";
import type { ProjectStorageRow } from "./db/schema.js";
import { validationError } from "./errors.js";

/**
 * The rule for storage paths a user configures (`base_dir`, `project_root`):
 * - relative paths resolve against the app root (the directory the server runs in);
 * - no `..` segment, no NUL byte, and never the filesystem root itself;
 * - an absolute path is honoured: it is the owner's explicit choice.
 * Returns the trimmed value to store; throws a validation error naming the field otherwise.
 */
export function checkStoragePath(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.includes("\0")) throw validationError(`Field '${field}' must not contain NUL bytes`, { field });
  if (trimmed.split(/[\\/]+/).includes("..")) {
    throw validationError(`Field '${field}' must not contain '..' segments`, { field });
  }
  if (isAbsolute(trimmed) && parse(resolve(trimmed)).root === resolve(trimmed)) {
    throw validationError(`Field '${field}' must not be the filesystem root`, { field });
  }
  return trimmed;
}

/** The absolute directory holding a project's files: the stored root, or `<base_dir>/<slug>` by default. */
export function resolveProjectRoot(
  appRoot: string,
  storage: Pick<ProjectStorageRow, "base_dir" | "project_root">,
  slug: string,
): string {
  if (storage.project_root) return resolve(appRoot, storage.project_root);
  return resolve(appRoot, storage.base_dir, slug);
}

/**
 * `path` with its symlinks resolved as far as it exists; the part that does not exist yet is
 * appended as written. Two paths compared this way cannot hide an overlap behind a link.
 *
 * @example await realPathSoFar("/tmp/link-to-var/projects/new"); // "/srv/kroma/var/projects/new"
 */
export async function realPathSoFar(path: string): Promise<string> {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(await realpath(existing), ...missing.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      missing.push(basename(existing));
      existing = parent;
    }
  }
}

/**
 * What no project root may reach: the server's private directory (the database and the master
 * key beside it). When that directory also holds the app root (`KROMA_BACKEND_DB=app.db` run from
 * the app root), walling it off would refuse every project root, so then only the database
 * files and the master key themselves are protected. All paths are real (symlinks resolved).
 */
export interface PrivatePlaces {
  /** Directories no root may hold or lie inside. */
  dirs: string[];
  /** Files no root may hold. */
  files: string[];
}

/**
 * The private places of a server whose database file is `dbFile` ("" for an in-memory one) and
 * whose master key file is `masterKeyFile`.
 */
export async function serverPrivatePlaces(
  appRoot: string,
  dbFile: string,
  masterKeyFile: string,
): Promise<PrivatePlaces> {
  const privateDir = await realPathSoFar(dirname(masterKeyFile));
  if (!isInside(privateDir, await realPathSoFar(appRoot))) return { dirs: [privateDir], files: [] };
  const dbFiles = dbFile === "" ? [] : ["", "-wal", "-shm", "-journal"].map((suffix) => `${dbFile}${suffix}`);
  return { dirs: [], files: await Promise.all([...dbFiles, masterKeyFile].map(realPathSoFar)) };
}

/** Whether the (real) `path` is or lies inside one of the private places. */
export function isPrivatePath(path: string, places: PrivatePlaces): boolean {
  return places.dirs.some((dir) => isInside(dir, path)) || places.files.some((file) => isInside(file, path));
}

/**
 * Refuses a project root that holds the server's private directory (the database and the master
 * key beside it) or lies inside it, or that holds the database files or master key: project
 * files are exported, synced and listed, and those must never carry the server's own secrets.
 * `root` is a real path (see `realPathSoFar`).
 *
 * @example
 * checkProjectRootPlacement("/srv/kroma", { dirs: ["/srv/kroma/var/backend"], files: [] }); // throws: the root holds it
 */
export function checkProjectRootPlacement(root: string, places: PrivatePlaces, label = "The project root"): void {
  for (const dir of places.dirs) {
    if (isInside(root, dir) || isInside(dir, root)) {
      throw validationError(`${label} '${root}' would hold or sit inside the server's private directory '${dir}'`, {
        field: "project_root",
      });
    }
  }
  for (const file of places.files) {
    if (isInside(root, file)) {
      throw validationError(`${label} '${root}' would hold the server's database or master key '${file}'`, {
        field: "project_root",
      });
    }
  }
}
