import { actorOf, audited } from "../../core/audit.js";
import { notFound } from "../../core/errors.js";
import type { ContentDeps } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createAuthTokenRepository, isActive } from "./repository.js";
import { type AuthSessionRepository, createAuthSessionRepository } from "./session-repository.js";
import { sessionRoutes } from "./session-routes.js";
import { createdTokenBody, issueAuthToken } from "./tokens.js";

export function authRoutes(
  route: DefineRoute,
  deps: ContentDeps & { tokens?: ReturnType<typeof createAuthTokenRepository>; sessions?: AuthSessionRepository },
): void {
  const tokens = deps.tokens ?? createAuthTokenRepository(deps.db);
  sessionRoutes(route, { db: deps.db, tokens, sessions: deps.sessions ?? createAuthSessionRepository(deps.db) });

  route("post", "/auth/token", async ({ body, context }) => {
    const created = await issueAuthToken(deps, actorOf(context), body ?? {}, tokens);
    return { status: 200, body: createdTokenBody(created) };
  });

  route("get", "/auth/tokens", async () => {
    const list = await tokens.list();
    return { status: 200, body: { ok: true, count: list.length, auth_tokens: list } };
  });

  route("delete", "/auth/tokens/{tokenId}", async ({ params, context }) => {
    const row = await tokens.find(params.tokenId);
    if (!row) throw notFound(`API token '${params.tokenId}' not found`);
    if (row.revoked_at === null) {
      await audited(
        deps.db,
        actorOf(context),
        {
          action: "auth_token.revoke",
          projectId: row.project_id,
          targetType: "auth_token",
          targetId: row.id,
          detail: { token_prefix: row.token_prefix, was_active: isActive(row) },
        },
        (trx) => tokens.revoke(trx, row.id),
      );
    }
    return { status: 200, body: { ok: true, deleted: true, token_id: row.id } };
  });
}
