import type { Context } from "hono";

/**
 * Reads a request header (`name` in lower case). On @hono/node-server the Node request's own
 * header object is used: `context.req.header()` would build a full Fetch `Headers` for every
 * request, which costs more than the rest of the auth guard. A repeated header gives its first value.
 */
export function requestHeader(context: Context, name: string): string | undefined {
  const incoming = (
    context.env as { incoming?: { headers: Record<string, string | string[] | undefined> } } | undefined
  )?.incoming;
  if (!incoming) return context.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
