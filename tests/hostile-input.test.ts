// Hostile input against a real server: path traversal in every path-taking field and parameter
// (`..`, absolute paths, encoded separators, backslashes, symlinks leading out, NUL bytes),
// oversized bodies, decompression-bomb images in runs, and slug injection. Each must be refused
// with a 4xx in the one error envelope, or safely normalised; and nothing may be written outside
// the allowed roots (the projects' roots and the server's own var/ directories): the whole temp
// tree is listed before and after.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { components } from "@kroma/contract";
import { normalizeSlug } from "@kroma/server";
import {
  bombPng,
  changesOutside,
  type ImagesServer,
  isWithin,
  listTree,
  type RawResult,
  rawRequest,
  solidPng,
  startImagesServer,
  useTestServer,
} from "@kroma/testkit";
import { type ApiResult, expectOk, inProject, oneField } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A path parameter as the router hands it over: percent-decoded, or as sent when that fails. */
function decodeOr(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// Every escape attempt names this, so a successful one leaves a path that is easy to find.
const marker = "kroma-hostile-escape";
const bodyLimit = 1024 * 1024;
const realTmp = tmpdir();
// biome-ignore lint/suspicious/noUndeclaredEnvVars: TMPDIR is pointed at this test's sandbox and back, no build input
const previousTmpdir = process.env.TMPDIR;
let sandbox = "";
let outside = "";
let images: ImagesServer;
const imagesUrl = { value: "" };

// The server's app root goes inside a sandbox of our own (startTestServer makes it under the temp
// dir), so "the parent temp dir" can be listed whole without other tests' files moving in it.
// Registered before useTestServer's hooks, so it runs first.
beforeAll(async () => {
  sandbox = await mkdtemp(join(realTmp, "kroma-hostile-"));
  outside = join(sandbox, "outside");
  await mkdir(outside);
  // What symlinks inside the project point at: never to be read, written or listed through the API.
  await writeFile(join(outside, "secret.png"), solidPng(8, 8, [200, 10, 10]));
  await writeFile(join(outside, "secret.json"), JSON.stringify({ safe_batch_limit: 1, marker: "outside-secret" }));
  setTmpdir(sandbox);
  images = await startImagesServer();
  imagesUrl.value = images.url;
});

const api = useTestServer({
  agentDispatch: false,
  projects: ["Hostile", "Victim"],
  runExecution: {
    openaiApiKey: "sk-test-hostile",
    get openaiBaseUrl() {
      return `${imagesUrl.value}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});

let root = ""; // the Hostile project's root
let victimRoot = "";
let before = new Map<string, string>();
let outsideDigest = "";
const inHostile = inProject("hostile");
const rootOf = async (slug: string) =>
  (await expectOk(api.client.GET("/api/projects/{slug}", inProject(slug)))).storage.local.project_root;

beforeAll(async () => {
  setTmpdir(previousTmpdir);
  root = await rootOf("hostile");
  victimRoot = await rootOf("victim");
  await mkdir(join(root, "scenes"), { recursive: true });
  await writeFile(join(root, "scenes/a.png"), solidPng(8, 8, [90, 90, 90]));
  await writeFile(join(root, "scenes/b.png"), solidPng(8, 8, [60, 60, 60]));
  // Another project's file: as much out of bounds for this project as /etc.
  await mkdir(join(victimRoot, "scenes"), { recursive: true });
  await writeFile(join(victimRoot, "scenes/v.png"), solidPng(8, 8, [30, 30, 30]));
  await mkdir(join(root, "bombs"), { recursive: true });
  await writeFile(join(root, "bombs/bomb.png"), bombPng(40_000, 40_000));
  // Symlinks inside the project that lead out of it: a file, a directory, a folder holding one.
  await mkdir(join(root, "evil"), { recursive: true });
  await symlink(join(outside, "secret.png"), join(root, "evil/out.png"));
  await symlink(join(outside, "secret.json"), join(root, "evil/secret.json"));
  await symlink(outside, join(root, "linkdir"));
  outsideDigest = await digestOf(outside);
  before = await listTree(sandbox);
});

afterAll(async () => {
  await images?.close();
  await rm(sandbox, { recursive: true, force: true });
});

/** Where `os.tmpdir()` (and so `startTestServer`) makes temporary directories; undefined: the default. */
function setTmpdir(dir: string | undefined): void {
  const env: Record<string, string | undefined> = process.env;
  if (dir === undefined) delete env.TMPDIR;
  else env.TMPDIR = dir;
}

/** sha256 over every file under `dir` (by name), to prove the files a symlink points at are untouched. */
async function digestOf(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(join(dir, name)));
  return hash.digest("hex");
}

/** A refusal as the API promises it: a 4xx carrying exactly the error envelope. */
function expectRefused(answer: ApiResult<unknown> | RawResult, label: string): void {
  const response =
    "response" in answer ? { status: answer.response.status, body: answer.error ?? answer.data } : answer;
  expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  expect(response.body, label).toMatchObject({
    ok: false,
    error: expect.any(String),
    error_kind: expect.stringMatching(/^(validation|policy|provider|infra|unknown)$/),
    error_code: expect.stringMatching(/^[a-z_]+$/),
  });
  for (const key of Object.keys(response.body)) {
    expect(["ok", "error", "error_kind", "error_code", "details"], label).toContain(key);
  }
}

/** Traversal spellings for a path field, each aimed at a name outside the project. */
function traversals(depth = 4): string[] {
  const up = (n: number, sep = "/") => Array.from({ length: n }, () => "..").join(sep);
  return [
    "..",
    `../${marker}`,
    `${up(depth)}/${marker}`,
    `scenes/../../${marker}`,
    `${up(depth, "\\")}\\${marker}`,
    `scenes\\..\\..\\${marker}`,
    `${join(sandbox, marker)}/../${marker}`,
    `scenes/a.png\0.png`,
    `\0`,
  ];
}

/** After each group: nothing new, changed or removed outside the allowed roots, anywhere in the sandbox. */
async function expectNothingWrittenOutside(): Promise<void> {
  const appRoot = api.server.appRoot;
  const allowed = [root, victimRoot, join(appRoot, "var/backend"), join(appRoot, "var/exports")];
  const { projects } = await expectOk(api.client.GET("/api/projects"));
  for (const { slug } of projects) allowed.push(await rootOf(slug));
  expect(changesOutside(before, await listTree(sandbox), allowed)).toEqual([]);
  expect(await digestOf(outside)).toBe(outsideDigest);
  // And no escape reached the real temp dir or the filesystem root either.
  for (const dir of [realTmp, "/"]) {
    expect(
      (await readdir(dir)).filter((name) => name.includes(marker)),
      dir,
    ).toEqual([]);
  }
}

describe("storage paths (PUT /storage/local)", () => {
  const put = (body: components["schemas"]["UpdateLocalStorageRequest"]) =>
    api.client.PUT("/api/projects/{slug}/storage/local", { ...inHostile, body });
  const reset = async () => {
    const response = await put({ base_dir: "var/projects", project_root: "" });
    expect(response.data?.storage.local.project_root).toBe(root);
  };

  it("refuses traversal, the filesystem root and NUL bytes in base_dir and project_root", async () => {
    const refused = [...traversals(), "/", "//", "\\..\\", "a/b/..", ""];
    for (const field of ["base_dir", "project_root"] as const) {
      for (const value of refused) {
        // A blank project_root is the documented way back to the default, not a hostile value.
        if (field === "project_root" && value === "") continue;
        expectRefused(await put(oneField(field, value)), `${field}=${JSON.stringify(value)}`);
      }
    }
    expect((await api.client.GET("/api/projects/{slug}/storage", inHostile)).data?.storage.local.project_root).toBe(
      root,
    );
    await expectNothingWrittenOutside();
  });

  it("keeps encoded separators and dot-lookalikes literal, inside the app root", async () => {
    for (const value of [`..%2F..%2F${marker}`, `%2e%2e/${marker}`, `...`, `.../${marker}`, `. ./${marker}`]) {
      for (const field of ["base_dir", "project_root"] as const) {
        const response = await put(oneField(field, value));
        expect(response.response.status, `${field}=${value}`).toBe(200);
        const resolved = response.data?.storage.local.project_root ?? "";
        expect(isWithin(api.server.appRoot, resolved), `${field}=${value} -> ${resolved}`).toBe(true);
        await reset();
      }
    }
    await expectNothingWrittenOutside();
  });

  it("honours an absolute root as documented (the owner's choice) but creates nothing there", async () => {
    const chosen = join(sandbox, `${marker}-absolute`);
    const response = await put({ project_root: chosen });
    expect(response.response.status).toBe(200);
    expect(response.data?.storage.local.project_root).toBe(chosen);
    // A run refuses here (no scenes), so nothing is written at the chosen root either.
    const run = await api.client.POST("/api/projects/{slug}/runs/trigger", { ...inHostile, body: { input: "scenes" } });
    expectRefused(run, "run");
    await reset();
    await expectNothingWrittenOutside();
  });
});

describe("run config paths (POST /runs/validate-config)", () => {
  const fields = ["app_settings_path", "project_settings_path", "manifest_path", "postprocess_config_path"] as const;
  const validate = (body: components["schemas"]["ValidateRunConfigRequest"]) =>
    api.client.POST("/api/projects/{slug}/runs/validate-config", { ...inHostile, body });

  it("refuses traversal, absolute paths and NUL bytes in every *_path field", async () => {
    const refused = [...traversals(), "/etc/passwd", join(outside, "secret.json"), join(root, "evil/secret.json")];
    for (const field of fields) {
      for (const value of refused)
        expectRefused(await validate(oneField(field, value)), `${field}=${JSON.stringify(value)}`);
    }
    await expectNothingWrittenOutside();
  });

  it("does not read a file outside the project through a symlink inside it", async () => {
    const linked = "var/projects/hostile/evil/secret.json"; // relative to the app root, as the field takes it
    for (const field of fields) {
      const response = await validate(oneField(field, linked));
      // Refused, or at least nothing of the outside file comes back (its keys would show as problems).
      if (response.response.status !== 200) expectRefused(response, field);
      expect(JSON.stringify(response.data ?? response.error), field).not.toContain("outside-secret");
      expect(response.response.status, `${field} followed the symlink out of the project`).not.toBe(200);
    }
  });

  it("never echoes the contents of the server's own files (master key, database)", async () => {
    // Storing a secret creates the master key file beside the database.
    const secret = await api.client.POST("/api/projects/{slug}/secrets", {
      ...inHostile,
      body: { provider_code: "openai", secret_name: "api_key", secret_value: "sk-hostile-test-value" },
    });
    expect(secret.response.status).toBe(200);
    const key = (await readFile(join(api.server.appRoot, "var/backend/master.key"), "utf8")).trim();
    for (const field of fields) {
      for (const file of ["var/backend/master.key", "var/backend/app.db"]) {
        const response = await validate(oneField(field, file));
        const text = JSON.stringify(response.data ?? response.error);
        // Any 6 consecutive characters of the key would be a leak.
        for (let at = 0; at + 6 <= key.length; at++) {
          expect(text.includes(key.slice(at, at + 6)), `${field}=${file} echoes the master key`).toBe(false);
        }
        expect(text, `${field}=${file} echoes the database`).not.toContain("SQLite format");
      }
    }
  });
});

describe("run references (POST /runs/trigger)", () => {
  const trigger = (body: components["schemas"]["TriggerRunRequest"]) =>
    api.client.POST("/api/projects/{slug}/runs/trigger", { ...inHostile, body });
  const total = async () => (await expectOk(api.client.GET("/api/projects/{slug}/runs", inHostile))).total;

  it("refuses traversal, absolute paths elsewhere, symlinks leading out and NUL in input, scene_refs and style_refs", async () => {
    const runsBefore = await total();
    const hostile = [
      ...traversals(),
      "/etc/passwd",
      join(outside, "secret.png"),
      join(victimRoot, "scenes/v.png"),
      "../victim/scenes/v.png",
      "linkdir",
      "linkdir/secret.png",
      "evil/out.png",
      "evil",
      `..%2F..%2F${marker}.png`,
    ];
    for (const value of hostile) {
      expectRefused(await trigger({ input: value }), `input=${JSON.stringify(value)}`);
      expectRefused(await trigger({ scene_refs: ["scenes/a.png", value] }), `scene_refs=${JSON.stringify(value)}`);
      expectRefused(
        await trigger({ scene_refs: ["scenes/a.png"], style_refs: [value] }),
        `style_refs=${JSON.stringify(value)}`,
      );
    }
    expect(await total()).toBe(runsBefore);
    expect(images.requests).toHaveLength(0);
    await expectNothingWrittenOutside();
  });
});

describe("reference items (content_uri)", () => {
  it("stores a path-like content_uri as an opaque string and never opens it", async () => {
    const set = await expectOk(
      api.client.POST("/api/projects/{slug}/reference-sets", { ...inHostile, body: { name: "hostile refs" } }),
    );
    const path = { slug: "hostile", referenceSetId: set.reference_set.id };
    for (const uri of [
      `../../${marker}`,
      "/etc/passwd",
      `file://${join(outside, "secret.json")}`,
      "evil/secret.json",
    ]) {
      const created = await api.client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
        params: { path },
        body: { label: "x", content_uri: uri },
      });
      expect(created.response.status, uri).toBe(200);
      const item = await api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", {
        params: { path: { ...path, itemId: created.data?.item.id ?? "" } },
      });
      expect(item.data?.item.content_uri).toBe(uri);
      expect(JSON.stringify(item.data)).not.toContain("outside-secret");
    }
    // A NUL is stored like any other character (the URI is never used as a path): accepted, and
    // read back byte for byte, not cut at the NUL; the items stored before it are unchanged.
    const before = await api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
      params: { path },
    });
    const nul = await api.client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
      params: { path },
      body: { label: "x", content_uri: "a\0b" },
    });
    expect(nul.response.status).toBe(200);
    const itemId = nul.data?.item.id ?? "";
    const stored = await api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", {
      params: { path: { ...path, itemId } },
    });
    expect(stored.data?.item.content_uri).toBe("a\0b");
    const after = await api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
      params: { path },
    });
    expect(after.data?.items.filter((item) => item.id !== itemId)).toEqual(before.data?.items);
    expect(after.data?.count).toBe((before.data?.count ?? 0) + 1);
    await expectNothingWrittenOutside();
  });
});

describe("export output paths", () => {
  it("refuses every output leading out of the project or var/exports (skipped while exports are not served)", async (context) => {
    const spec = (await api.client.GET("/openapi.json")).data as { paths: Record<string, unknown> };
    const probe = await api.client.GET("/api/projects/{slug}/exports", inHostile);
    if (!spec.paths["/api/projects/{slug}/exports"] || /Route not found/.test(probe.error?.error ?? "")) {
      context.skip();
    }
    const outputs = [
      `../${marker}.tar.gz`,
      `../../../../${marker}.tar.gz`,
      `exports/../../${marker}.tar.gz`,
      `..\\..\\${marker}.tar.gz`,
      `${join(sandbox, marker)}/../${marker}.tar.gz`,
      `/tmp/${marker}.tar.gz`,
      join(sandbox, `${marker}.tar.gz`),
      join(victimRoot, `${marker}.tar.gz`),
      `..%2F${marker}.tar.gz`,
      `..%5C${marker}.tar.gz`,
      `exports%00/${marker}.tar.gz`,
      `exports/${marker}\0.tar.gz`,
      `var/exports/../../${marker}.tar.gz`,
      `linkdir/${marker}.tar.gz`,
      `linkdir/`,
      `evil/out.png/${marker}.tar.gz`,
    ];
    const routes = {
      "/api/projects/hostile/exports": (output: string) =>
        api.client.POST("/api/projects/{slug}/exports", { ...inHostile, body: { output } }),
      "/api/projects/hostile/export": (output: string) =>
        api.client.POST("/api/projects/{slug}/export", { ...inHostile, body: { output } }),
    };
    for (const [path, exportTo] of Object.entries(routes)) {
      for (const output of outputs) {
        expectRefused(await exportTo(output), `${path} output=${JSON.stringify(output)}`);
      }
    }
    await expectNothingWrittenOutside();
  });
});

describe("path parameters", () => {
  // Raw on purpose: fetch (and so the typed client) normalises `..` and `%2e%2e` away before sending.
  const raw = (method: string, path: string, body?: string) => rawRequest(api.server.url, method, path, { body });

  it("refuses or normalises injected slugs, never reaching a file or another project by accident", async () => {
    const injected = [
      "..",
      "..%2F..%2Fvar",
      "%2e%2e",
      "%2e%2e%2fvar",
      "..%5C..%5Cvar",
      "%00",
      "hostile%00.png",
      "'%20OR%20'1'='1",
      '"hostile"',
      "%C3%A9t%C3%A9",
      "%E0%A4%A",
      "%",
      "a".repeat(201),
      `${"%2e%2e%2f".repeat(30)}etc`,
    ];
    const existing = new Set((await expectOk(api.client.GET("/api/projects"))).projects.map((p) => p.slug));
    for (const slug of injected) {
      // The documented rule: a path slug is decoded and normalised like any slug. Where that names
      // an existing project, the request is about exactly that project; otherwise it is refused.
      const expected = normalizeSlug(decodeOr(slug));
      for (const [method, suffix, body] of [
        ["GET", "", undefined],
        ["GET", "/storage", undefined],
        ["PUT", "/storage/local", JSON.stringify({ project_root: "" })], // a no-op on a real project
      ] as const) {
        const label = `${method} /api/projects/${slug}${suffix}`;
        const response = await raw(method, `/api/projects/${slug}${suffix}`, body);
        if (expected !== undefined && existing.has(expected) && slug.length <= 200) {
          expect(response.status, label).toBe(200);
          expect(response.body.project.slug, label).toBe(expected);
        } else {
          expectRefused(response, label);
        }
      }
    }
    // A slug that normalises to an existing project names exactly that project (the documented rule).
    const normalised = await raw("GET", "/api/projects/..%2FVICTIM");
    expect(normalised.status).toBe(200);
    expect(normalised.body.project.slug).toBe("victim");
    await expectNothingWrittenOutside();
  });

  it("refuses traversal in other path parameters", async () => {
    for (const path of [
      "/docs/assets/..%2F..%2Fpackage.json",
      "/docs/assets/%2e%2e%2fpackage.json",
      "/docs/assets/swagger-ui.css%00.js",
      "/api/projects/hostile/runs/..%2F..%2Fvictim",
      "/api/projects/hostile/runs/run_x%2F..%2F..%2Fsecret/jobs",
      "/api/projects/hostile/reference-sets/..%2F..%2Fx/items",
      "/api/projects/hostile/secrets/..%2F..%2Fnope/api_key",
    ]) {
      const response = await raw(path.includes("secrets") ? "DELETE" : "GET", path);
      expectRefused(response, path);
      expect(response.text).not.toContain('"name": "kroma"');
    }
  });

  it("normalises slugs given in bodies into safe directory names under the base dir", async () => {
    for (const slug of ["../../etc", `..\\..\\${marker}`, "a/b/c", "UPPER case", "ünï-cødé", "-", "%2e%2e"]) {
      const response = await api.client.POST("/api/projects", { body: { name: "Injected", slug } });
      expect(response.response.status, slug).toBe(200);
      expect(response.data?.project.slug, slug).toMatch(/^[a-z0-9_-]+$/);
      const projectRoot = response.data?.storage.local.project_root ?? "";
      expect(isWithin(join(api.server.appRoot, "var/projects"), projectRoot)).toBe(true);
    }
    for (const body of [
      { name: "..", slug: ".." },
      { name: "/", slug: "/" },
      { name: "\0" },
      { name: "x", slug: "a".repeat(201) },
      { name: "a".repeat(201) },
    ]) {
      expectRefused(await api.client.POST("/api/projects", { body }), JSON.stringify(body).slice(0, 80));
    }
    await expectNothingWrittenOutside();
  });
});

describe("oversized bodies", () => {
  // Raw: bodies past the size limit, sent with and without a Content-Length.
  const oversized = (bytes: number) => JSON.stringify({ name: "big", description: "x".repeat(bytes) });

  it("answers 413 in the error envelope with the configured limit, with or without a Content-Length", async () => {
    for (const [path, chunked] of [
      ["/api/projects", false],
      ["/api/projects", true],
      ["/api/projects/hostile/bootstrap-import", false],
      ["/api/projects/hostile/runs/trigger", true],
      ["/api/projects/hostile/prompt-templates", false],
    ] as const) {
      // Each on its own connection here; reusing one after a 413 is the next test.
      const response = await rawRequest(api.server.url, "POST", path, { body: oversized(bodyLimit + 1), chunked });
      expectRefused(response, `${path} chunked=${chunked}`);
      expect(response.status).toBe(413);
      expect(response.body.error_code).toBe("payload_too_large");
      expect(response.body.error).toContain(String(bodyLimit));
    }
    // Just under the limit is read (and then judged on its content).
    const under = await rawRequest(api.server.url, "POST", "/api/projects", {
      body: JSON.stringify({ name: "x", description: "y".repeat(10) }).padEnd(bodyLimit - 10, " "),
    });
    expect(under.status).toBe(200);
    expect((await api.client.GET("/health")).response.status).toBe(200);
  });

  it("keeps a kept-alive connection usable after a 413, or says it closes it", async () => {
    // What fetch and SDK clients do: one pooled connection for consecutive requests.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const chunked of [false, true]) {
        const refused = await rawRequest(api.server.url, "POST", "/api/projects", {
          body: oversized(bodyLimit + 1),
          chunked,
          agent,
        });
        expect(refused.status).toBe(413);
        const next = await rawRequest(api.server.url, "GET", "/health", { agent }).catch((error: Error) => error);
        expect(next instanceof Error ? `${next.message} after a 413 (chunked=${chunked})` : next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe("decompression bombs in runs", () => {
  const waitRun = async (runId: string) => {
    for (;;) {
      const body = await expectOk(
        api.client.GET("/api/projects/{slug}/runs/{runId}", { params: { path: { slug: "hostile", runId } } }),
      );
      if (!["queued", "running", "canceling"].includes(body.run.status)) return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it("plans a dry run with a bomb as a scene without decoding it", async () => {
    const trigger = await api.client.POST("/api/projects/{slug}/runs/trigger", {
      ...inHostile,
      body: { scene_refs: ["scenes/a.png", "bombs/bomb.png"] },
    });
    expect(trigger.response.status).toBe(200);
    const { run, jobs } = await waitRun(trigger.data?.pipeline_trigger.run_id ?? "");
    expect(run.status).toBe("succeeded");
    expect(jobs).toHaveLength(2);
    expect((await api.client.GET("/health")).response.status).toBe(200);
  });

  it("refuses a bomb the images API answers with per file, post-processing on, and the run goes on", async () => {
    await mkdir(join(root, ".kroma"), { recursive: true });
    await writeFile(
      join(root, ".kroma/pipeline.settings.json"),
      JSON.stringify({ pipeline: { postprocess: { color: true, color_profile: "neutral" } } }),
    );
    const bomb = bombPng(40_000, 40_000).toString("base64");
    images.reset();
    images.script((request) => (request.images[0] === "b.png" ? { b64: bomb } : { image: "gray" }));
    try {
      const trigger = await api.client.POST("/api/projects/{slug}/runs/trigger", {
        ...inHostile,
        body: { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png", "bombs/bomb.png", "scenes/b.png"] },
      });
      expect(trigger.response.status).toBe(200);
      const { run, jobs } = await waitRun(trigger.data?.pipeline_trigger.run_id ?? "");
      const byScene = (name: string) => jobs.find((job) => job.job_key.endsWith(`_${name}`));
      expect(byScene("a")?.status).toBe("done");
      // The bomb scene is uploaded as it is (today it is never decoded here, and the stand-in
      // answers gray); refusing it up front would be fine too. Either way it is that job alone.
      expect(["done", "failed"]).toContain(byScene("bomb")?.status);
      // The bomb answer fails alone, with the pixel limit named, and the server lives on.
      expect(byScene("b")?.status).not.toBe("done");
      expect(run.status).toBe("partial");
      expect(JSON.stringify(jobs)).toMatch(/pixel limit/);
      expect((await api.client.GET("/health")).response.status).toBe(200);
    } finally {
      await rm(join(root, ".kroma/pipeline.settings.json"), { force: true });
      images.script(() => ({ image: "gray" }));
    }
    await expectNothingWrittenOutside();
  });
});
