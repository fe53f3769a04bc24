import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { Schema } from "@kroma/contract/types";
import { cliFlag, PipelineError, parseBoolean } from "@kroma/pipeline";
import type { Command } from "commander";
import { parse as parseCsv } from "csv-parse/sync";
import { pathRule, pathRuleHelp } from "./run-paths.js";

// The options a run takes, defined once for `kroma lab dry`, `kroma lab run` and
// `kroma runs trigger`: each flag is the trigger body's field with `-` for `_`
// (test/run-options-parity.test.ts holds the two to each other).

/** The trigger body's run fields: what a run is asked to do, wherever it executes. */
export type RunRequestBody = Omit<
  Schema<"TriggerRunRequest">,
  "mode" | "confirm_spend" | "storage_sync_s3" | "project_root"
>;

/** The flags {@link runRequestOptions} defines, as commander names them. */
export interface RunRequestFlags {
  input?: string;
  sceneRefs?: string;
  styleRefs?: string;
  batch?: string;
  repeat?: string;
  assets?: string;
  fromRun?: string;
  prompt?: string;
  stage?: string;
  time?: string;
  weather?: string;
  candidates?: string;
  maxCandidates?: string;
  allowManyCandidates?: boolean;
  model?: string;
  size?: string;
  quality?: string;
  maxSpend?: string;
  outputGuardEnabled?: string | boolean;
  enforceGrayscale?: string | boolean;
  maxChromaDelta?: string;
  failOnChromaExceed?: string | boolean;
  /** `--no-archive-replaced` makes this false. */
  archiveReplaced: boolean;
  postBgRemove?: string | boolean;
  postUpscale?: string | boolean;
  upscaleBackend?: string;
  postColor?: string | boolean;
  postColorProfile?: string;
  styleBasePrompt?: string;
  timeDayPrompt?: string;
  timeNightPrompt?: string;
  weatherClearPrompt?: string;
  weatherRainPrompt?: string;
  promptTemplate?: string;
  styleGuide?: string;
  characters?: string;
  referenceSet?: string;
  promptFields?: string[];
}

/** Adds every run option to `command`, and the path rule to its help. */
export function runRequestOptions(command: Command): Command {
  return command
    .addHelpText("after", pathRuleHelp)
    .option(
      "--input <path>",
      "an image, or a directory walked recursively for images (relative to the current directory; outside the project it is put into it)",
    )
    .option(
      "--scene-refs <list>",
      "comma-separated scene images, relative to the current directory (one outside the project is put into it)",
    )
    .option(
      "--style-refs <list>",
      "comma-separated style references, relative to the current directory (one outside the project is put into it)",
    )
    .option(
      "--batch <file>",
      "JSONL or CSV rows (the file relative to the current directory), each naming a scene relative to the project root, and its template fields and stage/time/weather",
    )
    .option("--repeat <n>", "plan every job this many times, as separate jobs (default 1)")
    .option(
      "--assets <list>",
      "comma-separated asset ids to post-process instead of generating (no image request; needs a --post-* stage on)",
    )
    .option(
      "--from-run <run_id>",
      "post-process the final output of every job of this run instead of generating (needs a --post-* stage on)",
    )
    .option(
      "--prompt <text>",
      "one image from this prompt (it replaces the manifest's); with one --input/--scene-refs image an edit, without a generation",
    )
    .option("--stage <stage>", "style | time | weather (default style)")
    .option("--time <time>", "day | night (default day; needs stage time or weather)")
    .option("--weather <weather>", "clear | rain (default clear; needs stage weather)")
    .option("--candidates <n>", "images per job (default: manifest)")
    .option("--max-candidates <n>", "upper bound for --candidates (default: manifest)")
    .option("--allow-many-candidates", "let --candidates exceed --max-candidates")
    .option("--model <name>", "image model (default: OPENAI_IMAGE_MODEL, else gpt-image-1)")
    .option("--size <size>", "image size, one the model accepts (default: OPENAI_IMAGE_SIZE, else 1024x1536)")
    .option("--quality <quality>", "low | medium | high | auto (default: OPENAI_IMAGE_QUALITY, else medium)")
    .option(
      "--max-spend <usd>",
      "refuse the run, before anything is sent, when its spend estimate exceeds this many dollars (or cannot be priced fully)",
    )
    .option("--output-guard-enabled [bool]", "run the output guard (default true)")
    .option("--enforce-grayscale [bool]", "fail images that are not grayscale-like")
    .option("--max-chroma-delta <n>", "grayscale threshold")
    .option("--fail-on-chroma-exceed [bool]", "fail images above the threshold instead of warning")
    .option("--no-archive-replaced", "overwrite outputs without archiving the old file")
    .option(
      "--post-bg-remove [bool]",
      "remove the background of every generated image (pipeline.postprocess.bg_remove)",
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
    .option("--weather-rain-prompt <text>", "override prompts.weather_rain")
    .option("--prompt-template <name>", "a prompt template of the project (name or id); replaces the manifest's prompt")
    .option("--style-guide <name>", "a style guide of the project (name or id); joins every prompt")
    .option("--characters <list>", "comma-separated characters of the project (names or ids); join every prompt")
    .option(
      "--reference-set <name>",
      "a reference set of the project: its text joins every prompt, its images are sent as extra input images",
    )
    .option(
      "--prompt-fields <name=value...>",
      "values for the template's {placeholders}, e.g. --prompt-fields mood=wet era=1920s",
    );
}

/**
 * The trigger body the flags describe, with numbers and booleans typed and the batch file read.
 * Each malformed value is an error naming its flag.
 *
 * @example
 * await runBodyFromFlags({ sceneRefs: "scenes/a.png", candidates: "2", archiveReplaced: true });
 * // { scene_refs: ["scenes/a.png"], candidates: 2 }
 */
export async function runBodyFromFlags(flags: RunRequestFlags, cwd = process.cwd()): Promise<RunRequestBody> {
  const body: RunRequestBody = {
    input: flags.input,
    scene_refs: list(flags.sceneRefs),
    style_refs: list(flags.styleRefs),
    batch: flags.batch === undefined ? undefined : await readBatchFile(resolve(cwd, flags.batch), flags.batch),
    repeat: integer("repeat", flags.repeat),
    assets: list(flags.assets),
    from_run: flags.fromRun,
    prompt: flags.prompt,
    stage: flags.stage as RunRequestBody["stage"],
    time: flags.time as RunRequestBody["time"],
    weather: flags.weather as RunRequestBody["weather"],
    candidates: integer("candidates", flags.candidates),
    max_candidates: integer("max_candidates", flags.maxCandidates),
    allow_many_candidates: flags.allowManyCandidates,
    model: flags.model,
    size: flags.size,
    quality: flags.quality,
    max_spend_usd: maxSpendFromFlags(flags),
    output_guard_enabled: boolean("output_guard_enabled", flags.outputGuardEnabled),
    enforce_grayscale: boolean("enforce_grayscale", flags.enforceGrayscale),
    max_chroma_delta: number("max_chroma_delta", flags.maxChromaDelta),
    fail_on_chroma_exceed: boolean("fail_on_chroma_exceed", flags.failOnChromaExceed),
    archive_replaced: flags.archiveReplaced === false ? false : undefined,
    post_bg_remove: boolean("post_bg_remove", flags.postBgRemove),
    post_upscale: boolean("post_upscale", flags.postUpscale),
    upscale_backend: flags.upscaleBackend,
    post_color: boolean("post_color", flags.postColor),
    post_color_profile: flags.postColorProfile,
    style_base_prompt: flags.styleBasePrompt,
    time_day_prompt: flags.timeDayPrompt,
    time_night_prompt: flags.timeNightPrompt,
    weather_clear_prompt: flags.weatherClearPrompt,
    weather_rain_prompt: flags.weatherRainPrompt,
    prompt_template: flags.promptTemplate,
    style_guide: flags.styleGuide,
    characters: list(flags.characters),
    reference_set: flags.referenceSet,
    prompt_fields: promptFields(flags.promptFields),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as RunRequestBody;
}

const list = (value?: string) => value?.split(",").map((item) => item.trim());

function integer(field: string, value?: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    throw new PipelineError(`${cliFlag(field)} must be an integer >= 1, got '${value}'`, { field });
  }
  return Number(value);
}

function number(field: string, value?: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0) {
    throw new PipelineError(`${cliFlag(field)} must be a number >= 0, got '${value}'`, { field });
  }
  return parsed;
}

const boolean = (field: string, value?: string | boolean) => parseBoolean(cliFlag(field), value);

/** `--prompt-fields mood=wet era=1920s` as `{ mood: "wet", era: "1920s" }`; each pair needs its `=`. */
function promptFields(pairs?: string[]): Record<string, string> | undefined {
  if (pairs === undefined) return undefined;
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 1) {
      throw new PipelineError(`--prompt-fields takes name=value pairs, got '${pair}'`, { field: "prompt_fields" });
    }
    fields[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return fields;
}

/**
 * `--max-spend` in dollars: a positive number, or undefined when not given.
 *
 * @example
 * maxSpendFromFlags({ maxSpend: "$0.5" }); // 0.5
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

/** The columns of a CSV batch that are not template fields. */
const csvRowKeys = new Set(["scene", "stage", "time", "weather", "repeat"]);

/**
 * A batch file's rows: JSON Lines (`.jsonl`/`.ndjson`: one row object per line, blank lines
 * skipped; lists expand, `zip` groups them) or CSV (`.csv`: a header row; `scene`, `stage`,
 * `time`, `weather` and `repeat` columns, every other column a template field; one job per
 * record, blank cells left out). The rows are checked by the pipeline, as the trigger's are.
 */
export async function readBatchFile(path: string, given = path): Promise<NonNullable<RunRequestBody["batch"]>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      // "Field 'batch'" reads as "--batch" and exits 2 (flag-errors.ts).
      throw new PipelineError(`Field 'batch' ${given}: no such file ${path} (${pathRule})`, { field: "batch" });
    }
    throw new PipelineError(`--batch: cannot read ${path}: ${(error as Error).message}`, { field: "batch" });
  }
  const rows = extname(path).toLowerCase() === ".csv" ? csvRows(path, text) : jsonlRows(path, text);
  if (rows.length === 0) throw new PipelineError(`--batch: ${path} has no rows`, { field: "batch" });
  return rows as NonNullable<RunRequestBody["batch"]>;
}

function jsonlRows(path: string, text: string): unknown[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === "") return [];
    try {
      return [JSON.parse(line)];
    } catch {
      throw new PipelineError(`--batch: ${path} line ${index + 1} is not JSON (use .csv for CSV files)`, {
        field: "batch",
      });
    }
  });
}

function csvRows(path: string, text: string): unknown[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new PipelineError(`--batch: ${path} is not valid CSV: ${(error as Error).message}`, { field: "batch" });
  }
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (value === "") continue;
      if (csvRowKeys.has(key)) row[key] = key === "repeat" ? Number(value) : value;
      else fields[key] = value;
    }
    return Object.keys(fields).length > 0 ? { ...row, fields } : row;
  });
}
