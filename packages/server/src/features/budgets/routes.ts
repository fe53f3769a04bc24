import { actorOf, recordAudit } from "../../core/audit.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { projectBudget, setProjectBudget } from "./repository.js";

/** A project's budget for paid runs: read it, set it, remove it. */
export function budgetRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("get", "/api/projects/{slug}/budget", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, budget: await projectBudget(deps.db, project.id) } };
  });

  route("put", "/api/projects/{slug}/budget", async ({ params, body, context }) => {
    const project = await requireProject(deps, params.slug);
    await deps.db.transaction().execute(async (trx) => {
      await setProjectBudget(trx, project.id, body.budget_usd);
      await recordAudit(trx, actorOf(context), {
        action: "project.budget",
        projectId: project.id,
        targetType: "project",
        targetId: project.id,
        detail: { budget_usd: body.budget_usd },
      });
    });
    return { status: 200, body: { ok: true, budget: await projectBudget(deps.db, project.id) } };
  });
}
