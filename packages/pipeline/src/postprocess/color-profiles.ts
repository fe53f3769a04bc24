import { resolve } from "node:path";
import { type builtInColorProfileNames, kindOf, readConfigDocument, schemaProblems } from "../config/schemas.js";
import { unknownProfileMessage } from "../config/settings.js";
import { type ConfigProblem, configError, PipelineError } from "../errors.js";

/**
 * One colour profile: enhancement factors in the sense of PIL's ImageEnhance (1.0 leaves the
 * image unchanged), a gamma, the autocontrast cutoff in percent (0 = off) and per-channel
 * multipliers. Applied in the seed's order by {@link applyColorProfile}.
 */
export interface ColorProfile {
  brightness: number;
  contrast: number;
  saturation: number;
  sharpness: number;
  gamma: number;
  autocontrast_cutoff: number;
  red_multiplier: number;
  green_multiplier: number;
  blue_multiplier: number;
}

/** The keys a profile may set, in the order they apply. */
export const colorProfileFields = [
  "autocontrast_cutoff",
  "brightness",
  "contrast",
  "saturation",
  "sharpness",
  "gamma",
  "red_multiplier",
  "green_multiplier",
  "blue_multiplier",
] as const satisfies readonly (keyof ColorProfile)[];

/** A profile that changes nothing; a settings file's partial profile is merged over it. */
export const identityColorProfile: ColorProfile = {
  brightness: 1,
  contrast: 1,
  saturation: 1,
  sharpness: 1,
  gamma: 1,
  autocontrast_cutoff: 0,
  red_multiplier: 1,
  green_multiplier: 1,
  blue_multiplier: 1,
};

const profile = (values: Partial<ColorProfile>): ColorProfile => ({ ...identityColorProfile, ...values });

/** The seed's three profiles (PIPELINE.md), exactly. */
export const builtInColorProfiles: Readonly<Record<(typeof builtInColorProfileNames)[number], ColorProfile>> = {
  neutral: profile({ contrast: 1.02 }),
  cinematic_warm: profile({
    brightness: 0.98,
    contrast: 1.12,
    saturation: 1.08,
    sharpness: 1.04,
    gamma: 1.03,
    red_multiplier: 1.04,
    blue_multiplier: 0.96,
  }),
  cold_rain: profile({
    brightness: 0.97,
    contrast: 1.1,
    saturation: 0.95,
    sharpness: 1.03,
    gamma: 1.01,
    red_multiplier: 0.97,
    blue_multiplier: 1.05,
  }),
};

/** The profiles available to a run: the built-ins plus (and possibly overriding) a settings file's. */
export interface ColorSettings {
  default_profile: string;
  profiles: Record<string, ColorProfile>;
  /** The file the extra profiles came from, when there was one. */
  file: string | null;
}

/**
 * The built-in profiles only, with `neutral` as the default.
 *
 * @example
 * defaultColorSettings().profiles.cold_rain.blue_multiplier; // 1.05
 */
export function defaultColorSettings(): ColorSettings {
  return { default_profile: "neutral", profiles: structuredClone({ ...builtInColorProfiles }), file: null };
}

/**
 * Reads a colour settings file (`{ default_profile, profiles: { name: { ...fields } } }`) and
 * merges its profiles over the built-ins; a profile sets only the fields it changes. A missing
 * file, a wrong shape, an unknown field or an out-of-range value is a `PipelineError` naming the
 * file and field, so a typo never silently leaves a profile unchanged.
 *
 * @example
 * const settings = await loadColorSettings("config/color.json");
 * settings.profiles.studio; // { brightness: 1.05, contrast: 1, ... }
 */
export async function loadColorSettings(path: string, cwd: string = process.cwd()): Promise<ColorSettings> {
  const file = resolve(cwd, path);
  const document = await readConfigDocument(file);
  if (document.status === "missing") {
    throw new PipelineError(`Color settings file not found: ${file}`, { field: "color_settings", file });
  }
  if (document.status === "invalid") throw configError("Color settings file is invalid", [document.problem]);
  const problems = schemaProblems("color-settings", document.value, file);
  if (problems.length > 0) throw configError("Color settings file is invalid", problems);
  const value = document.value as { default_profile?: string; profiles?: Record<string, Record<string, unknown>> };
  const settings = defaultColorSettings();
  for (const [name, fields] of Object.entries(value.profiles ?? {})) {
    problems.push(...profileProblems(file, name, fields));
    settings.profiles[name] = { ...(settings.profiles[name] ?? identityColorProfile), ...(fields as object) };
  }
  const defaultProfile = value.default_profile ?? settings.default_profile;
  if (!(defaultProfile in settings.profiles)) {
    const known = Object.keys(settings.profiles);
    problems.push({ file, field: "default_profile", message: unknownProfileMessage(known) });
  }
  if (problems.length > 0) throw configError("Color settings file is invalid", problems);
  return { ...settings, default_profile: defaultProfile, file };
}

/** Each field a known name and a finite number in its range (messages never quote the file's values). */
function profileProblems(file: string, name: string, fields: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const field = `profiles.${name}.${key}`;
    if (!(colorProfileFields as readonly string[]).includes(key)) {
      problems.push({ file, field, message: `unknown key; allowed: ${colorProfileFields.join(", ")}` });
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      problems.push({ file, field, message: `must be a number (got ${kindOf(value)})` });
    } else if (key === "gamma" && value <= 0) {
      problems.push({ file, field, message: "must be > 0" });
    } else if (key === "autocontrast_cutoff" && (value < 0 || value >= 50)) {
      problems.push({ file, field, message: "must be a percentage from 0 to under 50" });
    } else if (value < 0) {
      problems.push({ file, field, message: "must be >= 0" });
    }
  }
  return problems;
}

/**
 * The profile called `name` (default: the settings' default profile), or a `PipelineError`
 * listing the profiles there are.
 *
 * @example
 * resolveColorProfile(defaultColorSettings(), "cinematic_warm").red_multiplier; // 1.04
 */
export function resolveColorProfile(settings: ColorSettings, name?: string): ColorProfile {
  const wanted = name ?? settings.default_profile;
  const found = settings.profiles[wanted];
  if (!found) {
    throw new PipelineError(unknownProfileMessage(Object.keys(settings.profiles), name), { field: "profile" });
  }
  return found;
}
