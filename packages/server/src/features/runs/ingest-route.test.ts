import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { defaultManifest, executeRun, type PaidRunLog, planDryRun } from "@kroma/pipeline";
import { createKromaClient, type IngestFile, KromaApiError } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { paidRunSettings, putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `kroma lab run` on another machine: the run is executed in a directory that is not the
// server's project root, then recorded through `POST /runs/ingest` with the files it wrote.
const api = useTestServer({ agentDispatch: false, projects: ["Remote", "Other"] });
let images: ImagesServer;
let serverRoot = "";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const kroma = () => createKromaClient({ baseUrl: api.server.url });

beforeAll(async () => {
  images = await startImagesServer();
  serverRoot = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("remote")))).storage.local.project_root;
});
afterAll(() => images.close());

/** A paid run of two scenes, two candidates each, executed under `root`. */
async function paidRun(root: string): Promise<{ runLog: PaidRunLog; text: string }> {
  await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
  images.reset();
  images.script(() => ({ image: "gray" }));
  const { runLog, runLogPath } = await executeRun({
    projectSlug: "remote",
    projectRoot: root,
    manifest: defaultManifest,
    request: { scene_refs: "scenes/a.png,scenes/b.png", candidates: 2 },
    ...paidRunSettings(images.url, "sk-test-ingest-route"),
  });
  return { runLog, text: await readFile(runLogPath, "utf8") };
}

/** Every file under `runs/`, `outputs/` and the rest that a run log names, by walking the log's assets. */
async function filesOf(root: string, runId: string): Promise<string[]> {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((entry) => (entry.isDirectory() ? walk(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`])),
    );
    return nested.flat();
  };
  return (await walk("outputs")).filter((path) => path.includes(runId)).sort();
}

const upload = async (root: string, paths: string[]): Promise<IngestFile[]> =>
  Promise.all(paths.map(async (path) => ({ path, file: new Blob([await readFile(join(root, path))]) })));

async function refusal(promise: Promise<unknown>): Promise<KromaApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof KromaApiError)) throw new Error(`expected a KromaApiError, got ${String(error)}`);
  return error;
}

const missingPaths = (error: KromaApiError) =>
  ((error.details as { missing: { path: string }[] }).missing ?? []).map((file) => file.path).sort();

const stagingLeft = async () =>
  (await readdir(join(serverRoot, ".kroma", "tmp")).catch(() => [] as string[])).filter((name) =>
    name.startsWith("ingest"),
  );

describe("POST /runs/ingest from another machine", () => {
  let elsewhere = "";
  let run: { runLog: PaidRunLog; text: string };
  let outputs: string[] = [];

  beforeAll(async () => {
    elsewhere = await mkdtemp(join(tmpdir(), "kroma-elsewhere-"));
    run = await paidRun(elsewhere);
    outputs = await filesOf(elsewhere, run.runLog.run_id);
  });

  it("answers 409 run_files_missing naming every file the server lacks, and records nothing", async () => {
    expect(outputs.length).toBeGreaterThanOrEqual(4);
    const error = await refusal(kroma().runs.ingest("remote", { runLog: run.text }));
    expect(error.status).toBe(409);
    expect(error.code).toBe("run_files_missing");
    expect(missingPaths(error)).toEqual(outputs);
    const missing = (error.details as { missing: { path: string; sha256: string }[] }).missing;
    for (const file of missing) expect(file.sha256).toBe(sha256(await readFile(join(elsewhere, file.path))));
    const listed = await kroma().runs.list("remote");
    expect(listed.runs.map((r) => r.id)).not.toContain(run.runLog.run_id);
  });

  it("keeps what one request brought and records the run once the rest comes", async () => {
    const [first, ...rest] = outputs;
    if (!first) throw new Error("no outputs");
    const partial = await refusal(
      kroma().runs.ingest("remote", { runLog: run.text, files: await upload(elsewhere, [first]) }),
    );
    expect(partial.code).toBe("run_files_missing");
    expect(missingPaths(partial)).toEqual(rest);
    expect(sha256(await readFile(join(serverRoot, first)))).toBe(sha256(await readFile(join(elsewhere, first))));

    const done = await kroma().runs.ingest("remote", { runLog: run.text, files: await upload(elsewhere, rest) });
    expect(done).toMatchObject({ ok: true, run_id: run.runLog.run_id, changed: true });
    expect(done.files).toEqual({ received: rest.length, on_disk: 1 });
    expect(done.counts?.jobs).toBe(2);
    expect(await stagingLeft()).toEqual([]);

    // What a user checks: the run reads back, and every file the server serves is the one made elsewhere.
    const { run: stored, jobs } = await kroma().runs.get("remote", run.runLog.run_id);
    expect(stored.status).toBe("succeeded");
    expect(jobs).toHaveLength(2);
    const { assets } = await kroma().assets.list("remote", { run_id: run.runLog.run_id });
    expect(assets.map((asset) => asset.rel_path).sort()).toEqual(outputs);
    for (const asset of assets) {
      const served = await kroma().assets.download("remote", asset.id);
      expect(sha256(served)).toBe(sha256(await readFile(join(elsewhere, asset.rel_path ?? ""))));
    }
    expect(JSON.parse(await readFile(join(serverRoot, "runs", `${run.runLog.run_id}.json`), "utf8"))).toEqual(
      run.runLog,
    );
  });

  it("answers the same log again with changed: false, finding every file on disk", async () => {
    const again = await kroma().runs.ingest("remote", { runLog: run.text });
    expect(again).toMatchObject({ changed: false, files: { received: 0, on_disk: outputs.length } });
  });
});

describe("POST /runs/ingest refusals", () => {
  let elsewhere = "";
  let run: { runLog: PaidRunLog; text: string };
  let outputs: string[] = [];

  beforeAll(async () => {
    elsewhere = await mkdtemp(join(tmpdir(), "kroma-refused-"));
    run = await paidRun(elsewhere);
    outputs = await filesOf(elsewhere, run.runLog.run_id);
  });

  const serverHas = (path: string) => existsSync(join(serverRoot, path));

  it("refuses a file whose bytes are not the ones the log records, and places nothing", async () => {
    const [first, second] = outputs as [string, string];
    const files = [...(await upload(elsewhere, [first])), { path: second, file: new Blob([Buffer.from("not it")]) }];
    const error = await refusal(kroma().runs.ingest("remote", { runLog: run.text, files }));
    expect(error).toMatchObject({ status: 400, code: "checksum_mismatch" });
    expect(error.details).toMatchObject({ path: second });
    expect(serverHas(first)).toBe(false);
    expect(await stagingLeft()).toEqual([]);
  });

  it("refuses paths the log does not name, and paths out of the root", async () => {
    for (const path of ["notes/extra.png", "../escape.png", "/etc/kroma.png"]) {
      const files = [{ path, file: new Blob([Buffer.from("x")]) }];
      const error = await refusal(kroma().runs.ingest("remote", { runLog: run.text, files }));
      expect(error.status, path).toBe(400);
      expect(error.details).toMatchObject({ field: "files" });
    }
    expect(existsSync(join(dirname(serverRoot), "escape.png"))).toBe(false);
    expect(await stagingLeft()).toEqual([]);
  });

  it("never replaces a file on the server that holds other bytes", async () => {
    const [first] = outputs as [string];
    await mkdir(dirname(join(serverRoot, first)), { recursive: true });
    await writeFile(join(serverRoot, first), "someone else's bytes");
    const error = await refusal(
      kroma().runs.ingest("remote", { runLog: run.text, files: await upload(elsewhere, outputs) }),
    );
    expect(error).toMatchObject({ status: 409, code: "asset_file_conflict" });
    expect(await readFile(join(serverRoot, first), "utf8")).toBe("someone else's bytes");
    for (const path of outputs.slice(1)) expect(serverHas(path), path).toBe(false);
  });

  it("refuses a log that is not JSON, not a run log, or of another project", async () => {
    const notJson = await refusal(kroma().runs.ingest("remote", { runLog: "{not json" }));
    expect(notJson).toMatchObject({ status: 400, code: "invalid_json" });
    const notALog = await refusal(kroma().runs.ingest("remote", { runLog: { run_id: "run_x", mode: "run" } }));
    expect(notALog).toMatchObject({ status: 400, code: "validation_error" });
    const other = await refusal(kroma().runs.ingest("other", { runLog: run.text }));
    expect(other.message).toMatch(/is for project 'remote', not 'other'/);
  });

  it("refuses a body that is not multipart, with the error envelope", async () => {
    const response = await fetch(`${api.server.url}/api/projects/remote/runs/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: run.text,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ ok: false, error_code: "unsupported_media_type" });
  });
});

describe("POST /runs/ingest beside the server (a shared disk)", () => {
  it("records a dry run and a paid run from the log alone, checking each file by hash", async () => {
    await putScenes(serverRoot, ["scenes/a.png"]);
    const dry = await planDryRun({
      projectSlug: "remote",
      projectRoot: serverRoot,
      manifest: defaultManifest,
      resolvedFromBackend: false,
      request: { scene_refs: "scenes/a.png" },
      postprocess: {},
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "medium",
    });
    const dryText = await readFile(dry.runLogPath, "utf8");
    expect(await kroma().runs.ingest("remote", { runLog: dryText })).toMatchObject({
      changed: true,
      files: { received: 0, on_disk: 0 },
    });

    const paid = await paidRun(serverRoot);
    const outputs = await filesOf(serverRoot, paid.runLog.run_id);
    const answer = await kroma().runs.ingest("remote", { runLog: paid.text });
    expect(answer).toMatchObject({ changed: true, files: { received: 0, on_disk: outputs.length } });
  });
});
