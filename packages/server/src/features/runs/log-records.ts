import { createHash } from "node:crypto";
import type { components } from "@kroma/contract/types";
import type { Insertable } from "kysely";
import type {
  AssetLinksTable,
  AssetsTable,
  CandidatesTable,
  CostEventsTable,
  JobsTable,
  QualityReportsTable,
  RunsTable,
} from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import { imageAsset, type RunLogContext } from "./log-assets.js";

export type { RunLogContext } from "./log-assets.js";

type Schemas = components["schemas"];
export type RunLog = Schemas["RunLog"];
type PaidRunLog = Schemas["PaidRunLog"];
type DryRunLog = Schemas["DryRunLog"];
type RunJobLog = Schemas["RunJobLog"];
type RunCandidateLog = Schemas["RunCandidateLog"];

/** Every row one run log becomes: the database's picture of the run. */
export interface RunLogRecords {
  run: Insertable<RunsTable>;
  jobs: Insertable<JobsTable>[];
  candidates: Insertable<CandidatesTable>[];
  assets: Insertable<AssetsTable>[];
  qualityReports: Insertable<QualityReportsTable>[];
  costEvents: Insertable<CostEventsTable>[];
  /** `derived_from` links from each post-processed file to the file it was made from. */
  assetLinks: Insertable<AssetLinksTable>[];
}

/**
 * The stable part of a job's record ids: a hash of the run and job ids, so ingesting a log again
 * writes the same ids (rows are updated in place and links to them survive). Hashed because job
 * keys come from scene file names and can be long; one hash per job, the job's candidates,
 * assets, reports and costs add a suffix.
 *
 * @example
 * jobKeyHash("run_20250102T030405Z_a1b2c3", "style_1_street"); // "3f2a..." (24 hex)
 */
export function jobKeyHash(runId: string, jobKey: string): string {
  return createHash("sha256").update(`${runId}\0${jobKey}`).digest("hex").slice(0, 24);
}

/** The ids of one job's rows, all derived from {@link jobKeyHash}. */
type JobRecordIds = ReturnType<typeof jobIds>;

function jobIds(runId: string, jobKey: string) {
  const hash = jobKeyHash(runId, jobKey);
  return {
    job: `job_${hash}`,
    candidate: (k: number) => `cand_${hash}_${k}`,
    candidateAsset: (k: number) => `asset_${hash}_c${k}`,
    finalAsset: `asset_${hash}_final`,
    qualityReport: (k: number) => `qr_${hash}_${k}`,
    stageAsset: (k: number, stage: string) => `asset_${hash}_c${k}_${stage}`,
    stageLink: (k: number, stage: string) => `link_${hash}_c${k}_${stage}`,
    costEvent: `cost_${hash}`,
  };
}

/**
 * Turns a run log into rows: the run, its jobs and candidates, an asset per file it wrote (the
 * final output, and each other candidate), a quality report per guard verdict and a cost event
 * per job for the images it generated. Pure: reads no files (image sizes come from the log).
 */
export function runLogRecords(log: RunLog, context: RunLogContext): RunLogRecords {
  const records: RunLogRecords = {
    run: runRow(log, context),
    jobs: [],
    candidates: [],
    assets: [],
    qualityReports: [],
    costEvents: [],
    assetLinks: [],
  };
  if (log.mode === "dry") addDryJobs(records, log);
  else for (const job of log.jobs) addPaidJob(records, log, job, context);
  return records;
}

function runRow(log: RunLog, { projectId, runLogPath }: RunLogContext): Insertable<RunsTable> {
  const paid = log.mode === "run" ? log : undefined;
  return {
    id: log.run_id,
    project_id: projectId,
    run_mode: log.mode,
    // A dry run's log says `planned`; as a run, planning it succeeded.
    status: paid ? paid.status : "succeeded",
    stage: log.stage,
    time_of_day: log.time,
    weather: log.weather,
    model_name: log.model,
    provider_code: "openai",
    settings_snapshot_json: toJsonText({
      generation: log.generation,
      output_guard: log.output_guard,
      postprocess: log.postprocess,
      storage: log.storage,
      versions: log.versions,
      inputs: log.inputs,
      ...(paid ? { api: paid.api, archive_replaced: paid.archive_replaced, cost_estimate: paid.cost_estimate } : {}),
    }),
    image_size: log.size,
    image_quality: log.quality,
    run_log_path: runLogPath,
    started_at: paid ? paid.started_at : log.timestamp,
    finished_at: paid ? paid.finished_at : log.timestamp,
    created_at: log.timestamp,
    error: paid?.error ?? null,
    summary_json: toJsonText(log.summary),
  };
}

function addDryJobs(records: RunLogRecords, log: DryRunLog): void {
  for (const job of log.jobs) {
    const ids = jobIds(log.run_id, job.id);
    const jobId = ids.job;
    records.jobs.push({
      id: jobId,
      run_id: log.run_id,
      job_key: job.id,
      status: "planned",
      prompt_text: job.prompt,
      selected_candidate_index: null,
      final_asset_id: null,
      final_output: null,
      meta_json: toJsonText({ mode: job.mode, time: job.time, weather: job.weather, input_images: job.input_images }),
      created_at: log.timestamp,
    });
    job.planned_generation.outputs.forEach((output, i) => {
      records.candidates.push({
        ...emptyCandidate(ids.candidate(i + 1), jobId, i + 1, log.timestamp),
        status: "planned",
        output_path: output,
      });
    });
  }
}

function emptyCandidate(id: string, jobId: string, index: number, createdAt: string): Insertable<CandidatesTable> {
  return {
    id,
    job_id: jobId,
    candidate_index: index,
    status: "planned",
    output_asset_id: null,
    final_asset_id: null,
    output_path: null,
    final_output_path: null,
    rank_hard_failures: null,
    rank_soft_warnings: null,
    rank_avg_chroma_exceed: null,
    meta_json: toJsonText({}),
    created_at: createdAt,
  };
}

function addPaidJob(records: RunLogRecords, log: PaidRunLog, job: RunJobLog, context: RunLogContext): void {
  const ids = jobIds(log.run_id, job.id);
  const jobId = ids.job;
  const selected = job.candidates.find((candidate) => candidate.candidate_index === job.selected_candidate);
  // The final output is the chosen candidate's own file (runs since per-run outputs, and every
  // one-candidate job): its asset is the candidate's, so the id a live event announced for the
  // candidate stays the final's. Only an older log's copy (`outputs/<job_id>.png`) is an asset of its own.
  const finalIsCandidate = selected?.status === "generated" && selected.output === job.final_output;
  // A post-process run's job made only the chain's files: its final is the last one (the source
  // asset is another run's, and stays that run's).
  const sourceFinal = job.source_asset ? sourceJobFinal(selected, ids) : undefined;
  const finalAssetId = sourceFinal
    ? sourceFinal.assetId
    : job.final_output && selected
      ? finalIsCandidate
        ? ids.candidateAsset(selected.candidate_index)
        : ids.finalAsset
      : null;
  if (!sourceFinal && finalAssetId && selected && job.final_output && !finalIsCandidate) {
    records.assets.push(
      imageAsset(context, log, {
        id: finalAssetId,
        jobId,
        candidateId: ids.candidate(selected.candidate_index),
        assetKind: "final",
        relPath: job.final_output,
        file: selected,
        metadata: { bytes: selected.bytes, candidate_index: selected.candidate_index },
      }),
    );
  }
  records.jobs.push({
    id: jobId,
    run_id: log.run_id,
    job_key: job.id,
    status: job.status,
    prompt_text: job.prompt,
    selected_candidate_index: job.selected_candidate,
    final_asset_id: finalAssetId,
    final_output: sourceFinal ? sourceFinal.output : job.final_output,
    meta_json: toJsonText({
      mode: job.mode,
      time: job.time,
      weather: job.weather,
      input_images: job.input_images,
      error: job.error ?? null,
      ms: job.ms,
      final_output_archived_previous: job.final_output_archived_previous,
      ...(job.source_asset ? { source_asset: job.source_asset } : {}),
    }),
    created_at: log.timestamp,
  });
  for (const candidate of job.candidates) {
    addCandidate(records, log, job, candidate, { ids, finalAssetId, context });
  }
  addCostEvent(records, log, job, { jobId, id: ids.costEvent, projectId: context.projectId });
}

/** A post-process job's final: the chain's last file it wrote (none when no stage wrote one). */
function sourceJobFinal(
  selected: RunCandidateLog | undefined,
  ids: JobRecordIds,
): { assetId: string | null; output: string | null } {
  const written = (selected?.postprocess?.stages ?? []).filter((stage) => stage.status === "done" && stage.output);
  const last = written.at(-1);
  if (!selected || !last) return { assetId: null, output: null };
  return { assetId: ids.stageAsset(selected.candidate_index, last.stage), output: last.output };
}

/** The job's spend: one event for the images it generated (none when every candidate failed). */
function addCostEvent(
  records: RunLogRecords,
  log: PaidRunLog,
  job: RunJobLog,
  row: { jobId: string; id: string; projectId: string },
): void {
  const generated = job.candidates.filter((candidate) => candidate.status === "generated");
  if (generated.length === 0) return;
  const unit = log.cost_estimate.per_image_usd;
  const usage = generated.flatMap((candidate) => (candidate.usage ? [candidate.usage] : []));
  records.costEvents.push({
    id: row.id,
    project_id: row.projectId,
    run_id: log.run_id,
    job_id: row.jobId,
    provider_code: "openai",
    model_name: log.model,
    event_type: "image_generation",
    units: generated.length,
    unit_cost_usd: unit,
    total_cost_usd: unit === null ? null : Math.round(unit * generated.length * 1e6) / 1e6,
    currency: "USD",
    meta_json: toJsonText({
      job_key: job.id,
      candidates: generated.map((candidate) => candidate.candidate_index),
      total_tokens: usage.reduce((total, u) => total + (u.total_tokens ?? 0), 0),
      size: log.size,
      quality: log.quality,
      estimate: true,
      ...recordedCostOf(generated),
    }),
    created_at: log.timestamp,
  });
}

/**
 * The job's cost from its answers' usage (`RunCandidateLog.cost`), beside the estimate the event
 * is priced at: the sum, or null when any answer could not be priced; nothing for a log written
 * before the cost was recorded.
 */
function recordedCostOf(generated: RunCandidateLog[]): { recorded_cost_usd?: number | null } {
  const costs = generated.flatMap((candidate) => (candidate.cost ? [candidate.cost.usd] : []));
  if (costs.length === 0) return {};
  if (costs.some((usd) => usd === null)) return { recorded_cost_usd: null };
  return { recorded_cost_usd: Math.round(costs.reduce((sum: number, usd) => sum + (usd ?? 0), 0) * 1e6) / 1e6 };
}

function addCandidate(
  records: RunLogRecords,
  log: PaidRunLog,
  job: RunJobLog,
  candidate: RunCandidateLog,
  {
    ids,
    finalAssetId,
    context,
  }: { ids: ReturnType<typeof jobIds>; finalAssetId: string | null; context: RunLogContext },
): void {
  const runId = log.run_id;
  const jobId = ids.job;
  const k = candidate.candidate_index;
  const id = ids.candidate(k);
  const isSelected = k === job.selected_candidate && finalAssetId !== null;
  const generated = candidate.status === "generated";
  // The chosen candidate's file is the final output itself: one asset, of kind `final`. A
  // post-process run's candidate is its source asset, recorded already: the chain's files link to it.
  let outputAssetId: string | null = candidate.status === "existing" ? (job.source_asset?.asset_id ?? null) : null;
  if (generated) {
    outputAssetId = ids.candidateAsset(k);
    records.assets.push(
      imageAsset(context, log, {
        id: outputAssetId,
        jobId,
        candidateId: id,
        assetKind: isSelected && candidate.output === job.final_output ? "final" : "candidate",
        relPath: candidate.output,
        file: candidate,
        metadata: { bytes: candidate.bytes, candidate_index: k },
      }),
    );
  }
  records.candidates.push({
    id,
    job_id: jobId,
    candidate_index: k,
    status: candidate.status,
    output_asset_id: outputAssetId,
    final_asset_id: isSelected ? finalAssetId : null,
    output_path: candidate.output,
    final_output_path: isSelected ? job.final_output : null,
    rank_hard_failures: candidate.rank?.hard_failures ?? null,
    rank_soft_warnings: candidate.rank?.soft_warnings ?? null,
    rank_avg_chroma_exceed: candidate.rank?.avg_chroma_exceed ?? null,
    meta_json: toJsonText({
      attempts: candidate.attempts,
      usage: candidate.usage ?? null,
      ...(candidate.cost ? { cost: candidate.cost } : {}),
      error: candidate.error ?? null,
      ms: candidate.ms,
      bytes: candidate.bytes,
      archived_previous: candidate.archived_previous,
    }),
    created_at: log.timestamp,
  });
  if (candidate.status === "failed") return;
  // The guard checked the chain's last output when there was a chain: report on that file.
  const checkedAssetId = addPostprocessAssets(records, log, candidate, {
    ids,
    jobId,
    candidateId: id,
    outputAssetId,
    context,
  });
  if (candidate.output_guard && candidate.rank) {
    const rank = candidate.rank;
    records.qualityReports.push({
      id: ids.qualityReport(k),
      project_id: context.projectId,
      run_id: runId,
      asset_id: checkedAssetId,
      report_type: "output_guard",
      grade: rank.hard_failures > 0 ? "fail" : rank.soft_warnings > 0 ? "warn" : "pass",
      hard_failures: rank.hard_failures,
      soft_warnings: rank.soft_warnings,
      avg_chroma_exceed: rank.avg_chroma_exceed,
      summary_json: toJsonText(candidate.output_guard),
      created_at: log.timestamp,
    });
  }
}

/**
 * An asset per file the post-process chain wrote for a candidate, each linked `derived_from` the
 * file it was made from (the candidate's image, then each previous stage's output). Returns the
 * asset of the chain's last good file (the candidate's own when nothing was written).
 */
function addPostprocessAssets(
  records: RunLogRecords,
  log: PaidRunLog,
  candidate: RunCandidateLog,
  row: { ids: JobRecordIds; jobId: string; candidateId: string; outputAssetId: string | null; context: RunLogContext },
): string | null {
  let parent = row.outputAssetId;
  const k = candidate.candidate_index;
  for (const stage of candidate.postprocess?.stages ?? []) {
    if (stage.status !== "done" || stage.output === null) continue;
    const id = row.ids.stageAsset(k, stage.stage);
    records.assets.push(
      imageAsset(row.context, log, {
        id,
        jobId: row.jobId,
        candidateId: row.candidateId,
        assetKind: stage.stage,
        relPath: stage.output,
        file: stage,
        metadata: { stage: stage.stage, backend: stage.backend, params: stage.params, ms: stage.ms },
      }),
    );
    if (parent !== null) {
      records.assetLinks.push({
        id: row.ids.stageLink(k, stage.stage),
        project_id: row.context.projectId,
        parent_asset_id: parent,
        child_asset_id: id,
        link_type: "derived_from",
        created_at: log.timestamp,
        updated_at: log.timestamp,
      });
    }
    parent = id;
  }
  return parent;
}
