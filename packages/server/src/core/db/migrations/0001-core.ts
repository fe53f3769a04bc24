import { type Kysely, sql } from "kysely";

/** Users, projects and per-project storage configuration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("username", "text", (col) => col.notNull().unique())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("projects")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id"))
    .addColumn("slug", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("status", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("projects_user_id").on("projects").column("user_id").execute();
  await db.schema.createIndex("projects_updated_at").on("projects").column("updated_at").execute();

  await db.schema
    .createTable("project_storage")
    .addColumn("project_id", "text", (col) => col.primaryKey().references("projects.id").onDelete("cascade"))
    .addColumn("base_dir", "text", (col) => col.notNull())
    .addColumn("project_root", "text")
    .addColumn("s3_enabled", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("s3_bucket", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("s3_prefix", "text", (col) => col.notNull().defaultTo(sql.lit("kroma-projects")))
    .addColumn("s3_region", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("s3_profile", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("s3_endpoint_url", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("project_storage").execute();
  await db.schema.dropTable("projects").execute();
  await db.schema.dropTable("users").execute();
}
