import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "../errors.js";
import { isImagePath, resolveProjectRef, resolveProjectRefs } from "../files/paths.js";
import { listInputImages } from "./scenes.js";

let dir: string;
beforeEach(async () => {
  // realpath: on some systems the temp dir is itself behind a symlink (macOS /var -> /private/var).
  dir = await realpath(await mkdtemp(join(tmpdir(), "kroma-scenes-")));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function touch(...paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), "img");
  }
}

describe("listInputImages", () => {
  it("walks a directory recursively, keeps only images and sorts by path segment", async () => {
    await touch(
      "in/b.png",
      "in/a-b.png",
      "in/a/b.png",
      "in/a/z/deep.TIFF",
      "in/c.jpeg",
      "in/B.JPG",
      "in/notes.txt",
      "in/a/skip.gif",
      "in/e.webp",
      "in/f.bmp",
      "in/g.tif",
      "in/h.jpg",
      "in/noext",
    );
    const images = await listInputImages(join(dir, "in"));
    expect(images.map((path) => path.slice(dir.length + 4))).toEqual([
      "B.JPG",
      "a/b.png",
      "a/z/deep.TIFF",
      "a-b.png",
      "b.png",
      "c.jpeg",
      "e.webp",
      "f.bmp",
      "g.tif",
      "h.jpg",
    ]);
  });

  it("skips hidden directories such as the thumbnail cache under .kroma/", async () => {
    await touch("scenes/a.png", ".kroma/cache/thumbnails/abc-256.webp", ".git/x.png", ".hidden.png");
    expect(await listInputImages(".", dir)).toEqual([join(dir, ".hidden.png"), join(dir, "scenes/a.png")]);
  });

  it("returns a single image file as an absolute path, resolving from cwd", async () => {
    await touch("one.png");
    expect(await listInputImages("one.png", dir)).toEqual([join(dir, "one.png")]);
  });

  it("refuses a missing input, a non-image file and a directory without images", async () => {
    await touch("notes.txt", "empty/readme.md");
    await expect(listInputImages(join(dir, "ghost"))).rejects.toThrow(`Input '${join(dir, "ghost")}' does not exist`);
    await expect(listInputImages("notes.txt", dir)).rejects.toThrow(
      "Input 'notes.txt' is not a supported image (.jpg, .jpeg, .png, .webp, .bmp, .tif, .tiff)",
    );
    await expect(listInputImages("empty", dir)).rejects.toThrow("Input 'empty' contains no images");
    await expect(listInputImages("ghost", dir)).rejects.toBeInstanceOf(PipelineError);
  });

  it("follows symlinks without looping on a cycle", async () => {
    await touch("in/a.png", "elsewhere/b.png");
    await symlink(join(dir, "in"), join(dir, "in", "loop"));
    await symlink(join(dir, "elsewhere", "b.png"), join(dir, "in", "linked.png"));
    const images = await listInputImages(join(dir, "in"));
    expect(images).toEqual([join(dir, "in", "a.png"), join(dir, "in", "linked.png")]);
  });

  it("recognises image extensions case-insensitively", () => {
    expect(isImagePath("x.PNG")).toBe(true);
    expect(isImagePath("x.tiff")).toBe(true);
    expect(isImagePath("x.gif")).toBe(false);
    expect(isImagePath("png")).toBe(false);
  });
});

describe("resolveProjectRef", () => {
  let root: string;
  beforeEach(async () => {
    root = join(dir, "project");
    await touch("project/scenes/a.png", "project/refs/style.jpg", "project/notes.txt", "outside/secret.png");
  });

  it("resolves refs relative to the project root, in order", async () => {
    expect(await resolveProjectRefs(root, ["scenes/a.png", "./refs/style.jpg"], "scene_refs")).toEqual([
      join(root, "scenes/a.png"),
      join(root, "refs/style.jpg"),
    ]);
  });

  it("accepts an absolute path inside the project root", async () => {
    expect(await resolveProjectRef(root, join(root, "scenes/a.png"), "scene_refs")).toBe(join(root, "scenes/a.png"));
  });

  it("refuses '..' segments, even ones that come back inside", async () => {
    await expect(resolveProjectRef(root, "../outside/secret.png", "scene_refs")).rejects.toThrow(
      "Field 'scene_refs' entry '../outside/secret.png' must not contain '..' segments",
    );
    await expect(resolveProjectRef(root, "scenes/../scenes/a.png", "style_refs")).rejects.toThrow(
      "Field 'style_refs' entry 'scenes/../scenes/a.png' must not contain '..' segments",
    );
  });

  it("refuses an absolute path outside the project root", async () => {
    const outside = join(dir, "outside/secret.png");
    await expect(resolveProjectRef(root, outside, "style_refs")).rejects.toThrow(
      `Field 'style_refs' entry '${outside}' is outside the project root '${root}'`,
    );
    // Even when it is a link back into the project: the ref itself names a place outside.
    await symlink(join(root, "scenes/a.png"), join(dir, "outside/back-in.png"));
    await expect(resolveProjectRef(root, join(dir, "outside/back-in.png"), "style_refs")).rejects.toThrow(
      "is outside the project root",
    );
  });

  it("accepts an absolute ref spelled with the real path of a symlinked project root", async () => {
    const linkedRoot = join(dir, "linked-project");
    await symlink(root, linkedRoot);
    const real = join(root, "scenes/a.png");
    expect(await resolveProjectRef(linkedRoot, real, "scene_refs")).toBe(real);
    expect(await resolveProjectRef(linkedRoot, "scenes/a.png", "scene_refs")).toBe(join(linkedRoot, "scenes/a.png"));
  });

  it("refuses a symlink leading outside, and allows one that stays inside", async () => {
    await symlink(join(dir, "outside/secret.png"), join(root, "scenes/escape.png"));
    await symlink(join(dir, "outside"), join(root, "linked-dir"));
    await symlink(join(root, "scenes/a.png"), join(root, "scenes/alias.png"));
    await expect(resolveProjectRef(root, "scenes/escape.png", "scene_refs")).rejects.toThrow(
      "Field 'scene_refs' entry 'scenes/escape.png' leads outside the project root through a symlink",
    );
    await expect(resolveProjectRef(root, "linked-dir/secret.png", "scene_refs")).rejects.toThrow(
      "leads outside the project root through a symlink",
    );
    expect(await resolveProjectRef(root, "scenes/alias.png", "scene_refs")).toBe(join(root, "scenes/alias.png"));
  });

  it("refuses NUL bytes, missing files, directories and non-images", async () => {
    const refusals: Array<[ref: string, field: string, message: string]> = [
      ["scenes/a.png\0x", "scene_refs", "Field 'scene_refs' entry 'scenes/a.png\\0x' must not contain NUL bytes"],
      [
        "scenes/ghost.png",
        "scene_refs",
        `Field 'scene_refs' entry 'scenes/ghost.png' does not exist under the project root '${root}'`,
      ],
      ["scenes", "scene_refs", "Field 'scene_refs' entry 'scenes' is not a file"],
      ["notes.txt", "style_refs", "Field 'style_refs' entry 'notes.txt' is not a supported image"],
    ];
    for (const [ref, field, message] of refusals) {
      await expect(resolveProjectRef(root, ref, field)).rejects.toThrow(message);
    }
  });

  it("names a project root that does not exist", async () => {
    const ghost = join(dir, "ghost-project");
    await expect(resolveProjectRef(ghost, "a.png", "scene_refs")).rejects.toThrow(
      `Project root '${ghost}' does not exist`,
    );
  });
});
