import type { Schema } from "@kroma/contract/types";
import { PipelineError } from "../errors.js";
import { listPricePerImageUsd } from "../generate/models.js";

// What a paid run may spend and what it probably cost: the spend check and the price estimate.

/**
 * Estimated price of one output image: the model's list price for the size and quality, from the
 * model table (`generate/models.ts`). Null for a model the table does not know, or `auto` size or
 * quality (the API picks, so the price is unknown): better no number than a wrong one. An
 * estimate only: input image tokens are not counted.
 *
 * @example
 * estimateImageCostUsd("gpt-image-1", "1024x1024", "medium"); // 0.042
 * estimateImageCostUsd("gpt-image-1-mini", "1024x1536", "high"); // 0.052
 */
export function estimateImageCostUsd(model: string, size: string, quality: string): number | null {
  return listPricePerImageUsd(model, size, quality);
}

const costBasis =
  "Estimate, not a bill: the model's list price per output image for the size and quality (the model " +
  "table, packages/pipeline/src/generate/models.ts), times the images generated; input tokens not included.";

/**
 * The checks a paid run passes before anything else happens: spend confirmed, and an API key.
 * Callers that do slow work first (the CLI asks the API for the project root) call it early, so
 * the user hears about the missing flag before anything else. Returns the trimmed key.
 *
 * @example
 * checkSpendAllowed({ confirmSpend: false, apiKey: "sk-..." }); // throws Run mode requires explicit spend confirmation (--confirm-spend)
 */
export function checkSpendAllowed({ confirmSpend, apiKey }: { confirmSpend: boolean; apiKey?: string }): string {
  if (!confirmSpend) {
    throw new PipelineError("Run mode requires explicit spend confirmation (--confirm-spend)", {
      field: "confirm_spend",
    });
  }
  const key = apiKey?.trim();
  if (!key) {
    throw new PipelineError("OPENAI_API_KEY is not set and the project has no openai/api_key secret", {
      field: "api_key",
    });
  }
  return key;
}

/** Sums token usage over the generated candidates; null when the API reported none. */
function totalUsage(candidates: Schema<"RunCandidateLog">[]): Schema<"PaidRunLog">["usage"] {
  const reported = candidates.flatMap((candidate) => (candidate.usage ? [candidate.usage] : []));
  if (reported.length === 0) return null;
  const sum = (key: "input_tokens" | "output_tokens" | "total_tokens") =>
    reported.reduce((total, usage) => total + (usage[key] ?? 0), 0);
  return { input_tokens: sum("input_tokens"), output_tokens: sum("output_tokens"), total_tokens: sum("total_tokens") };
}

/** Dollars to six decimals: enough for an estimate, without float noise in the log. */
function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The usage and cost fields of a paid log for the candidates it generated: tokens summed, and
 * the list-price estimate per image and in total (null for a model, size or quality not priced).
 */
export function costFields(
  image: { model: string; size: string; quality: string },
  generated: Schema<"RunCandidateLog">[],
): Pick<Schema<"PaidRunLog">, "usage" | "cost_estimate_usd" | "cost_estimate"> {
  const perImage = estimateImageCostUsd(image.model, image.size, image.quality);
  return {
    usage: totalUsage(generated),
    cost_estimate_usd: perImage === null ? null : roundUsd(perImage * generated.length),
    cost_estimate: {
      per_image_usd: perImage === null ? null : roundUsd(perImage),
      images: generated.length,
      basis: costBasis,
    },
  };
}
