import type { Context } from "hono";
import { type Actor, actorOf, audited } from "../../core/audit.js";
import { authenticateToken, bearerOf, sessionPath, sessionRefusal } from "../../core/auth-policy.js";
import { ApiError, conflict, validationError } from "../../core/errors.js";
import type { DefineRoute } from "../../core/router.js";
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from "../../core/session-cookie.js";
import type { AuthTokenRepository, VerifiedToken } from "./repository.js";
import type { AuthSessionRepository, AuthSessionRow, VerifiedSession } from "./session-repository.js";

/**
 * `POST`, `GET` and `DELETE /auth/session`: a browser exchanges an API token for a cookie, asks
 * whether it is signed in, and signs out. The guard has already checked what was presented here
 * (leniently: a stale cookie does not stop a new sign-in); these handlers say what is missing.
 */
export function sessionRoutes(
  route: DefineRoute,
  deps: { db: Parameters<typeof audited>[0]; tokens: AuthTokenRepository; sessions: AuthSessionRepository },
): void {
  const { tokens, sessions } = deps;

  route("post", "/auth/session", async ({ body, context }) => {
    const token = await exchangedToken(context, body?.token);
    const created = await audited(
      deps.db,
      actorOf(context),
      (result: { row: AuthSessionRow }) => ({
        action: "auth_session.create",
        projectId: token.project_id,
        targetType: "auth_session",
        targetId: result.row.id,
        detail: { token_prefix: token.token_prefix, expires_at: result.row.expires_at },
      }),
      (trx) => sessions.create(trx, token),
    );
    setSessionCookie(context, created.secret, created.row.expires_at);
    return { status: 201, body: sessionBody({ session: created.row, token }) };
  });

  route("get", "/auth/session", async ({ context }) => {
    return { status: 200, body: sessionBody(await currentSession(context)) };
  });

  route("delete", "/auth/session", async ({ context }) => {
    // Cleared whatever the outcome: a cookie that no longer works is of no use to keep.
    clearSessionCookie(context);
    const { session, token } = await currentSession(context);
    // The actor is the token behind the session, even when a bearer token came along.
    const actor: Actor = { tokenId: token.id, projectId: token.project_id, projectSlug: token.project_slug };
    await audited(
      deps.db,
      actor,
      {
        action: "auth_session.revoke",
        projectId: token.project_id,
        targetType: "auth_session",
        targetId: session.id,
        detail: { token_prefix: token.token_prefix },
      },
      (trx) => sessions.revoke(trx, session.id),
    );
    return { status: 200, body: { ok: true, deleted: true, session_id: session.id } };
  });

  /** The token a sign-in exchanges: from the body, or the bearer header the guard verified. */
  async function exchangedToken(context: Context, bodyToken: string | undefined): Promise<VerifiedToken> {
    const bearer = bearerOf(context);
    if (bearer !== undefined && bodyToken !== undefined) {
      throw validationError("Send the token in the Authorization header or in the body, not both", {
        field: "token",
      });
    }
    if (bodyToken !== undefined) return authenticateToken(tokens, context, bodyToken, sessionPath);
    const verified = bearer === undefined ? undefined : context.get("authToken");
    if (verified) return verified;
    if (!(await tokens.anyExist())) {
      throw conflict(
        "No API token exists yet, so there is nothing to sign in with and no sign-in is needed: create a token with POST /auth/token first",
      );
    }
    throw new ApiError(
      "policy",
      "unauthorized",
      'Sign-in takes an API token: send Authorization: Bearer <token>, or {"token": "<token>"} as JSON',
    );
  }

  /** The live session the request's cookie names, else the 401 that says why there is none. */
  async function currentSession(context: Context): Promise<VerifiedSession> {
    const verified = context.get("authSession");
    if (verified) return verified;
    const secret = sessionCookieOf(context);
    if (secret === undefined) throw new ApiError("policy", "unauthorized", "Not signed in: no session cookie");
    const check = await sessions.check(secret);
    if (!check.ok) throw sessionRefusal(check.reason);
    return { session: check.session, token: check.token };
  }
}

/** A session as the API shows it: never its secret or hash, nor the token's value. */
function sessionBody({ session, token }: VerifiedSession) {
  const { id, created_at, expires_at, last_used_at } = session;
  return {
    ok: true as const,
    auth_session: {
      id,
      created_at,
      expires_at,
      last_used_at,
      token: {
        id: token.id,
        label: token.label,
        token_prefix: token.token_prefix,
        project_id: token.project_id,
        project_slug: token.project_slug,
        expires_at: token.expires_at,
      },
    },
  };
}
