import type { Client } from "openapi-fetch";
import type { Call, Query } from "./call.js";
import type { paths } from "./schema.js";

/** What openapi-fetch resolves to, whatever it parsed the body as. */
type Fetched = { data?: unknown; error?: unknown; response: Response };

/** The sizes thumbnails come in (the longest side, in pixels). */
export type ThumbnailSize = NonNullable<Query<"/api/projects/{slug}/assets/{assetId}/thumbnail">["size"]>;

/**
 * Helpers for an asset's bytes: the file (verified by the server against the record's sha256)
 * and WebP thumbnails. Each throws `KromaApiError` from the error envelope on failure, such as
 * `asset_file_missing` (404) or `asset_file_changed` (409).
 *
 * @example
 * const bytes = await kroma.assets.download("demo", assetId);
 * const img = kroma.assets.thumbnailUrl("demo", assetId, 256);
 */
export function assetsApi(raw: Client<paths>, call: Call, baseUrl: string) {
  const at = (slug: string, assetId: string) => ({ params: { path: { slug, assetId } } });
  // openapi-fetch reports an empty body as no data: an empty file is still a file.
  const orEmpty = async (request: Promise<Fetched>, empty: unknown): Promise<Fetched> => {
    const result = await request;
    return result.response.ok && result.data === undefined ? { ...result, data: empty } : result;
  };

  return {
    /** `GET /assets/{assetId}/file`: the whole file's bytes. */
    download: async (slug: string, assetId: string): Promise<Uint8Array> => {
      const request = raw.GET("/api/projects/{slug}/assets/{assetId}/file", {
        ...at(slug, assetId),
        parseAs: "arrayBuffer",
      });
      return new Uint8Array((await call(orEmpty(request, new ArrayBuffer(0)))) as ArrayBuffer);
    },
    /** `GET /assets/{assetId}/file` as a stream, for files too large to hold in memory. */
    downloadStream: async (slug: string, assetId: string): Promise<ReadableStream<Uint8Array>> => {
      const request = raw.GET("/api/projects/{slug}/assets/{assetId}/file", {
        ...at(slug, assetId),
        parseAs: "stream",
      });
      const body = (await call(orEmpty(request, null))) as ReadableStream<Uint8Array> | null;
      return body ?? new ReadableStream({ start: (controller) => controller.close() });
    },
    /** `GET /assets/{assetId}/thumbnail`: a WebP fitting `size` x `size` (default 256). */
    thumbnail: async (slug: string, assetId: string, size: ThumbnailSize = 256): Promise<Uint8Array> => {
      const request = raw.GET("/api/projects/{slug}/assets/{assetId}/thumbnail", {
        params: { path: { slug, assetId }, query: { size } },
        parseAs: "arrayBuffer",
      });
      return new Uint8Array((await call(request as Promise<Fetched>)) as ArrayBuffer);
    },
    /**
     * The thumbnail's absolute URL, for an `<img src>`. It carries no token (the server refuses
     * tokens in query strings): where auth is required, sign the browser in (`auth.signIn`), whose
     * session cookie goes with the `<img>`, or fetch it with the `Authorization` header.
     */
    thumbnailUrl: (slug: string, assetId: string, size: ThumbnailSize = 256): string =>
      `${baseUrl}/api/projects/${encodeURIComponent(slug)}/assets/${encodeURIComponent(assetId)}/thumbnail?size=${size}`,
  };
}
