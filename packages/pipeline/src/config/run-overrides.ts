import { PipelineError } from "../errors.js";
import { parseBoolean, type RawRunRequest } from "../plan/run-request.js";
import type { Manifest } from "./manifest.js";
import type { PostprocessSettings } from "./settings.js";

// What a run request may change of the layered configuration: the post-processing switches (the
// top settings layer) and the manifest's prompts. `kroma lab dry|run` takes them as flags and the
// trigger as body fields of the same names, so both paths configure a run the same way.

/** Names a request field the way its caller spells it: a flag for the CLI, the field for the API. */
export type FieldNamer = (field: string) => string;

/** The API's name: the field itself. */
export const bodyField: FieldNamer = (field) => field;

/** `post_color_profile` → `--post-color-profile`. */
export const cliFlag: FieldNamer = (field) => `--${field.replaceAll("_", "-")}`;

/**
 * The post-processing a request switches, as a settings override layer; `undefined` when it
 * switches nothing (so the settings files decide alone).
 *
 * @example
 * postprocessOverrides({ post_upscale: "yes", upscale_backend: "sharp" }); // { upscale: true, upscale_backend: "sharp" }
 */
export function postprocessOverrides(
  raw: RawRunRequest,
  name: FieldNamer = bodyField,
): Partial<PostprocessSettings> | undefined {
  const text = (field: "upscale_backend" | "post_color_profile") => {
    const value = raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      throw new PipelineError(`Field '${name(field)}' must be a name`, { field });
    }
    return value.trim();
  };
  const overrides = {
    bg_remove: parseBoolean(name("post_bg_remove"), raw.post_bg_remove),
    upscale: parseBoolean(name("post_upscale"), raw.post_upscale),
    upscale_backend: text("upscale_backend") as PostprocessSettings["upscale_backend"] | undefined,
    color: parseBoolean(name("post_color"), raw.post_color),
    color_profile: text("post_color_profile"),
  };
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return given.length > 0 ? (Object.fromEntries(given) as Partial<PostprocessSettings>) : undefined;
}

/**
 * A field that tunes a stage the run does not use would be silently ignored: an error instead,
 * saying which switch turns the stage on.
 */
export function refuseIgnoredOverrides(
  raw: RawRunRequest,
  effective: PostprocessSettings,
  name: FieldNamer = bodyField,
): void {
  if (raw.post_color_profile !== undefined && !effective.color) {
    throw new PipelineError(
      `${name("post_color_profile")} has no effect: colour correction is off (add ${name("post_color")})`,
      { field: "post_color_profile" },
    );
  }
  if (raw.upscale_backend !== undefined && !effective.upscale) {
    throw new PipelineError(
      `${name("upscale_backend")} has no effect: upscaling is off (add ${name("post_upscale")})`,
      {
        field: "upscale_backend",
      },
    );
  }
}

/** The request fields that replace one of the manifest's prompts, by prompt key. */
const promptFields = {
  style_base: "style_base_prompt",
  time_day: "time_day_prompt",
  time_night: "time_night_prompt",
  weather_clear: "weather_clear_prompt",
  weather_rain: "weather_rain_prompt",
} as const;

/**
 * The manifest with the request's prompt overrides (`style_base_prompt` replaces
 * `prompts.style_base`, and so on); a blank or non-string override is an error naming it.
 */
export function withPromptOverrides(manifest: Manifest, raw: RawRunRequest, name: FieldNamer = bodyField): Manifest {
  const given: Record<string, string> = {};
  for (const [key, field] of Object.entries(promptFields)) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || value.trim() === "") {
      throw new PipelineError(`Field '${name(field)}' must be a non-empty prompt`, { field });
    }
    given[key] = value;
  }
  if (Object.keys(given).length === 0) return manifest;
  return { ...manifest, prompts: { ...manifest.prompts, ...given } };
}
