/**
 * @kroma/pipeline: settings layering, planning, generation, post-processing and run logs.
 * This package has no HTTP and no database; the server and the CLI call into it.
 */
export { defaultManifest, type Manifest, type Stage, stages, type TimeOfDay, timesOfDay, type Weather, weathers } from "./manifest.js";

/** Post-process stages in the fixed order the pipeline runs them. */
export const postprocessStages = ["bg_remove", "bg_refine_openai", "upscale", "color"] as const;
export type PostprocessStage = (typeof postprocessStages)[number];
