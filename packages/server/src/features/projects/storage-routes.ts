import type { Schema } from "@kroma/contract";
import type { Context } from "hono";
import type { Kysely } from "kysely";
import { actorOf, audited } from "../../core/audit.js";
import type { Database, ProjectStorageRow, ProjectStorageUpdate } from "../../core/db/schema.js";
import { ApiError, validationError } from "../../core/errors.js";
import { isHttpUrl } from "../../core/input.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import { checkProjectRoot } from "../../core/project-roots.js";
import type { DefineRoute } from "../../core/router.js";
import { checkStoragePath, resolveProjectRoot } from "../../core/storage-paths.js";
import { type ProjectRecord, toS3Settings } from "./repository.js";
import { createStorageRepository } from "./storage-repository.js";

const defaultS3Prefix = "kroma-projects";

/** The storage block every project response carries, with the project root resolved to an absolute path. */
export function describeStorage(
  appRoot: string,
  project: ProjectRecord,
  row: ProjectStorageRow,
): Schema<"ProjectStorage"> {
  return {
    local: { base_dir: row.base_dir, project_root: resolveProjectRoot(appRoot, row, project.slug) },
    s3: toS3Settings(row),
  };
}

export function storageRoutes(route: DefineRoute, deps: ContentDeps): void {
  /** Writes the changes with a `storage.update_<kind>` audit event naming the changed fields (not their values). */
  /** `check` runs in the write's transaction, before the write (see `checkProjectRoot`). */
  const update = (
    context: Context,
    project: ProjectRecord,
    kind: "local" | "s3",
    changes: Omit<ProjectStorageUpdate, "project_id" | "updated_at">,
    check: (trx: Kysely<Database>) => Promise<void> = async () => {},
  ) =>
    audited(
      deps.db,
      actorOf(context),
      {
        action: `storage.update_${kind}`,
        projectId: project.id,
        targetType: "project_storage",
        targetId: project.id,
        detail: { changed: Object.keys(changes).map((column) => column.replace(/^s3_/, "")) },
      },
      async (trx) => {
        await check(trx);
        return createStorageRepository(trx).update(project.id, changes);
      },
    );

  route("get", "/api/projects/{slug}/storage", async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const row = await deps.storage.get(project.id);
    return { status: 200, body: { ok: true, project, storage: describeStorage(deps.appRoot, project, row) } };
  });

  route("put", "/api/projects/{slug}/storage/local", async ({ params, body, context }) => {
    // Moving the root is the one way to reach files outside the project: only an unscoped
    // token (or the tokenless local mode) may do it, and never onto another project's files.
    if (actorOf(context)?.projectId) {
      throw new ApiError(
        "policy",
        "forbidden",
        "A project-scoped token may not change the project's local storage; use an unscoped token",
      );
    }
    const changes = localChanges(body);
    const project = await requireProject(deps, params.slug);
    const row = await update(context, project, "local", changes, async (trx) => {
      const next = { ...(await createStorageRepository(trx).get(project.id)), ...changes };
      await checkProjectRoot(
        trx,
        deps,
        { projectId: project.id, slug: project.slug },
        resolveProjectRoot(deps.appRoot, next, project.slug),
      );
    });
    return {
      status: 200,
      body: { ok: true, project, storage: describeStorage(deps.appRoot, project, row), updated: "local" },
    };
  });

  route("put", "/api/projects/{slug}/storage/s3", async ({ params, body, context }) => {
    const project = await requireProject(deps, params.slug);
    const row = await update(context, project, "s3", s3Changes(body));
    return {
      status: 200,
      body: { ok: true, project, storage: describeStorage(deps.appRoot, project, row), updated: "s3" },
    };
  });
}

/** Blank strings count as not given, except that a blank `project_root` returns it to its default. */
function localChanges(body: Schema<"UpdateLocalStorageRequest">): { base_dir?: string; project_root?: string | null } {
  const given = (value: string | null | undefined) => value !== undefined && value !== null;
  if (!given(body.base_dir) && !given(body.project_root)) {
    throw validationError("Provide at least one of: base_dir, project_root");
  }
  const changes: { base_dir?: string; project_root?: string | null } = {};
  if (given(body.base_dir)) {
    if (body.base_dir?.trim() === "")
      throw validationError("Field 'base_dir' must not be empty", { field: "base_dir" });
    changes.base_dir = checkStoragePath("base_dir", body.base_dir as string);
  }
  if (given(body.project_root)) {
    const root = (body.project_root as string).trim();
    changes.project_root = root === "" ? null : checkStoragePath("project_root", root);
  }
  return changes;
}

/** Fields not given keep their value; blank or null clears one (the prefix falls back to its default). */
function s3Changes(body: Schema<"UpdateS3StorageRequest">) {
  const text = (value: string | null | undefined) => (value === undefined ? undefined : (value ?? "").trim());
  const prefix = text(body.prefix);
  const endpointUrl = text(body.endpoint_url);
  if (endpointUrl && !isHttpUrl(endpointUrl)) {
    throw validationError("Field 'endpoint_url' must be an http(s) URL", { field: "endpoint_url" });
  }
  const changes = {
    s3_enabled: body.enabled === undefined ? undefined : Number(body.enabled),
    s3_bucket: text(body.bucket),
    s3_prefix: prefix === "" ? defaultS3Prefix : prefix,
    s3_region: text(body.region),
    s3_profile: text(body.profile),
    s3_endpoint_url: endpointUrl,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
