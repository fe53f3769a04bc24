import { join, resolve } from "node:path";
import type { Schema } from "@kroma/contract/types";
import { type ConfigProblem, configError } from "../errors.js";
import {
  builtInColorProfileNames,
  type Complete,
  type ConfigDocument,
  type PipelineSettingsFile,
  readConfigDocument,
  schemaProblems,
} from "./schemas.js";

/** The `[pipeline]` section of a settings file (`pipelineSettingsSchema`), fully resolved. */
export type PipelineSettings = Complete<NonNullable<PipelineSettingsFile["pipeline"]>>;

/** Post-process planning defaults: which stages run and with which backend/profile. */
export type PostprocessSettings = PipelineSettings["postprocess"];

/** What a caller (CLI flags, an API request) sets on top of the files; unset or `undefined` keys fall through. */
export interface PipelineSettingsOverrides {
  manifest_path?: string | undefined;
  postprocess_config_path?: string | undefined;
  postprocess?: { [K in keyof PostprocessSettings]?: PostprocessSettings[K] | undefined } | undefined;
}

/** The built-in layer, below every file. */
export const defaultPipelineSettings: PipelineSettings = {
  manifest_path: "config/pipeline.manifest.json",
  postprocess_config_path: "config/postprocess.json",
  postprocess: {
    upscale: false,
    upscale_backend: "sharp",
    color: false,
    color_profile: "neutral",
    bg_remove: false,
    bg_remove_backends: ["local"],
    bg_refine_openai: false,
    bg_refine_openai_required: false,
  },
};

/** Every setting, by the dotted name a settings file uses. */
export const settingKeys = [
  "pipeline.manifest_path",
  "pipeline.postprocess_config_path",
  "pipeline.postprocess.upscale",
  "pipeline.postprocess.upscale_backend",
  "pipeline.postprocess.color",
  "pipeline.postprocess.color_profile",
  "pipeline.postprocess.bg_remove",
  "pipeline.postprocess.bg_remove_backends",
  "pipeline.postprocess.bg_refine_openai",
  "pipeline.postprocess.bg_refine_openai_required",
] as const;
export type SettingKey = (typeof settingKeys)[number];

const pathKeys: readonly SettingKey[] = ["pipeline.manifest_path", "pipeline.postprocess_config_path"];

/** The layers, highest first. */
export type SettingSource = Schema<"ResolvedSetting">["source"];

/** Where a resolved value came from: the layer, and the file for file layers. */
export type SettingOrigin = Pick<Schema<"ResolvedSetting">, "source" | "file">;

/** The settings in effect, with each value's origin. Manifest and postprocess paths are absolute. */
export interface ResolvedPipelineSettings {
  values: PipelineSettings;
  sources: Record<SettingKey, SettingOrigin>;
  /** The app settings file that was read, or null when there was none. */
  app_settings_path: string | null;
  /** The project settings file that was read, or null when there was none. */
  project_settings_path: string | null;
}

export interface ResolvePipelineSettingsOptions {
  /** The app root: holds `config/`, and the base of relative paths set by the app layer, overrides and defaults. */
  appRoot: string;
  /** The project root: holds `.kroma/pipeline.settings.json`, and the base of relative paths set there. */
  projectRoot?: string | undefined;
  overrides?: PipelineSettingsOverrides | undefined;
  /** Read this app settings file instead of `config/pipeline.settings.toml` (else `.json`); it must exist. */
  appSettingsPath?: string | undefined;
  /** Read this project settings file instead of `<projectRoot>/.kroma/pipeline.settings.json`; it must exist. */
  projectSettingsPath?: string | undefined;
  /** How problems in `overrides` name their source (default "overrides"; the CLI says "command line"). */
  overridesLabel?: string | undefined;
}

/** One layer's valid values, before merging. Values that failed validation are left out. */
export interface SettingsLayer {
  source: Exclude<SettingSource, "default">;
  /** The file, or the overrides label. */
  file: string;
  /** Relative paths set by this layer resolve against this directory. */
  baseDir: string;
  values: Map<SettingKey, unknown>;
}

/** Every layer above the defaults, highest first, and every problem found reading them. */
export interface SettingsLayers {
  layers: SettingsLayer[];
  problems: ConfigProblem[];
  app_settings_path: string | null;
  project_settings_path: string | null;
}

/**
 * The pipeline settings in effect: overrides over project settings over app settings over the
 * built-in defaults, with the origin of every value. Throws a `PipelineError` listing every
 * problem when a layer is invalid (use `validatePipelineConfig` to get them as data instead).
 *
 * @example
 * const settings = await resolvePipelineSettings({
 *   appRoot: process.cwd(),
 *   projectRoot: "/projects/demo",
 *   overrides: { postprocess: { upscale: true } },
 * });
 * settings.values.postprocess.upscale_backend; // "sharp", unless a file set it
 * settings.sources["pipeline.postprocess.upscale"]; // { source: "override", file: "overrides" }
 */
export async function resolvePipelineSettings(
  options: ResolvePipelineSettingsOptions & {
    /** Colour profile names accepted besides the built-ins (those a colour settings file defines). */
    extraColorProfiles?: readonly string[];
  },
): Promise<ResolvedPipelineSettings> {
  const read = await readSettingsLayers(options);
  const problems = [
    ...read.problems,
    ...checkColorProfiles(read.layers, [...builtInColorProfileNames, ...(options.extraColorProfiles ?? [])]),
  ];
  if (problems.length > 0) throw configError("Pipeline settings are invalid", problems);
  return mergeSettingsLayers(read, options.appRoot);
}

/**
 * Reads the override, project and app layers and checks each against the settings schema.
 * A missing default file is no layer; a missing file named explicitly is a problem.
 *
 * @example
 * const { layers, problems } = await readSettingsLayers({ appRoot: "/app" });
 */
export async function readSettingsLayers(given: ResolvePipelineSettingsOptions): Promise<SettingsLayers> {
  const appRoot = resolve(given.appRoot);
  const options = { ...given, appRoot, projectRoot: given.projectRoot && resolve(appRoot, given.projectRoot) };
  const problems: ConfigProblem[] = [];
  const layers: SettingsLayer[] = [];

  if (options.overrides) {
    const file = options.overridesLabel ?? "overrides";
    // Wrapped like a settings file so its problems read `pipeline.postprocess.x`, as in the files.
    const document = { pipeline: withoutUndefined(options.overrides) };
    layers.push(toLayer("override", file, options.appRoot, document, problems));
  }

  const project = await readProjectSettings(options);
  if (project.status === "parsed") {
    // Relative paths resolve against the root of the layer that set them. A project's settings travel
    // with the project (it may be moved, or live on another disk than the app), so a relative manifest
    // path there names a file inside the project, next to its scenes; against the app root it would
    // silently point at a different file on every machine.
    layers.push(toLayer("project", project.file, options.projectRoot ?? options.appRoot, project.value, problems));
  } else if (project.status === "invalid") problems.push(project.problem);
  else if (project.explicit) problems.push(missingFile(project.file, "project settings file"));

  const app = await readAppSettings(options);
  if (app.status === "parsed") layers.push(toLayer("app", app.file, options.appRoot, app.value, problems));
  else if (app.status === "invalid") problems.push(app.problem);
  else if (app.explicit) problems.push(missingFile(app.file, "app settings file"));

  return {
    layers,
    problems,
    app_settings_path: app.status === "missing" ? null : app.file,
    project_settings_path: project.status === "missing" ? null : project.file,
  };
}

/**
 * Merges layers (highest first) over the defaults. Relative manifest and postprocess paths become
 * absolute against the base of the layer that set them; defaults resolve against the app root.
 *
 * @example
 * const resolved = mergeSettingsLayers(await readSettingsLayers({ appRoot }), appRoot);
 */
export function mergeSettingsLayers(
  read: Pick<SettingsLayers, "layers" | "app_settings_path" | "project_settings_path">,
  appRoot: string,
): ResolvedPipelineSettings {
  const flat = new Map<SettingKey, unknown>();
  const sources = {} as Record<SettingKey, SettingOrigin>;
  for (const key of settingKeys) {
    const layer = read.layers.find((candidate) => candidate.values.has(key));
    const raw = layer ? layer.values.get(key) : valueAt(defaultPipelineSettings, key.split(".").slice(1));
    const value = pathKeys.includes(key) ? resolve(layer?.baseDir ?? appRoot, raw as string) : raw;
    flat.set(key, Array.isArray(value) ? [...value] : value);
    sources[key] = layer ? { source: layer.source, file: layer.file } : { source: "default" };
  }
  const get = <T>(key: SettingKey) => flat.get(key) as T;
  return {
    values: {
      manifest_path: get("pipeline.manifest_path"),
      postprocess_config_path: get("pipeline.postprocess_config_path"),
      postprocess: {
        upscale: get("pipeline.postprocess.upscale"),
        upscale_backend: get("pipeline.postprocess.upscale_backend"),
        color: get("pipeline.postprocess.color"),
        color_profile: get("pipeline.postprocess.color_profile"),
        bg_remove: get("pipeline.postprocess.bg_remove"),
        bg_remove_backends: get("pipeline.postprocess.bg_remove_backends"),
        bg_refine_openai: get("pipeline.postprocess.bg_refine_openai"),
        bg_refine_openai_required: get("pipeline.postprocess.bg_refine_openai_required"),
      },
    },
    sources,
    app_settings_path: read.app_settings_path,
    project_settings_path: read.project_settings_path,
  };
}

/**
 * Problems for every `color_profile` that names no known profile; those values are removed from
 * their layer so the next layer down applies.
 *
 * @example
 * const problems = checkColorProfiles(layers, ["neutral", "cinematic_warm", "cold_rain", "studio"]);
 */
export function checkColorProfiles(layers: SettingsLayer[], known: readonly string[]): ConfigProblem[] {
  const key: SettingKey = "pipeline.postprocess.color_profile";
  const problems: ConfigProblem[] = [];
  for (const layer of layers) {
    const profile = layer.values.get(key);
    if (profile === undefined || known.includes(profile as string)) continue;
    layer.values.delete(key);
    // An override is the caller's own input (a flag, a request field): naming it back is safe.
    const named = layer.source === "override" ? String(profile) : undefined;
    problems.push({ file: layer.file, field: key, message: unknownProfileMessage(known, named) });
  }
  return problems;
}

/**
 * The message for a colour profile nobody defines; shared with the postprocess config check. A
 * name read from a file is never quoted (messages never echo a file's values): pass `name` only
 * for the caller's own input. The known names are the built-ins and the colour settings file's keys.
 */
export function unknownProfileMessage(known: readonly string[], name?: string): string {
  const what = name === undefined ? "names an unknown color profile" : `unknown color profile ${JSON.stringify(name)}`;
  return `${what}; known profiles: ${known.join(", ")} (add more in the color settings file named by postprocess.json color.settings_path)`;
}

/** The resolved settings as rows (`key`, JSON value, origin), for tables and run logs. */
export function listResolvedSettings(
  resolved: ResolvedPipelineSettings,
): { key: SettingKey; value: unknown; source: SettingSource; file?: string }[] {
  return settingKeys.map((key) => ({
    key,
    value: valueAt(resolved.values, key.split(".").slice(1)),
    ...resolved.sources[key],
  }));
}

type LayerFile =
  | (ConfigDocument & { explicit: boolean })
  | { status: "missing"; file: string | undefined; explicit: false };

async function readProjectSettings(options: ResolvePipelineSettingsOptions): Promise<LayerFile> {
  if (options.projectSettingsPath) {
    const file = resolve(options.projectRoot ?? options.appRoot, options.projectSettingsPath);
    return { ...(await readConfigDocument(file)), explicit: true };
  }
  if (!options.projectRoot) return { status: "missing", file: undefined, explicit: false };
  const file = join(options.projectRoot, ".kroma", "pipeline.settings.json");
  return { ...(await readConfigDocument(file)), explicit: false };
}

async function readAppSettings(options: ResolvePipelineSettingsOptions): Promise<LayerFile & { file: string }> {
  if (options.appSettingsPath) {
    return { ...(await readConfigDocument(resolve(options.appRoot, options.appSettingsPath))), explicit: true };
  }
  // TOML is the format to write; the JSON file is the seed's older format, read only when there is no TOML.
  const toml = await readConfigDocument(join(options.appRoot, "config", "pipeline.settings.toml"));
  if (toml.status !== "missing") return { ...toml, explicit: false };
  return { ...(await readConfigDocument(join(options.appRoot, "config", "pipeline.settings.json"))), explicit: false };
}

function toLayer(
  source: SettingsLayer["source"],
  file: string,
  baseDir: string,
  document: unknown,
  problems: ConfigProblem[],
): SettingsLayer {
  const found = schemaProblems("settings", document, file);
  problems.push(...found);
  const values = new Map<SettingKey, unknown>();
  for (const key of settingKeys) {
    const value = valueAt(document, key.split("."));
    if (value !== undefined && !found.some((problem) => affects(problem.field, key))) values.set(key, value);
  }
  return { source, file, baseDir, values };
}

/** Whether a problem at `field` makes the value of `key` unusable (the key itself, inside it, or a parent). */
function affects(field: string, key: string): boolean {
  return (
    field === "" ||
    field === key ||
    key.startsWith(`${field}.`) ||
    field.startsWith(`${key}.`) ||
    field.startsWith(`${key}[`)
  );
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function withoutUndefined(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([name, entry]) => [name, withoutUndefined(entry)]),
  );
}

function missingFile(file: string, what: string): ConfigProblem {
  return { file, field: "", message: `${what} not found` };
}
