import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { link, mkdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { isImagePath, isInside, listInputImages, PipelineError } from "@kroma/pipeline";
import { type KromaClient, sniffImageType } from "@kroma/sdk";
import { sha256 } from "../files.js";
import { uploadImage } from "./assets.js";
import type { RunRequestBody } from "./run-options.js";

// The one path rule: a path on the command line is relative to the current directory; a path in
// a run request (and so in a batch file or a record) is relative to the project root. The run
// flags that name files are turned from the first kind into the second here, before the request
// is planned (kroma lab) or sent (kroma runs trigger).

/** The rule, as `--help` and the errors say it. */
export const pathRule = "paths on the command line are relative to the current directory";

/** The rule for `--help`: both halves, and what happens to a file outside the project. */
export const pathRuleHelp = `
Paths: paths on the command line are relative to the current directory; paths
inside run requests, batch files (--batch rows) and records are relative to the
project root. A --input, --scene-refs or --style-refs file outside the project
root is put into the project by content: a local run (kroma lab) copies it to
uploads/scene/<sha256>.<ext> (style refs: uploads/reference/...), kroma runs
trigger uploads it as an asset (kroma scenes add does that ahead of time).`;

export type AssetKind = "scene" | "reference";

/** Where a run's files must be, and how a file from elsewhere gets there. */
export interface PathTarget {
  /** The project root on this machine (absolute), or undefined when it is not here. */
  root: string | undefined;
  /** Puts a file that is not under the root into the project; answers its root-relative path. */
  bring(file: string, kind: AssetKind): Promise<string>;
}

/**
 * The request with the path flags' values (`input`, `scene_refs`, `style_refs`, relative to
 * `cwd`) made root-relative: a file under the root by its path there, any other file brought
 * into the project first. A directory `--input` outside the root becomes the `scene_refs` of its
 * images. A path that does not exist is an error naming the flag (exit 2).
 *
 * @example
 * await localizeRunPaths({ scene_refs: ["../shots/a.png"] }, localTarget("/p"), "/p/work");
 * // { scene_refs: ["shots/a.png"] } when /p/shots/a.png exists
 */
export async function localizeRunPaths(
  body: RunRequestBody,
  target: PathTarget,
  cwd = process.cwd(),
): Promise<RunRequestBody> {
  const out: RunRequestBody = { ...body };
  const one = async (field: string, given: string, kind: AssetKind) => {
    const path = await existing(field, given, cwd);
    const inside = await rootRelative(target.root, path);
    if (inside !== undefined) return inside;
    if (!(await stat(path)).isFile()) throw usage(field, `${given}: ${path} is not a file`);
    return target.bring(path, kind);
  };
  if (body.scene_refs) {
    out.scene_refs = [];
    for (const ref of body.scene_refs) out.scene_refs.push(await one("scene_refs", ref, "scene"));
  }
  if (body.style_refs) {
    out.style_refs = [];
    for (const ref of body.style_refs) out.style_refs.push(await one("style_refs", ref, "reference"));
  }
  if (body.input !== undefined) {
    const path = await existing("input", body.input, cwd);
    const inside = await rootRelative(target.root, path);
    if (inside !== undefined) out.input = inside === "" ? "." : inside;
    else if ((await stat(path)).isFile()) out.input = await target.bring(path, "scene");
    else if (body.scene_refs === undefined && body.batch === undefined) {
      // A directory from elsewhere: its images, each brought in, are the scenes.
      const scenes: string[] = [];
      for (const image of await listInputImages(path)) {
        scenes.push((await rootRelative(target.root, image)) ?? (await target.bring(image, "scene")));
      }
      delete out.input;
      out.scene_refs = scenes;
    }
  }
  return out;
}

/** A path flag's value resolved against `cwd`; one that does not exist is a usage error. */
async function existing(field: string, given: string, cwd: string): Promise<string> {
  const path = resolve(cwd, given);
  if (given.includes("\0") || !(await stat(path).catch(() => undefined))) {
    throw usage(field, `${given}: no such file ${path} (${pathRule})`);
  }
  return path;
}

/** "Field 'scene_refs' ..." reads as "--scene-refs ..." and exits 2 (flag-errors.ts). */
function usage(field: string, message: string): PipelineError {
  return new PipelineError(`Field '${field}' ${message}`, { field });
}

/**
 * `path` relative to `root` (with `/`), when it lies under the root and its real path does too
 * (a symlink under the root leading out of it is a file from elsewhere); undefined otherwise.
 */
async function rootRelative(root: string | undefined, path: string): Promise<string | undefined> {
  if (root === undefined) return undefined;
  const realRoot = await realpath(root).catch(() => resolve(root));
  const real = await realpath(path);
  if (!isInside(realRoot, real)) return undefined;
  if (isInside(resolve(root), path)) return relative(resolve(root), path).split(sep).join("/");
  if (isInside(realRoot, path)) return relative(realRoot, path).split(sep).join("/");
  return relative(realRoot, real).split(sep).join("/");
}

/** The extension of each image type the SDK tells from the first bytes. */
const sniffedExtension: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** The extension the stored copy takes: from the bytes' format, else the file's own (lowercase). */
function storedExtension(bytes: Uint8Array, file: string): string | undefined {
  const sniffed = sniffedExtension[sniffImageType(bytes.subarray(0, 16))];
  if (sniffed) return sniffed;
  if (!isImagePath(file)) return undefined;
  const ext = extname(file).slice(1).toLowerCase();
  return ext === "jpeg" ? "jpg" : ext === "tiff" ? "tif" : ext;
}

/**
 * A local run's target: the project root on this disk; a file from elsewhere is copied to
 * `uploads/<kind>/<sha256>.<ext>` (the layout of the server's uploads). A file already there
 * with these bytes is used as it is; one with other bytes is never overwritten.
 */
export function localTarget(root: string): PathTarget {
  return {
    root,
    async bring(file, kind) {
      const bytes = await readFile(file);
      const ext = storedExtension(bytes, file);
      const field = kind === "scene" ? "scene_refs" : "style_refs";
      if (ext === undefined) throw usage(field, `${file} is not a supported image (PNG, JPEG, WebP, ...)`);
      const digest = sha256(bytes);
      const rel = `uploads/${kind}/${digest}.${ext}`;
      const dest = join(root, rel);
      await mkdir(dirname(dest), { recursive: true });
      const temp = join(dirname(dest), `.${digest}.${randomBytes(4).toString("hex")}.partial`);
      await writeFile(temp, bytes, { flag: "wx" });
      try {
        // link() never replaces: a file already there is checked, not overwritten.
        await link(temp, dest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        if (sha256(await readFile(dest)) !== digest) {
          throw new PipelineError(
            `${rel} exists in the project with other bytes than ${file}: it was not overwritten; move it away and run again`,
            { field },
          );
        }
      } finally {
        await rm(temp, { force: true });
      }
      return rel;
    },
  };
}

/**
 * A server run's target: the project root the API names when it is on this disk (a shared
 * disk, a server on this machine); any other file is uploaded as an asset of the project, and
 * the run names the asset's path.
 */
export async function serverTarget(client: KromaClient, project: string): Promise<PathTarget> {
  const { storage } = await client.projects.get(project);
  const root = storage.local.project_root;
  return {
    root: root && existsSync(root) ? root : undefined,
    async bring(file, kind) {
      const { asset } = await uploadImage(client, project, kind, file);
      if (!asset.rel_path) throw new Error(`the server stored ${file} as asset ${asset.id} without a path`);
      return asset.rel_path;
    },
  };
}

/** Whether the request names any file the path flags give. */
export function namesPaths(body: RunRequestBody): boolean {
  return body.input !== undefined || body.scene_refs !== undefined || body.style_refs !== undefined;
}
