import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Schema } from "@kroma/contract/types";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, toFile } from "openai";
import { readConfined } from "../files/confined-files.js";
import { isPng } from "../files/png-metadata.js";
import { defaultImageModel, defaultImageQuality, defaultImageSize, inputFidelityFor } from "./models.js";

/** Token usage as the images API reports it (gpt-image models); kept as sent. */
export type ImageUsage = OpenAI.ImagesResponse.Usage;

/** How to reach the images API. The key is only ever handed to the SDK, never logged. */
export interface ImageClientOptions {
  apiKey: string;
  /** e.g. `https://api.openai.com/v1` (the SDK's default when absent) or a local stand-in. */
  baseURL?: string;
  /**
   * Per-request timeout (default: the SDK's 10 minutes; runs pass `OPENAI_TIMEOUT_MS`, see
   * `request-limits.ts`); a timed-out request counts as a transient failure and is retried.
   */
  timeoutMs?: number;
}

/**
 * An OpenAI client for image edits with the SDK's own retries turned off: {@link withRetries}
 * retries instead, so every attempt is timed and recorded in the run log.
 *
 * @example
 * const client = createImageClient({ apiKey: process.env.OPENAI_API_KEY ?? "" });
 */
export function createImageClient({ apiKey, baseURL, timeoutMs }: ImageClientOptions): OpenAI {
  return new OpenAI({
    apiKey,
    maxRetries: 0,
    ...(baseURL ? { baseURL } : {}),
    ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}),
  });
}

/** One image edit: the scene and style refs go in as files, one PNG comes back. */
export interface ImageEditRequest {
  model: string;
  size: string;
  quality: string;
  prompt: string;
  /** Absolute paths: the scene first, then every style reference. */
  images: readonly string[];
  /** `transparent` asks for a cut-out (the background-refine pass); left out, the API's default applies. */
  background?: "transparent" | "opaque" | "auto";
}

/** Per-call options of {@link editImage}. */
export interface ImageEditCallOptions {
  /** Aborts the request in flight (a stopping server whose grace period ran out). */
  signal?: AbortSignal | undefined;
  /** Reads the images only inside this root, never through a symlink (see {@link readConfined}). */
  confineTo?: string | undefined;
}

/** The decoded result of one edit, with the response's status and request id for the log. */
export interface ImageEditResult {
  png: Buffer;
  usage?: ImageUsage;
  status: number;
  requestId: string | null;
}

const mimeTypes: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
};

/**
 * Sends one image edit (`images.edit`, n = 1) asking for PNG output with high input fidelity, as
 * the seed did, where the model accepts it (the model table, `models.ts`; gpt-image-1-mini does
 * not), and decodes `data[0].b64_json`. A response without a base64 PNG is an error (for
 * example a model that answers with URLs), not something to write to disk.
 *
 * @example
 * const { png, usage } = await editImage(client, {
 *   model: "gpt-image-1", size: "1024x1536", quality: "medium", prompt, images: [scene, styleRef],
 * });
 */
export async function editImage(
  client: OpenAI,
  request: ImageEditRequest,
  options: ImageEditCallOptions = {},
): Promise<ImageEditResult> {
  const read = (path: string) => (options.confineTo ? readConfined(options.confineTo, path) : readFile(path));
  const files = await Promise.all(
    request.images.map(async (path) =>
      toFile(await read(path), basename(path), { type: mimeTypes[extname(path).toLowerCase()] ?? "image/png" }),
    ),
  );
  const { data: response, response: raw } = await client.images
    .edit(
      {
        model: request.model,
        image: files,
        prompt: request.prompt,
        // The SDK types list the standard values; the API takes whatever the user configured.
        size: request.size as OpenAI.ImageEditParams["size"],
        quality: request.quality as OpenAI.ImageEditParams["quality"],
        n: 1,
        output_format: "png",
        ...(inputFidelityFor(request.model) ? { input_fidelity: "high" as const } : {}),
        ...(request.background ? { background: request.background } : {}),
      },
      options.signal ? { signal: options.signal } : undefined,
    )
    .withResponse();
  return decodeImageResponse(request.model, response, raw);
}

/** One image generation: a prompt and no input image. */
export type ImageGenerateRequest = Omit<ImageEditRequest, "images" | "background">;

/**
 * Sends one image generation (`images.generate`, n = 1, PNG output): what a one-image run sends
 * when it names no input image. Decoded and checked as {@link editImage} does.
 *
 * @example
 * const { png } = await generateImage(client, { model: "gpt-image-1", size: "1024x1024", quality: "low", prompt });
 */
export async function generateImage(
  client: OpenAI,
  request: ImageGenerateRequest,
  options: Pick<ImageEditCallOptions, "signal"> = {},
): Promise<ImageEditResult> {
  const { data: response, response: raw } = await client.images
    .generate(
      {
        model: request.model,
        prompt: request.prompt,
        size: request.size as OpenAI.ImageGenerateParams["size"],
        quality: request.quality as OpenAI.ImageGenerateParams["quality"],
        n: 1,
        output_format: "png",
      },
      options.signal ? { signal: options.signal } : undefined,
    )
    .withResponse();
  return decodeImageResponse(request.model, response, raw);
}

/** `data[0].b64_json` as a PNG, with the answer's status and request id; anything else is an {@link ImageResponseError}. */
function decodeImageResponse(model: string, response: OpenAI.ImagesResponse, raw: Response): ImageEditResult {
  const b64 = response.data?.[0]?.b64_json;
  if (!b64) throw new ImageResponseError(`The images API returned no base64 image (model ${model})`);
  const png = Buffer.from(b64, "base64");
  if (!isPng(png)) throw new ImageResponseError("The images API returned an image that is not a PNG");
  const requestId = raw.headers.get("x-request-id");
  return { png, status: raw.status, requestId, ...(response.usage ? { usage: response.usage } : {}) };
}

/** A 2xx answer we cannot use; retrying would spend again for the same answer, so it is final. */
export class ImageResponseError extends Error {
  override name = "ImageResponseError";
}

/** One request as the run log records it. */
export type RequestAttempt = Schema<"RequestAttempt">;

/** What a failure means for retrying, with a message safe to log. */
export interface ClassifiedError {
  status: number | null;
  retryable: boolean;
  message: string;
  requestId?: string;
}

/**
 * Sorts an error: 429 and 5xx answers, network failures and timeouts are transient (retry);
 * other 4xx answers and unusable responses are final. The message names the status and the API's
 * own message, with the API key (or anything that looks like one) masked.
 *
 * @example
 * classifyError(new BadRequestError(400, { message: "Invalid size" }, undefined, headers), key);
 * // { status: 400, retryable: false, message: "HTTP 400: Invalid size" }
 */
export function classifyError(error: unknown, apiKey?: string): ClassifiedError {
  if (error instanceof APIConnectionTimeoutError) {
    return { status: null, retryable: true, message: redact(`Request timed out: ${error.message}`, apiKey) };
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return { status: null, retryable: true, message: redact(`Network error: ${error.message}${cause}`, apiKey) };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const body = error.error as { message?: unknown } | undefined;
    const detail = typeof body?.message === "string" ? body.message : error.message.replace(/^\d+\s*/, "");
    return {
      status,
      retryable: status === 429 || status >= 500,
      message: redact(`HTTP ${status}: ${detail || "(no message)"}`, apiKey),
      ...(error.requestID ? { requestId: error.requestID } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: null, retryable: false, message: redact(message, apiKey) };
}

/**
 * Masks the API key and anything shaped like an OpenAI key (`sk-...`), so an error that echoes a
 * key back never reaches a log or a terminal.
 *
 * @example
 * redact("Incorrect API key provided: sk-proj-abc123def456", "sk-proj-abc123def456"); // "Incorrect API key provided: [redacted]"
 */
export function redact(message: string, apiKey?: string): string {
  const masked = apiKey && apiKey.length >= 4 ? message.split(apiKey).join("[redacted]") : message;
  return masked.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, "[redacted]");
}

/** Retry policy: `attempts` tries in all, waiting `retryDelayMs * 2^(n-1)` before try n + 1. */
export interface RetryOptions {
  attempts?: number;
  retryDelayMs?: number;
  /** Masked out of every recorded error message. */
  apiKey?: string;
  /** Called before each wait, e.g. to show "retrying" in a progress display. */
  onRetry?: (attempt: RequestAttempt, delayMs: number) => void;
  /**
   * Once aborted, no further attempt starts (a stopping server sends no new request): a failed
   * attempt is final and a back-off in progress ends at once.
   */
  stopSignal?: AbortSignal | undefined;
}

/** The outcome of {@link withRetries}: the value, or the last error, with every attempt either way. */
export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: RequestAttempt[] }
  | { ok: false; error: ClassifiedError; attempts: RequestAttempt[] };

/**
 * Runs `call` up to `attempts` times (default 3), retrying only transient failures (see
 * {@link classifyError}) with exponential back-off from `retryDelayMs` (default 1000 ms); an
 * answer's `retry-after`/`retry-after-ms` stretches the wait to what the API asked (capped at a
 * minute, see {@link retryAfterMs}), never shortens it. Never throws for a failed call:
 * the outcome carries the error and every attempt with its status and duration.
 *
 * @example
 * const outcome = await withRetries(() => editImage(client, request), { retryDelayMs: 1000, apiKey });
 * if (!outcome.ok) console.error(outcome.error.message, outcome.attempts.length);
 */
export async function withRetries<T extends { status?: number; requestId?: string | null }>(
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<RetryOutcome<T>> {
  const { attempts: maxAttempts = 3, retryDelayMs = 1000, apiKey, onRetry, stopSignal } = options;
  const attempts: RequestAttempt[] = [];
  for (let n = 1; ; n++) {
    const started = performance.now();
    try {
      const value = await call();
      const requestId = value.requestId ? { request_id: value.requestId } : {};
      attempts.push({ attempt: n, status: value.status ?? null, ok: true, ...requestId, ms: elapsed(started) });
      return { ok: true, value, attempts };
    } catch (error) {
      const classified = classifyError(error, apiKey);
      const attempt: RequestAttempt = {
        attempt: n,
        status: classified.status,
        ok: false,
        ...(classified.requestId ? { request_id: classified.requestId } : {}),
        error: classified.message,
        retryable: classified.retryable,
        ms: elapsed(started),
      };
      attempts.push(attempt);
      const last = !classified.retryable || n >= maxAttempts || stopSignal?.aborted === true;
      if (last) return { ok: false, error: classified, attempts };
      const delay = Math.max(retryDelayMs * 2 ** (n - 1), retryAfterMs(error));
      onRetry?.(attempt, delay);
      await sleep(delay, undefined, stopSignal ? { signal: stopSignal } : undefined).catch(() => undefined);
      if (stopSignal?.aborted) return { ok: false, error: classified, attempts };
    }
  }
}

/** Whole milliseconds since `started` (a `performance.now()` reading). */
function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * The wait an error answer asks for, at most a minute; else 0. OpenAI sends `retry-after-ms` and
 * `retry-after` (seconds, or an HTTP date) on 429s and some 5xx answers; the SDK honours both in
 * its own retries, which are off here (see {@link createImageClient}), so this does the same.
 */
export function retryAfterMs(error: unknown, now = Date.now()): number {
  if (!(error instanceof APIError) || !error.headers) return 0;
  const ms = Number.parseFloat(error.headers.get("retry-after-ms") ?? "");
  const header = error.headers.get("retry-after") ?? "";
  const seconds = Number.parseFloat(header);
  const date = Number.isNaN(seconds) ? Date.parse(header) - now : Number.NaN;
  const wanted = [ms, seconds * 1000, date].find((value) => Number.isFinite(value) && value > 0) ?? 0;
  return Math.min(Math.ceil(wanted), 60_000);
}

/** The image model settings a run uses and records. */
export interface ImageSettings {
  model: string;
  size: string;
  quality: string;
}

/**
 * The image model settings from `OPENAI_IMAGE_MODEL`/`_SIZE`/`_QUALITY`, else the defaults
 * (gpt-image-1, 1024x1536, medium: a size the default model accepts, see `models.ts`). The CLI
 * and the server read them the same way; a run checks them against the model table.
 *
 * @example
 * imageSettingsFromEnv({ OPENAI_IMAGE_QUALITY: "high" }); // { model: "gpt-image-1", size: "1024x1536", quality: "high" }
 */
export function imageSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ImageSettings {
  return {
    model: env.OPENAI_IMAGE_MODEL?.trim() || defaultImageModel,
    size: env.OPENAI_IMAGE_SIZE?.trim() || defaultImageSize,
    quality: env.OPENAI_IMAGE_QUALITY?.trim() || defaultImageQuality,
  };
}
