import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { KromaDb } from "../../core/db/database.js";
import type { AuthTokensTable, Database } from "../../core/db/schema.js";
import { nowIso } from "../../core/time.js";
import { VersionedCache } from "../../core/versioned-cache.js";

export type AuthTokenRow = AuthTokensTable;

/** A stored token as the API lists it: never the hash, never the secret. */
export type AuthTokenRecord = Omit<AuthTokenRow, "token_hash"> & { active: boolean };

/** A token that passed verification, with the slug of the project it is scoped to. */
export type VerifiedToken = AuthTokenRow & { project_slug: string | null };

export type TokenCheck = { ok: true; token: VerifiedToken } | { ok: false; reason: "unknown" | "revoked" | "expired" };

export interface NewTokenInput {
  label: string;
  projectId: string | null;
  expiresAt: string | null;
}

const tokenPrefix = "kroma_";

/** SHA-256 of the token; only this is stored. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const isActive = (row: Pick<AuthTokenRow, "revoked_at" | "expires_at">, now = nowIso()): boolean =>
  row.revoked_at === null && (row.expires_at === null || row.expires_at > now);

export type AuthTokenRepository = ReturnType<typeof createAuthTokenRepository>;

export function createAuthTokenRepository(db: KromaDb) {
  // Verification runs on every authenticated request; cache it until the database changes
  // (a revocation is a write, so it takes effect on the next request).
  const verified = new VersionedCache<VerifiedToken>(() => db.changeVersion(), 1000);
  const lastUsedWrites = new Map<string, number>();
  let tokensExist = false;
  let checkedVersion: string | undefined;

  return {
    /** True once any token was ever created (revoked ones count): from then on auth is required in `auto`. */
    /** What `anyExist` would answer, when known without a query; `undefined` when it must look. */
    knownToExist(): boolean | undefined {
      if (tokensExist) return true;
      return checkedVersion === db.changeVersion() ? false : undefined;
    },

    async anyExist(): Promise<boolean> {
      // Monotonic (tokens are revoked, never deleted): once true it stays true; while false, look
      // again only when the database has changed.
      const version = db.changeVersion();
      if (tokensExist || checkedVersion === version) return tokensExist;
      tokensExist = (await db.selectFrom("auth_tokens").select("id").limit(1).executeTakeFirst()) !== undefined;
      checkedVersion = version;
      return tokensExist;
    },

    /** Creates a token; the secret value is returned here and nowhere else. */
    async create(executor: Kysely<Database>, input: NewTokenInput): Promise<{ row: AuthTokenRow; token: string }> {
      const token = `${tokenPrefix}${randomBytes(32).toString("base64url")}`;
      const row: AuthTokenRow = {
        id: randomUUID(),
        user_id: null,
        project_id: input.projectId,
        token_prefix: token.slice(0, tokenPrefix.length + 6),
        token_hash: hashToken(token),
        label: input.label,
        expires_at: input.expiresAt,
        revoked_at: null,
        last_used_at: null,
        created_at: nowIso(),
      };
      await executor.insertInto("auth_tokens").values(row).execute();
      return { row, token };
    },

    async list(): Promise<AuthTokenRecord[]> {
      const rows = await db.selectFrom("auth_tokens").selectAll().orderBy("created_at", "desc").orderBy("id").execute();
      const now = nowIso();
      return rows.map(({ token_hash: _, ...row }) => ({ ...row, active: isActive(row, now) }));
    },

    async find(id: string): Promise<AuthTokenRow | undefined> {
      return db.selectFrom("auth_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Marks the token revoked (keeping the first revocation time). */
    async revoke(executor: Kysely<Database>, id: string): Promise<void> {
      await executor
        .updateTable("auth_tokens")
        .set({ revoked_at: nowIso() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** Checks a presented token; the hash comparison is constant-time. */
    async check(token: string): Promise<TokenCheck> {
      const hash = hashToken(token);
      const row = await verified.get(hash, () =>
        db
          .selectFrom("auth_tokens")
          .leftJoin("projects", "projects.id", "auth_tokens.project_id")
          .selectAll("auth_tokens")
          .select("projects.slug as project_slug")
          .where("auth_tokens.token_hash", "=", hash)
          .executeTakeFirst(),
      );
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash, "hex"), Buffer.from(hash, "hex"))) {
        return { ok: false, reason: "unknown" };
      }
      if (row.revoked_at !== null) return { ok: false, reason: "revoked" };
      if (!isActive(row)) return { ok: false, reason: "expired" };
      return { ok: true, token: row };
    },

    /** Records use at most once a minute per token, so auth does not turn every read into a write. */
    async touch(id: string): Promise<void> {
      const now = Date.now();
      if (now - (lastUsedWrites.get(id) ?? 0) < 60_000) return;
      lastUsedWrites.set(id, now);
      await db.updateTable("auth_tokens").set({ last_used_at: nowIso() }).where("id", "=", id).execute();
    },
  };
}
