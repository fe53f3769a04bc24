import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { ApiError, validationError } from "../../core/errors.js";
import { auditEntry, type ContentDeps, projectNotFound } from "../../core/project-lookup.js";
import { checkNewProjectRoot } from "../../core/project-roots.js";
import type { DefineRoute } from "../../core/router.js";
import { normalizeSlug } from "../../core/slug.js";
import { VersionedCache } from "../../core/versioned-cache.js";
import { describeStorage } from "./storage-routes.js";

/** The user projects belong to when a request names none. */
export const defaultUsername = "local";

export function projectRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("get", "/api/projects", async ({ query, context }) => {
    // An unusable username filter is ignored, as the seed did.
    const username = query.username === undefined ? undefined : normalizeSlug(query.username);
    const scope = actorOf(context)?.projectSlug;
    // A project-scoped token sees its own project only.
    const projects = (await deps.projects.list({ username })).filter((p) => !scope || p.slug === scope);
    return { status: 200, body: { ok: true, count: projects.length, projects } };
  });

  route("post", "/api/projects", async ({ body, context }) => {
    const input = upsertInput(body);
    const scope = actorOf(context)?.projectSlug;
    if (scope && input.slug !== scope) {
      throw new ApiError("policy", "forbidden", "Token is not authorized for this project");
    }
    const { project } = await audited(
      deps.db,
      actorOf(context),
      ({ project, created }) =>
        created
          ? auditEntry(project.id, "project", "create", project.id, { slug: project.slug, username: input.username })
          : auditEntry(project.id, "project", "update", project.id, {
              slug: project.slug,
              changed: input.description === undefined ? ["name"] : ["name", "description"],
            }),
      (trx: Kysely<Database>) =>
        // A new project's default root must not hold or lie inside a root another project
        // already points at (e.g. one set to `var/projects/<this slug>` before it existed).
        deps.projects.upsert(input, trx, (check, storage) => checkNewProjectRoot(check, deps, input.slug, storage)),
    );
    const storage = describeStorage(deps.appRoot, project, await deps.storage.get(project.id));
    return { status: 200, body: { ok: true, project, storage } };
  });

  // Project detail is the busiest read: keep each answer until the database changes.
  const details = new VersionedCache<Schema<"ProjectDetailResponse">>(() => deps.db.changeVersion(), 1000);
  route("get", "/api/projects/{slug}", async ({ params }) => {
    const slug = normalizeSlug(params.slug);
    const body =
      slug === undefined
        ? undefined
        : await details.get(slug, async () => {
            const detail = await deps.projects.findDetailBySlug(slug);
            if (!detail) return undefined;
            const { project, counts, storage } = detail;
            return { ok: true, project, counts, storage: describeStorage(deps.appRoot, project, storage) };
          });
    if (!body) throw projectNotFound(params.slug);
    return { status: 200, body };
  });
}

function upsertInput(body: Schema<"UpsertProjectRequest">) {
  const name = body.name.trim();
  if (name === "") throw validationError("Field 'name' is required", { field: "name" });
  const slug = normalizeSlug(body.slug ?? "") ?? normalizeSlug(name);
  if (slug === undefined) {
    throw validationError(
      "Field 'slug' must contain at least one letter or digit (none could be derived from the name)",
      {
        field: "slug",
      },
    );
  }
  const username = body.username === undefined ? defaultUsername : normalizeSlug(body.username);
  if (username === undefined)
    throw validationError("Field 'username' must contain at least one letter or digit", { field: "username" });
  return {
    slug,
    name,
    description: body.description?.trim(),
    username,
    userDisplayName: body.user_display_name?.trim() || undefined,
  };
}
