import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { uniquely } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

/** Project-scoped tables whose records have an id and a name unique within the project. */
export type NamedRecordTable = "prompt_templates" | "style_guides" | "characters";

/** A row; the `id` and `name` every such table has are spelled out for code generic over the table. */
export type NamedRecord<T extends NamedRecordTable> = Selectable<Database[T]> & { id: string; name: string };
/** The fields a client sets (everything but the id, owner and timestamps). */
export type NamedRecordFields<T extends NamedRecordTable> = { name: string } & Omit<
  NamedRecord<T>,
  "id" | "project_id" | "created_at" | "updated_at"
>;

export type NamedRecordRepository<T extends NamedRecordTable> = ReturnType<typeof createNamedRecordRepository<T>>;

/**
 * One repository for prompt templates, style guides and characters: they differ only in their
 * text columns. Every query is scoped by project, so another project's record is never found.
 * `db` may be a transaction, so a write can share it with its audit event.
 *
 * @example
 * const characters = createNamedRecordRepository(db, "characters", "character");
 * await characters.create(projectId, { name: "Mara", description: "", prompt_text: "red coat" });
 */
export function createNamedRecordRepository<T extends NamedRecordTable>(db: Kysely<Database>, table: T, noun: string) {
  // kysely cannot type a query over a generic table name; the union shares every column used here.
  const from = table as NamedRecordTable;
  const scoped = (projectId: string) => db.selectFrom(from).selectAll().where("project_id", "=", projectId);
  const nameTaken = (name: string) => `A ${noun} named '${name}' already exists in this project`;

  return {
    /** Most recently updated first, as the seed listed them. */
    list(projectId: string): Promise<NamedRecord<T>[]> {
      return scoped(projectId).orderBy("updated_at", "desc").orderBy("id").execute() as Promise<NamedRecord<T>[]>;
    },

    /** `undefined` for an unknown id and for another project's record alike. */
    find(projectId: string, id: string): Promise<NamedRecord<T> | undefined> {
      return scoped(projectId).where("id", "=", id).executeTakeFirst() as Promise<NamedRecord<T> | undefined>;
    },

    /** By id, else by name (names are unique in a project): how a run request names a record. */
    async findByRef(projectId: string, ref: string): Promise<NamedRecord<T> | undefined> {
      return (
        ((await scoped(projectId).where("id", "=", ref).executeTakeFirst()) as NamedRecord<T> | undefined) ??
        ((await scoped(projectId).where("name", "=", ref).executeTakeFirst()) as NamedRecord<T> | undefined)
      );
    },

    create(projectId: string, fields: NamedRecordFields<T>): Promise<NamedRecord<T>> {
      const now = nowIso();
      const record = { id: randomUUID(), project_id: projectId, ...fields, created_at: now, updated_at: now };
      return uniquely(
        async () => {
          await db
            .insertInto(from)
            .values(record as never)
            .execute();
          return record as NamedRecord<T>;
        },
        nameTaken(fields.name),
        { field: "name" },
      );
    },

    update(projectId: string, id: string, changes: Partial<NamedRecordFields<T>>): Promise<NamedRecord<T> | undefined> {
      return uniquely(
        () =>
          db
            .updateTable(from)
            .set({ ...changes, updated_at: nowIso() } as never)
            .where("project_id", "=", projectId)
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirst() as Promise<NamedRecord<T> | undefined>,
        nameTaken(changes.name ?? ""),
        { field: "name" },
      );
    },

    /** The deleted record's id and name, or `undefined` when there was none. */
    remove(projectId: string, id: string): Promise<{ id: string; name: string } | undefined> {
      return db
        .deleteFrom(from)
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .returning(["id", "name"])
        .executeTakeFirst();
    },
  };
}
