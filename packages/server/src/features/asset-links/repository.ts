import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { inTransaction } from "../../core/audit.js";
import { findProjectRow } from "../../core/db/project-rows.js";
import type { AssetLinksTable, Database } from "../../core/db/schema.js";
import { validationError } from "../../core/errors.js";
import { uniquely } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

export type AssetLinkRecord = AssetLinksTable;
export type AssetLinkType = AssetLinkRecord["link_type"];
export type AssetLinkFields = Pick<AssetLinkRecord, "parent_asset_id" | "child_asset_id" | "link_type">;
export interface AssetLinkFilter {
  /** Links with this asset as parent or child. */
  asset_id?: string | undefined;
  link_type?: AssetLinkType | undefined;
}

export type AssetLinkRepository = ReturnType<typeof createAssetLinkRepository>;

const linkExists = "Asset link already exists";

/** `db` may be a transaction, so a write can share it with its audit event. */
export function createAssetLinkRepository(db: Kysely<Database>) {
  const scoped = (projectId: string) => db.selectFrom("asset_links").selectAll().where("project_id", "=", projectId);

  /**
   * Refuses a self-link and assets outside the project. Run inside the writing transaction, so
   * an asset cannot vanish between this check and the write.
   */
  async function checkLink(trx: Kysely<Database>, projectId: string, link: AssetLinkFields): Promise<void> {
    if (link.parent_asset_id === link.child_asset_id) {
      throw validationError("parent_asset_id and child_asset_id must differ", {
        fields: ["parent_asset_id", "child_asset_id"],
      });
    }
    const found = await trx
      .selectFrom("assets")
      .select("id")
      .where("project_id", "=", projectId)
      .where("id", "in", [link.parent_asset_id, link.child_asset_id])
      .execute();
    const known = new Set(found.map((row) => row.id));
    for (const field of ["parent_asset_id", "child_asset_id"] as const) {
      if (!known.has(link[field]))
        throw validationError(`Asset '${link[field]}' was not found in this project`, { field });
    }
  }

  return {
    list(projectId: string, filter: AssetLinkFilter = {}): Promise<AssetLinkRecord[]> {
      let query = scoped(projectId);
      const assetId = filter.asset_id;
      if (assetId !== undefined) {
        query = query.where((eb) => eb.or([eb("parent_asset_id", "=", assetId), eb("child_asset_id", "=", assetId)]));
      }
      if (filter.link_type !== undefined) query = query.where("link_type", "=", filter.link_type);
      return query.orderBy("created_at").orderBy("id").execute();
    },

    /** `undefined` for an unknown id and for another project's link alike. */
    find(projectId: string, id: string): Promise<AssetLinkRecord | undefined> {
      return scoped(projectId).where("id", "=", id).executeTakeFirst();
    },

    create(projectId: string, fields: AssetLinkFields): Promise<AssetLinkRecord> {
      const now = nowIso();
      const record = { id: randomUUID(), project_id: projectId, ...fields, created_at: now, updated_at: now };
      return inTransaction(db, async (trx) => {
        await checkLink(trx, projectId, fields);
        await uniquely(() => trx.insertInto("asset_links").values(record).execute(), linkExists);
        return record;
      });
    },

    /** Applies `changes` and re-checks the resulting link; `undefined` when the link is not in the project. */
    update(projectId: string, id: string, changes: Partial<AssetLinkFields>): Promise<AssetLinkRecord | undefined> {
      return inTransaction(db, async (trx) => {
        const current = await findProjectRow(trx, "asset_links", projectId, id);
        if (!current) return undefined;
        const next = { ...current, ...changes, updated_at: nowIso() };
        await checkLink(trx, projectId, next);
        await uniquely(
          () =>
            trx
              .updateTable("asset_links")
              .set({
                parent_asset_id: next.parent_asset_id,
                child_asset_id: next.child_asset_id,
                link_type: next.link_type,
                updated_at: next.updated_at,
              })
              .where("project_id", "=", projectId)
              .where("id", "=", id)
              .execute(),
          linkExists,
        );
        return next;
      });
    },

    /** The deleted link, or `undefined` when there was none. */
    remove(projectId: string, id: string): Promise<AssetLinkRecord | undefined> {
      return db
        .deleteFrom("asset_links")
        .where("project_id", "=", projectId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
