// Ingests a paid run log of 10,000 jobs into a file-backed SQLite database and prints the time:
// with 1 candidate per job (the manifest's default: 50,000 rows of jobs, candidates, assets,
// quality reports and cost events) and with 2 (90,000 rows). Target: under 1 s. Each round
// ingests a new run into the same, growing database, then ingests it again (unchanged: the
// idempotence check). BENCH_JOBS (default 10000) and BENCH_ROUNDS (default 3) tune it. Imports
// the server's source directly (tsx runs TypeScript).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type components, createContractValidator, openapiDocument } from "@kroma/contract";
import { createProjectRepository, ingestRunLog, openDatabase } from "@kroma/server";

type PaidRunLog = components["schemas"]["PaidRunLog"];

const jobCount = Number(process.env.BENCH_JOBS ?? 10_000);
// One candidate per job is the manifest's default; two shows how the rows (and time) grow with N.
const candidateCounts = [1, 2];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const targetMs = 1000;
const hex = (n: number) => n.toString(16).padStart(64, "0");

/** A schema-valid paid run log: every job done, candidate 2 selected, the guard's verdict on each. */
function syntheticLog(runId: string, perJob: number): PaidRunLog {
  const at = "2025-01-02T03:04:05.000Z";
  const guard = (file: string) => ({
    checked_input: file,
    summary: { total_files: 1, hard_failures: 0, soft_warnings: 0 },
    files: [{ file, chroma_delta: 0.5, grayscale_like: true, hard_fail_reasons: [], soft_warnings: [] }],
  });
  const jobs: PaidRunLog["jobs"] = Array.from({ length: jobCount }, (_, i) => {
    const id = `style_${i + 1}_scene_${i}`;
    const candidates = Array.from({ length: perJob }, (_, c) => c + 1).map((k) => {
      const output = perJob === 1 ? `outputs/${id}.png` : `outputs/${id}__c${k}.png`;
      return {
        candidate_index: k,
        output,
        status: "generated" as const,
        attempts: [{ attempt: 1, status: 200, ok: true, ms: 900 }],
        rank: { hard_failures: 0, soft_warnings: 0, avg_chroma_exceed: 0 },
        output_guard: guard(output),
        sha256: hex(i * 2 + k),
        bytes: 123_456,
        width: 768,
        height: 1152,
        usage: { input_tokens: 300, output_tokens: 1000, total_tokens: 1300 },
        archived_previous: null,
        ms: 950,
      };
    });
    return {
      id,
      mode: "style",
      time: "day",
      weather: "clear",
      input_images: [`scenes/scene_${i}.png`, "refs/style.png"],
      prompt: "Monochrome ink rendering of the scene. Do not invent new object categories.",
      status: "done",
      selected_candidate: perJob,
      final_output: `outputs/${id}.png`,
      final_output_archived_previous: null,
      candidates,
      ms: 1900,
    };
  });
  return {
    run_id: runId,
    schema_version: 1,
    timestamp: at,
    project: "bench",
    mode: "run",
    stage: "style",
    time: "day",
    weather: "clear",
    model: "gpt-image-1",
    size: "1024x1536",
    quality: "medium",
    generation: { candidates: perJob, max_candidates: 6 },
    output_guard: { enabled: true, enforce_grayscale: false, max_chroma_delta: 2, fail_on_chroma_exceed: false },
    postprocess: {},
    storage: { project_root: "/projects/bench", resolved_from_backend: true },
    versions: { kroma: "0.1.0", node: process.version },
    inputs: [],
    started_at: at,
    finished_at: at,
    duration_ms: 1,
    api: { base_url: null, endpoint: "images.edit", max_attempts: 3, retry_base_delay_ms: 1000 },
    archive_replaced: true,
    jobs,
    usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
    cost_estimate_usd: 0.042 * jobCount * perJob,
    cost_estimate: { per_image_usd: 0.042, images: jobCount * perJob, basis: "bench" },
    status: "succeeded",
    summary: {
      jobs: jobCount,
      done: jobCount,
      failed: 0,
      failed_guard: 0,
      candidates_generated: jobCount * perJob,
      candidates_failed: 0,
    },
  };
}

const dir = await mkdtemp(join(tmpdir(), "kroma-ingest-bench-"));
const db = await openDatabase(join(dir, "app.db"));
try {
  const { project } = await createProjectRepository(db).upsert({ name: "Bench", slug: "bench", username: "bench" });
  const validator = createContractValidator(openapiDocument);
  const ingest = (log: PaidRunLog) =>
    ingestRunLog(db, { projectId: project.id, projectSlug: "bench", projectRoot: "/projects/bench", log, validator });
  // Compiling the run log's JSON Schema is a one-time cost per process (the server compiles it
  // once); timed apart so the rounds measure ingest itself.
  const compileStarted = performance.now();
  validator.validateSchema("PaidRunLog", {});
  const compileMs = performance.now() - compileStarted;
  const rows: Record<string, string | number>[] = [];
  for (const perJob of candidateCounts) {
    for (let round = 0; round < rounds; round++) {
      const log = syntheticLog(`run_bench_${perJob}_${round}`, perJob);
      let started = performance.now();
      const first = await ingest(log);
      const firstMs = performance.now() - started;
      started = performance.now();
      const again = await ingest(log);
      const againMs = performance.now() - started;
      if (!first.changed || again.changed) throw new Error("ingest is not idempotent");
      rows.push({
        "candidates/job": perJob,
        round: round + 1,
        rows: Object.values(first.counts ?? {}).reduce((a, b) => a + b, 1),
        "ingest ms": Math.round(firstMs),
        "re-ingest (unchanged) ms": Math.round(againMs),
      });
    }
  }
  console.log(`\nRun log ingest benchmark: ${jobCount} jobs, file-backed SQLite, Node ${process.version}\n`);
  console.table(rows);
  console.log(`(compiling the run log schema, once per process: ${Math.round(compileMs)} ms)`);
  for (const perJob of candidateCounts) {
    const times = rows.filter((row) => row["candidates/job"] === perJob).map((row) => Number(row["ingest ms"]));
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${perJob} candidate(s)/job: median ${median} ms (target < ${targetMs} ms) — ${median < targetMs ? "met" : "NOT met"}`,
    );
  }
} finally {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
}
