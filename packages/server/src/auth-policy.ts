import type { MiddlewareHandler } from "hono";
import type { Actor } from "./audit.js";
import { ApiError } from "./errors.js";
import type { AuthTokenRepository } from "./repositories/auth-token-repository.js";
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

/** `/api/projects/{slug}/...` -> the normalised slug, else `undefined`. */
function projectSlugOf(path: string): string | undefined {
  const match = /^\/api\/projects\/([^/]+)/.exec(path);
  if (!match?.[1]) return undefined;
  try {
    return normalizeSlug(decodeURIComponent(match[1]));
  } catch {
    return undefined;
  }
}

/**
 * Guards every request: the Host check for loopback servers, then the token policy for `/api`
 * and `/auth` routes. Sets the `actor` context variable the audit log records.
 */
export function authMiddleware(tokens: AuthTokenRepository, policy: AuthPolicy): MiddlewareHandler {
  return async (context, next) => {
    const host = context.req.header("host") ?? "";
    if (policy.allowedHosts && !policy.allowedHosts.includes(host.toLowerCase())) {
      throw policyError(403, `Host '${host}' is not allowed; use ${policy.allowedHosts.slice(0, 2).join(" or ")}`);
    }
    context.set("actor", null);
    const path = context.req.path;
    if (policy.mode === "off" || !(path.startsWith("/api/") || path.startsWith("/auth/"))) return next();

    const header = context.req.header("authorization");
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
    if (presented === undefined) {
      const required = policy.mode === "required" || !policy.loopback || (await tokens.anyExist());
      if (required) throw policyError(401, "Missing Authorization: Bearer token");
      return next();
    }

    const check = await tokens.check(presented);
    if (!check.ok) throw policyError(401, tokenFailures[check.reason]);
    const { token } = check;
    if (token.project_slug !== null) {
      if (path.startsWith("/auth/")) throw policyError(403, "A project-scoped token cannot manage tokens");
      const slug = projectSlugOf(path);
      if (slug !== undefined && slug !== token.project_slug) {
        throw policyError(403, "Token is not authorized for this project");
      }
    }
    context.set("actor", { tokenId: token.id, projectId: token.project_id, projectSlug: token.project_slug });
    await tokens.touch(token.id);
    return next();
  };
}
