// Where a provider's API key comes from when no stored secret names one: the environment. The
// server falls back to these when a project has no `<provider>/api_key` secret; a command the
// CLI executes uses only these (a project's stored keys never leave the server).

/** Providers whose API keys a run (the server's or the CLI's) looks up. */
export type KeyProvider = "openai" | "photoroom" | "removebg";

/** Some providers' API keys (each only ever handed to its provider); a provider without a key is absent. */
export type ProviderKeys = { [Provider in KeyProvider]?: string | undefined };

/** The environment variable each provider's key falls back to. */
export const providerKeyEnv: Record<KeyProvider, string> = {
  openai: "OPENAI_API_KEY",
  photoroom: "PHOTOROOM_API_KEY",
  removebg: "REMOVE_BG_API_KEY",
};

const allProviders = Object.keys(providerKeyEnv) as KeyProvider[];

/**
 * The keys the environment holds for `providers` (`OPENAI_API_KEY`, `PHOTOROOM_API_KEY`,
 * `REMOVE_BG_API_KEY`), trimmed; an unset or blank variable gives no key.
 */
export function providerKeysFromEnv(
  env: NodeJS.ProcessEnv,
  providers: readonly KeyProvider[] = allProviders,
): ProviderKeys {
  const keys: ProviderKeys = {};
  for (const provider of providers) {
    const value = env[providerKeyEnv[provider]]?.trim();
    if (value) keys[provider] = value;
  }
  return keys;
}
