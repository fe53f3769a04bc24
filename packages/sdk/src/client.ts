import createClient, { type Client } from "openapi-fetch";
import { assetUploadApi } from "./asset-upload.js";
import { assetsApi } from "./assets.js";
import { sessionApi } from "./auth.js";
import { contentApi } from "./content.js";
import { deliveriesApi } from "./deliveries.js";
import { resolveConnection } from "./environment.js";
import { KromaApiError } from "./errors.js";
import { exportsApi } from "./exports.js";
import { reviewsApi } from "./reviews.js";
import { runIngestApi } from "./run-ingest.js";
import { runsApi, type StreamTransport } from "./runs.js";
import type { paths, Schema } from "./schema.js";
import { trashApi } from "./trash.js";

export interface KromaClientOptions {
  /**
   * The API's base URL. Default: `KROMA_API_URL` from the environment (in Node), else
   * `http://127.0.0.1:8788`.
   */
  baseUrl?: string;
  /**
   * Bearer token, sent as `Authorization: Bearer <token>` when given. Default: `KROMA_API_TOKEN`
   * from the environment, but only when `baseUrl` is not given either (the token is for the
   * environment's server, or the default one, not for any other).
   */
  token?: string;
  /** Custom fetch (tests, proxies). Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Whether a browser sends cookies (the `kroma_session` of `auth.signIn`), as `fetch`'s
   * `credentials`. The browser default, `same-origin`, is what a page served by the API's origin needs.
   */
  credentials?: RequestInit["credentials"];
}

/** The raw openapi-fetch client, typed by the spec; results are `{ data, error, response }`. */
export type KromaRawClient = Client<paths>;

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Resolves to the success body of an openapi-fetch call, or throws a `KromaApiError`
 * built from the error envelope (or from the transport failure).
 *
 * @example
 * const { projects } = await unwrap(kroma.raw.GET("/api/projects"));
 */
export async function unwrap<T>(request: Promise<FetchResult<T>>, baseUrl = "the server"): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    // fetch reports "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is in its cause.
    const reason = (cause as { cause?: { code?: string; message?: string } }).cause;
    throw new KromaApiError({
      message: `Cannot reach the Kroma API at ${baseUrl}: ${reason?.code ?? reason?.message ?? (cause as Error).message}`,
      kind: "infra",
      code: "network_error",
      status: 0,
      cause,
    });
  }
  if (!result.response.ok || result.data === undefined) {
    throw KromaApiError.fromResponse(result.response.status, result.error ?? result.data);
  }
  return result.data;
}

/** By index rather than `/\/+$/`, which retries every slash of a long inner run (quadratic). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}

/**
 * A typed client for the Kroma API. Helpers return the success body and throw `KromaApiError`
 * on failure; `raw` is the underlying openapi-fetch client for anything else.
 *
 * @example
 * const kroma = createKromaClient({ baseUrl: "http://127.0.0.1:8788" });
 * await kroma.projects.upsert({ name: "DX Demo", slug: "dx_demo" });
 * const { projects } = await kroma.projects.list();
 */
export function createKromaClient(options: KromaClientOptions = {}) {
  const connection = resolveConnection(options);
  const baseUrl = withoutTrailingSlashes(connection.baseUrl);
  const headers = {
    ...options.headers,
    ...(connection.token ? { Authorization: `Bearer ${connection.token}` } : {}),
  };
  const credentials = options.credentials ? { credentials: options.credentials } : {};
  const raw: KromaRawClient = createClient<paths>({ baseUrl, fetch: options.fetch, headers, ...credentials });
  const streamFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const path = (slug: string) => ({ params: { path: { slug } } });
  const call = <T>(request: Promise<FetchResult<T>>) => unwrap(request, baseUrl);
  const transport: StreamTransport = {
    baseUrl,
    headers,
    fetch: (input, init) => streamFetch(input, { ...credentials, ...init }),
  };
  const runs = runsApi(raw, call, transport);
  const { removeAsset, removeRun, pruneRun, runDiskUsage, ...trash } = trashApi(raw, call);

  return {
    raw,
    /** The server this client talks to (from the options, `KROMA_API_URL` or the default). */
    baseUrl,
    /** `GET /health` */
    health: () => call(raw.GET("/health")),
    projects: {
      /** `GET /api/projects`, optionally one user's. */
      list: (query: { username?: string } = {}) => call(raw.GET("/api/projects", { params: { query } })),
      /** `POST /api/projects`: creates the project, or updates the one with that slug. */
      upsert: (body: Schema<"UpsertProjectRequest">) => call(raw.POST("/api/projects", { body })),
      /** `GET /api/projects/{slug}`: the project, its record counts and storage. */
      get: (slug: string) => call(raw.GET("/api/projects/{slug}", path(slug))),
      /** `GET /api/projects/{slug}/budget`: the budget for paid runs and what is committed against it. */
      budget: (slug: string) => call(raw.GET("/api/projects/{slug}/budget", path(slug))),
      /** `PUT /api/projects/{slug}/budget`: a ceiling in USD for the project's paid runs; null removes it. */
      setBudget: (slug: string, budgetUsd: number | null) =>
        call(raw.PUT("/api/projects/{slug}/budget", { ...path(slug), body: { budget_usd: budgetUsd } })),
    },
    storage: {
      /** `GET /api/projects/{slug}/storage` */
      get: (slug: string) => call(raw.GET("/api/projects/{slug}/storage", path(slug))),
      /** `PUT /api/projects/{slug}/storage/local` */
      updateLocal: (slug: string, body: Schema<"UpdateLocalStorageRequest">) =>
        call(raw.PUT("/api/projects/{slug}/storage/local", { ...path(slug), body })),
      /** `PUT /api/projects/{slug}/storage/s3` */
      updateS3: (slug: string, body: Schema<"UpdateS3StorageRequest">) =>
        call(raw.PUT("/api/projects/{slug}/storage/s3", { ...path(slug), body })),
    },
    auth: {
      /** `POST /auth/token`: the response carries the token's value, once. */
      createToken: (body: Schema<"CreateAuthTokenRequest"> = {}) => call(raw.POST("/auth/token", { body })),
      /** `GET /auth/tokens` */
      listTokens: () => call(raw.GET("/auth/tokens")),
      /** `DELETE /auth/tokens/{tokenId}` */
      revokeToken: (tokenId: string) => call(raw.DELETE("/auth/tokens/{tokenId}", { params: { path: { tokenId } } })),
      ...sessionApi(raw, call),
    },
    ...contentApi(raw, call),
    ...exportsApi(raw, call),
    ...deliveriesApi(raw, call),
    ...runs,
    // One `runs` namespace: the runs themselves (runs.ts) and the review of their jobs (reviews.ts).
    runs: {
      ...runs.runs,
      ...runIngestApi(call, transport),
      ...reviewsApi(raw, call),
      remove: removeRun,
      prune: pruneRun,
      diskUsage: runDiskUsage,
    },
    // One `assets` namespace: the records (runs.ts), their bytes (assets.ts) and uploads (asset-upload.ts).
    assets: {
      ...runs.assets,
      ...assetsApi(raw, call, baseUrl),
      ...assetUploadApi(call, transport),
      remove: removeAsset,
    },
    // The trash, gc and disk use (trash.ts).
    ...trash,
  };
}

export type KromaClient = ReturnType<typeof createKromaClient>;
