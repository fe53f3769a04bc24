import type { KeyProvider, ProviderKeys } from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import type { MasterKeySource } from "./crypto.js";
import { resolveProjectSecret } from "./repository.js";

export { type KeyProvider, type ProviderKeys, providerKeyEnv, providerKeysFromEnv } from "@kroma/pipeline";

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
