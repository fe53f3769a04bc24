import { notFound } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createRunRepository } from "./repository.js";

/** What runs produced: assets, the output guard's quality reports and cost events. */
export function assetRoutes(route: DefineRoute, deps: ContentDeps): void {
  const runs = createRunRepository(deps.db);

  route("get", "/api/projects/{slug}/assets", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total } = await runs.listAssets(project.id, query);
    return { status: 200, body: { ok: true, count: rows.length, total, assets: rows } };
  });

  route("get", "/api/projects/{slug}/assets/{assetId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const asset = await runs.getAsset(project.id, params.assetId);
    if (!asset) throw notFound(`Asset '${params.assetId}' not found`);
    return { status: 200, body: { ok: true, asset } };
  });

  route("get", "/api/projects/{slug}/quality-reports", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total } = await runs.listQualityReports(project.id, query);
    return { status: 200, body: { ok: true, count: rows.length, total, quality_reports: rows } };
  });

  route("get", "/api/projects/{slug}/cost-events", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total, totalUsd } = await runs.listCostEvents(project.id, query);
    return {
      status: 200,
      body: { ok: true, count: rows.length, total, total_cost_usd: totalUsd, cost_events: rows },
    };
  });
}
