import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BgRemoveBackend, OutputImageFormat } from "../config/schemas.js";
import type { PostprocessConfig } from "../config/validation.js";
import { redact } from "../generate/images-client.js";
import { type DecodeOptions, openImage, writeImage } from "./image-io.js";
import { type BackendAttempt, elapsedMs, type StageReport } from "./stage-report.js";

/** The npm package the `local` backend loads on first use (optional: see {@link localBgRemovalInstallCommand}). */
export const localBgRemovalPackage = "@imgly/background-removal-node";

/**
 * How to install the local backend. The package ships its ONNX models (about 130 MB) and pulls in
 * onnxruntime-node (about 135 MB), so it is not a dependency: only users who want offline removal pay for it.
 */
export const localBgRemovalInstallCommand = `npx -y pnpm@10.34.8 --filter @kroma/pipeline add ${localBgRemovalPackage}`;

/** The real endpoints (PIPELINE.md); postprocess.json's `api_url` or a caller's base URL replaces them. */
export const bgRemoveServiceUrls = {
  photoroom: "https://sdk.photoroom.com/v1/segment",
  removebg: "https://api.remove.bg/v1.0/removebg",
} as const;

/** Where each service's key comes from, as error messages name it. */
const keySources = {
  photoroom: "the project secret photoroom/api_key or PHOTOROOM_API_KEY",
  removebg: "the project secret removebg/api_key or REMOVE_BG_API_KEY",
} as const;

type ServiceOptions = NonNullable<PostprocessConfig["bg_remove"]["photoroom"]>;

/** Options of {@link removeBackgroundFile}. */
export interface BgRemoveOptions extends DecodeOptions {
  /** Tried in this order until one succeeds. */
  backends: readonly BgRemoveBackend[];
  format: OutputImageFormat;
  /** API keys; never written to a record or an error message. */
  keys?: { photoroom?: string | undefined; removebg?: string | undefined };
  /** `bg_remove.photoroom` / `bg_remove.removebg` from postprocess.json. */
  photoroom?: ServiceOptions | undefined;
  removebg?: ServiceOptions | undefined;
  local?: {
    /** `small` (default, faster) or `medium` (finer edges). */
    model?: "small" | "medium" | undefined;
    /** The module to load instead of the package (a path or specifier); tests use a stand-in. */
    module?: string | undefined;
  };
  /** Per-request timeout for the HTTP services (default 120 s). */
  timeoutMs?: number | undefined;
  /** Where the local package is looked for after this package's own dependencies (default: the current directory). */
  cwd?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Every backend failed: the message lists each one's reason, `attempts` keeps them as data. */
export class BgRemoveError extends Error {
  override name = "BgRemoveError";
  constructor(readonly attempts: BackendAttempt[]) {
    super(`every background-removal backend failed: ${attempts.map((a) => `${a.backend}: ${a.error}`).join("; ")}`);
  }
}

/**
 * Removes the background of one image, trying `backends` in order until one succeeds, and writes
 * the cut-out atomically in `format` (JPEG flattened over white). `photoroom` and `removebg` post
 * the image to the real services (`image_file` multipart field, `x-api-key` / `X-Api-Key`
 * header); a non-2xx answer, a missing key or a body that is not an image is that backend's failure
 * (`HTTP <status>: <body>`) and the next is tried. `local` runs {@link localBgRemovalPackage} when
 * it is installed. All failing throws a {@link BgRemoveError} listing each reason.
 *
 * @example
 * const report = await removeBackgroundFile("a.png", "background_removed/a_nobg.png", {
 *   backends: ["photoroom", "removebg"], format: "png", keys: { photoroom: key },
 * });
 * report.backend; // "photoroom"
 */
export async function removeBackgroundFile(
  input: string,
  output: string,
  options: BgRemoveOptions,
): Promise<StageReport> {
  // Decoded once up front: an unreadable input is the file's failure, not every backend's.
  const png = await openImage(input, options).png().toBuffer();
  const attempts: BackendAttempt[] = [];
  for (const backend of options.backends) {
    options.signal?.throwIfAborted();
    const started = performance.now();
    try {
      const cutout = await runBackend(backend, png, basename(input), options);
      await openImage(cutout)
        .metadata()
        .catch(() => {
          throw new Error("the answer is not an image");
        });
      await writeImage(openImage(cutout), output, options.format);
      attempts.push({ backend, ok: true, ms: elapsedMs(started) });
      return { backend, backends_tried: attempts, params: backendParams(backend, options) };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      attempts.push({ backend, ok: false, ms: elapsedMs(started), error: describe(error, options) });
    }
  }
  throw new BgRemoveError(attempts);
}

function runBackend(backend: BgRemoveBackend, png: Buffer, name: string, options: BgRemoveOptions): Promise<Buffer> {
  if (backend === "local") return removeLocally(png, options);
  return removeWithService(backend, png, name, options);
}

function backendParams(backend: BgRemoveBackend, options: BgRemoveOptions): Record<string, unknown> {
  const base = { backends: [...options.backends], format: options.format };
  if (backend === "local") return { ...base, package: localBgRemovalPackage, model: options.local?.model ?? "small" };
  const service = options[backend] ?? {};
  return {
    ...base,
    api_url: service.api_url ?? bgRemoveServiceUrls[backend],
    size: service.size ?? null,
    crop: service.crop ?? false,
  };
}

/** PhotoRoom and remove.bg share one protocol shape; only the URL and the key header's spelling differ. */
async function removeWithService(
  backend: "photoroom" | "removebg",
  png: Buffer,
  name: string,
  options: BgRemoveOptions,
): Promise<Buffer> {
  const key = options.keys?.[backend]?.trim();
  if (!key) throw new Error(`no API key (set ${keySources[backend]})`);
  const service = options[backend] ?? {};
  const form = new FormData();
  form.append("image_file", new Blob([new Uint8Array(png)], { type: "image/png" }), name.replace(/\.[^.]*$/, ".png"));
  // Always PNG from the service: it keeps alpha, and the requested format is encoded here.
  form.append("format", "png");
  if (service.size) form.append("size", service.size);
  if (service.crop) form.append("crop", "true");
  const header = backend === "photoroom" ? "x-api-key" : "X-Api-Key";
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
  const response = await fetch(service.api_url ?? bgRemoveServiceUrls[backend], {
    method: "POST",
    headers: { [header]: key, accept: "image/png, application/json" },
    body: form,
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  if (!response.ok) {
    const body = (await response.text().catch(() => "")).trim().slice(0, 300);
    throw new Error(`HTTP ${response.status}: ${body || response.statusText || "(no body)"}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

/** The part of {@link localBgRemovalPackage}'s API the backend uses. */
interface LocalRemover {
  removeBackground(
    image: Blob,
    config?: { publicPath?: string; model?: string; output?: { format?: string } },
  ): Promise<Blob>;
}

async function removeLocally(png: Buffer, options: BgRemoveOptions): Promise<Buffer> {
  const url = resolveLocalModule(options.local?.module, options.cwd ?? process.cwd());
  if (!url) throw new Error(localMissingMessage());
  const module = (await import(url)) as Partial<LocalRemover> & { default?: Partial<LocalRemover> };
  const remove = module.removeBackground ?? module.default?.removeBackground;
  if (typeof remove !== "function") throw new Error(`${url} does not export removeBackground()`);
  // The package finds its models relative to the current directory unless told where they are: its own dist/.
  const blob = await remove(new Blob([new Uint8Array(png)], { type: "image/png" }), {
    publicPath: new URL("./", url).href,
    model: options.local?.model ?? "small",
    output: { format: "image/png" },
  });
  return Buffer.from(await blob.arrayBuffer());
}

/** The message of a missing local package: what to install, and how. */
export function localMissingMessage(): string {
  return `the local backend needs the optional package ${localBgRemovalPackage} (not installed; about 270 MB with its ONNX runtime). Install it with: ${localBgRemovalInstallCommand}`;
}

/**
 * The file URL of the local background-removal module, or undefined when it is not installed:
 * a given path, else the package as this package's dependencies see it, else as `cwd` sees it
 * (so installing it in the app directory works too).
 *
 * @example
 * resolveLocalModule(undefined, process.cwd()); // "file:///app/node_modules/@imgly/background-removal-node/dist/index.mjs" or undefined
 */
export function resolveLocalModule(module: string | undefined, cwd: string): string | undefined {
  if (module && (isAbsolute(module) || module.startsWith("."))) {
    const path = resolve(cwd, module);
    return existsSync(path) ? pathToFileURL(path).href : undefined;
  }
  const specifier = module ?? localBgRemovalPackage;
  try {
    return import.meta.resolve(specifier);
  } catch {
    // Not a dependency of this package: look from the working directory.
  }
  try {
    const commonJs = createRequire(join(cwd, "package.json")).resolve(specifier);
    const esm = join(dirname(commonJs), "index.mjs");
    return pathToFileURL(existsSync(esm) ? esm : commonJs).href;
  } catch {
    return undefined;
  }
}

function describe(error: unknown, options: BgRemoveOptions): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  let text = `${message}${cause}`;
  for (const key of [options.keys?.photoroom, options.keys?.removebg]) text = redact(text, key);
  return text;
}
