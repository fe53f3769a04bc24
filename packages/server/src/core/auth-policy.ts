import type { Context } from "hono";
import type { AuthTokenRepository, VerifiedToken } from "../features/auth/repository.js";
import type { AuthSessionRepository, SessionCheck, VerifiedSession } from "../features/auth/session-repository.js";
import type { Actor } from "./audit.js";
import { changesState, checkSameOrigin } from "./cross-site.js";
import { ApiError } from "./errors.js";
import { requestHeader } from "./request-header.js";
import { sessionCookieOf } from "./session-cookie.js";
import { normalizeSlug } from "./slug.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The token behind this request, or `null` when no token was needed and none was given. */
    actor: Actor | null;
    /** The token that authenticated this request (presented, or behind its session), if one did. */
    authToken: VerifiedToken | undefined;
    /** The browser session whose cookie authenticated this request, if one did. */
    authSession: VerifiedSession | undefined;
  }
}

/** The routes that make, show and end browser sessions; they say themselves what is missing. */
export const sessionPath = "/auth/session";

/**
 * `auto` (default): no token needed while the server is bound to loopback and no token exists
 * yet — the seed's curl quick start — and required from the first token on, or always when bound
 * to another address. `required`: always. `off`: never (only by explicit setting).
 */
export type AuthMode = "auto" | "required" | "off";

export interface AuthPolicy {
  mode: AuthMode;
  /** The server listens on a loopback address only. */
  loopback: boolean;
  /**
   * `Host` headers accepted (`127.0.0.1:8788`, `localhost:8788`, ...). Set for loopback servers:
   * a web page on another name that resolves to 127.0.0.1 (DNS rebinding) is refused.
   */
  allowedHosts?: string[];
}

export const authModes: readonly AuthMode[] = ["auto", "required", "off"];

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The `Host` values a loopback server answers to. */
export function loopbackHosts(host: string, port: number): string[] {
  const names = new Set([host.includes(":") ? `[${host}]` : host, "localhost", "127.0.0.1", "[::1]"]);
  return [...names].map((name) => `${name}:${port}`);
}

const policyError = (status: 401 | 403, message: string) =>
  new ApiError("policy", status === 401 ? "unauthorized" : "forbidden", message);

const tokenFailures = {
  unknown: "Invalid API token",
  revoked: "API token has been revoked",
  expired: "API token has expired",
} as const;

const sessionFailures: Record<Extract<SessionCheck, { ok: false }>["reason"], string> = {
  unknown: "Unknown session; sign in again",
  revoked: "Session has ended; sign in again",
  expired: "Session has expired; sign in again",
  token_revoked: "The API token of this session has been revoked",
  token_expired: "The API token of this session has expired",
};

/**
 * Why a loopback server refuses a `Host` header (a 403 policy error), or `undefined` when it is one
 * of `allowedHosts`. Host names are case-insensitive, so `LOCALHOST:8788` is `localhost:8788`.
 */
export function hostRefusal(allowedHosts: readonly string[], host: string): ApiError | undefined {
  if (allowedHosts.includes(host.toLowerCase())) return undefined;
  return policyError(403, `Host '${host.slice(0, 200)}' is not allowed; use ${allowedHosts.slice(0, 2).join(" or ")}`);
}

/** Runs before a route's handler; throws the policy error, or returns a promise when it must look something up. */
export type RequestGuard = (context: Context, specPath: string) => Promise<void> | undefined;

/**
 * Checks a presented API token (a 401 when it is unknown, revoked or expired), then its scope for
 * this route, and makes it the request's actor. The guard calls it for `Authorization: Bearer`;
 * `POST /auth/session` for a token sent in its body.
 */
export async function authenticateToken(
  tokens: AuthTokenRepository,
  context: Context,
  presented: string,
  specPath: string,
): Promise<VerifiedToken> {
  const check = await tokens.check(presented);
  if (!check.ok) throw policyError(401, tokenFailures[check.reason]);
  admit(context, check.token, specPath);
  await tokens.touch(check.token.id);
  return check.token;
}

/** The token's project scope for this route (403 outside it); then the token is the actor. */
function admit(context: Context, token: VerifiedToken, specPath: string): void {
  if (token.project_slug !== null) {
    // A scoped token may sign a browser in (with its scope), not manage tokens.
    if (specPath.startsWith("/auth/") && specPath !== sessionPath) {
      throw policyError(403, "A project-scoped token cannot manage tokens");
    }
    const slug = specPath.includes("{slug}") ? normalizeSlug(context.req.param("slug") ?? "") : undefined;
    if (specPath.includes("{slug}") && slug !== token.project_slug) {
      throw policyError(403, "Token is not authorized for this project");
    }
  }
  context.set("actor", { tokenId: token.id, projectId: token.project_id, projectSlug: token.project_slug });
  context.set("authToken", token);
}

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export function bearerOf(context: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(requestHeader(context, "authorization") ?? "")?.[1];
}

/** Why a session check failed, as the 401 says it. */
export function sessionRefusal(reason: Extract<SessionCheck, { ok: false }>["reason"]): ApiError {
  return policyError(401, sessionFailures[reason]);
}

/**
 * The Host check for loopback servers, the cross-site check for state-changing requests
 * (see `checkSameOrigin`), then the token policy for `/api` and `/auth` routes: a bearer token,
 * else the `kroma_session` cookie of a browser session (which stands for the token it was made
 * from: same actor, same scope, and only while that token is active). A token in the query string
 * is never read. Sets the `actor` context variable the audit log records. Called by the typed
 * router before each handler (rather than as Hono middleware) so the common case costs no extra await.
 *
 * The session routes themselves (`/auth/session`) are checked only for what they are given, in
 * every auth mode: a bad cookie there is no failure (signing in again must work past a stale
 * cookie, and signing out must clear it), and their handlers answer 401 for what is missing.
 * Elsewhere an expired or ended session (or one whose token no longer works) is a 401.
 */
export function createAuthGuard(
  tokens: AuthTokenRepository,
  policy: AuthPolicy,
  sessions?: AuthSessionRepository,
): RequestGuard {
  const missing = (foreignCookie = false) =>
    policyError(
      401,
      foreignCookie
        ? "Missing Authorization: Bearer token (the kroma_session cookie names no session of this server)"
        : "Missing Authorization: Bearer token",
    );

  /**
   * True when the cookie authenticated the request. A cookie naming no session of this server
   * counts as no cookie: browsers send one host's cookies to all its ports, so it may be another
   * server's, and must not break a server that needs no token. An ended session is a 401.
   */
  async function authenticateSession(context: Context, secret: string, specPath: string): Promise<boolean> {
    const check = await (sessions as AuthSessionRepository).check(secret);
    if (!check.ok) {
      // On the session routes nothing fails here: a new sign-in must get past a stale cookie.
      if (check.reason === "unknown" || specPath === sessionPath) return false;
      throw sessionRefusal(check.reason);
    }
    admit(context, check.token, specPath);
    context.set("authSession", { session: check.session, token: check.token });
    await Promise.all([sessions?.touch(check.session.id), tokens.touch(check.token.id)]);
    return true;
  }

  /** Without credentials: refused when a token is required, else let through. */
  function requireNone(foreignCookie: boolean): Promise<void> | undefined {
    if (policy.mode === "required" || !policy.loopback) throw missing(foreignCookie);
    const known = tokens.knownToExist();
    if (known === false) return undefined;
    if (known === true) throw missing(foreignCookie);
    return tokens.anyExist().then((exist) => {
      if (exist) throw missing(foreignCookie);
    });
  }

  return (context, specPath) => {
    if (policy.allowedHosts) {
      const refusal = hostRefusal(policy.allowedHosts, requestHeader(context, "host") ?? "");
      if (refusal) throw refusal;
    }
    // Before the token check: a page on another site must not even touch the token records.
    // Cookie-authenticated writes meet it too: that is what stops cross-site request forgery.
    if (changesState(context.req.method)) checkSameOrigin(context, policy.allowedHosts);
    const onSessionRoute = specPath === sessionPath;
    if (
      !onSessionRoute &&
      (policy.mode === "off" || !(specPath.startsWith("/api/") || specPath.startsWith("/auth/")))
    ) {
      return undefined;
    }

    const presented = bearerOf(context);
    if (presented !== undefined) return authenticateToken(tokens, context, presented, specPath).then(() => undefined);
    const secret = sessions ? sessionCookieOf(context) : undefined;
    if (secret !== undefined) {
      return authenticateSession(context, secret, specPath).then((done) =>
        done || onSessionRoute ? undefined : requireNone(true),
      );
    }
    return onSessionRoute ? undefined : requireNone(false);
  };
}
