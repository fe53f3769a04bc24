import { PipelineError } from "../errors.js";
import { enabledPostprocessStages } from "./chain.js";
import { type BackendCheck, checkPostprocessBackends } from "./doctor.js";
import type { RunPostprocess } from "./run-postprocess.js";

/** A stage that is on but cannot run here, and how to fix it. */
export interface PreflightProblem {
  stage: BackendCheck["stage"];
  /** The backends the settings pick for it, none of which can run. */
  backends: string[];
  fix: string;
}

/**
 * What of a run's post-processing cannot finish on this machine, with `kroma doctor`'s checks:
 * the upscale backend the settings pick, at least one of the background-removal backends (the
 * chain falls back along the list), and the OpenAI refine pass when it is required (an optional
 * one is skipped with a warning). Colour correction is sharp's and always runs.
 */
export async function postprocessProblems(
  postprocess: RunPostprocess,
  runApiKey?: string,
): Promise<PreflightProblem[]> {
  const { settings, context = {} } = postprocess;
  const stages = enabledPostprocessStages(settings);
  if (stages.length === 0) return [];
  const checks = await checkPostprocessBackends({
    config: context.config,
    // The refine pass uses the run's own OpenAI key unless the context names another.
    keys: { openai: runApiKey, ...context.keys },
    baseDir: context.baseDir,
    localModule: context.localModule,
  });
  const problems: PreflightProblem[] = [];
  const need = (stage: BackendCheck["stage"], backends: string[]) => {
    const picked = checks.filter((check) => check.stage === stage && backends.includes(check.backend));
    if (picked.length === 0 || picked.some((check) => check.available)) return;
    const fix = picked.map((check) => `${check.backend}: ${check.fix ?? check.detail}`).join("; or ");
    problems.push({ stage, backends, fix });
  };
  if (stages.includes("upscale") && settings.upscale_backend) need("upscale", [settings.upscale_backend]);
  if (stages.includes("bg_remove")) need("bg_remove", [...settings.bg_remove_backends]);
  if (stages.includes("bg_refine_openai") && settings.bg_refine_openai_required) need("bg_refine_openai", ["openai"]);
  return problems;
}

/**
 * Refuses a paid run, before its first request, whose post-processing cannot finish: every
 * image it paid for would fail its chain. The message names each stage and its fix; the error's
 * field is `postprocess`.
 *
 * @example
 * await preflightPostprocess({ settings, context: { keys: {} } }, apiKey);
 * // throws "Refused before any image request: post-processing cannot finish: bg_remove (photoroom) ..."
 */
export async function preflightPostprocess(postprocess: RunPostprocess | undefined, runApiKey?: string): Promise<void> {
  if (!postprocess) return;
  const problems = await postprocessProblems(postprocess, runApiKey);
  if (problems.length === 0) return;
  const described = problems.map((p) => `${p.stage} (${p.backends.join(", ")}) cannot run here; fix: ${p.fix}`);
  throw new PipelineError(
    `Refused before any image request: post-processing cannot finish: ${described.join(". ")}. Nothing was sent (kroma doctor shows every backend)`,
    { field: "postprocess", problems },
  );
}
