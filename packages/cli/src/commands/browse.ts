import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KromaClient, Schema } from "@kroma/sdk";
import { type Command, Option } from "commander";
import { apiClient } from "../api-client.js";
import { sha256, writeAtomically } from "../files.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { allOption, allRows, pageLimit } from "../paging.js";

// Browsing what runs made, from the terminal: `kroma runs list|show`, `kroma assets list|get`
// and `kroma open`. Everything comes over the API, so it works against any server.

type Asset = Schema<"Asset">;
type Trashed = "exclude" | "include" | "only";

const trashedOption = () =>
  new Option("--trashed <which>", "what is in the trash: exclude (default), include, only").choices([
    "exclude",
    "include",
    "only",
  ]);

/** `kroma runs list` and `kroma runs show`. */
export function runBrowseCommands(runs: Command, client: () => KromaClient, globals: () => GlobalOptions): void {
  runs
    .command("list")
    .description("A project's runs, newest first (--all: every one, past the server's page size)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--status <status>", "only runs with this status")
    .option("--mode <mode>", "dry | run")
    .option("--limit <n>", "at most this many (default 50)", pageLimit, 50)
    .addOption(allOption())
    .addOption(trashedOption())
    .action(
      async (flags: {
        project: string;
        status?: string;
        mode?: string;
        limit: number;
        all?: boolean;
        trashed?: Trashed;
      }) => {
        const filters = {
          ...(flags.trashed ? { trashed: flags.trashed } : {}),
          ...(flags.status ? { status: flags.status as Schema<"RunRecordStatus"> } : {}),
          ...(flags.mode ? { mode: flags.mode as "dry" | "run" } : {}),
        };
        const result = flags.all
          ? await allRows("runs", client().runs.iterate(flags.project, filters))
          : await client().runs.list(flags.project, { ...filters, limit: flags.limit });
        emit(globals(), result, () =>
          table(
            ["RUN", "MODE", "STATUS", "JOBS", "CREATED"],
            result.runs.map((run) => {
              const summary = (run.summary_json ?? {}) as { jobs?: number; done?: number };
              return [run.id, run.run_mode, run.status, `${summary.done ?? 0}/${summary.jobs ?? 0}`, run.created_at];
            }),
          ),
        );
      },
    );

  runs
    .command("show")
    .description(
      "A run and its jobs: candidates with the guard's grades, the chosen final (*) and review state (--json: the API's answer)",
    )
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (runId: string, flags: { project: string }) => {
      const kroma = client();
      const answer = await kroma.runs.get(flags.project, runId);
      const { run, jobs } = answer;
      // --json prints the API's getRun answer; the grades are for the table only.
      const grade = new Map<string | null, string>();
      if (!globals().json) {
        for await (const report of kroma.qualityReports.iterate(flags.project, { run_id: runId })) {
          grade.set(report.asset_id, report.grade);
        }
      }
      emit(globals(), answer, () =>
        [
          `Run ${run.id} (${run.run_mode}) ${run.status}${run.error ? `: ${run.error}` : ""}`,
          `  ${jobSummary(jobs.map((job) => job.status))} · created ${run.created_at}${run.finished_at ? ` · finished ${run.finished_at}` : ""}`,
          "",
          table(
            ["JOB", "STATUS", "REVIEW", "FINAL", "CANDIDATES (grade, * = final)"],
            jobs.map((job) => [
              job.job_key,
              job.status,
              job.review_state,
              job.selected_candidate_index === null ? "-" : `c${job.selected_candidate_index}`,
              job.candidates
                .map((c) => {
                  const mark = c.candidate_index === job.selected_candidate_index ? "*" : "";
                  const graded = c.output_asset_id ? (grade.get(c.output_asset_id) ?? "-") : c.status;
                  return `c${c.candidate_index}${mark} ${graded}`;
                })
                .join("  "),
            ]),
          ),
        ].join("\n"),
      );
    });
}

/** "3 job(s): 2 done, 1 failed". */
function jobSummary(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${status}`);
  return `${statuses.length} job(s)${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

/** `kroma assets list` and `kroma assets get`. */
export function assetBrowseCommands(assets: Command, globals: () => GlobalOptions): void {
  assets
    .command("list")
    .description(
      "A project's assets, newest first, with the API's filters (--all: every one, past the server's page size)",
    )
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--run <run_id>", "only assets of this run")
    .option("--job <job_id>", "only assets of this job")
    .option("--kind <asset_kind>", "final | candidate | scene | reference | a post-process stage")
    .option("--limit <n>", "at most this many (default 100)", pageLimit, 100)
    .addOption(allOption())
    .addOption(trashedOption())
    .action(
      async (flags: {
        project: string;
        run?: string;
        job?: string;
        kind?: string;
        limit: number;
        all?: boolean;
        trashed?: Trashed;
      }) => {
        const filters = {
          ...(flags.trashed ? { trashed: flags.trashed } : {}),
          ...(flags.run ? { run_id: flags.run } : {}),
          ...(flags.job ? { job_id: flags.job } : {}),
          ...(flags.kind ? { asset_kind: flags.kind } : {}),
        };
        const kroma = apiClient(globals());
        const result = flags.all
          ? await allRows("assets", kroma.assets.iterate(flags.project, filters))
          : await kroma.assets.list(flags.project, { ...filters, limit: flags.limit });
        emit(globals(), result, () =>
          table(
            ["ASSET", "KIND", "PATH", "SIZE", "SHA256", "STALE"],
            result.assets.map((asset) => [
              asset.id,
              asset.asset_kind ?? "-",
              asset.rel_path ?? "-",
              asset.width && asset.height ? `${asset.width}x${asset.height}` : "-",
              asset.sha256?.slice(0, 12) ?? "-",
              asset.stale ? "yes" : "",
            ]),
          ),
        );
      },
    );

  assets
    .command("get")
    .description("Download an asset's file, checked against its sha256")
    .argument("<asset_id>", "the asset")
    .requiredOption("-p, --project <slug>", "project slug")
    .requiredOption("-o, --output <file>", "where to write it (relative to the current directory)")
    .action(async (assetId: string, flags: { project: string; output: string }) => {
      const target = resolve(flags.output);
      if (existsSync(target)) throw new Error(`${flags.output} exists: choose another -o or remove it`);
      const { asset, bytes } = await downloadVerified(apiClient(globals()), flags.project, assetId);
      await writeAtomically(target, bytes);
      emit(
        globals(),
        { asset_id: asset.id, output: target, bytes: bytes.length, sha256: asset.sha256 },
        () => `Wrote ${flags.output} (${bytes.length} bytes, sha256 ${asset.sha256?.slice(0, 12)} checked)`,
      );
    });
}

/** `kroma open ID`: the asset in the system's image viewer when there is one, else its path. */
export function openCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("open")
    .description("Open an asset in the system viewer (xdg-open / open) when there is one, else print its path")
    .argument("<asset_id>", "the asset")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (assetId: string, flags: { project: string }) => {
      const path = await localCopy(apiClient(globals()), flags.project, assetId);
      const viewer = process.platform === "darwin" ? "open" : process.platform === "win32" ? undefined : "xdg-open";
      const opened = viewer !== undefined && process.stdout.isTTY === true && (await launch(viewer, path));
      emit(globals(), { asset_id: assetId, path, opened }, () => (opened ? `Opened ${path}` : path));
    });
}

/** The asset's own file when this machine has it with the recorded bytes, else a verified download. */
async function localCopy(kroma: KromaClient, slug: string, assetId: string): Promise<string> {
  const { asset } = await kroma.assets.get(slug, assetId);
  const local = asset.storage_uri?.startsWith("file:") ? fileURLToPath(asset.storage_uri) : undefined;
  if (local && existsSync(local) && sha256(await readFile(local)) === asset.sha256) return local;
  const { bytes } = await downloadVerified(kroma, slug, assetId);
  const path = join(tmpdir(), `kroma-${asset.id}${asset.rel_path ? `-${basename(asset.rel_path)}` : ""}`);
  await writeFile(path, bytes);
  return path;
}

async function downloadVerified(
  kroma: KromaClient,
  slug: string,
  assetId: string,
): Promise<{ asset: Asset; bytes: Uint8Array }> {
  const { asset } = await kroma.assets.get(slug, assetId);
  const bytes = await kroma.assets.download(slug, assetId);
  if (sha256(bytes) !== asset.sha256) throw new Error(`The bytes of asset ${assetId} do not hash to its sha256`);
  return { asset, bytes };
}

/** Starts the viewer detached; false when it cannot be started (no desktop, not installed). */
function launch(command: string, path: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(command, [path], { detached: true, stdio: "ignore" });
    child.once("error", () => done(false));
    child.once("spawn", () => {
      child.unref();
      done(true);
    });
  });
}
