import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import type { ProjectRecord } from "../projects/repository.js";
import type { SectionEntries } from "./settings.js";

/** The record tables keyed by `name` whose rows an import writes as they come. */
export type NamedSection = "style_guides" | "characters" | "prompt_templates";

// Well under SQLite's limit on bound parameters per statement (10 columns an item).
const itemsPerInsert = 200;

export type BootstrapRepository = ReturnType<typeof createBootstrapRepository>;

/**
 * The rows a bootstrap import writes, one project's settings table by table. Each write takes
 * the import's `now`, so every row it touches carries the same time.
 */
export function createBootstrapRepository(db: Kysely<Database>) {
  // Items go explicitly rather than by cascade, which would depend on `foreign_keys` being on.
  const removeItems = (projectId: string, setId: string) =>
    db
      .deleteFrom("reference_items")
      .where("project_id", "=", projectId)
      .where("reference_set_id", "=", setId)
      .execute();

  return {
    findProject(id: string): Promise<ProjectRecord> {
      return db
        .selectFrom("projects")
        .select(["id", "slug", "name", "description", "status", "created_at", "updated_at"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    },

    async updateProject(id: string, fields: { name: string; description: string }, now: string): Promise<void> {
      await db
        .updateTable("projects")
        .set({ ...fields, updated_at: now })
        .where("id", "=", id)
        .execute();
    },

    providerAccounts: {
      async remove(projectId: string, code: string): Promise<void> {
        await db
          .deleteFrom("provider_accounts")
          .where("project_id", "=", projectId)
          .where("provider_code", "=", code)
          .execute();
      },

      async write(
        projectId: string,
        entry: SectionEntries["provider_accounts"],
        exists: boolean,
        now: string,
      ): Promise<void> {
        const columns = { ...entry, enabled: entry.enabled ? 1 : 0, config_json: toJsonText(entry.config_json) };
        if (exists) {
          await db
            .updateTable("provider_accounts")
            .set({ ...columns, updated_at: now })
            .where("project_id", "=", projectId)
            .where("provider_code", "=", entry.provider_code)
            .execute();
        } else {
          await db
            .insertInto("provider_accounts")
            .values({ project_id: projectId, ...columns, created_at: now, updated_at: now })
            .execute();
        }
      },
    },

    /** Style guides, characters and prompt templates: rows keyed by project and `name`. */
    named(section: NamedSection) {
      // kysely cannot type a query over a generic table name; the union shares every column used here.
      const table = section as NamedSection;
      return {
        async remove(projectId: string, name: string): Promise<void> {
          await db.deleteFrom(table).where("project_id", "=", projectId).where("name", "=", name).execute();
        },

        async write(projectId: string, entry: { name: string }, exists: boolean, now: string): Promise<void> {
          if (exists) {
            await db
              .updateTable(table)
              .set({ ...entry, updated_at: now } as never)
              .where("project_id", "=", projectId)
              .where("name", "=", entry.name)
              .execute();
          } else {
            const row = { id: randomUUID(), project_id: projectId, ...entry, created_at: now, updated_at: now };
            await db
              .insertInto(table)
              .values(row as never)
              .execute();
          }
        },
      };
    },

    referenceSets: {
      /** The project's set ids by name. */
      async idsByName(projectId: string): Promise<Map<string, string>> {
        const stored = await db
          .selectFrom("reference_sets")
          .select(["id", "name"])
          .where("project_id", "=", projectId)
          .execute();
        return new Map(stored.map((set) => [set.name, set.id]));
      },

      /** A set and its items. */
      async remove(projectId: string, id: string): Promise<void> {
        await removeItems(projectId, id);
        await db.deleteFrom("reference_sets").where("project_id", "=", projectId).where("id", "=", id).execute();
      },

      /** A set's new fields, its items dropped for {@link insertItems} to write again. */
      async replace(
        projectId: string,
        id: string,
        fields: { name: string; description: string },
        now: string,
      ): Promise<void> {
        await db
          .updateTable("reference_sets")
          .set({ ...fields, updated_at: now })
          .where("project_id", "=", projectId)
          .where("id", "=", id)
          .execute();
        await removeItems(projectId, id);
      },

      /** A new set; returns its id. */
      async insert(projectId: string, fields: { name: string; description: string }, now: string): Promise<string> {
        const id = randomUUID();
        await db
          .insertInto("reference_sets")
          .values({ id, project_id: projectId, ...fields, created_at: now, updated_at: now })
          .execute();
        return id;
      },

      async insertItems(
        projectId: string,
        setId: string,
        items: SectionEntries["reference_sets"]["items"],
        now: string,
      ): Promise<void> {
        const rows = items.map((item) => ({
          id: randomUUID(),
          project_id: projectId,
          reference_set_id: setId,
          ...item,
          metadata_json: toJsonText(item.metadata_json),
          created_at: now,
          updated_at: now,
        }));
        for (let start = 0; start < rows.length; start += itemsPerInsert) {
          await db
            .insertInto("reference_items")
            .values(rows.slice(start, start + itemsPerInsert))
            .execute();
        }
      },
    },
  };
}
