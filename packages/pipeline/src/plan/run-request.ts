import { runStageValues, runTimeOfDayValues, runWeatherValues } from "@kroma/contract/enums";
import type { Schema } from "@kroma/contract/types";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";

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

/**
 * Checks a run request and fills in its defaults: stage `style`, time `day`, weather `clear`,
 * candidates and max_candidates from the manifest (else 1 and 6), style refs from the manifest,
 * output guard from the manifest (enabled unless turned off). Rules, each a {@link PipelineError}
 * naming the field: exactly one of `input` and `scene_refs`; `time` only with stage time or
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
  if (input !== undefined && sceneRefs !== undefined) {
    throw new PipelineError("Provide only one of: input, scene_refs", { fields: ["input", "scene_refs"] });
  }
  if (input === undefined && sceneRefs === undefined) {
    throw new PipelineError("Provide one of: input, scene_refs", { fields: ["input", "scene_refs"] });
  }

  const stage = parseChoice("stage", raw.stage, runStageValues) ?? "style";
  const time = parseChoice("time", raw.time, runTimeOfDayValues);
  const weather = parseChoice("weather", raw.weather, runWeatherValues);
  if (time !== undefined && stage === "style") {
    throw new PipelineError("Field 'time' requires stage 'time' or 'weather'", { field: "time" });
  }
  if (weather !== undefined && stage !== "weather") {
    throw new PipelineError("Field 'weather' requires stage 'weather'", { field: "weather" });
  }

  const candidates = parsePositiveInteger("candidates", raw.candidates) ?? manifest.generation?.candidates ?? 1;
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

  return {
    ...(input !== undefined ? { input: input.trim() } : { scene_refs: sceneRefs }),
    style_refs: parseList("style_refs", raw.style_refs) ?? [...(manifest.style_refs ?? [])],
    stage,
    time: time ?? "day",
    weather: weather ?? "clear",
    candidates,
    max_candidates: maxCandidates,
    output_guard: outputGuard,
    archive_replaced: parseBoolean("archive_replaced", raw.archive_replaced) ?? true,
  };
}
