import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { namedRecordHandlers } from "../named-records/handlers.js";

export function styleGuideRoutes(route: DefineRoute, deps: ContentDeps): void {
  const styleGuides = namedRecordHandlers(deps, {
    table: "style_guides",
    noun: "style guide",
    one: "style_guide",
    many: "style_guides",
    idParam: "styleGuideId",
    fields: { instructions: "required", notes: "optional" },
  });
  route("get", "/api/projects/{slug}/style-guides", styleGuides.list);
  route("post", "/api/projects/{slug}/style-guides", styleGuides.create);
  route("get", "/api/projects/{slug}/style-guides/{styleGuideId}", styleGuides.get);
  route("put", "/api/projects/{slug}/style-guides/{styleGuideId}", styleGuides.update);
  route("delete", "/api/projects/{slug}/style-guides/{styleGuideId}", styleGuides.remove);
}
