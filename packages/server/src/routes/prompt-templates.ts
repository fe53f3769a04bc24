import { notFound } from "../errors.js";
import { requiredText, requireSomeField } from "../input.js";
import { createNamedRecordRepository } from "../repositories/named-record-repository.js";
import type { DefineRoute } from "../router.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const updatable = ["name", "template_text"] as const;

export function promptTemplateRoutes(route: DefineRoute, deps: ContentDeps): void {
  const promptTemplates = createNamedRecordRepository(deps.db, "prompt_templates", "prompt template");
  const missing = (id: string) => notFound(`Prompt template '${id}' not found`);

  route("get", "/api/projects/{slug}/prompt-templates", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await promptTemplates.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, prompt_templates: list } };
  });

  route("post", "/api/projects/{slug}/prompt-templates", async ({ params, body }) => {
    const fields = {
      name: requiredText("name", body.name),
      template_text: requiredText("template_text", body.template_text),
    };
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, prompt_template: await promptTemplates.create(project.id, fields) } };
  });

  route("get", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const template = await promptTemplates.find(project.id, params.templateId);
    if (!template) throw missing(params.templateId);
    return { status: 200, body: { ok: true, prompt_template: template } };
  });

  route("put", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params, body }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.template_text === undefined ? {} : { template_text: requiredText("template_text", body.template_text) }),
    };
    const project = await requireProject(deps, params.slug);
    const template = await promptTemplates.update(project.id, params.templateId, changes);
    if (!template) throw missing(params.templateId);
    return { status: 200, body: { ok: true, prompt_template: template } };
  });

  route("delete", "/api/projects/{slug}/prompt-templates/{templateId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    if (!(await promptTemplates.remove(project.id, params.templateId))) throw missing(params.templateId);
    return { status: 200, body: { ok: true, deleted: true, id: params.templateId } };
  });
}
