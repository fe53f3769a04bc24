import type { paths, Schema } from "@kroma/contract/types";
import createClient, { type Client } from "openapi-fetch";
import { KromaApiError } from "./errors.js";

export interface KromaClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:8788`. */
  baseUrl: string;
  /** Bearer token, sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** Custom fetch (tests, proxies). Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
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
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new KromaApiError({
      message: `Cannot reach the Kroma API: ${(cause as Error).message}`,
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

/**
 * A typed client for the Kroma API. Helpers return the success body and throw `KromaApiError`
 * on failure; `raw` is the underlying openapi-fetch client for anything else.
 *
 * @example
 * const kroma = createKromaClient({ baseUrl: "http://127.0.0.1:8788" });
 * await kroma.projects.upsert({ name: "DX Demo", slug: "dx_demo" });
 * const { projects } = await kroma.projects.list();
 */
export function createKromaClient(options: KromaClientOptions) {
  const raw: KromaRawClient = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: {
      ...options.headers,
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
  });
  const path = (slug: string) => ({ params: { path: { slug } } });

  return {
    raw,
    /** `GET /health` */
    health: () => unwrap(raw.GET("/health")),
    projects: {
      /** `GET /api/projects`, optionally one user's. */
      list: (query: { username?: string } = {}) => unwrap(raw.GET("/api/projects", { params: { query } })),
      /** `POST /api/projects`: creates the project, or updates the one with that slug. */
      upsert: (body: Schema<"UpsertProjectRequest">) => unwrap(raw.POST("/api/projects", { body })),
      /** `GET /api/projects/{slug}`: the project, its record counts and storage. */
      get: (slug: string) => unwrap(raw.GET("/api/projects/{slug}", path(slug))),
    },
    storage: {
      /** `GET /api/projects/{slug}/storage` */
      get: (slug: string) => unwrap(raw.GET("/api/projects/{slug}/storage", path(slug))),
      /** `PUT /api/projects/{slug}/storage/local` */
      updateLocal: (slug: string, body: Schema<"UpdateLocalStorageRequest">) =>
        unwrap(raw.PUT("/api/projects/{slug}/storage/local", { ...path(slug), body })),
      /** `PUT /api/projects/{slug}/storage/s3` */
      updateS3: (slug: string, body: Schema<"UpdateS3StorageRequest">) =>
        unwrap(raw.PUT("/api/projects/{slug}/storage/s3", { ...path(slug), body })),
    },
  };
}

export type KromaClient = ReturnType<typeof createKromaClient>;
