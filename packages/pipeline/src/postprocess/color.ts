import sharp from "sharp";
import type { OutputImageFormat } from "../config/schemas.js";
import type { ColorProfile } from "./color-profiles.js";
import { type DecodeOptions, decodeRgb, type RawPixels, writeImage } from "./image-io.js";
import type { StageReport } from "./stage-report.js";

const f32 = Math.fround;

/**
 * Applies a colour profile in place, with the seed's order and arithmetic (PIPELINE.md "Exact
 * semantics"): autocontrast (cutoff > 0), brightness, contrast, saturation, sharpness, gamma,
 * channel multipliers. The enhancers reproduce PIL's `ImageEnhance` (a blend with a degenerate
 * image, truncated to integers and clamped like PIL's `Image.blend`), so results match the seed's
 * images; `test/fixtures/color-reference/` holds PIL's own output to prove it.
 *
 * @example
 * const pixels = applyColorProfile(await decodeRgb("scene.png"), builtInColorProfiles.cold_rain);
 * await sharp(pixels.data, { raw: pixels }).png().toFile("scene_cold_rain.png");
 */
export function applyColorProfile(pixels: RawPixels, profile: ColorProfile): RawPixels {
  if (profile.autocontrast_cutoff > 0) autocontrast(pixels, profile.autocontrast_cutoff);
  if (profile.brightness !== 1) blendConstant(pixels, profile.brightness, 0);
  if (profile.contrast !== 1) blendConstant(pixels, profile.contrast, meanLuminance(pixels));
  // Both planes are computed before their blend starts: the blend rewrites pixels as it goes.
  if (profile.saturation !== 1) blendPlane(pixels, profile.saturation, lumaPlane(pixels), false);
  if (profile.sharpness !== 1) blendPlane(pixels, profile.sharpness, smoothed(pixels), true);
  const tone = toneLuts(profile);
  if (tone) applyChannelLuts(pixels, tone);
  return pixels;
}

/** Options of {@link colorCorrectFile}. */
export interface ColorCorrectOptions extends DecodeOptions {
  /** The profile's name, recorded in the stage's parameters. */
  profileName: string;
  profile: ColorProfile;
  format: OutputImageFormat;
}

/**
 * Colour-corrects one image file with a profile (see {@link applyColorProfile}) and writes it
 * atomically in `format`. Alpha passes through untouched, so a cut-out stays a cut-out.
 *
 * @example
 * await colorCorrectFile("cutout.png", "color_corrected/cutout_cold_rain.png", {
 *   profileName: "cold_rain", profile: builtInColorProfiles.cold_rain, format: "png",
 * });
 */
export async function colorCorrectFile(
  input: string,
  output: string,
  options: ColorCorrectOptions,
): Promise<StageReport> {
  const pixels = applyColorProfile(await decodeRgb(input, options), options.profile);
  const { width, height, channels } = pixels;
  await writeImage(sharp(pixels.data, { raw: { width, height, channels } }), output, options.format);
  return { backend: "sharp", params: { profile: options.profileName, ...options.profile, format: options.format } };
}

/**
 * `v' = d + f * (v - d)` with PIL's arithmetic: `Image.blend(degenerate, image, f)` computes in
 * single-precision floats and truncates, clamping to 0..255 when `f` is outside 0..1. Mirrored
 * exactly, float rounding included.
 */
function blendValue(alpha: number, d: number, v: number): number {
  const value = f32(d + f32(alpha * (v - d)));
  return value <= 0 ? 0 : value >= 255 ? 255 : Math.trunc(value);
}

/** The blend for every (degenerate, value) byte pair: 64 KiB, so the pixel loops only look up. */
function blendTable(factor: number): Uint8Array {
  const alpha = f32(factor);
  const table = new Uint8Array(256 * 256);
  for (let d = 0; d < 256; d++) for (let v = 0; v < 256; v++) table[d * 256 + v] = blendValue(alpha, d, v);
  return table;
}

/** Blend with a flat degenerate image (brightness: black; contrast: the mean luma): one lookup table. */
function blendConstant(pixels: RawPixels, factor: number, degenerate: number): void {
  const alpha = f32(factor);
  const lut = new Uint8Array(256).map((_, v) => blendValue(alpha, degenerate, v));
  applyChannelLuts(pixels, [lut, lut, lut]);
}

/**
 * Blend with a degenerate image: `plane` holds one value per pixel (saturation's luma) or, when
 * `perSample`, one per byte of `data` (sharpness's smoothed copy).
 */
function blendPlane(pixels: RawPixels, factor: number, plane: Uint8Array, perSample: boolean): void {
  const { data, channels } = pixels;
  const table = blendTable(factor);
  for (let i = 0, pixel = 0; i < data.length; i += channels, pixel++) {
    for (let c = i; c < i + 3; c++) {
      const degenerate = (perSample ? plane[c] : plane[pixel]) as number;
      data[c] = table[degenerate * 256 + (data[c] as number)] as number;
    }
  }
}

/** ITU-R 601 luma as PIL's RGB -> L conversion computes it: fixed point, rounded. */
function luminanceAt(data: Uint8Array, i: number): number {
  return (
    ((data[i] as number) * 19595 + (data[i + 1] as number) * 38470 + (data[i + 2] as number) * 7471 + 0x8000) >> 16
  );
}

/** Every pixel's luma, one byte per pixel. */
function lumaPlane({ data, channels }: RawPixels): Uint8Array {
  const luma = new Uint8Array(data.length / channels);
  for (let i = 0, pixel = 0; i < data.length; i += channels, pixel++) luma[pixel] = luminanceAt(data, i);
  return luma;
}

/** The image's mean luma, rounded half up: the pivot of PIL's contrast enhancer. */
function meanLuminance({ data, channels }: RawPixels): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += channels) sum += luminanceAt(data, i);
  const count = data.length / channels;
  return count === 0 ? 0 : Math.trunc(sum / count + 0.5);
}

/**
 * PIL's `ImageFilter.SMOOTH` (3x3, weights 1 around and 5 in the centre, divided by 13) in float
 * arithmetic as PIL does it; the outermost border keeps its pixels.
 */
function smoothed({ data, width, height, channels }: RawPixels): Uint8Array {
  const out = Uint8Array.from(data);
  // Every weighted sample is one of 256 float32 products: looked up, not multiplied.
  const edge = Float32Array.from({ length: 256 }, (_, v) => v * f32(1 / 13));
  const centre = Float32Array.from({ length: 256 }, (_, v) => v * f32(5 / 13));
  const row = width * channels;
  // Each kernel row is summed in floats as PIL does: (left * e + middle * w) + right * e.
  const line = (at: number, middle: Float32Array) =>
    f32(
      f32((edge[data[at - channels] as number] as number) + (middle[data[at] as number] as number)) +
        (edge[data[at + channels] as number] as number),
    );
  for (let y = 1; y < height - 1; y++) {
    for (let i = y * row + channels, end = (y + 1) * row - channels; i < end; i += channels) {
      for (let c = i; c < i + 3; c++) {
        const sum = f32(f32(line(c + row, edge) + line(c, centre)) + line(c - row, edge));
        out[c] = sum <= 0 ? 0 : sum >= 255 ? 255 : Math.trunc(f32(sum + 0.5));
      }
    }
  }
  return out;
}

/** PIL's `ImageOps.autocontrast(image, cutoff)`: per channel, cut `cutoff` percent at each end, stretch the rest. */
function autocontrast(pixels: RawPixels, cutoff: number): void {
  const luts: Uint8Array[] = [];
  for (let c = 0; c < 3; c++) {
    const histogram = new Array<number>(256).fill(0);
    for (let i = c; i < pixels.data.length; i += pixels.channels) {
      const value = pixels.data[i] as number;
      histogram[value] = (histogram[value] as number) + 1;
    }
    luts.push(stretchLut(histogram, cutoff));
  }
  applyChannelLuts(pixels, luts as [Uint8Array, Uint8Array, Uint8Array]);
}

function stretchLut(histogram: number[], cutoff: number): Uint8Array {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  trim(histogram, Math.floor((total * cutoff) / 100), 0, 1);
  trim(histogram, Math.floor((total * cutoff) / 100), 255, -1);
  const lo = histogram.findIndex((count) => count > 0);
  const hi = 255 - [...histogram].reverse().findIndex((count) => count > 0);
  const lut = new Uint8Array(256);
  if (lo < 0 || hi <= lo) return lut.map((_, v) => v);
  const scale = 255 / (hi - lo);
  const offset = -lo * scale;
  return lut.map((_, v) => Math.min(255, Math.max(0, Math.trunc(v * scale + offset))));
}

/** Removes `cut` samples from one end of a histogram, as PIL's autocontrast loop does. */
function trim(histogram: number[], cut: number, start: number, step: 1 | -1): void {
  let left = cut;
  for (let v = start; v >= 0 && v <= 255 && left > 0; v += step) {
    const count = histogram[v] as number;
    if (left > count) {
      left -= count;
      histogram[v] = 0;
    } else {
      histogram[v] = count - left;
      left = 0;
    }
  }
}

/** Gamma then the channel multipliers, composed into one lookup per channel; undefined when both change nothing. */
function toneLuts(profile: ColorProfile): [Uint8Array, Uint8Array, Uint8Array] | undefined {
  const { gamma, red_multiplier: r, green_multiplier: g, blue_multiplier: b } = profile;
  if (gamma === 1 && r === 1 && g === 1 && b === 1) return undefined;
  const curve = gammaLut(gamma);
  const channel = (multiplier: number) => {
    const scale = multiplierLut(multiplier);
    return curve.map((v) => scale[v] as number);
  };
  return [channel(r), channel(g), channel(b)];
}

/** `v -> round(255 * (v / 255) ^ (1 / gamma))`, clamped. */
function gammaLut(gamma: number): Uint8Array {
  return new Uint8Array(256).map((_, v) => clampByte(roundHalfEven(255 * (v / 255) ** (1 / gamma))));
}

/** `c -> round(c * multiplier)`, clamped. */
function multiplierLut(multiplier: number): Uint8Array {
  return new Uint8Array(256).map((_, v) => clampByte(roundHalfEven(v * multiplier)));
}

function applyChannelLuts({ data, channels }: RawPixels, luts: [Uint8Array, Uint8Array, Uint8Array]): void {
  for (let i = 0; i < data.length; i += channels) {
    for (let c = 0; c < 3; c++) data[i + c] = (luts[c] as Uint8Array)[data[i + c] as number] as number;
  }
}

/** Python's `round()`: halves go to the even neighbour (the seed's lookup tables were built with it). */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function clampByte(value: number): number {
  return Math.min(255, Math.max(0, value));
}
