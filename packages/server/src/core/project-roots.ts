import { resolve } from "node:path";
import { isInside } from "@kroma/pipeline";
import type { Kysely } from "kysely";
import { appExportsDir } from "../features/exports/export-output.js";
import { createStorageRepository, databaseFile, type StoredRoot } from "../features/projects/storage-repository.js";
import type { Database } from "./db/schema.js";
import { conflict, validationError } from "./errors.js";
import {
  checkProjectRootPlacement,
  type PrivatePlaces,
  realPathSoFar,
  resolveProjectRoot,
  serverPrivatePlaces,
} from "./storage-paths.js";

/** What the root check needs to know about the server. */
export interface RootCheckDeps {
  appRoot: string;
  masterKeyFile: string;
}

/** The server's private places (see `PrivatePlaces`), for the server using database `db`. */
export async function privatePlacesOf(db: Kysely<Database>, deps: RootCheckDeps): Promise<PrivatePlaces> {
  return serverPrivatePlaces(deps.appRoot, await databaseFile(db), deps.masterKeyFile);
}

/**
 * Refuses a project root that could reach what is not the project's own, whoever asks:
 * - 400 when it holds or lies inside the server's private directory (database, master key) or
 *   the app's shared `var/exports/` (which holds every project's bundles);
 * - 409 when it holds or lies inside another project's effective root (its stored root, or
 *   `<base_dir>/<slug>`), so no project can read, export or sync another one's files.
 * Paths are compared with symlinks resolved as far as they exist. `projectId` is the project
 * whose root this is (`null` for one not created yet). Call it inside the transaction that
 * writes the root, so two concurrent changes cannot both pass. `label` names the root in the
 * messages.
 *
 * @example
 * await checkProjectRoot(trx, deps, { projectId: null, slug: "gamma" }, "/srv/kroma/var/projects/gamma");
 */
export async function checkProjectRoot(
  db: Kysely<Database>,
  deps: RootCheckDeps,
  project: { projectId: string | null; slug: string },
  root: string,
  label = "The project root",
): Promise<void> {
  const real = await realPathSoFar(root);
  checkProjectRootPlacement(real, await privatePlacesOf(db, deps), label);
  const exportsDir = await realPathSoFar(resolve(deps.appRoot, appExportsDir));
  if (isInside(real, exportsDir) || isInside(exportsDir, real)) {
    throw validationError(
      `${label} '${real}' would hold or sit inside ${appExportsDir}/, which holds every project's bundles`,
      { field: "project_root" },
    );
  }
  for (const other of await createStorageRepository(db).roots()) {
    if (other.projectId === project.projectId) continue;
    const otherRoot = await realPathSoFar(resolveProjectRoot(deps.appRoot, other, other.slug));
    if (isInside(real, otherRoot) || isInside(otherRoot, real)) {
      throw conflict(
        `${label} '${real}' would hold or lie inside the root of project '${other.slug}' ('${otherRoot}'); ` +
          "the roots of two projects must not overlap: choose another directory",
        { field: "project_root", project: other.slug },
      );
    }
  }
}

/**
 * Refuses (409) creating project `slug` when its default root (`var/projects/<slug>`) would hold or
 * lie inside a root another project already points at. Call it in the creating transaction.
 *
 * @example
 * await createProjectRepository(db).upsert(input, trx, (check, storage) => checkNewProjectRoot(check, deps, input.slug, storage));
 */
export function checkNewProjectRoot(
  db: Kysely<Database>,
  deps: RootCheckDeps,
  slug: string,
  storage: Pick<StoredRoot, "base_dir" | "project_root">,
): Promise<void> {
  return checkProjectRoot(
    db,
    deps,
    { projectId: null, slug },
    resolveProjectRoot(deps.appRoot, storage, slug),
    `Project '${slug}' cannot be created: its default root`,
  );
}
