import type { Kysely, Selectable } from "kysely";
import type { Database } from "./schema.js";

/** Tables whose rows belong to one project and have an `id` of their own. */
export type ProjectScopedTable =
  | "runs"
  | "assets"
  | "exports"
  | "asset_links"
  | "reference_sets"
  | "chat_sessions"
  | "agent_instructions";

/**
 * The row of `table` with this id, if it is the project's: another project's row is as good as
 * absent, so an id never reaches across projects.
 */
export async function findProjectRow<T extends ProjectScopedTable>(
  db: Kysely<Database>,
  table: T,
  projectId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  // kysely cannot type a query over a generic table name: it is typed as one of them (every
  // table listed has `project_id` and `id`), and the row it returns is `table`'s.
  const row = await db
    .selectFrom(table as "runs")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

/** Whether the project has a row of `table` with this id. */
export async function hasProjectRow(
  db: Kysely<Database>,
  table: ProjectScopedTable,
  projectId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table as "runs")
    .select("id")
    .where("project_id", "=", projectId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}
