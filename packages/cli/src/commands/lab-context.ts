import { resolve } from "node:path";
import {
  effectivePostprocessSettings,
  loadPipelineConfig,
  type PipelineConfig,
  PipelineError,
  type PostprocessSettings,
  parseBoolean,
  type RunPostprocess,
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

/** The `--post-*` flags `lab dry` and `lab run` take (the seed's names). */
export interface PostprocessFlags {
  postBgRemove?: string | boolean;
  postUpscale?: string | boolean;
  upscaleBackend?: string;
  postColor?: string | boolean;
  postColorProfile?: string;
}

/**
 * The layered configuration a run uses: `--manifest` when given, else the one the layered settings
 * name (`<project_root>/.kroma/pipeline.settings.json`, then `config/pipeline.settings.toml` under the
 * app root, then `config/pipeline.manifest.json`), else the built-in defaults; the `--post-*` flags
 * are the top settings layer. Invalid settings are an error listing every problem, as
 * `kroma config validate` shows them.
 */
export async function loadRunConfig(
  flags: { manifest?: string } & PostprocessFlags,
  projectRoot: string,
): Promise<PipelineConfig> {
  const postprocess = {
    bg_remove: parseBoolean("--post-bg-remove", flags.postBgRemove),
    upscale: parseBoolean("--post-upscale", flags.postUpscale),
    upscale_backend: flags.upscaleBackend as PostprocessSettings["upscale_backend"] | undefined,
    color: parseBoolean("--post-color", flags.postColor),
    color_profile: flags.postColorProfile,
  };
  const given = Object.values(postprocess).some((value) => value !== undefined);
  const config = await loadPipelineConfig({
    appRoot: appRoot(),
    projectRoot,
    manifestPath: flags.manifest ? resolve(flags.manifest) : undefined,
    ...(given ? { overrides: { postprocess } } : {}),
  });
  refuseIgnoredFlags(flags, effectivePostprocessSettings(config.settings, config.postprocess));
  return config;
}

/**
 * A flag that tunes a stage the run does not use would be silently ignored: an error instead,
 * saying which switch turns the stage on.
 */
function refuseIgnoredFlags(flags: PostprocessFlags, effective: PostprocessSettings): void {
  if (flags.postColorProfile !== undefined && !effective.color) {
    throw new Error("--post-color-profile has no effect: colour correction is off (add --post-color)");
  }
  if (flags.upscaleBackend !== undefined && !effective.upscale) {
    throw new Error("--upscale-backend has no effect: upscaling is off (add --post-upscale)");
  }
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
