import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "./db/schema.js";
import { toJsonText } from "./input.js";
import { nowIso } from "./time.js";

/** Who made a request: the token's id and scope, or `null` for an unauthenticated local request. */
export interface Actor {
  tokenId: string;
  /** The project the token is scoped to, or `null` for every project. */
  projectId: string | null;
  projectSlug: string | null;
}

/** The actor the auth middleware attached to this request. */
export function actorOf(context: Context): Actor | null {
  return (context.get("actor") as Actor | undefined) ?? null;
}

/** The label of the token acting (who a review decision or a deletion names); null when auth is off. */
export async function actorLabel(db: Kysely<Database>, actor: Actor | null): Promise<string | null> {
  if (!actor) return null;
  const token = await db.selectFrom("auth_tokens").select("label").where("id", "=", actor.tokenId).executeTakeFirst();
  return token?.label ?? null;
}

/** One audited write. `detail` is small and never holds secret values. */
export interface AuditEntry {
  /** `<record>.<verb>`, e.g. `prompt_template.create`, `agent_instruction.cancel`, `secret.rotate`. */
  action: string;
  projectId: string | null;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit event; call it inside the write's own transaction. Returns the event id. */
export async function recordAudit(executor: Kysely<Database>, actor: Actor | null, entry: AuditEntry): Promise<string> {
  const id = randomUUID();
  await executor
    .insertInto("audit_events")
    .values({
      id,
      actor_token_id: actor?.tokenId ?? null,
      action: entry.action,
      project_id: entry.projectId,
      target_type: entry.targetType,
      target_id: entry.targetId,
      detail_json: toJsonText(entry.detail ?? {}),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** Runs `work` in a transaction, or inside the caller's when `db` already is one. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Runs a write and records its audit event in the same transaction: both happen, or neither.
 * `entry` may be computed from the write's result (for ids created by the write).
 *
 * @example
 * const template = await audited(db, actorOf(context), (t) => ({ action: "prompt_template.create", targetId: t.id, ... }),
 *   (trx: Kysely<Database>) => templatesOn(trx).create(projectId, fields));
 */
export function audited<T>(
  db: Kysely<Database>,
  actor: Actor | null,
  // With an entry callback, annotate the write's `trx` parameter (or name T): TypeScript infers T
  // from `write` only when that callback is not itself waiting for contextual types.
  entry: AuditEntry | ((result: T) => AuditEntry),
  write: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const result = await write(trx);
    await recordAudit(trx, actor, typeof entry === "function" ? entry(result) : entry);
    return result;
  });
}
