import { PipelineError } from "@kroma/pipeline";

/** The providers a run executed here may need a key for, and the variable each key is read from. */
export const providerKeyEnv = {
  openai: "OPENAI_API_KEY",
  photoroom: "PHOTOROOM_API_KEY",
  removebg: "REMOVE_BG_API_KEY",
} as const;

export type KeyProvider = keyof typeof providerKeyEnv;
export type ProviderKeys = Partial<Record<KeyProvider, string>>;

/**
 * The keys this shell holds for `providers` (`OPENAI_API_KEY`, `PHOTOROOM_API_KEY`,
 * `REMOVE_BG_API_KEY`), trimmed; unset or blank gives no key. A run executed here uses these
 * only: a project's stored keys never leave the server (a run that should use them is a trigger).
 *
 * @example
 * localProviderKeys(["photoroom", "removebg"]).photoroom; // PHOTOROOM_API_KEY, or undefined
 */
export function localProviderKeys(
  providers: readonly KeyProvider[],
  env: NodeJS.ProcessEnv = process.env,
): ProviderKeys {
  const keys: ProviderKeys = {};
  for (const provider of providers) {
    const value = env[providerKeyEnv[provider]]?.trim();
    if (value) keys[provider] = value;
  }
  return keys;
}

/**
 * `OPENAI_API_KEY` for a paid run executed here, or an error saying where the key comes from and
 * how to run on the server with the project's own key instead.
 */
export function localOpenAiKey(project: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = localProviderKeys(["openai"], env).openai;
  if (key) return key;
  throw new PipelineError(
    "OPENAI_API_KEY is not set: a run executed here uses the key in this shell (a project's openai/api_key " +
      `secret never leaves the server). Set it, or run on the server with its key: kroma runs trigger -p ${project} ` +
      "--mode run --confirm-spend (same options)",
    { field: "api_key" },
  );
}
