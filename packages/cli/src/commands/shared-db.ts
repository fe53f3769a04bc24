import { existsSync } from "node:fs";

/** The server's database as the CLI opens it: the file and the project found in it. */
export interface SharedProject {
  db: import("@kroma/server").KromaDb;
  dbPath: string;
  projectId: string;
  /** The normalised slug. */
  slug: string;
  /** The project's root as its stored storage resolves it (`KROMA_APP_ROOT` for relative paths). */
  projectRoot: string;
  appRoot: string;
}

/**
 * Runs `work` with the database file the server uses (`KROMA_BACKEND_DB` under `KROMA_APP_ROOT`)
 * and the project `slug` names in it, then closes it. Resolves to `undefined` (and runs nothing)
 * when there is no such file or project, with the reason in `missing`. The CLI reads and writes
 * this file directly (secrets, run records), so it works whether or not the server is running.
 */
export async function withSharedProject<T>(
  slug: string,
  work: (shared: SharedProject) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ result?: T; missing?: string }> {
  // Loaded here, not at the top: most commands never need the server's database code.
  const { loadServerConfig, normalizeSlug, openDatabase, resolveProjectRoot } = await import("@kroma/server");
  const { dbPath, appRoot } = loadServerConfig({}, env);
  const normalized = normalizeSlug(slug);
  if (!existsSync(dbPath)) return { missing: `no database at ${dbPath} (KROMA_BACKEND_DB)` };
  const db = await openDatabase(dbPath);
  try {
    const project =
      normalized === undefined
        ? undefined
        : await db.selectFrom("projects").select("id").where("slug", "=", normalized).executeTakeFirst();
    if (!project || normalized === undefined) return { missing: `project '${slug}' is not in ${dbPath}` };
    const storage = await db
      .selectFrom("project_storage")
      .select(["base_dir", "project_root"])
      .where("project_id", "=", project.id)
      .executeTakeFirstOrThrow();
    const projectRoot = resolveProjectRoot(appRoot, storage, normalized);
    return { result: await work({ db, dbPath, projectId: project.id, slug: normalized, projectRoot, appRoot }) };
  } finally {
    await db.destroy();
  }
}
