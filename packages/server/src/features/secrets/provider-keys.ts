import type { KromaDb } from "../../core/db/database.js";
import type { MasterKeySource } from "./crypto.js";
import { resolveProjectSecret } from "./repository.js";

/** Providers whose API keys a run (the server's or the CLI's) looks up. */
export type KeyProvider = "openai" | "photoroom" | "removebg";

/** Some providers' API keys; a provider without a key is absent. */
export type ProviderKeys = Partial<Record<KeyProvider, string>>;

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

/**
 * The rule for a project's provider keys: each provider's `<provider>/api_key` secret when the
 * project has one, else its key in `fallback` (the environment's, see `providerKeysFromEnv`).
 * A stored secret wins, so a project can use its own account on a shared server. Throws
 * `SecretDecryptionError` when a secret cannot be decrypted.
 *
 * @example
 * const keys = await resolveProviderKeys(db, { masterKeyFile }, projectId, ["photoroom", "removebg"], providerKeysFromEnv(process.env));
 */
export async function resolveProviderKeys(
  db: KromaDb,
  masterKeys: MasterKeySource,
  projectId: string,
  providers: readonly KeyProvider[],
  fallback: ProviderKeys,
): Promise<ProviderKeys> {
  const keys: ProviderKeys = {};
  for (const provider of providers) {
    const key = (await resolveProjectSecret(db, masterKeys, projectId, provider, "api_key")) ?? fallback[provider];
    if (key !== undefined) keys[provider] = key;
  }
  return keys;
}
