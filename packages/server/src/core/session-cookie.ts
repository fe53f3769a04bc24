import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** The cookie a browser session travels in (see `POST /auth/session`). */
export const sessionCookieName = "kroma_session";

/** Browsers refuse a longer `Max-Age` (RFC 6265bis caps it at 400 days). */
export const maxSessionTtlMs = 400 * 24 * 60 * 60 * 1000;

/** The session secret the request's cookie carries, if any. */
export function sessionCookieOf(context: Context): string | undefined {
  const value = getCookie(context, sessionCookieName);
  return value === undefined || value === "" ? undefined : value;
}

/**
 * `HttpOnly` keeps the secret from page scripts; `SameSite=Strict` keeps browsers from sending it
 * with requests another site's page starts; `Secure` only when the request itself came over
 * https (this server does not trust `X-Forwarded-Proto`: it has no notion of a trusted proxy),
 * so a plain-http loopback server can still sign a browser in.
 */
const attributes = (context: Context) =>
  ({
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: new URL(context.req.url).protocol === "https:",
  }) as const;

/** Sets the session cookie, living as long as the session (at least a second, as `Max-Age` counts seconds). */
export function setSessionCookie(context: Context, secret: string, expiresAt: string): void {
  const seconds = Math.max(1, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000));
  setCookie(context, sessionCookieName, secret, { ...attributes(context), maxAge: seconds });
}

/** Tells the browser to drop the session cookie (`Max-Age=0`). */
export function clearSessionCookie(context: Context): void {
  deleteCookie(context, sessionCookieName, attributes(context));
}
