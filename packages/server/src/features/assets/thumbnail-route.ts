import { requestHeader } from "../../core/request-header.js";
import type { DefineRoute } from "../../core/router.js";
import type { AssetFileVerifier } from "./asset-file.js";
import type { AssetLookup } from "./asset-lookup.js";
import { noneMatch } from "./conditional.js";
import { assetHeaders, notModified } from "./file-route.js";
import { type ThumbnailSize, Thumbnails, thumbnailEtag } from "./thumbnail.js";

/** `GET /api/projects/{slug}/assets/{assetId}/thumbnail?size=` (Hono answers `HEAD` through it). */
export function thumbnailRoute(route: DefineRoute, lookup: AssetLookup, verifier: AssetFileVerifier): void {
  const thumbnails = new Thumbnails();
  route("get", "/api/projects/{slug}/assets/{assetId}/thumbnail", async ({ params, query, context }) => {
    const size = (query.size ?? 256) as ThumbnailSize;
    const { asset, root } = await lookup(params.slug, params.assetId);
    // The source is verified first, a 304 included: the ETag names the recorded bytes.
    const source = await verifier.open(root, asset);
    try {
      const etag = thumbnailEtag(source.sha256, size);
      if (noneMatch(requestHeader(context, "if-none-match"), etag)) return notModified(etag);
      const bytes = await thumbnails.get(root, source, size);
      const headers = { ...assetHeaders(etag), "content-type": "image/webp", "content-length": String(bytes.length) };
      return new Response(context.req.method === "HEAD" ? null : new Uint8Array(bytes), { status: 200, headers });
    } finally {
      await source.handle.close();
    }
  });
}
