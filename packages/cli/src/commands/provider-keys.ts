import { dirname, join } from "node:path";
import { withSharedProject } from "./shared-db.js";

/** Providers whose API keys the CLI can look up. */
export type KeyProvider = "openai" | "photoroom" | "removebg";

/** The environment variable each provider's key falls back to. */
export const providerKeyEnv: Record<KeyProvider, string> = {
  openai: "OPENAI_API_KEY",
  photoroom: "PHOTOROOM_API_KEY",
  removebg: "REMOVE_BG_API_KEY",
};

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
): Promise<Partial<Record<KeyProvider, string>>> {
  const keys: Partial<Record<KeyProvider, string>> = {};
  for (const provider of providers) {
    const fromEnv = env[providerKeyEnv[provider]]?.trim();
    if (fromEnv) keys[provider] = fromEnv;
  }
  if (projectSlug === undefined) return keys;
  const { loadServerConfig, resolveProjectSecret } = await import("@kroma/server");
  const { masterKey } = loadServerConfig({}, env);
  await withSharedProject(
    projectSlug,
    async ({ db, dbPath, projectId }) => {
      const masterKeys = { masterKey, masterKeyFile: join(dirname(dbPath), "master.key") };
      for (const provider of providers) {
        const secret = await resolveProjectSecret(db, masterKeys, projectId, provider, "api_key");
        // A stored secret wins over the environment.
        if (secret !== undefined) keys[provider] = secret;
      }
    },
    env,
  );
  return keys;
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
