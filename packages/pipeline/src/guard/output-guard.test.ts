import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "../errors.js";
import type { OutputGuardSettings } from "../plan/run-request.js";
import { guardSettings } from "../test-helpers/guard-settings.js";
import { makeTempDir, putSolidPng, removeDir } from "../test-helpers/temp-dir.js";
import {
  checkImage,
  chromaDeltaOfRgb,
  defaultQaReportPath,
  pickBestCandidate,
  rankCandidate,
  resolveGuardSettings,
  runQa,
  writeQaReport,
} from "./output-guard.js";
import type { CandidateRank, GuardFileResult } from "./types.js";

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir("kroma-guard-");
});
afterEach(() => removeDir(dir));

const base = guardSettings();

/** A 16x16 PNG of one RGB colour. */
const solid = (name: string, r: number, g: number, b: number) => putSolidPng(join(dir, name), [r, g, b], 16);

/** A PNG with exactly these RGB pixels, in one row. */
async function pixels(name: string, rgb: number[]): Promise<string> {
  const path = join(dir, name);
  await sharp(Buffer.from(rgb), { raw: { width: rgb.length / 3, height: 1, channels: 3 } })
    .png()
    .toFile(path);
  return path;
}

describe("chroma delta", () => {
  it("averages (|R-G| + |R-B| + |G-B|) / 3 over the pixels", () => {
    expect(chromaDeltaOfRgb(Uint8Array.of(255, 0, 0))).toBe(170);
    expect(chromaDeltaOfRgb(Uint8Array.of(128, 128, 128, 255, 0, 0))).toBe(85);
    expect(chromaDeltaOfRgb(new Uint8Array(0))).toBe(0);
  });

  it("is 0 for gray and 170 for pure red", async () => {
    expect(await checkImage(await solid("gray.png", 128, 128, 128), base)).toMatchObject({
      chroma_delta: 0,
      grayscale_like: true,
    });
    expect(await checkImage(await solid("red.png", 255, 0, 0), base)).toMatchObject({
      chroma_delta: 170,
      grayscale_like: false,
    });
  });

  it("is rounded to 4 decimals in the result", async () => {
    // (10,20,40) -> 60/3, (0,0,0) -> 0, (1,2,3) -> 4/3: mean = 64/9 = 7.1111...
    const file = await pixels("mixed.png", [10, 20, 40, 0, 0, 0, 1, 2, 3]);
    expect((await checkImage(file, base)).chroma_delta).toBe(7.1111);
    // (132,128,128) -> 8/3 = 2.6666...
    expect((await checkImage(await solid("above.png", 132, 128, 128), base)).chroma_delta).toBe(2.6667);
  });

  it("drops alpha instead of compositing it", async () => {
    const file = join(dir, "rgba.png");
    await sharp({ create: { width: 16, height: 16, channels: 4, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } })
      .png()
      .toFile(file);
    // (100 + 150 + 50) / 3 = 100; compositing on black or white would give something else.
    expect((await checkImage(file, base)).chroma_delta).toBe(100);
  });

  it("reads single-channel grayscale images as RGB", async () => {
    const file = join(dir, "bw.png");
    await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .toColourspace("b-w")
      .png()
      .toFile(file);
    expect(await checkImage(file, { ...base, enforce_grayscale: true })).toMatchObject({
      chroma_delta: 0,
      grayscale_like: true,
      hard_fail_reasons: [],
    });
  });
});

describe("checkImage rules", () => {
  it("counts a delta equal to the threshold as grayscale-like", async () => {
    // (131,128,128) -> (3 + 3 + 0) / 3 = 2, exactly max_chroma_delta.
    const file = await solid("edge.png", 131, 128, 128);
    expect(await checkImage(file, { ...base, enforce_grayscale: true, fail_on_chroma_exceed: true })).toEqual({
      file,
      chroma_delta: 2,
      grayscale_like: true,
      hard_fail_reasons: [],
      soft_warnings: [],
    });
  });

  it("only warns above the threshold by default", async () => {
    const file = await solid("above.png", 132, 128, 128);
    expect(await checkImage(file, base)).toEqual({
      file,
      chroma_delta: 2.6667,
      grayscale_like: false,
      hard_fail_reasons: [],
      soft_warnings: ["chroma_exceeds_threshold"],
    });
  });

  // One rule or threshold each, on a solid colour: the part of checkImage's result the case is about.
  const ruleCases: Array<{
    name: string;
    rgb: [number, number, number];
    settings: Partial<OutputGuardSettings>;
    expected: Partial<GuardFileResult>;
  }> = [
    {
      name: "counts a zero delta as grayscale-like with a zero threshold",
      rgb: [7, 7, 7],
      settings: { max_chroma_delta: 0, enforce_grayscale: true },
      expected: { grayscale_like: true, hard_fail_reasons: [] },
    },
    {
      name: "fails not_grayscale_like with enforce_grayscale and still warns about the threshold",
      rgb: [255, 0, 0],
      settings: { enforce_grayscale: true },
      expected: { hard_fail_reasons: ["not_grayscale_like"], soft_warnings: ["chroma_exceeds_threshold"] },
    },
    {
      name: "fails chroma_exceeds_threshold with fail_on_chroma_exceed",
      rgb: [255, 0, 0],
      settings: { fail_on_chroma_exceed: true },
      expected: { hard_fail_reasons: ["chroma_exceeds_threshold"], soft_warnings: [] },
    },
    {
      name: "fails both rules when both are on",
      rgb: [255, 0, 0],
      settings: { enforce_grayscale: true, fail_on_chroma_exceed: true },
      expected: { hard_fail_reasons: ["not_grayscale_like", "chroma_exceeds_threshold"], soft_warnings: [] },
    },
    {
      name: "respects the threshold given",
      rgb: [132, 128, 128],
      settings: { max_chroma_delta: 3, enforce_grayscale: true },
      expected: { grayscale_like: true, hard_fail_reasons: [], soft_warnings: [] },
    },
  ];
  for (const { name, rgb, settings, expected } of ruleCases) {
    it(name, async () => {
      const file = await solid(`${rgb.join("_")}.png`, ...rgb);
      expect(await checkImage(file, { ...base, ...settings })).toMatchObject(expected);
    });
  }

  it("fails image_read_failed for a file that is not an image", async () => {
    const file = join(dir, "broken.png");
    await writeFile(file, "not a png");
    expect(await checkImage(file, base)).toEqual({
      file,
      chroma_delta: 0,
      grayscale_like: false,
      hard_fail_reasons: ["image_read_failed"],
      soft_warnings: [],
    });
    expect((await checkImage(join(dir, "missing.png"), base)).hard_fail_reasons).toEqual(["image_read_failed"]);
  });

  it("measures but never fails or warns when the guard is disabled", async () => {
    const red = await solid("red.png", 255, 0, 0);
    const off = { enabled: false, enforce_grayscale: true, max_chroma_delta: 2, fail_on_chroma_exceed: true };
    expect(await checkImage(red, off)).toEqual({
      file: red,
      chroma_delta: 170,
      grayscale_like: false,
      hard_fail_reasons: [],
      soft_warnings: [],
    });
    const broken = join(dir, "broken.png");
    await writeFile(broken, "nope");
    expect((await checkImage(broken, off)).hard_fail_reasons).toEqual([]);
  });
});

function result(chroma_delta: number, hard: string[] = [], soft: string[] = []): GuardFileResult {
  return {
    file: "x.png",
    chroma_delta,
    grayscale_like: hard.length === 0,
    hard_fail_reasons: hard,
    soft_warnings: soft,
  };
}

describe("rankCandidate", () => {
  it("counts files with hard failures and warnings and averages the excess over the threshold", () => {
    const rank = rankCandidate(
      [
        result(5, ["not_grayscale_like", "chroma_exceeds_threshold"]),
        result(2.5, [], ["chroma_exceeds_threshold"]),
        result(1),
      ],
      base,
    );
    // excess: 3, 0.5, 0 -> average 3.5 / 3 = 1.1667
    expect(rank).toEqual({ hard_failures: 1, soft_warnings: 1, avg_chroma_exceed: 1.1667 });
  });

  it("is all zero for clean files and for no files", () => {
    expect(rankCandidate([result(0), result(2)], base)).toEqual({
      hard_failures: 0,
      soft_warnings: 0,
      avg_chroma_exceed: 0,
    });
    expect(rankCandidate([], base)).toEqual({ hard_failures: 0, soft_warnings: 0, avg_chroma_exceed: 0 });
  });
});

describe("pickBestCandidate", () => {
  const rank = (hard_failures: number, soft_warnings: number, avg_chroma_exceed: number): CandidateRank => ({
    hard_failures,
    soft_warnings,
    avg_chroma_exceed,
  });

  it("prefers fewer hard failures, then fewer warnings, then less excess", () => {
    expect(pickBestCandidate([rank(1, 0, 0), rank(0, 5, 9)])).toBe(1);
    expect(pickBestCandidate([rank(0, 2, 0), rank(0, 1, 9)])).toBe(1);
    expect(pickBestCandidate([rank(0, 1, 0.5), rank(0, 1, 0.25), rank(0, 1, 0.3)])).toBe(1);
  });

  it("breaks ties toward the lower index", () => {
    expect(pickBestCandidate([rank(0, 1, 0.5), rank(0, 1, 0.5)])).toBe(0);
    expect(pickBestCandidate([rank(1, 0, 0), rank(0, 0, 0), rank(0, 0, 0)])).toBe(1);
  });

  it("skips candidates that were not generated", () => {
    expect(pickBestCandidate([undefined, rank(2, 0, 0), undefined, rank(1, 0, 0)])).toBe(3);
    expect(pickBestCandidate([undefined, rank(0, 0, 0)])).toBe(1);
  });

  it("returns undefined when nothing was generated", () => {
    expect(pickBestCandidate([])).toBeUndefined();
    expect(pickBestCandidate([undefined, undefined])).toBeUndefined();
  });

  it("picks from real images end to end", async () => {
    const settings = { ...base, enforce_grayscale: true };
    const candidates = [
      [await solid("c1.png", 255, 0, 0)],
      [await solid("c2.png", 132, 128, 128)],
      [await solid("c3.png", 130, 128, 128)],
    ];
    const ranks = [];
    for (const files of candidates) {
      const results = [];
      for (const file of files) results.push(await checkImage(file, settings));
      ranks.push(rankCandidate(results, settings));
    }
    expect(ranks[1]).toEqual({ hard_failures: 1, soft_warnings: 1, avg_chroma_exceed: 0.6667 });
    expect(pickBestCandidate(ranks)).toBe(2);
  });
});

describe("runQa", () => {
  it("checks every image under a directory and summarises files with failures and warnings", async () => {
    const gray = await solid("out/a.png", 128, 128, 128);
    const red = await solid("out/sub/b.png", 255, 0, 0);
    const tinted = await solid("out/c.png", 132, 128, 128);
    const broken = join(dir, "out/d.png");
    await writeFile(broken, "nope");
    await writeFile(join(dir, "out/notes.txt"), "not an image");

    const report = await runQa(join(dir, "out"), { ...base, enforce_grayscale: true });
    expect(report.input).toBe(join(dir, "out"));
    expect(report.settings).toEqual({ enforce_grayscale: true, max_chroma_delta: 2, fail_on_chroma_exceed: false });
    expect(report.summary).toEqual({ total_files: 4, hard_failures: 3, soft_warnings: 2 });
    expect(report.files.map((file) => [file.file, file.hard_fail_reasons, file.soft_warnings])).toEqual([
      [gray, [], []],
      [tinted, ["not_grayscale_like"], ["chroma_exceeds_threshold"]],
      [broken, ["image_read_failed"], []],
      [red, ["not_grayscale_like"], ["chroma_exceeds_threshold"]],
    ]);
  });

  it("checks a single file", async () => {
    const red = await solid("red.png", 255, 0, 0);
    const report = await runQa(red, base);
    expect(report.summary).toEqual({ total_files: 1, hard_failures: 0, soft_warnings: 1 });
  });

  it("refuses an input that does not exist", async () => {
    await expect(runQa(join(dir, "nowhere"), base)).rejects.toThrow(PipelineError);
    await expect(runQa(join(dir, "nowhere"), base)).rejects.toThrow(/Input '.*nowhere' does not exist/);
  });
});

describe("resolveGuardSettings", () => {
  it("takes the flags, else the manifest, else the defaults", () => {
    expect(resolveGuardSettings({})).toEqual({
      enabled: true,
      enforce_grayscale: false,
      max_chroma_delta: 2,
      fail_on_chroma_exceed: false,
    });
    const manifest = { output_guard: { enforce_grayscale: true, max_chroma_delta: 4, fail_on_chroma_exceed: true } };
    expect(resolveGuardSettings({ max_chroma_delta: " 0.5 ", fail_on_chroma_exceed: "off" }, manifest)).toEqual({
      enabled: true,
      enforce_grayscale: true,
      max_chroma_delta: 0.5,
      fail_on_chroma_exceed: false,
    });
    expect(resolveGuardSettings({ enabled: "no", enforce_grayscale: "YES" })).toMatchObject({
      enabled: false,
      enforce_grayscale: true,
    });
  });

  it("names the field of a bad value", () => {
    expect(() => resolveGuardSettings({ enforce_grayscale: "maybe" })).toThrow(
      "Field 'enforce_grayscale' must be a boolean (1/true/yes/on or 0/false/no/off), got 'maybe'",
    );
    expect(() => resolveGuardSettings({ max_chroma_delta: "-1" })).toThrow(
      "Field 'max_chroma_delta' must be a number >= 0, got '-1'",
    );
    expect(() => resolveGuardSettings({ max_chroma_delta: "two" })).toThrow(PipelineError);
  });
});

describe("QA report files", () => {
  it("defaults into the input directory, or next to a single file", async () => {
    const red = await solid("out/red.png", 255, 0, 0);
    expect(await defaultQaReportPath(join(dir, "out"), "S")).toBe(join(dir, "out/qa_report_S.json"));
    expect(await defaultQaReportPath(red, "S")).toBe(join(dir, "out/qa_report_S.json"));
  });

  it("writes the report as JSON, creating the directory", async () => {
    const report = await runQa(await solid("red.png", 255, 0, 0), base);
    const path = await writeQaReport(report, join(dir, "reports/deep/qa.json"));
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(report);
  });
});
