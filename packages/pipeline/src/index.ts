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
  type ImageSettings,
  type ImageUsage,
  imageSettingsFromEnv,
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
  type PreparedRun,
  planDryRun,
  planRun,
  prepareRun,
  type RunPlan,
  sceneName,
} from "./plan.js";
export { embedPngText, isPng, readPngText, readPngTextMap } from "./png-metadata.js";
// Post-processing stages: the chain, the standalone batch operations and the backend check.
export {
  type BatchFileResult,
  type BatchOperation,
  type BatchOptions,
  type BatchProgressEvent,
  type BatchRefineOptions,
  type BatchResult,
  bgRemoveOperation,
  colorOperation,
  runPostprocessBatch,
  upscaleOperation,
} from "./postprocess/batch.js";
export { RefineError, type RefineOptions, refineCutoutFile, refinePrompt } from "./postprocess/bg-refine-openai.js";
export {
  BgRemoveError,
  type BgRemoveOptions,
  bgRemoveServiceUrls,
  localBgRemovalInstallCommand,
  localBgRemovalPackage,
  removeBackgroundFile,
  resolveLocalModule,
} from "./postprocess/bg-remove.js";
export {
  effectivePostprocessSettings,
  enabledPostprocessStages,
  type PostprocessChainResult,
  type PostprocessContext,
  type PostprocessStage,
  type PostprocessStageRecord,
  type PostprocessStageStatus,
  type ProviderBaseUrls,
  type ProviderKeys,
  postprocessStages,
  runPostprocessChain,
} from "./postprocess/chain.js";
export { applyColorProfile, type ColorCorrectOptions, colorCorrectFile, type RawPixels } from "./postprocess/color.js";
export {
  builtInColorProfiles,
  type ColorProfile,
  type ColorSettings,
  colorProfileFields,
  defaultColorSettings,
  identityColorProfile,
  loadColorSettings,
  resolveColorProfile,
} from "./postprocess/color-profiles.js";
export { type BackendCheck, checkPostprocessBackends, type DoctorOptions } from "./postprocess/doctor.js";
export { decodeRgb, defaultMaxInputPixels, openImage } from "./postprocess/image-io.js";
export {
  chainForLog,
  postprocessForLog,
  postprocessOff,
  type RunPostprocess,
  type RunPostprocessContext,
  runPostprocessFrom,
} from "./postprocess/run-postprocess.js";
export type { BackendAttempt, StageReport } from "./postprocess/stage-report.js";
export {
  findRealesrganBinary,
  realesrganBinarySetting,
  realesrganDefaults,
  type UpscaleOptions,
  upscaleFile,
} from "./postprocess/upscale.js";
export { composePrompt, noInventionSentence } from "./prompt.js";
export { type ReplayDifference, type ReplayOptions, type ReplayResult, replayRun } from "./replay.js";
export {
  type CandidateGuardLog,
  checkSpendAllowed,
  type ExecuteRunOptions,
  estimateImageCostUsd,
  executeRun,
  type PaidRunLog,
  type ResumeRunOptions,
  type RunCandidateLog,
  RunInterruptedError,
  type RunJobLog,
  type RunJobStatus,
  type RunProgressEvent,
  type RunStatus,
  type RunSummary,
  resumeRun,
} from "./run.js";
export { type RunJournal, type RunJournalHeader, readRunJournal, runJournalPath } from "./run-journal.js";
export { type DryRunJob, type DryRunLog, logPath, newRunId, runLogSchemaVersion, writeRunLog } from "./run-log.js";
export {
  imageExtensions,
  isImagePath,
  isInside,
  listInputImages,
  resolveProjectRef,
  resolveProjectRefs,
} from "./scenes.js";
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
