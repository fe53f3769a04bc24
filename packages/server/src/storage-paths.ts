import { isAbsolute, parse, resolve } from "node:path";
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
 * Refuses a project root that holds the server's private directory (the database and the master
 * key beside it) or lies inside it: project files are exported, synced and listed, and those must
 * never carry the server's own secrets.
 *
 * @example
 * checkProjectRootPlacement("/srv/kroma", "/srv/kroma/var/backend"); // throws: the root holds it
 */
export function checkProjectRootPlacement(projectRoot: string, privateDir: string): void {
  const root = resolve(projectRoot);
  const secret = resolve(privateDir);
  if (isInside(root, secret) || isInside(secret, root)) {
    throw validationError(
      `The project root '${root}' would hold or sit inside the server's private directory '${secret}'`,
      { field: "project_root" },
    );
  }
}
