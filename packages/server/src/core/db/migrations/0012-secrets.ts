import type { Kysely } from "kysely";

/**
 * Envelope encryption: data keys (wrapped by the master key) encrypt secret values with
 * AES-256-GCM; each value records the data key it is under, so keys can rotate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("secret_keys")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("wrapped_key", "text", (col) => col.notNull())
    .addColumn("active", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("project_secrets")
    .addColumn("project_id", "text", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("provider_code", "text", (col) => col.notNull())
    .addColumn("secret_name", "text", (col) => col.notNull())
    .addColumn("key_id", "text", (col) => col.notNull().references("secret_keys.id"))
    .addColumn("nonce", "text", (col) => col.notNull())
    .addColumn("ciphertext", "text", (col) => col.notNull())
    .addColumn("auth_tag", "text", (col) => col.notNull())
    .addColumn("hint", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("project_secrets_pk", ["project_id", "provider_code", "secret_name"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("project_secrets").execute();
  await db.schema.dropTable("secret_keys").execute();
}
