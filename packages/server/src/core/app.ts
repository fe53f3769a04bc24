import { createRequire } from "node:module";
import { createContractValidator, type OpenApiDocument, openapiDocument } from "@kroma/contract";
import { Hono } from "hono";
import { agentInstructionRoutes } from "../features/agent/routes.js";
import { assetLinkRoutes } from "../features/asset-links/routes.js";
import { assetMoveRoutes } from "../features/assets/moves-route.js";
import { assetFileRoutes } from "../features/assets/routes.js";
import { defaultUploadLimits, type UploadLimits } from "../features/assets/upload-limits.js";
import { assetUploadRoutes } from "../features/assets/upload-route.js";
import { createAuthTokenRepository } from "../features/auth/repository.js";
import { authRoutes } from "../features/auth/routes.js";
import { createAuthSessionRepository } from "../features/auth/session-repository.js";
import { bootstrapRoutes } from "../features/bootstrap/routes.js";
import { budgetRoutes } from "../features/budgets/routes.js";
import { characterRoutes } from "../features/characters/routes.js";
import { chatRoutes } from "../features/chat/routes.js";
import { deliveryRoutes } from "../features/deliveries/routes.js";
import { exportRoutes } from "../features/exports/routes.js";
import { createProjectRepository } from "../features/projects/repository.js";
import { projectRoutes } from "../features/projects/routes.js";
import { s3SyncRoutes } from "../features/projects/s3-sync/routes.js";
import { createStorageRepository } from "../features/projects/storage-repository.js";
import { storageRoutes } from "../features/projects/storage-routes.js";
import { promptTemplateRoutes } from "../features/prompt-templates/routes.js";
import { providerAccountRoutes } from "../features/provider-accounts/routes.js";
import { referenceSetRoutes } from "../features/reference-sets/routes.js";
import { reviewRoutes } from "../features/reviews/routes.js";
import { assetRoutes } from "../features/runs/assets-routes.js";
import { contactSheetRoute } from "../features/runs/contact-sheet-route.js";
import { RunEventHub } from "../features/runs/events.js";
import { ingestRoutes } from "../features/runs/ingest-route.js";
import { createRunQueue, type RunExecutionOptions, type RunQueue } from "../features/runs/queue.js";
import { runRoutes } from "../features/runs/routes.js";
import { defaultEventStreamLimits, EventStreamGate, type EventStreamLimits } from "../features/runs/streams.js";
import { defaultTriggerWaitMaxS } from "../features/runs/trigger-wait.js";
import { secretRoutes } from "../features/secrets/routes.js";
import { styleGuideRoutes } from "../features/style-guides/routes.js";
import { docsRoutes } from "../features/system/docs-routes.js";
import { systemRoutes } from "../features/system/routes.js";
import { trashRoutes } from "../features/trash/routes.js";
import { createTrash, type Trash } from "../features/trash/trash.js";
import { type AuthPolicy, createAuthGuard } from "./auth-policy.js";
import { loadServerConfig, serverPaths } from "./config.js";
import type { KromaDb } from "./db/database.js";
import { createLeaseRepository, type LeaseRepository, newLeaseOwner } from "./db/lease-repository.js";
import { ApiError, toErrorResponse } from "./errors.js";
import { createRouteDefiner } from "./router.js";

/** The server package's version, reported by GET /health. */
export const serverVersion: string = createRequire(import.meta.url)("../../package.json").version;

export interface AppOptions {
  /** An open, migrated database (see `openDatabase`). */
  db: KromaDb;
  /** Directory that relative storage paths resolve against. Default: the working directory. */
  appRoot?: string;
  /** Check every JSON response against the spec; a mismatch becomes a 500. Default: off. */
  validateResponses?: boolean;
  /** Largest request body accepted, in bytes. Default: 1 MiB. */
  bodyLimitBytes?: number;
  /** Limits of image uploads, whose bodies may be far larger (default {@link defaultUploadLimits}). */
  uploadLimits?: UploadLimits;
  /** Who must present a token (see `AuthPolicy`). Default: `auto` on loopback, without a Host check. */
  auth?: AuthPolicy;
  /** Master key for project secrets (`KROMA_MASTER_KEY`); without it a key file is used. */
  masterKey?: string;
  /** Where the master key is created (mode 0600) and read when `masterKey` is not given. Default: the one of the default database under the app root (`var/backend/master.key`, see `serverPaths`). */
  masterKeyFile?: string;
  /** Logs server faults (never shown to clients). Default: `console.error`. */
  logError?: (error: unknown) => void;
  /** How queued runs call the images API (default: `OPENAI_*` from the environment). */
  runExecution?: RunExecutionOptions;
  /** The leases this server holds on its work in progress (`startServer` makes one and renews it); default: a new owner, not renewed. */
  leases?: LeaseRepository;
  /** How long a stopping server lets an image request in flight finish (`KROMA_SHUTDOWN_GRACE_MS`, default 30 s). */
  shutdownGraceMs?: number;
  /** The longest a trigger asking to wait is held open, in seconds (`KROMA_TRIGGER_WAIT_MAX_S`, default 300). */
  triggerWaitMaxS?: number;
  /** Limits of `GET /runs/{runId}/events` (`KROMA_SSE_*`); default {@link defaultEventStreamLimits}. */
  eventStreams?: EventStreamLimits;
  /** How long a browser session lasts (`KROMA_SESSION_TTL_MS`, default 12 hours). */
  sessionTtlMs?: number;
  /** How long a trash entry stays restorable (`KROMA_TRASH_RETENTION_DAYS`, default 30 days). */
  trashRetentionMs?: number;
  /** The trash, when the caller purges it on a timer (`startServer` does); else made here. */
  trash?: Trash;
  /** The run queue and its event hub, when the caller manages them (`startServer` does); else made here. */
  runs?: { queue: RunQueue; events: RunEventHub };
}

/** The run queue and event hub for an app; `startServer` makes them itself to recover and stop them. */
export function createRuns(options: AppOptions): { queue: RunQueue; events: RunEventHub } {
  const events = new RunEventHub();
  const appRoot = options.appRoot ?? process.cwd();
  const queue = createRunQueue({
    db: options.db,
    hub: events,
    appRoot,
    keys: { masterKey: options.masterKey, masterKeyFile: masterKeyFileOf(options) },
    execution: options.runExecution ?? loadServerConfig().runExecution,
    logError: options.logError ?? ((error: unknown) => console.error(error)),
    leases: leasesOf(options),
    shutdownGraceMs: options.shutdownGraceMs,
  });
  return { queue, events };
}

/** The app's trash; `startServer` makes it itself to purge expired entries on a timer. */
export function createTrashOf(options: AppOptions): Trash {
  return createTrash(options.db, { appRoot: options.appRoot ?? process.cwd(), retentionMs: options.trashRetentionMs });
}

/** The app's lease holder: the one its caller made, else a new owner of its own. */
export function leasesOf(options: AppOptions): LeaseRepository {
  return options.leases ?? createLeaseRepository(options.db, { owner: newLeaseOwner() });
}

function masterKeyFileOf(options: AppOptions): string {
  return options.masterKeyFile ?? serverPaths(options.appRoot ?? process.cwd()).masterKeyFile;
}

/**
 * Builds the Kroma API as a Hono app: every operation of the spec, validated requests,
 * and one error envelope for every failure. Serve it with `startServer`, or call `app.request()` in tests.
 *
 * @example
 * const app = createApp({ db: await openDatabase(":memory:") });
 * const res = await app.request("/health");
 */
export function createApp(options: AppOptions): Hono {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  app.onError((error, context) => {
    // A 503 on purpose (stopping, a limit reached) is an answer, not a fault.
    if (!(error instanceof ApiError) || (error.status >= 500 && error.code !== "service_unavailable")) logError(error);
    const { status, body } = toErrorResponse(error);
    // The rest of an oversized body is never read, so the connection cannot carry another
    // request: say so, rather than keep it alive and let the server drop it under the client.
    if (status === 413) context.header("connection", "close");
    return context.json(body, status);
  });
  app.notFound((context) => {
    const { status, body } = toErrorResponse(
      new ApiError("validation", "not_found", `Route not found: ${context.req.method} ${context.req.path}`),
    );
    return context.json(body, status);
  });

  const tokens = createAuthTokenRepository(options.db);
  const sessions = createAuthSessionRepository(options.db, { ttlMs: options.sessionTtlMs });

  const document: OpenApiDocument = openapiDocument;
  const validator = createContractValidator(document);
  const route = createRouteDefiner(app, {
    document,
    validator,
    validateResponses: options.validateResponses ?? false,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    uploadLimitBytes: (options.uploadLimits ?? defaultUploadLimits).maxBytes,
    guard: createAuthGuard(tokens, options.auth ?? { mode: "auto", loopback: true }, sessions),
  });
  const leases = leasesOf(options);
  const deps = {
    db: options.db,
    leases,
    validator,
    tokens,
    sessions,
    projects: createProjectRepository(options.db),
    storage: createStorageRepository(options.db),
    appRoot: options.appRoot ?? process.cwd(),
    masterKey: options.masterKey,
    masterKeyFile: masterKeyFileOf(options),
  };
  const runs = options.runs ?? createRuns({ ...options, leases });

  // Counted on first use, once every module has mounted its routes.
  let routeCount: number | undefined;
  systemRoutes(route, {
    version: serverVersion,
    startedAt: Date.now(),
    // Routes with a body limit are mounted as two handlers; count each method and path once.
    routeCount: () => {
      routeCount ??= new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)).size;
      return routeCount;
    },
  });
  docsRoutes(route);
  projectRoutes(route, deps);
  storageRoutes(route, deps);
  budgetRoutes(route, deps);
  promptTemplateRoutes(route, deps);
  providerAccountRoutes(route, deps);
  styleGuideRoutes(route, deps);
  characterRoutes(route, deps);
  referenceSetRoutes(route, deps);
  assetLinkRoutes(route, deps);
  chatRoutes(route, deps);
  agentInstructionRoutes(route, deps);
  authRoutes(route, deps);
  secretRoutes(route, deps);
  bootstrapRoutes(route, deps);
  runRoutes(route, {
    ...deps,
    runQueue: runs.queue,
    runEvents: runs.events,
    eventStreams: new EventStreamGate(options.eventStreams ?? defaultEventStreamLimits),
    triggerWaitMaxS: options.triggerWaitMaxS ?? defaultTriggerWaitMaxS,
  });
  reviewRoutes(route, deps);
  deliveryRoutes(route, deps);
  assetRoutes(route, deps);
  assetFileRoutes(route, deps);
  assetUploadRoutes(route, { ...deps, limits: options.uploadLimits ?? defaultUploadLimits });
  assetMoveRoutes(route, deps);
  ingestRoutes(route, deps);
  contactSheetRoute(route, deps);
  exportRoutes(route, { ...deps, version: serverVersion });
  s3SyncRoutes(route, deps);
  trashRoutes(route, { ...deps, trash: options.trash ?? createTrashOf(options) });
  return app;
}
