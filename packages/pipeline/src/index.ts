/**
 * @kroma/pipeline: settings layering, planning, generation, post-processing and run logs.
 * This package has no HTTP and no database; the server and the CLI call into it.
 */
export {
  type ArchiveBadOptions,
  type ArchiveBadResult,
  type ArchivedFile,
  archiveBad,
  archiveReplaced,
  archiveStamp,
} from "./archive.js";
export {
  bgRemoveBackendNames,
  builtInColorProfileNames,
  outputImageFormats,
  upscaleBackendNames,
  upscaleScales,
} from "./config-schemas.js";
export {
  defaultPostprocessConfig,
  loadPipelineConfig,
  type PipelineConfig,
  type PipelineConfigValidation,
  type PostprocessConfig,
  type ValidatePipelineConfigOptions,
  validatePipelineConfig,
} from "./config-validation.js";
export { type ConfigProblem, configError, formatConfigProblem, PipelineError } from "./errors.js";
export {
  checkCandidates,
  type OutputGuardSettings,
  parseBoolean,
  type RawRunRequest,
  type RunRequest,
  validateRunRequest,
} from "./flags.js";
export {
  classifyError,
  createImageClient,
  editImage,
  ImageResponseError,
  type ImageUsage,
  type RequestAttempt,
  redact,
  withRetries,
} from "./generate.js";
export { digestFile, digestFiles, sha256File } from "./hash.js";
export {
  defaultManifest,
  type Manifest,
  type Stage,
  stages,
  type TimeOfDay,
  timesOfDay,
  type Weather,
  weathers,
} from "./manifest.js";
export { inspectManifest, loadManifest } from "./manifest-loader.js";
export {
  checkImage,
  chromaDeltaOfRgb,
  defaultQaReportPath,
  guardReasons,
  pickBestCandidate,
  type RawGuardSettings,
  rankCandidate,
  resolveGuardSettings,
  runQa,
  writeQaReport,
} from "./output-guard.js";
export type { CandidateRank, GuardFileResult, QaReport } from "./output-guard-types.js";
export {
  candidateOutputs,
  type DryRunOptions,
  jobId,
  type PlannedJob,
  planDryRun,
  planRun,
  type RunPlan,
  sceneName,
} from "./plan.js";
export { embedPngText, isPng, readPngText, readPngTextMap } from "./png-metadata.js";
export { composePrompt, noInventionSentence } from "./prompt.js";
export { type ReplayDifference, type ReplayOptions, type ReplayResult, replayRun } from "./replay.js";
export {
  type CandidateGuardLog,
  checkSpendAllowed,
  type ExecuteRunOptions,
  estimateImageCostUsd,
  executeRun,
  type PaidRunLog,
  postprocessOff,
  type RunCandidateLog,
  type RunJobLog,
  type RunJobStatus,
  type RunProgressEvent,
  type RunStatus,
  type RunSummary,
} from "./run.js";
export { type DryRunJob, type DryRunLog, logPath, newRunId, runLogSchemaVersion, writeRunLog } from "./run-log.js";
export { imageExtensions, isImagePath, listInputImages, resolveProjectRef, resolveProjectRefs } from "./scenes.js";
export {
  defaultPipelineSettings,
  listResolvedSettings,
  type PipelineSettings,
  type PipelineSettingsOverrides,
  type PostprocessSettings,
  type ResolvedPipelineSettings,
  resolvePipelineSettings,
  type SettingSource,
} from "./settings.js";

/** Post-process stages in the fixed order the pipeline runs them. */
export const postprocessStages = ["bg_remove", "bg_refine_openai", "upscale", "color"] as const;
export type PostprocessStage = (typeof postprocessStages)[number];
