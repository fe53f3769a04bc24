// Requests exactly as written: `fetch` normalises `..` and `%2e%2e` segments away before sending,
// so hostile paths need node:http, which sends the path untouched. Bodies may be sent with a
// Content-Length or chunked (no length: the server only learns the size by reading).
import { type Agent, request } from "node:http";

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  body: any;
}

export interface RawOptions {
  body?: Buffer | string;
  /** Send the body in chunks without a Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
  headers?: Record<string, string>;
  /** An http.Agent to reuse connections with; default: a fresh connection per request. */
  agent?: Agent;
}

/**
 * Sends `method rawPath` to `baseUrl` and resolves with the answer. A server that answers before
 * reading the whole body (a 413) may close the connection mid-upload; the answer still counts.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  rawPath: string,
  options: RawOptions = {},
): Promise<RawResult> {
  const { hostname, port } = new URL(baseUrl);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (body && !options.chunked) headers["content-length"] = String(body.length);
  if (body && !headers["content-type"]) headers["content-type"] = "application/json";
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ hostname, port, method, path: rawPath, headers, agent: options.agent ?? false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
      res.on("error", reject);
    });
    // EPIPE / ECONNRESET after the answer arrived is the server closing an oversized upload.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (body && options.chunked) {
      const size = 64 * 1024;
      for (let at = 0; at < body.length; at += size) req.write(body.subarray(at, at + size));
      req.end();
    } else {
      req.end(body);
    }
  });
}
