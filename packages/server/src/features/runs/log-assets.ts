import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { components } from "@kroma/contract/types";
import type { Insertable } from "kysely";
import type { AssetsTable } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";

type PaidRunLog = components["schemas"]["PaidRunLog"];

/** Where the log's files are, for `storage_uri`, and which project the rows belong to. */
export interface RunLogContext {
  projectId: string;
  projectRoot: string;
  /** `file:` URL of the project root, computed once (see {@link fileUri}). */
  rootUri?: string;
  /** The log file, relative to the project root. */
  runLogPath: string;
}

const mimeTypes: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

function mimeOf(path: string): string | null {
  return mimeTypes[path.slice(path.lastIndexOf(".") + 1).toLowerCase()] ?? null;
}

/** An image file a run wrote: where it is, what it holds (sha256, size) and what made it. */
export function imageAsset(
  context: RunLogContext,
  log: PaidRunLog,
  asset: {
    id: string;
    jobId: string;
    candidateId: string;
    assetKind: string;
    relPath: string;
    file: { sha256: string | null; width?: number; height?: number };
    metadata: Record<string, unknown>;
  },
): Insertable<AssetsTable> {
  return {
    id: asset.id,
    project_id: context.projectId,
    kind: "image",
    asset_kind: asset.assetKind,
    storage_uri: fileUri(context, asset.relPath),
    rel_path: asset.relPath,
    storage_backend: "local",
    mime_type: mimeOf(asset.relPath),
    width: asset.file.width ?? null,
    height: asset.file.height ?? null,
    sha256: asset.file.sha256,
    run_id: log.run_id,
    job_id: asset.jobId,
    candidate_id: asset.candidateId,
    metadata_json: toJsonText(asset.metadata),
    created_at: log.timestamp,
    stale: 0,
    // A run since outputs became per run wrote this file under a directory of its own, and hashed
    // what it wrote. A log from before (files named per scene) may name bytes a later run
    // replaced: left unchecked, for the file check to verify, repoint or mark stale.
    file_checked_at: isRunScoped(asset.relPath, log.run_id) ? log.timestamp : null,
  };
}

/** Whether a file lies in a run's own directory (`outputs/<run_id>/...`, `upscaled/<run_id>/...`). */
function isRunScoped(relPath: string, runId: string): boolean {
  return relPath.split("/").includes(runId);
}

/**
 * `file:` URL of a file under the project root. The root's URL is built once with
 * `pathToFileURL` (which handles platform paths) and each relative path appended with its
 * segments percent-encoded: the same URL, without a full conversion per asset.
 */
function fileUri(context: RunLogContext, relPath: string): string {
  context.rootUri ??= pathToFileURL(join(context.projectRoot, "/")).href;
  if (relPath.startsWith("/")) return pathToFileURL(relPath).href;
  return context.rootUri + relPath.split("/").map(encodeURIComponent).join("/");
}
