import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createNamedRecordRepository } from "../named-records/repository.js";

const updatable = ["name", "description", "prompt_text"] as const;

export function characterRoutes(route: DefineRoute, deps: ContentDeps): void {
  const charactersIn = (db: Kysely<Database>) => createNamedRecordRepository(db, "characters", "character");
  const characters = charactersIn(deps.db);
  const missing = (id: string) => () => notFound(`Character '${id}' not found`);
  const audit = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, "character", verb, id, detail);

  route("get", "/api/projects/{slug}/characters", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const list = await characters.list(project.id);
    return { status: 200, body: { ok: true, count: list.length, characters: list } };
  });

  route("post", "/api/projects/{slug}/characters", async ({ params, body, context }) => {
    const fields = {
      name: requiredText("name", body.name),
      description: body.description?.trim() ?? "",
      prompt_text: body.prompt_text?.trim() ?? "",
    };
    const project = await requireProject(deps, params.slug);
    const character = await audited(
      deps.db,
      actorOf(context),
      (created) => audit(project.id, "create", created.id, { name: created.name }),
      (trx: Kysely<Database>) => charactersIn(trx).create(project.id, fields),
    );
    return { status: 200, body: { ok: true, character } };
  });

  route("get", "/api/projects/{slug}/characters/{characterId}", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const character = foundOr(await characters.find(project.id, params.characterId), missing(params.characterId));
    return { status: 200, body: { ok: true, character } };
  });

  route("put", "/api/projects/{slug}/characters/{characterId}", async ({ params, body, context }) => {
    requireSomeField(body, updatable);
    const changes = {
      ...(body.name === undefined ? {} : { name: requiredText("name", body.name) }),
      ...(body.description === undefined ? {} : { description: body.description.trim() }),
      ...(body.prompt_text === undefined ? {} : { prompt_text: body.prompt_text.trim() }),
    };
    const project = await requireProject(deps, params.slug);
    const character = await audited(
      deps.db,
      actorOf(context),
      audit(project.id, "update", params.characterId, { changed: Object.keys(changes) }),
      async (trx: Kysely<Database>) =>
        foundOr(await charactersIn(trx).update(project.id, params.characterId, changes), missing(params.characterId)),
    );
    return { status: 200, body: { ok: true, character } };
  });

  route("delete", "/api/projects/{slug}/characters/{characterId}", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    await audited(
      deps.db,
      actorOf(context),
      (deleted) => audit(project.id, "delete", deleted.id, { name: deleted.name }),
      async (trx: Kysely<Database>) =>
        foundOr(await charactersIn(trx).remove(project.id, params.characterId), missing(params.characterId)),
    );
    return { status: 200, body: { ok: true, deleted: true, id: params.characterId } };
  });
}
