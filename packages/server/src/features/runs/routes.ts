import { isAbsolute, resolve } from "node:path";
import { isInside, listResolvedSettings, type SpendEstimate, validatePipelineConfig } from "@kroma/pipeline";
import type { Context } from "hono";
import { actorOf } from "../../core/audit.js";
import { conflict, notFound, validationError } from "../../core/errors.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import { privatePlacesOf } from "../../core/project-roots.js";
import type { DefineRoute } from "../../core/router.js";
import {
  checkStoragePath,
  isPrivatePath,
  type PrivatePlaces,
  realPathSoFar,
  resolveProjectRoot,
} from "../../core/storage-paths.js";
import type { ProjectRecord } from "../projects/repository.js";
import type { RunEventHub } from "./events.js";
import type { RunProject, RunQueue } from "./queue.js";
import { createRunRepository, type RunRecord } from "./repository.js";
import { type EventStreamGate, streamRunEvents } from "./streams.js";
import { applyWaitPreference, hasEnded, triggerWaitS, upstreamOutcome, waitForRunEnd } from "./trigger-wait.js";

/** What the runs routes need beyond the content routes': the queue and its live events. */
export interface RunDeps extends ContentDeps {
  runQueue: RunQueue;
  runEvents: RunEventHub;
  /** The open-stream limits of `GET /runs/{runId}/events`. */
  eventStreams: EventStreamGate;
  /** The longest a trigger asking to wait is held open, in seconds (`KROMA_TRIGGER_WAIT_MAX_S`). */
  triggerWaitMaxS: number;
}

const pathFields = ["app_settings_path", "project_settings_path", "manifest_path", "postprocess_config_path"] as const;

export function runRoutes(route: DefineRoute, deps: RunDeps): void {
  const runs = createRunRepository(deps.db);
  const runProject = async (project: ProjectRecord): Promise<RunProject> => ({
    id: project.id,
    slug: project.slug,
    root: resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug),
  });
  const requireRun = async (slug: string, runId: string) => {
    const project = await requireProject(deps, slug);
    const run = await runs.get(project.id, runId);
    if (!run) throw notFound(`Run '${runId}' not found`);
    return { project, run };
  };

  route("get", "/api/projects/{slug}/runs", async ({ params, query }) => {
    const project = await requireProject(deps, params.slug);
    const { rows, total } = await runs.list(project.id, query);
    return { status: 200, body: { ok: true, count: rows.length, total, runs: rows } };
  });

  /**
   * The answer of a trigger or rerun: the queued run at once (200), or, when the client asked to
   * wait, the run once it ended (200, with the upstream's `status_code` and `stdout`) or as it is
   * when the wait ran out (202).
   */
  const triggerAnswer = async (
    context: Context,
    project: RunProject,
    queued: { run: RunRecord; spendEstimate: SpendEstimate },
    bodyWait: boolean | undefined,
  ) => {
    const waitS = triggerWaitS(bodyWait, context.req.header("prefer"), deps.triggerWaitMaxS);
    const answer = (run: RunRecord, extra = {}) => ({
      ok: true as const,
      pipeline_trigger: {
        run_id: run.id,
        status: run.status,
        mode: run.run_mode,
        run,
        spend_estimate: queued.spendEstimate,
        ...extra,
      },
    });
    if (waitS === 0) return { status: 200 as const, body: answer(queued.run) };
    const reload = () => runs.get(project.id, queued.run.id);
    await waitForRunEnd(deps.runEvents, queued.run.id, waitS * 1000, reload);
    applyWaitPreference(context, waitS);
    const run = (await reload()) ?? queued.run;
    if (!hasEnded(run)) return { status: 202 as const, body: answer(run) };
    return { status: 200 as const, body: answer(run, upstreamOutcome(project, run, await runs.jobs(run.id))) };
  };

  route("post", "/api/projects/{slug}/runs/trigger", async ({ params, body, context }) => {
    const project = await runProject(await requireProject(deps, params.slug));
    const queued = await deps.runQueue.trigger(project, body, actorOf(context));
    return triggerAnswer(context, project, queued, body.wait);
  });

  route("post", "/api/projects/{slug}/runs/{runId}/rerun", async ({ params, body, context }) => {
    const { project, run } = await requireRun(params.slug, params.runId);
    const runsIn = await runProject(project);
    const queued = await deps.runQueue.rerun(runsIn, run, body, actorOf(context));
    return triggerAnswer(context, runsIn, queued, body.wait);
  });

  route("get", "/api/projects/{slug}/runs/{runId}", async ({ params }) => {
    const { run } = await requireRun(params.slug, params.runId);
    return { status: 200, body: { ok: true, run, jobs: await runs.jobs(run.id) } };
  });

  route("get", "/api/projects/{slug}/runs/{runId}/jobs", async ({ params, query }) => {
    const { run } = await requireRun(params.slug, params.runId);
    const all = await runs.jobs(run.id);
    const jobs = query.review ? all.filter((job) => job.review_state === query.review) : all;
    return {
      status: 200,
      body: { ok: true, run_id: run.id, count: jobs.length, jobs, review_progress: reviewProgress(all) },
    };
  });

  route("post", "/api/projects/{slug}/runs/{runId}/cancel", async ({ params, context }) => {
    const { project, run } = await requireRun(params.slug, params.runId);
    const canceled = await deps.runQueue.cancel(await runProject(project), run, actorOf(context));
    return { status: 200, body: { ok: true, run: canceled } };
  });

  route("post", "/api/projects/{slug}/runs/{runId}/resume", async ({ params, context }) => {
    const { project, run } = await requireRun(params.slug, params.runId);
    // Its files and log are in the trash: continuing it would buy its kept jobs again.
    if (run.trash_id) {
      throw conflict(`Run '${run.id}' is in the trash (${run.trash_id}): restore it first (kroma trash restore)`, {
        trash_id: run.trash_id,
      });
    }
    const resumed = await deps.runQueue.resume(await runProject(project), run, actorOf(context));
    return { status: 200, body: { ok: true, run: resumed } };
  });

  route("get", "/api/projects/{slug}/runs/{runId}/events", async ({ params, context }) => {
    const { project, run } = await requireRun(params.slug, params.runId);
    return streamRunEvents(context, {
      hub: deps.runEvents,
      gate: deps.eventStreams,
      run,
      reload: () => runs.get(project.id, run.id),
      ownerLive: async (runId) => (await deps.leases.liveOwner("run", runId)) !== undefined,
    });
  });

  route("post", "/api/projects/{slug}/runs/validate-config", async ({ params, body }) => {
    const project = await requireProject(deps, params.slug);
    const projectRoot = resolveProjectRoot(deps.appRoot, await deps.storage.get(project.id), project.slug);
    const places = await privatePlacesOf(deps.db, deps);
    const paths = await requestPaths(deps.appRoot, projectRoot, places, body ?? {});
    const result = await validatePipelineConfig({
      appRoot: deps.appRoot,
      projectRoot,
      appSettingsPath: paths.app_settings_path,
      projectSettingsPath: paths.project_settings_path,
      manifestPath: paths.manifest_path,
      postprocessConfigPath: paths.postprocess_config_path,
    });
    return {
      status: 200,
      body: {
        ok: true,
        summary: {
          valid: result.ok,
          project_root: projectRoot,
          app_settings_loaded: result.app_settings_loaded,
          project_settings_loaded: result.project_settings_loaded,
          resolved_manifest_path: result.resolved_manifest_path,
          resolved_postprocess_config_path: result.resolved_postprocess_config_path,
          manifest_loaded: result.manifest_loaded,
          postprocess_config_loaded: result.postprocess_config_loaded,
          problems: result.problems,
          settings: listResolvedSettings(result.settings),
        },
      },
    };
  });
}

/**
 * Paths a request names are relative to the app root, without `..` (the storage path rule), and
 * once symlinks are resolved they must lie in the project's own root or the app's `config/`: the
 * check reads the files and reports on their content, so it must not reach another project's
 * files, nor the server's own (database, master key).
 */
async function requestPaths(
  appRoot: string,
  projectRoot: string,
  places: PrivatePlaces,
  body: Partial<Record<(typeof pathFields)[number], string>>,
) {
  const paths: Partial<Record<(typeof pathFields)[number], string>> = {};
  const allowed = [await realPathSoFar(projectRoot), await realPathSoFar(resolve(appRoot, "config"))];
  for (const field of pathFields) {
    const value = body[field]?.trim();
    if (!value) continue;
    if (isAbsolute(value)) throw validationError(`Field '${field}' must be relative to the app root`, { field });
    const path = resolve(appRoot, checkStoragePath(field, value));
    const real = await realPathSoFar(path);
    if (isPrivatePath(real, places)) {
      throw validationError(`Field '${field}' names the server's private directory`, { field });
    }
    if (!allowed.some((dir) => isInside(dir, real))) {
      throw validationError(
        `Field '${field}' must name a file in the project's root or the app's config/ directory (symlinks resolved)`,
        { field },
      );
    }
    paths[field] = path;
  }
  return paths;
}

/** How far a run's review has come, over all its jobs. */
function reviewProgress(jobs: { review_state: "pending" | "approved" | "rejected" }[]) {
  const approved = jobs.filter((job) => job.review_state === "approved").length;
  const rejected = jobs.filter((job) => job.review_state === "rejected").length;
  return {
    total: jobs.length,
    decided: approved + rejected,
    approved,
    rejected,
    pending: jobs.length - approved - rejected,
  };
}
