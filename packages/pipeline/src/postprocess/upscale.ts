import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, rm, stat } from "node:fs/promises";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { OutputImageFormat, UpscaleBackend, UpscaleScale } from "../config/schemas.js";
import type { PostprocessConfig } from "../config/validation.js";
import { PipelineError } from "../errors.js";
import { type DecodeOptions, formatOfPath, openImage, temporaryPath, writeAtomically, writeImage } from "./image-io.js";
import type { StageReport } from "./stage-report.js";

const run = promisify(execFile);

/** The setting that names the Real-ESRGAN binary, as error messages and `kroma doctor` show it. */
export const realesrganBinarySetting = "upscale.realesrgan_ncnn.binary (postprocess.json)";

/** What `realesrgan-ncnn-vulkan` is called when the setting is absent: looked up on PATH. */
export const defaultRealesrganBinary = "realesrgan-ncnn-vulkan";

/** Defaults of the Real-ESRGAN ncnn binary (PIPELINE.md): model `realesrgan-x4plus`, tile 0 (auto). */
export const realesrganDefaults = { model_name: "realesrgan-x4plus", tile: 0 } as const;

type SharpKernel = NonNullable<NonNullable<PostprocessConfig["upscale"]["sharp"]>["kernel"]>;

/** Options of {@link upscaleFile}. */
export interface UpscaleOptions extends DecodeOptions {
  backend: UpscaleBackend;
  scale: UpscaleScale;
  format: OutputImageFormat;
  /** sharp's resampling kernel (default lanczos3). */
  kernel?: SharpKernel | undefined;
  /** `upscale.realesrgan_ncnn` from postprocess.json. */
  realesrgan?: PostprocessConfig["upscale"]["realesrgan_ncnn"];
  /** Relative binary and model paths resolve against this directory (default: the current one). */
  baseDir?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Upscales one image by 2, 3 or 4 and writes it atomically in `format`. Backend `sharp` resizes
 * with a Lanczos kernel (no setup, the default); `realesrgan-ncnn` runs the user-installed
 * `realesrgan-ncnn-vulkan` binary as `<bin> -i IN -o OUT -s SCALE [-m MODEL_DIR] -n MODEL -f FORMAT
 * -t TILE`. A binary that cannot be found is an error naming the setting to fix.
 *
 * @example
 * await upscaleFile("a.png", "upscaled/a_x2.png", { backend: "sharp", scale: 2, format: "png" });
 */
export async function upscaleFile(input: string, output: string, options: UpscaleOptions): Promise<StageReport> {
  if (options.backend === "realesrgan-ncnn") return upscaleWithRealesrgan(input, output, options);
  const kernel = options.kernel ?? "lanczos3";
  const image = openImage(input, options);
  const { width, height } = await image.metadata();
  if (!width || !height) throw new Error("cannot read the image size");
  await writeImage(
    image.resize(width * options.scale, height * options.scale, { kernel, fit: "fill" }),
    output,
    options.format,
  );
  return { backend: "sharp", params: { scale: options.scale, kernel, format: options.format } };
}

async function upscaleWithRealesrgan(input: string, output: string, options: UpscaleOptions): Promise<StageReport> {
  const baseDir = options.baseDir ?? process.cwd();
  const settings = options.realesrgan ?? {};
  const binary = await findRealesrganBinary(settings.binary, baseDir);
  const modelName = settings.model_name ?? realesrganDefaults.model_name;
  const tile = settings.tile ?? realesrganDefaults.tile;
  const modelDir = settings.model_dir ? resolve(baseDir, settings.model_dir) : undefined;
  // The binary reads png, jpg and webp; anything else goes through sharp first (and a bad file fails here, clearly).
  const source = formatOfPath(input) ? input : temporaryPath(`${output}.source.png`);
  if (source !== input) await writeImage(openImage(input, options), source, "png");
  else await openImage(input, options).metadata();
  try {
    await writeAtomically(output, async (temporary) => {
      const args = ["-i", source, "-o", temporary, "-s", String(options.scale)];
      if (modelDir) args.push("-m", modelDir);
      args.push("-n", modelName, "-f", options.format, "-t", String(tile));
      await runBinary(binary, args, options.signal);
      // The binary may exit 0 without writing (e.g. no Vulkan device): check there is an image.
      await openImage(temporary).metadata();
    });
  } finally {
    if (source !== input) await rm(source, { force: true });
  }
  return {
    backend: "realesrgan-ncnn",
    params: {
      scale: options.scale,
      binary,
      model_dir: modelDir ?? null,
      model_name: modelName,
      tile,
      format: options.format,
    },
  };
}

async function runBinary(binary: string, args: string[], signal: AbortSignal | undefined): Promise<void> {
  try {
    await run(binary, args, { signal, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as Error & { stderr?: string; code?: number | string };
    const stderr = failure.stderr?.trim().split("\n").slice(-3).join(" | ");
    throw new Error(`realesrgan-ncnn-vulkan failed (exit ${failure.code ?? "?"})${stderr ? `: ${stderr}` : ""}`);
  }
}

/**
 * The Real-ESRGAN binary's absolute path: the configured path (relative to `baseDir` when it has
 * a directory part, else looked up on PATH), or `realesrgan-ncnn-vulkan` on PATH when unset.
 * Not found is a `PipelineError` naming the setting.
 *
 * @example
 * await findRealesrganBinary("tools/realesrgan/realesrgan-ncnn-vulkan", "/app");
 */
export async function findRealesrganBinary(
  configured: string | undefined,
  baseDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const name = configured ?? defaultRealesrganBinary;
  const found = await findExecutable(name, baseDir, env);
  if (found) return found;
  const where = configured ? `'${configured}' (set by ${realesrganBinarySetting})` : `'${name}' on PATH`;
  throw new PipelineError(
    `Real-ESRGAN binary not found: ${where}. Install realesrgan-ncnn-vulkan (https://github.com/xinntao/Real-ESRGAN/releases) ` +
      `and set ${realesrganBinarySetting} to its path, or use --upscale-backend sharp`,
    { field: "upscale.realesrgan_ncnn.binary" },
  );
}

/** An executable file by path (when the name has a directory part) or on PATH. */
export async function findExecutable(name: string, baseDir: string, env = process.env): Promise<string | undefined> {
  if (isAbsolute(name) || name.includes("/") || name.includes("\\")) {
    const path = resolve(baseDir, name);
    return (await isExecutable(path)) ? path : undefined;
  }
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const path = join(dir, name);
    if (await isExecutable(path)) return path;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
