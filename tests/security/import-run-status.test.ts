// Issue 13 point 3 (import part), security review §3 ("kroma import restores request_json and
// status verbatim") and the orphan case of §10 (a run imported `queued` is in no queue: cancel
// and resume answer 409 and its event stream never ends). With the real CLI: a crafted bundle
// whose runs are `queued`, `running` and `canceling` imports them as `interrupted`, their error
// saying they were imported mid-run; a finished run keeps its status. (That a resume re-checks
// the imported request against the project root is another part of point 3.)
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  craftBundle,
  manifestOf,
  openSqliteProbe,
  portClient,
  projectRecord,
  runKroma,
  type ServedProcess,
  sha256,
  spawnServer,
} from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let root = "";
let server: ServedProcess | undefined;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kroma-import-runs-"));
  await mkdir(join(root, "var/backend"), { recursive: true });
});
afterAll(async () => {
  await server?.stop("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

/** A run row as a bundle carries it (`*_json` columns as JSON values). */
function runRow(id: string, status: string) {
  return {
    id,
    project_id: "p_shared",
    run_mode: "run",
    status,
    stage: null,
    time_of_day: null,
    weather: null,
    model_name: null,
    provider_code: null,
    settings_snapshot_json: null,
    image_size: null,
    image_quality: null,
    run_log_path: null,
    started_at: status === "queued" ? null : "2026-01-01T00:00:00Z",
    finished_at: status === "succeeded" ? "2026-01-01T00:05:00Z" : null,
    created_at: "2026-01-01T00:00:00Z",
    error: null,
    summary_json: null,
    // The review's repro: a request pointing outside the project.
    request_json: { input: "/etc", mode: "run", candidates: 1, confirm_spend: true },
    run_log_sha256: null,
  };
}

const runs = [
  runRow("run_crafted_queued", "queued"),
  runRow("run_crafted_running", "running"),
  runRow("run_crafted_canceling", "canceling"),
  runRow("run_crafted_done", "succeeded"),
];

async function craftedBundle(path: string): Promise<void> {
  const project = projectRecord("shared");
  const runLines = Buffer.from(runs.map((run) => `${JSON.stringify(run)}\n`).join(""));
  const manifest = manifestOf("shared", [
    { path: "records/project.json", size: project.length, sha256: sha256(project) },
    { path: "records/runs.jsonl", size: runLines.length, sha256: sha256(runLines) },
  ]);
  await craftBundle(path, [
    { name: "manifest.json", content: manifest },
    { name: "records/project.json", content: project },
    { name: "records/runs.jsonl", content: runLines },
  ]);
}

/** `kroma import BUNDLE --slug shared --db var/backend/app.db` (offline) as a user runs it. */
const kromaImport = (bundle: string) =>
  runKroma(root, ["import", bundle, "--slug", "shared", "--db", "var/backend/app.db"]);

describe("kroma import never brings a run in active", () => {
  it("queued, running and canceling runs arrive interrupted; a finished one stays as it was", async () => {
    const bundle = join(root, "crafted.tar.gz");
    await craftedBundle(bundle);
    const { code, output } = await kromaImport(bundle);
    expect(output).toContain("Imported shared");
    expect(code).toBe(0);

    // As stored right after the import, before any server could recover anything.
    const probe = await openSqliteProbe(join(root, "var/backend/app.db"));
    const stored = await probe.db.selectFrom("runs").select(["id", "status", "error"]).orderBy("id").execute();
    await probe.close();
    expect(stored).toEqual([
      { id: "run_crafted_canceling", status: "interrupted", error: expect.stringMatching(/^Imported mid-run/) },
      { id: "run_crafted_done", status: "succeeded", error: null },
      { id: "run_crafted_queued", status: "interrupted", error: expect.stringMatching(/^Imported mid-run/) },
      { id: "run_crafted_running", status: "interrupted", error: expect.stringMatching(/^Imported mid-run/) },
    ]);

    // And as a user sees them over HTTP.
    server = await spawnServer(root);
    const client = portClient(server.url);
    for (const runId of ["run_crafted_queued", "run_crafted_running"]) {
      const { response, data } = await client.GET("/api/projects/{slug}/runs/{runId}", {
        params: { path: { slug: "shared", runId } },
      });
      expect(response.status).toBe(200);
      expect(data?.run.status).toBe("interrupted");
      expect(data?.run.error).toContain("Imported mid-run");
    }
  });
});
