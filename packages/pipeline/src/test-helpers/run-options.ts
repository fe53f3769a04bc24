// What every dry-run and paid-run test passes to planDryRun / executeRun, so a test spells out
// only what it is about.
import { defaultManifest } from "../config/manifest.js";
import type { DryRunOptions } from "../plan/dry-run.js";
import type { ExecuteRunOptions } from "../run/context.js";

/**
 * Options for a dry run of project "demo" with the default manifest, planning gpt-image-1 at
 * 1024x1536, medium; `fields` name the project root, the request, the post-processing and the rest.
 */
export function dryRunOptions(
  fields: Pick<DryRunOptions, "projectRoot" | "request" | "postprocess"> & Partial<DryRunOptions>,
): DryRunOptions {
  return {
    projectSlug: "demo",
    resolvedFromBackend: false,
    manifest: defaultManifest,
    model: "gpt-image-1",
    size: "1024x1536",
    quality: "medium",
    ...fields,
  };
}

/**
 * Options for a confirmed gpt-image-1 run of project "demo" (1024x1024, medium, short retry
 * waits), with `fields` naming the project root, the stand-in's URL, the key and the request.
 */
export function paidRunOptions(
  fields: Pick<ExecuteRunOptions, "projectRoot" | "baseURL" | "apiKey" | "request"> & Partial<ExecuteRunOptions>,
): ExecuteRunOptions {
  return {
    projectSlug: "demo",
    resolvedFromBackend: false,
    manifest: defaultManifest,
    confirmSpend: true,
    model: "gpt-image-1",
    size: "1024x1024",
    quality: "medium",
    retryDelayMs: 10,
    ...fields,
  };
}
