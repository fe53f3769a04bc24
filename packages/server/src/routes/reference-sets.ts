import { notFound } from "../errors.js";
import { requiredText, requireSomeField } from "../input.js";
import { contentRequired, createReferenceSetRepository } from "../repositories/reference-set-repository.js";
import type { DefineRoute } from "../router.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const updatableSet = ["name", "description"] as const;
const updatableItem = ["label", "content_uri", "content_text", "sort_order", "metadata_json"] as const;

/** Trimmed content, with blank and null alike meaning "no content of this kind". */
const optionalContent = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
};

export function referenceSetRoutes(route: DefineRoute, deps: ContentDeps): void {
  const referenceSets = createReferenceSetRepository(deps.db);
  const setMissing = (id: string) => notFound(`Reference set '${id}' not found`);
  const itemMissing = (id: string) => notFound(`Reference item '${id}' not found`);

  /** The project's id, once both the project and the set in the path are known to exist. */
  const requireSet = async (slug: string, setId: string): Promise<string> => {
    const project = await requireProject(deps, slug);
    if (!(await referenceSets.exists(project.id, setId))) throw setMissing(setId);
    return project.id;
  };

  route("get", "/api/projects/{slug}/reference-sets", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await referenceSets.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, reference_sets: list } };
  });

  route("post", "/api/projects/{slug}/reference-sets", async ({ params, body }) => {
    const fields = { name: requiredText("name", body.name), description: body.description?.trim() ?? "" };
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, reference_set: await referenceSets.create(project.id, fields) } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const referenceSet = await referenceSets.find(project.id, params.referenceSetId);
    if (!referenceSet) throw setMissing(params.referenceSetId);
    return { status: 200, body: { ok: true, reference_set: referenceSet } };
  });

  route("put", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params, body }) => {
    requireSomeField(body, updatableSet);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.description === undefined ? {} : { description: body.description.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const referenceSet = await referenceSets.update(project.id, params.referenceSetId, changes);
    if (!referenceSet) throw setMissing(params.referenceSetId);
    return { status: 200, body: { ok: true, reference_set: referenceSet } };
  });

  route("delete", "/api/projects/{slug}/reference-sets/{referenceSetId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    if (!(await referenceSets.remove(project.id, params.referenceSetId))) throw setMissing(params.referenceSetId);
    return { status: 200, body: { ok: true, deleted: true, id: params.referenceSetId } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}/items", async ({ params }) => {
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const items = await referenceSets.listItems(projectId, params.referenceSetId);
    return { status: 200, body: { ok: true, reference_set_id: params.referenceSetId, count: items.length, items } };
  });

  route("post", "/api/projects/{slug}/reference-sets/{referenceSetId}/items", async ({ params, body }) => {
    const fields = {
      label: body.label?.trim() ?? "",
      content_uri: optionalContent(body.content_uri),
      content_text: optionalContent(body.content_text),
      sort_order: body.sort_order,
      metadata_json: body.metadata_json ?? {},
    };
    if (fields.content_uri === null && fields.content_text === null) throw contentRequired();
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const item = await referenceSets.createItem(projectId, params.referenceSetId, fields);
    // The set can vanish between the check and the write.
    if (!item) throw setMissing(params.referenceSetId);
    return { status: 200, body: { ok: true, item } };
  });

  route("get", "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", async ({ params }) => {
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const item = await referenceSets.findItem(projectId, params.referenceSetId, params.itemId);
    if (!item) throw itemMissing(params.itemId);
    return { status: 200, body: { ok: true, item } };
  });

  route("put", "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", async ({ params, body }) => {
    requireSomeField(body, updatableItem);
    const changes = {
      ...(body.label === undefined ? {} : { label: body.label.trim() }),
      ...(body.content_uri === undefined ? {} : { content_uri: optionalContent(body.content_uri) }),
      ...(body.content_text === undefined ? {} : { content_text: optionalContent(body.content_text) }),
      ...(body.sort_order === undefined ? {} : { sort_order: body.sort_order }),
      ...(body.metadata_json === undefined ? {} : { metadata_json: body.metadata_json }),
    };
    const projectId = await requireSet(params.slug, params.referenceSetId);
    const item = await referenceSets.updateItem(projectId, params.referenceSetId, params.itemId, changes);
    if (!item) throw itemMissing(params.itemId);
    return { status: 200, body: { ok: true, item } };
  });

  route("delete", "/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", async ({ params }) => {
    const projectId = await requireSet(params.slug, params.referenceSetId);
    if (!(await referenceSets.removeItem(projectId, params.referenceSetId, params.itemId))) {
      throw itemMissing(params.itemId);
    }
    return { status: 200, body: { ok: true, deleted: true, id: params.itemId } };
  });
}
