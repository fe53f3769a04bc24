import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import sharp from "sharp";
import type { OutputImageFormat } from "../config/schemas.js";

/**
 * Packed 8-bit pixels as sharp's `.raw()` gives them: `channels` is 3 (RGB) or 4 (RGBA). The
 * colour stage corrects only the colour channels; alpha is never read or written.
 */
export interface RawPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * The most pixels an input may have before it is refused unread: PIL's decompression-bomb limit
 * (2 x 89,478,485), so a file the seed refused is refused here too, and a tiny PNG that claims
 * 100,000 x 100,000 pixels fails at its header instead of taking the machine's memory.
 */
export const defaultMaxInputPixels = 178_956_970;

/** Decoding limits shared by every stage. */
export interface DecodeOptions {
  /** Refuse inputs with more pixels than this (default {@link defaultMaxInputPixels}). */
  maxInputPixels?: number | undefined;
}

/**
 * A sharp pipeline for an input file or buffer with the pixel limit set; truncated or corrupt
 * data fails (sharp's `failOn: "warning"`) rather than decoding half an image.
 *
 * @example
 * const { width, height } = await openImage("scene.png").metadata();
 */
export function openImage(input: string | Buffer, options: DecodeOptions = {}): sharp.Sharp {
  return sharp(input, { limitInputPixels: options.maxInputPixels ?? defaultMaxInputPixels, failOn: "warning" });
}

/**
 * Decodes an image fully to 8-bit sRGB pixels (3 channels, or 4 when it has alpha), which is
 * also how a file is proved readable: a 0-byte file, a non-image, a truncated PNG or an image
 * over the pixel limit each throw here with sharp's reason.
 *
 * @example
 * const pixels = await decodeRgb("scene.png"); // { data, width, height, channels: 3 }
 */
export async function decodeRgb(input: string | Buffer, options: DecodeOptions = {}): Promise<RawPixels> {
  const { data, info } = await openImage(input, options)
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 && info.channels !== 4) {
    throw new Error(`expected 3 or 4 channels after conversion to sRGB, got ${info.channels}`);
  }
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    ...size(info),
    channels: info.channels,
  };
}

const size = (info: { width: number; height: number }) => ({ width: info.width, height: info.height });

/** The output format a path's extension names (`.jpeg` counts as jpg), or undefined for others. */
export function formatOfPath(path: string): OutputImageFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".png") return "png";
  if (ext === ".jpg" || ext === ".jpeg") return "jpg";
  if (ext === ".webp") return "webp";
  return undefined;
}

/** `png` -> `.png`, ... */
export function extensionOf(format: OutputImageFormat): string {
  return `.${format}`;
}

/**
 * Encodes `image` in `format`: PNG lossless; JPEG (quality 92) flattened over white first, since
 * JPEG has no alpha and a cut-out over black would look wrong; WebP at quality 92 keeping alpha.
 */
export function encode(image: sharp.Sharp, format: OutputImageFormat): sharp.Sharp {
  if (format === "jpg") return image.flatten({ background: "#ffffff" }).jpeg({ quality: 92 });
  if (format === "webp") return image.webp({ quality: 92 });
  return image.png();
}

/**
 * Writes `image` to `output` in `format` atomically: to a temporary name in the same directory,
 * then renamed, so a failure (or a crash) never leaves a half-written file where an earlier good
 * one stood. Creates the directory.
 *
 * @example
 * await writeImage(openImage("a.png").resize(200), "out/a_small.webp", "webp");
 */
export async function writeImage(image: sharp.Sharp, output: string, format: OutputImageFormat): Promise<void> {
  await writeAtomically(output, (temporary) => encode(image, format).toFile(temporary));
}

/**
 * Runs `produce` with a temporary path next to `output`, then renames it into place; the
 * temporary file is removed when `produce` fails.
 *
 * @example
 * await writeAtomically("out/a.png", (tmp) => runTool(["-o", tmp]));
 */
export async function writeAtomically(output: string, produce: (temporary: string) => Promise<unknown>): Promise<void> {
  await mkdir(dirname(output), { recursive: true });
  const temporary = temporaryPath(output);
  try {
    await produce(temporary);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A hidden sibling name that keeps the extension (tools pick the format from it). */
export function temporaryPath(output: string): string {
  const ext = extname(output);
  return join(dirname(output), `.${basename(output, ext)}.partial-${randomBytes(4).toString("hex")}${ext}`);
}

/** Whether a decoded image has any pixel that is not fully opaque. */
export function hasTransparency({ data, channels }: RawPixels): boolean {
  if (channels !== 4) return false;
  for (let i = 3; i < data.length; i += 4) if ((data[i] as number) < 255) return true;
  return false;
}

/**
 * A decoding error in words a user can act on; sharp's own text is kept in brackets. Other errors
 * pass through unchanged.
 *
 * @example
 * describeImageError(new Error("Input image exceeds pixel limit")); // "image exceeds the pixel limit of 178956970 (decompression bomb?) [Input image exceeds pixel limit]"
 */
export function describeImageError(error: unknown, maxInputPixels = defaultMaxInputPixels): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit/i.test(message)) {
    return `image exceeds the pixel limit of ${maxInputPixels} (decompression bomb?) [${message}]`;
  }
  if (/unsupported image format/i.test(message))
    return `not a readable image (empty, or not an image format) [${message}]`;
  if (/end of stream|premature end|truncated|unexpected end/i.test(message))
    return `truncated or corrupt image [${message}]`;
  return message;
}
