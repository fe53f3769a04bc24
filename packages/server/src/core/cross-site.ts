import type { Context } from "hono";
import { ApiError } from "./errors.js";
import { requestHeader } from "./request-header.js";

/** GET, HEAD and OPTIONS only read; every other method may change something. */
export function changesState(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/**
 * Refuses (403, `forbidden`) a request that a browser says comes from another site: a
 * `Sec-Fetch-Site` other than `same-origin` or `none` (a page on another site, or on another
 * port of this host, which is `same-site`), or an `Origin` that is not this server's own, meaning
 * the scheme, host and port the request's `Host` names or, for a loopback server, any of its
 * loopback names (`allowedHosts`). A request with neither header (curl, the SDK, the CLI) passes:
 * only browsers send them, and every browser sends `Origin` with a cross-site POST.
 */
export function checkSameOrigin(context: Context, allowedHosts: readonly string[] | undefined): void {
  const site = requestHeader(context, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw crossSite(`the browser sent it from another site (Sec-Fetch-Site: ${site.slice(0, 40)})`);
  }
  const origin = requestHeader(context, "origin");
  if (origin === undefined) return;
  const own = ownOrigins(context, allowedHosts);
  const given = URL.parse(origin)?.origin;
  if (given === undefined || given === "null" || !own.includes(given)) {
    throw crossSite(`Origin '${origin.slice(0, 100)}' is not this server's own (${own[0]})`);
  }
}

function ownOrigins(context: Context, allowedHosts: readonly string[] | undefined): string[] {
  // The request URL is built from the Host header, which the Host check has already vetted.
  const origins = [new URL(context.req.url).origin];
  for (const host of allowedHosts ?? []) {
    const origin = URL.parse(`http://${host}`)?.origin;
    if (origin !== undefined && !origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

const crossSite = (reason: string) =>
  new ApiError(
    "policy",
    "forbidden",
    `Cross-site request refused: ${reason}. The API takes changes only from this server's own pages and from clients that send no Origin.`,
  );
