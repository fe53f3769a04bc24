import type { Schema } from "@kroma/contract/types";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { imageModel, listPricePerImageUsd } from "../generate/models.js";
import { refineDefaults } from "../postprocess/bg-refine-openai.js";
import { enabledPostprocessStages } from "../postprocess/chain.js";

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

/** What a run will cost before it sends anything (the spec's `SpendEstimate`). */
export type SpendEstimate = Schema<"SpendEstimate">;

/** Background-removal backends that call a paid service; their prices are not in the model table. */
const paidCutoutBackends = new Set(["photoroom", "removebg"]);

/** What a run's estimate is made from: its plan's size and its image and post-process settings. */
export interface RunSpendInput {
  jobs: number;
  /** Candidates per job. */
  candidates: number;
  model: string;
  size: string;
  quality: string;
  /** The effective post-process settings (default: every stage off). */
  postprocess?: PostprocessSettings | undefined;
  /**
   * False for a post-process run (`assets`, `from_run`): no image is requested, so only the paid
   * post-processing of each job's one file counts. Default true.
   */
  generate?: boolean | undefined;
}

/**
 * The refine pass's price per call: its model and quality (`refineDefaults`) at the run's size (the
 * pass asks for `auto`, and the API picks the size nearest the cut-out's shape, which is the run's),
 * or at the dearest size the table has when the run's size is not priced either.
 */
function refinePricePerCallUsd(runSize: string): number | null {
  const { model, quality } = refineDefaults;
  const atRunSize = listPricePerImageUsd(model, runSize, quality);
  if (atRunSize !== null) return atRunSize;
  const sizes = Object.keys(imageModel(model)?.pricePerImageUsd ?? {});
  const prices = sizes.map((size) => listPricePerImageUsd(model, size, quality)).filter((p) => p !== null);
  return prices.length > 0 ? Math.max(...prices) : null;
}

/**
 * What a run will spend, from the model table, before it sends anything: one image request per
 * candidate (jobs x candidates; retries not counted), each priced at the model's list price for
 * the size and quality, plus the paid post-processing every candidate goes through: a cut-out by
 * a paid first backend (PhotoRoom, remove.bg: calls counted, `usd: null`, their prices are not in
 * the table) and the OpenAI refine pass (priced from the table). `total_usd` is null when any part
 * is.
 *
 * @example
 * estimateRunSpend({ jobs: 3, candidates: 2, model: "gpt-image-1", size: "1024x1536", quality: "medium" });
 * // { requests: 6, images: 6, per_image_usd: 0.063, images_usd: 0.378, postprocess: [], total_usd: 0.378, basis: "..." }
 */
export function estimateRunSpend(input: RunSpendInput): SpendEstimate {
  // Every candidate goes through the chain; only a generating run requests them as images.
  const files = input.jobs * input.candidates;
  const images = input.generate === false ? 0 : files;
  const perImage = estimateImageCostUsd(input.model, input.size, input.quality);
  const postprocess: SpendEstimate["postprocess"] = [];
  const stages = input.postprocess ? enabledPostprocessStages(input.postprocess) : [];
  const firstBackend = input.postprocess?.bg_remove_backends[0];
  if (stages.includes("bg_remove") && firstBackend !== undefined && paidCutoutBackends.has(firstBackend)) {
    postprocess.push({ stage: "bg_remove", backend: firstBackend, calls: files, usd: null });
  }
  if (stages.includes("bg_refine_openai")) {
    const perCall = refinePricePerCallUsd(input.size);
    postprocess.push({
      stage: "bg_refine_openai",
      backend: "openai",
      calls: files,
      usd: perCall === null ? null : roundUsd(perCall * files),
    });
  }
  const imagesUsd = images === 0 ? 0 : perImage === null ? null : roundUsd(perImage * images);
  const parts = [imagesUsd, ...postprocess.map((step) => step.usd)];
  const total = parts.every((part) => part !== null)
    ? roundUsd(parts.reduce((sum: number, part) => sum + (part ?? 0), 0))
    : null;
  return {
    requests: images,
    images,
    per_image_usd: perImage === null ? null : roundUsd(perImage),
    images_usd: imagesUsd,
    postprocess,
    total_usd: total,
    basis: spendBasis,
  };
}

const spendBasis =
  "Estimate before the run, not a bill: one image request per candidate (jobs x candidates; retries not " +
  "counted), each at the model's list price for the size and quality (the model table, " +
  "packages/pipeline/src/generate/models.ts; input tokens not included), plus the paid post-processing " +
  "every candidate goes through: a cut-out by a paid first backend (PhotoRoom, remove.bg: calls counted, " +
  "not priced, their prices are not in the table; a fallback after a failed cut-out is not counted) and " +
  "the OpenAI refine pass (gpt-image-1 medium at the run's size). total_usd is null when any part is not priced.";

/** "$0.378". */
export function formatUsd(value: number): string {
  return `$${value.toFixed(3)}`;
}

/**
 * One line per part of an estimate, for a terminal: requests and images, then each paid
 * post-process stage, then the total.
 *
 * @example
 * describeSpendEstimate(estimate);
 * // ["6 image request(s), 6 image(s) at $0.063 = $0.378", "total $0.378 (estimate from list prices, not a bill)"]
 */
export function describeSpendEstimate(estimate: SpendEstimate): string[] {
  const price = (usd: number | null) => (usd === null ? "not priced" : formatUsd(usd));
  const images =
    estimate.per_image_usd === null
      ? `${estimate.requests} image request(s), ${estimate.images} image(s), not priced (no list price for this model/size/quality)`
      : `${estimate.requests} image request(s), ${estimate.images} image(s) at ${formatUsd(estimate.per_image_usd)} = ${price(estimate.images_usd)}`;
  const steps = estimate.postprocess.map(
    (step) =>
      `${step.stage} (${step.backend}): ${step.calls} call(s), ${step.usd === null ? `not priced (no ${step.backend} price in the model table)` : formatUsd(step.usd)}`,
  );
  const total =
    estimate.total_usd === null
      ? "total unknown: a part is not priced"
      : `total ${formatUsd(estimate.total_usd)} (estimate from list prices, not a bill)`;
  return [images, ...steps, total];
}

/**
 * Refuses a run whose estimate exceeds `maxSpendUsd`, or cannot be priced fully, before anything
 * is sent or queued; nothing when no ceiling is given. The error names the field `max_spend_usd`.
 *
 * @example
 * checkMaxSpend(estimate, 0.3); // throws "Refused: estimated $0.500 exceeds --max-spend $0.300 by $0.200 (max_spend_usd); nothing was sent"
 */
export function checkMaxSpend(estimate: SpendEstimate, maxSpendUsd: number | undefined): void {
  if (maxSpendUsd === undefined) return;
  const ceiling = `--max-spend ${formatUsd(maxSpendUsd)} (max_spend_usd)`;
  if (estimate.total_usd === null) {
    const unpriced = [
      ...(estimate.images_usd === null ? ["the images (no list price for this model/size/quality)"] : []),
      ...estimate.postprocess
        .filter((step) => step.usd === null)
        .map((step) => `${step.stage} (${step.backend}: no price in the model table)`),
    ];
    throw new PipelineError(
      `Refused: the run's cost cannot be estimated fully, so ${ceiling} cannot be guaranteed: ${unpriced.join(", ")} not priced; nothing was sent`,
      { field: "max_spend_usd", unpriced },
    );
  }
  if (estimate.total_usd > maxSpendUsd) {
    const over = roundUsd(estimate.total_usd - maxSpendUsd);
    throw new PipelineError(
      `Refused: estimated ${formatUsd(estimate.total_usd)} exceeds ${ceiling.replace(" (max_spend_usd)", "")} by ${formatUsd(over)} (max_spend_usd); nothing was sent`,
      { field: "max_spend_usd", estimate_usd: estimate.total_usd, max_spend_usd: maxSpendUsd, exceeded_by_usd: over },
    );
  }
}

/** A project's budget as its API reports it, when one is set. */
export interface BudgetFigures {
  budget_usd: number;
  committed_usd: number;
  remaining_usd: number;
}

/**
 * Why a run's estimate does not fit what remains of a project's budget, or undefined when it
 * fits. The message ends before what was not done, which the caller says ("nothing was queued",
 * "nothing was sent").
 *
 * @example
 * budgetShortfall(estimate, { budget_usd: 0.4, committed_usd: 0.252, remaining_usd: 0.148 });
 * // { message: "Refused: estimated $0.252 exceeds the project's remaining budget $0.148 (budget $0.400, committed $0.252) by $0.104", exceeded_by_usd: 0.104 }
 */
export function budgetShortfall(
  estimate: SpendEstimate,
  budget: BudgetFigures,
): { message: string; exceeded_by_usd: number | null } | undefined {
  if (estimate.total_usd === null) {
    return {
      message:
        "Refused: the project has a budget and this run's estimate cannot be priced in full (see spend_estimate)",
      exceeded_by_usd: null,
    };
  }
  if (estimate.total_usd <= budget.remaining_usd) return undefined;
  const over = roundUsd(estimate.total_usd - budget.remaining_usd);
  return {
    message:
      `Refused: estimated ${formatUsd(estimate.total_usd)} exceeds the project's remaining budget ${formatUsd(budget.remaining_usd)} ` +
      `(budget ${formatUsd(budget.budget_usd)}, committed ${formatUsd(budget.committed_usd)}) by ${formatUsd(over)}`,
    exceeded_by_usd: over,
  };
}

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
