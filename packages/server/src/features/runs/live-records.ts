import { postprocessStageNameValues } from "@kroma/contract/enums";
import type { PaidRunLog, RunProgressEvent } from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import type { RunEvent } from "./events.js";
import type { RunProject } from "./execute.js";
import { ingestRunLog } from "./ingest.js";

// A queued run's jobs, candidates and assets are recorded as each candidate and job finishes, not
// only when the run ends, and its `candidate_done` / `job_done` events name the assets they made:
// a client that hears the event can fetch the picture at once.

/** Post-process stages in chain order (the spec's enum): a candidate's assets are listed image first, then these. */
const stageOrder: readonly string[] = postprocessStageNameValues;

interface CandidateAssets {
  jobId: string;
  /** `<job key>#<candidate index>` -> asset ids, the candidate's image first. */
  byCandidate: Map<string, string[]>;
}

/**
 * The live recorder of one queued run: `record` ingests a snapshot of its log (see the pipeline's
 * `onLiveLog`) and remembers the assets each candidate has; `eventFields` adds the job's record id
 * and those asset ids to the candidate's or job's progress event.
 */
export function createLiveRecords(db: KromaDb, project: RunProject, runId: string) {
  const byJob = new Map<string, CandidateAssets>();

  async function record(log: PaidRunLog): Promise<void> {
    await ingestRunLog(db, {
      projectId: project.id,
      projectSlug: project.slug,
      projectRoot: project.root,
      log,
      live: true,
    });
    const rows = await db
      .selectFrom("assets")
      .innerJoin("candidates", "candidates.id", "assets.candidate_id")
      .innerJoin("jobs", "jobs.id", "candidates.job_id")
      .where("jobs.run_id", "=", runId)
      .select(["assets.id", "assets.asset_kind", "candidates.candidate_index", "jobs.id as job_id", "jobs.job_key"])
      .execute();
    byJob.clear();
    for (const row of rows.sort((a, b) => stageRank(a.asset_kind) - stageRank(b.asset_kind))) {
      const job = byJob.get(row.job_key) ?? { jobId: row.job_id, byCandidate: new Map() };
      const key = `${row.job_key}#${row.candidate_index}`;
      job.byCandidate.set(key, [...(job.byCandidate.get(key) ?? []), row.id]);
      byJob.set(row.job_key, job);
    }
  }

  function eventFields(event: RunProgressEvent): Pick<RunEvent, "job_id" | "asset_ids"> {
    if (event.phase !== "candidate_done" && event.phase !== "job_done") return {};
    const job = byJob.get(event.job);
    if (!job) return {};
    if (event.phase === "job_done") return { job_id: job.jobId, asset_ids: [...job.byCandidate.values()].flat() };
    return { job_id: job.jobId, asset_ids: job.byCandidate.get(`${event.job}#${event.candidate}`) ?? [] };
  }

  return { record, eventFields };
}

/** The candidate's own image (a `candidate` or `final` asset) first, then the stages in chain order. */
function stageRank(assetKind: string | null): number {
  return stageOrder.indexOf(assetKind ?? "") + 1;
}
