import type { Context } from "hono";
import type { AuthTokenRepository } from "../features/auth/repository.js";
import type { Actor } from "./audit.js";
import { changesState, checkSameOrigin } from "./cross-site.js";
import { ApiError } from "./errors.js";
import { requestHeader } from "./request-header.js";
import { normalizeSlug } from "./slug.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The token behind this request, or `null` when no token was needed and none was given. */
    actor: Actor | null;
  }
}

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
 * The Host check for loopback servers, the cross-site check for state-changing requests
 * (see `checkSameOrigin`), then the token policy for `/api` and `/auth` routes.
 * Sets the `actor` context variable the audit log records. Called by the typed router before
 * each handler (rather than as Hono middleware) so the common case costs no extra await.
 */
export function createAuthGuard(tokens: AuthTokenRepository, policy: AuthPolicy): RequestGuard {
  const missing = () => policyError(401, "Missing Authorization: Bearer token");

  async function authenticate(context: Context, presented: string, specPath: string): Promise<void> {
    const check = await tokens.check(presented);
    if (!check.ok) throw policyError(401, tokenFailures[check.reason]);
    const { token } = check;
    if (token.project_slug !== null) {
      if (specPath.startsWith("/auth/")) throw policyError(403, "A project-scoped token cannot manage tokens");
      const slug = specPath.includes("{slug}") ? normalizeSlug(context.req.param("slug") ?? "") : undefined;
      if (specPath.includes("{slug}") && slug !== token.project_slug) {
        throw policyError(403, "Token is not authorized for this project");
      }
    }
    context.set("actor", { tokenId: token.id, projectId: token.project_id, projectSlug: token.project_slug });
    await tokens.touch(token.id);
  }

  return (context, specPath) => {
    if (policy.allowedHosts) {
      const refusal = hostRefusal(policy.allowedHosts, requestHeader(context, "host") ?? "");
      if (refusal) throw refusal;
    }
    // Before the token check: a page on another site must not even touch the token records.
    if (changesState(context.req.method)) checkSameOrigin(context, policy.allowedHosts);
    if (policy.mode === "off" || !(specPath.startsWith("/api/") || specPath.startsWith("/auth/"))) return undefined;

    const presented = /^Bearer\s+(\S+)\s*$/i.exec(requestHeader(context, "authorization") ?? "")?.[1];
    if (presented !== undefined) return authenticate(context, presented, specPath);
    if (policy.mode === "required" || !policy.loopback) throw missing();
    const known = tokens.knownToExist();
    if (known === false) return undefined;
    if (known === true) throw missing();
    return tokens.anyExist().then((exist) => {
      if (exist) throw missing();
    });
  };
}
