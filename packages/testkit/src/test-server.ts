import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunExecutionOptions, type RunningServer, type StartServerOptions, startServer } from "@kroma/server";
import { afterAll, beforeAll } from "vitest";
import { type ApiClient, portClient } from "./api-client.js";
import { type HttpCall, httpClient } from "./http-client.js";
import { type ImagesServer, startImagesServer } from "./images-server.js";

export interface TestServer extends RunningServer {
  /** Temporary app root holding the database (`var/backend/app.db`) and project files. */
  appRoot: string;
  stop(): Promise<void>;
}

/**
 * A real server on a free loopback port with a real SQLite file in a fresh temporary app root.
 * Every JSON response it sends is validated against the spec (a mismatch is a 500).
 * `options` are passed on to `startServer` (e.g. `agentDispatch`).
 */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const appRoot = await mkdtemp(join(tmpdir(), "kroma-test-"));
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    dbPath: join(appRoot, "var/backend/app.db"),
    appRoot,
    validateResponses: true,
    ...options,
  });
  return {
    ...server,
    appRoot,
    async stop() {
      await server.close();
      await rm(appRoot, { recursive: true, force: true });
    },
  };
}

/**
 * One test server for the whole test file: started (with the named projects created) before the
 * file's tests and stopped after them. `api.server`, `api.client` (typed, see `portClient`) and
 * `api.call` (untyped, for requests the spec does not describe) are set once `beforeAll` ran.
 *
 * @example
 * const api = useTestServer({ projects: ["Cast", "Other"] });
 * it("lists", async () => expect((await api.client.GET("/api/projects")).data?.count).toBe(2));
 */
export function useTestServer(options: Partial<StartServerOptions> & { projects?: string[] } = {}) {
  const { projects = [], ...serverOptions } = options;
  const api = {} as { server: TestServer; client: ApiClient; call: HttpCall };
  beforeAll(async () => {
    api.server = await startTestServer(serverOptions);
    api.client = portClient(api.server.url);
    api.call = httpClient(api.server.url);
    for (const name of projects) await api.call("POST", "/api/projects", { name });
  });
  afterAll(() => api.server?.stop());
  return api;
}

/**
 * {@link useTestServer} for paid runs: the server generates against a local images stand-in
 * (`startImagesServer`, started before the file's tests, closed after), with the gpt-image-1
 * defaults and a 1 ms retry back-off. `paid.images` is the stand-in, to script and inspect.
 *
 * @example
 * const paid = usePaidTestServer({ projects: ["Review"] });
 * it("runs", async () => { paid.images.script(() => ({ image: "gray" })); ... });
 */
export function usePaidTestServer(
  options: {
    projects?: string[];
    apiKey?: string;
    /** More of the server's run execution settings (attempts, timeout, concurrency...). */
    execution?: Partial<Omit<RunExecutionOptions, "openaiApiKey" | "openaiBaseUrl">>;
    /** More of the server's own options (e.g. `triggerWaitMaxS`). */
    server?: Partial<Omit<StartServerOptions, "runExecution">>;
  } = {},
) {
  const stand: { images?: ImagesServer } = {};
  const api = useTestServer({
    agentDispatch: false,
    ...options.server,
    projects: options.projects ?? [],
    runExecution: {
      openaiApiKey: options.apiKey ?? "sk-test-paid",
      // Read when a run starts, after beforeAll started the stand-in.
      get openaiBaseUrl() {
        return `${stand.images?.url}/v1`;
      },
      image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
      retryDelayMs: 1,
      ...options.execution,
    },
  });
  beforeAll(async () => {
    stand.images = await startImagesServer();
  });
  afterAll(() => stand.images?.close());
  return {
    api,
    get images(): ImagesServer {
      if (!stand.images) throw new Error("usePaidTestServer: the images stand-in starts in beforeAll");
      return stand.images;
    },
  };
}
