import type { Client } from "openapi-fetch";
import { bundleImportApi } from "./bundle-import.js";
import type { Call, Query } from "./call.js";
import { iterator } from "./paging.js";
import type { StreamTransport } from "./runs.js";
import type { paths, Schema } from "./schema.js";

/**
 * Helpers for project bundles and S3 sync. Each returns the success body and throws
 * `KromaApiError` on failure.
 *
 * @example
 * const { export_path, export_sha256 } = await kroma.exports.create("demo", { include_files: true });
 * const { import: imported } = await kroma.exports.import(createReadStream(export_path), { slug: "demo_copy" });
 * const { sync } = await kroma.s3.sync("demo", { dry_run: true });
 */
export function exportsApi(raw: Client<paths>, call: Call, transport: StreamTransport) {
  const at = (slug: string) => ({ params: { path: { slug } } });
  const listExports = (slug: string, query: Query<"/api/projects/{slug}/exports"> = {}) =>
    call(raw.GET("/api/projects/{slug}/exports", { params: { path: { slug }, query } }));
  return {
    exports: {
      /** `POST /exports`: writes a bundle (records; files with `include_files`) and answers when it is in place. */
      create: (slug: string, body: Schema<"CreateExportRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/exports", { ...at(slug), body })),
      /** `GET /exports`: newest first (a page); filter by `status`. */
      list: listExports,
      /** Every export, newest first, a page at a time; filter by `status`. */
      iterate: iterator(listExports, "exports"),
      /** `GET /exports/{exportId}`: size, checksum, counts and status. */
      get: (slug: string, exportId: string) =>
        call(raw.GET("/api/projects/{slug}/exports/{exportId}", { params: { path: { slug, exportId } } })),
      /** `POST /api/imports`: restores a bundle (bytes, Blob or stream, sent as read) into a new project. */
      ...bundleImportApi(call, transport),
    },
    s3: {
      /** `POST /storage/s3/sync`: uploads new or changed files (or, with `dry_run`, reports them). */
      sync: (slug: string, body: Schema<"S3SyncRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/storage/s3/sync", { ...at(slug), body })),
    },
  };
}
