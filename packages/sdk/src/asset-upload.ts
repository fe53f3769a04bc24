import type { Call } from "./call.js";
import type { StreamTransport } from "./runs.js";
import type { Schema } from "./schema.js";

/** What `assets.upload` sends: the image and what it is for. */
export interface UploadAssetInput {
  /** `scene` or `reference`: the asset's `asset_kind`. */
  kind: Schema<"UploadAssetKind">;
  /** The image's bytes: PNG, JPEG or WebP. A stream is sent as it is read, never buffered whole. */
  file: Uint8Array | Blob | ReadableStream<Uint8Array>;
  /** The file's original name, kept as the asset's `original_name`. */
  name?: string;
  /** The image's media type; default: a Blob's own type, else read from the first bytes. */
  contentType?: string;
}

export type UploadAssetResult = Schema<"UploadAssetResponse">;

/** The image type of the first bytes of a file (PNG, JPEG, WebP), or octet-stream, which the server refuses. */
export function sniffImageType(head: Uint8Array): string {
  const starts = (bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return "application/octet-stream";
}

/** A stream's first chunk is read to tell its type; the stream sent is that chunk and the rest. */
async function peekStream(
  stream: ReadableStream<Uint8Array>,
): Promise<{ type: string; body: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array(0);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(head);
      else controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { type: sniffImageType(head), body: first.done ? new ReadableStream({ start: (c) => c.close() }) : body };
}

/** The body to send and its `Content-Type`. */
async function bodyOf(
  input: UploadAssetInput,
): Promise<{ type: string; body: NonNullable<RequestInit["body"]>; streamed: boolean }> {
  const { file, contentType } = input;
  if (file instanceof ReadableStream) {
    if (contentType) return { type: contentType, body: file, streamed: true };
    const peeked = await peekStream(file);
    return { ...peeked, streamed: true };
  }
  if (file instanceof Blob) {
    const type = contentType || file.type || sniffImageType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    return { type, body: file, streamed: false };
  }
  return { type: contentType || sniffImageType(file), body: file as Uint8Array<ArrayBuffer>, streamed: false };
}

/**
 * `assets.upload`: `POST /api/projects/{slug}/assets` with the image as the raw body. openapi-fetch
 * would serialise the body as JSON, so this calls `fetch` itself, like the event stream does.
 */
export function assetUploadApi(call: Call, transport: StreamTransport) {
  return {
    /**
     * Uploads an image as a scene or reference asset. Resolves to `{ asset, deduplicated }`:
     * `deduplicated` is true when the same bytes were uploaded before as this kind (then `asset`
     * is that one). Throws `KromaApiError` with the server's message otherwise.
     *
     * @example
     * const { asset } = await kroma.assets.upload("demo", { kind: "scene", file: await readFile("scene.png"), name: "scene.png" });
     */
    async upload(slug: string, input: UploadAssetInput): Promise<UploadAssetResult> {
      const query = new URLSearchParams({ kind: input.kind, ...(input.name ? { name: input.name } : {}) });
      const url = `${transport.baseUrl}/api/projects/${encodeURIComponent(slug)}/assets?${query}`;
      const { type, body, streamed } = await bodyOf(input);
      const init: RequestInit & { duplex?: "half" } = {
        method: "POST",
        headers: { ...transport.headers, "content-type": type, accept: "application/json" },
        body,
        ...(streamed ? { duplex: "half" } : {}),
      };
      const request = transport.fetch(url, init).then(async (response) => {
        const parsed: unknown = await response.json().catch(() => undefined);
        return response.ok ? { data: parsed as UploadAssetResult, response } : { error: parsed, response };
      });
      return call(request);
    },
  };
}
