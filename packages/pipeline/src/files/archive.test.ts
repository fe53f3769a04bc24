import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "../errors.js";
import { guardSettings } from "../test-helpers/guard-settings.js";
import { makeTempProject, putSolidPng, removeDir } from "../test-helpers/temp-dir.js";
import { archiveBad, archiveReplaced, archiveStamp } from "./archive.js";

let dir: string;
let root: string;
beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-archive-"));
});
afterEach(() => removeDir(dir));

const strict = guardSettings({ enforce_grayscale: true });

const solid = (path: string, r: number, g: number, b: number) => putSolidPng(path, [r, g, b]);

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

describe("archiveStamp", () => {
  it("is the UTC time as yyyymmddThhmmssZ", () => {
    expect(archiveStamp(new Date("2025-01-02T03:04:05.678Z"))).toBe("20250102T030405Z");
  });
});

describe("archiveReplaced", () => {
  it("moves the file to archive/replaced/<base>_replaced_<stamp><ext>", async () => {
    const file = join(root, "outputs/style_1_alley.png");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, "old");
    const moved = await archiveReplaced(root, file, "20250102T030405Z");
    expect(moved).toBe(join(root, "archive/replaced/style_1_alley_replaced_20250102T030405Z.png"));
    expect(await readFile(moved as string, "utf8")).toBe("old");
    expect(await exists(file)).toBe(false);
  });

  it("never overwrites an earlier archive with the same stamp", async () => {
    const file = join(root, "outputs/a.png");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, "first");
    await archiveReplaced(root, file, "S");
    await writeFile(file, "second");
    const second = await archiveReplaced(root, file, "S");
    expect(second).toBe(join(root, "archive/replaced/a_replaced_S_2.png"));
    expect(await readFile(join(root, "archive/replaced/a_replaced_S.png"), "utf8")).toBe("first");
    expect(await readFile(second as string, "utf8")).toBe("second");
  });

  it("resolves a relative path against the project root and does nothing for a missing file", async () => {
    await mkdir(join(root, "outputs"));
    await writeFile(join(root, "outputs/b.jpg"), "b");
    expect(await archiveReplaced(root, "outputs/b.jpg", "S")).toBe(join(root, "archive/replaced/b_replaced_S.jpg"));
    expect(await archiveReplaced(root, "outputs/none.png", "S")).toBeUndefined();
  });

  it("refuses a file outside the project root", async () => {
    const outside = join(dir, "elsewhere.png");
    await writeFile(outside, "x");
    await expect(archiveReplaced(root, outside, "S")).rejects.toThrow(
      `File '${outside}' is outside the project root '${root}'`,
    );
    expect(await exists(outside)).toBe(true);
  });
});

describe("archiveBad", () => {
  it("moves only the files with a hard failure into archive/bad/, keeping their names", async () => {
    const gray = await solid(join(root, "outputs/gray.png"), 128, 128, 128);
    const red = await solid(join(root, "outputs/sub/red.png"), 255, 0, 0);
    const broken = join(root, "outputs/broken.png");
    await writeFile(broken, "not an image");

    const result = await archiveBad({ input: join(root, "outputs"), projectRoot: root, settings: strict, stamp: "S" });
    expect(result.archive_dir).toBe(join(root, "archive/bad"));
    expect(result.moved).toEqual([
      { from: broken, to: join(root, "archive/bad/broken.png"), hard_fail_reasons: ["image_read_failed"] },
      { from: red, to: join(root, "archive/bad/red.png"), hard_fail_reasons: ["not_grayscale_like"] },
    ]);
    expect(result.report.summary).toEqual({ total_files: 3, hard_failures: 2, soft_warnings: 1 });
    expect(await exists(gray)).toBe(true);
    expect(await exists(red)).toBe(false);
    expect((await readdir(join(root, "archive/bad"))).sort()).toEqual(["broken.png", "red.png"]);
  });

  it("leaves soft warnings alone", async () => {
    const red = await solid(join(root, "outputs/red.png"), 255, 0, 0);
    const result = await archiveBad({
      input: join(root, "outputs"),
      projectRoot: root,
      settings: { ...strict, enforce_grayscale: false },
      stamp: "S",
    });
    expect(result.moved).toEqual([]);
    expect(result.report.summary.soft_warnings).toBe(1);
    expect(await exists(red)).toBe(true);
    expect(await exists(join(root, "archive/bad"))).toBe(false);
  });

  it("adds _<stamp> when the name is already taken in archive/bad/", async () => {
    await mkdir(join(root, "archive/bad"), { recursive: true });
    await writeFile(join(root, "archive/bad/red.png"), "earlier");
    const red = await solid(join(root, "outputs/red.png"), 255, 0, 0);
    const result = await archiveBad({ input: red, projectRoot: root, settings: strict, stamp: "20250102T030405Z" });
    expect(result.moved.map((file) => file.to)).toEqual([join(root, "archive/bad/red_20250102T030405Z.png")]);
    expect(await readFile(join(root, "archive/bad/red.png"), "utf8")).toBe("earlier");
  });

  it("does not move files already in archive/bad/ when given the whole project", async () => {
    const old = await solid(join(root, "archive/bad/old.png"), 255, 0, 0);
    const red = await solid(join(root, "outputs/red.png"), 255, 0, 0);
    const result = await archiveBad({ input: root, projectRoot: root, settings: strict, stamp: "S" });
    expect(result.moved.map((file) => file.from)).toEqual([red]);
    expect(await exists(old)).toBe(true);
  });

  it("resolves a relative input against cwd and reports it as given", async () => {
    await solid(join(root, "outputs/red.png"), 255, 0, 0);
    const result = await archiveBad({ input: "outputs", projectRoot: root, settings: strict, stamp: "S", cwd: root });
    expect(result.report.input).toBe("outputs");
    expect(result.moved).toHaveLength(1);
  });

  it("refuses an input outside the project root and moves nothing", async () => {
    const red = await solid(join(dir, "loose/red.png"), 255, 0, 0);
    const attempt = archiveBad({ input: join(dir, "loose"), projectRoot: root, settings: strict, stamp: "S" });
    await expect(attempt).rejects.toThrow(PipelineError);
    await expect(
      archiveBad({ input: join(dir, "loose"), projectRoot: root, settings: strict, stamp: "S" }),
    ).rejects.toThrow(`Input '${join(dir, "loose")}' is outside the project root '${root}'`);
    await expect(
      archiveBad({ input: join(root, "../loose"), projectRoot: root, settings: strict, stamp: "S" }),
    ).rejects.toThrow("is outside the project root");
    expect(await exists(red)).toBe(true);
  });

  it("refuses images reached through a symlink that leads outside, before moving anything", async () => {
    const inside = await solid(join(root, "outputs/a-red.png"), 255, 0, 0);
    const outside = await solid(join(dir, "loose/red.png"), 255, 0, 0);
    await symlink(join(dir, "loose"), join(root, "outputs/link"));
    await expect(
      archiveBad({ input: join(root, "outputs"), projectRoot: root, settings: strict, stamp: "S" }),
    ).rejects.toThrow(`Input image '${join(root, "outputs/link/red.png")}' is outside the project root`);
    expect(await exists(inside)).toBe(true);
    expect(await exists(outside)).toBe(true);
  });

  it("refuses a project root that does not exist", async () => {
    await expect(
      archiveBad({ input: root, projectRoot: join(dir, "missing"), settings: strict, stamp: "S" }),
    ).rejects.toThrow(`Project root '${join(dir, "missing")}' does not exist`);
  });
});
