import type { Client } from "openapi-fetch";
import type { Call } from "./call.js";
import type { paths, Schema } from "./schema.js";

// Choosing and approving a run's finals: select another candidate, approve or reject (with a
// note), undo, and the job's review history. Each returns the success body or throws KromaApiError.

/**
 * @example
 * await kroma.runs.select("demo", runId, jobId, 2, { note: "sharper edges" });
 * await kroma.runs.approve("demo", runId, jobId, { baseline: true });
 * const { history } = await kroma.runs.reviewHistory("demo", runId, jobId);
 */
export function reviewsApi(raw: Client<paths>, call: Call) {
  const atJob = (slug: string, runId: string, jobId: string) => ({ params: { path: { slug, runId, jobId } } });
  return {
    /** `POST .../jobs/{jobId}/select`: candidate `index` becomes the job's final (review back to pending). */
    select: (
      slug: string,
      runId: string,
      jobId: string,
      index: number,
      options: Omit<Schema<"SelectCandidateRequest">, "candidate_index"> = {},
    ) =>
      call(
        raw.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/select", {
          ...atJob(slug, runId, jobId),
          body: { candidate_index: index, ...options },
        }),
      ),
    /** `POST .../approve`; `{ baseline: true }` also makes it the scene's baseline. */
    approve: (slug: string, runId: string, jobId: string, body: Schema<"ApproveRequest"> = {}) =>
      call(raw.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve", { ...atJob(slug, runId, jobId), body })),
    /** `POST .../reject` */
    reject: (slug: string, runId: string, jobId: string, body: Schema<"ReviewDecisionRequest"> = {}) =>
      call(raw.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject", { ...atJob(slug, runId, jobId), body })),
    /** `POST .../undo`: withdraws the last decision. */
    undo: (slug: string, runId: string, jobId: string, body: Schema<"ReviewDecisionRequest"> = {}) =>
      call(raw.POST("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/undo", { ...atJob(slug, runId, jobId), body })),
    /** `GET .../review-history`: every decision, oldest first. */
    reviewHistory: (slug: string, runId: string, jobId: string) =>
      call(raw.GET("/api/projects/{slug}/runs/{runId}/jobs/{jobId}/review-history", atJob(slug, runId, jobId))),
  };
}
