import type { Schema } from "@kroma/contract";
import type { Context } from "hono";
import { actorOf } from "../../core/audit.js";
import { notFound } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { importRoutes } from "./import-route.js";
import { exportProject } from "./project-export.js";
import { createExportRepository } from "./repository.js";

/** What the export routes need besides the content deps: the version the manifest records. */
export interface ExportDeps extends ContentDeps {
  version: string;
}

/**
 * Project bundles: create one (`POST /exports`, and the seed's `POST /export`), list and show
 * them, and restore one into a new project (`POST /api/imports`).
 */
export function exportRoutes(route: DefineRoute, deps: ExportDeps): void {
  const exportsRepo = createExportRepository(deps.db);

  const create = async (
    slug: string,
    body: Schema<"CreateExportRequest"> | undefined,
    context: Context,
  ): Promise<Schema<"ExportCreatedResponse">> => {
    const project = await requireProject(deps, slug);
    const projectRoot = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const done = await exportProject(deps.db, {
      project,
      projectRoot,
      appRoot: deps.appRoot,
      includeFiles: body?.include_files ?? false,
      output: body?.output,
      actor: actorOf(context),
      version: deps.version,
      leases: deps.leases,
    });
    return {
      ok: true,
      export: done.export,
      export_path: done.path,
      export_sha256: done.sha256,
      export_asset_id: done.assetId,
    };
  };

  route("get", "/api/projects/{slug}/exports", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total } = await exportsRepo.list(project.id, query);
    return { status: 200, body: { ok: true, count: rows.length, total, exports: rows } };
  });

  route("post", "/api/projects/{slug}/exports", async ({ params, body, context }) => ({
    status: 200,
    body: await create(params.slug, body, context),
  }));

  route("post", "/api/projects/{slug}/export", async ({ params, body, context }) => ({
    status: 200,
    body: await create(params.slug, body, context),
  }));

  route("get", "/api/projects/{slug}/exports/{exportId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const found = await exportsRepo.get(project.id, params.exportId);
    if (!found) throw notFound(`Export '${params.exportId}' not found`);
    return { status: 200, body: { ok: true, export: found } };
  });

  importRoutes(route, deps);
}
