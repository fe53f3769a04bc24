import { estimateImageCostUsd, PipelineError } from "@kroma/pipeline";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { projectBudget } from "./repository.js";

/**
 * The check a server run makes before each image request: the project's other commitments plus
 * this run's requests so far and the next one must stay within the budget as it is now, so a
 * budget lowered (or set) while the run goes stops its spending. The run's own reservation is
 * taken out of what is committed and its requests counted instead. A throw fails the candidate
 * with nothing sent.
 *
 * @example
 * executeRun({ ...options, beforeImageRequest: budgetCheck(db, projectId, runId, image) });
 */
export function budgetCheck(
  db: Kysely<Database>,
  projectId: string,
  runId: string,
  image: { model: string; size: string; quality: string },
): () => Promise<void> {
  const perRequest = estimateImageCostUsd(image.model, image.size, image.quality);
  let sent = 0;
  return async () => {
    const budget = await projectBudget(db, projectId);
    if (budget.budget_usd === null) {
      sent++;
      return;
    }
    if (perRequest === null) {
      throw new PipelineError(
        `Not sent: the project has a budget and ${image.model} ${image.size} ${image.quality} has no list price`,
        { field: "budget" },
      );
    }
    const run = await db.selectFrom("runs").select("reserved_usd").where("id", "=", runId).executeTakeFirst();
    const others = budget.committed_usd - (run?.reserved_usd ?? 0);
    const next = (sent + 1) * perRequest;
    if (others + next > budget.budget_usd + 1e-9) {
      const over = others + next - budget.budget_usd;
      throw new PipelineError(
        `Not sent: the next image request would take the project past its budget $${budget.budget_usd.toFixed(3)} ` +
          `by $${over.toFixed(3)} (committed elsewhere $${others.toFixed(3)}, this run so far $${(sent * perRequest).toFixed(3)})`,
        { field: "budget" },
      );
    }
    sent++;
  };
}
