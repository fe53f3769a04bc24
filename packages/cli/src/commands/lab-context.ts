import { resolve } from "node:path";
import { loadPipelineConfig, type Manifest, PipelineError } from "@kroma/pipeline";
import { createKromaClient } from "@kroma/sdk";
import { describeError, type GlobalOptions } from "../output.js";

/**
 * `--project-root`, else the root the API stores for the project. Neither is an error that says
 * how to fix it: there is no implicit default, so a run never lands in a surprising directory.
 */
export async function findProjectRoot(
  flags: { project: string; projectRoot?: string },
  { apiUrl, token }: GlobalOptions,
): Promise<{ projectRoot: string; resolvedFromBackend: boolean }> {
  if (flags.projectRoot?.trim()) return { projectRoot: resolve(flags.projectRoot), resolvedFromBackend: false };
  let reason: string;
  try {
    const { storage } = await createKromaClient({ baseUrl: apiUrl, token }).projects.get(flags.project);
    const root = storage.local.project_root;
    if (root) return { projectRoot: root, resolvedFromBackend: true };
    reason = "the API has no local project root for it";
  } catch (error) {
    reason = describeError(error);
  }
  throw new PipelineError(
    `Cannot find the project root of '${flags.project}': pass --project-root PATH, or run the Kroma API ` +
      `(kroma serve; --api-url or KROMA_API_URL, now ${apiUrl}) with that project (kroma projects create). ` +
      `API lookup: ${reason}`,
    { field: "project_root" },
  );
}

/**
 * The manifest a run uses: `--manifest` when given, else the one the layered settings name
 * (`<project_root>/.kroma/pipeline.settings.json`, then `config/pipeline.settings.toml` under the app
 * root, then `config/pipeline.manifest.json`), else the built-in defaults. Invalid settings are an
 * error listing every problem, as `kroma config validate` shows them.
 */
export async function loadRunManifest(manifestFlag: string | undefined, projectRoot: string): Promise<Manifest> {
  const { manifest } = await loadPipelineConfig({
    appRoot: process.env.KROMA_APP_ROOT ?? process.cwd(),
    projectRoot,
    manifestPath: manifestFlag ? resolve(manifestFlag) : undefined,
  });
  return manifest;
}
