import {
  effectivePostprocessSettings,
  loadPipelineConfig,
  type Manifest,
  type PipelineConfig,
  postprocessOverrides,
  type RawRunRequest,
  refuseIgnoredOverrides,
  withPromptOverrides,
} from "@kroma/pipeline";

/**
 * The configuration a server run uses: the project's layered settings with the request's
 * post-processing switches as the top layer (`post_upscale`...), and the manifest with its prompt
 * overrides (`style_base_prompt`...), as `kroma lab run` applies the same flags. A field tuning a
 * stage that is off is an error naming the field that turns it on.
 */
export async function runConfigFor(
  appRoot: string,
  projectRoot: string,
  request: RawRunRequest,
): Promise<{ config: PipelineConfig; manifest: Manifest }> {
  const postprocess = postprocessOverrides(request);
  const config = await loadPipelineConfig({
    appRoot,
    projectRoot,
    ...(postprocess ? { overrides: { postprocess }, overridesLabel: "the run request" } : {}),
  });
  refuseIgnoredOverrides(request, effectivePostprocessSettings(config.settings, config.postprocess));
  return { config, manifest: withPromptOverrides(config.manifest, request) };
}
