import { PipelineError } from "../errors.js";

// The image models the pipeline supports, in one place: what each accepts (sizes, qualities,
// input fidelity, input images) and what it costs at list price, every row with the public pages
// it was read from and the date it was read. A run's image request is checked against this table
// before anything is sent (`checkImageRequest`), and the cost estimate is taken from it.
//
// How the 2026-12-04 reading was done: OpenAI's pages could not be opened directly from where this
// was written, so their content was checked as quoted elsewhere: per-image and token prices of
// gpt-image-1 (burncloud.com/aiapi-detail/gpt-image-1.html), gpt-image-1.5
// (llmreference.com/model/gpt-image-1.5/openai-api) and gpt-image-1-mini 1024x1024
// (aifreeapi.com/en/posts/gpt-image-1-5-pricing); the input_fidelity rule in the API reference's
// own words ("only supported for gpt-image-1 and gpt-image-1.5 and later models, unsupported for
// gpt-image-1-mini", as in the SDKs generated from OpenAI's spec and learn.microsoft.com's copy).
// gpt-image-1-mini's image output price ($8 per 1M) matches community.openai.com/t/1371851 (272
// tokens of a low 1024x1024 image cost $0.002176); its per-image prices, 1536 sizes included, match
// OpenAI's model page read 2026-12-06 (below).
//
// Token prices (the recorded cost of a run is computed from them and the `usage` each answer
// carries, see run/recorded-cost.ts), read 2026-12-06: gpt-image-1 from the page above; gpt-image-1-
// mini from OpenAI's own model page (developers.openai.com/api/docs/models/gpt-image-1-mini: text
// input $2, image input $2.50, image output $8); gpt-image-1.5 from llmreference.com as above, and
// its text output price ($10) as docs.apiyi.com/en/api-capabilities/gpt-image-1-5 quotes it. A price
// not found is null, with the reason in `tokenPriceNote`; a cost that would need it is recorded as
// null, never as a guess.
//
// When OpenAI changes a model, change its row here and its `readOn`; the images stand-in of the
// tests (packages/testkit/src/images-server.ts) keeps its own list of what the real API accepts,
// so the two check each other.

/** A quality that has a list price per image. */
export type PricedQuality = "low" | "medium" | "high";

/** A size that has a list price per image. */
export type PricedSize = "1024x1024" | "1024x1536" | "1536x1024";

/** One supported model: what the images API accepts for it and what it costs. */
export interface ImageModel {
  readonly model: string;
  /** `size` values the API accepts for this model (`auto` lets the API choose). */
  readonly sizes: readonly string[];
  /** `quality` values the API accepts (`auto` lets the API choose). */
  readonly qualities: readonly string[];
  /** Whether `input_fidelity` (`high` | `low`) is accepted; the API refuses it where it is not. */
  readonly inputFidelity: boolean;
  /** The most input images one edit takes. */
  readonly maxInputImages: number;
  /** List price in USD of one output image, by size and quality. */
  readonly pricePerImageUsd: Readonly<Record<PricedSize, Readonly<Record<PricedQuality, number>>>>;
  /**
   * List prices in USD per 1M tokens, by kind of token, for the recorded cost from an answer's
   * `usage`; null where the price is not known (see `tokenPriceNote`).
   */
  readonly tokenPriceUsdPerMillion: {
    readonly textInput: number | null;
    readonly imageInput: number | null;
    readonly imageOutput: number | null;
    readonly textOutput: number | null;
  };
  /** Which token price is not known, and why. */
  readonly tokenPriceNote?: string;
  /** The public pages the row was read from: per-image prices, token prices, and the accepted values. */
  readonly source: { readonly prices: string; readonly tokenPrices: string; readonly parameters: string };
  /** The date (UTC) the row was read from its sources. */
  readonly readOn: string;
}

const pricingPage = "https://platform.openai.com/docs/pricing";
const imageGuide = "https://platform.openai.com/docs/guides/image-generation";
const editReference = "https://platform.openai.com/docs/api-reference/images/createEdit";

/** The sizes and qualities every gpt-image model accepts. */
const gptImageSizes = ["1024x1024", "1024x1536", "1536x1024", "auto"] as const;
const gptImageQualities = ["low", "medium", "high", "auto"] as const;

/** The supported models, by name. Readonly: read it, never change it at run time. */
export const imageModels: readonly ImageModel[] = [
  {
    model: "gpt-image-1",
    sizes: gptImageSizes,
    qualities: gptImageQualities,
    inputFidelity: true,
    maxInputImages: 16,
    pricePerImageUsd: {
      "1024x1024": { low: 0.011, medium: 0.042, high: 0.167 },
      "1024x1536": { low: 0.016, medium: 0.063, high: 0.25 },
      "1536x1024": { low: 0.016, medium: 0.063, high: 0.25 },
    },
    tokenPriceUsdPerMillion: { textInput: 5, imageInput: 10, imageOutput: 40, textOutput: null },
    tokenPriceNote:
      "No text output price: the model answers with image tokens only (`output_tokens` counts image tokens).",
    source: {
      prices: `${pricingPage} (per-image prices also in ${imageGuide})`,
      tokenPrices: `${pricingPage} (as quoted by burncloud.com/aiapi-detail/gpt-image-1.html, read 2026-12-06)`,
      parameters: editReference,
    },
    readOn: "2026-12-04",
  },
  {
    model: "gpt-image-1-mini",
    sizes: gptImageSizes,
    qualities: gptImageQualities,
    // The edit reference: input_fidelity is "unsupported for gpt-image-1-mini".
    inputFidelity: false,
    maxInputImages: 16,
    pricePerImageUsd: {
      "1024x1024": { low: 0.005, medium: 0.011, high: 0.036 },
      "1024x1536": { low: 0.006, medium: 0.015, high: 0.052 },
      "1536x1024": { low: 0.006, medium: 0.015, high: 0.052 },
    },
    tokenPriceUsdPerMillion: { textInput: 2, imageInput: 2.5, imageOutput: 8, textOutput: null },
    tokenPriceNote:
      "No text output price: the model answers with image tokens only (`output_tokens` counts image tokens).",
    source: {
      prices: `${pricingPage} (per-image prices also in ${imageGuide})`,
      tokenPrices: "https://developers.openai.com/api/docs/models/gpt-image-1-mini (read 2026-12-06)",
      parameters: editReference,
    },
    readOn: "2026-12-04",
  },
  {
    model: "gpt-image-1.5",
    sizes: gptImageSizes,
    qualities: gptImageQualities,
    inputFidelity: true,
    maxInputImages: 16,
    pricePerImageUsd: {
      "1024x1024": { low: 0.009, medium: 0.034, high: 0.133 },
      "1024x1536": { low: 0.013, medium: 0.05, high: 0.2 },
      "1536x1024": { low: 0.013, medium: 0.05, high: 0.2 },
    },
    tokenPriceUsdPerMillion: { textInput: 5, imageInput: 8, imageOutput: 32, textOutput: 10 },
    source: {
      prices: `${pricingPage} (per-image prices also in ${imageGuide})`,
      tokenPrices:
        `${pricingPage} (as quoted by llmreference.com/model/gpt-image-1.5/openai-api; text output by ` +
        "docs.apiyi.com/en/api-capabilities/gpt-image-1-5, read 2026-12-06)",
      parameters: editReference,
    },
    readOn: "2026-12-04",
  },
];

/** The model runs use unless `OPENAI_IMAGE_MODEL` (or a run's own setting) names another. */
export const defaultImageModel = "gpt-image-1";
/** The default size: portrait, one every supported model accepts (the nearest to the seed's 768x1152). */
export const defaultImageSize = "1024x1536";
export const defaultImageQuality = "medium";

/** The table's row for `model`, if the pipeline supports it. */
export function imageModel(model: string): ImageModel | undefined {
  return imageModels.find((row) => row.model === model);
}

/** What a run asks of the images API, as {@link checkImageRequest} checks it. */
export interface ImageRequestSettings {
  model: string;
  size: string;
  quality: string;
  /** Sent as `input_fidelity` when set; left out, nothing is sent. */
  inputFidelity?: string | undefined;
}

/** One thing the images API would refuse, with the field it is about. */
export interface ImageRequestProblem {
  field: "model" | "size" | "quality" | "input_fidelity";
  message: string;
}

/**
 * Every problem the images API would refuse `request` for, checked against {@link imageModels}:
 * an unknown model (naming the supported ones), or a size, quality or input fidelity the model
 * does not accept (naming the ones it does). Empty when the request is fine.
 *
 * @example
 * checkImageRequest({ model: "gpt-image-1", size: "768x1152", quality: "medium" });
 * // [{ field: "size", message: "size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, 1024x1536, 1536x1024, auto" }]
 */
export function checkImageRequest(request: ImageRequestSettings): ImageRequestProblem[] {
  const row = imageModel(request.model);
  if (!row) {
    const known = imageModels.map((entry) => entry.model).join(", ");
    return [{ field: "model", message: `model ${request.model} is not supported; the supported models are ${known}` }];
  }
  const problems: ImageRequestProblem[] = [];
  const notAccepted = (field: ImageRequestProblem["field"], value: string, accepted: readonly string[]) =>
    problems.push({
      field,
      message: `${field} ${value} is not accepted by ${row.model}; it accepts ${accepted.join(", ")}`,
    });
  if (!row.sizes.includes(request.size)) notAccepted("size", request.size, row.sizes);
  if (!row.qualities.includes(request.quality)) notAccepted("quality", request.quality, row.qualities);
  if (request.inputFidelity !== undefined) {
    if (!row.inputFidelity) {
      problems.push({ field: "input_fidelity", message: `input_fidelity is not accepted by ${row.model}` });
    } else if (!["high", "low"].includes(request.inputFidelity)) {
      notAccepted("input_fidelity", request.inputFidelity, ["high", "low"]);
    }
  }
  return problems;
}

/**
 * Refuses, before anything is sent, an image request the API would refuse: a
 * {@link PipelineError} whose message lists every problem and whose details name the first
 * problem's field (the CLI exits 1, the server answers 400 naming it).
 *
 * @example
 * assertImageRequest({ model: "gpt-image-1", size: "768x1152", quality: "medium" });
 * // throws "Image settings not accepted: size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, ..."
 */
export function assertImageRequest(request: ImageRequestSettings): void {
  const problems = checkImageRequest(request);
  const first = problems[0];
  if (!first) return;
  const message = `Image settings not accepted: ${problems.map((problem) => problem.message).join("; ")}`;
  throw new PipelineError(message, { field: first.field, problems });
}

/**
 * The `input_fidelity` an edit sends for `model`: `high` (as the seed asked), unless the table
 * says the model does not accept it (gpt-image-1-mini), where nothing is sent.
 */
export function inputFidelityFor(model: string): "high" | undefined {
  return imageModel(model)?.inputFidelity === false ? undefined : "high";
}

/**
 * {@link assertImageRequest} for a run's model, size and quality, with the input fidelity an
 * edit would send for the model ({@link inputFidelityFor}).
 */
export function assertImageSettings(settings: { model: string; size: string; quality: string }): void {
  assertImageRequest({
    model: settings.model,
    size: settings.size,
    quality: settings.quality,
    inputFidelity: inputFidelityFor(settings.model),
  });
}

/**
 * The list price of one output image, or null when the table has none: an unknown model, or
 * `auto` size or quality (the API picks, so the price is not known beforehand).
 *
 * @example
 * listPricePerImageUsd("gpt-image-1", "1024x1536", "medium"); // 0.063
 */
export function listPricePerImageUsd(model: string, size: string, quality: string): number | null {
  const prices = imageModel(model)?.pricePerImageUsd as Record<string, Record<string, number> | undefined> | undefined;
  return prices?.[size]?.[quality] ?? null;
}

/**
 * Refuses a job with more input images (its scene, style references and reference-set images)
 * than one edit of `model` takes, before anything is sent. Unknown models are left to
 * {@link assertImageSettings}.
 *
 * @example
 * assertInputImageCount("gpt-image-1", 17); // throws "... 17 input images; gpt-image-1 takes at most 16 ..."
 */
export function assertInputImageCount(model: string, count: number): void {
  const row = imageModel(model);
  if (!row || count <= row.maxInputImages) return;
  throw new PipelineError(
    `A job would send ${count} input images; ${row.model} takes at most ${row.maxInputImages} per request ` +
      "(the scene, the style refs and the reference set's images): use fewer style refs or a smaller reference set",
    { field: "reference_set", count, limit: row.maxInputImages },
  );
}
