import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getRequestListener, RequestError } from "@hono/node-server";
import { type AuthPolicy, hostRefusal } from "./auth-policy.js";
import { ApiError, toErrorResponse } from "./errors.js";

/**
 * The Node HTTP server for the app, on @hono/node-server's request listener, so that every answer
 * is the error envelope. Left to itself, @hono/node-server answers a bare, empty 400 when it
 * cannot build a URL from a request (`newRequest` throws "Invalid host header" for any Host it
 * would have to lower-case, such as `LOCALHOST:8788`, and `new URL` fails on `127.0.0.1:8788.` or
 * `127.0.0.1:8788:80`). So the Host is lower-cased first (host names are case-insensitive), a
 * loopback server refuses a Host that is not its own here with the guard's 403, and what the
 * listener still cannot read gets a 400 envelope. Not listening yet: call `listen`.
 */
export function createApiServer(
  fetch: Parameters<typeof getRequestListener>[0],
  auth: AuthPolicy,
  hostname: string,
): Server {
  const listener = getRequestListener(fetch, { hostname, errorHandler: renderListenerError });
  return createServer((incoming, outgoing) => {
    const host = incoming.headers.host;
    if (host !== undefined) incoming.headers.host = host.toLowerCase();
    // Set once the port is known (see startServer); a missing Host is left to the guard.
    const refusal = auth.allowedHosts && host !== undefined ? hostRefusal(auth.allowedHosts, host) : undefined;
    if (refusal) return sendEnvelope(outgoing, refusal);
    return listener(incoming, outgoing);
  });
}

function renderListenerError(error: unknown): Response {
  const apiError =
    error instanceof RequestError
      ? new ApiError("validation", "validation_error", `Malformed request: ${error.message}`)
      : error;
  const { status, body } = toErrorResponse(apiError);
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function sendEnvelope(outgoing: ServerResponse<IncomingMessage>, error: ApiError): void {
  const { status, body } = toErrorResponse(error);
  const text = JSON.stringify(body);
  outgoing.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  outgoing.end(text);
}
