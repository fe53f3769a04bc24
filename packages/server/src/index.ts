export {
  type AgentDispatcher,
  type AgentDispatchOptions,
  agentDispatchDefaults,
  createAgentDispatcher,
  startAgentDispatcher,
} from "./agent-dispatch.js";
export { type AppOptions, createApp, serverVersion } from "./app.js";
export { type AuthMode, type AuthPolicy, isLoopbackHost } from "./auth-policy.js";
export { defaultBind, defaultDbPath, loadServerConfig, parseBind, type ServerConfig } from "./config.js";
export { type KromaDb, migrateToLatest, openDatabase } from "./db/database.js";
export type { Database } from "./db/schema.js";
export { ApiError, type ErrorCode, toErrorResponse } from "./errors.js";
export { type BundleManifest, bundleSchemaVersion } from "./exports/bundle-format.js";
export { type ExportProjectOptions, exportProject, type ProjectExport } from "./exports/project-export.js";
export { type ImportBundleOptions, importProjectBundle, type ProjectImport } from "./exports/project-import.js";
export type { ExportRecord } from "./repositories/export-repository.js";
export {
  createLeaseRepository,
  defaultLeaseTtlMs,
  type LeaseKind,
  type LeaseOwner,
  type LeaseRepository,
  newLeaseOwner,
} from "./repositories/lease-repository.js";
export { createProjectRepository } from "./repositories/project-repository.js";
export { resolveProjectSecret } from "./repositories/secret-repository.js";
export { type DefineRoute, type HandlerInput, type HandlerResult, toHonoPath, toSpecPath } from "./router.js";
export { issueAuthToken } from "./routes/auth.js";
export { type IngestResult, type IngestRunLogOptions, ingestRunLog, ingestRunLogFile } from "./runs/ingest.js";
export type { RunExecutionOptions } from "./runs/run-queue.js";
export { type S3Credentials, type S3Target, s3TargetOf } from "./s3/s3-client.js";
export {
  type S3SyncFile,
  type S3SyncOptions,
  type S3SyncProject,
  type S3SyncReport,
  syncProjectToS3,
} from "./s3/s3-sync.js";
export { type RunningServer, type StartServerOptions, startServer } from "./serve.js";
export { normalizeSlug } from "./slug.js";
export { resolveProjectRoot } from "./storage-paths.js";
