import { conflict, notFound, unavailable, validationError } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { resolveProjectRoot } from "../../core/storage-paths.js";
import { AssetFileVerifier } from "../assets/asset-file.js";
import { drawContactSheet, maxSheetJobs } from "./contact-sheet.js";
import { sheetColumns, sheetRows } from "./contact-sheet-records.js";
import { createRunRepository } from "./repository.js";

/** Sheets one server draws at once: each keeps sharp busy for a while, so a burst cannot pile up. */
export const maxConcurrentSheets = 2;

/** `GET /api/projects/{slug}/runs/{runId}/contact-sheet?offset=&limit=`: the run's candidates as one PNG. */
export function contactSheetRoute(route: DefineRoute, deps: ContentDeps): void {
  const runs = createRunRepository(deps.db);
  const verifier = new AssetFileVerifier();
  let drawing = 0;

  route("get", "/api/projects/{slug}/runs/{runId}/contact-sheet", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const run = await runs.get(project.id, params.runId);
    if (!run) throw notFound(`Run '${params.runId}' not found`);
    const jobs = run.run_mode === "run" ? await runs.jobs(run.id) : [];
    if (jobs.length === 0) {
      throw conflict(
        `Run '${run.id}' has no paid jobs to show (${run.run_mode === "dry" ? "a dry run" : "none yet"})`,
        {
          run_mode: run.run_mode,
          status: run.status,
        },
      );
    }
    const offset = query.offset ?? 0;
    if (offset >= jobs.length) {
      throw validationError(`offset ${offset} is past the run's last job (it has ${jobs.length})`, {
        field: "offset",
        jobs: jobs.length,
      });
    }
    const page = jobs.slice(offset, offset + (query.limit ?? maxSheetJobs));
    if (drawing >= maxConcurrentSheets) {
      throw unavailable(`The server is drawing ${drawing} contact sheets already; try again shortly`);
    }
    drawing++;
    try {
      const root = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
      const source = { db: deps.db, verifier, projectId: project.id, root, runId: run.id };
      // Columns from every job, so the pages of one run line up.
      const columns = sheetColumns(jobs);
      const png = await drawContactSheet(await sheetRows(source, page, columns), columns);
      return new Response(new Uint8Array(png), {
        status: 200,
        headers: {
          "content-type": "image/png",
          "content-length": String(png.length),
          "content-disposition": `inline; filename="${run.id}-sheet.png"`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
          "x-kroma-jobs-total": String(jobs.length),
        },
      });
    } finally {
      drawing--;
    }
  });
}
