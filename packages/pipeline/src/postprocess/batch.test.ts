import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cutoutPng, rgba, scenePng, writeBadInputs } from "@kroma/testkit/test-images";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useCutoutServices, useImagesServer } from "../test-helpers/stand-ins.js";
import { makeTempDir, removeDir } from "../test-helpers/temp-dir.js";
import {
  type BatchOperation,
  bgRemoveOperation,
  colorOperation,
  runPostprocessBatch,
  upscaleOperation,
} from "./batch.js";
import { builtInColorProfiles } from "./color-profiles.js";

let dir = "";
beforeEach(async () => {
  dir = await makeTempDir("kroma-batch-");
});
afterEach(() => removeDir(dir));

const upscale2 = upscaleOperation({ backend: "sharp", scale: 2, format: "png" });

/** A small tree: two scenes at the top, one cut-out and one JPEG in a sub-directory. */
async function makeTree(root: string): Promise<void> {
  await mkdir(join(root, "sub"), { recursive: true });
  await writeFile(join(root, "a.png"), await scenePng(30, 20));
  await writeFile(join(root, "b.png"), await scenePng(20, 30));
  await writeFile(join(root, "sub", "c.png"), await cutoutPng(24, 24));
  await sharp(await scenePng(16, 16))
    .jpeg()
    .toFile(join(root, "sub", "d.jpg"));
}

describe("runPostprocessBatch", () => {
  it("processes a directory tree concurrently, mirroring sub-directories, with a summary", async () => {
    const input = join(dir, "in");
    await makeTree(input);
    const seen: number[] = [];
    const result = await runPostprocessBatch({
      input,
      output: join(dir, "out"),
      operation: upscale2,
      concurrency: 3,
      onProgress: (event) => seen.push(event.done),
    });
    expect(result.summary).toEqual({ total: 4, processed: 4, skipped: 0, failed: 0 });
    expect(result.concurrency).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4]);
    const sizes = await Promise.all(
      ["a_x2.png", "b_x2.png", "sub/c_x2.png", "sub/d_x2.png"].map(async (name) => {
        const { width, height } = await sharp(join(dir, "out", name)).metadata();
        return [width, height];
      }),
    );
    expect(sizes).toEqual([
      [60, 40],
      [40, 60],
      [48, 48],
      [32, 32],
    ]);
    expect(result.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256 ?? ""))).toBe(true);
  });

  it("gives each bad input its own error and leaves every other output intact", async () => {
    const input = join(dir, "in");
    await makeTree(input);
    const bad = await writeBadInputs(input);
    const output = join(dir, "out");
    const result = await runPostprocessBatch({
      input,
      output,
      operation: colorOperation({ profileName: "cold_rain", profile: builtInColorProfiles.cold_rain }),
    });
    expect(result.summary).toEqual({ total: 8, processed: 4, skipped: 0, failed: 4 });
    const failed = Object.fromEntries(
      result.files.filter((file) => file.status === "failed").map((file) => [file.input, file.error]),
    );
    expect(Object.keys(failed).sort()).toEqual(Object.values(bad).sort());
    expect(failed[bad.bomb]).toMatch(/^image exceeds the pixel limit of 178956970 \(decompression bomb\?\)/);
    expect(failed[bad.empty]).toMatch(/^not a readable image/);
    expect(failed[bad.truncated]).toMatch(/^truncated or corrupt image/);
    expect(failed[bad.notImage]).toMatch(/^not a readable image/);
    for (const name of ["a_cold_rain.png", "b_cold_rain.png", "sub/c_cold_rain.png", "sub/d_cold_rain.jpg"]) {
      expect((await sharp(join(output, name)).metadata()).width).toBeGreaterThan(0);
    }
    for (const file of Object.values(bad)) {
      await expect(stat(join(output, file.slice(input.length + 1).replace(".png", "_cold_rain.png")))).rejects.toThrow(
        /ENOENT/,
      );
    }
  });

  it("never overwrites an input: colliding outputs are skipped, an output file equal to the input refused", async () => {
    const input = join(dir, "in");
    await makeTree(input);
    // A file already named like an output of a.png: it is an input too, so a.png must not replace it.
    await writeFile(join(input, "a_x2.png"), await scenePng(8, 8));
    const before = await readFile(join(input, "a_x2.png"));
    const result = await runPostprocessBatch({ input, output: input, operation: upscale2 });
    const a = result.files.find((file) => file.input === join(input, "a.png"));
    expect(a).toMatchObject({ status: "skipped", reason: expect.stringContaining("inputs are never overwritten") });
    expect(await readFile(join(input, "a_x2.png"))).toEqual(before);
    expect(result.summary).toMatchObject({ processed: 4, skipped: 1, failed: 0 });

    await expect(
      runPostprocessBatch({ input: join(input, "b.png"), output: join(input, "b.png"), operation: upscale2 }),
    ).rejects.toThrow("is the input file; refusing to overwrite an input");
  });

  it("leaves an output directory inside the input tree out of the walk", async () => {
    const input = join(dir, "in");
    await makeTree(input);
    const first = await runPostprocessBatch({ input, output: join(input, "upscaled"), operation: upscale2 });
    expect(first.summary.total).toBe(4);
    const again = await runPostprocessBatch({ input, output: join(input, "upscaled"), operation: upscale2 });
    expect(again.summary).toEqual({ total: 4, processed: 0, skipped: 4, failed: 0 });
    expect(again.files[0]?.reason).toMatch(/already exists \(pass --overwrite/);
    const forced = await runPostprocessBatch({
      input,
      output: join(input, "upscaled"),
      operation: upscale2,
      overwrite: true,
    });
    expect(forced.summary).toMatchObject({ processed: 4 });
  });

  it("writes a single file to an explicit output path, in that path's format", async () => {
    const input = join(dir, "one.png");
    await writeFile(input, await cutoutPng(20, 10));
    const result = await runPostprocessBatch({ input, output: join(dir, "result", "big.webp"), operation: upscale2 });
    expect(result.files[0]).toMatchObject({ status: "processed", output: join(dir, "result", "big.webp") });
    expect(await sharp(join(dir, "result", "big.webp")).metadata()).toMatchObject({
      format: "webp",
      width: 40,
      hasAlpha: true,
    });
  });

  it("skips a second input that would write the same output", async () => {
    const input = join(dir, "in");
    await mkdir(input);
    await writeFile(join(input, "x.png"), await scenePng(10, 10));
    await sharp(await scenePng(10, 10))
      .jpeg()
      .toFile(join(input, "x.jpg"));
    const result = await runPostprocessBatch({ input, output: join(dir, "out"), operation: upscale2 });
    // Files run in name order: x.jpg claims x_x2.png first.
    expect(result.files.map((file) => [file.input, file.status])).toEqual([
      [join(input, "x.jpg"), "processed"],
      [join(input, "x.png"), "skipped"],
    ]);
    expect(result.files[1]?.reason).toMatch(/another input \(.*x\.jpg\) writes the same output/);
  });
});

describe("the bgremove operation", () => {
  const services = useCutoutServices();
  const images = useImagesServer();

  const bgremove = (refine?: { required: boolean }): BatchOperation =>
    bgRemoveOperation(
      {
        backends: ["removebg"],
        format: "png",
        keys: { removebg: services.key },
        removebg: { api_url: services.removebgUrl },
      },
      refine && {
        ...refine,
        apiKey: "sk-test-batch-refine-0000",
        baseURL: `${images.url}/v1`,
        retryDelayMs: 1,
        maxAttempts: 1,
      },
    );

  /** Runs the bgremove operation, with the refine pass `refine` asks for, on one 40x30 scene into out/. */
  async function cutOutOneScene(refine: { required: boolean }) {
    const input = join(dir, "s.png");
    await writeFile(input, await scenePng(40, 30));
    return runPostprocessBatch({ input, output: join(dir, "out"), operation: bgremove(refine) });
  }

  it("writes cut-outs, refined when asked", async () => {
    const refined = (await cutoutPng(64, 48)).toString("base64");
    images.script(() => ({ b64: refined }));
    const result = await cutOutOneScene({ required: false });
    expect(result.files[0]).toMatchObject({
      status: "processed",
      backend: "removebg",
      params: { refine_openai: { background: "transparent" } },
    });
    const { width, height } = await rgba(join(dir, "out", "s_nobg.png"));
    expect([width, height]).toEqual([40, 30]);
    expect(images.requests).toHaveLength(1);
  });

  it("keeps the unrefined cut-out with a warning when the optional refine fails", async () => {
    images.script(() => ({ status: 400, message: "bad edit" }));
    const result = await cutOutOneScene({ required: false });
    expect(result.files[0]).toMatchObject({ status: "processed", warnings: [expect.stringContaining("bad edit")] });
    const { data } = await rgba(join(dir, "out", "s_nobg.png"));
    expect(data[3]).toBe(0);
  });

  it("fails the file and writes nothing when the required refine fails", async () => {
    images.script(() => ({ status: 400, message: "bad edit" }));
    const result = await cutOutOneScene({ required: true });
    expect(result.files[0]).toMatchObject({
      status: "failed",
      error: "required OpenAI refine failed: OpenAI refine failed: HTTP 400: bad edit",
    });
    await expect(stat(join(dir, "out", "s_nobg.png"))).rejects.toThrow(/ENOENT/);
  });
});
