import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { KromaDb } from "../../core/db/database.js";
import type { AuthSessionsTable, Database } from "../../core/db/schema.js";
import { nowIso } from "../../core/time.js";
import { VersionedCache } from "../../core/versioned-cache.js";
import { hashToken, isActive, type VerifiedToken } from "./repository.js";

export type AuthSessionRow = AuthSessionsTable;

/** A session that passed verification, with the token behind it (also checked). */
export interface VerifiedSession {
  session: AuthSessionRow;
  token: VerifiedToken;
}

export type SessionCheck =
  | ({ ok: true } & VerifiedSession)
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "token_revoked" | "token_expired" };

/** Twelve hours: a working day in the browser, then sign in again (`KROMA_SESSION_TTL_MS`). */
export const defaultSessionTtlMs = 12 * 60 * 60 * 1000;

export type AuthSessionRepository = ReturnType<typeof createAuthSessionRepository>;

/**
 * Browser sessions. The secret is 32 random bytes (base64url) that only the cookie holds; the
 * row keeps its SHA-256, like tokens, so a copy of the database signs nobody in.
 */
export function createAuthSessionRepository(db: KromaDb, options: { ttlMs?: number } = {}) {
  const ttlMs = options.ttlMs ?? defaultSessionTtlMs;
  // Checked on every cookie request: cached until the database changes (a revocation of the
  // session or of its token is a write, so it takes effect on the next request).
  const verified = new VersionedCache<VerifiedSession>(() => db.changeVersion(), 1000);
  const lastUsedWrites = new Map<string, number>();

  return {
    ttlMs,

    /** Creates a session for `token`; the secret is returned here and nowhere else. */
    async create(
      executor: Kysely<Database>,
      token: Pick<VerifiedToken, "id" | "expires_at">,
    ): Promise<{ row: AuthSessionRow; secret: string }> {
      const secret = randomBytes(32).toString("base64url");
      const now = Date.now();
      const ttlEnd = new Date(now + ttlMs).toISOString();
      // A session never outlives the token it was made from.
      const expiresAt = token.expires_at !== null && token.expires_at < ttlEnd ? token.expires_at : ttlEnd;
      const row: AuthSessionRow = {
        id: randomUUID(),
        token_id: token.id,
        secret_hash: hashToken(secret),
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      };
      await executor.insertInto("auth_sessions").values(row).execute();
      return { row, secret };
    },

    /** Checks a cookie's secret: the session must be live, and so must its token. */
    async check(secret: string): Promise<SessionCheck> {
      const hash = hashToken(secret);
      const found = await verified.get(hash, () => load(hash));
      if (!found) return { ok: false, reason: "unknown" };
      const { session, token } = found;
      const now = nowIso();
      if (session.revoked_at !== null) return { ok: false, reason: "revoked" };
      if (session.expires_at <= now) return { ok: false, reason: "expired" };
      if (token.revoked_at !== null) return { ok: false, reason: "token_revoked" };
      if (!isActive(token, now)) return { ok: false, reason: "token_expired" };
      return { ok: true, session, token };
    },

    /** Marks the session revoked (keeping the first revocation time). */
    async revoke(executor: Kysely<Database>, id: string): Promise<void> {
      await executor
        .updateTable("auth_sessions")
        .set({ revoked_at: nowIso() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** Records use at most once a minute per session, so a page of images is not a page of writes. */
    async touch(id: string): Promise<void> {
      const now = Date.now();
      if (now - (lastUsedWrites.get(id) ?? 0) < 60_000) return;
      lastUsedWrites.set(id, now);
      await db.updateTable("auth_sessions").set({ last_used_at: nowIso() }).where("id", "=", id).execute();
    },
  };

  async function load(hash: string): Promise<VerifiedSession | undefined> {
    // The hash is looked up by equality in SQL: knowing it needs the secret, and the secret is
    // 256 random bits, so there is no timing to learn from (unlike a guessable value).
    const session = await db.selectFrom("auth_sessions").selectAll().where("secret_hash", "=", hash).executeTakeFirst();
    if (!session) return undefined;
    const token = await db
      .selectFrom("auth_tokens")
      .leftJoin("projects", "projects.id", "auth_tokens.project_id")
      .selectAll("auth_tokens")
      .select("projects.slug as project_slug")
      .where("auth_tokens.id", "=", session.token_id)
      .executeTakeFirst();
    return token ? { session, token } : undefined;
  }
}
