import { runStageValues, runTimeOfDayValues, runWeatherValues } from "@kroma/contract/enums";
import type { Schema } from "@kroma/contract/types";
import type { Complete, ManifestFile } from "./schemas.js";

/**
 * The pipeline manifest: which references a project uses, how many candidates to generate
 * (`safe_batch_limit`: a run with more jobs stops before spending anything), how outputs are
 * guarded, and the prompt fragments. A file (`manifestSchema`) is merged over `defaultManifest`,
 * so every key is filled in; a missing file means these defaults.
 */
export type Manifest = Complete<ManifestFile>;

// A run's stage, time of day and weather are the spec's enums, listed by the contract.
export const stages = runStageValues;
export type Stage = Schema<"RunStage">;
export const timesOfDay = runTimeOfDayValues;
export type TimeOfDay = Schema<"RunTimeOfDay">;
export const weathers = runWeatherValues;
export type Weather = Schema<"RunWeather">;

/** The seed's defaults (`config/pipeline.manifest.json.example` ships the same values). */
export const defaultManifest: Manifest = {
  style_refs: [],
  scene_refs: [],
  safe_batch_limit: 20,
  generation: { candidates: 1, max_candidates: 6 },
  output_guard: { enforce_grayscale: false, max_chroma_delta: 2.0, fail_on_chroma_exceed: false },
  policy: { default_no_invention: true },
  prompts: {
    style_base:
      "Restyle this scene to match the style references: same composition, same objects and layout, only the rendering style changes.",
    time_day: "Daytime lighting: natural sunlight, soft shadows.",
    time_night: "Night-time lighting: dark sky, artificial light sources, deep shadows.",
    weather_clear: "Clear weather: dry surfaces, clean air.",
    weather_rain: "Rainy weather: wet reflective surfaces, falling rain, overcast light.",
  },
};
