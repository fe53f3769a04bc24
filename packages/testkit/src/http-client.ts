/**
 * A minimal JSON-over-HTTP client for tests: what a client written against the seed does.
 * Pair it with `startTestServer()`, whose server validates every JSON response against the spec.
 */
export interface HttpResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON, which the server has validated against the spec
  body: any;
}

/** A request to the API: method, path and an optional body (JSON-encoded unless a string). */
export type HttpCall = (method: string, path: string, body?: unknown) => Promise<HttpResult>;

/** `token` is sent as `Authorization: Bearer <token>`. */
export function httpClient(baseUrl: string, options: { token?: string } = {}): HttpCall {
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  return async function call(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
