import type { MiddlewareHandler } from "hono";

/**
 * Caps a request body that its handler streams (an upload) without buffering it: a declared
 * `Content-Length` over `maxBytes` is refused before a byte is read (Node's parser never delivers
 * more than the length declared), and a body without one (chunked) is counted as the handler
 * reads it, the read failing with `tooLarge()` at the first byte past the limit. Hono's own
 * `bodyLimit` would hold a chunked body in memory up to the limit, which for uploads is large.
 */
export function streamedBodyLimit(maxBytes: number, tooLarge: () => Error): MiddlewareHandler {
  return async (context, next) => {
    const request = context.req.raw;
    const length = request.headers.get("content-length");
    if (length !== null && !request.headers.has("transfer-encoding")) {
      if (Number(length) > maxBytes) throw tooLarge();
      return next();
    }
    if (!request.body) return next();
    let size = 0;
    const counted = request.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    context.req.raw = new Request(request, { body: counted, duplex: "half" } as RequestInit);
    return next();
  };
}
