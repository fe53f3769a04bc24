import { createRequire } from "node:module";
import type { Stage, TimeOfDay, Weather } from "../config/manifest.js";
import type { PromptRecordRef } from "./prompt-records.js";
import { type DryRunLog, logPath, type RunLogInput, runLogSchemaVersion } from "./run-log.js";
import type { OutputGuardSettings } from "./run-request.js";

/** This package's version: a log's `versions.kroma` and a generated PNG's `Software` unless the caller names another. */
export const pipelineVersion = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

/** The part of a run plan a log records (a `RunPlan` has it). */
export interface PlannedSettings {
  stage: Stage;
  time: TimeOfDay;
  weather: Weather;
  candidates: number;
  max_candidates: number;
  /** The records the prompts were composed from. */
  prompt_records: PromptRecordRef[];
  /** The reference set's images (absolute). */
  reference_images: string[];
  /** A one-image run's prompt as given (the request's `prompt`). */
  prompt_given?: string | undefined;
}

/** The image settings every request of a run is sent with. */
export interface ImageRequestSettings {
  model: string;
  size: string;
  quality: string;
}

/**
 * The run settings a log records and replay compares: what a re-run would send and apply. One
 * builder for dry logs, paid logs and replay, so the three can never disagree on a field.
 */
export function runLogSettings(
  image: ImageRequestSettings,
  plan: Pick<PlannedSettings, "candidates" | "max_candidates">,
  outputGuard: OutputGuardSettings,
  postprocess: unknown,
) {
  return {
    model: image.model,
    size: image.size,
    quality: image.quality,
    generation: { candidates: plan.candidates, max_candidates: plan.max_candidates },
    output_guard: outputGuard,
    postprocess,
  };
}

type HeaderField =
  | "run_id"
  | "schema_version"
  | "timestamp"
  | "project"
  | "stage"
  | "time"
  | "weather"
  | "model"
  | "size"
  | "quality"
  | "generation"
  | "output_guard"
  | "postprocess"
  | "storage"
  | "versions"
  | "inputs"
  | "prompt_records"
  | "prompt_given"
  | "reference_images";

/** The fields dry and paid run logs begin with, in the order they are written. */
export type RunLogHeader<Mode extends "dry" | "run"> = Pick<DryRunLog, HeaderField> & { mode: Mode };

/** What {@link runLogHeader} is built from. */
export interface RunLogHeaderParts<Mode extends "dry" | "run"> {
  runId: string;
  /** When the run started: the log's `timestamp`. */
  now: Date;
  project: string;
  mode: Mode;
  plan: PlannedSettings;
  image: ImageRequestSettings;
  outputGuard: OutputGuardSettings;
  /** The post-process settings as the log records them. */
  postprocess: unknown;
  /** The absolute project root. */
  root: string;
  resolvedFromBackend: boolean;
  /** Default: {@link pipelineVersion}. */
  kromaVersion?: string | undefined;
  inputs: RunLogInput[];
}

/**
 * The head of a run log, shared by dry and paid runs: id, schema version, project, mode, the
 * planned stage, the run settings (see {@link runLogSettings}), storage, versions, inputs and
 * the records the prompts were composed from.
 *
 * @example
 * const head = runLogHeader({ runId, now, project: "demo", mode: "dry", plan, image, outputGuard, postprocess, root, resolvedFromBackend: false, inputs });
 * head.versions; // { kroma: "0.1.0", node: "v22.12.0" }
 */
export function runLogHeader<Mode extends "dry" | "run">(parts: RunLogHeaderParts<Mode>): RunLogHeader<Mode> {
  const { plan } = parts;
  return {
    run_id: parts.runId,
    schema_version: runLogSchemaVersion,
    timestamp: parts.now.toISOString(),
    project: parts.project,
    mode: parts.mode,
    stage: plan.stage,
    time: plan.time,
    weather: plan.weather,
    ...runLogSettings(parts.image, plan, parts.outputGuard, parts.postprocess),
    storage: { project_root: parts.root, resolved_from_backend: parts.resolvedFromBackend },
    versions: { kroma: parts.kromaVersion ?? pipelineVersion, node: process.version },
    inputs: parts.inputs,
    prompt_records: plan.prompt_records,
    ...(plan.prompt_given !== undefined ? { prompt_given: plan.prompt_given } : {}),
    ...(plan.reference_images.length > 0
      ? { reference_images: plan.reference_images.map((path) => logPath(parts.root, path)) }
      : {}),
  };
}
