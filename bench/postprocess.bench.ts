// Post-process throughput on a fixed set of generated images: colour correction (the exact
// PIL-matching pixel ops, in memory and file to file) and sharp upscaling (x2, x4), printed in
// megapixels of input per second. BENCH_ROUNDS (default 3) tunes it. Imports the pipeline's source
// directly (tsx runs TypeScript), so it needs no build.
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { applyColorProfile, builtInColorProfiles, colorCorrectFile, decodeRgb, upscaleFile } from "@kroma/pipeline";
import sharp from "sharp";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

/** The fixed set: three opaque scenes and one cut-out with alpha, 5.43 megapixels in all. */
const shapes = [
  { name: "landscape", width: 1536, height: 1024, alpha: false },
  { name: "portrait", width: 768, height: 1152, alpha: false },
  { name: "square", width: 1024, height: 1024, alpha: false },
  { name: "cutout", width: 1200, height: 1600, alpha: true },
];

/** Gradients, a disc and a deterministic noise texture, so no step sees a flat image. */
async function makeImage(width: number, height: number, alpha: boolean): Promise<Buffer> {
  const channels = alpha ? 4 : 3;
  const data = Buffer.alloc(width * height * channels);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const i = (y * width + x) * channels;
      const disc = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (Math.min(width, height) / 3) ** 2;
      data[i] = Math.round((x / width) * 220) + (seed % 20);
      data[i + 1] = Math.round((y / height) * 200) + ((seed >> 8) % 30);
      data[i + 2] = disc ? 200 : 60 + ((seed >> 16) % 40);
      if (alpha) data[i + 3] = disc ? 255 : 0;
    }
  }
  return sharp(data, { raw: { width, height, channels } }).png({ compressionLevel: 1 }).toBuffer();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function measure(label: string, megapixels: number, work: () => Promise<void>) {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await work();
    timings.push(performance.now() - started);
  }
  const ms = median(timings);
  return {
    case: label,
    "input MP": Number(megapixels.toFixed(2)),
    "median ms": Math.round(ms),
    "MP/s": Number((megapixels / (ms / 1000)).toFixed(2)),
  };
}

const dir = await mkdtemp(join(tmpdir(), "kroma-postprocess-bench-"));
try {
  const files: string[] = [];
  for (const shape of shapes) {
    const file = join(dir, `${shape.name}.png`);
    await sharp(await makeImage(shape.width, shape.height, shape.alpha)).toFile(file);
    files.push(file);
  }
  const megapixels = shapes.reduce((sum, shape) => sum + (shape.width * shape.height) / 1e6, 0);
  const decoded = await Promise.all(files.map((file) => decodeRgb(file)));
  const rows = [];

  for (const [name, profile] of Object.entries(builtInColorProfiles)) {
    rows.push(
      await measure(`color ${name} (pixels in memory)`, megapixels, async () => {
        for (const pixels of decoded) applyColorProfile({ ...pixels, data: Uint8Array.from(pixels.data) }, profile);
      }),
    );
  }
  rows.push(
    await measure("color cinematic_warm (png file to png file)", megapixels, async () => {
      await Promise.all(
        files.map((file, i) =>
          colorCorrectFile(file, join(dir, `out_color_${i}.png`), {
            profileName: "cinematic_warm",
            profile: builtInColorProfiles.cinematic_warm,
            format: "png",
          }),
        ),
      );
    }),
  );
  for (const scale of [2, 4] as const) {
    rows.push(
      await measure(`upscale sharp lanczos3 x${scale} (png file to png file)`, megapixels, async () => {
        await Promise.all(
          files.map((file, i) =>
            upscaleFile(file, join(dir, `out_x${scale}_${i}.png`), { backend: "sharp", scale, format: "png" }),
          ),
        );
      }),
    );
  }

  console.log(
    `\nPost-process throughput: ${shapes.length} generated images (${megapixels.toFixed(2)} MP in all), ` +
      `${rounds} rounds (median), Node ${process.version}, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}, ` +
      `${availableParallelism()} cores\n`,
  );
  console.table(rows);
} finally {
  await rm(dir, { recursive: true, force: true });
}
