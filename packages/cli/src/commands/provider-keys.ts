import { type KeyProvider, PipelineError, type ProviderKeys, providerKeysFromEnv } from "@kroma/pipeline";

export { type KeyProvider, type ProviderKeys, providerKeyEnv } from "@kroma/pipeline";

/**
 * The keys this shell holds for `providers` (`OPENAI_API_KEY`, `PHOTOROOM_API_KEY`,
 * `REMOVE_BG_API_KEY`), trimmed; unset or blank gives no key. A command executed here uses these
 * only: a project's stored keys never leave the server (a run that should use them is a trigger).
 *
 * @example
 * localProviderKeys(["photoroom", "removebg"]).photoroom; // PHOTOROOM_API_KEY, or undefined
 */
export function localProviderKeys(
  providers: readonly KeyProvider[],
  env: NodeJS.ProcessEnv = process.env,
): ProviderKeys {
  return providerKeysFromEnv(env, providers);
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
