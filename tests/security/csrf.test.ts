// Issue 13 point 4 — review §4 "CSRF: bodyless cross-site POSTs are accepted". A web page on
// another site can send a form or a `no-cors` fetch to 127.0.0.1 without the browser asking
// first, as long as it uses one of the CORS-safelisted content types; the server used to check
// the content type only when a body was present, so bodyless state changes (rotate the secrets,
// write an export, create the first token, resume a paid run...) went through. Each route the
// review names is sent over real HTTP (a) with a form content type and an empty body, (b) with a
// foreign Origin, (c) with `Sec-Fetch-Site: cross-site` — refused, with nothing changed — and
// (d) with no content type and no Origin, as curl and the SDK send it: answered as before.
import { once } from "node:events";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { join } from "node:path";
import {
  type ApiClient,
  portClient,
  putScenes,
  type RawResult,
  rawRequest,
  startTestServer,
  type TestServer,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** An images API that takes requests and never answers: a paid run stays `running` until canceled. */
function startSilentProvider(): Promise<{ url: string; server: Server; requested: Promise<unknown>; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer(() => {});
  server.on("connection", (socket) => sockets.add(socket));
  const requested = once(server, "request");
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/v1`,
        server,
        requested,
        close() {
          for (const socket of sockets) socket.destroy();
          server.close();
        },
      });
    });
  });
}

let provider: Awaited<ReturnType<typeof startSilentProvider>>;
let server: TestServer;
/** What curl and the SDK send: no Origin, no Sec-Fetch-Site, a content type only with a body. */
let client: ApiClient;
const slug = "gamma";
const gamma = inProject(slug);

beforeAll(async () => {
  provider = await startSilentProvider();
  server = await startTestServer({
    agentDispatch: false,
    runExecution: {
      openaiApiKey: "sk-test-csrf",
      openaiBaseUrl: provider.url,
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  client = portClient(server.url);
  expect((await client.POST("/api/projects", { body: { name: "Gamma", slug } })).response.status).toBe(200);
});
afterAll(async () => {
  provider?.close();
  await server?.stop();
});

interface SendOptions {
  json?: unknown;
  headers?: Record<string, string>;
  /** Send an empty body (Content-Length: 0), as a form with no fields does. */
  empty?: boolean;
}

/** Raw on purpose: the browser-sendable variants (form types, empty bodies, Origin, Sec-Fetch-Site). */
function send(method: string, path: string, options: SendOptions = {}): Promise<RawResult> {
  const headers = { ...(options.headers ?? {}) };
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  } else if (options.empty) {
    body = "";
  }
  return rawRequest(server.url, method, path, { body, headers });
}

const api = (path: string) => `/api/projects/${slug}${path}`;
const auditCount = async () =>
  Number(
    (
      await server.db
        .selectFrom("audit_events")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The browser-sendable ways of the review: each must be refused before the handler runs. */
const crossSiteVariants: Array<{ name: string; options: SendOptions; status: number; code: string }> = [
  {
    name: "text/plain, empty body",
    options: { empty: true, headers: { "content-type": "text/plain" } },
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "form-urlencoded, empty body",
    options: { empty: true, headers: { "content-type": "application/x-www-form-urlencoded" } },
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "multipart/form-data, empty body",
    options: { empty: true, headers: { "content-type": "multipart/form-data; boundary=x" } },
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "text/plain with charset, no body",
    options: { headers: { "content-type": "Text/Plain;charset=UTF-8" } },
    status: 415,
    code: "unsupported_media_type",
  },
  { name: "foreign Origin", options: { headers: { origin: "https://evil.example" } }, status: 403, code: "forbidden" },
  {
    name: "foreign Origin with a form type",
    options: { empty: true, headers: { origin: "https://evil.example", "content-type": "text/plain" } },
    status: 403,
    code: "forbidden",
  },
  { name: "Origin: null (sandboxed page)", options: { headers: { origin: "null" } }, status: 403, code: "forbidden" },
  {
    name: "same host, other port",
    options: { headers: { origin: "http://localhost:3000" } },
    status: 403,
    code: "forbidden",
  },
  {
    name: "Sec-Fetch-Site: cross-site",
    options: { headers: { "sec-fetch-site": "cross-site" } },
    status: 403,
    code: "forbidden",
  },
  {
    name: "Sec-Fetch-Site: same-site",
    options: { headers: { "sec-fetch-site": "same-site" } },
    status: 403,
    code: "forbidden",
  },
];

/** Sends every cross-site variant; each is refused in the envelope and the audit log gains nothing. */
async function expectAllRefused(method: string, path: string, unchanged: () => Promise<unknown>) {
  const before = await unchanged();
  const audits = await auditCount();
  for (const variant of crossSiteVariants) {
    const answer = await send(method, path, variant.options);
    expect(answer.status, `${method} ${path} with ${variant.name}: ${answer.text}`).toBe(variant.status);
    expect(answer.body).toMatchObject({
      ok: false,
      error_code: variant.code,
      error_kind: variant.status === 403 ? "policy" : "validation",
    });
  }
  expect(await unchanged(), `${method} ${path} changed state`).toEqual(before);
  expect(await auditCount()).toBe(audits);
}

const runPath = (runId: string) => ({ params: { path: { slug, runId } } });
const runStatus = async (runId: string) =>
  (await expectOk(client.GET("/api/projects/{slug}/runs/{runId}", runPath(runId)))).run.status;

async function waitForRunStatus(runId: string, wanted: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await runStatus(runId)) === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${runId} never became ${wanted} (is ${await runStatus(runId)})`);
}

describe("bodyless state changes from another site are refused, and still work for curl and the SDK", () => {
  it("POST /secrets/rotate", async () => {
    const stored = await client.POST("/api/projects/{slug}/secrets", {
      ...gamma,
      body: { provider_code: "openai", secret_name: "api_key", secret_value: "sk-csrf-secret-1234" },
    });
    expect(stored.response.status, JSON.stringify(stored.error)).toBe(200);
    const keyOf = async () =>
      (await server.db.selectFrom("project_secrets").select(["key_id", "nonce", "ciphertext"]).execute()).map(
        (row) => ({ ...row }),
      );
    await expectAllRefused("POST", api("/secrets/rotate"), keyOf);

    const rotated = await client.POST("/api/projects/{slug}/secrets/rotate", gamma);
    expect(rotated.response.status, JSON.stringify(rotated.error)).toBe(200);
    expect(rotated.data?.rotation.rotated).toBe(1);
  });

  it("POST /exports", async () => {
    const exports = async () => ({
      records: (await expectOk(client.GET("/api/projects/{slug}/exports", gamma))).count,
      files: await readdir(join(server.appRoot, "var/exports")).catch(() => []),
    });
    await expectAllRefused("POST", api("/exports"), exports);
    await expectAllRefused("POST", api("/export"), exports);

    const written = await client.POST("/api/projects/{slug}/exports", gamma);
    expect(written.response.status, JSON.stringify(written.error)).toBe(200);
    expect((await exports()).records).toBe(1);
  });

  it("POST /storage/s3/sync", async () => {
    // The project has no S3 storage: the handler's own answer is the "as before" to compare with.
    const control = await client.POST("/api/projects/{slug}/storage/s3/sync", { ...gamma, body: {} });
    expect([403, 415]).not.toContain(control.response.status);
    await expectAllRefused("POST", api("/storage/s3/sync"), async () => null);
    const bodyless = await client.POST("/api/projects/{slug}/storage/s3/sync", gamma);
    expect({ status: bodyless.response.status, code: bodyless.error?.error_code }).toEqual({
      status: control.response.status,
      code: control.error?.error_code,
    });
  });

  it("POST /agent/instructions/{id}/confirm and /cancel", async () => {
    const create = async (text: string) => {
      const body = { instruction_text: text };
      return (await expectOk(client.POST("/api/projects/{slug}/agent/instructions", { ...gamma, body }))).instruction
        .id;
    };
    const instruction = (instructionId: string) => ({ params: { path: { slug, instructionId } } });
    const status = async (id: string) =>
      (await expectOk(client.GET("/api/projects/{slug}/agent/instructions/{instructionId}", instruction(id))))
        .instruction.status;
    const toConfirm = await create("Repaint the sky");
    const toCancel = await create("Add rain");
    await expectAllRefused("POST", api(`/agent/instructions/${toConfirm}/confirm`), () => status(toConfirm));
    await expectAllRefused("POST", api(`/agent/instructions/${toCancel}/cancel`), () => status(toCancel));

    const confirmed = await client.POST(
      "/api/projects/{slug}/agent/instructions/{instructionId}/confirm",
      instruction(toConfirm),
    );
    expect(confirmed.response.status).toBe(200);
    expect(await status(toConfirm)).toBe("confirmed");
    const canceled = await client.POST(
      "/api/projects/{slug}/agent/instructions/{instructionId}/cancel",
      instruction(toCancel),
    );
    expect(canceled.response.status).toBe(200);
    expect(await status(toCancel)).toBe("canceled");
  });

  it("POST /runs/{id}/resume and /runs/{id}/cancel", async () => {
    const root = (await expectOk(client.GET("/api/projects/{slug}", gamma))).storage.local.project_root;
    await putScenes(root, ["scenes/a.png"]);
    // A dry run that finished, then marked interrupted (as a stopped server leaves it) to resume.
    const dry = await client.POST("/api/projects/{slug}/runs/trigger", {
      ...gamma,
      body: { mode: "dry", input: "scenes" },
    });
    expect(dry.response.status, JSON.stringify(dry.error)).toBe(200);
    const resumable = dry.data?.pipeline_trigger.run_id ?? "";
    await waitForRunStatus(resumable, "succeeded");
    // A paid run whose image request is never answered holds the queue, so the resumed run waits.
    const paid = await client.POST("/api/projects/{slug}/runs/trigger", {
      ...gamma,
      body: { mode: "run", confirm_spend: true, input: "scenes" },
    });
    expect(paid.response.status, JSON.stringify(paid.error)).toBe(200);
    const holding = paid.data?.pipeline_trigger.run_id ?? "";
    await provider.requested;
    await server.db.updateTable("runs").set({ status: "interrupted" }).where("id", "=", resumable).execute();

    await expectAllRefused("POST", api(`/runs/${resumable}/resume`), () => runStatus(resumable));
    const resumed = await client.POST("/api/projects/{slug}/runs/{runId}/resume", runPath(resumable));
    expect(resumed.response.status, JSON.stringify(resumed.error)).toBe(200);
    expect(await runStatus(resumable)).toBe("queued");

    await expectAllRefused("POST", api(`/runs/${resumable}/cancel`), () => runStatus(resumable));
    await expectAllRefused("POST", api(`/runs/${holding}/cancel`), () => runStatus(holding));
    const cancel = (runId: string) => client.POST("/api/projects/{slug}/runs/{runId}/cancel", runPath(runId));
    expect((await cancel(resumable)).response.status).toBe(200);
    expect(await runStatus(resumable)).toBe("canceled");
    expect((await cancel(holding)).response.status).toBe(200);
    expect(["canceling", "canceled"]).toContain(await runStatus(holding));
  });

  it("DELETE of a record", async () => {
    const body = { name: "Noir", instructions: "High contrast" };
    const created = await expectOk(client.POST("/api/projects/{slug}/style-guides", { ...gamma, body }));
    const id = created.style_guide.id;
    const styleGuide = { params: { path: { slug, styleGuideId: id } } };
    const exists = async () =>
      (await client.GET("/api/projects/{slug}/style-guides/{styleGuideId}", styleGuide)).response.status;
    await expectAllRefused("DELETE", api(`/style-guides/${id}`), exists);
    expect((await client.DELETE("/api/projects/{slug}/style-guides/{styleGuideId}", styleGuide)).response.status).toBe(
      200,
    );
    expect(await exists()).toBe(404);
  });

  it("requests from the server's own origin pass, under each of its loopback names", async () => {
    const own: Array<Record<string, string>> = [
      { origin: server.url },
      { origin: `http://localhost:${server.port}` },
      { origin: `http://[::1]:${server.port}` },
      { origin: server.url, "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "none" },
    ];
    for (const headers of own) {
      const answer = await send("POST", api("/characters"), {
        json: { name: `Own ${JSON.stringify(headers)}` },
        headers,
      });
      expect(answer.status, `${JSON.stringify(headers)}: ${answer.text}`).toBe(200);
    }
    // A JSON body sent with a charset or a +json type is still JSON.
    const charset = await send("POST", api("/characters"), {
      json: { name: "Charset" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(200);
    // A JSON route still refuses a body sent as text/plain, as before.
    const plain = await send("POST", api("/characters"), {
      json: { name: "Plain" },
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(415);
  });

  it("POST /auth/token: a page elsewhere cannot create the first token and lock the owner out", async () => {
    const tokens = async () => (await expectOk(client.GET("/auth/tokens"))).count;
    expect(await tokens()).toBe(0);
    await expectAllRefused("POST", "/auth/token", tokens);
    expect(await tokens()).toBe(0);

    const created = await client.POST("/auth/token");
    expect(created.response.status, JSON.stringify(created.error)).toBe(200);
    const token = created.data?.auth_token.token;
    const listed = await portClient(server.url, { token }).GET("/auth/tokens");
    expect(listed.data?.count).toBe(1);
  });
});
