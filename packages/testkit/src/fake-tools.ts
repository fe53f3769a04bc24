// Stand-ins for the tools a user installs: the realesrgan-ncnn-vulkan binary and the optional
// local background-removal package. Both do real image work with sharp, so the stages' outputs
// can be checked, and both record how they were called.
import { chmod, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const sharpPath = createRequire(import.meta.url).resolve("sharp");

/**
 * An executable that behaves like `realesrgan-ncnn-vulkan -i IN -o OUT -s SCALE ... -f FORMAT`:
 * it resizes by SCALE and appends its arguments to `<dir>/realesrgan-calls.jsonl`.
 */
export async function writeFakeRealesrgan(dir: string): Promise<{ binary: string; callsFile: string }> {
  const binary = join(dir, "realesrgan-ncnn-vulkan");
  const callsFile = join(dir, "realesrgan-calls.jsonl");
  const script = `#!${process.execPath}
const fs = require("node:fs");
const sharp = require(${JSON.stringify(sharpPath)});
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(callsFile)}, JSON.stringify(args) + "\\n");
const flag = (name) => args[args.indexOf(name) + 1];
if (flag("-n") === "broken-model") { console.error("[0 llvmpipe] find_blob_index_by_name failed"); process.exit(255); }
const scale = Number(flag("-s"));
sharp(flag("-i")).metadata().then((m) =>
  sharp(flag("-i")).resize(m.width * scale, m.height * scale).toFormat(flag("-f") === "jpg" ? "jpeg" : flag("-f")).toFile(flag("-o")),
).catch((e) => { console.error(String(e)); process.exit(1); });
`;
  await writeFile(binary, script);
  await chmod(binary, 0o755);
  return { binary, callsFile };
}

/**
 * An ES module with the local package's `removeBackground(blob, config)` API: it cuts out a
 * centred ellipse and records each call's config in `<dir>/local-calls.jsonl`.
 */
export async function writeFakeLocalRemover(dir: string): Promise<{ module: string; callsFile: string }> {
  const module = join(dir, "fake-background-removal.mjs");
  const callsFile = join(dir, "local-calls.jsonl");
  const source = `import { appendFileSync } from "node:fs";
import sharp from ${JSON.stringify(pathToFileURL(sharpPath).href)};
export async function removeBackground(image, config) {
  appendFileSync(${JSON.stringify(callsFile)}, JSON.stringify({ type: image.type, config }) + "\\n");
  const input = Buffer.from(await image.arrayBuffer());
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) {
    const r = ((x - info.width / 2) / (info.width * 0.3)) ** 2 + ((y - info.height / 2) / (info.height * 0.3)) ** 2;
    if (r >= 1) data[(y * info.width + x) * 4 + 3] = 0;
  }
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
  return new Blob([png], { type: "image/png" });
}
`;
  await writeFile(module, source);
  return { module, callsFile };
}
