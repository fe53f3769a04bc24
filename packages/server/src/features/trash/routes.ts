import { actorOf } from "../../core/audit.js";
import { notFound } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { diskAreas, runDiskUse } from "./disk-usage.js";
import { findGarbage } from "./gc.js";
import { listEntries } from "./repository.js";
import { assetTarget, finishedRun, pruneTargets, runAssets } from "./targets.js";
import type { Trash, TrashProject } from "./trash.js";
import { regularFileSize, trashDir } from "./trash-files.js";

/** Deleting assets and runs into the project's trash, restoring, purging, `gc` and disk use. */
export function trashRoutes(route: DefineRoute, deps: ContentDeps & { trash: Trash }): void {
  const { db, trash } = deps;
  const projectOf = async (slug: string): Promise<TrashProject> => {
    const project = await requireProject(deps, slug);
    return { id: project.id, root: resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug) };
  };

  route("delete", "/api/projects/{slug}/assets/{assetId}", async ({ params, query, context }) => {
    const project = await projectOf(params.slug);
    const { label, ...asset } = await assetTarget(db, project.id, params.assetId);
    const entry = await trash.put(project, {
      kind: "asset",
      label,
      assets: [asset],
      force: query.force === true,
      actor: actorOf(context),
    });
    return { status: 200, body: { ok: true, trash: entry } };
  });

  route("delete", "/api/projects/{slug}/runs/{runId}", async ({ params, query, context }) => {
    const project = await projectOf(params.slug);
    const run = await finishedRun(db, project.id, params.runId);
    const assets = await runAssets(db, run.id);
    const entry = await trash.put(project, {
      kind: "run",
      label: `run ${run.id} (${assets.length} asset${assets.length === 1 ? "" : "s"})`,
      assets,
      files: run.run_log_path ? [run.run_log_path] : [],
      runId: run.id,
      force: query.force === true,
      actor: actorOf(context),
    });
    return { status: 200, body: { ok: true, trash: entry } };
  });

  route("post", "/api/projects/{slug}/runs/{runId}/prune", async ({ params, body, context }) => {
    const project = await projectOf(params.slug);
    const run = await finishedRun(db, project.id, params.runId);
    const which = body?.which ?? "unchosen";
    const assets = await pruneTargets(db, project.id, run.id, which);
    if (assets.length === 0) return { status: 200, body: { ok: true, trash: null } };
    const entry = await trash.put(project, {
      kind: "candidates",
      label: `${assets.length} ${which} candidate file${assets.length === 1 ? "" : "s"} of run ${run.id}`,
      assets,
      runId: run.id,
      note: body?.note ?? null,
      actor: actorOf(context),
    });
    return { status: 200, body: { ok: true, trash: entry } };
  });

  route("get", "/api/projects/{slug}/trash", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total, bytes } = await listEntries(db, project.id, query);
    return {
      status: 200,
      body: { ok: true, count: rows.length, total, bytes, retention_days: trash.retentionMs / 86_400_000, trash: rows },
    };
  });

  route("post", "/api/projects/{slug}/trash/{trashId}/restore", async ({ params, context }) => {
    const project = await projectOf(params.slug);
    return { status: 200, body: { ok: true, trash: await trash.restore(project, params.trashId, actorOf(context)) } };
  });

  route("post", "/api/projects/{slug}/trash/purge", async ({ params, body, context }) => {
    const project = await projectOf(params.slug);
    const chosen = { ...(body?.trash_ids ? { ids: body.trash_ids } : {}), all: body?.all === true };
    return { status: 200, body: { ok: true, ...(await trash.purge(project, chosen, actorOf(context))) } };
  });

  route("post", "/api/projects/{slug}/gc", async ({ params, body, context }) => {
    const project = await projectOf(params.slug);
    const dryRun = body?.dry_run !== false;
    const found = await findGarbage(db, project.id, project.root);
    const report = {
      ok: true as const,
      dry_run: dryRun,
      scanned: found.scanned,
      orphan_files: found.orphans,
      orphan_bytes: found.orphans.reduce((sum, file) => sum + file.bytes, 0),
      missing_files: found.missing.map((asset) => ({ asset_id: asset.id, path: asset.rel_path })),
      skipped: found.skipped,
    };
    if (dryRun || found.orphans.length + found.trashable.length === 0)
      return { status: 200, body: { ...report, trash: null } };
    const entry = await trash.put(project, {
      kind: "gc",
      label: `gc: ${found.orphans.length} orphan file(s), ${found.trashable.length} record(s) with no file`,
      assets: found.trashable,
      files: found.orphans.map((file) => file.path),
      actor: actorOf(context),
    });
    return { status: 200, body: { ...report, trash: entry } };
  });

  route("get", "/api/projects/{slug}/disk-usage", async ({ params }) => {
    const project = await projectOf(params.slug);
    const { areas, sizes } = await diskAreas(project.root);
    const total = areas.reduce((sum, area) => sum + area.bytes, 0);
    const areaBytes = (name: string) => areas.find((area) => area.area === name)?.bytes ?? 0;
    return {
      status: 200,
      body: {
        ok: true,
        total_bytes: total,
        files: areas.reduce((sum, area) => sum + area.files, 0),
        trash_bytes: areaBytes(trashDir),
        cache_bytes: areaBytes(".kroma/cache"),
        areas,
        runs: await runDiskUse(db, project.id, (relPath) => sizes.get(relPath)),
      },
    };
  });

  route("get", "/api/projects/{slug}/runs/{runId}/disk-usage", async ({ params }) => {
    const project = await projectOf(params.slug);
    const [usage] = await runDiskUse(db, project.id, (relPath) => regularFileSize(project.root, relPath), params.runId);
    if (!usage) throw notFoundRun(params.runId);
    return { status: 200, body: { ok: true, usage } };
  });
}

const notFoundRun = (runId: string) => notFound(`Run '${runId}' not found`);
