import type { Context } from "hono";
import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { notFound } from "../../core/errors.js";
import { requiredText, requireSomeField } from "../../core/input.js";
import { auditEntry, type ContentDeps, foundOr, requireProject } from "../../core/project-lookup.js";
import {
  createNamedRecordRepository,
  type NamedRecord,
  type NamedRecordFields,
  type NamedRecordTable,
} from "./repository.js";

/** A text field is either required (trimmed, refused when blank) or optional (trimmed, "" when left out). */
export type FieldRule = "required" | "optional";

/** The text columns of a record kind besides its name. */
type TextField<T extends NamedRecordTable> = Exclude<keyof NamedRecordFields<T>, "name">;

/**
 * What tells one named-record kind from another. The key types stay literal, so the handlers'
 * bodies and params are typed per kind and each `route(...)` call checks them against its operation.
 */
export interface NamedRecordKind<
  T extends NamedRecordTable,
  One extends string,
  Many extends string,
  Id extends string,
> {
  table: T;
  /** In messages: "A style guide named ...", "Style guide '...' not found". */
  noun: string;
  /** The body key of one record (`style_guide`); also the audit target type. */
  one: One;
  /** The body key of a list (`style_guides`). */
  many: Many;
  /** The path parameter naming one record (`styleGuideId`). */
  idParam: Id;
  /** Every text column besides `name`, in the order of the spec (and of `changed` in audit entries). */
  fields: { readonly [K in TextField<T>]: FieldRule };
}

/** A create or update body: the spec's must be assignable to it, so its fields must be text too. */
type TextBody<T extends NamedRecordTable> = { readonly [K in "name" | TextField<T>]?: string };
interface ListInput {
  params: { slug: string };
}
interface CreateInput<T extends NamedRecordTable> extends ListInput {
  body: TextBody<T>;
  context: Context;
}
interface RecordInput<Id extends string> {
  params: { slug: string } & { [K in Id]: string };
}
interface UpdateInput<T extends NamedRecordTable, Id extends string> extends RecordInput<Id> {
  body: TextBody<T>;
  context: Context;
}
interface RemoveInput<Id extends string> extends RecordInput<Id> {
  context: Context;
}

/** `{ [key]: value }` with the key's literal type kept, which a computed property loses. */
const keyed = <K extends string, V>(key: K, value: V) => ({ [key]: value }) as { [P in K]: V };

/**
 * The list, create, get, update and delete handlers of one named-record kind (prompt templates,
 * style guides, characters). Each feature mounts them with `route(method, "<literal spec path>", ...)`,
 * so the typed router still checks params, body and response of every operation.
 *
 * @example
 * const handlers = namedRecordHandlers(deps, { table: "characters", noun: "character", one: "character",
 *   many: "characters", idParam: "characterId", fields: { description: "optional", prompt_text: "optional" } });
 * route("get", "/api/projects/{slug}/characters", handlers.list);
 */
export function namedRecordHandlers<
  T extends NamedRecordTable,
  One extends string,
  Many extends string,
  Id extends string,
>(deps: ContentDeps, kind: NamedRecordKind<T, One, Many, Id>) {
  const recordsIn = (db: Kysely<Database>) => createNamedRecordRepository(db, kind.table, kind.noun);
  const records = recordsIn(deps.db);
  const fields = Object.entries(kind.fields) as [TextField<T> & string, FieldRule][];
  const updatable = ["name", ...fields.map(([field]) => field)];
  const Noun = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
  const missing = (id: string) => () => notFound(`${Noun} '${id}' not found`);
  const audit = (projectId: string, verb: string, id: string, detail?: Record<string, unknown>) =>
    auditEntry(projectId, kind.one, verb, id, detail);
  const single = (record: NamedRecord<T>) => ({
    status: 200 as const,
    body: { ok: true as const, ...keyed(kind.one, record) },
  });

  /** A field as stored: required ones must not be blank, the others are trimmed. */
  const textOf = (field: string, rule: FieldRule, value: string | undefined) =>
    rule === "required" ? requiredText(field, value) : (value?.trim() ?? "");

  return {
    async list({ params }: ListInput) {
      const project = await requireProject(deps, params.slug);
      const list = await records.list(project.id);
      return { status: 200 as const, body: { ok: true as const, count: list.length, ...keyed(kind.many, list) } };
    },

    async create({ params, body, context }: CreateInput<T>) {
      // Checked before the project is looked up, name first: a bad body is a 400 even for an unknown project.
      const created = { name: requiredText("name", body.name) } as Record<string, string>;
      for (const [field, rule] of fields) created[field] = textOf(field, rule, body[field]);
      const project = await requireProject(deps, params.slug);
      const record = await audited(
        deps.db,
        actorOf(context),
        (saved) => audit(project.id, "create", saved.id, { name: saved.name }),
        (trx: Kysely<Database>) => recordsIn(trx).create(project.id, created as NamedRecordFields<T>),
      );
      return single(record);
    },

    async get({ params }: RecordInput<Id>) {
      const id: string = params[kind.idParam];
      const project = await requireProject(deps, params.slug);
      return single(foundOr(await records.find(project.id, id), missing(id)));
    },

    async update({ params, body, context }: UpdateInput<T, Id>) {
      const id: string = params[kind.idParam];
      requireSomeField(body, updatable);
      const changes: Record<string, string> = {};
      for (const [field, rule] of [["name", "required"] as const, ...fields]) {
        const value = body[field];
        if (value !== undefined) changes[field] = textOf(field, rule, value);
      }
      const project = await requireProject(deps, params.slug);
      const record = await audited(
        deps.db,
        actorOf(context),
        audit(project.id, "update", id, { changed: Object.keys(changes) }),
        async (trx: Kysely<Database>) =>
          foundOr(await recordsIn(trx).update(project.id, id, changes as Partial<NamedRecordFields<T>>), missing(id)),
      );
      return single(record);
    },

    async remove({ params, context }: RemoveInput<Id>) {
      const id: string = params[kind.idParam];
      const project = await requireProject(deps, params.slug);
      await audited(
        deps.db,
        actorOf(context),
        (deleted) => audit(project.id, "delete", deleted.id, { name: deleted.name }),
        async (trx: Kysely<Database>) => foundOr(await recordsIn(trx).remove(project.id, id), missing(id)),
      );
      return { status: 200 as const, body: { ok: true as const, deleted: true as const, id } };
    },
  };
}
