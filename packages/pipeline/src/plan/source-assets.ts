import type { Schema } from "@kroma/contract/types";
import type { PostprocessSettings } from "../config/settings.js";
import { PipelineError } from "../errors.js";
import { resolveProjectRef } from "../files/paths.js";
import { enabledPostprocessStages } from "../postprocess/chain.js";
import type { RunRequest } from "./run-request.js";

// The existing files a post-process run (`assets`, `from_run`) starts from, looked up in the
// project's database (server) or through its API (CLI), and checked against their records.

/** A source asset as a run log records it (`RunSourceAsset`): id, file (relative) and recorded sha256. */
export type SourceAsset = Schema<"RunSourceAsset">;

/** Where a post-process run's sources are looked up: the project's assets and runs. */
export interface SourceAssetLookup {
  /** A live asset of the project with a file, or undefined (unknown, in the trash, no file or no sha256). */
  asset(assetId: string): Promise<SourceAsset | undefined>;
  /** The final asset ids of a run's jobs in plan order (jobs without a final skipped); undefined for an unknown run. */
  runFinals(runId: string): Promise<string[] | undefined>;
}

/**
 * The assets a post-process request names, in order, each once: `assets` as given, or the final
 * output of every job of `from_run`. An unknown asset or run, a run with no final output, or an
 * asset whose file lies outside the project root is a {@link PipelineError} naming the field.
 *
 * @example
 * await resolveSourceAssets(root, { from_run: "run_1" }, lookup);
 * // [{ asset_id: "asset_…_c1", path: "outputs/run_1/style_1_a.png", sha256: "…" }]
 */
export async function resolveSourceAssets(
  root: string,
  request: Pick<RunRequest, "assets" | "from_run">,
  lookup: SourceAssetLookup | undefined,
): Promise<SourceAsset[]> {
  const field = request.assets ? "assets" : "from_run";
  if (!lookup) {
    throw new PipelineError(`Field '${field}' needs the project's assets, and none were given to look them up`, {
      field,
    });
  }
  const ids = request.assets ?? (await finalsOf(request.from_run as string, lookup));
  const sources: SourceAsset[] = [];
  for (const id of new Set(ids)) {
    const found = await lookup.asset(id);
    if (!found) {
      throw new PipelineError(`Asset '${id}' is not a live asset of the project with a recorded file`, {
        field,
        asset_id: id,
      });
    }
    await resolveProjectRef(root, found.path, field);
    sources.push(found);
  }
  return sources;
}

async function finalsOf(runId: string, lookup: SourceAssetLookup): Promise<string[]> {
  const finals = await lookup.runFinals(runId);
  if (finals === undefined)
    throw new PipelineError(`Run '${runId}' is not a run of the project`, { field: "from_run" });
  if (finals.length === 0) {
    throw new PipelineError(`Run '${runId}' has no job with a final output to post-process`, { field: "from_run" });
  }
  return finals;
}

/**
 * Refuses a post-process run with no post-processing stage on: it would do nothing. The error
 * names the switches that turn one on.
 */
export function checkPostprocessRun(request: RunRequest, settings: PostprocessSettings | undefined): void {
  if (request.assets === undefined && request.from_run === undefined) return;
  if (settings && enabledPostprocessStages(settings).length > 0) return;
  const field = request.assets ? "assets" : "from_run";
  throw new PipelineError(
    `Nothing to do: a post-process run (${field}) needs a post-processing stage on (post_upscale, post_color or post_bg_remove)`,
    { field, fields: ["post_upscale", "post_color", "post_bg_remove"] },
  );
}

/**
 * Refuses a source whose file no longer holds the bytes its record names: the run would
 * post-process something other than the asset asked for.
 */
export function checkSourceDigest(source: SourceAsset, sha256: string): void {
  if (sha256 === source.sha256) return;
  throw new PipelineError(
    `Asset '${source.asset_id}' (${source.path}) has changed since it was recorded: its sha256 is ${sha256}, the record names ${source.sha256}`,
    { field: "assets", asset_id: source.asset_id },
  );
}
