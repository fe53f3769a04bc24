import type { Kysely } from "kysely";
import type { Database, ProviderAccountsTable } from "../../core/db/schema.js";
import { fromJsonText, toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";

type JsonObject = Record<string, unknown>;

/** A provider account as the API returns it: `enabled` as a boolean, `config_json` parsed. */
export type ProviderAccountRecord = Omit<ProviderAccountsTable, "enabled" | "config_json"> & {
  enabled: boolean;
  config_json: JsonObject;
};

export interface ProviderAccountFields {
  display_name: string;
  account_ref: string;
  base_url: string;
  enabled: boolean;
  config_json: JsonObject;
}

export type ProviderAccountRepository = ReturnType<typeof createProviderAccountRepository>;

function toRecord(row: ProviderAccountsTable): ProviderAccountRecord {
  return { ...row, enabled: row.enabled !== 0, config_json: fromJsonText<JsonObject>(row.config_json) };
}

/** The columns for the fields given; omitted fields stay out so the stored values are kept. */
function toColumns(fields: Partial<ProviderAccountFields>): Partial<ProviderAccountsTable> {
  const { enabled, config_json, ...text } = fields;
  return {
    ...text,
    ...(enabled === undefined ? {} : { enabled: enabled ? 1 : 0 }),
    ...(config_json === undefined ? {} : { config_json: toJsonText(config_json) }),
  };
}

/** `db` may be a transaction, so a write can share it with its audit event. */
export function createProviderAccountRepository(db: Kysely<Database>) {
  const scoped = (projectId: string) =>
    db.selectFrom("provider_accounts").selectAll().where("project_id", "=", projectId);

  return {
    async list(projectId: string): Promise<ProviderAccountRecord[]> {
      return (await scoped(projectId).orderBy("provider_code").execute()).map(toRecord);
    },

    /** `undefined` for an unknown code and for another project's account alike. */
    async find(projectId: string, providerCode: string): Promise<ProviderAccountRecord | undefined> {
      const row = await scoped(projectId).where("provider_code", "=", providerCode).executeTakeFirst();
      return row && toRecord(row);
    },

    /**
     * Creates the account with defaults for what is omitted, or updates only the given fields of
     * the existing one; one statement, so concurrent upserts of a code cannot both insert.
     */
    async upsert(
      projectId: string,
      providerCode: string,
      fields: Partial<ProviderAccountFields>,
    ): Promise<ProviderAccountRecord> {
      const now = nowIso();
      const changes = toColumns(fields);
      const row = await db
        .insertInto("provider_accounts")
        .values({
          project_id: projectId,
          provider_code: providerCode,
          display_name: providerCode,
          account_ref: "",
          base_url: "",
          enabled: 1,
          config_json: "{}",
          ...changes,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(["project_id", "provider_code"]).doUpdateSet({ ...changes, updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async update(
      projectId: string,
      providerCode: string,
      fields: Partial<ProviderAccountFields>,
    ): Promise<ProviderAccountRecord | undefined> {
      const row = await db
        .updateTable("provider_accounts")
        .set({ ...toColumns(fields), updated_at: nowIso() })
        .where("project_id", "=", projectId)
        .where("provider_code", "=", providerCode)
        .returningAll()
        .executeTakeFirst();
      return row && toRecord(row);
    },

    /** True when an account was deleted. */
    async remove(projectId: string, providerCode: string): Promise<boolean> {
      const result = await db
        .deleteFrom("provider_accounts")
        .where("project_id", "=", projectId)
        .where("provider_code", "=", providerCode)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
