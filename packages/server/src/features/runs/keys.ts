import type { KromaDb } from "../../core/db/database.js";
import type { MasterKeySource } from "../secrets/crypto.js";
import { resolveProjectSecret } from "../secrets/repository.js";
import type { RunExecutionOptions } from "./execute.js";

/** The provider keys a project's runs use: its own secrets first, else the server's environment. */
export function createRunKeys(db: KromaDb, keys: MasterKeySource, execution: RunExecutionOptions) {
  const secret = (projectId: string, provider: string) =>
    resolveProjectSecret(db, keys, projectId, provider, "api_key");
  return {
    /** PhotoRoom and remove.bg keys. */
    async cutoutKeys(projectId: string): Promise<{ photoroom?: string; removebg?: string }> {
      return {
        photoroom: (await secret(projectId, "photoroom")) ?? execution.providerKeys?.photoroom,
        removebg: (await secret(projectId, "removebg")) ?? execution.providerKeys?.removebg,
      };
    },
    /** The OpenAI key (`openai/api_key`, else `OPENAI_API_KEY`). */
    async openAiKey(projectId: string): Promise<string | undefined> {
      return (await secret(projectId, "openai")) ?? execution.openaiApiKey;
    },
  };
}
