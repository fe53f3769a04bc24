import type { Call } from "./call.js";
import type { StreamTransport } from "./runs.js";
import type { Schema } from "./schema.js";

/**
 * A bundle's bytes, as `exports.import` sends them: whole (bytes, a Blob) or as a stream read as
 * it is sent (a web `ReadableStream`, or any async iterable of bytes such as Node's
 * `fs.createReadStream`), so a bundle larger than memory can be imported.
 */
export type BundleSource = Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface ImportBundleOptions {
  /** The new project's slug (default: the bundle's). An existing slug is refused (409). */
  slug?: string;
}

export type ImportBundleResult = Schema<"ImportProjectResponse">;

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof (value as AsyncIterable<Uint8Array>)?.[Symbol.asyncIterator] === "function";
}

/** An async iterable of bytes as a web stream, pulled one chunk at a time. */
function streamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value instanceof Uint8Array ? next.value : new Uint8Array(next.value));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** The body to send, and whether it is a stream (which `fetch` sends only with `duplex: "half"`). */
function bodyOf(bundle: BundleSource): { body: NonNullable<RequestInit["body"]>; streamed: boolean } {
  if (bundle instanceof ReadableStream) return { body: bundle, streamed: true };
  if (bundle instanceof Blob) return { body: bundle, streamed: false };
  if (bundle instanceof Uint8Array) return { body: bundle as Uint8Array<ArrayBuffer>, streamed: false };
  if (isAsyncIterable(bundle)) return { body: streamOf(bundle), streamed: true };
  throw new TypeError("exports.import takes the bundle as a Uint8Array, a Blob, a ReadableStream or an async iterable");
}

/**
 * `exports.import`: `POST /api/imports` with the bundle as the raw `application/gzip` body.
 * openapi-fetch would serialise the body as JSON, so this calls `fetch` itself, like uploads do.
 */
export function bundleImportApi(call: Call, transport: StreamTransport) {
  return {
    /**
     * Restores a bundle (from `exports.create`, or `kroma export`) into a new project of this
     * server, which verifies it whole first (every entry's sha256) and creates nothing when it is
     * refused. Resolves to `{ ok, import }`: the project, its root, the rows created per kind,
     * the files restored, whether ids were remapped, and the secrets to set again (values never
     * travel in a bundle). Throws `KromaApiError` with the server's refusal otherwise.
     *
     * @example
     * const { import: imported } = await kroma.exports.import(createReadStream("demo.tar.gz"), { slug: "demo_copy" });
     * imported.secrets_to_set; // ["openai/api_key"]
     */
    async import(bundle: BundleSource, options: ImportBundleOptions = {}): Promise<ImportBundleResult> {
      const query = options.slug === undefined ? "" : `?${new URLSearchParams({ slug: options.slug })}`;
      const { body, streamed } = bodyOf(bundle);
      const init: RequestInit & { duplex?: "half" } = {
        method: "POST",
        headers: { ...transport.headers, "content-type": "application/gzip", accept: "application/json" },
        body,
        ...(streamed ? { duplex: "half" } : {}),
      };
      const request = transport.fetch(`${transport.baseUrl}/api/imports${query}`, init).then(async (response) => {
        const parsed: unknown = await response.json().catch(() => undefined);
        return response.ok ? { data: parsed as ImportBundleResult, response } : { error: parsed, response };
      });
      return call(request);
    },
  };
}
