import type { Client } from "openapi-fetch";
import type { Call, Query } from "./call.js";
import { iterator } from "./paging.js";
import type { paths, Schema } from "./schema.js";

// Deleting into the project's trash, restoring, purging, garbage collection and disk use. Each
// returns the success body or throws KromaApiError.

/**
 * @example
 * const { trash } = await kroma.assets.remove("demo", assetId);
 * await kroma.trash.restore("demo", trash.id);
 * const report = await kroma.trash.gc("demo"); // a dry run: reports only
 * const { total_bytes, runs } = await kroma.diskUsage("demo");
 */
export function trashApi(raw: Client<paths>, call: Call) {
  const at = (slug: string) => ({ params: { path: { slug } } });
  const atRun = (slug: string, runId: string) => ({ params: { path: { slug, runId } } });
  const listTrash = (slug: string, query: Query<"/api/projects/{slug}/trash"> = {}) =>
    call(raw.GET("/api/projects/{slug}/trash", { params: { path: { slug }, query } }));
  return {
    /** `DELETE /assets/{assetId}`: into the trash; `{ force: true }` for an approved or baseline asset. */
    removeAsset: (slug: string, assetId: string, options: { force?: boolean } = {}) =>
      call(
        raw.DELETE("/api/projects/{slug}/assets/{assetId}", {
          params: { path: { slug, assetId }, query: options },
        }),
      ),
    /** `DELETE /runs/{runId}`: the whole run into the trash. */
    removeRun: (slug: string, runId: string, options: { force?: boolean } = {}) =>
      call(raw.DELETE("/api/projects/{slug}/runs/{runId}", { params: { path: { slug, runId }, query: options } })),
    /** `POST /runs/{runId}/prune`: the run's unchosen (default) or rejected candidates into the trash. */
    pruneRun: (slug: string, runId: string, body: Schema<"PruneRunRequest"> = {}) =>
      call(raw.POST("/api/projects/{slug}/runs/{runId}/prune", { ...atRun(slug, runId), body })),
    trash: {
      /** `GET /trash`: entries still restorable (a page), unless `status` says otherwise. */
      list: listTrash,
      /** Every trash entry, a page at a time; filter by `status`. */
      iterate: iterator(listTrash, "trash"),
      /** `POST /trash/{trashId}/restore` */
      restore: (slug: string, trashId: string) =>
        call(raw.POST("/api/projects/{slug}/trash/{trashId}/restore", { params: { path: { slug, trashId } } })),
      /** `POST /trash/purge`: expired entries by default; `{ all: true }` or `{ trash_ids }`. */
      purge: (slug: string, body: Schema<"PurgeTrashRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/trash/purge", { ...at(slug), body })),
      /** `POST /gc`: a report (dry run) unless `{ dry_run: false }`, which trashes what it found. */
      gc: (slug: string, body: Schema<"GarbageRequest"> = {}) =>
        call(raw.POST("/api/projects/{slug}/gc", { ...at(slug), body })),
    },
    /** `GET /disk-usage`: bytes by directory and by run. */
    diskUsage: (slug: string) => call(raw.GET("/api/projects/{slug}/disk-usage", at(slug))),
    /** `GET /runs/{runId}/disk-usage` */
    runDiskUsage: (slug: string, runId: string) =>
      call(raw.GET("/api/projects/{slug}/runs/{runId}/disk-usage", atRun(slug, runId))),
  };
}
