/** Where a local Kroma server listens by default. */
export const defaultBaseUrl = "http://127.0.0.1:8788";

/** What `createKromaClient` needs to know of where it connects and as whom. */
export interface Connection {
  baseUrl: string;
  token?: string;
}

/**
 * `KROMA_API_URL` and `KROMA_API_TOKEN`, when there is a process to read them from. A browser has
 * no `process` (and a bundler may not provide one), so it is looked up on `globalThis` only when
 * a client is made, never when the module loads.
 */
function environment(): { url?: string; token?: string } {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  // An empty variable counts as unset, as shells leave `KROMA_API_TOKEN=` behind.
  return { url: env?.KROMA_API_URL || undefined, token: env?.KROMA_API_TOKEN || undefined };
}

/**
 * The server and token a client uses. An explicit `baseUrl` wins, and then only an explicit
 * `token` is sent: the environment's token was meant for the environment's server (or the
 * default one), and must not go to another.
 */
export function resolveConnection(options: { baseUrl?: string; token?: string }): Connection {
  if (options.baseUrl !== undefined) return { baseUrl: options.baseUrl, token: options.token };
  const env = environment();
  return { baseUrl: env.url ?? defaultBaseUrl, token: options.token ?? env.token };
}
