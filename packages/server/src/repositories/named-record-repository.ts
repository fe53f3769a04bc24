import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import type { KromaDb } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { uniquely } from "../input.js";
import { nowIso } from "../time.js";

/** Project-scoped tables whose records have an id and a name unique within the project. */
export type NamedRecordTable = "prompt_templates" | "style_guides" | "characters";

export type NamedRecord<T extends NamedRecordTable> = Selectable<Database[T]>;
/** The fields a client sets (everything but the id, owner and timestamps). */
export type NamedRecordFields<T extends NamedRecordTable> = { name: string } & Omit<
  NamedRecord<T>,
  "id" | "project_id" | "created_at" | "updated_at"
>;

export type NamedRecordRepository<T extends NamedRecordTable> = ReturnType<typeof createNamedRecordRepository<T>>;

/**
 * One repository for prompt templates, style guides and characters: they differ only in their
 * text columns. Every query is scoped by project, so another project's record is never found.
 *
 * @example
 * const characters = createNamedRecordRepository(db, "characters", "character");
 * await characters.create(projectId, { name: "Mara", description: "", prompt_text: "red coat" });
 */
export function createNamedRecordRepository<T extends NamedRecordTable>(db: KromaDb, table: T, noun: string) {
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

    /** True when a record was deleted. */
    async remove(projectId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom(from)
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
