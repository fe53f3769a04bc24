import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { putFileAsset, sha256 } from "../../../test/assets.js";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function serve(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer({ agentDispatch: false, ...options });
  servers.push(server);
  return server;
}

interface Sent {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON, which the server has validated against the spec
  body: any;
  /** The `Set-Cookie` headers of the response. */
  cookies: string[];
}

/** A request as a browser would send it: headers of our choosing, a cookie, JSON bodies. */
async function send(
  server: TestServer,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; bearer?: string; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie !== undefined) headers.cookie = `kroma_session=${options.cookie}`;
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    cookies: response.headers.getSetCookie(),
  };
}

/** The first token (none is needed to create it on a fresh loopback server in `auto` mode). */
async function firstToken(server: TestServer, body: Record<string, unknown> = { label: "studio" }) {
  const created = await httpClient(server.url)("POST", "/auth/token", body);
  expect(created.status).toBe(200);
  return created.body.auth_token as { id: string; token: string; token_prefix: string };
}

/** Signs in with `token` and returns the session's secret, read from its `Set-Cookie`. */
async function signIn(server: TestServer, token: string): Promise<{ secret: string; response: Sent }> {
  const response = await send(server, "POST", "/auth/session", { bearer: token });
  expect(response.status).toBe(201);
  const secret = /^kroma_session=([^;]+);/.exec(response.cookies[0] ?? "")?.[1];
  expect(secret, "the secret in Set-Cookie").toBeDefined();
  return { secret: secret as string, response };
}

/** A failure in the envelope: status, kind and code, and a message equal to or matching `error`. */
function expectFailure(answer: Sent, status: number, [kind, code]: [string, string], error: string | RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ ok: false, error_kind: kind, error_code: code });
  if (typeof error === "string") expect(answer.body.error).toBe(error);
  else expect(answer.body.error).toMatch(error);
}

const auditRows = (server: TestServer, action: string) =>
  server.db.selectFrom("audit_events").selectAll().where("action", "=", action).execute();

describe("signing in", () => {
  it("exchanges the token for an HttpOnly, SameSite=Strict cookie that works on reads and writes", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const { secret, response } = await signIn(server, token.token);

    const [cookie] = response.cookies;
    const attributes = (cookie ?? "").split("; ").slice(1).sort();
    expect(attributes).toEqual(["HttpOnly", "Max-Age=43200", "Path=/", "SameSite=Strict"]);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The body names the session and its token, never the token's value or the session's secret.
    expect(response.body.auth_session.token).toMatchObject({ id: token.id, label: "studio", project_id: null });
    expect(JSON.stringify(response.body)).not.toContain(token.token);
    expect(JSON.stringify(response.body)).not.toContain(secret);
    const expiresIn = Date.parse(response.body.auth_session.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(12 * 3600_000);

    // The cookie alone (no bearer header) now stands for the token.
    expect((await send(server, "GET", "/api/projects")).status).toBe(401);
    expect((await send(server, "GET", "/api/projects", { cookie: secret })).status).toBe(200);
    const created = await send(server, "POST", "/api/projects", { cookie: secret, body: { name: "Studio" } });
    expect(created.status).toBe(200);
    const me = await send(server, "GET", "/auth/session", { cookie: secret });
    expect(me.status).toBe(200);
    expect(me.body.auth_session).toMatchObject({ id: response.body.auth_session.id, token: { label: "studio" } });

    // Audited like other auth writes; the actor of a cookie request is the token behind it.
    const [signedIn] = await auditRows(server, "auth_session.create");
    expect(signedIn).toMatchObject({ actor_token_id: token.id, target_id: response.body.auth_session.id });
    expect(signedIn?.detail_json).not.toContain(secret);
    const [project] = await auditRows(server, "project.create");
    expect(project?.actor_token_id).toBe(token.id);
  });

  it("takes the token from a JSON body too, but not from both places, and refuses bad tokens", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const viaBody = await send(server, "POST", "/auth/session", { body: { token: token.token } });
    expect(viaBody.status).toBe(201);
    expect(viaBody.cookies[0]).toMatch(/^kroma_session=[A-Za-z0-9_-]{43};/);

    const both = await send(server, "POST", "/auth/session", { bearer: token.token, body: { token: token.token } });
    expectFailure(both, 400, ["validation", "validation_error"], /not both/);
    expect(both.cookies).toEqual([]);
    const wrong = await send(server, "POST", "/auth/session", { body: { token: "kroma_wrong" } });
    expectFailure(wrong, 401, ["policy", "unauthorized"], "Invalid API token");
    const none = await send(server, "POST", "/auth/session", { body: {} });
    expectFailure(none, 401, ["policy", "unauthorized"], /Sign-in takes an API token/);
    // A stale cookie does not stand in the way of signing in again.
    expect((await send(server, "POST", "/auth/session", { bearer: token.token, cookie: "stale" })).status).toBe(201);
    // A session is not a credential for a new one.
    const { secret } = await signIn(server, token.token);
    expect((await send(server, "POST", "/auth/session", { cookie: secret })).status).toBe(401);
  });

  it("stores only the SHA-256 of the session secret", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const { secret, response } = await signIn(server, token.token);
    const row = await server.db
      .selectFrom("auth_sessions")
      .selectAll()
      .where("id", "=", response.body.auth_session.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ token_id: token.id, revoked_at: null });
    expect(row.secret_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(Object.values(row)).not.toContain(secret);
    for (const name of ["app.db", "app.db-wal"]) {
      const file = join(server.appRoot, "var/backend", name);
      expect(existsSync(file), `${name} exists`).toBe(true);
      expect(readFileSync(file).includes(secret), name).toBe(false);
    }
  });

  it("gives a project-scoped token a session with the same scope", async () => {
    const server = await serve();
    const admin = await firstToken(server);
    const bearer = httpClient(server.url, { token: admin.token });
    await bearer("POST", "/api/projects", { name: "Mine" });
    await bearer("POST", "/api/projects", { name: "Theirs" });
    const scoped = (await bearer("POST", "/auth/token", { project_slug: "mine" })).body.auth_token;
    const { secret, response } = await signIn(server, scoped.token);
    expect(response.body.auth_session.token).toMatchObject({ project_slug: "mine" });
    expect((await send(server, "GET", "/api/projects/mine", { cookie: secret })).status).toBe(200);
    expectFailure(
      await send(server, "GET", "/api/projects/theirs", { cookie: secret }),
      403,
      ["policy", "forbidden"],
      "Token is not authorized for this project",
    );
    expect((await send(server, "GET", "/auth/tokens", { cookie: secret })).status).toBe(403);
  });
});

describe("a session ends", () => {
  it("when it expires (KROMA_SESSION_TTL_MS)", async () => {
    // Long enough for one request on a busy machine, short enough to wait for.
    const server = await serve({ sessionTtlMs: 2000 });
    const token = await firstToken(server);
    const { secret, response } = await signIn(server, token.token);
    expect(response.cookies[0]).toContain("Max-Age=2;");
    expect((await send(server, "GET", "/api/projects", { cookie: secret })).status).toBe(200);
    const left = Date.parse(response.body.auth_session.expires_at) - Date.now();
    expect(left).toBeLessThanOrEqual(2000);
    await new Promise((resolve) => setTimeout(resolve, left + 50));
    const expired = await send(server, "GET", "/api/projects", { cookie: secret });
    expectFailure(expired, 401, ["policy", "unauthorized"], "Session has expired; sign in again");
    expect((await send(server, "GET", "/auth/session", { cookie: secret })).status).toBe(401);
    // The token itself still works.
    expect((await send(server, "GET", "/api/projects", { bearer: token.token })).status).toBe(200);
  });

  it("on DELETE /auth/session, which clears the cookie and is audited", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const { secret, response } = await signIn(server, token.token);
    const signedOut = await send(server, "DELETE", "/auth/session", { cookie: secret });
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ ok: true, deleted: true, session_id: response.body.auth_session.id });
    expect(signedOut.cookies).toHaveLength(1);
    expect(signedOut.cookies[0]).toMatch(/^kroma_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);

    const after = await send(server, "GET", "/api/projects", { cookie: secret });
    expectFailure(after, 401, ["policy", "unauthorized"], "Session has ended; sign in again");
    const me = await send(server, "GET", "/auth/session", { cookie: secret });
    expectFailure(me, 401, ["policy", "unauthorized"], "Session has ended; sign in again");
    // Signing out again is refused, and still clears the cookie.
    const again = await send(server, "DELETE", "/auth/session", { cookie: secret });
    expect(again.status).toBe(401);
    expect(again.cookies[0]).toContain("Max-Age=0");
    expect(await auditRows(server, "auth_session.revoke")).toMatchObject([
      { actor_token_id: token.id, target_id: response.body.auth_session.id },
    ]);
    const row = await server.db.selectFrom("auth_sessions").select("revoked_at").executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  it("with every other session of its token when the token is revoked", async () => {
    const server = await serve();
    const first = await firstToken(server);
    const other = (await httpClient(server.url, { token: first.token })("POST", "/auth/token", {})).body.auth_token;
    const laptop = await signIn(server, first.token);
    const phone = await signIn(server, first.token);
    const kept = await signIn(server, other.token);
    const revoked = await send(server, "DELETE", `/auth/tokens/${first.id}`, { cookie: kept.secret });
    expect(revoked.status).toBe(200);
    for (const { secret } of [laptop, phone]) {
      const refused = await send(server, "GET", "/api/projects", { cookie: secret });
      expectFailure(refused, 401, ["policy", "unauthorized"], "The API token of this session has been revoked");
      expect((await send(server, "GET", "/auth/session", { cookie: secret })).status).toBe(401);
    }
    expect((await send(server, "GET", "/api/projects", { cookie: kept.secret })).status).toBe(200);
    // The revocation was done by cookie: its actor is the token behind that session.
    expect(await auditRows(server, "auth_token.revoke")).toMatchObject([{ actor_token_id: other.id }]);
  });

  it("when its token expires", async () => {
    const server = await serve();
    const token = await firstToken(server, { expires_in_days: 1 });
    const { secret, response } = await signIn(server, token.token);
    // Never past the token's own expiry.
    expect(response.body.auth_session.expires_at <= response.body.auth_session.token.expires_at).toBe(true);
    await server.db.updateTable("auth_tokens").set({ expires_at: "2000-01-01T00:00:00.000Z" }).execute();
    const refused = await send(server, "GET", "/api/projects", { cookie: secret });
    expectFailure(refused, 401, ["policy", "unauthorized"], "The API token of this session has expired");
  });

  it("is no session at all for an unknown secret (another server's cookie on the same host)", async () => {
    const server = await serve();
    // No token yet: nothing is required, and a cookie this server never issued changes nothing.
    expect((await send(server, "GET", "/api/projects", { cookie: "made-up" })).status).toBe(200);
    await firstToken(server);
    const refused = await send(server, "GET", "/api/projects", { cookie: "made-up" });
    expectFailure(refused, 401, ["policy", "unauthorized"], /^Missing Authorization: Bearer token \(the kroma_session/);
    const me = await send(server, "GET", "/auth/session", { cookie: "made-up" });
    expectFailure(me, 401, ["policy", "unauthorized"], "Unknown session; sign in again");
    expect((await send(server, "GET", "/auth/session")).body.error).toBe("Not signed in: no session cookie");
  });
});

describe("cookie-authenticated requests", () => {
  it("are refused when a write comes from another site, accepted from the server's own pages", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const { secret } = await signIn(server, token.token);
    const write = (headers: Record<string, string>) =>
      send(server, "POST", "/api/projects", { cookie: secret, body: { name: "Forged" }, headers });

    expectFailure(await write({ origin: "https://evil.example" }), 403, ["policy", "forbidden"], /Cross-site/);
    expectFailure(await write({ "sec-fetch-site": "cross-site" }), 403, ["policy", "forbidden"], /Cross-site/);
    expect((await send(server, "GET", "/api/projects", { cookie: secret })).body.count).toBe(0);
    expect((await write({ origin: server.url, "sec-fetch-site": "same-origin" })).status).toBe(200);
    // Nor can a page elsewhere sign a browser in, or out.
    const foreign = { origin: "https://evil.example" };
    expect(
      (await send(server, "POST", "/auth/session", { body: { token: token.token }, headers: foreign })).status,
    ).toBe(403);
    expect((await send(server, "DELETE", "/auth/session", { cookie: secret, headers: foreign })).status).toBe(403);
    expect((await send(server, "GET", "/auth/session", { cookie: secret })).status).toBe(200);
  });

  it("load a project's images the way an <img> does: the cookie is the only credential", async () => {
    const server = await serve();
    const created = await httpClient(server.url)("POST", "/api/projects", { name: "Pictures" });
    const project = { projectId: created.body.project.id, root: created.body.storage.local.project_root };
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c03" } })
      .png()
      .toBuffer();
    const assetId = await putFileAsset(server.db, project, "uploads/red.png", png, "image/png");
    const token = await firstToken(server);
    const { secret } = await signIn(server, token.token);
    const base = `${server.url}/api/projects/pictures/assets/${assetId}`;
    for (const url of [`${base}/file`, `${base}/thumbnail?size=128`]) {
      expect((await fetch(url)).status, url).toBe(401);
      const loaded = await fetch(url, { headers: { cookie: `kroma_session=${secret}`, "sec-fetch-dest": "image" } });
      expect(loaded.status, url).toBe(200);
      const bytes = Buffer.from(await loaded.arrayBuffer());
      if (url.endsWith("/file")) expect(sha256(bytes)).toBe(sha256(png));
      else expect(loaded.headers.get("content-type")).toBe("image/webp");
    }
  });

  it("never take a token or a session from the query string", async () => {
    const server = await serve();
    const token = await firstToken(server);
    const { secret } = await signIn(server, token.token);
    for (const query of [`token=${token.token}`, `access_token=${token.token}`, `kroma_session=${secret}`]) {
      const refused = await send(server, "GET", `/api/projects?${query}`);
      expectFailure(refused, 401, ["policy", "unauthorized"], "Missing Authorization: Bearer token");
      expect((await send(server, "POST", `/auth/session?${query}`)).status, query).toBe(401);
    }
  });
});

describe("sessions and the auth modes", () => {
  it("auto with no token yet: nothing to sign in with (409), and nothing needed", async () => {
    const server = await serve();
    const refused = await send(server, "POST", "/auth/session");
    expectFailure(refused, 409, ["validation", "conflict"], /No API token exists yet/);
    expect(refused.cookies).toEqual([]);
    expect((await send(server, "GET", "/auth/session")).status).toBe(401);
    expect((await send(server, "GET", "/api/projects")).status).toBe(200);
  });

  it("off: sessions still sign in and say who is signed in, though no route needs one", async () => {
    const server = await serve({ authMode: "off" });
    const token = await firstToken(server);
    const { secret } = await signIn(server, token.token);
    expect((await send(server, "GET", "/auth/session", { cookie: secret })).body.auth_session.token.id).toBe(token.id);
    expect((await send(server, "GET", "/api/projects", { cookie: "anything" })).status).toBe(200);
  });

  it("required, before any token exists: 409 as well (the first token comes from `kroma tokens create --db`)", async () => {
    const server = await serve({ authMode: "required" });
    expect((await send(server, "POST", "/auth/session")).status).toBe(409);
    expect((await send(server, "GET", "/api/projects")).status).toBe(401);
  });
});
