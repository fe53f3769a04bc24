import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createNamedRecordRepository } from "../named-records/repository.js";

const updatable = ["name", "template_text"] as const;

export function promptTemplateRoutes(route: DefineRoute, deps: ContentDeps): void {
  const templatesIn = (db: Kysely<Database>) => createNamedRecordRepository(db, "prompt_templates", "prompt template");
  const promptTemplates = templatesIn(deps.db);
  const missing = (id: string) => () => notFound(`Prompt template '${id}' not found`);
  const audit = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, "prompt_template", verb, id, detail);

  route("get", "/api/projects/{slug}/prompt-templates", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await promptTemplates.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, prompt_templates: list } };
  });

  route("post", "/api/projects/{slug}/prompt-templates", async ({ params, body, context }) => {
    const fields = {
      name: requiredText("name", body.name),
      template_text: requiredText("template_text", body.template_text),
    };
    const project = await requireProject(deps, params.slug);
    const template = await audited(
      deps.db,
      actorOf(context),
      (created) => audit(project.id, "create", created.id, { name: created.name }),
      (trx: Kysely<Database>) => templatesIn(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, prompt_template: template } };
  });

  route("get", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const template = foundOr(await promptTemplates.find(project.id, params.templateId), missing(params.templateId));
    return { status: 200, body: { ok: true, prompt_template: template } };
  });

  route("put", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params, body, context }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.template_text === undefined ? {} : { template_text: requiredText("template_text", body.template_text) }),
    };
    const project = await requireProject(deps, params.slug);
    const template = await audited(
      deps.db,
      actorOf(context),
      audit(project.id, "update", params.templateId, { changed: Object.keys(changes) }),
      async (trx: Kysely<Database>) =>
        foundOr(await templatesIn(trx).update(project.id, params.templateId, changes), missing(params.templateId)),
    );
    return { status: 200, body: { ok: true, prompt_template: template } };
  });

  route("delete", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    await audited(
      deps.db,
      actorOf(context),
      (deleted) => audit(project.id, "delete", deleted.id, { name: deleted.name }),
      async (trx: Kysely<Database>) =>
        foundOr(await templatesIn(trx).remove(project.id, params.templateId), missing(params.templateId)),
    );
    return { status: 200, body: { ok: true, deleted: true, id: params.templateId } };
  });
}
