import { isAbsolute, relative, resolve } from "node:path";
import {
  type BatchOperation,
  type BatchProgressEvent,
  type BatchResult,
  bgRemoveBackendNames,
  bgRemoveOperation,
  colorOperation,
  defaultColorSettings,
  effectivePostprocessSettings,
  loadColorSettings,
  loadPipelineConfig,
  outputImageFormats,
  type PipelineConfig,
  PipelineError,
  parseBoolean,
  resolveColorProfile,
  runPostprocessBatch,
  upscaleBackendNames,
  upscaleOperation,
  upscaleScales,
} from "@kroma/pipeline";
import { Presets, SingleBar } from "cli-progress";
import { type Command, CommanderError } from "commander";
import { emit, type GlobalOptions, progressBars, showProgress, table } from "../output.js";
import { findProjectRoot } from "./lab-context.js";
import { localProviderKeys } from "./provider-keys.js";

/** Flags every standalone post-process command takes. */
interface CommonFlags {
  input: string;
  output: string;
  overwrite?: boolean;
  concurrency?: string;
  project?: string;
  projectRoot?: string;
  postprocessConfig?: string;
}

interface UpscaleFlags extends CommonFlags {
  upscaleBackend?: string;
  upscaleScale?: string;
  format?: string;
}

interface ColorFlags extends CommonFlags {
  profile?: string;
  colorSettings?: string;
}

interface BgRemoveFlags extends CommonFlags {
  bgRemoveBackends?: string;
  bgRefineOpenai?: string | boolean;
  bgRefineOpenaiRequired?: string | boolean;
  format?: string;
}

function commonOptions(command: Command): Command {
  return command
    .requiredOption("--input <path>", "an image, or a directory walked recursively for images")
    .requiredOption(
      "--output <path>",
      "output directory (sub-directories mirror the input's), or an output file for a single input image",
    )
    .option("--overwrite", "replace outputs that already exist (inputs are never replaced)")
    .option("--concurrency <n>", "files processed at once (default: the number of CPU cores)")
    .option(
      "-p, --project <slug>",
      "also read the project's settings (<project root>/.kroma/pipeline.settings.json, its root from the API)",
    )
    .option(
      "--project-root <path>",
      "also read <path>/.kroma/pipeline.settings.json (instead of asking the API with -p)",
    )
    .option("--postprocess-config <path>", "postprocess.json to use instead of the one the settings name")
    .addHelpText(
      "after",
      "\nOutputs are named <name>_<suffix>.<ext>. Files that cannot be read (not an image, truncated, empty,\n" +
        "over the pixel limit) fail on their own; the others go on. Exit code 1 when any file failed.",
    );
}

/**
 * `kroma lab upscale|color|bgremove`: the post-process stages over a file or a directory tree,
 * outside any run. Settings come from the layered settings and postprocess.json (as `kroma config
 * validate` shows them), flags win. Local only, except the background-removal services.
 */
export function labPostprocessCommands(lab: Command, globals: () => GlobalOptions): void {
  commonOptions(lab.command("upscale").description("Upscale images x2, x3 or x4 (sharp Lanczos, or Real-ESRGAN ncnn)"))
    .option("--upscale-backend <name>", `${upscaleBackendNames.join(" | ")} (default: settings, else postprocess.json)`)
    .option("--upscale-scale <n>", "2, 3 or 4 (default: postprocess.json upscale.scale, else 2)")
    .option(
      "--format <format>",
      `${outputImageFormats.join(" | ")} (default: postprocess.json upscale.format, else png)`,
    )
    .action(async (flags: UpscaleFlags) => {
      const context = await commandContext(flags, globals());
      const settings = effectivePostprocessSettings(context.config.settings, context.config.postprocess);
      const { upscale } = context.config.postprocess;
      const operation = upscaleOperation({
        backend: choice("--upscale-backend", flags.upscaleBackend, upscaleBackendNames) ?? settings.upscale_backend,
        scale: parseScale(flags.upscaleScale) ?? upscale.scale,
        format: choice("--format", flags.format, outputImageFormats) ?? upscale.format,
        kernel: upscale.sharp?.kernel,
        realesrgan: upscale.realesrgan_ncnn,
        baseDir: context.appRoot,
      });
      await runAndReport(flags, operation, globals());
    });

  commonOptions(lab.command("color").description("Colour-correct images with a profile (alpha is kept)"))
    .option("--profile <name>", "neutral | cinematic_warm | cold_rain, or one from the colour settings file")
    .option("--color-settings <file>", "JSON file adding profiles: { default_profile, profiles: { name: { ... } } }")
    .action(async (flags: ColorFlags) => {
      const context = await commandContext(flags, globals());
      const settingsFile = flags.colorSettings ? resolve(flags.colorSettings) : context.config.color_settings_path;
      const colors = settingsFile ? await loadColorSettings(settingsFile) : undefined;
      const effective = effectivePostprocessSettings(context.config.settings, context.config.postprocess);
      // A --color-settings file's own default beats the configured profile; --profile beats both.
      const profileName =
        flags.profile ?? (flags.colorSettings ? colors?.default_profile : undefined) ?? effective.color_profile;
      const profile = resolveColorProfile(colors ?? defaultColorSettings(), profileName);
      await runAndReport(flags, colorOperation({ profileName, profile }), globals());
    });

  commonOptions(
    lab
      .command("bgremove")
      .description(
        "Remove backgrounds (backends tried in order: local, photoroom, removebg), optionally refined with OpenAI",
      ),
  )
    .option("--bg-remove-backends <list>", `comma-separated, tried in order: ${bgRemoveBackendNames.join(", ")}`)
    .option("--bg-refine-openai [bool]", "refine each cut-out with an OpenAI image edit (needs the openai key)")
    .option(
      "--bg-refine-openai-required [bool]",
      "fail a file whose refine fails (default: keep the unrefined cut-out, warn)",
    )
    .option(
      "--format <format>",
      `${outputImageFormats.join(" | ")} (default: postprocess.json bg_remove.format, else png)`,
    )
    .addHelpText(
      "after",
      "\nKeys: PHOTOROOM_API_KEY, REMOVE_BG_API_KEY and OPENAI_API_KEY in this shell (a project's stored keys\n" +
        "never leave the server: kroma runs trigger --post-bg-remove uses them). The local backend needs an optional\n" +
        "package: kroma doctor says whether it is installed and how to install it.",
    )
    .action(async (flags: BgRemoveFlags) => {
      const context = await commandContext(flags, globals());
      const effective = effectivePostprocessSettings(context.config.settings, context.config.postprocess);
      const config = context.config.postprocess.bg_remove;
      const refine = parseBoolean("bg_refine_openai", flags.bgRefineOpenai) ?? effective.bg_refine_openai;
      const required =
        parseBoolean("bg_refine_openai_required", flags.bgRefineOpenaiRequired) ?? effective.bg_refine_openai_required;
      const keys = localProviderKeys(["photoroom", "removebg", ...(refine ? (["openai"] as const) : [])]);
      const operation = bgRemoveOperation(
        {
          backends: parseBackends(flags.bgRemoveBackends) ?? effective.bg_remove_backends,
          format: choice("--format", flags.format, outputImageFormats) ?? config.format,
          keys,
          photoroom: config.photoroom,
          removebg: config.removebg,
          local: { model: config.local?.model },
          cwd: context.appRoot,
        },
        refine
          ? {
              required,
              apiKey: keys.openai,
              baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
              model: process.env.OPENAI_IMAGE_MODEL?.trim() || undefined,
              quality: process.env.OPENAI_IMAGE_QUALITY?.trim() || undefined,
            }
          : undefined,
      );
      await runAndReport(flags, operation, globals());
    });
}

/** The app root (`KROMA_APP_ROOT`, else the current directory) and the checked configuration. */
async function commandContext(
  flags: CommonFlags,
  globals: GlobalOptions,
): Promise<{ appRoot: string; config: PipelineConfig }> {
  const appRoot = resolve(process.env.KROMA_APP_ROOT ?? process.cwd());
  const project = flags.project?.trim();
  const projectRoot = project
    ? (await findProjectRoot({ project, projectRoot: flags.projectRoot }, globals)).projectRoot
    : flags.projectRoot && resolve(flags.projectRoot);
  const config = await loadPipelineConfig({
    appRoot,
    projectRoot: projectRoot || undefined,
    postprocessConfigPath: flags.postprocessConfig ? resolve(flags.postprocessConfig) : undefined,
    overridesLabel: "command line",
  });
  return { appRoot, config };
}

async function runAndReport(flags: CommonFlags, operation: BatchOperation, globals: GlobalOptions): Promise<void> {
  const progress = batchProgressReporter(process.stderr, globals);
  const result = await runPostprocessBatch({
    input: flags.input,
    output: flags.output,
    operation,
    overwrite: flags.overwrite === true,
    concurrency: parseConcurrency(flags.concurrency),
    onProgress: progress.onProgress,
  }).finally(progress.stop);
  emit(globals, result, () => describeBatch(result));
  // run() turns a CommanderError into its exit code without printing again: the summary said it.
  if (result.summary.failed > 0) {
    throw new CommanderError(1, "kroma.postprocess.failed", `${result.summary.failed} file(s) failed`);
  }
}

/**
 * Progress on stderr: a bar on a terminal (files done / total and the last file), one line per
 * finished file elsewhere (CI, pipes), so logs stay readable. `stop()` must run however the batch ends.
 */
export function batchProgressReporter(
  stream: NodeJS.WriteStream,
  options: Pick<GlobalOptions, "quiet"> = {},
): {
  onProgress: (event: BatchProgressEvent) => void;
  stop: () => void;
} {
  if (!showProgress(options)) return { onProgress: () => {}, stop: () => {} };
  if (!progressBars(options, stream)) {
    return { onProgress: (event) => stream.write(`${describeFileDone(event)}\n`), stop: () => {} };
  }
  let bar: SingleBar | undefined;
  return {
    onProgress(event) {
      if (!bar) {
        bar = new SingleBar(
          { stream, format: "{bar} {value}/{total} files · {file}", hideCursor: true, clearOnComplete: true },
          Presets.shades_classic,
        );
        bar.start(event.total, 0, { file: "" });
      }
      bar.update(event.done, { file: `${event.file.status} ${displayPath(event.file.input)}` });
    },
    stop: () => bar?.stop(),
  };
}

/** "[2/5] processed in/a.png -> out/a_x2.png (41 ms)", or why a file failed or was skipped. */
function describeFileDone({ done, total, file }: BatchProgressEvent): string {
  const head = `[${done}/${total}] ${file.status} ${displayPath(file.input)}`;
  if (file.status === "processed") {
    const warnings = file.warnings?.length ? ` (warning: ${file.warnings.join("; ")})` : "";
    return `${head} -> ${displayPath(file.output)} (${file.ms} ms)${warnings}`;
  }
  return `${head}: ${file.error ?? file.reason ?? ""}`;
}

/** The human summary: counts, then one row per file that did not simply succeed. */
export function describeBatch(result: BatchResult): string {
  const { summary } = result;
  const lines = [
    `${result.operation}: ${summary.total} file(s): ${summary.processed} processed, ${summary.skipped} skipped, ${summary.failed} failed`,
    `  input   ${displayPath(result.input)}`,
    `  output  ${displayPath(result.output)}`,
  ];
  const notable = result.files.filter((file) => file.status !== "processed" || file.warnings?.length);
  if (notable.length === 0) return lines.join("\n");
  const rows = notable.map((file) => [
    displayPath(file.input),
    file.status,
    file.error ?? file.reason ?? file.warnings?.join("; ") ?? "",
  ]);
  return [...lines, "", table(["FILE", "STATUS", "REASON"], rows)].join("\n");
}

function choice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const word = value.trim().toLowerCase();
  const match = choices.find((candidate) => candidate === word);
  if (match === undefined) {
    throw new PipelineError(`${flag} must be one of: ${choices.join(", ")} (got '${value}')`, { field: flag });
  }
  return match;
}

function parseScale(value: string | undefined): 2 | 3 | 4 | undefined {
  if (value === undefined) return undefined;
  const scale = upscaleScales.find((candidate) => String(candidate) === value.trim());
  if (scale === undefined) {
    throw new PipelineError(`--upscale-scale must be one of: ${upscaleScales.join(", ")} (got '${value}')`, {
      field: "--upscale-scale",
    });
  }
  return scale;
}

function parseBackends(value: string | undefined) {
  if (value === undefined) return undefined;
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new PipelineError("--bg-remove-backends must name at least one backend", { field: "--bg-remove-backends" });
  return names.map(
    (name) => choice("--bg-remove-backends", name, bgRemoveBackendNames) as (typeof bgRemoveBackendNames)[number],
  );
}

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new PipelineError(`--concurrency must be a whole number >= 1 (got '${value}')`, { field: "--concurrency" });
  }
  return number;
}

/** Paths under the current directory shown relative to it; anything else as it is. */
function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
