import { join } from "node:path";
import { writeRunLog } from "@kroma/pipeline";
import { actorOf } from "../../core/audit.js";
import { ApiError, conflict, validationError } from "../../core/errors.js";
import { exceedsJsonDepth, maxJsonDepth } from "../../core/json-depth.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { ensureUploadDir, removeEmptyDirs } from "../assets/upload-dirs.js";
import { checkRunLog, ingestRunLog, refuseForeignRun, runLogFiles } from "./ingest.js";
import { receiveIngestBody, removeStaged } from "./ingest-body.js";
import { placeRunFiles } from "./ingest-files.js";

/**
 * `POST /api/projects/{slug}/runs/ingest`: a run executed elsewhere (`kroma lab run` on another
 * machine, or beside the server) recorded from its log, with the files the log names uploaded or
 * found on the server's disk by hash. The client's project root is not the server's, so nothing in
 * the request is a path on this machine: every path is the log's, under this project's root.
 */
export function ingestRoutes(route: DefineRoute, deps: ContentDeps): void {
  route("post", "/api/projects/{slug}/runs/ingest", async ({ params, context }) => {
    const project = await requireProject(deps, params.slug);
    const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const created = await ensureUploadDir(root, join(root, ".kroma", "tmp"));
    const body = await receiveIngestBody(context.req.raw, join(root, ".kroma", "tmp")).catch(async (error) => {
      await removeEmptyDirs(created);
      throw error;
    });
    try {
      const log = checkRunLog(parseRunLog(body.runLog), project.slug, deps.validator);
      await refuseForeignRun(deps.db, log.run_id, project.id);
      if (await deps.leases.liveOwner("run", log.run_id)) {
        throw conflict(`Run '${log.run_id}' is being executed by the server; its records are its own`, {
          field: "run_id",
        });
      }
      const files = await placeRunFiles(root, runLogFiles(log, root), body.files);
      if (files.missing.length > 0) {
        throw new ApiError(
          "validation",
          "run_files_missing",
          `${files.missing.length} file(s) the run log names are not on the server: upload them as \`files\` parts`,
          { missing: files.missing, received: files.received },
        );
      }
      await ensureUploadDir(root, join(root, "runs"));
      await writeRunLog(root, log);
      const result = await ingestRunLog(deps.db, {
        projectId: project.id,
        projectSlug: project.slug,
        projectRoot: root,
        log,
        actor: actorOf(context),
        validator: deps.validator,
      });
      const { received, on_disk } = files;
      return { status: 200, body: { ok: true, ...result, files: { received, on_disk } } };
    } finally {
      await removeStaged(body.files);
    }
  });
}

function parseRunLog(text: string): unknown {
  // As the router does for JSON bodies: validators recurse once per level.
  if (exceedsJsonDepth(text)) {
    throw validationError(`The run log nests deeper than ${maxJsonDepth} levels`, {
      field: "run_log",
      max_depth: maxJsonDepth,
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("validation", "invalid_json", "The `run_log` part is not valid JSON", { field: "run_log" });
  }
}
