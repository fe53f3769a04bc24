// Issue 13 point 12 (first bullet) — review §12 "Host header edge cases". `Host: LOCALHOST:<port>`
// (valid: host names are case-insensitive), `127.0.0.1:<port>.` and `127.0.0.1:<port>:80` got a
// bare 400 with an empty body from @hono/node-server (its `newRequest` throws "Invalid host
// header" for a Host it would lower-case, and `new URL` fails on the other two) instead of the
// error envelope. Now LOCALHOST passes like localhost, a Host the loopback server refuses is a
// 403 envelope naming it, and a request the server cannot read at all is a 400 envelope.

import { rawRequest, startTestServer, type TestServer, useTestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const api = useTestServer({ projects: ["Hosts"] });
// Raw: fetch (and so the typed client) cannot set a Host header of its own.
const withHost = (host: string, method = "GET", path = "/health", body?: string) =>
  rawRequest(api.server.url, method, path, { headers: { host }, body });

describe("Host headers on a loopback server", () => {
  it("accepts its own names in any letter case", async () => {
    const port = api.server.port;
    for (const host of [`LOCALHOST:${port}`, `LocalHost:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]) {
      const health = await withHost(host);
      expect(health.status, `${host}: ${health.text}`).toBe(200);
      expect(health.body).toMatchObject({ ok: true, status: "ok" });
      const projects = await withHost(host, "GET", "/api/projects");
      expect(projects.status, `${host}: ${projects.text}`).toBe(200);
      expect(projects.body.count).toBe(1);
    }
    // Writes too (a same-origin page on that name sends its Origin).
    const created = await rawRequest(api.server.url, "POST", "/api/projects", {
      headers: { host: `LOCALHOST:${port}`, origin: `http://localhost:${port}` },
      body: JSON.stringify({ name: "Upper" }),
    });
    expect(created.status, created.text).toBe(200);
  });

  it("refuses malformed and foreign Hosts with the 403 envelope, never a bare 400", async () => {
    const port = api.server.port;
    for (const host of [`127.0.0.1:${port}.`, `127.0.0.1:${port}:80`, `EVIL.example:${port}`, `127.0.0.1:${port}/x`]) {
      for (const [method, path, body] of [
        ["GET", "/health", undefined],
        ["GET", "/api/projects", undefined],
        ["POST", "/api/projects", JSON.stringify({ name: "Nope" })],
      ] as const) {
        const answer = await withHost(host, method, path, body);
        expect(answer.status, `${method} ${path} with Host ${host}: '${answer.text}'`).toBe(403);
        expect(answer.headers["content-type"]).toMatch(/^application\/json/);
        expect(answer.body).toEqual({
          ok: false,
          error: `Host '${host}' is not allowed; use 127.0.0.1:${port} or localhost:${port}`,
          error_kind: "policy",
          error_code: "forbidden",
        });
      }
    }
    expect((await api.client.GET("/api/projects")).data?.count).toBe(2);
  });
});

describe("a request the server cannot read, on a server bound to every address", () => {
  let open: TestServer;
  beforeAll(async () => {
    // Not loopback: no Host allow-list, so a malformed Host reaches the HTTP layer's own check.
    open = await startTestServer({ host: "0.0.0.0", authMode: "required" });
  });
  afterAll(() => open?.stop());

  it("answers a malformed Host or a backslash path with a 400 envelope", async () => {
    const base = `http://127.0.0.1:${open.port}`;
    const cases: Array<{ headers: Record<string, string>; path: string }> = [
      { headers: { host: `127.0.0.1:${open.port}.` }, path: "/health" },
      { headers: { host: `127.0.0.1:${open.port}:80` }, path: "/health" },
      { headers: {}, path: "/api\\projects" },
    ];
    for (const { headers, path } of cases) {
      const answer = await rawRequest(base, "GET", path, { headers });
      expect(answer.status, `${JSON.stringify(headers)} ${path}: '${answer.text}'`).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error_kind: "validation", error_code: "validation_error" });
      expect(answer.body.error).toMatch(/^Malformed request: /);
    }
    // A name in capitals is a valid Host here too: it reaches the token check.
    const upper = await rawRequest(base, "GET", "/api/projects", { headers: { host: `KROMA.EXAMPLE:${open.port}` } });
    expect(upper.status).toBe(401);
    expect(upper.body).toMatchObject({ error_code: "unauthorized" });
  });
});
