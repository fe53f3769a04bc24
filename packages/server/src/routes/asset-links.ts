import { notFound } from "../errors.js";
import { requiredText, requireSomeField } from "../input.js";
import { createAssetLinkRepository } from "../repositories/asset-link-repository.js";
import type { DefineRoute } from "../router.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const updatable = ["parent_asset_id", "child_asset_id", "link_type"] as const;

export function assetLinkRoutes(route: DefineRoute, deps: ContentDeps): void {
  const assetLinks = createAssetLinkRepository(deps.db);
  const missing = (id: string) => notFound(`Asset link '${id}' not found`);

  route("get", "/api/projects/{slug}/asset-links", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const list = await assetLinks.list(project.id, { asset_id: query.asset_id, link_type: query.link_type });
    return { status: 200, body: { ok: true, count: list.length, asset_links: list } };
  });

  route("post", "/api/projects/{slug}/asset-links", async ({ params, body }) => {
    const fields = {
      parent_asset_id: requiredText("parent_asset_id", body.parent_asset_id),
      child_asset_id: requiredText("child_asset_id", body.child_asset_id),
      link_type: body.link_type ?? "derived_from",
    };
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, asset_link: await assetLinks.create(project.id, fields) } };
  });

  route("get", "/api/projects/{slug}/asset-links/{linkId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const link = await assetLinks.find(project.id, params.linkId);
    if (!link) throw missing(params.linkId);
    return { status: 200, body: { ok: true, asset_link: link } };
  });

  route("put", "/api/projects/{slug}/asset-links/{linkId}", async ({ params, body }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.parent_asset_id === undefined
        ? {}
        : { parent_asset_id: requiredText("parent_asset_id", body.parent_asset_id) }),
      ...(body.child_asset_id === undefined
        ? {}
        : { child_asset_id: requiredText("child_asset_id", body.child_asset_id) }),
      ...(body.link_type === undefined ? {} : { link_type: body.link_type }),
    };
    const project = await requireProject(deps, params.slug);
    const link = await assetLinks.update(project.id, params.linkId, changes);
    if (!link) throw missing(params.linkId);
    return { status: 200, body: { ok: true, asset_link: link } };
  });

  route("delete", "/api/projects/{slug}/asset-links/{linkId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    if (!(await assetLinks.remove(project.id, params.linkId))) throw missing(params.linkId);
    return { status: 200, body: { ok: true, deleted: true, id: params.linkId } };
  });
}
