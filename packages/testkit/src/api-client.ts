// A typed client for tests: openapi-fetch over the contract's `paths`, so a test names every spec
// path literally (`client.GET("/api/projects/{slug}", ...)`) and reads typed bodies. The same
// client goes either to a Hono app in-process (`app.request`, no port) or to a real server.
import type { paths } from "@kroma/contract";
import createClient, { type Client } from "openapi-fetch";

/** What a test talks to the API with. */
export type ApiClient = Client<paths>;

/** Anything with Hono's `app.request(Request)`: the app itself, without listening on a port. */
export interface RequestHandler {
  request(request: Request): Response | Promise<Response>;
}

export interface ApiClientOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
}

const authHeaders = (options: ApiClientOptions): Record<string, string> =>
  options.token ? { authorization: `Bearer ${options.token}` } : {};

/**
 * A client whose requests go straight to `app.request` (in-process). The base URL only serves to
 * build absolute Request URLs; Hono routes by path.
 */
export function testClient(app: RequestHandler, options: ApiClientOptions = {}): ApiClient {
  return createClient<paths>({
    baseUrl: "http://localhost",
    headers: authHeaders(options),
    fetch: async (request) => app.request(request),
  });
}

/** A client for a server listening at `baseUrl` (`http://127.0.0.1:<port>`). */
export function portClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  return createClient<paths>({ baseUrl, headers: authHeaders(options) });
}
