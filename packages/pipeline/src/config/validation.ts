import { resolve } from "node:path";
import type { Schema } from "@kroma/contract/types";
import { type ConfigProblem, configError } from "../errors.js";
import type { Manifest } from "./manifest.js";
import { deepMerge, inspectManifest } from "./manifest-loader.js";
import {
  builtInColorProfileNames,
  type Complete,
  type PostprocessConfigFile,
  readConfigDocument,
  schemaProblems,
} from "./schemas.js";
import {
  checkColorProfiles,
  mergeSettingsLayers,
  type ResolvedPipelineSettings,
  type ResolvePipelineSettingsOptions,
  readSettingsLayers,
  type SettingKey,
  type SettingsLayers,
  unknownProfileMessage,
} from "./settings.js";

type Section<K extends keyof PostprocessConfigFile> = NonNullable<PostprocessConfigFile[K]>;
/** `T` with the keys `K` filled in (the defaults have them) and the rest as the file gave them. */
type Filled<T, K extends keyof T> = { [P in keyof T as P extends K ? never : P]: T[P] } & {
  [P in K]-?: Exclude<T[P], undefined>;
};

/**
 * `postprocess.json` (`postprocessConfigSchema`) after merging over the defaults: what the defaults
 * set is always there; backend options stay as the file gave them.
 */
export interface PostprocessConfig {
  upscale: Filled<Section<"upscale">, "backend" | "scale" | "format">;
  color: Filled<Section<"color">, "default_profile">;
  bg_remove: Filled<Omit<Section<"bg_remove">, "openai">, "backends" | "format"> & {
    openai: Complete<NonNullable<Section<"bg_remove">["openai"]>>;
  };
}

/** What a missing `postprocess.json` means (and what a partial one is merged over). */
export const defaultPostprocessConfig: PostprocessConfig = {
  upscale: { backend: "sharp", scale: 2, format: "png" },
  color: { default_profile: "neutral" },
  bg_remove: { backends: ["local"], format: "png", openai: { enabled: false, required: false } },
};

/** A `postprocess.json` checked, with the colour profiles it makes available. */
export interface PostprocessConfigInspection {
  file: string;
  found: boolean;
  config: PostprocessConfig;
  /** Built-in profiles plus those the colour settings file defines. */
  color_profiles: string[];
  /** The colour settings file, absolute, when `color.settings_path` names one. */
  color_settings_path: string | null;
  problems: ConfigProblem[];
}

/**
 * Reads and checks a `postprocess.json` without throwing, including the colour settings file it
 * names (`color.settings_path`, relative to `baseDir`) and `color.default_profile` against the
 * profiles that exist.
 *
 * @example
 * const { config, problems } = await inspectPostprocessConfig("/app/config/postprocess.json", "/app");
 */
export async function inspectPostprocessConfig(path: string, baseDir: string): Promise<PostprocessConfigInspection> {
  const file = resolve(baseDir, path);
  const defaults = (): PostprocessConfig => structuredClone(defaultPostprocessConfig);
  const empty = { file, color_profiles: [...builtInColorProfileNames], color_settings_path: null };
  const document = await readConfigDocument(file);
  if (document.status === "missing") return { ...empty, found: false, config: defaults(), problems: [] };
  if (document.status === "invalid") return { ...empty, found: true, config: defaults(), problems: [document.problem] };
  const problems = schemaProblems("postprocess", document.value, file);
  if (problems.length > 0) return { ...empty, found: true, config: defaults(), problems };

  const config = deepMerge(defaults(), document.value) as PostprocessConfig;
  const colorProfiles: string[] = [...builtInColorProfileNames];
  let colorSettingsPath: string | null = null;
  if (config.color.settings_path) {
    // Same base as postprocess.json's own path: the root of the layer that named it.
    colorSettingsPath = resolve(baseDir, config.color.settings_path);
    const color = await readColorSettings(colorSettingsPath, file);
    problems.push(...color.problems);
    colorProfiles.push(...color.profiles.filter((name) => !colorProfiles.includes(name)));
  }
  if (!colorProfiles.includes(config.color.default_profile)) {
    problems.push({
      file,
      field: "color.default_profile",
      message: unknownProfileMessage(colorProfiles),
    });
  }
  return { file, found: true, config, color_profiles: colorProfiles, color_settings_path: colorSettingsPath, problems };
}

async function readColorSettings(
  colorFile: string,
  postprocessFile: string,
): Promise<{ profiles: string[]; problems: ConfigProblem[] }> {
  const document = await readConfigDocument(colorFile);
  if (document.status === "missing") {
    const message = `color settings file not found: ${colorFile}`;
    return { profiles: [], problems: [{ file: postprocessFile, field: "color.settings_path", message }] };
  }
  if (document.status === "invalid") return { profiles: [], problems: [document.problem] };
  const problems = schemaProblems("color-settings", document.value, colorFile);
  if (problems.length > 0) return { profiles: [], problems };
  const value = document.value as { default_profile?: string; profiles?: Record<string, unknown> };
  const profiles = Object.keys(value.profiles ?? {});
  const known = [...builtInColorProfileNames, ...profiles];
  if (value.default_profile !== undefined && !known.includes(value.default_profile)) {
    problems.push({
      file: colorFile,
      field: "default_profile",
      message: unknownProfileMessage(known),
    });
  }
  return { profiles, problems };
}

export interface ValidatePipelineConfigOptions extends ResolvePipelineSettingsOptions {
  /** Check this manifest instead of the one the settings name (an override of `pipeline.manifest_path`). */
  manifestPath?: string | undefined;
  /** Check this postprocess config instead (an override of `pipeline.postprocess_config_path`). */
  postprocessConfigPath?: string | undefined;
}

/** Which files were read and which paths are in effect, as `POST /runs/validate-config` reports them. */
type LoadedFiles = Pick<
  Schema<"ValidateRunConfigResponse">["summary"],
  | "app_settings_loaded"
  | "project_settings_loaded"
  | "resolved_manifest_path"
  | "resolved_postprocess_config_path"
  | "manifest_loaded"
  | "postprocess_config_loaded"
>;

/** The whole configuration stack checked: every problem, and what is in effect despite them. */
export interface PipelineConfigValidation extends LoadedFiles {
  ok: boolean;
  problems: ConfigProblem[];
  /** Values in effect with their origins; invalid values are skipped, so the layer below shows. */
  settings: ResolvedPipelineSettings;
  color_settings_path: string | null;
}

/**
 * Checks the layered settings, the manifest and `postprocess.json` (and the colour settings file
 * it names) and reports every problem as `{ file, field, message }`; it never throws for a bad
 * config. A missing default file is fine (defaults apply); a missing file that something names is a
 * problem on the field that names it.
 *
 * @example
 * const result = await validatePipelineConfig({ appRoot: process.cwd(), projectRoot: "/projects/demo" });
 * for (const p of result.problems) console.error(`${p.file}: ${p.field}: ${p.message}`);
 */
export async function validatePipelineConfig(
  options: ValidatePipelineConfigOptions,
): Promise<PipelineConfigValidation> {
  return (await checkPipelineConfig(options)).validation;
}

/** Everything a run needs from configuration, checked. */
export interface PipelineConfig {
  settings: ResolvedPipelineSettings;
  manifest: Manifest;
  postprocess: PostprocessConfig;
  /** Built-in colour profiles plus those the colour settings file defines. */
  color_profiles: string[];
  color_settings_path: string | null;
}

/**
 * Settings, manifest and postprocess config for a run, or a `PipelineError` listing every problem
 * (its `problems` holds them as data).
 *
 * @example
 * const { settings, manifest } = await loadPipelineConfig({ appRoot, projectRoot, overrides: { postprocess: { color: true } } });
 */
export async function loadPipelineConfig(options: ValidatePipelineConfigOptions): Promise<PipelineConfig> {
  const { validation, manifest, postprocess } = await checkPipelineConfig(options);
  if (!validation.ok) throw configError("Pipeline configuration is invalid", validation.problems);
  return {
    settings: validation.settings,
    manifest: manifest.manifest,
    postprocess: postprocess.config,
    color_profiles: postprocess.color_profiles,
    color_settings_path: postprocess.color_settings_path,
  };
}

async function checkPipelineConfig(options: ValidatePipelineConfigOptions) {
  const appRoot = resolve(options.appRoot);
  const overrides = { ...options.overrides };
  if (options.manifestPath !== undefined) overrides.manifest_path = options.manifestPath;
  if (options.postprocessConfigPath !== undefined) overrides.postprocess_config_path = options.postprocessConfigPath;
  const hasOverrides = options.overrides !== undefined || Object.keys(overrides).length > 0;
  const read = await readSettingsLayers({ ...options, appRoot, overrides: hasOverrides ? overrides : undefined });
  const problems = [...read.problems];

  const postprocessKey: SettingKey = "pipeline.postprocess_config_path";
  const postprocessPath = mergeSettingsLayers(read, appRoot).values.postprocess_config_path;
  const postprocess = await inspectPostprocessConfig(postprocessPath, baseDirOf(read, postprocessKey, appRoot));
  problems.push(...missingReferenced(read, postprocessKey, postprocess, "postprocess config"), ...postprocess.problems);

  // Profiles are checked once the colour settings file is known: it may define the ones a layer names.
  problems.push(...checkColorProfiles(read.layers, postprocess.color_profiles));
  const settings = mergeSettingsLayers(read, appRoot);

  const manifestKey: SettingKey = "pipeline.manifest_path";
  const manifest = await inspectManifest(settings.values.manifest_path);
  problems.push(...missingReferenced(read, manifestKey, manifest, "manifest"), ...manifest.problems);

  const validation: PipelineConfigValidation = {
    ok: problems.length === 0,
    problems,
    settings,
    app_settings_loaded: read.app_settings_path !== null && !problems.some(isSyntaxProblemOf(read.app_settings_path)),
    project_settings_loaded:
      read.project_settings_path !== null && !problems.some(isSyntaxProblemOf(read.project_settings_path)),
    resolved_manifest_path: settings.values.manifest_path,
    resolved_postprocess_config_path: settings.values.postprocess_config_path,
    manifest_loaded: manifest.found && manifest.problems.length === 0,
    postprocess_config_loaded: postprocess.found && postprocess.problems.length === 0,
    color_settings_path: postprocess.color_settings_path,
  };
  return { validation, manifest, postprocess };
}

/** The directory relative paths of `key` resolve against: that of the layer that set it, else the app root. */
function baseDirOf(read: SettingsLayers, key: SettingKey, appRoot: string): string {
  return read.layers.find((layer) => layer.values.has(key))?.baseDir ?? appRoot;
}

/** A file named by a layer must exist; only the built-in default path may be absent. */
function missingReferenced(
  read: SettingsLayers,
  key: SettingKey,
  inspection: { found: boolean; file: string },
  what: string,
): ConfigProblem[] {
  const layer = read.layers.find((candidate) => candidate.values.has(key));
  if (inspection.found || !layer) return [];
  return [{ file: layer.file, field: key, message: `${what} file not found: ${inspection.file}` }];
}

/** A file with a syntax or read error (field "") was found but not loaded. */
const isSyntaxProblemOf = (file: string) => (problem: ConfigProblem) => problem.file === file && problem.field === "";
