import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import sharp from "sharp";
import type { ProviderKeys } from "../config/provider-keys.js";
import { defaultPostprocessConfig, type PostprocessConfig } from "../config/validation.js";
import {
  bgRemoveServiceUrls,
  localBgRemovalInstallCommand,
  localBgRemovalPackage,
  resolveLocalModule,
} from "./bg-remove.js";
import { defaultRealesrganBinary, findExecutable, realesrganBinarySetting } from "./upscale.js";

/** One backend's availability, as `kroma doctor` shows it. Never carries a key's value. */
export interface BackendCheck {
  stage: "upscale" | "color" | "bg_remove" | "bg_refine_openai";
  backend: string;
  available: boolean;
  /** What was found (a version, a path, "key present"). */
  detail: string;
  /** How to make it available, when it is not. */
  fix?: string;
}

/** Options of {@link checkPostprocessBackends}. */
export interface DoctorOptions {
  /** `postprocess.json`, merged over the defaults (default: the defaults). */
  config?: PostprocessConfig | undefined;
  /** Which keys are present; values are only tested for being non-empty. */
  keys?: ProviderKeys | undefined;
  /** Relative tool paths resolve against it, and the local package is also looked for from it (default: cwd). */
  baseDir?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Check this module instead of the local package (as the chain's `localModule`). */
  localModule?: string | undefined;
}

/**
 * Which post-process backends can run on this machine: sharp (always, with its libvips
 * version), the Real-ESRGAN binary (found where `upscale.realesrgan_ncnn.binary` says, else on
 * PATH), the optional local background-removal package (with the command that installs it), and
 * whether PhotoRoom, remove.bg and OpenAI keys are present. Reads nothing secret aloud: a key is
 * reported as present or missing, never shown.
 *
 * @example
 * for (const check of await checkPostprocessBackends({ keys: { photoroom: process.env.PHOTOROOM_API_KEY } })) {
 *   console.log(check.stage, check.backend, check.available ? "ok" : check.fix);
 * }
 */
export async function checkPostprocessBackends(options: DoctorOptions = {}): Promise<BackendCheck[]> {
  const config = options.config ?? defaultPostprocessConfig;
  const baseDir = options.baseDir ?? process.cwd();
  const sharpDetail = `sharp ${sharp.versions.sharp ?? "?"} (libvips ${sharp.versions.vips})`;
  return [
    { stage: "upscale", backend: "sharp", available: true, detail: `${sharpDetail}, Lanczos x2/x3/x4` },
    await checkRealesrgan(config, baseDir, options.env),
    { stage: "color", backend: "sharp", available: true, detail: `${sharpDetail}, exact raw-pixel profiles` },
    checkLocal(baseDir, options.localModule),
    checkKey(
      "bg_remove",
      "photoroom",
      options.keys?.photoroom,
      "PHOTOROOM_API_KEY",
      "photoroom/api_key",
      serviceUrl(config, "photoroom"),
    ),
    checkKey(
      "bg_remove",
      "removebg",
      options.keys?.removebg,
      "REMOVE_BG_API_KEY",
      "removebg/api_key",
      serviceUrl(config, "removebg"),
    ),
    checkKey("bg_refine_openai", "openai", options.keys?.openai, "OPENAI_API_KEY", "openai/api_key", "images.edit"),
  ];
}

async function checkRealesrgan(
  config: PostprocessConfig,
  baseDir: string,
  env?: NodeJS.ProcessEnv,
): Promise<BackendCheck> {
  const settings = config.upscale.realesrgan_ncnn ?? {};
  const name = settings.binary ?? defaultRealesrganBinary;
  const found = await findExecutable(name, baseDir, env);
  const base = { stage: "upscale" as const, backend: "realesrgan-ncnn" };
  if (!found) {
    return {
      ...base,
      available: false,
      detail: `'${name}' not found${settings.binary ? "" : " on PATH"}`,
      fix: `download realesrgan-ncnn-vulkan (Real-ESRGAN's ncnn release, with its models) and set ${realesrganBinarySetting} to the binary's path`,
    };
  }
  const modelDir = settings.model_dir ? resolve(baseDir, settings.model_dir) : undefined;
  if (modelDir && !(await stat(modelDir).catch(() => undefined))?.isDirectory()) {
    return {
      ...base,
      available: false,
      detail: `${found}; model_dir ${modelDir} missing`,
      fix: "set upscale.realesrgan_ncnn.model_dir (postprocess.json) to the models directory",
    };
  }
  return { ...base, available: true, detail: `${found}${modelDir ? `, models in ${modelDir}` : ""}` };
}

function checkLocal(baseDir: string, module: string | undefined): BackendCheck {
  const found = resolveLocalModule(module, baseDir);
  const base = { stage: "bg_remove" as const, backend: "local" };
  if (found) return { ...base, available: true, detail: `${localBgRemovalPackage} at ${found}` };
  return {
    ...base,
    available: false,
    detail: `optional package ${localBgRemovalPackage} not installed (about 270 MB with its models and ONNX runtime)`,
    fix: localBgRemovalInstallCommand,
  };
}

function checkKey(
  stage: BackendCheck["stage"],
  backend: string,
  key: string | undefined,
  envName: string,
  secret: string,
  target: string,
): BackendCheck {
  if (key?.trim()) return { stage, backend, available: true, detail: `API key present; ${target}` };
  return {
    stage,
    backend,
    available: false,
    detail: "no API key",
    fix: `set ${envName}, or store the project secret ${secret} (kroma doctor --project SLUG reads it)`,
  };
}

function serviceUrl(config: PostprocessConfig, backend: "photoroom" | "removebg"): string {
  return config.bg_remove[backend]?.api_url ?? bgRemoveServiceUrls[backend];
}
