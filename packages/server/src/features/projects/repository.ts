import { randomUUID } from "node:crypto";
import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { inTransaction } from "../../core/audit.js";
import type { KromaDb } from "../../core/db/database.js";
import type { Database, ProjectRow, ProjectStorageRow } from "../../core/db/schema.js";
import { conflict } from "../../core/errors.js";
import { nowIso } from "../../core/time.js";

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

/** The storage settings a new project starts with. */
export type NewProjectStorage = Pick<ProjectStorageRow, "base_dir" | "project_root">;

export const projectColumns = [
  "projects.id",
  "projects.slug",
  "projects.name",
  "projects.description",
  "projects.status",
  "projects.created_at",
  "projects.updated_at",
] as const;

/** A project's S3 settings, of its storage row joined `as storage` (see {@link toS3Settings}). */
export const storageS3Columns = [
  "storage.s3_enabled",
  "storage.s3_bucket",
  "storage.s3_prefix",
  "storage.s3_region",
  "storage.s3_profile",
  "storage.s3_endpoint_url",
] as const;

/** A project with its storage row and record counts, as GET /api/projects/{slug} shows it. */
export interface ProjectDetailRecord {
  project: ProjectRecord;
  storage: ProjectStorageRow;
  counts: { runs: number; jobs: number; assets: number };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;

/** Project, storage and counts in one round trip, for the busiest read. */
function detailQuery(db: KromaDb, slug: string) {
  return db
    .selectFrom("projects")
    .innerJoin("project_storage as storage", "storage.project_id", "projects.id")
    .select(projectColumns)
    .select([
      "storage.project_id",
      "storage.base_dir",
      "storage.project_root",
      ...storageS3Columns,
      "storage.updated_at as storage_updated_at",
    ])
    .select((eb) => [
      eb
        .selectFrom("runs")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("runs.project_id", "=", "projects.id")
        .as("run_count"),
      eb
        .selectFrom("jobs")
        .innerJoin("runs", "runs.id", "jobs.run_id")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("runs.project_id", "=", "projects.id")
        .as("job_count"),
      eb
        .selectFrom("assets")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("assets.project_id", "=", "projects.id")
        .as("asset_count"),
    ])
    .where("projects.slug", "=", slug);
}

type DetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof detailQuery>["executeTakeFirst"]>>>;

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
     * The owner and, for a new project, its default storage row are written in the same transaction:
     * `executor`'s, when it is one (so the caller can add its audit event), else a new one.
     * `beforeCreate` runs in that transaction just before a new project is inserted (and may
     * throw to refuse it), with the default root settings the project will get.
     */
    async upsert(
      input: UpsertProjectInput,
      executor: Kysely<Database> = db,
      beforeCreate: (trx: Kysely<Database>, storage: NewProjectStorage) => Promise<void> = async () => {},
    ): Promise<{ project: ProjectRecord; created: boolean }> {
      return inTransaction(executor, async (trx) => {
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
          await beforeCreate(trx, { base_dir: defaultBaseDir, project_root: null });
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

    /** The project with its storage row and record counts, or `undefined`. */
    async findDetailBySlug(slug: string): Promise<ProjectDetailRecord | undefined> {
      const row = await detailQuery(db, slug).executeTakeFirst();
      return row && toDetail(row);
    },
  };
}

/** The project's own fields of a row that joins more (its owner, its storage). */
export function toProjectRecord(row: ProjectRecord): ProjectRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A project's S3 settings as the API and bundles show them (`enabled` a boolean). */
export function toS3Settings(row: S3Columns): Schema<"ProjectStorage">["s3"] {
  return {
    enabled: row.s3_enabled === 1,
    bucket: row.s3_bucket,
    prefix: row.s3_prefix,
    region: row.s3_region,
    profile: row.s3_profile,
    endpoint_url: row.s3_endpoint_url,
  };
}

type S3Columns = Pick<
  ProjectStorageRow,
  "s3_enabled" | "s3_bucket" | "s3_prefix" | "s3_region" | "s3_profile" | "s3_endpoint_url"
>;

function toDetail(row: DetailRow): ProjectDetailRecord {
  return {
    project: toProjectRecord(row),
    storage: {
      project_id: row.project_id,
      base_dir: row.base_dir,
      project_root: row.project_root,
      s3_enabled: row.s3_enabled,
      s3_bucket: row.s3_bucket,
      s3_prefix: row.s3_prefix,
      s3_region: row.s3_region,
      s3_profile: row.s3_profile,
      s3_endpoint_url: row.s3_endpoint_url,
      updated_at: row.storage_updated_at,
    },
    counts: { runs: Number(row.run_count), jobs: Number(row.job_count), assets: Number(row.asset_count) },
  };
}
