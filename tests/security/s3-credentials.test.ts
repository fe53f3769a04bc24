// Issue 13 point 5 (security review §5 "a scoped token makes the server send its own AWS
// credentials and project files anywhere"): a project-set S3 endpoint_url gets only that
// project's own credentials. The server's credentials (here fake values in the environment of the
// built `kroma serve`) go to AWS itself or to endpoints listed in KROMA_S3_TRUSTED_ENDPOINTS.
// Two raw listeners on 127.0.0.1 stand for S3: one trusted, one not, each recording every request.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiClient, kromaBin, portClient, putScenes, type ServedProcess, spawnServer } from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const serverCredentials = {
  AWS_ACCESS_KEY_ID: "AKIASERVEROPERATOR01",
  AWS_SECRET_ACCESS_KEY: "server-secret-access-key-never-sent",
  AWS_SESSION_TOKEN: "SERVER-SESSION-TOKEN-SECRET-123",
};
const projectKeyId = "AKIAPROJECTOWNKEY001";

/** A stand-in S3 that accepts every request (200, an ETag) and records its method, path and headers. */
interface Listener {
  url: string;
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function startListener(): Promise<Listener> {
  const requests: Listener["requests"] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { etag: '"0123456789abcdef"', "content-length": "0" });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The access key id a SigV4 `Authorization` header names (`Credential=<id>/...`). */
const keyIdOf = (headers: IncomingHttpHeaders) => /Credential=([^/,\s]+)\//.exec(headers.authorization ?? "")?.[1];

let appRoot = "";
let served: ServedProcess;
let trusted: Listener;
let untrusted: Listener;
let admin: ApiClient;
let scoped: ApiClient;
let scopedToken = "";
const env = () => ({ ...serverCredentials, KROMA_S3_TRUSTED_ENDPOINTS: `${trusted.url}/` });

function kroma(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [kromaBin, ...args],
      {
        cwd: appRoot,
        env: { ...process.env, ...env(), KROMA_APP_ROOT: appRoot, KROMA_BACKEND_DB: "var/backend/app.db" },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A project whose S3 storage points at `endpoint`, with one file, set up by `client`. */
async function projectAt(client: ApiClient, slug: string, endpoint: string): Promise<void> {
  const s3 = await client.PUT("/api/projects/{slug}/storage/s3", {
    ...inProject(slug),
    body: { enabled: true, bucket: "b", endpoint_url: endpoint, region: "us-east-1" },
  });
  expect(s3.response.status, JSON.stringify(s3.data ?? s3.error)).toBe(200);
  const root = (await expectOk(admin.GET("/api/projects/{slug}", inProject(slug)))).storage.local.project_root;
  await mkdir(root, { recursive: true });
  await writeFile(join(root, "a.txt"), `files of ${slug}`);
  await putScenes(root, ["scenes/a.png"]);
}

beforeAll(async () => {
  [trusted, untrusted] = await Promise.all([startListener(), startListener()]);
  appRoot = await mkdtemp(join(tmpdir(), "kroma-s3-credentials-"));
  served = await spawnServer(appRoot, env());
  const local = portClient(served.url);
  for (const name of ["small", "ops"]) {
    expect((await local.POST("/api/projects", { body: { name } })).response.status).toBe(200);
  }
  admin = portClient(served.url, { token: (await local.POST("/auth/token", { body: {} })).data?.auth_token.token });
  scopedToken = (await admin.POST("/auth/token", { body: { project_slug: "small" } })).data?.auth_token.token ?? "";
  scoped = portClient(served.url, { token: scopedToken });
  // The review's repro: a scoped token may set its S3 settings, endpoint included.
  await projectAt(scoped, "small", untrusted.url);
  await projectAt(admin, "ops", trusted.url);
});
afterAll(async () => {
  await served?.stop();
  await Promise.all([trusted?.close(), untrusted?.close()]);
  await rm(appRoot, { recursive: true, force: true });
});

describe("the server's own credentials", () => {
  it("go to an endpoint the operator listed in KROMA_S3_TRUSTED_ENDPOINTS", async () => {
    const { response, data } = await admin.POST("/api/projects/{slug}/storage/s3/sync", {
      ...inProject("ops"),
      body: {},
    });
    expect(response.status).toBe(200);
    expect(data?.sync).toMatchObject({ uploaded: 2, failed: 0 });
    expect(trusted.requests.length).toBeGreaterThan(0);
    expect(trusted.requests.map((r) => keyIdOf(r.headers))).toEqual(
      trusted.requests.map(() => serverCredentials.AWS_ACCESS_KEY_ID),
    );
  });

  it("never go to an unlisted endpoint a project set: API, CLI and trigger refuse before sending anything", async () => {
    const api = await scoped.POST("/api/projects/{slug}/storage/s3/sync", { ...inProject("small"), body: {} });
    expect(api.response.status).toBe(400);
    expect(api.error).toMatchObject({
      ok: false,
      error_code: "validation_error",
      details: { field: "s3.endpoint_url" },
    });
    expect(api.error?.error).toContain("KROMA_S3_TRUSTED_ENDPOINTS");
    expect(api.error?.error).toContain("aws/access_key_id");

    // The CLI asks the server to sync: the same refusal, whatever credentials this shell holds.
    const cli = await kroma(["--api-url", served.url, "--token", scopedToken, "sync", "s3", "-p", "small"]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain("KROMA_S3_TRUSTED_ENDPOINTS");

    const trigger = await scoped.POST("/api/projects/{slug}/runs/trigger", {
      ...inProject("small"),
      body: { scene_refs: ["scenes/a.png"], storage_sync_s3: true },
    });
    expect(trigger.response.status).toBe(400);
    expect(trigger.error?.error).toContain("KROMA_S3_TRUSTED_ENDPOINTS");
    expect((await scoped.GET("/api/projects/{slug}/runs", inProject("small"))).data?.total).toBe(0);

    // A dry run sends nothing either way.
    const dry = await scoped.POST("/api/projects/{slug}/storage/s3/sync", {
      ...inProject("small"),
      body: { dry_run: true },
    });
    expect(dry.response.status).toBe(200);
    expect(untrusted.requests).toEqual([]);
  });

  it("are replaced by the project's own secrets, which alone reach the unlisted endpoint", async () => {
    for (const [secret_name, secret_value] of [
      ["access_key_id", projectKeyId],
      ["secret_access_key", "project-own-secret-access-key"],
    ] as const) {
      const stored = await scoped.POST("/api/projects/{slug}/secrets", {
        ...inProject("small"),
        body: { provider_code: "aws", secret_name, secret_value },
      });
      expect(stored.response.status).toBe(200);
    }
    const { response, data } = await scoped.POST("/api/projects/{slug}/storage/s3/sync", {
      ...inProject("small"),
      body: {},
    });
    expect(response.status).toBe(200);
    expect(data?.sync).toMatchObject({ uploaded: 2, failed: 0 });
    expect(untrusted.requests.length).toBeGreaterThan(0);
    for (const request of untrusted.requests) {
      expect(keyIdOf(request.headers)).toBe(projectKeyId);
      const headers = JSON.stringify(request.headers);
      for (const value of Object.values(serverCredentials)) expect(headers).not.toContain(value);
    }
  });
});
