import { createKromaClient, defaultBaseUrl, type KromaClient } from "@kroma/sdk";
import type { GlobalOptions } from "./output.js";
import { readUserConfig, sameApiUrl, type UserConfig, userConfigPath } from "./user-config.js";

/** Where the URL in use came from, highest precedence first. */
export type ApiUrlSource = "flag" | "env" | "login" | "bind" | "default";
/** Where the token in use came from. */
export type TokenSource = "flag" | "env" | "login";

/** The server a command talks to and the token it sends, each with where it came from. */
export interface ResolvedApi {
  apiUrl: string;
  urlSource: ApiUrlSource;
  token?: string;
  tokenSource?: TokenSource;
}

/**
 * The server and token for a command.
 *
 * URL: `--api-url` > `KROMA_API_URL` > the `kroma login` config's URL > `KROMA_BACKEND_BIND` > the
 * SDK default (http://127.0.0.1:8788).
 *
 * Token, so that a token never goes to a server it was not meant for: `--token` always;
 * `KROMA_API_TOKEN` only when the URL is the environment's (KROMA_API_URL, KROMA_BACKEND_BIND) or
 * the default; the login config's token only when the URL in use is the config's URL. Empty
 * variables count as unset. The config file is read only when it can matter, so a broken one does
 * not stop a command that names its server and token.
 */
export function resolveApi(
  flags: { apiUrl?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
  loadConfig: () => UserConfig = () => readUserConfig(userConfigPath(env)),
): ResolvedApi {
  let config: UserConfig | undefined;
  const login = () => {
    config ??= loadConfig();
    return config;
  };
  const needConfigForUrl = flags.apiUrl === undefined && !env.KROMA_API_URL;
  const loginUrl = needConfigForUrl ? login().api_url || undefined : undefined;

  let apiUrl: string;
  let urlSource: ApiUrlSource;
  if (flags.apiUrl !== undefined) [apiUrl, urlSource] = [flags.apiUrl, "flag"];
  else if (env.KROMA_API_URL) [apiUrl, urlSource] = [env.KROMA_API_URL, "env"];
  else if (loginUrl) [apiUrl, urlSource] = [loginUrl, "login"];
  else if (env.KROMA_BACKEND_BIND) [apiUrl, urlSource] = [`http://${env.KROMA_BACKEND_BIND}`, "bind"];
  else [apiUrl, urlSource] = [defaultBaseUrl, "default"];

  if (flags.token !== undefined) return { apiUrl, urlSource, token: flags.token, tokenSource: "flag" };
  const envServer = urlSource === "env" || urlSource === "bind" || urlSource === "default";
  if (envServer && env.KROMA_API_TOKEN) return { apiUrl, urlSource, token: env.KROMA_API_TOKEN, tokenSource: "env" };
  const stored = login();
  if (stored.token && stored.api_url && sameApiUrl(stored.api_url, apiUrl)) {
    return { apiUrl, urlSource, token: stored.token, tokenSource: "login" };
  }
  return { apiUrl, urlSource };
}

/** How `kroma login --status` and errors name each source of the URL. */
export const urlSourceNames: Record<ApiUrlSource, string> = {
  flag: "--api-url",
  env: "KROMA_API_URL",
  login: "the login config",
  bind: "KROMA_BACKEND_BIND",
  default: "the default",
};

/** True for an absolute http: or https: URL. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * A fetch failure that means no server answered at `url`: refused, unknown host, reset, timed
 * out. A `TypeError`, as fetch's own transport failures are, so the SDK still treats it as one
 * (its event streams retry a TypeError); `cause` stays fetch's reason (`{ code: "ECONNREFUSED" }`).
 */
export class ApiUnreachableError extends TypeError {
  override name = "ApiUnreachableError";
  constructor(
    readonly url: string,
    readonly reason: string,
    cause: unknown,
  ) {
    super(`cannot reach the Kroma API at ${url} (${reason})`, { cause });
  }
}

const reasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "timed out",
  UND_ERR_SOCKET: "connection closed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EADDRNOTAVAIL: "address not available",
};

/** The network error code under a fetch failure (Node puts it on `cause`, or on each of an AggregateError's errors). */
function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  const first = cause?.errors?.find((inner) => typeof inner?.code === "string");
  return typeof first?.code === "string" ? first.code : undefined;
}

/** `fetch` that reports an unreachable server as `ApiUnreachableError`; everything else passes through. */
export function reachabilityFetch(url: string, inner: typeof fetch = globalThis.fetch): typeof fetch {
  const shown = displayUrl(url);
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      // Node's fetch says "fetch failed" for every transport failure, the reason in its cause; other
      // TypeErrors (a malformed URL or header) are the request's own fault and pass through.
      if (!(error instanceof TypeError) || error.message !== "fetch failed" || error instanceof ApiUnreachableError) {
        throw error;
      }
      const code = networkCode(error);
      const cause = (error as { cause?: unknown }).cause;
      const reason = code ? (reasons[code] ?? code) : ((cause as Error | undefined)?.message ?? "network error");
      throw new ApiUnreachableError(shown, reason, cause);
    }
  };
}

/** The URL without any `user:password@` in it, fit to print. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}

/** A client of the API the global flags name (`--api-url`, `--token`, as resolved by `resolveApi`). */
export function apiClient({ apiUrl, token }: Pick<GlobalOptions, "apiUrl" | "token">): KromaClient {
  return createKromaClient({ baseUrl: apiUrl, token, fetch: reachabilityFetch(apiUrl) });
}
