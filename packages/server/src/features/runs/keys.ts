import type { KromaDb } from "../../core/db/database.js";
import type { MasterKeySource } from "../secrets/crypto.js";
import { resolveProviderKeys } from "../secrets/provider-keys.js";
import type { RunExecutionOptions } from "./execute.js";

/**
 * The provider keys a project's runs use, by the one rule the CLI shares
 * (`resolveProviderKeys`): the project's own secrets first, else the server's environment.
 */
export function createRunKeys(db: KromaDb, keys: MasterKeySource, execution: RunExecutionOptions) {
  const fallback = { openai: execution.openaiApiKey, ...execution.providerKeys };
  return {
    /** PhotoRoom and remove.bg keys. */
    cutoutKeys: (projectId: string) => resolveProviderKeys(db, keys, projectId, ["photoroom", "removebg"], fallback),
    /** The OpenAI key (`openai/api_key`, else `OPENAI_API_KEY`). */
    async openAiKey(projectId: string): Promise<string | undefined> {
      return (await resolveProviderKeys(db, keys, projectId, ["openai"], fallback)).openai;
    },
  };
}
