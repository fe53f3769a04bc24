import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createKromaClient, defaultBaseUrl, KromaApiError } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sdkEntry } from "./sdk-under-test.js";

const run = promisify(execFile);
const dist = sdkEntry();

// Once a token exists the server (auth `auto`) requires one: a request without it is a 401.
let server: TestServer;
let token = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  token = (await createKromaClient({ baseUrl: server.url }).auth.createToken({ label: "env" })).auth_token.token;
});
afterAll(() => server.stop());
afterEach(() => vi.unstubAllEnvs());

const refusal = (request: Promise<unknown>) =>
  request.then(
    () => "answered",
    (error: unknown) => error,
  );

describe("createKromaClient and the environment", () => {
  it("takes KROMA_API_URL and KROMA_API_TOKEN when no options name a server", async () => {
    vi.stubEnv("KROMA_API_URL", server.url);
    vi.stubEnv("KROMA_API_TOKEN", token);
    const kroma = createKromaClient();
    expect(kroma.baseUrl).toBe(server.url);
    expect((await kroma.projects.upsert({ name: "From Env" })).project.slug).toBe("from_env");
  });

  it("sends the environment's token to the default server when KROMA_API_URL is unset", async () => {
    vi.stubEnv("KROMA_API_URL", "");
    vi.stubEnv("KROMA_API_TOKEN", token);
    // Nothing listens on the default port here: this fetch notes what would go there and hands it to the test server.
    const sent: Request[] = [];
    const kroma = createKromaClient({
      fetch: (input) => {
        const request = input as Request;
        sent.push(request);
        return fetch(new Request(request.url.replace(defaultBaseUrl, server.url), request));
      },
    });
    expect(kroma.baseUrl).toBe(defaultBaseUrl);
    await kroma.projects.list();
    expect(sent[0]?.url).toBe(`${defaultBaseUrl}/api/projects`);
    expect(sent[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
  });

  it("never sends the environment's token to a server named in the options", async () => {
    vi.stubEnv("KROMA_API_URL", "http://127.0.0.1:1");
    vi.stubEnv("KROMA_API_TOKEN", token);
    const kroma = createKromaClient({ baseUrl: server.url });
    expect(kroma.baseUrl).toBe(server.url);
    const refused = await refusal(kroma.projects.list());
    expect(refused).toBeInstanceOf(KromaApiError);
    expect(refused).toMatchObject({ status: 401, code: "unauthorized" });
    // Its own token, given beside it, is sent.
    const withToken = createKromaClient({ baseUrl: server.url, token });
    expect(await withToken.projects.list()).toMatchObject({ ok: true });
  });

  it("an explicit token wins over the environment's", async () => {
    vi.stubEnv("KROMA_API_URL", server.url);
    vi.stubEnv("KROMA_API_TOKEN", "kroma_not_a_real_token");
    expect(await refusal(createKromaClient().projects.list())).toMatchObject({ status: 401 });
    expect(await createKromaClient({ token }).projects.list()).toMatchObject({ ok: true });
  });

  it("works where there is no `process` (a browser), and reads none while loading", async () => {
    // The built module, loaded by a Node that counts reads of `process` and then removes it.
    const program = `
      const real = globalThis.process;
      let reads = 0;
      Object.defineProperty(globalThis, "process", { configurable: true, get() { reads++; return real; } });
      const { createKromaClient } = await import(${JSON.stringify(dist)});
      const readsWhileLoading = reads;
      delete globalThis.process;
      const local = createKromaClient();
      const health = await createKromaClient({ baseUrl: real.argv[1], token: "t" }).health();
      real.stdout.write(JSON.stringify({ readsWhileLoading, process: typeof process, baseUrl: local.baseUrl, service: health.service }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", program, server.url]);
    expect(JSON.parse(stdout)).toEqual({
      readsWhileLoading: 0,
      process: "undefined",
      baseUrl: defaultBaseUrl,
      service: "kroma-backend-core",
    });
  });
});
