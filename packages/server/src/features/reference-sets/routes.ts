import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import { hasProjectRow } from "../../core/db/project-rows.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { contentRequired, createReferenceSetRepository } from "./repository.js";

const updatableSet = ["name", "description"] as const;
const updatableItem = ["label", "content_uri", "content_text", "asset_id", "sort_order", "metadata_json"] as const;

/** Trimmed content, with blank and null alike meaning "no content of this kind". */
const optionalContent = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
};

export function referenceSetRoutes(route: DefineRoute, deps: ContentDeps): void {
  const referenceSets = createReferenceSetRepository(deps.db);
  const setMissing = (id: string) => () => notFound(`Reference set '${id}' not found`);
  const itemMissing = (id: string) => () => notFound(`Reference item '${id}' not found`);
  const auditSet = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, "reference_set", verb, id, detail);
  // Item content (text, URIs, metadata) stays out of the log: only the set and the field names go in.
  const auditItem = (projectId: string, verb: string, setId: string, id: string, fields?: object) =>
    auditEntry(projectId, "reference_item", verb, id, {
      reference_set_id: setId,
      ...(fields && { changed: Object.keys(fields) }),
    });

  /** An item may point at an asset of its own project only: another project's is as unknown as none (404). */
  const requireAsset = async (projectId: string, assetId: string | null | undefined): Promise<void> => {
    if (assetId && !(await hasProjectRow(deps.db, "assets", projectId, assetId))) {
      throw notFound(`Asset '${assetId}' not found`);
    }
  };

  /** The project's id, once both the project and the set in the path are known to exist. */
  const requireSet = async (slug: string, setId: string): Promise<string> => {
    const project = await requireProject(deps, slug);
    if (!(await referenceSets.exists(project.id, setId))) throw setMissing(setId)();
    return project.id;
  };

  route("get", "/api/projects/{slug}/reference-sets", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await referenceSets.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, reference_sets: list } };
  });

  route("post", "/api/projects/{slug}/reference-sets", async ({ params, body, context }) => {
    const fields = { name: requiredText("name", body.name), description: body.description?.trim() ?? "" };
    const project = await requireProject(deps, params.slug);
    const referenceSet = await audited(
      deps.db,
      actorOf(context),
      (created) => auditSet(project.id, "create", created.id, { name: created.name }),
      (trx: Kysely<Database>) => createReferenceSetRepository(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, reference_set: referenceSet } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const referenceSet = foundOr(
      await referenceSets.find(project.id, params.referenceSetId),
      setMissing(params.referenceSetId),
    );
    return { status: 200, body: { ok: true, reference_set: referenceSet } };
  });

  route("put", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params, body, context }) => {
    requireSomeField(body, updatableSet);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.description === undefined ? {} : { description: body.description.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const referenceSet = await audited(
      deps.db,
      actorOf(context),
      auditSet(project.id, "update", params.referenceSetId, { changed: Object.keys(changes) }),
      async (trx) =>
        foundOr(
          await createReferenceSetRepository(trx).update(project.id, params.referenceSetId, changes),
          setMissing(params.referenceSetId),
        ),
    );
    return { status: 200, body: { ok: true, reference_set: referenceSet } };
  });

  route("delete", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    await audited(
      deps.db,
      actorOf(context),
      (deleted) =>
        auditSet(project.id, "delete", params.referenceSetId, { name: deleted.name, item_count: deleted.itemCount }),
      async (trx: Kysely<Database>) =>
        foundOr(
          await createReferenceSetRepository(trx).remove(project.id, params.referenceSetId),
          setMissing(params.referenceSetId),
        ),
    );
    return { status: 200, body: { ok: true, deleted: true, id: params.referenceSetId } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}/items", async ({ params }) => {
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const items = await referenceSets.listItems(projectId, params.referenceSetId);
    return { status: 200, body: { ok: true, reference_set_id: params.referenceSetId, count: items.length, items } };
  });

  route("post", "/api/projects/{slug}/reference-sets/{referenceSetId}/items", async ({ params, body, context }) => {
    const fields = {
      label: body.label?.trim() ?? "",
      content_uri: optionalContent(body.content_uri),
      content_text: optionalContent(body.content_text),
      asset_id: optionalContent(body.asset_id),
      sort_order: body.sort_order,
      metadata_json: body.metadata_json ?? {},
    };
    if (fields.content_uri === null && fields.content_text === null && fields.asset_id === null)
      throw contentRequired();
    const projectId = await requireSet(params.slug, params.referenceSetId);
    await requireAsset(projectId, fields.asset_id);
    const item = await audited(
      deps.db,
      actorOf(context),
      (created) => auditItem(projectId, "create", params.referenceSetId, created.id),
      // The set can vanish between the check and the write.
      async (trx: Kysely<Database>) =>
        foundOr(
          await createReferenceSetRepository(trx).createItem(projectId, params.referenceSetId, fields),
          setMissing(params.referenceSetId),
        ),
    );
    return { status: 200, body: { ok: true, item } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", async ({ params }) => {
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const item = foundOr(
      await referenceSets.findItem(projectId, params.referenceSetId, params.itemId),
      itemMissing(params.itemId),
    );
    return { status: 200, body: { ok: true, item } };
  });

  route(
    "put",
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}",
    async ({ params, body, context }) => {
      requireSomeField(body, updatableItem);
      const changes = {
        ...(body.label === undefined ? {} : { label: body.label.trim() }),
        ...(body.content_uri === undefined ? {} : { content_uri: optionalContent(body.content_uri) }),
        ...(body.content_text === undefined ? {} : { content_text: optionalContent(body.content_text) }),
        ...(body.asset_id === undefined ? {} : { asset_id: optionalContent(body.asset_id) }),
        ...(body.sort_order === undefined ? {} : { sort_order: body.sort_order }),
        ...(body.metadata_json === undefined ? {} : { metadata_json: body.metadata_json }),
      };
      const projectId = await requireSet(params.slug, params.referenceSetId);
      await requireAsset(projectId, changes.asset_id);
      const item = await audited(
        deps.db,
        actorOf(context),
        auditItem(projectId, "update", params.referenceSetId, params.itemId, changes),
        async (trx) =>
          foundOr(
            await createReferenceSetRepository(trx).updateItem(
              projectId,
              params.referenceSetId,
              params.itemId,
              changes,
            ),
            itemMissing(params.itemId),
          ),
      );
      return { status: 200, body: { ok: true, item } };
    },
  );

  route(
    "delete",
    "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}",
    async ({ params, context }) => {
      const projectId = await requireSet(params.slug, params.referenceSetId);
      await audited(
        deps.db,
        actorOf(context),
        auditItem(projectId, "delete", params.referenceSetId, params.itemId),
        async (trx) => {
          if (!(await createReferenceSetRepository(trx).removeItem(projectId, params.referenceSetId, params.itemId))) {
            throw itemMissing(params.itemId)();
          }
        },
      );
      return { status: 200, body: { ok: true, deleted: true, id: params.itemId } };
    },
  );
}
