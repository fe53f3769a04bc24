import { randomUUID } from "node:crypto";
import type { KromaDb } from "../db/database.js";
import type { PromptTemplatesTable } from "../db/schema.js";
import { uniquely } from "../input.js";
import { nowIso } from "../time.js";

export type PromptTemplateRecord = PromptTemplatesTable;
export type PromptTemplateFields = Pick<PromptTemplateRecord, "name" | "template_text">;

export type PromptTemplateRepository = ReturnType<typeof createPromptTemplateRepository>;

const nameTaken = (name: string) => `A prompt template named '${name}' already exists in this project`;

export function createPromptTemplateRepository(db: KromaDb) {
  const scoped = (projectId: string) => db.selectFrom("prompt_templates").selectAll().where("project_id", "=", projectId);

  return {
    list(projectId: string): Promise<PromptTemplateRecord[]> {
      return scoped(projectId).orderBy("created_at").orderBy("id").execute();
    },

    /** `undefined` for an unknown id and for another project's template alike. */
    find(projectId: string, id: string): Promise<PromptTemplateRecord | undefined> {
      return scoped(projectId).where("id", "=", id).executeTakeFirst();
    },

    create(projectId: string, fields: PromptTemplateFields): Promise<PromptTemplateRecord> {
      const now = nowIso();
      const record = { id: randomUUID(), project_id: projectId, ...fields, created_at: now, updated_at: now };
      return uniquely(
        async () => {
          await db.insertInto("prompt_templates").values(record).execute();
          return record;
        },
        nameTaken(fields.name),
        { field: "name" },
      );
    },

    update(projectId: string, id: string, changes: Partial<PromptTemplateFields>): Promise<PromptTemplateRecord | undefined> {
      return uniquely(
        () =>
          db
            .updateTable("prompt_templates")
            .set({ ...changes, updated_at: nowIso() })
            .where("project_id", "=", projectId)
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirst(),
        nameTaken(changes.name ?? ""),
        { field: "name" },
      );
    },

    /** True when a template was deleted. */
    async remove(projectId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom("prompt_templates")
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
