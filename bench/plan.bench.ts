// Plans a dry run over 1,000 scene files (a few bytes each: a dry run only lists, hashes and logs
// them) and prints the elapsed time. Target: under 1 s. BENCH_SCENES (default 1000) and
// BENCH_ROUNDS (default 5) tune it. Imports the pipeline's source directly (tsx runs TypeScript),
// so it needs no build.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultManifest, type Manifest, planDryRun } from "@kroma/pipeline";

const sceneCount = Number(process.env.BENCH_SCENES ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const targetMs = 1000;

const root = await mkdtemp(join(tmpdir(), "kroma-plan-bench-"));
try {
  // Spread over sub-directories, as real scene folders are, so the recursive walk is exercised.
  for (let i = 0; i < sceneCount; i++) {
    const sub = join(root, "scenes", `set_${String(i % 10).padStart(2, "0")}`);
    if (i < 10) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `scene_${String(i).padStart(4, "0")}.png`), `scene ${i}`);
  }
  await mkdir(join(root, "refs"));
  await writeFile(join(root, "refs", "style.png"), "style");
  // The default safe_batch_limit (20) would refuse this batch on purpose; the bench raises it.
  const manifest: Manifest = { ...defaultManifest, style_refs: ["refs/style.png"], safe_batch_limit: sceneCount };

  const timings: number[] = [];
  let jobs = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const { runLog } = await planDryRun({
      projectSlug: "bench",
      projectRoot: root,
      resolvedFromBackend: false,
      manifest,
      request: { input: join(root, "scenes"), candidates: 2 },
      model: "gpt-image-1",
      size: "1024x1536",
      quality: "medium",
      postprocess: {},
    });
    timings.push(performance.now() - started);
    jobs = runLog.summary.jobs;
  }

  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const first = timings[0] ?? 0;
  console.log(
    `\nDry-run planning benchmark: ${jobs} jobs (${sceneCount} scene files), ${rounds} rounds, Node ${process.version}\n`,
  );
  console.table(timings.map((ms, i) => ({ round: i + 1, "elapsed ms": Math.round(ms * 10) / 10 })));
  console.log(
    `first ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms (target < ${targetMs} ms) — ${first < targetMs ? "met" : "NOT met"}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
