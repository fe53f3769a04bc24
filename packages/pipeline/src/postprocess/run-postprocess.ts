import type { PostprocessSettings } from "../config/settings.js";
import type { PipelineConfig } from "../config/validation.js";
import { logPath } from "../plan/run-log.js";
import {
  effectivePostprocessSettings,
  enabledPostprocessStages,
  type PostprocessChainResult,
  type PostprocessContext,
} from "./chain.js";
import { type ColorSettings, defaultColorSettings, loadColorSettings } from "./color-profiles.js";
import { openImage } from "./image-io.js";

/** What a run's post-processing needs: the switches in effect and how to reach each backend. */
export interface RunPostprocess {
  /** The effective settings (layered settings over `postprocess.json`). */
  settings: PostprocessSettings;
  /**
   * Backends' configuration, keys and endpoints. Never written to a log or a journal (it holds
   * keys); a resumed run is given it again.
   */
  context?: RunPostprocessContext;
}

/** The chain's context minus what the run itself decides (root, archive policy, stamp, cancel). */
export type RunPostprocessContext = Omit<PostprocessContext, "projectRoot" | "archiveReplaced" | "stamp" | "signal">;

/** The run log's `postprocess` when no stage is enabled (the seed's "all off" object). */
export const postprocessOff = {
  upscale: false,
  upscale_backend: null,
  color: false,
  color_profile: null,
  bg_remove: false,
  bg_remove_backends: [],
  bg_refine_openai: false,
  bg_refine_openai_required: false,
  pipeline_order: ["generate"],
};

/**
 * The run log's `postprocess` object, in the seed's shape: every switch, and `pipeline_order`
 * listing `generate` then the enabled stages in the order they run.
 *
 * @example
 * postprocessForLog({ ...settings, color: true }).pipeline_order; // ["generate", "color"]
 */
export function postprocessForLog(settings: PostprocessSettings | undefined) {
  if (!settings) return postprocessOff;
  return { ...settings, pipeline_order: ["generate", ...enabledPostprocessStages(settings)] };
}

/**
 * The post-processing a run uses, from its loaded configuration: the effective settings and the
 * colour profiles (built-ins plus the colour settings file `postprocess.json` names), plus the
 * keys and endpoints the caller resolved.
 *
 * @example
 * const config = await loadPipelineConfig({ appRoot, projectRoot, overrides });
 * const postprocess = await runPostprocessFrom(config, { keys: { photoroom }, baseDir: appRoot });
 */
export async function runPostprocessFrom(
  config: PipelineConfig,
  context: Omit<RunPostprocessContext, "config" | "colorSettings"> = {},
): Promise<RunPostprocess> {
  const settings = effectivePostprocessSettings(config.settings, config.postprocess);
  const colorSettings: ColorSettings = config.color_settings_path
    ? await loadColorSettings(config.color_settings_path)
    : defaultColorSettings();
  return { settings, context: { ...context, config: config.postprocess, colorSettings } };
}

/** The chain's result as the run log records it: paths relative to the project root, sizes read back. */
export async function chainForLog(root: string, chain: PostprocessChainResult) {
  const stages = [];
  for (const record of chain.records) {
    const size = record.output && record.status === "done" ? await imageSize(record.output) : {};
    stages.push({
      ...record,
      input: logPath(root, record.input),
      output: record.output === null ? null : logPath(root, record.output),
      ...size,
    });
  }
  return {
    status: chain.status,
    final_output: logPath(root, chain.final_output),
    pipeline_order: chain.pipeline_order,
    stages,
  };
}

/** Width and height from the image's header; nothing when it cannot be read. */
async function imageSize(path: string): Promise<{ width?: number; height?: number }> {
  try {
    const { width, height } = await openImage(path).metadata();
    return width && height ? { width, height } : {};
  } catch {
    return {};
  }
}
