import {
  checkSpendAllowed,
  type DryRunLog,
  describeSpendEstimate,
  effectivePostprocessSettings,
  executeRun,
  type ImageSettings,
  imageRequestLimitsFromEnv,
  imageSettingsFromEnv,
  type Manifest,
  type PaidRunLog,
  PipelineError,
  planDryRun,
  postprocessForLog,
  type RawRunRequest,
  type RunProgressEvent,
  resumeRun,
  type SpendEstimate,
} from "@kroma/pipeline";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { type Command, CommanderError } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";
import { findProjectRoot, loadRunConfig, type PostprocessFlags, runPostprocessFor } from "./lab-context.js";
import { ingestAfterRun, labIngestCommand } from "./lab-ingest.js";
import { labPostprocessCommands } from "./lab-postprocess.js";
import { labQaCommands } from "./lab-qa.js";
import { labReplayCommand } from "./lab-replay.js";
import { resolveOpenAiKey } from "./provider-keys.js";
import { withRunLease } from "./run-lease.js";

interface DryFlags extends PostprocessFlags {
  project: string;
  projectRoot?: string;
  manifest?: string;
  input?: string;
  sceneRefs?: string;
  styleRefs?: string;
  stage?: string;
  time?: string;
  weather?: string;
  candidates?: string;
  maxCandidates?: string;
  allowManyCandidates?: boolean;
  outputGuardEnabled?: string | boolean;
  enforceGrayscale?: string | boolean;
  maxChromaDelta?: string;
  failOnChromaExceed?: string | boolean;
  archiveReplaced: boolean;
  /** `--no-ingest` makes this false: the run log is not recorded in the server's database. */
  ingest: boolean;
  styleBasePrompt?: string;
  timeDayPrompt?: string;
  timeNightPrompt?: string;
  weatherClearPrompt?: string;
  weatherRainPrompt?: string;
  model?: string;
  size?: string;
  quality?: string;
  maxSpend?: string;
}

/** `lab run` takes every `lab dry` flag plus the spend confirmation. */
interface RunFlags extends DryFlags {
  confirmSpend?: boolean;
}

/** The flags `lab dry` and `lab run` share: project, inputs, stage, candidates, guard and prompt overrides. */
function planningOptions(command: Command): Command {
  return command
    .requiredOption("--project <slug>", "project slug")
    .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
    .option(
      "--manifest <path>",
      "pipeline manifest JSON (default: the one the layered settings name, else the built-in defaults)",
    )
    .option("--input <path>", "an image, or a directory walked recursively for images")
    .option("--scene-refs <list>", "comma-separated scene images, relative to the project root")
    .option("--style-refs <list>", "comma-separated style references, relative to the project root")
    .option("--stage <stage>", "style | time | weather (default style)")
    .option("--time <time>", "day | night (default day; needs stage time or weather)")
    .option("--weather <weather>", "clear | rain (default clear; needs stage weather)")
    .option("--candidates <n>", "images per job (default: manifest)")
    .option("--model <name>", "image model (default: OPENAI_IMAGE_MODEL, else gpt-image-1)")
    .option("--size <size>", "image size, one the model accepts (default: OPENAI_IMAGE_SIZE, else 1024x1536)")
    .option(
      "--quality <quality>",
      "image quality: low | medium | high | auto (default: OPENAI_IMAGE_QUALITY, else medium)",
    )
    .option(
      "--max-spend <usd>",
      "refuse the run, before anything is sent, when its spend estimate exceeds this many dollars (or cannot be priced fully)",
    )
    .option("--max-candidates <n>", "upper bound for --candidates (default: manifest)")
    .option("--allow-many-candidates", "let --candidates exceed --max-candidates")
    .option("--output-guard-enabled [bool]", "run the output guard (default true)")
    .option("--enforce-grayscale [bool]", "fail images that are not grayscale-like")
    .option("--max-chroma-delta <n>", "grayscale threshold")
    .option("--fail-on-chroma-exceed [bool]", "fail images above the threshold instead of warning")
    .option("--no-archive-replaced", "overwrite outputs without archiving the old file")
    .option("--no-ingest", "do not record the run in the server's database (KROMA_BACKEND_DB)")
    .option(
      "--post-bg-remove [bool]",
      "remove the background of every generated image (settings: pipeline.postprocess.bg_remove)",
    )
    .option("--post-upscale [bool]", "upscale every generated image (pipeline.postprocess.upscale)")
    .option("--upscale-backend <name>", "sharp | realesrgan-ncnn (pipeline.postprocess.upscale_backend)")
    .option("--post-color [bool]", "colour-correct every generated image (pipeline.postprocess.color)")
    .option(
      "--post-color-profile <name>",
      "neutral | cinematic_warm | cold_rain | a profile of the colour settings file",
    )
    .option("--style-base-prompt <text>", "override prompts.style_base")
    .option("--time-day-prompt <text>", "override prompts.time_day")
    .option("--time-night-prompt <text>", "override prompts.time_night")
    .option("--weather-clear-prompt <text>", "override prompts.weather_clear")
    .option("--weather-rain-prompt <text>", "override prompts.weather_rain");
}

/**
 * The run's model, size and quality: `--model`, `--size`, `--quality` where given, else
 * `OPENAI_IMAGE_*`, else the defaults. The pipeline checks them against its model table.
 */
function imageSettingsFromFlags(flags: DryFlags): ImageSettings {
  const env = imageSettingsFromEnv();
  return {
    model: flags.model?.trim() || env.model,
    size: flags.size?.trim() || env.size,
    quality: flags.quality?.trim() || env.quality,
  };
}

/**
 * `--max-spend` in dollars: a positive number, or undefined when not given.
 *
 * @example
 * maxSpendFromFlags({ maxSpend: "0.5" }); // 0.5
 */
export function maxSpendFromFlags(flags: { maxSpend?: string }): number | undefined {
  if (flags.maxSpend === undefined) return undefined;
  const value = Number(flags.maxSpend.trim().replace(/^\$/, ""));
  if (flags.maxSpend.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new PipelineError(`--max-spend must be a positive number of dollars, got '${flags.maxSpend}'`, {
      field: "max_spend_usd",
    });
  }
  return value;
}

/** The estimate's lines under a label, for the dry and paid runs' output. */
function estimateLines(estimate: SpendEstimate, label: string): string[] {
  return describeSpendEstimate(estimate).map(
    (line, index) => `${index === 0 ? label : " ".repeat(label.length)}${line}`,
  );
}

/** The run request the flags describe (checked later by the pipeline). */
function requestFromFlags(flags: DryFlags): RawRunRequest {
  return {
    input: flags.input,
    scene_refs: flags.sceneRefs,
    style_refs: flags.styleRefs,
    stage: flags.stage,
    time: flags.time,
    weather: flags.weather,
    candidates: flags.candidates,
    max_candidates: flags.maxCandidates,
    allow_many_candidates: flags.allowManyCandidates,
    output_guard_enabled: flags.outputGuardEnabled,
    enforce_grayscale: flags.enforceGrayscale,
    max_chroma_delta: flags.maxChromaDelta,
    fail_on_chroma_exceed: flags.failOnChromaExceed,
    archive_replaced: flags.archiveReplaced,
  };
}

/**
 * The run's configuration from the layered settings and flags: the manifest with the
 * `--<key>-prompt` overrides applied, and the post-processing in effect.
 */
async function configFromFlags(flags: DryFlags, projectRoot: string) {
  const config = await loadRunConfig(flags, projectRoot);
  return { config, manifest: withPromptOverrides(config.manifest, flags) };
}

export function labCommand(program: Command, globals: () => GlobalOptions): void {
  const lab = program.command("lab").description("Plan and run image pipeline jobs for a project");
  labQaCommands(lab, globals);
  labReplayCommand(lab, globals);
  labPostprocessCommands(lab, globals);
  labIngestCommand(lab, globals);

  planningOptions(
    lab
      .command("dry", { isDefault: true })
      .description("Plan jobs and write a run log under <project root>/runs/; spends nothing, sends nothing"),
  ).action(async (flags: DryFlags) => {
    const { projectRoot, resolvedFromBackend } = await findProjectRoot(flags, globals());
    const { config, manifest } = await configFromFlags(flags, projectRoot);
    const postprocessSettings = effectivePostprocessSettings(config.settings, config.postprocess);
    const { runLog, runLogPath } = await planDryRun({
      projectSlug: flags.project,
      projectRoot,
      resolvedFromBackend,
      manifest,
      request: requestFromFlags(flags),
      ...imageSettingsFromFlags(flags),
      postprocess: postprocessForLog(postprocessSettings),
      postprocessSettings,
      maxSpendUsd: maxSpendFromFlags(flags),
    });
    emit(globals(), runLog, () => describeDryRun(runLog, runLogPath));
    await ingestAfterRun(flags, projectRoot, runLogPath);
  });

  planningOptions(
    lab
      .command("run")
      .description(
        "Generate images with the OpenAI images API (costs money; needs --confirm-spend and the project's openai/api_key secret or OPENAI_API_KEY) and write a run log under <project root>/runs/",
      ),
  )
    .option("--confirm-spend", "confirm that this run may spend money on image generation")
    .action(async (flags: RunFlags) => {
      // Refuse before any lookup, so a missing flag is the first thing the user hears.
      if (flags.confirmSpend !== true) checkSpendAllowed({ confirmSpend: false });
      const maxSpendUsd = maxSpendFromFlags(flags);
      // OPENAI_TIMEOUT_MS and KROMA_IMAGE_CONCURRENCY, checked before anything is looked up.
      const requestLimits = imageRequestLimitsFromEnv();
      const apiKey = checkSpendAllowed({ confirmSpend: true, apiKey: await resolveOpenAiKey(flags.project) });
      const { projectRoot, resolvedFromBackend } = await findProjectRoot(flags, globals());
      const { config, manifest } = await configFromFlags(flags, projectRoot);
      const postprocess = await runPostprocessFor(flags.project, config);
      const progress = progressReporter(process.stderr);
      const { runLog, runLogPath } = await executeRun({
        projectSlug: flags.project,
        projectRoot,
        resolvedFromBackend,
        manifest,
        request: requestFromFlags(flags),
        confirmSpend: flags.confirmSpend === true,
        apiKey,
        baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
        ...requestLimits,
        ...imageSettingsFromFlags(flags),
        postprocess,
        maxSpendUsd,
        // On stderr, before the first request: stdout stays the run's report (or its JSON).
        onSpendEstimate: (estimate) =>
          process.stderr.write(`${estimateLines(estimate, "Spend estimate: ").join("\n")}\n`),
        onProgress: progress.onProgress,
        interruptSignal: stopOnCtrlC(),
      }).finally(progress.stop);
      await reportRun(globals(), flags, { runLog, runLogPath, projectRoot });
    });

  lab
    .command("resume")
    .description(
      "Continue a paid run that was interrupted (crash, Ctrl-C, server stop): jobs whose outputs still have the recorded hash are kept, the rest run (costs money; needs --confirm-spend)",
    )
    .argument("<run_id>", "the interrupted run's id")
    .requiredOption("--project <slug>", "project slug")
    .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
    .option("--confirm-spend", "confirm that this run may spend money on image generation")
    .option("--no-ingest", "do not record the run in the server's database (KROMA_BACKEND_DB)")
    .action(
      async (
        runId: string,
        flags: { project: string; projectRoot?: string; confirmSpend?: boolean; ingest: boolean },
      ) => {
        if (flags.confirmSpend !== true) checkSpendAllowed({ confirmSpend: false });
        const requestLimits = imageRequestLimitsFromEnv();
        const apiKey = checkSpendAllowed({ confirmSpend: true, apiKey: await resolveOpenAiKey(flags.project) });
        const { projectRoot } = await findProjectRoot(flags, globals());
        // The journal holds the run's post-process switches; keys and backends' config come from now.
        const { context: postprocessContext } = await runPostprocessFor(
          flags.project,
          await loadRunConfig({}, projectRoot),
        );
        const progress = progressReporter(process.stderr);
        // Leased like a server's run, so a server executing this run refuses it here (no job bought twice).
        const { runLog, runLogPath } = await withRunLease(runId, () =>
          resumeRun({
            runId,
            projectRoot,
            postprocessContext,
            confirmSpend: true,
            apiKey,
            baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
            ...requestLimits,
            onProgress: progress.onProgress,
            interruptSignal: stopOnCtrlC(),
          }),
        ).finally(progress.stop);
        await reportRun(globals(), flags, { runLog, runLogPath, projectRoot });
      },
    );
}

/**
 * The first Ctrl-C lets the image request in flight finish (it is paid for), then stops the run
 * with its journal kept, so `kroma lab resume` continues it; a second one exits at once (the
 * journal still holds every finished job).
 */
function stopOnCtrlC(): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => {
    process.stderr.write("\nStopping after the request in flight (Ctrl-C again to quit now)...\n");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  return controller.signal;
}

/** Prints a paid run's report, records it (unless `--no-ingest`), and fails the command when no job succeeded. */
async function reportRun(
  options: GlobalOptions,
  flags: { project: string; ingest: boolean },
  { runLog, runLogPath, projectRoot }: { runLog: PaidRunLog; runLogPath: string; projectRoot: string },
): Promise<void> {
  emit(options, runLog, () => describeRun(runLog, runLogPath));
  await ingestAfterRun(flags, projectRoot, runLogPath);
  // run() turns a CommanderError into its exit code without printing again: the report said it all.
  if (runLog.status === "failed") throw new CommanderError(1, "kroma.run.failed", "no job succeeded");
}

/**
 * Progress on stderr: on a terminal, a progress bar (jobs done / total, the current candidate and
 * any retry) with a line kept per finished job; elsewhere (CI, pipes) only the finished-job lines,
 * so logs stay readable. `stop()` must run when the run ends, however it ends.
 */
export function progressReporter(stream: NodeJS.WriteStream): {
  onProgress: (event: RunProgressEvent) => void;
  stop: () => void;
} {
  if (stream.isTTY !== true) {
    return {
      onProgress: (event) => {
        if (event.phase === "job_done") stream.write(`${describeJobDone(event)}\n`);
      },
      stop: () => {},
    };
  }
  const bars = new MultiBar(
    { stream, format: "{bar} {value}/{total} jobs · {step}", hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let bar: SingleBar | undefined;
  return {
    onProgress(event) {
      bar ??= bars.create(event.jobs, 0, { step: "" });
      if (event.phase === "job_done") {
        bars.log(`${describeJobDone(event)}\n`);
        bar.increment(1, { step: "" });
        // Draw now: the bar otherwise redraws on a timer, and a finished job's line should not wait.
        bars.update();
        return;
      }
      const retry = event.phase === "retry" ? ` · retry ${event.attempt} in ${event.delayMs} ms (${event.error})` : "";
      bar.update({ step: `job ${event.jobIndex} · candidate ${event.candidate}/${event.candidates}${retry}` });
    },
    stop: () => {
      bars.update();
      bars.stop();
    },
  };
}

/** "job 1/2 style_1_alley: done, candidate 2/3 -> outputs/style_1_alley.png". */
function describeJobDone(event: RunProgressEvent): string {
  const head = `job ${event.jobIndex}/${event.jobs} ${event.job}: ${event.status}`;
  const chosen =
    event.selected_candidate != null
      ? `, candidate ${event.selected_candidate}/${event.candidates}${event.final_output ? ` -> ${event.final_output}` : ""}`
      : "";
  return `${head}${chosen}${event.error ? ` (${event.error})` : ""}`;
}

/** The human summary of a paid run: status and counts, cost estimate, where the log went, one row per job. */
function describeRun(log: PaidRunLog, runLogPath: string): string {
  const { summary } = log;
  const cost =
    log.cost_estimate_usd === null
      ? "no cost estimate for this model/quality/size"
      : `about $${log.cost_estimate_usd.toFixed(3)} (estimate from list prices, not a bill)`;
  const tokens = log.usage ? `, ${log.usage.total_tokens} tokens` : "";
  return [
    `Run ${log.run_id} for ${log.project}: ${log.status} - ${summary.done}/${summary.jobs} job(s) done, ${summary.failed} failed, ${summary.failed_guard} failed the output guard${summary.canceled ? `, ${summary.canceled} canceled` : ""}`,
    ...(log.resumes?.length
      ? [
          `  resumed      ${log.resumes.length} time(s); kept ${log.resumes.at(-1)?.kept_jobs.length ?? 0} finished job(s)`,
        ]
      : []),
    `  images       ${summary.candidates_generated} generated, ${summary.candidates_failed} failed${tokens}; ${cost}`,
    ...(log.spend_recorded ? [`  recorded     ${describeRecordedSpend(log.spend_recorded)}`] : []),
    `  model        ${log.model} ${log.size} ${log.quality}`,
    `  project root ${log.storage.project_root}${log.storage.resolved_from_backend ? " (from the API)" : ""}`,
    `  run log      ${runLogPath}`,
    "",
    table(
      ["JOB", "STATUS", "GENERATED", "SELECTED", "FINAL OUTPUT", "ERROR"],
      log.jobs.map((job) => [
        job.id,
        job.status,
        `${job.candidates.filter((candidate) => candidate.status === "generated").length}/${job.candidates.length}`,
        job.selected_candidate === null ? "-" : `c${job.selected_candidate}`,
        job.final_output ?? "-",
        job.error ?? "",
      ]),
    ),
  ].join("\n");
}

/**
 * The run's cost from the usage its answers carried, or why it is not known.
 *
 * @example
 * describeRecordedSpend({ usd: 0.18, priced_usd: 0.18, priced_requests: 4, unpriced_requests: 0, basis });
 * // "$0.180 from the usage of 4 answer(s) at per-token list prices"
 */
function describeRecordedSpend(spend: NonNullable<PaidRunLog["spend_recorded"]>): string {
  const answers = spend.priced_requests + spend.unpriced_requests;
  if (spend.usd !== null)
    return `$${spend.usd.toFixed(3)} from the usage of ${answers} answer(s) at per-token list prices`;
  return `unknown: ${spend.unpriced_requests} of ${answers} answer(s) could not be priced (no usage, or no token price); the rest $${spend.priced_usd.toFixed(3)}`;
}

/** The `--<key>-prompt` flags win over the manifest's prompts. */
function withPromptOverrides(manifest: Manifest, flags: DryFlags): Manifest {
  const overrides = {
    style_base: flags.styleBasePrompt,
    time_day: flags.timeDayPrompt,
    time_night: flags.timeNightPrompt,
    weather_clear: flags.weatherClearPrompt,
    weather_rain: flags.weatherRainPrompt,
  };
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...manifest, prompts: { ...manifest.prompts, ...given } };
}

/** The human summary: counts, prompt, where the log went, then one row per job. */
function describeDryRun(log: DryRunLog, runLogPath: string): string {
  const { candidates } = log.generation;
  return [
    `Dry run ${log.run_id} planned for ${log.project}: ${log.summary.jobs} job(s), ${log.summary.candidates} candidate image(s) (${candidates} per job); nothing spent`,
    `  stage        ${log.stage} (time ${log.time}, weather ${log.weather})`,
    `  model        ${log.model} ${log.size} ${log.quality}`,
    ...estimateLines(log.spend_estimate, "  estimate     "),
    `  prompt       ${log.jobs[0]?.prompt ?? ""}`,
    `  project root ${log.storage.project_root}${log.storage.resolved_from_backend ? " (from the API)" : ""}`,
    `  run log      ${runLogPath}`,
    "",
    table(
      ["JOB", "SCENE", "OUTPUTS"],
      log.jobs.map((job) => [job.id, job.input_images[0] ?? "", job.planned_generation.outputs.join(", ")]),
    ),
  ].join("\n");
}
