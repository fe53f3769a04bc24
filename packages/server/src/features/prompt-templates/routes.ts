import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { namedRecordHandlers } from "../named-records/handlers.js";

export function promptTemplateRoutes(route: DefineRoute, deps: ContentDeps): void {
  const templates = namedRecordHandlers(deps, {
    table: "prompt_templates",
    noun: "prompt template",
    one: "prompt_template",
    many: "prompt_templates",
    idParam: "templateId",
    fields: { template_text: "required" },
  });
  route("get", "/api/projects/{slug}/prompt-templates", templates.list);
  route("post", "/api/projects/{slug}/prompt-templates", templates.create);
  route("get", "/api/projects/{slug}/prompt-templates/{templateId}", templates.get);
  route("put", "/api/projects/{slug}/prompt-templates/{templateId}", templates.update);
  route("delete", "/api/projects/{slug}/prompt-templates/{templateId}", templates.remove);
}
