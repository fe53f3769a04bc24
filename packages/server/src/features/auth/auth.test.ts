import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { listOperations, openapiDocument } from "@kroma/contract";
import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { expectFailure } from "../../../test/envelope.js";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function serve(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer({ agentDispatch: false, ...options });
  servers.push(server);
  return { server, call: httpClient(server.url) };
}

const withToken = (baseUrl: string, token: string) => httpClient(baseUrl, { token });

/** Creates a token; while none exists (auto mode on loopback) no token is needed for that. */
async function createToken(call: ReturnType<typeof httpClient>, body: Record<string, unknown> = {}) {
  const created = await call("POST", "/auth/token", body);
  expect(created.status).toBe(200);
  return created.body.auth_token as { id: string; token: string; token_prefix: string };
}

describe("auth policy: auto (the default)", () => {
  it("keeps the seed's token-free quick start until the first token exists, then requires one", async () => {
    const { server, call } = await serve();
    expect((await call("POST", "/api/projects", { name: "DX Demo", slug: "dx_demo" })).status).toBe(200);
    expect((await call("GET", "/api/projects")).body.count).toBe(1);

    const token = await createToken(call, { label: "laptop" });
    expect(token.token).toMatch(/^kroma_[A-Za-z0-9_-]{43}$/);
    expect(token.token.startsWith(token.token_prefix)).toBe(true);

    const refused = await call("GET", "/api/projects");
    expectFailure(refused, 401, ["policy", "unauthorized"], "Missing Authorization: Bearer token");
    const authed = withToken(server.url, token.token);
    expect((await authed("GET", "/api/projects")).body.count).toBe(1);
    // Creating the next token needs a token now.
    expect((await call("POST", "/auth/token", {})).status).toBe(401);
    expect((await authed("POST", "/auth/token", { label: "ci" })).status).toBe(200);
    // Health and the API description stay public.
    expect((await call("GET", "/health")).status).toBe(200);
  });

  it("refuses every /api and /auth operation of the spec without a token once auth is required", async () => {
    const { call } = await serve();
    await createToken(call);
    const operations = listOperations(openapiDocument).filter((op) => /^\/(api|auth)\//.test(op.path));
    expect(operations.length).toBeGreaterThan(50);
    for (const { method, path } of operations) {
      const concrete = path.replace(/\{[^}]+\}/g, "x");
      const response = await call(
        method.toUpperCase(),
        concrete,
        method === "get" || method === "delete" ? undefined : {},
      );
      expect(response.status, `${method.toUpperCase()} ${path}`).toBe(401);
      expect(response.body.error_kind, `${method.toUpperCase()} ${path}`).toBe("policy");
    }
  });

  it("requires a token from the start when bound to a non-loopback address", async () => {
    const { server } = await serve({ host: "0.0.0.0" });
    const call = httpClient(server.url.replace("0.0.0.0", "127.0.0.1"));
    expect((await call("GET", "/api/projects")).status).toBe(401);
    expect((await call("POST", "/auth/token", {})).status).toBe(401);
  });
});

describe("tokens", () => {
  it("are stored only as a SHA-256 hash, never in the clear", async () => {
    const { server, call } = await serve();
    const token = await createToken(call, { label: "hashed" });
    const row = await server.db
      .selectFrom("auth_tokens")
      .selectAll()
      .where("id", "=", token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash("sha256").update(token.token).digest("hex"));
    expect(Object.values(row)).not.toContain(token.token);
    // Both files must be there to be searched: a missing one would let the check pass unread.
    for (const name of ["app.db", "app.db-wal"]) {
      const file = join(server.appRoot, "var/backend", name);
      expect(existsSync(file), `${name} exists`).toBe(true);
      expect(readFileSync(file).includes(token.token), name).toBe(false);
    }
  });

  it("are listed without secrets, and revocation takes effect on the next request", async () => {
    const { server, call } = await serve();
    const first = await createToken(call, { label: "first" });
    const authed = withToken(server.url, first.token);
    const second = (await authed("POST", "/auth/token", { label: "second" })).body.auth_token;

    const listed = await authed("GET", "/auth/tokens");
    expect(listed.body.count).toBe(2);
    expect(JSON.stringify(listed.body)).not.toContain(first.token);
    expect(JSON.stringify(listed.body)).not.toContain(second.token);
    expect(listed.body.auth_tokens.map((t: { label: string }) => t.label).sort()).toEqual(["first", "second"]);

    const secondCall = withToken(server.url, second.token);
    expect((await secondCall("GET", "/api/projects")).status).toBe(200);
    expect((await authed("DELETE", `/auth/tokens/${second.id}`)).body).toEqual({
      ok: true,
      deleted: true,
      token_id: second.id,
    });
    const revoked = await secondCall("GET", "/api/projects");
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toBe("API token has been revoked");
    const after = (await authed("GET", "/auth/tokens")).body.auth_tokens.find(
      (t: { id: string }) => t.id === second.id,
    );
    expect(after).toMatchObject({ active: false });
    expect(after.revoked_at).not.toBeNull();
    expect((await authed("DELETE", "/auth/tokens/nope")).status).toBe(404);
  });

  it("refuse unknown and expired tokens", async () => {
    const { server, call } = await serve();
    const token = await createToken(call, { expires_in_days: 1 });
    expect((await withToken(server.url, "kroma_not-a-real-token")("GET", "/api/projects")).body.error).toBe(
      "Invalid API token",
    );
    await server.db
      .updateTable("auth_tokens")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("id", "=", token.id)
      .execute();
    const expired = await withToken(server.url, token.token)("GET", "/api/projects");
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe("API token has expired");
  });

  it("validate their expiry and project scope", async () => {
    const { call } = await serve();
    for (const [body, message] of [
      [{ expires_at: "2000-01-01T00:00:00Z" }, "Field 'expires_at' must be in the future"],
      [{ expires_at: "2999-01-01T00:00:00Z", expires_in_days: 3 }, "Provide only one of: expires_at, expires_in_days"],
      [{ expires_in_days: 0 }, "Field 'expires_in_days' must be >= 1"],
    ] as const) {
      const response = await call("POST", "/auth/token", body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("POST", "/auth/token", { project_slug: "ghost" })).status).toBe(404);
  });

  it("scoped to one project get 403 on every other project and cannot manage tokens", async () => {
    const { server, call } = await serve();
    await call("POST", "/api/projects", { name: "Mine" });
    await call("POST", "/api/projects", { name: "Theirs" });
    const scoped = await createToken(call, { project_slug: "mine" });
    const authed = withToken(server.url, scoped.token);
    expect((await authed("GET", "/api/projects/mine")).status).toBe(200);
    expect((await authed("GET", "/api/projects/Mine/prompt-templates")).status).toBe(200);
    const refused = await authed("GET", "/api/projects/theirs");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: "Token is not authorized for this project",
      error_kind: "policy",
      error_code: "forbidden",
    });
    expect((await authed("GET", "/api/projects/theirs/characters")).status).toBe(403);
    expect((await authed("GET", "/auth/tokens")).status).toBe(403);
    const listed = await authed("GET", "/api/projects");
    expect(listed.body.projects.map((p: { slug: string }) => p.slug)).toEqual(["mine"]);
    expect((await authed("POST", "/api/projects", { name: "Mine", description: "renamed" })).status).toBe(200);
    expect((await authed("POST", "/api/projects", { name: "Elsewhere" })).status).toBe(403);
  });

  it("are recorded as the actor of the writes they make", async () => {
    const { server, call } = await serve();
    const token = await createToken(call, { label: "auditor" });
    await withToken(server.url, token.token)("POST", "/api/projects", { name: "Audited" });
    const events = await server.db.selectFrom("audit_events").selectAll().orderBy("created_at").execute();
    const created = events.find((e) => e.action === "auth_token.create");
    expect(created).toMatchObject({ actor_token_id: null, target_type: "auth_token", target_id: token.id });
    expect(created?.detail_json).not.toContain(token.token);
    expect(events.filter((e) => e.actor_token_id === token.id).length).toBeGreaterThan(0);
  });
});

describe("local mode guards against browsers", () => {
  function rawGet(server: TestServer, path: string, headers: Record<string, string>) {
    const url = new URL(path, server.url);
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: "GET", headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("refuses a Host that is not the bound loopback name (DNS rebinding)", async () => {
    const { server } = await serve();
    const port = new URL(server.url).port;
    const rebound = await rawGet(server, "/api/projects", { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error_kind: "policy", error_code: "forbidden" });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await rawGet(server, "/api/projects", { host })).status, host).toBe(200);
    }
  });

  it("sends no CORS headers, even to a cross-origin request", async () => {
    const { server } = await serve();
    const response = await rawGet(server, "/api/projects", { origin: "https://evil.example" });
    expect(response.status).toBe(200);
    expect(Object.keys(response.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});

describe("starting the server", () => {
  it("refuses to listen on a non-loopback address with auth off", async () => {
    await expect(serve({ host: "0.0.0.0", authMode: "off" })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0 with KROMA_API_AUTH=off/,
    );
  });

  it("with auth off, accepts requests without a token even after one exists", async () => {
    const { call } = await serve({ authMode: "off" });
    await createToken(call);
    expect((await call("GET", "/api/projects")).status).toBe(200);
  });

  it("with auth required, refuses from the very first request", async () => {
    const { call } = await serve({ authMode: "required" });
    expect((await call("GET", "/api/projects")).status).toBe(401);
    expect((await call("POST", "/auth/token", {})).status).toBe(401);
  });
});
