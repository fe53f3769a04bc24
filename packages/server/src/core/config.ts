import { dirname, join, resolve } from "node:path";
import { imageRequestLimitsFromEnv, imageSettingsFromEnv } from "@kroma/pipeline";
import type { AgentDispatchOptions } from "../features/agent/dispatch.js";
import { defaultUploadLimits, type UploadLimits } from "../features/assets/upload-limits.js";
import { defaultSessionTtlMs } from "../features/auth/session-repository.js";
import { parseTrustedEndpoints } from "../features/projects/s3-sync/trusted-endpoints.js";
import { defaultShutdownGraceMs, type RunExecutionOptions } from "../features/runs/queue.js";
import { defaultEventStreamLimits, type EventStreamLimits } from "../features/runs/streams.js";
import { defaultTriggerWaitMaxS } from "../features/runs/trigger-wait.js";
import { providerKeysFromEnv } from "../features/secrets/provider-keys.js";
import { defaultTrashRetentionMs } from "../features/trash/trash.js";
import { type AuthMode, authModes } from "./auth-policy.js";
import { defaultLeaseTtlMs } from "./db/lease-repository.js";
import { maxSessionTtlMs } from "./session-cookie.js";

/** Where the API listens unless told otherwise (`KROMA_BACKEND_BIND`). */
export const defaultBind = "127.0.0.1:8788";
/** Where the SQLite database lives unless told otherwise (`KROMA_BACKEND_DB`). */
export const defaultDbPath = "var/backend/app.db";

export interface ServerConfig {
  host: string;
  port: number;
  /** The SQLite database file (`KROMA_BACKEND_DB`, relative to the app root). */
  dbPath: string;
  /** Directory relative paths resolve against (`KROMA_APP_ROOT`, default: the working directory). */
  appRoot: string;
  validateResponses: boolean;
  /** Master key for project secrets (`KROMA_MASTER_KEY`); otherwise the key file. */
  masterKey?: string;
  /** The master key file used without `masterKey`: `master.key` beside the database. */
  masterKeyFile: string;
  /** Who must present a token (`KROMA_API_AUTH`): `auto` (default), `required` or `off`. */
  authMode: AuthMode;
  /** The agent dispatch worker's settings (`IAT_AGENT_API_URL`, `IAT_AGENT_API_TOKEN`). */
  agentDispatch: AgentDispatchOptions;
  /**
   * How queued runs call the images API (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_IMAGE_*`,
   * `OPENAI_TIMEOUT_MS`, `KROMA_IMAGE_CONCURRENCY`).
   */
  runExecution: RunExecutionOptions;
  /** How long a browser session (`POST /auth/session`) lasts (`KROMA_SESSION_TTL_MS`, default 12 hours). */
  sessionTtlMs: number;
  /** How long a trash entry stays restorable (`KROMA_TRASH_RETENTION_DAYS`, default 30). */
  trashRetentionMs: number;
  /** How long work in progress stays owned without a heartbeat (`KROMA_LEASE_TTL_MS`, default 30 s). */
  leaseTtlMs: number;
  /**
   * How long a stopping server lets an image request in flight finish before aborting it
   * (`KROMA_SHUTDOWN_GRACE_MS`, default 30 s): the provider bills a request once it is sent.
   */
  shutdownGraceMs: number;
  /** The longest a trigger or rerun that asks to wait (`wait`, `Prefer: wait=`) is held open, in seconds (`KROMA_TRIGGER_WAIT_MAX_S`, default 300). */
  triggerWaitMaxS: number;
  /** Limits of the run event streams (`KROMA_SSE_MAX_PER_RUN`, `_MAX_TOTAL`, `_KEEPALIVE_MS`, `_IDLE_MS`). */
  eventStreams: EventStreamLimits;
  /**
   * S3-compatible endpoints (origins) trusted with the server's own AWS credentials besides AWS
   * itself (`KROMA_S3_TRUSTED_ENDPOINTS`, comma-separated URLs). Checked here so a bad value stops
   * the start; the sync reads the setting from the environment it runs in (server or CLI).
   */
  s3TrustedEndpoints?: string[];
  /** Limits of image uploads (`KROMA_UPLOAD_MAX_BYTES`, default 50 MiB; `KROMA_UPLOAD_MAX_PIXELS`, default 100 megapixels). */
  uploadLimits: UploadLimits;
  /** Largest bundle `POST /api/imports` accepts (`KROMA_IMPORT_MAX_BYTES`, default 10 GiB). */
  importMaxBytes: number;
}

/** The largest bundle an import over the API accepts unless told otherwise: 10 GiB. */
export const defaultImportMaxBytes = 10 * 1024 * 1024 * 1024;

/** Reads the server's settings from the environment, with explicit overrides taking precedence. */
export function loadServerConfig(
  overrides: { bind?: string; db?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const { host, port } = parseBind(overrides.bind ?? env.KROMA_BACKEND_BIND ?? defaultBind);
  const envKeys = providerKeysFromEnv(env);
  return {
    host,
    port,
    ...serverPaths(resolve(env.KROMA_APP_ROOT ?? process.cwd()), overrides.db ?? env.KROMA_BACKEND_DB),
    validateResponses: /^(1|true|yes|on)$/i.test(env.KROMA_VALIDATE_RESPONSES ?? ""),
    masterKey: env.KROMA_MASTER_KEY?.trim() || undefined,
    authMode: parseAuthMode(env.KROMA_API_AUTH),
    agentDispatch: {
      apiUrl: env.IAT_AGENT_API_URL?.trim() || undefined,
      apiToken: env.IAT_AGENT_API_TOKEN?.trim() || undefined,
    },
    runExecution: {
      openaiApiKey: envKeys.openai,
      openaiBaseUrl: env.OPENAI_BASE_URL?.trim() || undefined,
      image: imageSettingsFromEnv(env),
      // OPENAI_TIMEOUT_MS and KROMA_IMAGE_CONCURRENCY, read as the CLI's `lab run` reads them.
      ...imageRequestLimitsFromEnv(env),
      providerKeys: { photoroom: envKeys.photoroom, removebg: envKeys.removebg },
    },
    sessionTtlMs: parseSessionTtl(env.KROMA_SESSION_TTL_MS),
    trashRetentionMs: parseRetentionDays(env.KROMA_TRASH_RETENTION_DAYS),
    leaseTtlMs: parsePositiveMs("KROMA_LEASE_TTL_MS", env.KROMA_LEASE_TTL_MS, defaultLeaseTtlMs),
    shutdownGraceMs: parsePositiveMs("KROMA_SHUTDOWN_GRACE_MS", env.KROMA_SHUTDOWN_GRACE_MS, defaultShutdownGraceMs),
    triggerWaitMaxS: parsePositiveMs("KROMA_TRIGGER_WAIT_MAX_S", env.KROMA_TRIGGER_WAIT_MAX_S, defaultTriggerWaitMaxS),
    eventStreams: eventStreamLimits(env),
    s3TrustedEndpoints: parseTrustedEndpoints(env.KROMA_S3_TRUSTED_ENDPOINTS),
    uploadLimits: {
      maxBytes: parsePositiveMs("KROMA_UPLOAD_MAX_BYTES", env.KROMA_UPLOAD_MAX_BYTES, defaultUploadLimits.maxBytes),
      maxPixels: parsePositiveMs("KROMA_UPLOAD_MAX_PIXELS", env.KROMA_UPLOAD_MAX_PIXELS, defaultUploadLimits.maxPixels),
    },
    importMaxBytes: parsePositiveMs("KROMA_IMPORT_MAX_BYTES", env.KROMA_IMPORT_MAX_BYTES, defaultImportMaxBytes),
  };
}

/**
 * The server's files under `appRoot`: the database (`db`, relative to the app root; default
 * {@link defaultDbPath}) and the master key file beside it, so the directory that holds the
 * database holds its key. The one place these paths are derived.
 *
 * @example serverPaths("/srv/kroma") // { appRoot: "/srv/kroma", dbPath: "/srv/kroma/var/backend/app.db", masterKeyFile: "/srv/kroma/var/backend/master.key" }
 */
export function serverPaths(
  appRoot: string,
  db: string = defaultDbPath,
): Pick<ServerConfig, "appRoot" | "dbPath" | "masterKeyFile"> {
  const dbPath = resolve(appRoot, db);
  return { appRoot, dbPath, masterKeyFile: masterKeyFileBeside(dbPath) };
}

/** The master key file that belongs to the database file `dbPath`: `master.key` in its directory. */
export function masterKeyFileBeside(dbPath: string): string {
  return join(dirname(dbPath), "master.key");
}

/** The event stream limits from `KROMA_SSE_*`, each a whole number above 0. */
function eventStreamLimits(env: NodeJS.ProcessEnv): EventStreamLimits {
  const given = (name: string, fallback: number) => parsePositiveMs(name, env[name], fallback);
  return {
    maxPerRun: given("KROMA_SSE_MAX_PER_RUN", defaultEventStreamLimits.maxPerRun),
    maxTotal: given("KROMA_SSE_MAX_TOTAL", defaultEventStreamLimits.maxTotal),
    keepAliveMs: given("KROMA_SSE_KEEPALIVE_MS", defaultEventStreamLimits.keepAliveMs),
    idleMs: given("KROMA_SSE_IDLE_MS", defaultEventStreamLimits.idleMs),
  };
}

/** A whole number above zero (milliseconds, or a count for `*_MAX_*`) from the environment, else `fallback`. */
export function parsePositiveMs(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const ms = Number(value.trim());
  const unit = name.includes("_MAX_") ? "" : " of milliseconds";
  if (!Number.isInteger(ms) || ms <= 0)
    throw new Error(`Invalid ${name} '${value}': expected a whole number${unit} above 0`);
  return ms;
}

/**
 * Parses `host:port`, `[ipv6]:port` or a bare port.
 *
 * @example parseBind("127.0.0.1:8788") // { host: "127.0.0.1", port: 8788 }
 */
export function parseBind(bind: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(bind.trim()) ?? /^()()(\d+)$/.exec(bind.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid bind address '${bind}': expected host:port, e.g. ${defaultBind}`);
  }
  return { host: match[1] || match[2] || "127.0.0.1", port };
}

/** At most 400 days: browsers drop a cookie's `Max-Age` beyond that. */
function parseSessionTtl(value: string | undefined): number {
  const ms = parsePositiveMs("KROMA_SESSION_TTL_MS", value, defaultSessionTtlMs);
  if (ms > maxSessionTtlMs) {
    throw new Error(`Invalid KROMA_SESSION_TTL_MS '${value}': at most ${maxSessionTtlMs} (400 days)`);
  }
  return ms;
}

function parseAuthMode(value: string | undefined): AuthMode {
  const mode = (value?.trim().toLowerCase() || "auto") as AuthMode;
  if (!authModes.includes(mode)) {
    throw new Error(`Invalid KROMA_API_AUTH '${value}': expected one of ${authModes.join(", ")}`);
  }
  return mode;
}

/** `KROMA_TRASH_RETENTION_DAYS` in milliseconds: a positive number of days (fractions allowed), default 30. */
function parseRetentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return defaultTrashRetentionMs;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0 || days > 3650) {
    throw new Error(`Invalid KROMA_TRASH_RETENTION_DAYS '${value}': a number of days above 0 and at most 3650`);
  }
  return days * 86_400_000;
}
