import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { type AssetLinkFields, createAssetLinkRepository } from "./repository.js";

const updatable = ["parent_asset_id", "child_asset_id", "link_type"] as const;

/** A link's ends and type: ids and an enum, small enough for the audit log. */
const linkDetail = ({ parent_asset_id, child_asset_id, link_type }: AssetLinkFields) => ({
  parent_asset_id,
  child_asset_id,
  link_type,
});

export function assetLinkRoutes(route: DefineRoute, deps: ContentDeps): void {
  const assetLinks = createAssetLinkRepository(deps.db);
  const missing = (id: string) => () => notFound(`Asset link '${id}' not found`);
  const audit = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, "asset_link", verb, id, detail);

  route("get", "/api/projects/{slug}/asset-links", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const list = await assetLinks.list(project.id, { asset_id: query.asset_id, link_type: query.link_type });
    return { status: 200, body: { ok: true, count: list.length, asset_links: list } };
  });

  route("post", "/api/projects/{slug}/asset-links", async ({ params, body, context }) => {
    const fields = {
      parent_asset_id: requiredText("parent_asset_id", body.parent_asset_id),
      child_asset_id: requiredText("child_asset_id", body.child_asset_id),
      link_type: body.link_type ?? "derived_from",
    };
    const project = await requireProject(deps, params.slug);
    const link = await audited(
      deps.db,
      actorOf(context),
      (created) => audit(project.id, "create", created.id, linkDetail(created)),
      (trx: Kysely<Database>) => createAssetLinkRepository(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, asset_link: link } };
  });

  route("get", "/api/projects/{slug}/asset-links/{linkId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const link = foundOr(await assetLinks.find(project.id, params.linkId), missing(params.linkId));
    return { status: 200, body: { ok: true, asset_link: link } };
  });

  route("put", "/api/projects/{slug}/asset-links/{linkId}", async ({ params, body, context }) => {
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
    const link = await audited(
      deps.db,
      actorOf(context),
      (updated) => audit(project.id, "update", updated.id, { changed: Object.keys(changes), ...linkDetail(updated) }),
      async (trx: Kysely<Database>) =>
        foundOr(
          await createAssetLinkRepository(trx).update(project.id, params.linkId, changes),
          missing(params.linkId),
        ),
    );
    return { status: 200, body: { ok: true, asset_link: link } };
  });

  route("delete", "/api/projects/{slug}/asset-links/{linkId}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    await audited(
      deps.db,
      actorOf(context),
      (deleted) => audit(project.id, "delete", deleted.id, linkDetail(deleted)),
      async (trx: Kysely<Database>) =>
        foundOr(await createAssetLinkRepository(trx).remove(project.id, params.linkId), missing(params.linkId)),
    );
    return { status: 200, body: { ok: true, deleted: true, id: params.linkId } };
  });
}
