import type { Schema } from "@kroma/contract/types";
import { imageModel } from "./models.js";

// What one image request cost by the usage its answer carried: each kind of token at its
// per-token list price from the model table (models.ts). Computed apart from the estimate
// (run/cost.ts, list price per image) on purpose: the estimate knows the request, this knows
// the answer, and a log carrying both shows how far apart they are.

/** One answered request's cost (the spec's `RecordedImageCost`). */
export type RecordedImageCost = Schema<"RecordedImageCost">;

type Usage = Schema<"ImageUsage">;
type TokenPrices = NonNullable<ReturnType<typeof imageModel>>["tokenPriceUsdPerMillion"];

/** Tokens of each kind one answer reports, as the prices are kept. */
type TokenCounts = Record<keyof TokenPrices, number>;

/**
 * The cost of one answered request from its `usage`, or `usd: null` with the reason when it cannot
 * be known: no usage in the answer, a model the table does not know, token counts missing, input
 * tokens not split into text and image, or tokens of a kind whose price the table does not have. Never 0 for unknown.
 *
 * @example
 * recordedImageCost("gpt-image-1", {
 *   input_tokens: 300, input_tokens_details: { text_tokens: 45, image_tokens: 255 }, output_tokens: 1056, total_tokens: 1356,
 * });
 * // { usd: 0.045015, text_input_usd: 0.000225, image_input_usd: 0.00255, image_output_usd: 0.04224 }
 */
export function recordedImageCost(model: string, usage: Usage | undefined): RecordedImageCost {
  if (!usage) return { usd: null, reason: "The images API answer carried no usage" };
  const row = imageModel(model);
  if (!row) return { usd: null, reason: `The model table has no token prices for ${model}` };
  const counts = tokenCounts(usage);
  if (typeof counts === "string") return { usd: null, reason: counts };
  const prices = row.tokenPriceUsdPerMillion;
  const kinds = Object.keys(counts) as (keyof TokenPrices)[];
  const unpriced = kinds.filter((kind) => counts[kind] > 0 && prices[kind] === null);
  if (unpriced.length > 0) {
    const note = row.tokenPriceNote ? ` (${row.tokenPriceNote})` : "";
    return { usd: null, reason: `The model table has no ${unpriced.map(label).join(", ")} price for ${model}${note}` };
  }
  const part = (kind: keyof TokenPrices) => roundUsd((counts[kind] * (prices[kind] ?? 0)) / 1e6);
  const parts = {
    text_input_usd: part("textInput"),
    image_input_usd: part("imageInput"),
    image_output_usd: part("imageOutput"),
    ...(counts.textOutput > 0 ? { text_output_usd: part("textOutput") } : {}),
  };
  return { usd: roundUsd(Object.values(parts).reduce((sum, usd) => sum + usd, 0)), ...parts };
}

/**
 * The tokens of each kind, or why they cannot be told apart. Input tokens come split in
 * `input_tokens_details`; output tokens in `output_tokens_details` where the model reports it,
 * else they are all image tokens (gpt-image-1: "the number of image tokens in the output image").
 */
function tokenCounts(usage: Usage): TokenCounts | string {
  if (usage.input_tokens === undefined || usage.output_tokens === undefined) {
    return "The usage does not report input_tokens and output_tokens";
  }
  const input = usage.input_tokens_details;
  if (usage.input_tokens > 0 && (input?.text_tokens === undefined || input.image_tokens === undefined)) {
    return "The usage does not split input tokens into text and image tokens (no input_tokens_details)";
  }
  const output = usage.output_tokens_details;
  return {
    textInput: input?.text_tokens ?? 0,
    imageInput: input?.image_tokens ?? 0,
    imageOutput: output ? (output.image_tokens ?? 0) : usage.output_tokens,
    textOutput: output?.text_tokens ?? 0,
  };
}

function label(kind: keyof TokenPrices): string {
  return { textInput: "text input", imageInput: "image input", imageOutput: "image output", textOutput: "text output" }[
    kind
  ];
}

/** Dollars to six decimals, as the estimate rounds them. */
function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
