import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import { PipelineError } from "../errors.js";

/** The sentence appended when the manifest's policy forbids inventing objects. */
export const noInventionSentence = "Do not invent new object categories.";

/** Which prompt fragments a run needs. */
export interface PromptSelection {
  stage: Stage;
  time: TimeOfDay;
  weather: Weather;
}

/**
 * The prompt every job of a run shares: `style_base`; then `time_<time>` when the stage is
 * `time` or `weather`; then `weather_<weather>` when the stage is `weather`; then the
 * no-invention sentence when `policy.default_no_invention`. Fragments are trimmed and joined with
 * single spaces. A needed fragment that is missing or blank is an error naming its key; fragments
 * the stage does not use are never checked.
 *
 * @example
 * composePrompt(defaultManifest, { stage: "time", time: "night", weather: "clear" });
 * // "<style_base> <time_night> Do not invent new object categories."
 */
export function composePrompt(manifest: Pick<Manifest, "prompts" | "policy">, selection: PromptSelection): string {
  const keys = ["style_base"];
  if (selection.stage === "time" || selection.stage === "weather") keys.push(`time_${selection.time}`);
  if (selection.stage === "weather") keys.push(`weather_${selection.weather}`);
  // Manifests are user files: index loosely so an unexpected key is reported, not a type error.
  const prompts = (manifest.prompts ?? {}) as Record<string, unknown>;
  const parts = keys.map((key) => {
    const value = prompts[key];
    if (typeof value !== "string" || value.trim() === "") {
      throw new PipelineError(`Manifest prompt '${key}' is missing`, { field: `prompts.${key}` });
    }
    return value.trim();
  });
  if (manifest.policy?.default_no_invention) parts.push(noInventionSentence);
  return parts.join(" ");
}
