import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createNamedRecordRepository } from "../named-records/repository.js";

const updatable = ["name", "instructions", "notes"] as const;

export function styleGuideRoutes(route: DefineRoute, deps: ContentDeps): void {
  const styleGuidesIn = (db: Kysely<Database>) => createNamedRecordRepository(db, "style_guides", "style guide");
  const styleGuides = styleGuidesIn(deps.db);
  const missing = (id: string) => () => notFound(`Style guide '${id}' not found`);
  const audit = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, "style_guide", verb, id, detail);

  route("get", "/api/projects/{slug}/style-guides", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await styleGuides.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, style_guides: list } };
  });

  route("post", "/api/projects/{slug}/style-guides", async ({ params, body, context }) => {
    const fields = {
      name: requiredText("name", body.name),
      instructions: requiredText("instructions", body.instructions),
      notes: body.notes?.trim() ?? "",
    };
    const project = await requireProject(deps, params.slug);
    const styleGuide = await audited(
      deps.db,
      actorOf(context),
      (created) => audit(project.id, "create", created.id, { name: created.name }),
      (trx: Kysely<Database>) => styleGuidesIn(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, style_guide: styleGuide } };
  });

  route("get", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const styleGuide = foundOr(await styleGuides.find(project.id, params.styleGuideId), missing(params.styleGuideId));
    return { status: 200, body: { ok: true, style_guide: styleGuide } };
  });

  route("put", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params, body, context }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.instructions === undefined ? {} : { instructions: requiredText("instructions", body.instructions) }),
      ...(body.notes === undefined ? {} : { notes: body.notes.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const styleGuide = await audited(
      deps.db,
      actorOf(context),
      audit(project.id, "update", params.styleGuideId, { changed: Object.keys(changes) }),
      async (trx: Kysely<Database>) =>
        foundOr(
          await styleGuidesIn(trx).update(project.id, params.styleGuideId, changes),
          missing(params.styleGuideId),
        ),
    );
    return { status: 200, body: { ok: true, style_guide: styleGuide } };
  });

  route("delete", "/api/projects/{slug}/style-guides/{styleGuideId}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    await audited(
      deps.db,
      actorOf(context),
      (deleted) => audit(project.id, "delete", deleted.id, { name: deleted.name }),
      async (trx: Kysely<Database>) =>
        foundOr(await styleGuidesIn(trx).remove(project.id, params.styleGuideId), missing(params.styleGuideId)),
    );
    return { status: 200, body: { ok: true, deleted: true, id: params.styleGuideId } };
  });
}
