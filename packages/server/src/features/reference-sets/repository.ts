import { randomUUID } from "node:crypto";
import type { components } from "@kroma/contract";
import type { Kysely } from "kysely";
import { inTransaction } from "../../core/audit.js";
import { hasProjectRow } from "../../core/db/project-rows.js";
import type { Database, ReferenceItemsTable, ReferenceSetsTable } from "../../core/db/schema.js";
import { validationError } from "../../core/errors.js";
import { fromJsonText, toJsonText, uniquely } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

type JsonObject = components["schemas"]["JsonObject"];
export type ReferenceSetRecord = components["schemas"]["ReferenceSet"];
export type ReferenceItemRecord = components["schemas"]["ReferenceItem"];
export type ReferenceSetFields = Pick<ReferenceSetsTable, "name" | "description">;

export interface ReferenceItemFields {
  label: string;
  content_uri: string | null;
  content_text: string | null;
  /** An asset of the project (checked by the caller), or null. */
  asset_id: string | null;
  /** `undefined` puts the item last. */
  sort_order: number | undefined;
  metadata_json: JsonObject;
}
export type ReferenceItemChanges = Partial<Omit<ReferenceItemFields, "sort_order"> & { sort_order: number }>;

export type ReferenceSetRepository = ReturnType<typeof createReferenceSetRepository>;

const nameTaken = (name: string) => `A reference set named '${name}' already exists in this project`;

/** An item is a pointer to (a URI or an asset), or the text of, a reference: without one it refers to nothing. */
export const contentRequired = () =>
  validationError("Provide at least one of: content_uri, content_text, asset_id", {
    fields: ["content_uri", "content_text", "asset_id"],
  });

const hasContent = (item: Pick<ReferenceItemsTable, "content_uri" | "content_text" | "asset_id">) =>
  item.content_uri !== null || item.content_text !== null || item.asset_id !== null;

const toItem = (row: ReferenceItemsTable): ReferenceItemRecord => ({
  ...row,
  metadata_json: fromJsonText<JsonObject>(row.metadata_json),
});

/** Records a change to a set's items as a change to the set; false when the set is not this project's. */
async function touchSet(trx: Kysely<Database>, projectId: string, setId: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable("reference_sets")
    .set({ updated_at: now })
    .where("project_id", "=", projectId)
    .where("id", "=", setId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function nextSortOrder(trx: Kysely<Database>, projectId: string, setId: string): Promise<number> {
  const { last } = await trx
    .selectFrom("reference_items")
    .select((eb) => eb.fn.max("sort_order").as("last"))
    .where("project_id", "=", projectId)
    .where("reference_set_id", "=", setId)
    .executeTakeFirstOrThrow();
  return last === null ? 0 : Number(last) + 1;
}

/** `db` may be a transaction, so a write can share it with its audit event. */
export function createReferenceSetRepository(db: Kysely<Database>) {
  // item_count comes from a correlated subquery, so a list costs one query however many sets there are.
  const scopedSets = (projectId: string) =>
    db
      .selectFrom("reference_sets as s")
      .selectAll("s")
      .select((eb) =>
        eb
          .selectFrom("reference_items as i")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("i.reference_set_id", "=", "s.id")
          .as("item_count"),
      )
      .where("s.project_id", "=", projectId);
  const toSet = (row: ReferenceSetsTable & { item_count: number | null }): ReferenceSetRecord => ({
    ...row,
    item_count: Number(row.item_count ?? 0),
  });
  const scopedItems = (projectId: string, setId: string) =>
    db
      .selectFrom("reference_items")
      .selectAll()
      .where("project_id", "=", projectId)
      .where("reference_set_id", "=", setId);
  const findSet = async (projectId: string, id: string) => {
    const row = await scopedSets(projectId).where("s.id", "=", id).executeTakeFirst();
    return row && toSet(row);
  };

  return {
    /** Most recently updated first, as the seed listed them. */
    async list(projectId: string): Promise<ReferenceSetRecord[]> {
      const rows = await scopedSets(projectId).orderBy("s.updated_at", "desc").orderBy("s.id").execute();
      return rows.map(toSet);
    },

    /** `undefined` for an unknown id and for another project's set alike. */
    find(projectId: string, id: string): Promise<ReferenceSetRecord | undefined> {
      return findSet(projectId, id);
    },

    /** By id, else by name: how a run request names a set. */
    async findByRef(projectId: string, ref: string): Promise<ReferenceSetRecord | undefined> {
      const row =
        (await scopedSets(projectId).where("s.id", "=", ref).executeTakeFirst()) ??
        (await scopedSets(projectId).where("s.name", "=", ref).executeTakeFirst());
      return row && toSet(row);
    },

    exists(projectId: string, id: string): Promise<boolean> {
      return hasProjectRow(db, "reference_sets", projectId, id);
    },

    create(projectId: string, fields: ReferenceSetFields): Promise<ReferenceSetRecord> {
      const now = nowIso();
      const row = { id: randomUUID(), project_id: projectId, ...fields, created_at: now, updated_at: now };
      return uniquely(
        async () => {
          await db.insertInto("reference_sets").values(row).execute();
          return { ...row, item_count: 0 };
        },
        nameTaken(fields.name),
        { field: "name" },
      );
    },

    async update(
      projectId: string,
      id: string,
      changes: Partial<ReferenceSetFields>,
    ): Promise<ReferenceSetRecord | undefined> {
      const updated = await uniquely(
        () =>
          db
            .updateTable("reference_sets")
            .set({ ...changes, updated_at: nowIso() })
            .where("project_id", "=", projectId)
            .where("id", "=", id)
            .returning("id")
            .executeTakeFirst(),
        nameTaken(changes.name ?? ""),
        { field: "name" },
      );
      return updated && findSet(projectId, id);
    },

    /** The deleted set's name and how many items went with it, or `undefined` when there was no such set. */
    remove(projectId: string, id: string): Promise<{ name: string; itemCount: number } | undefined> {
      return inTransaction(db, async (trx) => {
        // The foreign key cascades too; deleting explicitly does not depend on `foreign_keys` being on.
        const items = await trx
          .deleteFrom("reference_items")
          .where("project_id", "=", projectId)
          .where("reference_set_id", "=", id)
          .executeTakeFirst();
        const set = await trx
          .deleteFrom("reference_sets")
          .where("project_id", "=", projectId)
          .where("id", "=", id)
          .returning("name")
          .executeTakeFirst();
        return set && { name: set.name, itemCount: Number(items.numDeletedRows) };
      });
    },

    async listItems(projectId: string, setId: string): Promise<ReferenceItemRecord[]> {
      const rows = await scopedItems(projectId, setId)
        .orderBy("sort_order")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toItem);
    },

    /** `undefined` for an unknown id and for an item of another set or project alike. */
    async findItem(projectId: string, setId: string, id: string): Promise<ReferenceItemRecord | undefined> {
      const row = await scopedItems(projectId, setId).where("id", "=", id).executeTakeFirst();
      return row && toItem(row);
    },

    /** `undefined` when the set is not this project's. */
    createItem(
      projectId: string,
      setId: string,
      fields: ReferenceItemFields,
    ): Promise<ReferenceItemRecord | undefined> {
      return inTransaction(db, async (trx) => {
        const now = nowIso();
        if (!(await touchSet(trx, projectId, setId, now))) return undefined;
        const row: ReferenceItemsTable = {
          id: randomUUID(),
          project_id: projectId,
          reference_set_id: setId,
          ...fields,
          sort_order: fields.sort_order ?? (await nextSortOrder(trx, projectId, setId)),
          metadata_json: toJsonText(fields.metadata_json),
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto("reference_items").values(row).execute();
        return toItem(row);
      });
    },

    /** `undefined` for an unknown item; a change that would leave the item without content is a 400. */
    updateItem(
      projectId: string,
      setId: string,
      id: string,
      changes: ReferenceItemChanges,
    ): Promise<ReferenceItemRecord | undefined> {
      return inTransaction(db, async (trx) => {
        const current = await trx
          .selectFrom("reference_items")
          .selectAll()
          .where("project_id", "=", projectId)
          .where("reference_set_id", "=", setId)
          .where("id", "=", id)
          .executeTakeFirst();
        if (!current) return undefined;
        const { metadata_json, ...rest } = changes;
        const set = {
          ...rest,
          ...(metadata_json === undefined ? {} : { metadata_json: toJsonText(metadata_json) }),
          updated_at: nowIso(),
        };
        const row = { ...current, ...set };
        if (!hasContent(row)) throw contentRequired();
        await trx
          .updateTable("reference_items")
          .set(set)
          .where("project_id", "=", projectId)
          .where("id", "=", id)
          .execute();
        await touchSet(trx, projectId, setId, set.updated_at);
        return toItem(row);
      });
    },

    /** True when an item was deleted. */
    removeItem(projectId: string, setId: string, id: string): Promise<boolean> {
      return inTransaction(db, async (trx) => {
        const result = await trx
          .deleteFrom("reference_items")
          .where("project_id", "=", projectId)
          .where("reference_set_id", "=", setId)
          .where("id", "=", id)
          .executeTakeFirst();
        const deleted = result.numDeletedRows > 0n;
        if (deleted) await touchSet(trx, projectId, setId, nowIso());
        return deleted;
      });
    },
  };
}
