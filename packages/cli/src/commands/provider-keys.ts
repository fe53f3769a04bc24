import type { KeyProvider, ProviderKeys } from "@kroma/server/local";

export type { KeyProvider } from "@kroma/server/local";

/**
 * API keys for a project: each provider's `<provider>/api_key` secret when the local database
 * holds one, else its environment variable (`OPENAI_API_KEY`, `PHOTOROOM_API_KEY`,
 * `REMOVE_BG_API_KEY`). Secrets never travel over the API, so the CLI reads them from the
 * database file it shares with the server (`KROMA_BACKEND_DB`) with the same master key. Without a
 * project only the environment is read. Missing keys are absent from the result.
 *
 * @example
 * const keys = await resolveProviderKeys("demo", ["photoroom", "removebg"]);
 * keys.photoroom; // the project's photoroom/api_key secret, else PHOTOROOM_API_KEY, else undefined
 */
export async function resolveProviderKeys(
  projectSlug: string | undefined,
  providers: readonly KeyProvider[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProviderKeys> {
  // Loaded here, not at the top: most commands never need the server's database code.
  const { resolveLocalProviderKeys } = await import("@kroma/server/local");
  return resolveLocalProviderKeys(projectSlug, providers, env);
}

/**
 * The OpenAI key for a project's paid run: its `openai/api_key` secret when the local database
 * holds one, else `OPENAI_API_KEY`.
 */
export async function resolveOpenAiKey(
  projectSlug: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  return (await resolveProviderKeys(projectSlug, ["openai"], env)).openai;
}
