import { resolve } from "node:path";
import {
  cliFlag,
  effectivePostprocessSettings,
  loadPipelineConfig,
  type PipelineConfig,
  PipelineError,
  postprocessOverrides,
  type RawRunRequest,
  type RunPostprocess,
  refuseIgnoredOverrides,
  runPostprocessFrom,
} from "@kroma/pipeline";
import { apiClient } from "../api-client.js";
import { describeError, type GlobalOptions } from "../output.js";
import { resolveProviderKeys } from "./provider-keys.js";

/**
 * `--project-root`, else the root the API stores for the project. Neither is an error that says
 * how to fix it: there is no implicit default, so a run never lands in a surprising directory.
 */
export async function findProjectRoot(
  flags: { project: string; projectRoot?: string },
  globals: GlobalOptions,
): Promise<{ projectRoot: string; resolvedFromBackend: boolean }> {
  if (flags.projectRoot?.trim()) return { projectRoot: resolve(flags.projectRoot), resolvedFromBackend: false };
  let reason: string;
  try {
    const { storage } = await apiClient(globals).projects.get(flags.project);
    const root = storage.local.project_root;
    if (root) return { projectRoot: root, resolvedFromBackend: true };
    reason = "the API has no local project root for it";
  } catch (error) {
    reason = describeError(error);
  }
  throw new PipelineError(
    `Cannot find the project root of '${flags.project}': pass --project-root PATH, or run the Kroma API ` +
      `(kroma serve; --api-url or KROMA_API_URL, now ${globals.apiUrl}) with that project (kroma projects create). ` +
      `API lookup: ${reason}`,
    { field: "project_root" },
  );
}

/**
 * The layered configuration a run uses: `--manifest` when given, else the one the layered settings
 * name (`<project_root>/.kroma/pipeline.settings.json`, then `config/pipeline.settings.toml` under the
 * app root, then `config/pipeline.manifest.json`), else the built-in defaults; the request's
 * post-processing switches (`--post-*`) are the top settings layer. Invalid settings are an error
 * listing every problem, as `kroma config validate` shows them; a flag tuning a stage that is off
 * is an error naming the flag that turns it on.
 */
export async function loadRunConfig(
  flags: { manifest?: string },
  projectRoot: string,
  request: RawRunRequest,
): Promise<PipelineConfig> {
  const postprocess = postprocessOverrides(request, cliFlag);
  const config = await loadPipelineConfig({
    appRoot: appRoot(),
    projectRoot,
    manifestPath: flags.manifest ? resolve(flags.manifest) : undefined,
    ...(postprocess ? { overrides: { postprocess } } : {}),
  });
  refuseIgnoredOverrides(request, effectivePostprocessSettings(config.settings, config.postprocess), cliFlag);
  return config;
}

/**
 * The post-processing a run uses: the effective settings, with the PhotoRoom and remove.bg keys
 * (project secrets, else the environment) looked up only when background removal is on.
 */
export async function runPostprocessFor(project: string, config: PipelineConfig): Promise<RunPostprocess> {
  const { bg_remove } = effectivePostprocessSettings(config.settings, config.postprocess);
  const keys = bg_remove ? await resolveProviderKeys(project, ["photoroom", "removebg"]) : {};
  return runPostprocessFrom(config, { keys, baseDir: appRoot() });
}

/** Where relative paths in settings resolve: `KROMA_APP_ROOT`, else the working directory. */
function appRoot(): string {
  return process.env.KROMA_APP_ROOT ?? process.cwd();
}
