import {
  budgetShortfall,
  checkSpendAllowed,
  cliFlag,
  type DryRunLog,
  describeSpendEstimate,
  effectivePostprocessSettings,
  executeRun,
  type ImageSettings,
  imageRequestLimitsFromEnv,
  imageSettingsFromEnv,
  type PaidRunLog,
  PipelineError,
  planDryRun,
  postprocessForLog,
  type RawRunRequest,
  type RunProgressEvent,
  resumeRun,
  type SpendEstimate,
  validateRunRequest,
  withPromptOverrides,
} from "@kroma/pipeline";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { describeError, emit, type GlobalOptions, info, progressBars, showProgress, table } from "../output.js";
import { findProjectRoot, loadRunConfig, runPostprocessFor } from "./lab-context.js";
import { ingestAfterRun, labIngestCommand } from "./lab-ingest.js";
import { labPostprocessCommands } from "./lab-postprocess.js";
import { labQaCommands } from "./lab-qa.js";
import { labReplayCommand } from "./lab-replay.js";
import { localOpenAiKey, localProviderKeys } from "./provider-keys.js";
import { apiRecordSource, apiSourceAssets } from "./record-source.js";
import { withRunLease } from "./run-lease.js";
import { maxSpendFromFlags, type RunRequestFlags, runBodyFromFlags, runRequestOptions } from "./run-options.js";
import { localizeRunPaths, localTarget, pathRuleHelp } from "./run-paths.js";

/** `lab dry` flags: the run options every run path shares, and what only a local run names. */
interface DryFlags extends RunRequestFlags {
  project: string;
  projectRoot?: string;
  manifest?: string;
  /** `--no-ingest` makes this false: the run is not recorded on the server. */
  ingest: boolean;
}

/** `lab run` takes every `lab dry` flag plus the spend confirmation. */
interface RunFlags extends DryFlags {
  confirmSpend?: boolean;
}

/**
 * The flags `lab dry` and `lab run` share: the project, where its files and manifest are, whether
 * to record the run, and every run option (run-options.ts).
 */
function planningOptions(command: Command): Command {
  return runRequestOptions(
    command
      .requiredOption("-p, --project <slug>", "project slug")
      .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
      .option(
        "--manifest <path>",
        "pipeline manifest JSON (default: the one the layered settings name, else the built-in defaults)",
      )
      .option("--no-ingest", "do not record the run on the server (then no server is needed)"),
  );
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

/** The estimate's lines under a label, for the dry and paid runs' output. */
function estimateLines(estimate: SpendEstimate, label: string): string[] {
  return describeSpendEstimate(estimate).map(
    (line, index) => `${index === 0 ? label : " ".repeat(label.length)}${line}`,
  );
}

/**
 * What a local run needs from its flags: the request (the trigger body's run fields), the run's
 * configuration (layered settings with the request's post-processing switches and prompt
 * overrides), and where the project's records are looked up.
 */
async function runInputs(flags: DryFlags, projectRoot: string, globals: GlobalOptions) {
  const { model, size, quality, max_spend_usd, ...given } = await runBodyFromFlags(flags);
  const config = await loadRunConfig(flags, projectRoot, given);
  const manifest = withPromptOverrides(config.manifest, given, cliFlag);
  // A request the run refuses is refused before any file is copied into the project.
  validateRunRequest(given as RawRunRequest, manifest);
  // The path flags name files from here; the request names them in the project (run-paths.ts).
  const request = await localizeRunPaths(given, localTarget(projectRoot));
  const image = imageSettingsFromFlags(flags);
  return {
    request: request as RawRunRequest,
    config,
    manifest,
    image,
    maxSpendUsd: max_spend_usd,
    recordSource: apiRecordSource(apiClient(globals), flags.project),
    sourceAssets: apiSourceAssets(apiClient(globals), flags.project),
  };
}

/** `lab dry`: plans the run, writes its log, prints it and records it (unless `--no-ingest`). */
async function planDry(flags: DryFlags, globals: GlobalOptions): Promise<void> {
  const { projectRoot, resolvedFromBackend } = await findProjectRoot(flags, globals);
  const { request, config, manifest, image, maxSpendUsd, recordSource, sourceAssets } = await runInputs(
    flags,
    projectRoot,
    globals,
  );
  const postprocessSettings = effectivePostprocessSettings(config.settings, config.postprocess);
  const { runLog, runLogPath } = await planDryRun({
    projectSlug: flags.project,
    projectRoot,
    // The request's paths are the project's: `input` resolves there as the scene refs do.
    cwd: projectRoot,
    resolvedFromBackend,
    manifest,
    request,
    recordSource,
    sourceAssets,
    ...image,
    postprocess: postprocessForLog(postprocessSettings),
    postprocessSettings,
    maxSpendUsd,
  });
  emit(globals, runLog, () => describeDryRun(runLog, runLogPath));
  await ingestAfterRun(globals, flags, projectRoot, runLogPath);
}

/** `lab run`: the paid run, with its spend estimate and progress on stderr, then its report. */
async function runPaid(flags: RunFlags, globals: GlobalOptions): Promise<void> {
  // Refuse before any lookup, so a missing flag is the first thing the user hears.
  if (flags.confirmSpend !== true) checkSpendAllowed({ confirmSpend: false });
  maxSpendFromFlags(flags);
  // A post-process run sends no image request: its key is needed only by a refine pass (preflight checks).
  const postprocessOnly = flags.assets !== undefined || flags.fromRun !== undefined;
  const apiKey = postprocessOnly ? localProviderKeys(["openai"]).openai : localOpenAiKey(flags.project);
  // OPENAI_TIMEOUT_MS and KROMA_IMAGE_CONCURRENCY, checked before anything is looked up.
  const requestLimits = imageRequestLimitsFromEnv();
  const { projectRoot, resolvedFromBackend } = await findProjectRoot(flags, globals);
  const { request, config, manifest, image, maxSpendUsd, recordSource, sourceAssets } = await runInputs(
    flags,
    projectRoot,
    globals,
  );
  const postprocess = await runPostprocessFor(config);
  const progress = progressReporter(process.stderr, globals);
  const { runLog, runLogPath } = await executeRun({
    projectSlug: flags.project,
    projectRoot,
    cwd: projectRoot,
    resolvedFromBackend,
    manifest,
    request,
    recordSource,
    sourceAssets,
    confirmSpend: flags.confirmSpend === true,
    ...(apiKey ? { apiKey } : {}),
    baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
    ...requestLimits,
    ...image,
    postprocess,
    maxSpendUsd,
    // On stderr, before the first request: stdout stays the run's report (or its JSON).
    onSpendEstimate: async (estimate) => {
      info(globals, estimateLines(estimate, "Spend estimate: ").join("\n"));
      await checkProjectBudget(globals, flags, estimate);
    },
    onProgress: progress.onProgress,
    interruptSignal: stopOnCtrlC(),
  }).finally(progress.stop);
  await reportRun(globals, flags, { runLog, runLogPath, projectRoot });
}

export function labCommand(program: Command, globals: () => GlobalOptions): void {
  const lab = program
    .command("lab")
    .description("Plan and run image pipeline jobs for a project")
    .addHelpText("after", pathRuleHelp);
  labQaCommands(lab, globals);
  labReplayCommand(lab, globals);
  labPostprocessCommands(lab, globals);
  labIngestCommand(lab, globals);

  planningOptions(
    lab
      .command("dry")
      .description("Plan jobs and write a run log under <project root>/runs/; spends nothing, sends nothing"),
  ).action((flags: DryFlags) => planDry(flags, globals()));

  planningOptions(
    lab
      .command("run")
      .description(
        "Generate images with the OpenAI images API (costs money; needs --confirm-spend and OPENAI_API_KEY in this shell; to use the project's stored key, run it on the server: kroma runs trigger) and write a run log under <project root>/runs/",
      ),
  )
    .option("--confirm-spend", "confirm that this run may spend money on image generation")
    .action((flags: RunFlags) => runPaid(flags, globals()));

  planningOptions(
    lab
      .command("one")
      .description(
        "One image from --prompt, without a manifest prompt or batch: an edit of one --input/--scene-refs image, or with none an images generation. Dry by default (plans and logs, sends nothing); --confirm-spend generates it (costs money), recorded, guarded and ingested like lab run",
      ),
  )
    .option("--confirm-spend", "generate the image for real (costs money); without it the run is only planned")
    .action((flags: RunFlags) => {
      if (flags.prompt === undefined) {
        throw new PipelineError("kroma lab one needs --prompt <text>", { field: "prompt" });
      }
      return flags.confirmSpend === true ? runPaid(flags, globals()) : planDry(flags, globals());
    });

  lab
    .command("resume")
    .description(
      "Continue a paid run that was interrupted (crash, Ctrl-C, server stop) or ended canceled, partial or failed: jobs whose outputs still have the recorded hash are kept, the rest run (costs money; needs --confirm-spend)",
    )
    .argument("<run_id>", "the interrupted run's id")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
    .option("--confirm-spend", "confirm that this run may spend money on image generation")
    .option("--no-ingest", "do not record the run on the server (then no server is needed)")
    .action(
      async (
        runId: string,
        flags: { project: string; projectRoot?: string; confirmSpend?: boolean; ingest: boolean },
      ) => {
        if (flags.confirmSpend !== true) checkSpendAllowed({ confirmSpend: false });
        const requestLimits = imageRequestLimitsFromEnv();
        const apiKey = localOpenAiKey(flags.project);
        const { projectRoot } = await findProjectRoot(flags, globals());
        // The journal holds the run's post-process switches; keys and backends' config come from now.
        const { context: postprocessContext } = await runPostprocessFor(await loadRunConfig({}, projectRoot, {}));
        const progress = progressReporter(process.stderr, globals());
        // Leased like a server's run, so a server executing this run refuses it here (no job bought twice).
        const { runLog, runLogPath } = await withRunLease(globals(), flags, { runId, projectRoot }, () =>
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

/**
 * Holds a local paid run to the project's budget as the API reports it: a run whose estimate
 * does not fit what remains is refused before its first request. Unlike a server run nothing is
 * reserved (two local runs can both pass on one remainder), and the spend is counted once the run
 * is recorded. A server that cannot be asked refuses the run (it could not be recorded either);
 * with `--no-ingest` that is said on stderr, not silently taken as no budget.
 */
async function checkProjectBudget(
  globals: GlobalOptions,
  flags: { project: string; ingest: boolean },
  estimate: SpendEstimate,
): Promise<void> {
  let budget: Awaited<ReturnType<ReturnType<typeof apiClient>["projects"]["budget"]>>["budget"];
  try {
    ({ budget } = await apiClient(globals).projects.budget(flags.project));
  } catch (error) {
    // A run to be recorded needs the server anyway: better refused now than bought and unrecordable.
    if (flags.ingest) throw new PipelineError(`${describeError(error)}; nothing was sent`, { field: "budget" });
    process.stderr.write(`Budget not checked: the API could not be asked (${describeError(error)})\n`);
    return;
  }
  if (budget.budget_usd === null || budget.remaining_usd === null) return;
  const shortfall = budgetShortfall(estimate, {
    budget_usd: budget.budget_usd,
    committed_usd: budget.committed_usd,
    remaining_usd: budget.remaining_usd,
  });
  if (shortfall) throw new PipelineError(`${shortfall.message}; nothing was sent`, { field: "budget" });
}

/** Prints a paid run's report, records it (unless `--no-ingest`), and fails the command when no job succeeded. */
async function reportRun(
  options: GlobalOptions,
  flags: { project: string; ingest: boolean },
  { runLog, runLogPath, projectRoot }: { runLog: PaidRunLog; runLogPath: string; projectRoot: string },
): Promise<void> {
  emit(options, runLog, () => describeRun(runLog, runLogPath));
  await ingestAfterRun(options, flags, projectRoot, runLogPath);
  // run() turns a CommanderError into its exit code without printing again: the report said it all.
  if (runLog.status === "failed") throw new CommanderError(1, "kroma.run.failed", "no job succeeded");
}

/**
 * Progress on stderr: on a terminal, a progress bar (jobs done / total, the current candidate and
 * any retry) with a line kept per finished job; elsewhere (CI, pipes) only the finished-job lines,
 * so logs stay readable. `stop()` must run when the run ends, however it ends.
 */
export function progressReporter(
  stream: NodeJS.WriteStream,
  options: Pick<GlobalOptions, "quiet"> = {},
): {
  onProgress: (event: RunProgressEvent) => void;
  stop: () => void;
} {
  if (!showProgress(options)) return { onProgress: () => {}, stop: () => {} };
  if (!progressBars(options, stream)) {
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

/** The human summary: counts, prompt, where the log went, then one row per job. */
function describeDryRun(log: DryRunLog, runLogPath: string): string {
  const { candidates } = log.generation;
  const samePrompt = new Set(log.jobs.map((job) => job.prompt)).size <= 1;
  return [
    `Dry run ${log.run_id} planned for ${log.project}: ${log.summary.jobs} job(s), ${log.summary.candidates} candidate image(s) (${candidates} per job); nothing spent`,
    `  stage        ${log.stage} (time ${log.time}, weather ${log.weather})`,
    `  model        ${log.model} ${log.size} ${log.quality}`,
    ...estimateLines(log.spend_estimate, "  estimate     "),
    ...recordLines(log),
    ...(samePrompt ? [`  prompt       ${indented(log.jobs[0]?.prompt ?? "", 15)}`] : []),
    `  project root ${log.storage.project_root}${log.storage.resolved_from_backend ? " (from the API)" : ""}`,
    `  run log      ${runLogPath}`,
    "",
    table(
      ["JOB", "SCENE", "OUTPUTS"],
      log.jobs.map((job) => [job.id, job.input_images[0] ?? "", job.planned_generation.outputs.join(", ")]),
    ),
    // Prompts differ per job when a template or a batch fills them: each is shown whole.
    ...(samePrompt ? [] : ["", "Prompts:", ...log.jobs.map((job) => `  ${job.id}: ${indented(job.prompt, 4)}`)]),
  ].join("\n");
}

/** The records a run's prompts came from: kind, name and the start of the content hash. */
function recordLines(log: DryRunLog): string[] {
  return (log.prompt_records ?? []).map(
    (ref, index) =>
      `  ${index === 0 ? "records      " : "             "}${ref.kind} ${ref.name} (sha256 ${ref.sha256.slice(0, 12)})`,
  );
}

/** A multi-line text with its later (non-blank) lines indented to sit under the first. */
function indented(text: string, by: number): string {
  return text
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : `${" ".repeat(by)}${line}`))
    .join("\n");
}
