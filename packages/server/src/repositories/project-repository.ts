import { randomUUID } from "node:crypto";
import type { KromaDb } from "../db/database.js";
import type { ProjectRow } from "../db/schema.js";
import { conflict } from "../errors.js";
import { nowIso } from "../time.js";

/** A project as the API returns it (without its owner's internal id). */
export type ProjectRecord = Omit<ProjectRow, "user_id">;
export type ProjectSummaryRecord = ProjectRecord & { username: string };

export interface UpsertProjectInput {
  slug: string;
  name: string;
  /** `undefined` keeps the stored description on update. */
  description?: string;
  username: string;
  userDisplayName?: string;
}

/** Where a new project's files go unless its storage is configured otherwise. */
export const defaultBaseDir = "var/projects";

const projectColumns = [
  "projects.id",
  "projects.slug",
  "projects.name",
  "projects.description",
  "projects.status",
  "projects.created_at",
  "projects.updated_at",
] as const;

export type ProjectRepository = ReturnType<typeof createProjectRepository>;

export function createProjectRepository(db: KromaDb) {
  return {
    /** All projects, most recently updated first, optionally only one user's. */
    async list(filter: { username?: string } = {}): Promise<ProjectSummaryRecord[]> {
      let query = db
        .selectFrom("projects")
        .innerJoin("users", "users.id", "projects.user_id")
        .select([...projectColumns, "users.username"])
        .orderBy("projects.updated_at", "desc")
        .orderBy("projects.slug");
      if (filter.username !== undefined) query = query.where("users.username", "=", filter.username);
      return query.execute();
    },

    async findBySlug(slug: string): Promise<ProjectRecord | undefined> {
      return db.selectFrom("projects").select(projectColumns).where("slug", "=", slug).executeTakeFirst();
    },

    /**
     * Creates the project, or updates name (and description when given) of the one with this slug.
     * The owner and, for a new project, its default storage row are written in the same transaction.
     */
    async upsert(input: UpsertProjectInput): Promise<{ project: ProjectRecord; created: boolean }> {
      return db.transaction().execute(async (trx) => {
        const now = nowIso();
        const user = await trx
          .insertInto("users")
          .values({
            id: randomUUID(),
            username: input.username,
            display_name: input.userDisplayName ?? input.username,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .column("username")
              .doUpdateSet(
                input.userDisplayName === undefined
                  ? { username: input.username }
                  : { display_name: input.userDisplayName, updated_at: now },
              ),
          )
          .returning("id")
          .executeTakeFirstOrThrow();

        const existing = await trx
          .selectFrom("projects")
          .select(["id", "user_id"])
          .where("slug", "=", input.slug)
          .executeTakeFirst();
        if (existing && existing.user_id !== user.id) {
          throw conflict("Project slug is already used by another user. Choose a different slug.", {
            field: "slug",
          });
        }

        const id = existing?.id ?? randomUUID();
        if (existing) {
          await trx
            .updateTable("projects")
            .set({
              name: input.name,
              ...(input.description === undefined ? {} : { description: input.description }),
              status: "active",
              updated_at: now,
            })
            .where("id", "=", id)
            .execute();
        } else {
          await trx
            .insertInto("projects")
            .values({
              id,
              user_id: user.id,
              slug: input.slug,
              name: input.name,
              description: input.description ?? "",
              status: "active",
              created_at: now,
              updated_at: now,
            })
            .execute();
          await trx
            .insertInto("project_storage")
            .values({ project_id: id, base_dir: defaultBaseDir, project_root: null, updated_at: now })
            .execute();
        }
        const project = await trx
          .selectFrom("projects")
          .select(projectColumns)
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        return { project, created: !existing };
      });
    },

    /** How many runs, jobs and assets the project holds. */
    async counts(projectId: string): Promise<{ runs: number; jobs: number; assets: number }> {
      const [runs, jobs, assets] = await Promise.all([
        db
          .selectFrom("runs")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("project_id", "=", projectId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("jobs")
          .innerJoin("runs", "runs.id", "jobs.run_id")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("runs.project_id", "=", projectId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("assets")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("project_id", "=", projectId)
          .executeTakeFirstOrThrow(),
      ]);
      return { runs: Number(runs.n), jobs: Number(jobs.n), assets: Number(assets.n) };
    },
  };
}
