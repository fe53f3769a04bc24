import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { archiveReplaced } from "../files/archive.js";
import { readConfined } from "../files/confined-files.js";
import { embedPngText, type PngTextEntry } from "../files/png-metadata.js";
import { editImage, generateImage, withRetries } from "../generate/images-client.js";
import { recordedImageCost } from "../generate/usage-cost.js";
import { checkImage, rankCandidate } from "../guard/output-guard.js";
import type { PlannedJob } from "../plan/plan.js";
import { logPath } from "../plan/run-log.js";
import { enabledPostprocessStages, runPostprocessChain } from "../postprocess/chain.js";
import { openImage } from "../postprocess/image-io.js";
import { chainForLog } from "../postprocess/run-postprocess.js";
import { describe, progress, type RunContext, RunInterruptedError } from "./context.js";
import { type AbortedImageRequest, appendAbortedRequest } from "./journal.js";
import type { RunCandidateLog } from "./log.js";

// One candidate of a job in two steps: its image request with retries (`requestCandidate`), then,
// once answered, the tagged PNG written in place, post-processing and the output guard
// (`finishCandidate`). `candidate-queue.ts` runs them as a pipeline over a job's candidates.

/** A candidate whose request is over: its log entry so far, and the PNG when one came back. */
export interface RequestedCandidate {
  /** 0-based index in the job. */
  k: number;
  entry: RunCandidateLog;
  /** `performance.now()` when the candidate started: its `ms` counts from here. */
  started: number;
  png?: Buffer;
  /** Why no PNG came back (refused before sending, or the last attempt's error). */
  error?: string;
}

/** A new candidate `k` of `job`, not yet requested: failed until an image is written. */
export function newCandidate(context: RunContext, job: PlannedJob, k: number): RequestedCandidate {
  const entry: RunCandidateLog = {
    candidate_index: k + 1,
    output: logPath(context.root, job.outputs[k] as string),
    status: "failed",
    attempts: [],
    rank: null,
    output_guard: null,
    sha256: null,
    bytes: null,
    archived_previous: null,
    ms: 0,
  };
  return { k, entry, started: performance.now() };
}

/**
 * The caller's check before a candidate's request (the server's budget): the refusal's message,
 * or undefined when the request may go. Never throws.
 */
export async function checkBeforeRequest(context: RunContext): Promise<string | undefined> {
  const check = context.options.beforeImageRequest;
  if (!check) return undefined;
  return check().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

/** Where a candidate is, for its progress events. */
function candidateWhere(context: RunContext, job: PlannedJob, index: number, k: number) {
  return {
    job: job.id,
    jobIndex: index + 1,
    jobs: context.plan.jobs.length,
    candidate: k + 1,
    candidates: job.outputs.length,
  };
}

/**
 * Sends candidate's image request with retries and records every attempt (and the usage) on its
 * entry. A failed request is an `error`, not a throw; during a stop it throws
 * {@link RunInterruptedError} (see {@link stopOnFailedAttempt}).
 */
export async function requestCandidate(
  context: RunContext,
  job: PlannedJob,
  index: number,
  candidate: RequestedCandidate,
): Promise<RequestedCandidate> {
  const { options } = context;
  const where = candidateWhere(context, job, index, candidate.k);
  progress(context, { phase: "request", ...where, attempt: 1 });
  const outcome = await withRetries(() => requestImage(context, job), {
    attempts: context.maxAttempts,
    retryDelayMs: context.retryDelayMs,
    apiKey: context.apiKey,
    stopSignal: options.interruptSignal ?? options.abortSignal,
    onRetry: (attempt, delayMs) =>
      progress(context, { phase: "retry", ...where, attempt: attempt.attempt + 1, delayMs, error: attempt.error }),
  });
  const { entry } = candidate;
  entry.attempts = outcome.attempts;
  if (!outcome.ok) {
    await stopOnFailedAttempt(context, job, entry);
    return { ...candidate, error: outcome.error.message };
  }
  if (outcome.value.usage) entry.usage = outcome.value.usage;
  // Recorded as the answer arrives: it was billed whatever becomes of the image.
  entry.cost = recordedImageCost(options.model, outcome.value.usage);
  return { ...candidate, png: outcome.value.png };
}

/**
 * The rest of a requested candidate: the tagged PNG written in place, post-processing and the
 * guard; a candidate without a PNG is finished as failed with its error. Its own progress event
 * comes from the job, once the live record is written.
 */
export async function finishCandidate(
  context: RunContext,
  job: PlannedJob,
  candidate: RequestedCandidate,
): Promise<RunCandidateLog> {
  const { entry, k } = candidate;
  const output = job.outputs[k] as string;
  const finish = (error?: string): RunCandidateLog => {
    entry.ms = Math.round(performance.now() - candidate.started);
    if (error !== undefined) entry.error = error;
    return entry;
  };
  if (job.source_asset) return finish(await existingCandidate(context, job, entry));
  if (!candidate.png) return finish(candidate.error ?? "unknown");

  const tags = pngTags(context, job, k + 1);
  try {
    const png = embedPngText(candidate.png, tags);
    const archived = await replaceFile(context, output, png);
    entry.archived_previous = archived === undefined ? null : logPath(context.root, archived);
    entry.sha256 = createHash("sha256").update(png).digest("hex");
    entry.bytes = png.length;
    // The IHDR chunk always comes first: width and height are bytes 16-23 of any PNG.
    entry.width = png.readUInt32BE(16);
    entry.height = png.readUInt32BE(20);
  } catch (error) {
    return finish(`Could not write ${entry.output}: ${describe(error, context.apiKey)}`);
  }
  entry.status = "generated";
  await postprocessAndCheck(context, entry, output, tags);
  return finish();
}

/**
 * The image request of a candidate: an edit of the job's input images, or a generation when a
 * one-image run names none.
 */
function requestImage(context: RunContext, job: PlannedJob) {
  const { options } = context;
  const settings = { model: options.model, size: options.size, quality: options.quality, prompt: job.prompt };
  if (job.input_images.length === 0) return generateImage(context.client, settings, { signal: options.abortSignal });
  return editImage(
    context.client,
    { ...settings, images: job.input_images },
    { signal: options.abortSignal, confineTo: options.confineTo },
  );
}

/**
 * A post-process run's candidate: the source asset's file as it is, read again and checked
 * against the sha256 its record names (a file changed since planning fails the job, nothing is
 * written over it), then the chain (writing under this run's directories) and the guard.
 * Returns the error, if any.
 */
async function existingCandidate(
  context: RunContext,
  job: PlannedJob,
  entry: RunCandidateLog,
): Promise<string | undefined> {
  const source = job.source_asset as NonNullable<PlannedJob["source_asset"]>;
  const file = job.outputs[0] as string;
  let bytes: Buffer;
  try {
    bytes = context.options.confineTo ? await readConfined(context.options.confineTo, file) : await readFile(file);
  } catch (error) {
    return `Could not read ${entry.output}: ${describe(error, context.apiKey)}`;
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== source.sha256) {
    return `Asset '${source.asset_id}' (${source.path}) changed since it was recorded (sha256 ${sha256}, recorded ${source.sha256}); not post-processed`;
  }
  entry.status = "existing";
  entry.sha256 = sha256;
  entry.bytes = bytes.length;
  const size = await openImage(file)
    .metadata()
    .catch(() => ({ width: undefined, height: undefined }));
  if (size.width && size.height) Object.assign(entry, { width: size.width, height: size.height });
  const tags = [...pngTags(context, job, 1), { keyword: "kroma:source_asset", text: source.asset_id }];
  await postprocessAndCheck(context, entry, file, tags);
  return undefined;
}

/** Post-processing (when any stage is on), then the output guard on the chain's last output. */
async function postprocessAndCheck(
  context: RunContext,
  entry: RunCandidateLog,
  output: string,
  tags: PngTextEntry[],
): Promise<void> {
  const checked = await postprocessCandidate(context, entry, output, tags);
  // checkImage never throws for a bad image: an unreadable one is a hard failure in the result.
  const guard = context.request.output_guard;
  if (!guard.enabled) return;
  const result = await checkImage(checked, guard);
  const file = { ...result, file: logPath(context.root, checked) };
  entry.rank = rankCandidate([result], guard);
  entry.output_guard = {
    checked_input: file.file,
    summary: {
      total_files: 1,
      hard_failures: file.hard_fail_reasons.length > 0 ? 1 : 0,
      soft_warnings: file.soft_warnings.length > 0 ? 1 : 0,
    },
    files: [file],
  };
}

/**
 * After a failed attempt during a stop: the run ends here (no retry, no next candidate). A request
 * the stop aborted in flight is journaled first, as possibly billed: it was sent, and the provider
 * bills what it received. A failure that arrived on its own (an error answer) bills nothing.
 */
async function stopOnFailedAttempt(context: RunContext, job: PlannedJob, entry: RunCandidateLog): Promise<void> {
  const { interruptSignal, abortSignal } = context.options;
  if (!interruptSignal?.aborted && !abortSignal?.aborted) return;
  const last = entry.attempts.at(-1);
  if (!abortSignal?.aborted || !last) throw new RunInterruptedError(context.runId);
  const aborted: AbortedImageRequest = {
    job: job.id,
    candidate: entry.candidate_index,
    attempt: last.attempt,
    at: new Date().toISOString(),
    ms: last.ms,
    possibly_billed: true,
    error: "Aborted in flight when the shutdown grace period ran out; the provider may have billed it",
  };
  await appendAbortedRequest(context.journalPath, aborted);
  throw new RunInterruptedError(context.runId, aborted);
}

/**
 * Runs the post-process chain on a generated candidate when any stage is on, records it on the
 * entry, and returns the file the guard should check: the chain's last output (the last good file
 * when a stage failed), or the candidate itself when nothing is enabled.
 */
async function postprocessCandidate(
  context: RunContext,
  entry: RunCandidateLog,
  output: string,
  provenance: PngTextEntry[],
): Promise<string> {
  const postprocess = context.options.postprocess;
  if (!postprocess || enabledPostprocessStages(postprocess.settings).length === 0) return output;
  const given = postprocess.context ?? {};
  const chain = await runPostprocessChain(output, postprocess.settings, {
    ...given,
    projectRoot: context.root,
    runId: context.runId,
    provenance,
    archiveReplaced: context.request.archive_replaced,
    stamp: context.stamp,
    // The refine pass uses the run's own key and endpoint unless told otherwise.
    keys: { openai: context.apiKey, ...given.keys },
    baseUrls: { openai: context.options.baseURL, ...given.baseUrls },
    // The refine pass is an image request like the candidate's: same timeout unless told otherwise.
    openai: { timeoutMs: context.options.timeoutMs, ...given.openai },
  });
  entry.postprocess = await chainForLog(context.root, chain);
  return chain.final_output;
}

/** What a generated PNG carries about its origin; the prompt under the registered `Description` keyword. */
function pngTags(context: RunContext, job: PlannedJob, candidate: number): PngTextEntry[] {
  return [
    { keyword: "kroma:run_id", text: context.runId },
    { keyword: "kroma:job_id", text: job.id },
    { keyword: "kroma:candidate", text: String(candidate) },
    // A post-process run's job sends no prompt: its PNGs carry none.
    ...(job.prompt ? [{ keyword: "Description", text: job.prompt }] : []),
    { keyword: "Software", text: context.software },
  ];
}

/**
 * Writes `bytes` to `path` so the file appears whole or not at all: a temporary file in the same
 * directory (so the rename stays on one filesystem), then, when `archive_replaced` is on, the old
 * file moved to `archive/replaced/`, then the rename. Returns where the old file went. The old
 * file is only archived once the new bytes are safely on disk.
 */
export async function replaceFile(context: RunContext, path: string, bytes: Buffer): Promise<string | undefined> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    const archived = context.request.archive_replaced
      ? await archiveReplaced(context.root, path, context.stamp)
      : undefined;
    await rename(temp, path);
    return archived;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
