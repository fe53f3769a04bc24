import type OpenAI from "openai";
import type { OutputImageFormat } from "../config/schemas.js";
import { createImageClient, editImage, type RequestAttempt, withRetries } from "../generate/images-client.js";
import { defaultImageTimeoutMs } from "../generate/request-limits.js";
import { recordedImageCost } from "../generate/usage-cost.js";
import { type DecodeOptions, decodeRgb, hasTransparency, openImage, writeImage } from "./image-io.js";
import type { StageReport } from "./stage-report.js";

/** The refine pass's image settings unless its caller gives others (a run's chain never does). */
export const refineDefaults = { model: "gpt-image-1", size: "auto", quality: "medium" } as const;

/** What the refine pass asks the model to do: fix the matte, change nothing else. */
export const refinePrompt =
  "Refine this background-removed cut-out: clean its edges, remove halos, fringes and leftover " +
  "background pixels. Keep the subject exactly as it is (shape, colours, details) and keep the " +
  "background fully transparent.";

/** Options of {@link refineCutoutFile}. */
export interface RefineOptions extends DecodeOptions {
  /** The OpenAI key (project secret openai/api_key or OPENAI_API_KEY); never recorded. */
  apiKey?: string | undefined;
  /** Images API base URL (default the SDK's); tests point it at a local stand-in. */
  baseURL?: string | undefined;
  /** Default `OPENAI_IMAGE_MODEL`'s default, gpt-image-1. */
  model?: string | undefined;
  /** Default `auto`: the API picks the size nearest the cut-out's shape; the result is resized back. */
  size?: string | undefined;
  quality?: string | undefined;
  /** Must be the background removal's format (PIPELINE.md). */
  format: OutputImageFormat;
  /** Attempts in all, retries of transient failures included (default 3). */
  maxAttempts?: number | undefined;
  retryDelayMs?: number | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** An existing client (its key and base URL win). */
  client?: OpenAI | undefined;
}

/** The refine pass failed; `attempts` holds every request for the log. */
export class RefineError extends Error {
  override name = "RefineError";
  constructor(
    message: string,
    readonly attempts: RequestAttempt[] = [],
  ) {
    super(message);
  }
}

/**
 * The optional OpenAI refine pass: sends the cut-out as an image edit (`background:
 * transparent`, PNG) asking to clean edges and halos while keeping subject and transparency,
 * resizes the answer back to the cut-out's size when the API chose another, and writes it
 * atomically in `format`. Transient failures are retried. A missing key, a final failure or an
 * answer that lost the cut-out's transparency throws a {@link RefineError} (the chain decides
 * whether that fails the stage or only warns).
 *
 * @example
 * await refineCutoutFile("background_removed/a_nobg.png", "/tmp/a_refined.png", {
 *   apiKey: process.env.OPENAI_API_KEY, format: "png",
 * });
 */
export async function refineCutoutFile(input: string, output: string, options: RefineOptions): Promise<StageReport> {
  const apiKey = options.apiKey?.trim();
  if (!options.client && !apiKey) {
    throw new RefineError("no OpenAI API key (set the project secret openai/api_key or OPENAI_API_KEY)");
  }
  const before = await decodeRgb(input, options);
  const { width, height } = before;
  const client =
    options.client ??
    createImageClient({
      apiKey: apiKey ?? "",
      baseURL: options.baseURL,
      // The run's own default: a hung refine request must not hold a run (or `lab postprocess`) either.
      timeoutMs: options.timeoutMs ?? defaultImageTimeoutMs,
    });
  const request = {
    model: options.model ?? refineDefaults.model,
    size: options.size ?? refineDefaults.size,
    quality: options.quality ?? refineDefaults.quality,
    prompt: refinePrompt,
    images: [input],
    background: "transparent" as const,
  };
  const signal = options.signal ? { signal: options.signal } : {};
  const outcome = await withRetries(() => editImage(client, request, signal), {
    attempts: options.maxAttempts ?? 3,
    retryDelayMs: options.retryDelayMs ?? 1000,
    apiKey,
  });
  if (!outcome.ok) throw new RefineError(`OpenAI refine failed: ${outcome.error.message}`, outcome.attempts);
  const refined = openImage(outcome.value.png, options);
  const answered = await refined.metadata();
  // An opaque answer would silently undo the background removal: keep the cut-out instead.
  if (hasTransparency(before) && !hasTransparency(await decodeRgb(outcome.value.png, options))) {
    throw new RefineError("OpenAI refine returned an image without transparency", outcome.attempts);
  }
  const resized = answered.width !== width || answered.height !== height;
  await writeImage(resized ? refined.resize(width, height, { fit: "fill" }) : refined, output, options.format);
  return {
    backend: "openai",
    params: {
      model: request.model,
      size: request.size,
      quality: request.quality,
      background: "transparent",
      format: options.format,
      resized_to_input: resized,
      requests: outcome.attempts,
      ...(outcome.value.usage ? { usage: outcome.value.usage } : {}),
      // Billed like a candidate's own request, so the run's recorded spend counts it too.
      cost: recordedImageCost(request.model, outcome.value.usage),
    },
  };
}
