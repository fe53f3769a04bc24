import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { channelMeans, lumaStdDev, rgba } from "@kroma/testkit/test-images";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImageDir } from "../test-helpers/image-dir.js";
import { removeDir } from "../test-helpers/temp-dir.js";
import { colorCorrectFile } from "./color.js";
import {
  builtInColorProfiles,
  defaultColorSettings,
  loadColorSettings,
  resolveColorProfile,
} from "./color-profiles.js";

let dir = "";
let scene = "";
let cutout = "";
beforeAll(async () => {
  ({ dir, scene, cutout } = await makeImageDir("kroma-color-"));
});
afterAll(() => removeDir(dir));

async function correct(input: string, profileName: keyof typeof builtInColorProfiles, format: "png" | "jpg" = "png") {
  const output = join(dir, `${profileName}-${Math.random().toString(36).slice(2)}.${format}`);
  const report = await colorCorrectFile(input, output, {
    profileName,
    profile: builtInColorProfiles[profileName],
    format,
  });
  return { output, report };
}

describe("colour profiles move an image the way their names say", () => {
  it("cinematic_warm: warmer (red up against blue) and more contrast, same size", async () => {
    const { output, report } = await correct(scene, "cinematic_warm");
    const [r0, , b0] = await channelMeans(scene);
    const [r1, , b1] = await channelMeans(output);
    expect(r1 - b1).toBeGreaterThan(r0 - b0 + 5);
    expect(await lumaStdDev(output)).toBeGreaterThan(await lumaStdDev(scene));
    expect(await sharp(output).metadata()).toMatchObject({ width: 96, height: 64 });
    expect(report).toMatchObject({ backend: "sharp", params: { profile: "cinematic_warm", contrast: 1.12 } });
  });

  it("cold_rain: cooler (blue up against red), darker, more contrast", async () => {
    const { output } = await correct(scene, "cold_rain");
    const [r0, g0, b0] = await channelMeans(scene);
    const [r1, g1, b1] = await channelMeans(output);
    expect(b1 - r1).toBeGreaterThan(b0 - r0 + 5);
    expect(r1 + g1 + b1).toBeLessThan(r0 + g0 + b0);
    expect(await lumaStdDev(output)).toBeGreaterThan(await lumaStdDev(scene));
  });

  it("neutral: only a touch more contrast, the mean barely moves", async () => {
    const { output } = await correct(scene, "neutral");
    const before = await channelMeans(scene);
    const after = await channelMeans(output);
    for (let c = 0; c < 3; c++) expect(Math.abs((after[c] as number) - (before[c] as number))).toBeLessThan(2);
    expect(await lumaStdDev(output)).toBeGreaterThan(await lumaStdDev(scene));
  });

  it("keeps a cut-out's alpha byte for byte and corrects only colour", async () => {
    const { output } = await correct(cutout, "cinematic_warm");
    const before = await rgba(cutout);
    const after = await rgba(output);
    expect(after.width).toBe(before.width);
    expect(after.height).toBe(before.height);
    const alpha = (data: Buffer) => Buffer.from(data.filter((_, i) => i % 4 === 3));
    expect(alpha(after.data).equals(alpha(before.data))).toBe(true);
    expect(after.data.equals(before.data)).toBe(false);
  });

  it("flattens a cut-out over white when writing JPEG", async () => {
    const { output } = await correct(cutout, "neutral", "jpg");
    const metadata = await sharp(output).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", hasAlpha: false });
    const { data } = await rgba(output);
    // The top-left corner was fully transparent: it comes out white, not black.
    expect(Math.min(data[0] as number, data[1] as number, data[2] as number)).toBeGreaterThan(240);
  });
});

describe("colour settings files", () => {
  it("add profiles (partial ones merged over 'no change') and may set the default", async () => {
    const file = join(dir, "color.json");
    await writeFile(
      file,
      JSON.stringify({ default_profile: "studio", profiles: { studio: { brightness: 1.2, blue_multiplier: 0.9 } } }),
    );
    const settings = await loadColorSettings(file);
    expect(settings.default_profile).toBe("studio");
    expect(resolveColorProfile(settings)).toEqual({
      ...builtInColorProfiles.neutral,
      contrast: 1,
      brightness: 1.2,
      blue_multiplier: 0.9,
    });
    expect(Object.keys(settings.profiles)).toEqual(["neutral", "cinematic_warm", "cold_rain", "studio"]);

    const output = join(dir, "studio.png");
    await colorCorrectFile(scene, output, {
      profileName: "studio",
      profile: resolveColorProfile(settings),
      format: "png",
    });
    const [r0, g0, b0] = await channelMeans(scene);
    const [r1, g1, b1] = await channelMeans(output);
    expect(r1).toBeGreaterThan(r0);
    expect(g1).toBeGreaterThan(g0);
    expect(b1 / r1).toBeLessThan(b0 / r0);
  });

  it("reject unknown fields and out-of-range values, naming the file and field", async () => {
    const file = join(dir, "bad-color.json");
    await writeFile(file, JSON.stringify({ profiles: { moody: { brighness: 1.1, gamma: 0, contrast: "high" } } }));
    const error = (await loadColorSettings(file).catch((e: unknown) => e)) as { problems: unknown[] };
    expect(error.problems).toEqual([
      { file, field: "profiles.moody.brighness", message: expect.stringContaining("unknown key") },
      { file, field: "profiles.moody.gamma", message: "must be > 0" },
      { file, field: "profiles.moody.contrast", message: "must be a number (got a string)" },
    ]);
  });

  it("name the known profiles when asked for one nobody defines", () => {
    expect(() => resolveColorProfile(defaultColorSettings(), "sepia")).toThrow(
      /unknown color profile "sepia"; known profiles: neutral, cinematic_warm, cold_rain/,
    );
  });
});
