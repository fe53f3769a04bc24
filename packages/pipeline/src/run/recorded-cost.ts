import type { Schema } from "@kroma/contract/types";
import type { RecordedImageCost } from "../generate/usage-cost.js";

// What a run's answered image requests cost by their usage (each priced by
// generate/usage-cost.ts): the candidates' own requests and the OpenAI refine pass of their
// post-processing, summed beside the run's estimate.

/** A run's recorded spend (the spec's `RecordedSpend`). */
export type RecordedSpend = Schema<"RecordedSpend">;

/** What {@link recordedSpend} reads of a candidate: its own request's cost and its post-processing. */
interface CandidateCosts {
  cost?: RecordedImageCost;
  postprocess?: { stages: readonly { stage: string; params: Record<string, unknown> }[] };
}

const recordedBasis =
  "Recorded from the answers, not a bill: every answered image request (each candidate's, and each OpenAI " +
  "refine pass of its post-processing) priced from the usage it carried: text input, image input and image " +
  "output tokens at the model's per-token list prices (the model table, packages/pipeline/src/generate/models.ts). " +
  "usd is null when any answer could not be priced (no usage, or a token price not in the table); PhotoRoom " +
  "and remove.bg calls are not included (their prices are not in the table).";

/**
 * The run's recorded spend over its candidates' `cost` and their refine passes' `params.cost`: the
 * sum when every answer was priced, else null with the priced part and the count of those that
 * were not.
 *
 * @example
 * recordedSpend([{ cost: { usd: 0.044 } }, { cost: { usd: null, reason: "..." } }]);
 * // { usd: null, priced_usd: 0.044, priced_requests: 1, unpriced_requests: 1, basis: "..." }
 */
export function recordedSpend(candidates: readonly CandidateCosts[]): RecordedSpend {
  const costs = candidates.flatMap((candidate) => [
    ...(candidate.cost ? [candidate.cost.usd] : []),
    ...refineCosts(candidate),
  ]);
  const priced = costs.filter((usd): usd is number => usd !== null);
  const pricedUsd = roundUsd(priced.reduce((sum, usd) => sum + usd, 0));
  const unpriced = costs.length - priced.length;
  return {
    usd: unpriced === 0 ? pricedUsd : null,
    priced_usd: pricedUsd,
    priced_requests: priced.length,
    unpriced_requests: unpriced,
    basis: recordedBasis,
  };
}

/** Dollars to six decimals, as the estimate rounds them. */
function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The recorded cost of each refine pass in a candidate's post-processing (its stage's `params.cost`). */
function refineCosts(candidate: CandidateCosts): (number | null)[] {
  return (candidate.postprocess?.stages ?? []).flatMap((stage) => {
    const cost = stage.stage === "bg_refine_openai" ? stage.params.cost : undefined;
    if (!cost || typeof cost !== "object" || !("usd" in cost)) return [];
    const { usd } = cost as { usd: unknown };
    return [typeof usd === "number" ? usd : null];
  });
}
