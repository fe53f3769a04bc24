/**
 * @kroma/pipeline: settings layering, planning, generation, post-processing and run logs.
 * This package has no HTTP and no database; the server and the CLI call into it.
 */

/** Post-process stages in the fixed order the pipeline runs them. */
export const postprocessStages = ["bg_remove", "bg_refine_openai", "upscale", "color"] as const;
export type PostprocessStage = (typeof postprocessStages)[number];

/** Built-in postprocess defaults, the lowest layer of the pipeline settings. */
export const defaultPostprocessSettings = {
  upscale: false,
  upscale_backend: "sharp",
  color: false,
  color_profile: "neutral",
  bg_remove: false,
  bg_remove_backends: ["photoroom", "removebg"],
  bg_refine_openai: false,
  bg_refine_openai_required: false,
} as const;
