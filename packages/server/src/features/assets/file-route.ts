import type { Context } from "hono";
import { ApiError, toErrorResponse } from "../../core/errors.js";
import { requestHeader } from "../../core/request-header.js";
import type { DefineRoute } from "../../core/router.js";
import type { AssetFileVerifier, VerifiedFile } from "./asset-file.js";
import type { AssetLookup } from "./asset-lookup.js";
import { chooseRange, immutableCacheControl, noneMatch } from "./conditional.js";
import { fileStream } from "./file-stream.js";

/**
 * Headers every answer about an asset's bytes carries. `nosniff` and the sandboxing CSP keep a
 * file served from the API's origin (an SVG, an HTML file recorded as an asset) from running
 * script there: it is shown, never executed.
 */
export function assetHeaders(etag: string): Record<string, string> {
  return {
    etag,
    "cache-control": immutableCacheControl,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
}

/** A 304 for a client whose copy is current: the validators, no body. */
export function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: assetHeaders(etag) });
}

/** `GET /api/projects/{slug}/assets/{assetId}/file` (Hono answers `HEAD` through it). */
export function fileRoute(route: DefineRoute, lookup: AssetLookup, verifier: AssetFileVerifier): void {
  route("get", "/api/projects/{slug}/assets/{assetId}/file", async ({ params, context }) => {
    const { asset, root } = await lookup(params.slug, params.assetId);
    // Verified before anything is answered, a 304 included: a client must not be told its copy
    // is current when the file on disk no longer is that copy.
    const file = await verifier.open(root, asset);
    try {
      return await answer(context, file, contentType(asset.mime_type));
    } catch (error) {
      await file.handle.close();
      throw error;
    }
  });
}

/**
 * The record's media type when it is one (`type/subtype`, parameters allowed); records come from
 * runs, imports and uploads, and a value that is not a media type must not reach a header.
 */
function contentType(mimeType: string | null): string {
  const valid = mimeType !== null && /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/.test(mimeType);
  return valid ? mimeType : "application/octet-stream";
}

async function answer(context: Context, file: VerifiedFile, type: string): Promise<Response> {
  const etag = `"${file.sha256}"`;
  const headers = { ...assetHeaders(etag), "accept-ranges": "bytes" };
  const header = (name: string) => requestHeader(context, name) || undefined;
  if (noneMatch(header("if-none-match"), etag)) {
    await file.handle.close();
    return notModified(etag);
  }
  const choice = chooseRange(file.size, header("range"), header("if-range"), etag);
  if (choice.kind === "unsatisfiable") {
    await file.handle.close();
    const { body } = toErrorResponse(
      new ApiError("validation", "range_not_satisfiable", `The range is outside the file's ${file.size} bytes`, {
        size: file.size,
      }),
    );
    // `new Response`, not `Response.json`: on @hono/node-server the latter makes an object that is
    // not an instance of the global Response the router checks for.
    return new Response(JSON.stringify(body), {
      status: 416,
      // Not the cache headers of the bytes: a refusal is not a representation to keep for a year.
      headers: {
        "accept-ranges": "bytes",
        "content-type": "application/json",
        "content-range": `bytes */${file.size}`,
      },
    });
  }
  const [start, end] = choice.kind === "partial" ? [choice.start, choice.end] : [0, file.size - 1];
  const length = end - start + 1;
  const sent: Record<string, string> = { ...headers, "content-type": type, "content-length": String(length) };
  if (choice.kind === "partial") sent["content-range"] = `bytes ${start}-${end}/${file.size}`;
  const status = choice.kind === "partial" ? 206 : 200;
  // HEAD (Hono runs the GET handler and drops the body) and an empty file: nothing to read.
  if (context.req.method === "HEAD" || length === 0) {
    await file.handle.close();
    return new Response(length === 0 ? new Uint8Array(0) : null, { status, headers: sent });
  }
  return new Response(fileStream(file, start, end), { status, headers: sent });
}
