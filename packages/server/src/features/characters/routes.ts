import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { namedRecordHandlers } from "../named-records/handlers.js";

export function characterRoutes(route: DefineRoute, deps: ContentDeps): void {
  // Unlike the other named records, a character needs nothing but its name.
  const characters = namedRecordHandlers(deps, {
    table: "characters",
    noun: "character",
    one: "character",
    many: "characters",
    idParam: "characterId",
    fields: { description: "optional", prompt_text: "optional" },
  });
  route("get", "/api/projects/{slug}/characters", characters.list);
  route("post", "/api/projects/{slug}/characters", characters.create);
  route("get", "/api/projects/{slug}/characters/{characterId}", characters.get);
  route("put", "/api/projects/{slug}/characters/{characterId}", characters.update);
  route("delete", "/api/projects/{slug}/characters/{characterId}", characters.remove);
}
