import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContractValidator, type HttpMethod, openapiDocument } from "@kroma/contract";
import { createKromaClient } from "@kroma/sdk";
import {
  type CutoutServers,
  type ImagesServer,
  type LocalS3,
  putScenes,
  solidPng,
  startCutoutServices,
  startImagesServer,
  startLocalS3,
  startTestServer,
  type TestServer,
} from "@kroma/testkit";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "../src/program.js";
import { inBatches, kromaIn, leafCommands, type Ran } from "./every-command-run.js";

// Issue 17: every leaf command of the tree, run once through the built binary against a real
// server with --json; its output checked against the API's answer for the operation it maps to
// (or the schema or shape it prints of its own). A command added to the tree without an entry
// below fails the test, so every command is run.

const validator = createContractValidator(openapiDocument);
const leaves = leafCommands(createProgram());
const slug = "every";

/**
 * Options that take a project-like value under a name other than `-p/--project`, and why that is
 * right: each names a project that does not exist yet, so it is not "the project" of the command.
 */
const projectOptionExceptions: Record<string, string> = {
  "projects create --slug": "the slug the new project is created with",
  "import --slug": "the slug of the project the import creates",
};

/** Leaves the table does not run, and why. */
const notRun: Record<string, string> = {
  serve:
    "runs until signalled; `kroma serve` is started and stopped by remote-server.test.ts and the served-process tests",
};

/**
 * Leaves that answer a wrong command line with a usage error (exit 2) of their own instead of
 * commander's, and why.
 */
const ownUsageErrors: Record<string, string> = {
  "secrets set":
    "takes unknown options and extra arguments on purpose, to answer them without quoting them back: they may be the secret",
};

/** Leaves whose stdout is not JSON whatever --json says, and what they print instead. */
const textOutput: Record<string, string> = {
  completion: "a shell completion script, meant for `source <(kroma completion bash)`",
};

// ---- the fixtures every invocation works on ------------------------------------------------

let server: TestServer;
/** The images stand-in of this side's paid runs (lab run, lab resume), and the server's. */
let images: ImagesServer;
let serverImages: ImagesServer;
let cutouts: CutoutServers;
let s3: LocalS3;
let cwd = "";
let env: Record<string, string> = {};
/** Ids the invocations use, set by beforeAll and by earlier phases. */
const ids: Record<string, string> = {};

const run = (args: string[], input?: string) => kromaIn(cwd, env, ["--api-url", server.url, ...args], input);

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "kroma-every-command-"));
  images = await startImagesServer();
  serverImages = await startImagesServer();
  cutouts = await startCutoutServices();
  s3 = await startLocalS3();
  server = await startTestServer({
    agentDispatch: false,
    // The run left hanging below is aborted at once when the server stops.
    shutdownGraceMs: 100,
    runExecution: {
      openaiApiKey: "sk-test-every-command",
      openaiBaseUrl: `${serverImages.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  await writeFile(
    join(cwd, "postprocess.json"),
    JSON.stringify({ bg_remove: { backends: ["photoroom"], photoroom: { api_url: cutouts.photoroomUrl } } }),
  );
  env = {
    XDG_CONFIG_HOME: join(cwd, "config"),
    KROMA_APP_ROOT: cwd,
    OPENAI_API_KEY: "sk-test-every-command",
    OPENAI_BASE_URL: `${images.url}/v1`,
    PHOTOROOM_API_KEY: cutouts.key,
    REMOVE_BG_API_KEY: "",
  };
  const sdk = createKromaClient({ baseUrl: server.url });
  const { storage } = await sdk.projects.upsert({ name: "Every", slug });
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png"]);
  // A paid run the server made: two jobs (style_1_a, style_2_b), two candidates each.
  const { pipeline_trigger } = await sdk.runs.trigger(slug, {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png", "scenes/b.png"],
    candidates: 2,
  });
  ids.root = storage.local.project_root;
  ids.paid = (await sdk.runs.wait(slug, pipeline_trigger.run_id)).run.id;
  const { assets } = await sdk.assets.list(slug, { run_id: ids.paid, asset_kind: "final" });
  ids.asset = assets[0]?.id ?? "";
  // A dry run this server made, to rerun, remove and restore.
  const dry = await sdk.runs.trigger(slug, { scene_refs: ["scenes/a.png"] }, { wait: true });
  ids.dry = dry.pipeline_trigger.run_id;
  // A run queued behind one whose image request never gets an answer, to cancel and resume.
  serverImages.reset();
  serverImages.script(() => ({ hang: true }));
  await sdk.runs.trigger(slug, { mode: "run", confirm_spend: true, scene_refs: ["scenes/b.png"] });
  while (serverImages.requests.length === 0) await new Promise((done) => setTimeout(done, 20));
  ids.queued = (await sdk.runs.trigger(slug, { scene_refs: ["scenes/a.png"] })).pipeline_trigger.run_id;
  // A local paid run whose image requests all failed, for `lab resume`.
  images.script(() => ({ status: 400, message: "refused on purpose" }));
  const failed = await run([
    "--json",
    "lab",
    "run",
    "-p",
    slug,
    "--scene-refs",
    join(ids.root, "scenes/a.png"),
    "--confirm-spend",
    "--no-ingest",
  ]);
  images.script(() => ({ image: "gray" }));
  ids.failedLocal = JSON.parse(failed.stdout).run_id;
  // A project that syncs to a local S3 stand-in, for `sync s3 --dry-run`.
  await sdk.projects.upsert({ name: "Synced", slug: "synced" });
  await sdk.storage.updateS3("synced", { enabled: true, bucket: s3.bucket, endpoint_url: s3.endpoint });
  // Files on this side: images for the lab commands and an upload.
  await mkdir(join(cwd, "pngs"), { recursive: true });
  await writeFile(join(cwd, "pngs/one.png"), solidPng(16, 12, [120, 120, 120]));
  await writeFile(join(cwd, "upload.png"), solidPng(10, 10, [30, 60, 90]));
  await writeFile(join(cwd, "config-app.json"), "{}");
});

afterAll(async () => {
  await server?.stop();
  await serverImages?.close();
  await images?.close();
  await cutouts?.close();
  await s3?.destroy();
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

// ---- one invocation per leaf ------------------------------------------------------------------

type Method = Uppercase<HttpMethod>;

interface Invocation {
  /** Runs in order of phase; the invocations of one phase run concurrently. */
  phase: number;
  /** The command line after `--api-url URL --json`, read when its phase starts. */
  args: () => string[];
  stdin?: string;
  /** The API operation the command prints the answer of. */
  api?: `${Method} /${string}`;
  /** Else the components schema its output is. */
  schema?: string;
  /** Else (or also) a check of the shape it prints of its own; returns what later phases need. */
  shape?: (out: Record<string, unknown>) => void;
  /** stdout is JSON lines, each of this schema (`runs watch`). */
  lines?: string;
}

const p = ["-p", slug];
/** What the post-process batch commands print: the one input file processed. */
const batchShape = (operation: string) => (out: Record<string, unknown>) => {
  expect(out).toMatchObject({ operation, summary: { total: 1, processed: 1, failed: 0 } });
  expect(out.files).toMatchObject([{ status: "processed" }]);
};
const group = (path: string) => path.split(" ")[0] ?? "";
const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

const invocations: Record<string, Invocation> = {
  // Phase 1: what only reads (and the local-only commands).
  "projects list": { phase: 1, args: () => ["projects", "list"], api: "GET /api/projects" },
  "projects show": { phase: 1, args: () => ["projects", "show", ...p], api: "GET /api/projects/{slug}" },
  "projects budget": { phase: 1, args: () => ["projects", "budget", ...p], api: "GET /api/projects/{slug}/budget" },
  get: { phase: 1, args: () => ["get", "cost-events", ...p], api: "GET /api/projects/{slug}/cost-events" },
  "config validate": {
    phase: 1,
    args: () => ["config", "validate", "--app-root", cwd],
    shape: (out) => {
      expect(out.ok).toBe(true);
      expect(out.problems).toEqual([]);
      expect(isObject(out.settings)).toBe(true);
    },
  },
  "lab qa": {
    phase: 1,
    args: () => ["lab", "qa", "--input", join(cwd, "pngs"), "--output", join(cwd, "qa.json")],
    shape: (out) => {
      expect(out.summary).toMatchObject({ hard_failures: 0 });
    },
  },
  "lab replay": {
    phase: 2,
    args: () => ["lab", "replay", ids.labDry ?? "", ...p, "--dry"],
    shape: (out) => {
      expect(out).toMatchObject({ run_id: ids.labDry, identical: true });
    },
  },
  "lab upscale": {
    phase: 1,
    args: () => [
      "lab",
      "upscale",
      "--input",
      join(cwd, "pngs"),
      "--output",
      join(cwd, "upscaled"),
      "--upscale-backend",
      "sharp",
    ],
    shape: batchShape("upscale"),
  },
  "lab color": {
    phase: 1,
    args: () => ["lab", "color", "--input", join(cwd, "pngs"), "--output", join(cwd, "colored")],
    shape: batchShape("color"),
  },
  "lab bgremove": {
    phase: 1,
    args: () => [
      "lab",
      "bgremove",
      "--input",
      join(cwd, "pngs"),
      "--output",
      join(cwd, "cutout"),
      "--postprocess-config",
      join(cwd, "postprocess.json"),
    ],
    shape: batchShape("bgremove"),
  },
  "lab dry": {
    phase: 1,
    args: () => ["lab", "dry", ...p, "--scene-refs", join(ids.root ?? "", "scenes/a.png")],
    schema: "DryRunLog",
    shape: (out) => {
      ids.labDry = String(out.run_id);
    },
  },
  "lab one": {
    phase: 1,
    args: () => ["lab", "one", ...p, "--prompt", "a lighthouse at dusk", "--no-ingest"],
    schema: "DryRunLog",
  },
  "lab run": {
    phase: 1,
    args: () => ["lab", "run", ...p, "--scene-refs", join(ids.root ?? "", "scenes/b.png"), "--confirm-spend"],
    schema: "PaidRunLog",
  },
  "lab resume": {
    phase: 1,
    args: () => ["lab", "resume", ids.failedLocal ?? "", ...p, "--confirm-spend"],
    schema: "PaidRunLog",
  },
  "runs list": { phase: 1, args: () => ["runs", "list", ...p], api: "GET /api/projects/{slug}/runs" },
  "runs show": {
    phase: 1,
    args: () => ["runs", "show", ids.paid ?? "", ...p],
    api: "GET /api/projects/{slug}/runs/{runId}",
  },
  "runs watch": { phase: 1, args: () => ["runs", "watch", ids.paid ?? "", ...p], lines: "RunEvent" },
  "runs history": {
    phase: 1,
    args: () => ["runs", "history", ids.paid ?? "", "style_1_a", ...p],
    api: "GET /api/projects/{slug}/runs/{runId}/jobs/{jobId}/review-history",
  },
  "runs sheet": {
    phase: 1,
    args: () => ["runs", "sheet", ids.paid ?? "", ...p, "-o", join(cwd, "sheet.png")],
    shape: (out) => {
      expect(out).toEqual({ path: join(cwd, "sheet.png"), bytes: expect.any(Number) });
    },
  },
  "assets list": { phase: 1, args: () => ["assets", "list", ...p], api: "GET /api/projects/{slug}/assets" },
  "assets get": {
    phase: 1,
    args: () => ["assets", "get", ids.asset ?? "", ...p, "-o", join(cwd, "got.png")],
    shape: (out) => {
      expect(out).toEqual({
        asset_id: ids.asset,
        output: join(cwd, "got.png"),
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    },
  },
  open: {
    phase: 1,
    args: () => ["open", ids.asset ?? "", ...p],
    shape: (out) => {
      expect(out).toEqual({ asset_id: ids.asset, path: expect.any(String), opened: false });
    },
  },
  "trash list": { phase: 1, args: () => ["trash", "list", ...p], api: "GET /api/projects/{slug}/trash" },
  gc: { phase: 1, args: () => ["gc", ...p], api: "POST /api/projects/{slug}/gc" },
  du: { phase: 1, args: () => ["du", ...p], api: "GET /api/projects/{slug}/disk-usage" },
  doctor: {
    phase: 1,
    args: () => ["doctor", ...p],
    shape: (out) => {
      expect(out).toMatchObject({ ok: true, app_root: cwd, config_problems: [] });
      expect(Array.isArray(out.checks)).toBe(true);
    },
  },
  "templates list": {
    phase: 1,
    args: () => ["templates", "list", ...p],
    api: "GET /api/projects/{slug}/prompt-templates",
  },
  "styles list": { phase: 1, args: () => ["styles", "list", ...p], api: "GET /api/projects/{slug}/style-guides" },
  "characters list": {
    phase: 1,
    args: () => ["characters", "list", ...p],
    api: "GET /api/projects/{slug}/characters",
  },
  "secrets list": { phase: 1, args: () => ["secrets", "list", ...p], api: "GET /api/projects/{slug}/secrets" },
  "storage show": { phase: 1, args: () => ["storage", "show", ...p], api: "GET /api/projects/{slug}/storage" },
  "sync s3": {
    phase: 1,
    args: () => ["sync", "s3", "-p", "synced", "--dry-run"],
    api: "POST /api/projects/{slug}/storage/s3/sync",
  },
  login: {
    phase: 1,
    args: () => ["login"],
    // Enter alone: the URL is stored, with no token.
    stdin: "\n",
    shape: (out) => {
      expect(out).toMatchObject({ ok: true, api_url: server.url, token_stored: false, token_check: "none" });
    },
  },
  // Phase 2: what writes, each on records of its own.
  "projects create": {
    phase: 2,
    args: () => ["projects", "create", "Made Here", "--slug", "made_here"],
    api: "POST /api/projects",
  },
  "templates create": {
    phase: 2,
    args: () => ["templates", "create", ...p, "--name", "t1", "--text", "a {scene}"],
    api: "POST /api/projects/{slug}/prompt-templates",
  },
  "styles create": {
    phase: 2,
    args: () => ["styles", "create", ...p, "--name", "s1", "--instructions", "ink"],
    api: "POST /api/projects/{slug}/style-guides",
  },
  "characters create": {
    phase: 2,
    args: () => ["characters", "create", ...p, "--name", "c1"],
    api: "POST /api/projects/{slug}/characters",
  },
  "secrets set": {
    phase: 2,
    args: () => ["secrets", "set", "openai/api_key", ...p],
    stdin: "sk-every-command-secret\n",
    api: "POST /api/projects/{slug}/secrets",
  },
  "storage set": {
    phase: 2,
    args: () => ["storage", "set", ...p, "--region", "eu-west-1"],
    api: "PUT /api/projects/{slug}/storage/s3",
  },
  "scenes list": { phase: 1, args: () => ["scenes", "list", ...p], api: "GET /api/projects/{slug}/assets" },
  "scenes add": {
    phase: 2,
    args: () => ["scenes", "add", join(cwd, "upload.png"), ...p],
    shape: (out) => {
      expect(out.ok).toBe(true);
      const [result] = out.results as { file: string; asset: { asset_kind: string } }[];
      expect(result).toMatchObject({ file: join(cwd, "upload.png"), asset: { asset_kind: "scene" } });
      expect(validator.validateSchema("Asset", result?.asset)).toEqual([]);
    },
  },
  "assets add": {
    phase: 2,
    args: () => ["assets", "add", join(cwd, "upload.png"), ...p, "--kind", "reference"],
    shape: (out) => {
      expect(out.ok).toBe(true);
      const [result] = out.results as { file: string; asset: { id: string }; deduplicated: boolean }[];
      expect(result).toMatchObject({ file: join(cwd, "upload.png"), deduplicated: false });
      expect(validator.validateSchema("Asset", result?.asset)).toEqual([]);
      ids.uploaded = result?.asset.id ?? "";
    },
  },
  "runs trigger": {
    phase: 2,
    args: () => ["runs", "trigger", ...p, "--scene-refs", join(ids.root ?? "", "scenes/b.png")],
    api: "POST /api/projects/{slug}/runs/trigger",
  },
  "runs cancel": {
    phase: 2,
    args: () => ["runs", "cancel", ids.queued ?? "", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/cancel",
  },
  "runs select": {
    phase: 2,
    args: () => ["runs", "select", ids.paid ?? "", "style_1_a", ...p, "--candidate", "2"],
    api: "POST /api/projects/{slug}/runs/{runId}/jobs/{jobId}/select",
  },
  "runs reject": {
    phase: 2,
    args: () => ["runs", "reject", ids.paid ?? "", "style_2_b", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/jobs/{jobId}/reject",
  },
  export: {
    phase: 2,
    args: () => ["export", ...p, "--download", join(cwd, "bundle.tar.gz")],
    api: "POST /api/projects/{slug}/exports",
  },
  "lab ingest": {
    phase: 2,
    args: () => ["lab", "ingest", ...p],
    shape: (out) => {
      expect(out.ok).toBe(true);
      const logs = out.logs as Record<string, unknown>[];
      expect(logs.length).toBeGreaterThan(0);
    },
  },
  "lab archive-bad": {
    phase: 2,
    args: () => ["lab", "archive-bad", ...p, "--input", join(ids.root ?? "", "scenes")],
    shape: (out) => expect(isObject(out.records)).toBe(true),
  },
  // Phase 3: what needs phase 2's records.
  "templates show": {
    phase: 3,
    args: () => ["templates", "show", "t1", ...p],
    api: "GET /api/projects/{slug}/prompt-templates/{templateId}",
  },
  "styles show": {
    phase: 3,
    args: () => ["styles", "show", "s1", ...p],
    api: "GET /api/projects/{slug}/style-guides/{styleGuideId}",
  },
  "characters show": {
    phase: 3,
    args: () => ["characters", "show", "c1", ...p],
    api: "GET /api/projects/{slug}/characters/{characterId}",
  },
  "templates edit": {
    phase: 3,
    args: () => ["templates", "edit", "t1", ...p, "--text", "the {scene}"],
    api: "PUT /api/projects/{slug}/prompt-templates/{templateId}",
  },
  "styles edit": {
    phase: 3,
    args: () => ["styles", "edit", "s1", ...p, "--notes", "dark"],
    api: "PUT /api/projects/{slug}/style-guides/{styleGuideId}",
  },
  "characters edit": {
    phase: 3,
    args: () => ["characters", "edit", "c1", ...p, "--description", "a keeper"],
    api: "PUT /api/projects/{slug}/characters/{characterId}",
  },
  "secrets delete": {
    phase: 3,
    args: () => ["secrets", "delete", "openai/api_key", ...p],
    api: "DELETE /api/projects/{slug}/secrets/{providerCode}/{secretName}",
  },
  "runs approve": {
    phase: 3,
    args: () => ["runs", "approve", ids.paid ?? "", "style_1_a", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/jobs/{jobId}/approve",
  },
  "runs undo": {
    phase: 3,
    args: () => ["runs", "undo", ids.paid ?? "", "style_2_b", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/jobs/{jobId}/undo",
  },
  "runs resume": {
    phase: 3,
    args: () => ["runs", "resume", ids.queued ?? "", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/resume",
  },
  "runs rerun": {
    phase: 3,
    args: () => ["runs", "rerun", ids.dry ?? "", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/rerun",
  },
  import: {
    phase: 3,
    args: () => ["import", join(cwd, "bundle.tar.gz"), "--slug", "imported"],
    api: "POST /api/imports",
  },
  // Phase 4: deliver what phase 3 approved; delete what phase 2 made; move things to the trash.
  deliver: {
    phase: 4,
    args: () => ["deliver", ...p, "--run", ids.paid ?? "", "-o", join(cwd, "delivery.zip")],
    shape: (out) => {
      expect(out).toEqual({ output: join(cwd, "delivery.zip"), files: 1, sha256: expect.any(String), verified: true });
    },
  },
  "templates delete": {
    phase: 4,
    args: () => ["templates", "delete", "t1", ...p],
    api: "DELETE /api/projects/{slug}/prompt-templates/{templateId}",
  },
  "styles delete": {
    phase: 4,
    args: () => ["styles", "delete", "s1", ...p],
    api: "DELETE /api/projects/{slug}/style-guides/{styleGuideId}",
  },
  "characters delete": {
    phase: 4,
    args: () => ["characters", "delete", "c1", ...p],
    api: "DELETE /api/projects/{slug}/characters/{characterId}",
  },
  "runs prune": {
    phase: 4,
    args: () => ["runs", "prune", ids.paid ?? "", ...p],
    api: "POST /api/projects/{slug}/runs/{runId}/prune",
  },
  "runs rm": {
    phase: 4,
    args: () => ["runs", "rm", ids.labDry ?? "", ...p],
    api: "DELETE /api/projects/{slug}/runs/{runId}",
    shape: (out) => {
      ids.trash = String((out.trash as { id: string }).id);
    },
  },
  "assets rm": {
    phase: 4,
    args: () => ["assets", "rm", ids.uploaded ?? "", ...p],
    // One trash entry per asset named: the API's answer for each, gathered.
    shape: (out) => {
      expect(out.ok).toBe(true);
      const trash = out.trash as unknown[];
      expect(trash).toHaveLength(1);
      expect(validator.validateSchema("TrashEntry", trash[0])).toEqual([]);
    },
  },
  logout: {
    phase: 4,
    args: () => ["logout"],
    shape: (out) => {
      expect(out).toMatchObject({ ok: true, api_url: server.url, token_forgotten: false });
    },
  },
  // Phase 5 and after: the trash entry phase 4 made; then tokens (a token turns auth on).
  "trash restore": {
    phase: 5,
    args: () => ["trash", "restore", ids.trash ?? "", ...p],
    api: "POST /api/projects/{slug}/trash/{trashId}/restore",
  },
  "trash purge": {
    phase: 6,
    args: () => ["trash", "purge", ...p, "--all"],
    api: "POST /api/projects/{slug}/trash/purge",
  },
  "tokens create": {
    phase: 7,
    // Not scoped to the project (a scoped token cannot manage tokens): list and revoke use it.
    args: () => ["tokens", "create", "--label", "every"],
    api: "POST /auth/token",
    shape: (out) => {
      const created = out.auth_token as { token: string; id: string };
      ids.token = created.token;
      ids.tokenId = created.id;
    },
  },
  "tokens list": {
    phase: 8,
    args: () => ["--token", ids.token ?? "", "tokens", "list"],
    api: "GET /auth/tokens",
  },
  "tokens revoke": {
    phase: 9,
    args: () => ["--token", ids.token ?? "", "tokens", "revoke", ids.tokenId ?? ""],
    api: "DELETE /auth/tokens/{tokenId}",
  },
  completion: { phase: 1, args: () => ["completion", "bash"] },
};

// ---- the checks ---------------------------------------------------------------------------

/** What is wrong with `body` as the answer of `operation`: none when one of its 2xx answers fits. */
function apiIssues(operation: string, body: unknown): string[] {
  const [method, path] = operation.split(" ") as [Method, string];
  const responses = openapiDocument.paths?.[path]?.[method.toLowerCase() as HttpMethod]?.responses;
  if (!responses) return [`the spec has no ${operation}`];
  const statuses = Object.keys(responses).filter((status) => status.startsWith("2"));
  const tried = statuses.map((status) =>
    validator.validateResponse(method.toLowerCase() as HttpMethod, path, Number(status), body),
  );
  if (tried.some((issues) => issues.length === 0)) return [];
  return tried.flat().map((issue) => `${issue.field || "(body)"}: ${issue.message}`);
}

/** `name` less one letter from its middle: `--limit` -> `--limt`, `projects` -> `projcts`. */
function misspell(name: string): string {
  const at = Math.floor((name.length + (name.startsWith("--") ? 2 : 0)) / 2);
  return name.slice(0, at) + name.slice(at + 1);
}

function describeRan(args: string[], ran: Ran): string {
  return `kroma ${args.join(" ")} -> exit ${ran.code}\nstdout: ${ran.stdout.slice(0, 800)}\nstderr: ${ran.stderr.slice(0, 800)}`;
}

describe("every leaf command", () => {
  it("spells a project -p/--project, takes no project under another name, and leaves --json to the global flag", () => {
    const problems: string[] = [];
    for (const { path, command, ancestors } of leaves) {
      for (const option of command.options) {
        if (option.long === "--project" && option.short !== "-p") problems.push(`${path}: --project without -p`);
        if (option.short === "-p" && option.long !== "--project") problems.push(`${path}: -p is ${option.long}`);
        const projectLike = /^--(slug|project-slug|project-id|project-name|proj)$/.test(option.long ?? "");
        if (projectLike && !(`${path} ${option.long}` in projectOptionExceptions)) {
          problems.push(`${path}: takes a project as ${option.long} (use -p/--project, or list it as an exception)`);
        }
        if (option.long === "--json" || option.long === "--api-url" || option.long === "--token") {
          problems.push(`${path}: ${option.long} shadows the global flag`);
        }
      }
      for (const ancestor of ancestors.slice(1)) {
        if (ancestor.options.some((option) => option.long === "--json")) problems.push(`${path}: --json shadowed`);
      }
      // A project given as an argument is an alias of -p, never the only way to name it.
      const slugArgument = command.registeredArguments.some((argument) => /slug|project/.test(argument.name()));
      if (slugArgument && !command.options.some((option) => option.long === "--project")) {
        problems.push(`${path}: takes the project as an argument without -p/--project`);
      }
    }
    expect(problems).toEqual([]);
    // The exceptions name options that exist: a stale entry fails.
    for (const entry of Object.keys(projectOptionExceptions)) {
      const [flag, ...rest] = entry.split(" ").reverse();
      const leaf = leaves.find((l) => l.path === rest.reverse().join(" "));
      expect(
        leaf?.command.options.map((option) => option.long),
        entry,
      ).toContain(flag);
    }
    const root = createProgram();
    expect(root.options.find((option) => option.long === "--json")?.negate).toBe(false);
  });

  it("has an invocation (or a stated reason for none) for each leaf, and none for a command that is not there", () => {
    const paths = leaves.map((leaf) => leaf.path);
    const covered = new Set([...Object.keys(invocations), ...Object.keys(notRun)]);
    expect(paths.filter((path) => !covered.has(path))).toEqual([]);
    expect([...covered].filter((path) => !paths.includes(path))).toEqual([]);
    expect(paths.length).toBeGreaterThan(70);
  });

  it("exits 2 naming -p/--project when a leaf that takes the project as an argument or -p gets neither", async () => {
    const optional = leaves.filter(({ command }) =>
      command.registeredArguments.some((argument) => !argument.required && argument.name() === "slug"),
    );
    expect(optional.map((leaf) => leaf.path).sort()).toEqual(["export", "projects budget", "projects show", "sync s3"]);
    const problems: string[] = [];
    await inBatches(optional, 4, async ({ path }) => {
      const ran = await run(path.split(" "));
      if (ran.code !== 2 || !ran.stderr.includes(`error: kroma ${path} needs a project: give -p/--project <slug>`)) {
        problems.push(describeRan(path.split(" "), ran));
      }
    });
    expect(problems).toEqual([]);
  });

  it("answers an unknown option with exit 2 and commander's nearest option, on a leaf of every group", async () => {
    const problems: string[] = [];
    // The first leaf of each top-level command (so every group is sampled, in a few seconds).
    const seen = new Set<string>();
    const sample = leaves.filter((leaf) => {
      if (leaf.path in ownUsageErrors || seen.has(group(leaf.path))) return false;
      seen.add(group(leaf.path));
      return true;
    });
    const cases = sample.flatMap(({ path, command }) => {
      // One of its own options, else the global --quiet (commander suggests the parents' too).
      const own = command.options.find((option) => !option.mandatory && (option.long?.length ?? 0) >= 6)?.long;
      const spare = own ?? "--quiet";
      // What the command needs to get as far as its options: placeholders for its arguments and
      // for its mandatory options (the first choice where it has choices).
      const needed = [
        ...command.registeredArguments
          .filter((argument) => argument.required)
          .map((argument) => argument.argChoices?.[0] ?? "x"),
        ...command.options
          .filter((option) => option.mandatory)
          .flatMap((option) => [option.long ?? "", option.argChoices?.[0] ?? "x"]),
      ];
      const typo = misspell(spare);
      return [{ path, args: [...path.split(" "), ...needed, typo], typo, meant: spare }];
    });
    expect(cases.length).toBeGreaterThan(15);
    await inBatches(cases, 6, async ({ path, args, typo, meant }) => {
      const ran = await run(args);
      const said = `error: unknown option '${typo}'\n(Did you mean ${meant}?)`;
      if (ran.code !== 2 || !ran.stderr.includes(said) || ran.stdout !== "") {
        problems.push(`${path}: ${describeRan(args, ran)}`);
      }
    });
    expect(problems).toEqual([]);
    // secrets set answers in words of its own, exit 2, never quoting what it was given.
    const secret = await run(["secrets", "set", "openai/api_key", "-p", slug, "--value=sk-typed-here"]);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain("error: kroma secrets set takes only PROVIDER/NAME and -p");
    expect(secret.stderr).not.toContain("sk-typed-here");
  });

  it("answers a misspelled subcommand with exit 2 and commander's nearest command, in every group", async () => {
    const groups: Command[] = [];
    const visit = (command: Command) => {
      if (command.commands.length === 0) return;
      groups.push(command);
      command.commands.forEach(visit);
    };
    visit(createProgram());
    const problems: string[] = [];
    await inBatches(groups, 6, async (parent) => {
      const names: string[] = [];
      for (let at: Command | null = parent; at?.parent; at = at.parent) names.unshift(at.name());
      const meant = parent.commands.map((sub) => sub.name()).sort((a, b) => b.length - a.length)[0] ?? "";
      const args = [...names, misspell(meant)];
      const ran = await run(args);
      const said = `error: unknown command '${misspell(meant)}'\n(Did you mean ${meant}?)`;
      if (ran.code !== 2 || !ran.stderr.includes(said)) problems.push(`${names.join(" ")}: ${describeRan(args, ran)}`);
    });
    expect(groups.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it("fails at the server with exit 1, one kroma: line on stderr and nothing on stdout, in every group", async () => {
    // Per top-level command, its first leaf the table runs on the project, run on one that does
    // not exist; the commands without a project fail on something else that is not there.
    const cases = new Map<string, string[]>();
    for (const { path } of leaves) {
      const args = invocations[path]?.args();
      if (cases.has(group(path)) || !args) continue;
      const at = args.indexOf("-p");
      if (at >= 0) cases.set(group(path), args.with(at + 1, "no_such_project"));
    }
    // scenes add reports each file, failed ones too, on stdout (as assets add): list fails plainly.
    cases.set("scenes", ["scenes", "list", "-p", "no_such_project"]);
    cases.set("tokens", ["tokens", "revoke", "no_such_token"]);
    cases.set("import", ["import", join(cwd, "upload.png")]);
    cases.set("login", ["--api-url", "http://127.0.0.1:9", "login"]);
    /** The top-level commands with no server to fail at, and where their failures are tested. */
    const noServer: Record<string, string> = {
      serve: "is the server",
      config:
        "local only; an invalid configuration prints its report on stdout and exits 1 (pipeline-commands.test.ts)",
      completion: "local only; its one failure is a usage error (an unknown shell)",
      logout: "local only: it forgets what login stored",
    };
    const groups = new Set(leaves.map((leaf) => group(leaf.path)));
    expect([...groups].filter((name) => !cases.has(name) && !(name in noServer))).toEqual([]);
    const problems: string[] = [];
    await inBatches([...cases], 6, async ([name, args]) => {
      const ran = await run(["--json", ...args]);
      // Progress lines may come first (-q leaves them out); the failure is one line, the last.
      const lines = ran.stderr.split("\n").filter(Boolean);
      const failures = lines.filter((line) => line.startsWith("kroma: "));
      if (ran.code !== 1 || ran.stdout !== "" || failures.length !== 1 || failures[0] !== lines.at(-1)) {
        problems.push(`${name}: ${describeRan(args, ran)}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it("runs each one with --json against a real server: exit 0, JSON on stdout of the API's shape for its operation", async () => {
    const failures: string[] = [];
    const phases = [...new Set(Object.values(invocations).map((entry) => entry.phase))].sort((a, b) => a - b);
    for (const phase of phases) {
      const entries = Object.entries(invocations).filter(([, entry]) => entry.phase === phase);
      await inBatches(entries, 6, async ([path, entry]) => {
        const args = ["--json", ...entry.args()];
        const ran = await run(args, entry.stdin);
        if (ran.code !== 0) return failures.push(`${path}: ${describeRan(args, ran)}`);
        if (path in textOutput) {
          if (!ran.stdout.includes("complete -o default -F _kroma kroma"))
            failures.push(`${path}: not a bash completion script`);
          return;
        }
        try {
          if (entry.lines) {
            const lines = ran.stdout.trim().split("\n");
            for (const line of lines) {
              const issues = validator.validateSchema(entry.lines, JSON.parse(line));
              if (issues.length) failures.push(`${path}: ${JSON.stringify(issues)}`);
            }
            return;
          }
          const out = JSON.parse(ran.stdout);
          if (entry.api) {
            const issues = apiIssues(entry.api, out);
            if (issues.length) failures.push(`${path} (${entry.api}): ${issues.join("; ")}`);
          }
          if (entry.schema) {
            const issues = validator.validateSchema(entry.schema, out);
            if (issues.length) failures.push(`${path} (${entry.schema}): ${JSON.stringify(issues.slice(0, 5))}`);
          }
          entry.shape?.(out);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}\n${describeRan(args, ran)}`);
        }
      });
    }
    expect(failures).toEqual([]);
    // What the file-writing commands said they wrote is there.
    expect((await stat(join(cwd, "sheet.png"))).size).toBeGreaterThan(0);
    expect((await stat(join(cwd, "delivery.zip"))).size).toBeGreaterThan(0);
  }, 120_000);
});
