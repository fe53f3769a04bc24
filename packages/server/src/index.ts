export { type AppOptions, createApp, serverVersion } from "./core/app.js";
export { type AuthMode, type AuthPolicy, isLoopbackHost } from "./core/auth-policy.js";
export { defaultBind, defaultDbPath, loadServerConfig, parseBind, type ServerConfig } from "./core/config.js";
export { type KromaDb, migrateToLatest, openDatabase } from "./core/db/database.js";
export {
  createLeaseRepository,
  defaultLeaseTtlMs,
  type LeaseKind,
  type LeaseOwner,
  type LeaseRepository,
  newLeaseOwner,
} from "./core/db/lease-repository.js";
export type { Database } from "./core/db/schema.js";
export { ApiError, type ErrorCode, toErrorResponse } from "./core/errors.js";
export { type DefineRoute, type HandlerInput, type HandlerResult, toHonoPath, toSpecPath } from "./core/router.js";
export { type RunningServer, type StartServerOptions, startServer } from "./core/serve.js";
export { normalizeSlug } from "./core/slug.js";
export { resolveProjectRoot } from "./core/storage-paths.js";
export {
  type AgentDispatcher,
  type AgentDispatchOptions,
  agentDispatchDefaults,
  createAgentDispatcher,
  startAgentDispatcher,
} from "./features/agent/dispatch.js";
export { issueAuthToken } from "./features/auth/tokens.js";
export { type BundleManifest, bundleSchemaVersion } from "./features/exports/bundle-format.js";
export { type ExportProjectOptions, exportProject, type ProjectExport } from "./features/exports/project-export.js";
export {
  type ImportBundleOptions,
  importProjectBundle,
  type ProjectImport,
} from "./features/exports/project-import.js";
export type { ExportRecord } from "./features/exports/repository.js";
export { createProjectRepository } from "./features/projects/repository.js";
export { type S3Credentials, type S3Target, s3TargetOf } from "./features/projects/s3-sync/client.js";
export {
  type S3SyncFile,
  type S3SyncOptions,
  type S3SyncProject,
  type S3SyncReport,
  syncProjectToS3,
} from "./features/projects/s3-sync/sync.js";
export { type IngestResult, type IngestRunLogOptions, ingestRunLog, ingestRunLogFile } from "./features/runs/ingest.js";
export type { RunExecutionOptions } from "./features/runs/queue.js";
export { resolveProjectSecret } from "./features/secrets/repository.js";
