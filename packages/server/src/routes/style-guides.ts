import { notFound } from "../errors.js";
import { requiredText, requireSomeField } from "../input.js";
import { createNamedRecordRepository } from "../repositories/named-record-repository.js";
import type { DefineRoute } from "../router.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const updatable = ["name", "instructions", "notes"] as const;

export function styleGuideRoutes(route: DefineRoute, deps: ContentDeps): void {
  const styleGuides = createNamedRecordRepository(deps.db, "style_guides", "style guide");
  const missing = (id: string) => notFound(`Style guide '${id}' not found`);

  route("get", "/api/projects/{slug}/style-guides", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await styleGuides.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, style_guides: list } };
  });

  route("post", "/api/projects/{slug}/style-guides", async ({ params, body }) => {
    const fields = {
      name: requiredText("name", body.name),
      instructions: requiredText("instructions", body.instructions),
      notes: body.notes?.trim() ?? "",
    };
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, style_guide: await styleGuides.create(project.id, fields) } };
  });

  route("get", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const styleGuide = await styleGuides.find(project.id, params.styleGuideId);
    if (!styleGuide) throw missing(params.styleGuideId);
    return { status: 200, body: { ok: true, style_guide: styleGuide } };
  });

  route("put", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params, body }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.instructions === undefined ? {} : { instructions: requiredText("instructions", body.instructions) }),
      ...(body.notes === undefined ? {} : { notes: body.notes.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const styleGuide = await styleGuides.update(project.id, params.styleGuideId, changes);
    if (!styleGuide) throw missing(params.styleGuideId);
    return { status: 200, body: { ok: true, style_guide: styleGuide } };
  });

  route("delete", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    if (!(await styleGuides.remove(project.id, params.styleGuideId))) throw missing(params.styleGuideId);
    return { status: 200, body: { ok: true, deleted: true, id: params.styleGuideId } };
  });
}
