import { actorOf } from "../../../core/audit.js";
import { type ContentDeps, requireProject } from "../../../core/project-lookup.js";
import type { DefineRoute } from "../../../core/router.js";
import { resolveProjectRoot } from "../../../core/storage-paths.js";
import type { MasterKeySource } from "../../secrets/crypto.js";
import { syncProjectToS3 } from "./sync.js";

/** `POST /storage/s3/sync`: the project's new or changed files to its S3 storage, with a report. */
export function s3SyncRoutes(route: DefineRoute, deps: ContentDeps): void {
  // One source object for the app, so the secrets keyring (and its loaded master key) is shared.
  const keys: MasterKeySource = { masterKey: deps.masterKey, masterKeyFile: deps.masterKeyFile };

  route("post", "/api/projects/{slug}/storage/s3/sync", async ({ params, body, context }) => {
    const project = await requireProject(deps, params.slug);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const sync = await syncProjectToS3(
      deps.db,
      keys,
      { id: project.id, slug: project.slug, root },
      { dryRun: body?.dry_run ?? false, actor: actorOf(context) },
    );
    return { status: 200, body: { ok: true, sync } };
  });
}
