import { actorOf } from "../../core/audit.js";
import { type ContentDeps, requireProject } from "../../core/project-lookup.js";
import type { DefineRoute } from "../../core/router.js";
import { createReviewDecisions, type DecisionResult, type DecisionTarget, findRunJob, jobRecord } from "./decisions.js";
import { history } from "./repository.js";

/** Choosing, approving, rejecting and undoing a job's final, and its review history. */
export function reviewRoutes(route: DefineRoute, deps: ContentDeps): void {
  const decisions = createReviewDecisions(deps.db);
  const target = async (
    params: { slug: string; runId: string; jobId: string },
    context: Parameters<typeof actorOf>[0],
  ): Promise<DecisionTarget> => {
    const project = await requireProject(deps, params.slug);
    return { projectId: project.id, runId: params.runId, jobId: params.jobId, actor: actorOf(context) };
  };
  const answer = async (decided: DecisionTarget, result: DecisionResult) => ({
    status: 200 as const,
    body: {
      ok: true as const,
      job: await jobRecord(deps.db, decided.runId, decided.jobId),
      review: result.review,
      audit_id: result.auditId,
      ...(result.baseline ? { baseline: result.baseline } : {}),
      ...(result.replacedBaseline !== undefined ? { replaced_baseline: result.replacedBaseline } : {}),
    },
  });
  const base = "/api/projects/{slug}/runs/{runId}/jobs/{jobId}";

  route("post", `${base}/select`, async ({ params, body, context }) => {
    const decided = await target(params, context);
    return answer(decided, await decisions.select(decided, body));
  });
  route("post", `${base}/approve`, async ({ params, body, context }) => {
    const decided = await target(params, context);
    return answer(decided, await decisions.approve(decided, body ?? {}));
  });
  route("post", `${base}/reject`, async ({ params, body, context }) => {
    const decided = await target(params, context);
    return answer(decided, await decisions.reject(decided, body ?? {}));
  });
  route("post", `${base}/undo`, async ({ params, body, context }) => {
    const decided = await target(params, context);
    return answer(decided, await decisions.undo(decided, body ?? {}));
  });
  route("get", `${base}/review-history`, async ({ params }) => {
    const project = await requireProject(deps, params.slug);
    const { job } = await findRunJob(deps.db, project.id, params.runId, params.jobId);
    const events = await history(deps.db, job.id);
    return {
      status: 200,
      body: { ok: true, run_id: params.runId, job_id: job.id, count: events.length, history: events },
    };
  });
}
