import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The OpenAI key for a project's paid run: its `openai/api_key` secret when the local database
 * holds one, else `OPENAI_API_KEY`. Secrets never travel over the API, so the CLI reads them from
 * the database file it shares with the server (`KROMA_BACKEND_DB`) with the same master key.
 */
export async function resolveOpenAiKey(
  projectSlug: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const fromEnv = env.OPENAI_API_KEY?.trim() || undefined;
  // Loaded here, not at the top: only paid runs need the server's database code.
  const { loadServerConfig, normalizeSlug, openDatabase, resolveProjectSecret } = await import("@kroma/server");
  const config = loadServerConfig({}, env);
  const slug = normalizeSlug(projectSlug);
  if (!existsSync(config.dbPath) || slug === undefined) return fromEnv;
  const db = await openDatabase(config.dbPath);
  try {
    const project = await db.selectFrom("projects").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!project) return fromEnv;
    const keys = { masterKey: config.masterKey, masterKeyFile: join(dirname(config.dbPath), "master.key") };
    return (await resolveProjectSecret(db, keys, project.id, "openai", "api_key")) ?? fromEnv;
  } finally {
    await db.destroy();
  }
}
