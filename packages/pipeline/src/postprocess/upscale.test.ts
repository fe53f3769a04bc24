import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFakeRealesrgan } from "@kroma/testkit/fake-tools";
import { channelMeans, rgba } from "@kroma/testkit/test-images";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImageDir } from "../test-helpers/image-dir.js";
import { removeDir } from "../test-helpers/temp-dir.js";
import { findRealesrganBinary, upscaleFile } from "./upscale.js";

let dir = "";
let scene = "";
let cutout = "";
beforeAll(async () => {
  ({ dir, scene, cutout } = await makeImageDir("kroma-upscale-", [40, 30]));
});
afterAll(() => removeDir(dir));

describe("upscale with sharp (Lanczos)", () => {
  for (const scale of [2, 3, 4] as const) {
    it(`x${scale} multiplies both sides and keeps the colours`, async () => {
      const output = join(dir, `scene_x${scale}.png`);
      const report = await upscaleFile(scene, output, { backend: "sharp", scale, format: "png" });
      expect(await sharp(output).metadata()).toMatchObject({ width: 40 * scale, height: 30 * scale, format: "png" });
      const before = await channelMeans(scene);
      const after = await channelMeans(output);
      for (let c = 0; c < 3; c++) expect(Math.abs((after[c] as number) - (before[c] as number))).toBeLessThan(3);
      expect(report).toEqual({ backend: "sharp", params: { scale, kernel: "lanczos3", format: "png" } });
    });
  }

  it("keeps transparency: transparent corners stay transparent, the centre opaque", async () => {
    const output = join(dir, "cutout_x2.webp");
    await upscaleFile(cutout, output, { backend: "sharp", scale: 2, format: "webp" });
    const { data, width, height } = await rgba(output);
    expect([width, height]).toEqual([80, 60]);
    expect(data[3]).toBe(0);
    expect(data[((height / 2) * width + width / 2) * 4 + 3]).toBe(255);
  });
});

describe("upscale with the realesrgan-ncnn-vulkan binary", () => {
  it("runs it with -i -o -s -m -n -f -t and checks what it wrote", async () => {
    const { binary, callsFile } = await writeFakeRealesrgan(dir);
    const output = join(dir, "scene_x4.png");
    const report = await upscaleFile(scene, output, {
      backend: "realesrgan-ncnn",
      scale: 4,
      format: "png",
      realesrgan: { binary, model_dir: ".", model_name: "realesr-animevideov3", tile: 128 },
      baseDir: dir,
    });
    expect(await sharp(output).metadata()).toMatchObject({ width: 160, height: 120 });
    const [args] = (await readFile(callsFile, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(args).toEqual([
      "-i",
      scene,
      "-o",
      expect.stringMatching(/\.scene_x4\.partial-[0-9a-f]+\.png$/),
      "-s",
      "4",
      "-m",
      dir,
      "-n",
      "realesr-animevideov3",
      "-f",
      "png",
      "-t",
      "128",
    ]);
    expect(report).toMatchObject({
      backend: "realesrgan-ncnn",
      params: { binary, model_name: "realesr-animevideov3" },
    });
  });

  it("reports the binary's own error and leaves no output behind", async () => {
    const { binary } = await writeFakeRealesrgan(dir);
    const output = join(dir, "broken.png");
    await expect(
      upscaleFile(scene, output, {
        backend: "realesrgan-ncnn",
        scale: 2,
        format: "png",
        realesrgan: { binary, model_name: "broken-model" },
      }),
    ).rejects.toThrow(/realesrgan-ncnn-vulkan failed \(exit 255\): .*find_blob_index_by_name failed/);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/);
  });

  it("names the setting to fix when the binary is missing", async () => {
    await expect(
      upscaleFile(scene, join(dir, "x.png"), {
        backend: "realesrgan-ncnn",
        scale: 2,
        format: "png",
        realesrgan: { binary: "tools/nowhere/realesrgan-ncnn-vulkan" },
        baseDir: dir,
      }),
    ).rejects.toThrow(
      "Real-ESRGAN binary not found: 'tools/nowhere/realesrgan-ncnn-vulkan' (set by upscale.realesrgan_ncnn.binary (postprocess.json))",
    );
    await expect(findRealesrganBinary(undefined, dir, { PATH: join(dir, "empty-bin") })).rejects.toThrow(
      /'realesrgan-ncnn-vulkan' on PATH\. .*set upscale\.realesrgan_ncnn\.binary \(postprocess\.json\)/,
    );
  });

  it("finds realesrgan-ncnn-vulkan on PATH when the setting is absent", async () => {
    const { binary } = await writeFakeRealesrgan(dir);
    expect(await findRealesrganBinary(undefined, "/", { PATH: `/nonexistent:${dir}` })).toBe(binary);
  });
});
