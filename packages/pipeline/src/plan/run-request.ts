import { runStageValues, runTimeOfDayValues, runWeatherValues } from "@kroma/contract/enums";
import type { Schema } from "@kroma/contract/types";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { type BatchRow, checkBatchRow } from "./batch.js";
import { type PromptFields, parsePromptFields } from "./prompt.js";
import type { PromptRecordRequest } from "./prompt-records.js";

/**
 * A run request as it arrives from the CLI (strings) or the API (JSON values). Every field is
 * optional and loosely typed; {@link validateRunRequest} turns it into a {@link RunRequest}.
 * List fields take an array of strings or one comma-separated string (`"a.png,b.png"`).
 */
export interface RawRunRequest {
  input?: unknown;
  scene_refs?: unknown;
  style_refs?: unknown;
  stage?: unknown;
  time?: unknown;
  weather?: unknown;
  candidates?: unknown;
  max_candidates?: unknown;
  /** Lets `candidates` exceed `max_candidates` (the seed's `--allow-many-candidates`). */
  allow_many_candidates?: unknown;
  output_guard_enabled?: unknown;
  enforce_grayscale?: unknown;
  max_chroma_delta?: unknown;
  fail_on_chroma_exceed?: unknown;
  archive_replaced?: unknown;
  /** A prompt template of the project, by name or id: its text replaces the manifest's prompt. */
  prompt_template?: unknown;
  /** A style guide of the project, by name or id: its instructions join every prompt. */
  style_guide?: unknown;
  /** Characters of the project, by name or id (a list, or one comma-separated string). */
  characters?: unknown;
  /** A reference set of the project: its text items join the prompt, its images the input images. */
  reference_set?: unknown;
  /** Values for the template's `{placeholders}`, the same for every job (a batch row's fields win). */
  prompt_fields?: unknown;
  /** Rows that each name a scene and its fields and overrides (see batch.ts); instead of `input`/`scene_refs`. */
  batch?: unknown;
  /** Runs every job this many times (after a batch's own expansion). */
  repeat?: unknown;
  /** Assets of the project (ids) to post-process instead of generating (see source-assets.ts). */
  assets?: unknown;
  /** A run of the project whose jobs' final outputs are post-processed, as `assets`. */
  from_run?: unknown;
  /** One image from this prompt (it replaces the manifest's), with at most one input image. */
  prompt?: unknown;
  // The configuration a request may change (config/run-overrides.ts): post-processing switches...
  post_bg_remove?: unknown;
  post_upscale?: unknown;
  upscale_backend?: unknown;
  post_color?: unknown;
  post_color_profile?: unknown;
  // ...and the manifest's prompts.
  style_base_prompt?: unknown;
  time_day_prompt?: unknown;
  time_night_prompt?: unknown;
  weather_clear_prompt?: unknown;
  weather_rain_prompt?: unknown;
}

/** The output guard a run applies (manifest values with the request's overrides). */
export type OutputGuardSettings = Schema<"RunOutputGuardSettings">;

/** A checked run request with every default filled in. Exactly one of `input` and `scene_refs` is set. */
export interface RunRequest {
  /** A file or directory from the user's command line; resolved against the working directory. */
  input?: string;
  /** Scene images relative to the project root. */
  scene_refs?: string[];
  /** Style references relative to the project root (the request's, else the manifest's). */
  style_refs: string[];
  stage: Schema<"RunStage">;
  time: Schema<"RunTimeOfDay">;
  weather: Schema<"RunWeather">;
  candidates: number;
  max_candidates: number;
  output_guard: OutputGuardSettings;
  /** Move a file about to be overwritten to `archive/replaced/` first (the seed's default). */
  archive_replaced: boolean;
  /** The project records the prompts are composed from, as named in the request (not yet looked up). */
  records: PromptRecordRequest;
  prompt_fields: PromptFields;
  /** The batch rows, checked; when set, neither `input` nor `scene_refs` is. */
  batch?: BatchRow[];
  repeat: number;
  /** Asset ids to post-process (a post-process run: no image request, one candidate per job). */
  assets?: string[];
  /** The run whose finals are post-processed (a post-process run, as `assets`). */
  from_run?: string;
  /** A one-image run's prompt: it replaces the manifest's composed prompt. */
  prompt?: string;
}

/**
 * Whether a request post-processes existing assets rather than generating. One run model holds
 * both: a post-process run is planned, logged, journaled and ingested as any run, its scenes are
 * the source assets' files and each job's one candidate is that file as it is (`existing`), so
 * every reader of runs (review, contact sheets, rerun, replay) keeps working on it.
 */
export function isPostprocessRun(request: { assets?: unknown; from_run?: unknown }): boolean {
  return !isAbsent(request.assets) || !isAbsent(request.from_run);
}

const trueWords = new Set(["1", "true", "yes", "on"]);
const falseWords = new Set(["0", "false", "no", "off"]);

/** Absent means undefined, null or a blank string: the CLI and JSON bodies both send "nothing" these ways. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Parses a boolean flag: `true`/`false`, or (any case) 1/true/yes/on and 0/false/no/off.
 * Absent values give `undefined`; anything else is an error naming the flag.
 *
 * @example
 * parseBoolean("enforce_grayscale", "Yes"); // true
 * parseBoolean("enforce_grayscale", "maybe"); // throws Field 'enforce_grayscale' must be a boolean ...
 */
export function parseBoolean(name: string, value: unknown): boolean | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === "boolean") return value;
  const word = String(value).trim().toLowerCase();
  if (trueWords.has(word)) return true;
  if (falseWords.has(word)) return false;
  throw new PipelineError(
    `Field '${name}' must be a boolean (1/true/yes/on or 0/false/no/off), got '${String(value)}'`,
    { field: name },
  );
}

/** One of a fixed set of words, case-insensitive; absent gives `undefined`. */
function parseChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T | undefined {
  if (isAbsent(value)) return undefined;
  const word = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const match = choices.find((choice) => choice === word);
  if (match === undefined) {
    throw new PipelineError(`Field '${name}' must be one of: ${choices.join(", ")}`, { field: name });
  }
  return match;
}

/** A positive integer given as a number or a string of digits; absent gives `undefined`. */
function parsePositiveInteger(name: string, value: unknown): number | undefined {
  if (isAbsent(value)) return undefined;
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 1) {
    throw new PipelineError(`Field '${name}' must be an integer >= 1`, { field: name });
  }
  return number;
}

/** A finite number >= 0, as a number or numeric string; absent gives `undefined`. */
function parseNonNegativeNumber(name: string, value: unknown): number | undefined {
  if (isAbsent(value)) return undefined;
  const number = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
    throw new PipelineError(`Field '${name}' must be a number >= 0`, { field: name });
  }
  return number;
}

/** A list of non-blank strings (array, or one comma-separated string); absent gives `undefined`. */
function parseList(name: string, value: unknown): string[] | undefined {
  if (isAbsent(value)) return undefined;
  const items = typeof value === "string" ? value.split(",") : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== "string")) {
    throw new PipelineError(`Field '${name}' must be a list of strings`, { field: name });
  }
  if (items.length === 0) throw new PipelineError(`Field '${name}' must not be empty`, { field: name });
  const trimmed = items.map((item: string) => item.trim());
  if (trimmed.includes("")) throw new PipelineError(`Field '${name}' must not contain empty values`, { field: name });
  return trimmed;
}

/** A record's name or id: a non-blank string; absent gives `undefined`. */
function parseRecordRef(name: string, value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "string") throw new PipelineError(`Field '${name}' must be a name or id`, { field: name });
  return value.trim();
}

/**
 * Refuses more candidates than the run allows. Applies to dry runs too, so a dry run never plans
 * something its paid run would refuse.
 *
 * @example
 * checkCandidates(8, 6); // throws Field 'candidates' (8) exceeds max_candidates (6); pass --allow-many-candidates ...
 */
export function checkCandidates(candidates: number, maxCandidates: number): void {
  if (candidates > maxCandidates) {
    throw new PipelineError(
      `Field 'candidates' (${candidates}) exceeds max_candidates (${maxCandidates}); pass --allow-many-candidates to allow it`,
      { field: "candidates" },
    );
  }
}

/** A batch: a non-empty list of rows, each checked by {@link checkBatchRow} (rows counted from 1). */
function parseBatch(value: unknown, stage: Schema<"RunStage">): BatchRow[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new PipelineError("Field 'batch' must be a non-empty list of rows", { field: "batch" });
  }
  return value.map((row, index) => checkBatchRow(row, index + 1, stage));
}

function parseRepeat(value: unknown): number {
  const repeat = parsePositiveInteger("repeat", value) ?? 1;
  if (repeat > 100) throw new PipelineError("Field 'repeat' must be at most 100", { field: "repeat" });
  return repeat;
}

/** The records a request names; only the ones it names are keys. */
function recordRequest(raw: RawRunRequest): PromptRecordRequest {
  const records: PromptRecordRequest = {};
  const template = parseRecordRef("prompt_template", raw.prompt_template);
  const styleGuide = parseRecordRef("style_guide", raw.style_guide);
  const characters = parseList("characters", raw.characters);
  const referenceSet = parseRecordRef("reference_set", raw.reference_set);
  if (template) records.prompt_template = template;
  if (styleGuide) records.style_guide = styleGuide;
  if (characters) records.characters = characters;
  if (referenceSet) records.reference_set = referenceSet;
  return records;
}

/**
 * Checks a run request and fills in its defaults: stage `style`, time `day`, weather `clear`,
 * candidates and max_candidates from the manifest (else 1 and 6), style refs from the manifest,
 * output guard from the manifest (enabled unless turned off). Rules, each a {@link PipelineError}
 * naming the field: exactly one of `input`, `scene_refs` and `batch`; `time` only with stage time or
 * weather; `weather` only with stage weather; candidates an integer >= 1 and at most
 * max_candidates; booleans as {@link parseBoolean}. Paths are checked later, against the project
 * root (see scenes.ts).
 *
 * @example
 * validateRunRequest({ scene_refs: "scenes/a.png", stage: "time", time: "night" }, manifest);
 * // { scene_refs: ["scenes/a.png"], stage: "time", time: "night", weather: "clear", candidates: 1, ... }
 */
export function validateRunRequest(raw: RawRunRequest, manifest: Manifest = defaultManifest): RunRequest {
  const input = isAbsent(raw.input) ? undefined : raw.input;
  if (input !== undefined && typeof input !== "string") {
    throw new PipelineError("Field 'input' must be a string", { field: "input" });
  }
  const sceneRefs = parseList("scene_refs", raw.scene_refs);
  const assets = parseList("assets", raw.assets);
  const fromRun = parseRecordRef("from_run", raw.from_run);
  const prompt = parsePrompt(raw);
  const given = {
    input,
    scene_refs: sceneRefs,
    batch: isAbsent(raw.batch) ? undefined : raw.batch,
    assets,
    from_run: fromRun,
  };
  const sources = Object.values(given).filter((v) => v !== undefined);
  const scenesFrom = Object.keys(given);
  if (sources.length > 1)
    throw new PipelineError(`Provide only one of: ${scenesFrom.join(", ")}`, { fields: scenesFrom });
  if (sources.length === 0 && prompt === undefined) {
    throw new PipelineError(`Provide one of: ${scenesFrom.join(", ")} (or a prompt)`, { fields: scenesFrom });
  }
  if (prompt !== undefined) checkPromptRun(raw, { sceneRefs, sources: given });
  if (assets !== undefined || fromRun !== undefined) checkPostprocessRequest(raw);

  const stage = parseChoice("stage", raw.stage, runStageValues) ?? "style";
  const batch = isAbsent(raw.batch) ? undefined : parseBatch(raw.batch, stage);
  const time = parseChoice("time", raw.time, runTimeOfDayValues);
  const weather = parseChoice("weather", raw.weather, runWeatherValues);
  if (time !== undefined && stage === "style") {
    throw new PipelineError("Field 'time' requires stage 'time' or 'weather'", { field: "time" });
  }
  if (weather !== undefined && stage !== "weather") {
    throw new PipelineError("Field 'weather' requires stage 'weather'", { field: "weather" });
  }

  const postprocessOnly = assets !== undefined || fromRun !== undefined;
  const candidates = postprocessOnly
    ? 1
    : (parsePositiveInteger("candidates", raw.candidates) ?? manifest.generation?.candidates ?? 1);
  const maxCandidates =
    parsePositiveInteger("max_candidates", raw.max_candidates) ?? manifest.generation?.max_candidates ?? 6;
  if (parseBoolean("allow_many_candidates", raw.allow_many_candidates) !== true) {
    checkCandidates(candidates, maxCandidates);
  }

  const guard = manifest.output_guard ?? defaultManifest.output_guard;
  const outputGuard: OutputGuardSettings = {
    enabled: parseBoolean("output_guard_enabled", raw.output_guard_enabled) ?? true,
    enforce_grayscale: parseBoolean("enforce_grayscale", raw.enforce_grayscale) ?? guard.enforce_grayscale,
    max_chroma_delta: parseNonNegativeNumber("max_chroma_delta", raw.max_chroma_delta) ?? guard.max_chroma_delta,
    fail_on_chroma_exceed:
      parseBoolean("fail_on_chroma_exceed", raw.fail_on_chroma_exceed) ?? guard.fail_on_chroma_exceed,
  };

  // A one-image or post-process run sends only what it names: the manifest's style refs are not added.
  const defaultStyleRefs = prompt !== undefined || postprocessOnly ? [] : [...(manifest.style_refs ?? [])];
  return {
    ...sceneSource({ input, batch, sceneRefs, assets, fromRun }),
    ...(prompt !== undefined ? { prompt } : {}),
    style_refs: parseList("style_refs", raw.style_refs) ?? defaultStyleRefs,
    stage,
    time: time ?? "day",
    weather: weather ?? "clear",
    candidates,
    max_candidates: maxCandidates,
    output_guard: outputGuard,
    archive_replaced: parseBoolean("archive_replaced", raw.archive_replaced) ?? true,
    records: recordRequest(raw),
    prompt_fields: parsePromptFields("prompt_fields", raw.prompt_fields) ?? {},
    repeat: parseRepeat(raw.repeat),
  };
}

/** The request's scene source, as the checked request holds it (none for a prompt-only run). */
function sceneSource(given: {
  input: string | undefined;
  batch: BatchRow[] | undefined;
  sceneRefs: string[] | undefined;
  assets: string[] | undefined;
  fromRun: string | undefined;
}): Pick<RunRequest, "input" | "batch" | "scene_refs" | "assets" | "from_run"> {
  if (given.input !== undefined) return { input: given.input.trim() };
  if (given.batch) return { batch: given.batch };
  if (given.assets) return { assets: given.assets };
  if (given.fromRun) return { from_run: given.fromRun };
  return given.sceneRefs ? { scene_refs: given.sceneRefs } : {};
}

/** A one-image run's prompt: absent, or a string with more than blanks (an empty one is refused, not ignored). */
function parsePrompt(raw: RawRunRequest): string | undefined {
  if (raw.prompt === undefined || raw.prompt === null) return undefined;
  if (typeof raw.prompt !== "string") throw new PipelineError("Field 'prompt' must be a string", { field: "prompt" });
  if (raw.prompt.trim() === "") throw new PipelineError("Field 'prompt' must not be empty", { field: "prompt" });
  return raw.prompt.trim();
}

/**
 * A one-image run: at most one input image (`input` naming a file, or one `scene_refs`), no
 * batch, assets or template (the prompt given is the prompt), one job.
 */
function checkPromptRun(
  raw: RawRunRequest,
  { sceneRefs, sources }: { sceneRefs: string[] | undefined; sources: Record<string, unknown> },
): void {
  for (const field of ["batch", "assets", "from_run"]) {
    if (sources[field] !== undefined) {
      throw new PipelineError(`Field 'prompt' cannot be combined with '${field}'`, { field: "prompt" });
    }
  }
  if (!isAbsent(raw.prompt_template)) {
    throw new PipelineError("Field 'prompt' replaces the prompt: do not name a prompt_template too", {
      field: "prompt",
    });
  }
  if (sceneRefs !== undefined && sceneRefs.length > 1) {
    throw new PipelineError("Field 'prompt' takes at most one input image (scene_refs names more)", {
      field: "scene_refs",
    });
  }
  if (parsePositiveInteger("repeat", raw.repeat) !== undefined && Number(raw.repeat) > 1) {
    throw new PipelineError("Field 'repeat' is not accepted with 'prompt': it makes one image", { field: "repeat" });
  }
}

/**
 * A post-process run generates nothing: it takes no batch-only or generation-only options
 * (candidates above 1, repeat, a prompt template).
 */
function checkPostprocessRequest(raw: RawRunRequest): void {
  const candidates = parsePositiveInteger("candidates", raw.candidates);
  if (candidates !== undefined && candidates > 1) {
    throw new PipelineError(
      "Field 'candidates' must be 1 for a post-process run (assets, from_run): nothing is generated",
      {
        field: "candidates",
      },
    );
  }
  if ((parsePositiveInteger("repeat", raw.repeat) ?? 1) > 1) {
    throw new PipelineError("Field 'repeat' is not accepted for a post-process run (assets, from_run)", {
      field: "repeat",
    });
  }
}
