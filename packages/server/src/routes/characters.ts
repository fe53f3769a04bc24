import { notFound } from "../errors.js";
import { requiredText, requireSomeField } from "../input.js";
import { createNamedRecordRepository } from "../repositories/named-record-repository.js";
import type { DefineRoute } from "../router.js";
import { type ContentDeps, requireProject } from "./project-lookup.js";

const updatable = ["name", "description", "prompt_text"] as const;

export function characterRoutes(route: DefineRoute, deps: ContentDeps): void {
  const characters = createNamedRecordRepository(deps.db, "characters", "character");
  const missing = (id: string) => notFound(`Character '${id}' not found`);

  route("get", "/api/projects/{slug}/characters", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await characters.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, characters: list } };
  });

  route("post", "/api/projects/{slug}/characters", async ({ params, body }) => {
    const fields = {
      name: requiredText("name", body.name),
      description: body.description?.trim() ?? "",
      prompt_text: body.prompt_text?.trim() ?? "",
    };
    const project = await requireProject(deps, params.slug);
    return { status: 200, body: { ok: true, character: await characters.create(project.id, fields) } };
  });

  route("get", "/api/projects/{slug}/characters/{characterId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const character = await characters.find(project.id, params.characterId);
    if (!character) throw missing(params.characterId);
    return { status: 200, body: { ok: true, character } };
  });

  route("put", "/api/projects/{slug}/characters/{characterId}", async ({ params, body }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.description === undefined ? {} : { description: body.description.trim() }),
      ...(body.prompt_text === undefined ? {} : { prompt_text: body.prompt_text.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const character = await characters.update(project.id, params.characterId, changes);
    if (!character) throw missing(params.characterId);
    return { status: 200, body: { ok: true, character } };
  });

  route("delete", "/api/projects/{slug}/characters/{characterId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    if (!(await characters.remove(project.id, params.characterId))) throw missing(params.characterId);
    return { status: 200, body: { ok: true, deleted: true, id: params.characterId } };
  });
}
