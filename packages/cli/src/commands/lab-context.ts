import { existsSync } from "node:fs";
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
import { localProviderKeys } from "./provider-keys.js";

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
    // A server on another machine names a directory of its own: this machine works in one of its
    // own. A loopback server is on this machine, where a new project's root may not exist yet.
    if (root && (existsSync(root) || isLoopback(globals.apiUrl)))
      return { projectRoot: root, resolvedFromBackend: true };
    reason = root
      ? `the server keeps it in ${root}, which is not on this machine (a server elsewhere): pass --project-root DIR ` +
        "for a local working directory (the run's files are uploaded when it is recorded)"
      : "the API has no local project root for it";
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

/** Whether the API is on this machine's loopback interface. */
function isLoopback(apiUrl: string): boolean {
  try {
    const host = new URL(apiUrl).hostname;
    return host === "localhost" || host === "[::1]" || /^127\./.test(host);
  } catch {
    return false;
  }
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
 * of this shell (`PHOTOROOM_API_KEY`, `REMOVE_BG_API_KEY`) when background removal is on.
 */
export function runPostprocessFor(config: PipelineConfig): Promise<RunPostprocess> {
  const { bg_remove } = effectivePostprocessSettings(config.settings, config.postprocess);
  const keys = bg_remove ? localProviderKeys(["photoroom", "removebg"]) : {};
  return runPostprocessFrom(config, { keys, baseDir: appRoot() });
}

/** Where relative paths in settings resolve: `KROMA_APP_ROOT`, else the working directory. */
function appRoot(): string {
  return process.env.KROMA_APP_ROOT ?? process.cwd();
}
