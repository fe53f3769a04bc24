import type { Schema } from "@kroma/contract";
import { budgetShortfall } from "@kroma/pipeline";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { ApiError } from "../../core/errors.js";
import { nowIso } from "../../core/time.js";
import { activeRunStatuses } from "../runs/repository.js";

export type ProjectBudgetRecord = Schema<"ProjectBudget">;
type SpendEstimate = Schema<"SpendEstimate">;

/** Dollars to six decimals, as the cost events keep them. */
const usd = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * What the project's paid runs hold against its budget: a queued or running run its reservation,
 * a finished one its recorded cost (its cost events; nothing when it recorded none).
 */
async function committedUsd(db: Kysely<Database>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom("runs")
    .select(
      sql<number>`coalesce(sum(case when runs.status in (${sql.join([...activeRunStatuses])}) then coalesce(runs.reserved_usd, 0)
        else coalesce((select sum(c.total_cost_usd) from cost_events c where c.run_id = runs.id), 0) end), 0)`.as(
        "committed",
      ),
    )
    .where("project_id", "=", projectId)
    .where("run_mode", "=", "run")
    .executeTakeFirstOrThrow();
  return usd(Number(row.committed));
}

/** The project's budget and what is committed against it. */
export async function projectBudget(db: Kysely<Database>, projectId: string): Promise<ProjectBudgetRecord> {
  const row = await db.selectFrom("project_budgets").selectAll().where("project_id", "=", projectId).executeTakeFirst();
  const committed = await committedUsd(db, projectId);
  return {
    budget_usd: row?.budget_usd ?? null,
    committed_usd: committed,
    remaining_usd: row ? usd(row.budget_usd - committed) : null,
    updated_at: row?.updated_at ?? null,
  };
}

/** Sets (or with null removes) the project's budget. */
export async function setProjectBudget(
  db: Kysely<Database>,
  projectId: string,
  budgetUsd: number | null,
): Promise<void> {
  if (budgetUsd === null) {
    await db.deleteFrom("project_budgets").where("project_id", "=", projectId).execute();
    return;
  }
  const updatedAt = nowIso();
  await db
    .insertInto("project_budgets")
    .values({ project_id: projectId, budget_usd: budgetUsd, updated_at: updatedAt })
    .onConflict((oc) => oc.column("project_id").doUpdateSet({ budget_usd: budgetUsd, updated_at: updatedAt }))
    .execute();
}

/**
 * What a paid run reserves against the project's budget: its estimate's total, checked against
 * what remains. Call it in the transaction that queues the run: the database runs one write
 * transaction at a time, so two triggers never both count the same remainder. Null (nothing to
 * reserve) without a budget. A run the remainder does not cover, or whose estimate cannot be
 * priced, is a 409 `budget_exceeded` saying by how much.
 */
export async function reserveBudget(
  trx: Kysely<Database>,
  projectId: string,
  estimate: SpendEstimate,
): Promise<number | null> {
  const budget = await projectBudget(trx, projectId);
  if (budget.budget_usd === null || budget.remaining_usd === null) return null;
  const figures = {
    budget_usd: budget.budget_usd,
    committed_usd: budget.committed_usd,
    remaining_usd: budget.remaining_usd,
  };
  const shortfall = budgetShortfall(estimate, figures);
  if (shortfall) {
    throw new ApiError("policy", "budget_exceeded", `${shortfall.message}; nothing was queued`, {
      ...figures,
      estimate_usd: estimate.total_usd,
      ...(shortfall.exceeded_by_usd === null ? {} : { exceeded_by_usd: shortfall.exceeded_by_usd }),
      field: "budget",
    });
  }
  return estimate.total_usd;
}
