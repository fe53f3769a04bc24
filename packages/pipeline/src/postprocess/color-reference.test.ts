// Our colour correction against PIL's own output (the seed's implementation). The reference
// images were made once by test/fixtures/color-reference/make-reference.py with Pillow; this test only
// reads them, so it needs no Python.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { applyColorProfile } from "./color.js";
import { builtInColorProfiles, type ColorProfile } from "./color-profiles.js";
import { decodeRgb } from "./image-io.js";

const dir = fileURLToPath(new URL("../../test/fixtures/color-reference/", import.meta.url));
const reference = JSON.parse(await readFile(`${dir}profiles.json`, "utf8")) as {
  pillow_version: string;
  profiles: Record<string, ColorProfile>;
};
const inputs = ["gradient", "shapes", "noise", "cutout"];

describe("colour correction matches PIL (the seed) pixel for pixel", () => {
  it("uses the seed's built-in profiles as the reference did", () => {
    for (const name of ["neutral", "cinematic_warm", "cold_rain"] as const) {
      expect(reference.profiles[name]).toEqual(builtInColorProfiles[name]);
    }
  });

  for (const input of inputs) {
    for (const profile of Object.keys(reference.profiles)) {
      it(`${input} with ${profile}: every channel within 1 of PIL ${reference.pillow_version}`, async () => {
        const source = `${dir}input_${input}.png`;
        const pixels = await decodeRgb(source);
        const alphaBefore = pixels.channels === 4 ? alphaOf(pixels.data) : undefined;
        applyColorProfile(pixels, reference.profiles[profile] as ColorProfile);
        const expected = await sharp(`${dir}expected_${input}__${profile}.png`).raw().toBuffer();
        expect(expected.length / 3).toBe(pixels.width * pixels.height);

        let maxDiff = 0;
        for (let p = 0; p < pixels.width * pixels.height; p++) {
          for (let c = 0; c < 3; c++) {
            const diff = Math.abs((pixels.data[p * pixels.channels + c] as number) - (expected[p * 3 + c] as number));
            maxDiff = Math.max(maxDiff, diff);
          }
        }
        expect(maxDiff).toBeLessThanOrEqual(1);
        // PIL dropped alpha; ours keeps it byte for byte.
        if (alphaBefore) expect(alphaOf(pixels.data)).toEqual(alphaBefore);
      });
    }
  }
});

function alphaOf(data: Uint8Array): number[] {
  return Array.from(data.filter((_, i) => i % 4 === 3));
}
