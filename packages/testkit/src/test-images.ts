// Images made in the test run: gradients, shapes and alpha, plus the bad inputs a batch must survive.
import { writeFile } from "node:fs/promises";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { pngChunk } from "./png-bytes.js";

/**
 * A colourful RGB test image: a horizontal red ramp, a vertical green ramp, a blue disc and a
 * dark bar, so every channel has detail and contrast to change.
 */
export async function scenePng(width = 96, height = 64): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inDisc = (x - width * 0.65) ** 2 + (y - height * 0.5) ** 2 < (height * 0.3) ** 2;
      const inBar = x > width * 0.1 && x < width * 0.25;
      data[i] = inBar ? 30 : Math.round((x / (width - 1)) * 200 + 30);
      data[i + 1] = inBar ? 35 : Math.round((y / (height - 1)) * 180 + 40);
      data[i + 2] = inDisc ? 210 : inBar ? 40 : 90;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** An RGBA cut-out: the scene with alpha 0 outside a centred ellipse and a soft ramp at its edge. */
export async function cutoutPng(width = 80, height = 60): Promise<Buffer> {
  const { data } = await sharp(await scenePng(width, height))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = ((x - width / 2) / (width * 0.4)) ** 2 + ((y - height / 2) / (height * 0.4)) ** 2;
      data[(y * width + x) * 4 + 3] = r < 0.8 ? 255 : r < 1 ? Math.round(((1 - r) / 0.2) * 255) : 0;
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Decoded RGBA pixels of a file or buffer, with its size. */
export async function rgba(input: string | Buffer) {
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Per-channel means of an image (alpha included as the 4th), over every pixel. */
export async function channelMeans(input: string | Buffer): Promise<[number, number, number, number]> {
  const { data } = await rgba(input);
  const sums = [0, 0, 0, 0];
  for (let i = 0; i < data.length; i++) sums[i % 4] = (sums[i % 4] as number) + (data[i] as number);
  const pixels = data.length / 4;
  return sums.map((sum) => sum / pixels) as [number, number, number, number];
}

/** Standard deviation of luma (0.299R + 0.587G + 0.114B): what "more contrast" moves. */
export async function lumaStdDev(input: string | Buffer): Promise<number> {
  const { data } = await rgba(input);
  const luma: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    luma.push(0.299 * (data[i] as number) + 0.587 * (data[i + 1] as number) + 0.114 * (data[i + 2] as number));
  }
  const mean = luma.reduce((a, b) => a + b, 0) / luma.length;
  return Math.sqrt(luma.reduce((a, b) => a + (b - mean) ** 2, 0) / luma.length);
}

/** The bad inputs of issue 7: each must fail alone, with its own error. */
export async function writeBadInputs(
  dir: string,
): Promise<{ notImage: string; truncated: string; empty: string; bomb: string }> {
  const files = {
    notImage: `${dir}/notes.png`,
    truncated: `${dir}/truncated.png`,
    empty: `${dir}/empty.png`,
    bomb: `${dir}/bomb.png`,
  };
  await writeFile(files.notImage, "this is a text file with an image extension\n");
  const whole = await scenePng(64, 64);
  await writeFile(files.truncated, whole.subarray(0, Math.floor(whole.length / 2)));
  await writeFile(files.empty, Buffer.alloc(0));
  await writeFile(files.bomb, bombPng(40_000, 40_000));
  return files;
}

/**
 * A few hundred bytes that claim to be a 40,000 x 40,000 grayscale PNG (1.6 gigapixels): the
 * classic decompression bomb. A decoder that honours the pixel limit refuses it at the header.
 */
export function bombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = deflateSync(Buffer.alloc((width + 1) * 16));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Size, format and alpha of an image file, as a user would check them. */
export async function imageInfo(input: string | Buffer) {
  const { width, height, format, hasAlpha } = await sharp(input).metadata();
  return { width, height, format, hasAlpha };
}
