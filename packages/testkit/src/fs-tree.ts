// What is on disk under a directory, to prove an operation wrote nothing where it must not.
import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";

/** Every path under `dir` (absolute), with what it is; symlinks are listed, never followed. */
export async function listTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return; // removed meanwhile, or unreadable: nothing to list
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        tree.set(path, "dir");
        await walk(path);
      } else {
        const stats = await lstat(path).catch(() => undefined);
        // Size and mtime: a file rewritten in place shows up too.
        tree.set(path, entry.isSymbolicLink() ? "link" : `file ${stats?.size} ${stats?.mtimeMs}`);
      }
    }
  };
  await walk(dir);
  return tree;
}

/** Whether `path` is `root` or below it (both absolute). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Paths added, removed or changed between two listings that lie outside every allowed root.
 * Directories only count when added or removed (their mtime moves with their children).
 */
export function changesOutside(
  before: Map<string, string>,
  after: Map<string, string>,
  allowedRoots: string[],
): string[] {
  const allowed = (path: string) => allowedRoots.some((root) => isWithin(root, path));
  const changed: string[] = [];
  for (const [path, kind] of after) {
    const was = before.get(path);
    if (was === kind || allowed(path)) continue;
    if (was === undefined) changed.push(`added ${path}`);
    else if (kind !== "dir") changed.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path) && !allowed(path)) changed.push(`removed ${path}`);
  return changed.sort();
}
