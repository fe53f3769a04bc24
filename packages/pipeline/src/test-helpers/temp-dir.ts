// Scratch directories and files for the pipeline's tests. Test-only: tsconfig.build.json leaves
// src/test-helpers out of the build.
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import sharp from "sharp";

/**
 * A new directory under the OS temp dir, by its real path: the pipeline resolves paths with
 * realpath, so a test comparing paths must start from the same spelling (macOS: /var -> /private/var).
 */
export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/**
 * A temp dir with a `project/` inside holding a small PNG at each of `pngs` (project-relative):
 * `root` is the project root, `dir` what to remove after the test.
 */
export async function makeTempProject(prefix: string, pngs: string[] = []): Promise<{ dir: string; root: string }> {
  const dir = await makeTempDir(prefix);
  const root = join(dir, "project");
  await mkdir(root);
  for (const name of pngs) await putSolidPng(join(root, name));
  return { dir, root };
}

/** A temp dir holding an empty app root `app/` and project root `project/`; `dir` is what to remove. */
export async function makeTempAppAndProject(prefix: string): Promise<{ dir: string; app: string; project: string }> {
  const dir = await makeTempDir(prefix);
  const app = join(dir, "app");
  const project = join(dir, "project");
  await mkdir(app);
  await mkdir(project);
  return { dir, app, project };
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Writes `content` at `path`, creating its parent directories; returns `path`. */
export async function putFile(path: string, content: string | Buffer): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/** A `size` x `size` PNG of one RGB colour at `path` (parents created); default a small mid-gray scene. */
export async function putSolidPng(path: string, [r, g, b] = [90, 90, 90], size = 8): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await sharp({ create: { width: size, height: size, channels: 3, background: { r, g, b } } })
    .png()
    .toFile(path);
  return path;
}
