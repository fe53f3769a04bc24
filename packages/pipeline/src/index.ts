/**
 * @kroma/pipeline: settings layering, planning, generation, post-processing and run logs.
 * This package has no HTTP and no database; the server and the CLI call into it.
 */

export {
  defaultManifest,
  type Manifest,
  type Stage,
  stages,
  type TimeOfDay,
  timesOfDay,
  type Weather,
  weathers,
} from "./config/manifest.js";
export { inspectManifest, loadManifest } from "./config/manifest-loader.js";
export { type KeyProvider, type ProviderKeys, providerKeyEnv, providerKeysFromEnv } from "./config/provider-keys.js";
export {
  bodyField,
  cliFlag,
  type FieldNamer,
  postprocessOverrides,
  refuseIgnoredOverrides,
  withPromptOverrides,
} from "./config/run-overrides.js";
export {
  bgRemoveBackendNames,
  builtInColorProfileNames,
  outputImageFormats,
  upscaleBackendNames,
  upscaleScales,
} from "./config/schemas.js";
export {
  defaultPipelineSettings,
  listResolvedSettings,
  type PipelineSettings,
  type PipelineSettingsOverrides,
  type PostprocessSettings,
  type ResolvedPipelineSettings,
  resolvePipelineSettings,
  type SettingSource,
} from "./config/settings.js";
export {
  defaultPostprocessConfig,
  loadPipelineConfig,
  type PipelineConfig,
  type PipelineConfigValidation,
  type PostprocessConfig,
  type ValidatePipelineConfigOptions,
  validatePipelineConfig,
} from "./config/validation.js";
export { type ConfigProblem, configError, formatConfigProblem, PipelineError } from "./errors.js";
export {
  type ArchiveBadOptions,
  type ArchiveBadResult,
  type ArchivedFile,
  archiveBad,
  archiveReplaced,
  archiveStamp,
} from "./files/archive.js";
export { digestFile, digestFiles, sha256File } from "./files/hash.js";
export { imageExtensions, isImagePath, isInside, resolveProjectRef, resolveProjectRefs } from "./files/paths.js";
export { embedPngText, isPng, readPngText, readPngTextMap } from "./files/png-metadata.js";
export {
  classifyError,
  createImageClient,
  editImage,
  generateImage,
  ImageResponseError,
  type ImageSettings,
  type ImageUsage,
  imageSettingsFromEnv,
  type RequestAttempt,
  redact,
  retryAfterMs,
  withRetries,
} from "./generate/images-client.js";
export {
  assertImageRequest,
  assertImageSettings,
  checkImageRequest,
  defaultImageModel,
  defaultImageQuality,
  defaultImageSize,
  type ImageModel,
  type ImageRequestProblem,
  type ImageRequestSettings,
  imageModel,
  imageModels,
  inputFidelityFor,
  listPricePerImageUsd,
} from "./generate/models.js";
export {
  defaultImageConcurrency,
  defaultImageTimeoutMs,
  type ImageRequestLimits,
  imageRequestLimitsFromEnv,
  maxImageConcurrency,
} from "./generate/request-limits.js";
export { type RecordedImageCost, recordedImageCost } from "./generate/usage-cost.js";
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
} from "./guard/output-guard.js";
export type { CandidateRank, GuardFileResult, QaReport } from "./guard/types.js";
export { type BatchJob, type BatchRow, checkBatchRow, expandBatch } from "./plan/batch.js";
export { type DryRunOptions, planDryRun } from "./plan/dry-run.js";
export { candidateOutputs, jobId, type PlannedJob, planRun, type RunPlan, sceneName } from "./plan/plan.js";
export { type PreparedRun, prepareRun } from "./plan/prepare.js";
export {
  builtInPromptFields,
  composeJobPrompt,
  composePrompt,
  fillTemplate,
  noInventionSentence,
  type PromptFields,
} from "./plan/prompt.js";
export {
  type CharacterContent,
  missingReferenceAsset,
  type PromptRecordRef,
  type PromptRecordRequest,
  type PromptRecordSource,
  type PromptRecords,
  type PromptTemplateContent,
  projectImageUri,
  promptRecordRefs,
  type ReferenceItemContent,
  type ReferenceSetContent,
  recordDigest,
  referenceItemContent,
  resolvePromptRecords,
  type StyleGuideContent,
} from "./plan/prompt-records.js";
export { type DryRunJob, type DryRunLog, logPath, newRunId, runLogSchemaVersion, writeRunLog } from "./plan/run-log.js";
export {
  checkCandidates,
  isPostprocessRun,
  type OutputGuardSettings,
  parseBoolean,
  type RawRunRequest,
  type RunRequest,
  validateRunRequest,
} from "./plan/run-request.js";
export { listInputImages } from "./plan/scenes.js";
export {
  checkPostprocessRun,
  resolveSourceAssets,
  type SourceAsset,
  type SourceAssetLookup,
} from "./plan/source-assets.js";
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
  postprocessStages,
  runPostprocessChain,
} from "./postprocess/chain.js";
export { applyColorProfile, type ColorCorrectOptions, colorCorrectFile } from "./postprocess/color.js";
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
export { decodeRgb, defaultMaxInputPixels, openImage, type RawPixels } from "./postprocess/image-io.js";
export { type PreflightProblem, postprocessProblems, preflightPostprocess } from "./postprocess/preflight.js";
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
export {
  type ExecuteRunOptions,
  RunInterruptedError,
  type RunProgressEvent,
} from "./run/context.js";
export {
  type BudgetFigures,
  budgetShortfall,
  checkMaxSpend,
  checkSpendAllowed,
  describeSpendEstimate,
  estimateImageCostUsd,
  estimateRunSpend,
  type SpendEstimate,
} from "./run/cost.js";
export { executeRun } from "./run/execute.js";
export { type RunJournal, type RunJournalHeader, readRunJournal, runJournalPath } from "./run/journal.js";
export type {
  CandidateGuardLog,
  PaidRunLog,
  RunCandidateLog,
  RunJobLog,
  RunJobStatus,
  RunStatus,
  RunSummary,
} from "./run/log.js";
export { type RecordedSpend, recordedSpend } from "./run/recorded-cost.js";
export { type ReplayDifference, type ReplayOptions, type ReplayResult, replayRun } from "./run/replay.js";
export { type ResumeRunOptions, resumeRun } from "./run/resume.js";
