import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { inTransaction } from "../../core/audit.js";
import type { Database, ProjectSecretsTable } from "../../core/db/schema.js";
import { normalizeSlug } from "../../core/slug.js";
import { nowIso } from "../../core/time.js";
import {
  decryptValue,
  encryptValue,
  keyringFor,
  type MasterKeySource,
  newDataKey,
  newKeyId,
  SecretDecryptionError,
  type SecretIdentity,
  type SecretKeyring,
  secretHint,
  unwrapDataKey,
  wrapDataKey,
} from "./crypto.js";

/** A secret as the API returns it: metadata and a masked hint, never the value. */
export type SecretRecord = Schema<"Secret">;

export type SecretKeyUsage = Schema<"SecretKeyUsage">;

export type SecretRotationStatus = Schema<"SecretRotationStatusResponse">["rotation_status"];

export interface SecretRotation {
  key_id: string;
  rotated: number;
  /** The keys this project's values were under before the rotation. */
  previous_key_ids: string[];
}

export type SecretRepository = ReturnType<typeof createSecretRepository>;

const metadataColumns = [
  "project_id",
  "provider_code",
  "secret_name",
  "hint",
  "key_id",
  "created_at",
  "updated_at",
] as const;

const toRecord = (row: Pick<ProjectSecretsTable, (typeof metadataColumns)[number]>): SecretRecord => ({
  project_id: row.project_id,
  provider_code: row.provider_code,
  secret_name: row.secret_name,
  has_value: true,
  hint: row.hint,
  key_id: row.key_id,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

/**
 * Project secrets, encrypted at rest with data keys that the master key wraps. Every query is
 * scoped by project; values are only ever returned by `reveal`, for the pipeline, never by the API.
 */
export function createSecretRepository(db: Kysely<Database>, keyring: SecretKeyring) {
  const scoped = (projectId: string) => db.selectFrom("project_secrets").where("project_id", "=", projectId);

  /** The unwrapped data key of `keyId`; `undefined` when there is no such key. */
  async function dataKey(executor: Kysely<Database>, keyId: string): Promise<Buffer | undefined> {
    const row = await executor
      .selectFrom("secret_keys")
      .select("wrapped_key")
      .where("id", "=", keyId)
      .executeTakeFirst();
    return row && unwrapDataKey(await keyring.masterKey(), keyId, row.wrapped_key);
  }

  /** A new data key, made the only active one. */
  async function createActiveKey(trx: Kysely<Database>): Promise<{ id: string; key: Buffer }> {
    const id = newKeyId();
    const key = newDataKey();
    const wrapped = wrapDataKey(await keyring.masterKey(), id, key);
    await trx.updateTable("secret_keys").set({ active: 0 }).where("active", "=", 1).execute();
    await trx.insertInto("secret_keys").values({ id, wrapped_key: wrapped, active: 1, created_at: nowIso() }).execute();
    return { id, key };
  }

  const activeKeyRow = (executor: Kysely<Database>) =>
    executor
      .selectFrom("secret_keys")
      .select(["id", "wrapped_key", "created_at"])
      .where("active", "=", 1)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();

  /** The active data key, created on first use. Run inside a transaction so two callers cannot both create one. */
  async function activeKey(trx: Kysely<Database>): Promise<{ id: string; key: Buffer }> {
    const row = await activeKeyRow(trx);
    if (!row) return createActiveKey(trx);
    return { id: row.id, key: unwrapDataKey(await keyring.masterKey(), row.id, row.wrapped_key) };
  }

  /** The plaintext of a stored value; throws `SecretDecryptionError` when it cannot be decrypted. */
  async function decryptRow(executor: Kysely<Database>, row: ProjectSecretsTable): Promise<string> {
    let key: Buffer | undefined;
    try {
      key = await dataKey(executor, row.key_id);
    } catch {
      throw new SecretDecryptionError(row);
    }
    if (!key) throw new SecretDecryptionError(row);
    return decryptValue(key, row, row);
  }

  return {
    /** By provider code, then name. */
    async list(projectId: string): Promise<SecretRecord[]> {
      const rows = await scoped(projectId)
        .select(metadataColumns)
        .orderBy("provider_code")
        .orderBy("secret_name")
        .execute();
      return rows.map(toRecord);
    },

    /** Stores `value` under the active key, replacing any value of that record (its `created_at` is kept). */
    upsert(projectId: string, providerCode: string, secretName: string, value: string): Promise<SecretRecord> {
      return inTransaction(db, async (trx) => {
        const identity: SecretIdentity = {
          project_id: projectId,
          provider_code: providerCode,
          secret_name: secretName,
        };
        const key = await activeKey(trx);
        const sealed = { ...encryptValue(key.key, identity, value), key_id: key.id, hint: secretHint(value) };
        const now = nowIso();
        const row = await trx
          .insertInto("project_secrets")
          .values({ ...identity, ...sealed, created_at: now, updated_at: now })
          .onConflict((oc) =>
            oc.columns(["project_id", "provider_code", "secret_name"]).doUpdateSet({ ...sealed, updated_at: now }),
          )
          .returning(metadataColumns)
          .executeTakeFirstOrThrow();
        return toRecord(row);
      });
    },

    /** True when a secret was deleted. */
    async remove(projectId: string, providerCode: string, secretName: string): Promise<boolean> {
      const result = await db
        .deleteFrom("project_secrets")
        .where("project_id", "=", projectId)
        .where("provider_code", "=", providerCode)
        .where("secret_name", "=", secretName)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** The decrypted value, or `undefined` when there is no such secret. */
    async reveal(projectId: string, providerCode: string, secretName: string): Promise<string | undefined> {
      const row = await scoped(projectId)
        .selectAll()
        .where("provider_code", "=", providerCode)
        .where("secret_name", "=", secretName)
        .executeTakeFirst();
      return row && decryptRow(db, row);
    },

    /** Which keys this project's values are under; lists the active key and every key holding one of them. */
    async rotationStatus(projectId: string): Promise<SecretRotationStatus> {
      const active = await activeKeyRow(db);
      const counts = await scoped(projectId)
        .select(["key_id", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("key_id")
        .execute();
      const countOf = new Map(counts.map((row) => [row.key_id, Number(row.n)]));
      const keyIds = [...countOf.keys(), ...(active ? [active.id] : [])];
      const keys = keyIds.length
        ? await db
            .selectFrom("secret_keys")
            .select(["id", "created_at"])
            .where("id", "in", keyIds)
            .orderBy("created_at")
            .orderBy("id")
            .execute()
        : [];
      const total = [...countOf.values()].reduce((sum, n) => sum + n, 0);
      return {
        active_key_id: active?.id ?? null,
        total_secrets: total,
        stale_secrets: total - (active ? (countOf.get(active.id) ?? 0) : 0),
        keys: keys.map((key) => ({
          key_id: key.id,
          active: key.id === active?.id,
          created_at: key.created_at,
          secret_count: countOf.get(key.id) ?? 0,
        })),
      };
    },

    /**
     * Creates a new active key and re-encrypts every value of the project under it, with fresh
     * nonces, in one transaction: when any value cannot be decrypted it throws and nothing changes.
     * Other projects' values stay under their keys, which are never deleted.
     */
    rotate(projectId: string): Promise<SecretRotation> {
      return inTransaction(db, async (trx) => {
        const rows = await trx.selectFrom("project_secrets").selectAll().where("project_id", "=", projectId).execute();
        const values: string[] = [];
        for (const row of rows) values.push(await decryptRow(trx, row));
        const key = await createActiveKey(trx);
        for (const [index, row] of rows.entries()) {
          await trx
            .updateTable("project_secrets")
            .set({ ...encryptValue(key.key, row, values[index] as string), key_id: key.id })
            .where("project_id", "=", row.project_id)
            .where("provider_code", "=", row.provider_code)
            .where("secret_name", "=", row.secret_name)
            .execute();
        }
        const previous = [...new Set(rows.map((row) => row.key_id))].sort();
        return { key_id: key.id, rotated: rows.length, previous_key_ids: previous };
      });
    },
  };
}

/**
 * The decrypted value of a project's secret, for the pipeline; `undefined` when it does not exist.
 * Throws `SecretDecryptionError` when the value cannot be decrypted (e.g. under a wrong master key).
 * `providerCode` and `secretName` are normalised like the API normalises them.
 */
export function resolveProjectSecret(
  db: Kysely<Database>,
  deps: MasterKeySource,
  projectId: string,
  providerCode: string,
  secretName: string,
): Promise<string | undefined> {
  const provider = normalizeSlug(providerCode);
  const name = normalizeSlug(secretName);
  if (provider === undefined || name === undefined) return Promise.resolve(undefined);
  return createSecretRepository(db, keyringFor(deps)).reveal(projectId, provider, name);
}
