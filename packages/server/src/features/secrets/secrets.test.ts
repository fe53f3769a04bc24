import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectFailure, internalError } from "../../../test/envelope.js";
import { SecretDecryptionError } from "./crypto.js";
import { resolveProjectSecret } from "./repository.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
let server: TestServer;
let call: ReturnType<typeof httpClient>;
const projectIds: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  call = httpClient(server.url);
  for (const name of ["Vault", "Other", "Broken"]) {
    projectIds[name.toLowerCase()] = (await call("POST", "/api/projects", { name })).body.project.id;
  }
});
afterAll(() => server.stop());

const base = "/api/projects/vault/secrets";
const keyFile = () => join(server.appRoot, "var/backend/master.key");
const fileKey = () => ({ masterKeyFile: keyFile() });
const resolve = (project: string, provider: string, name: string) =>
  resolveProjectSecret(server.db, fileKey(), projectIds[project] as string, provider, name);

/** Every value stored in this file, so no response, file or audit row can be checked against a subset. */
const values = {
  openai: "sk-live-PLAINTEXT-4f9a8c7e2b1d",
  openaiNew: "sk-live-REPLACED-77aa99bb00cc",
  anthropic: "sk-ant-ANOTHER-PLAIN-e5d6c7b8",
  padded: "  padded value\t",
  other: "other-project-VALUE-123456",
  same: "the-same-VALUE-for-both-9876",
};

/** The response text exactly as sent, to prove a value appears nowhere in it. */
async function rawCall(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const expectNoValues = (text: string) => {
  for (const value of Object.values(values)) expect(text).not.toContain(value.trim());
};

const store = (slug: string, provider_code: string, secret_name: string, secret_value: string) =>
  call("POST", `/api/projects/${slug}/secrets`, { provider_code, secret_name, secret_value });

const allRows = () =>
  server.db.selectFrom("project_secrets").selectAll().orderBy("project_id").orderBy("provider_code").execute();

describe("project secrets", () => {
  it("creates the master key file beside the database, mode 0600, on first secret use only", async () => {
    expect((await call("GET", base)).body).toEqual({ ok: true, count: 0, secrets: [] });
    expect((await call("GET", `${base}/rotation-status`)).body.rotation_status).toEqual({
      active_key_id: null,
      total_secrets: 0,
      stale_secrets: 0,
      keys: [],
    });
    expect(existsSync(keyFile())).toBe(false);

    expect((await store("vault", "openai", "api_key", values.openai)).status).toBe(200);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
  });

  it("stores, lists (masked), replaces and deletes, never returning a value", async () => {
    const created = await rawCall("POST", base, {
      provider_code: " OpenAI ",
      secret_name: "API Key",
      secret_value: values.openai,
    });
    expect(created.status).toBe(200);
    expectNoValues(created.text);
    const secret = JSON.parse(created.text).secret;
    expect(secret).toEqual({
      project_id: projectIds.vault,
      provider_code: "openai",
      secret_name: "api_key",
      has_value: true,
      hint: "sk-…2b1d",
      key_id: expect.stringMatching(/^key_[0-9a-f]{12}$/),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });

    await store("vault", "anthropic", "api_key", values.anthropic);
    await store("vault", "openai", "org", values.padded);
    const listed = await rawCall("GET", base);
    expectNoValues(listed.text);
    const list = JSON.parse(listed.text);
    expect(list.count).toBe(3);
    expect(list.secrets).toMatchObject([
      { provider_code: "anthropic", secret_name: "api_key", hint: "sk-…c7b8" },
      { provider_code: "openai", secret_name: "api_key", hint: "sk-…2b1d" },
      { provider_code: "openai", secret_name: "org", hint: "  p…lue\t" },
    ]);
    // Stored exactly as given, surrounding whitespace included.
    expect(await resolve("vault", "openai", "org")).toBe(values.padded);

    await new Promise((done) => setTimeout(done, 5));
    const replaced = await rawCall("POST", base, {
      provider_code: "openai",
      secret_name: "api_key",
      secret_value: values.openaiNew,
    });
    expectNoValues(replaced.text);
    const after = JSON.parse(replaced.text).secret;
    expect(after).toMatchObject({ hint: "sk-…00cc", created_at: secret.created_at });
    expect(after.updated_at > secret.updated_at).toBe(true);
    expect((await call("GET", base)).body.count).toBe(3);
    expect(await resolve("vault", "openai", "api_key")).toBe(values.openaiNew);

    const deleted = await call("DELETE", `${base}/OpenAI/Org`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, provider_code: "openai", secret_name: "org" });
    expect((await call("GET", base)).body.count).toBe(2);
    expect(await resolve("vault", "openai", "org")).toBeUndefined();
    expect((await call("DELETE", `${base}/openai/org`)).status).toBe(404);
  });

  it("masks short values too", async () => {
    await store("other", "short", "six", "abcdef");
    await store("other", "short", "five", "abcde");
    const { body } = await call("GET", "/api/projects/other/secrets");
    expect(body.secrets.map((s: { hint: string }) => s.hint)).toEqual(["••••", "…ef"]);
    await call("DELETE", "/api/projects/other/secrets/short/six");
    await call("DELETE", "/api/projects/other/secrets/short/five");
  });

  it("keeps values unreadable at rest: no plaintext in the database files, fresh nonces per value", async () => {
    await store("vault", "same", "first", values.same);
    await store("vault", "same", "second", values.same);
    const rows = (await allRows()).filter((row) => row.provider_code === "same");
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.nonce).not.toBe(second.nonce);
    expect(Buffer.from(first.nonce, "base64")).toHaveLength(12);
    expect(Buffer.from(first.auth_tag, "base64")).toHaveLength(16);

    const dbPath = join(server.appRoot, "var/backend/app.db");
    const files = [dbPath, `${dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path));
    expect(files.length).toBeGreaterThan(0);
    for (const bytes of files) {
      for (const value of Object.values(values)) expect(bytes.includes(Buffer.from(value.trim()))).toBe(false);
    }
    expect(await resolve("vault", "same", "first")).toBe(values.same);
    expect(await resolve("vault", "same", "second")).toBe(values.same);
  });

  it("decrypts only with the right master key: a wrong one fails instead of returning garbage", async () => {
    expect(await resolve("vault", "anthropic", "api_key")).toBe(values.anthropic);
    expect(await resolve("vault", "Anthropic", "API Key")).toBe(values.anthropic);
    expect(await resolve("vault", "anthropic", "nope")).toBeUndefined();
    expect(await resolve("other", "anthropic", "api_key")).toBeUndefined();
    for (const wrong of ["a wrong passphrase", randomBytes(32).toString("hex")]) {
      await expect(
        resolveProjectSecret(
          server.db,
          { masterKey: wrong, masterKeyFile: keyFile() },
          projectIds.vault as string,
          "anthropic",
          "api_key",
        ),
      ).rejects.toThrow(SecretDecryptionError);
    }
  });

  it("rotates one project's values to a new key; other projects stay readable under the old one", async () => {
    await store("other", "openai", "api_key", values.other);
    const before = (await call("GET", `${base}/rotation-status`)).body.rotation_status;
    const oldKey = before.active_key_id;
    expect(before).toEqual({
      active_key_id: oldKey,
      total_secrets: 4,
      stale_secrets: 0,
      keys: [{ key_id: oldKey, active: true, created_at: expect.any(String), secret_count: 4 }],
    });
    const vaultRowsBefore = (await allRows()).filter((row) => row.project_id === projectIds.vault);

    const rotated = await call("POST", `${base}/rotate`);
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.rotation.key_id;
    expect(rotated.body.rotation).toEqual({ key_id: newKey, rotated: 4, previous_key_ids: [oldKey] });
    expect(newKey).not.toBe(oldKey);

    expect((await call("GET", `${base}/rotation-status`)).body.rotation_status).toEqual({
      active_key_id: newKey,
      total_secrets: 4,
      stale_secrets: 0,
      keys: [{ key_id: newKey, active: true, created_at: expect.any(String), secret_count: 4 }],
    });
    const vaultRowsAfter = (await allRows()).filter((row) => row.project_id === projectIds.vault);
    for (const [index, row] of vaultRowsAfter.entries()) {
      expect(row).toMatchObject({ key_id: newKey, updated_at: vaultRowsBefore[index]?.updated_at });
      expect(row.nonce).not.toBe(vaultRowsBefore[index]?.nonce);
      expect(row.ciphertext).not.toBe(vaultRowsBefore[index]?.ciphertext);
    }
    expect((await call("GET", base)).body.secrets.every((s: { key_id: string }) => s.key_id === newKey)).toBe(true);
    expect(await resolve("vault", "openai", "api_key")).toBe(values.openaiNew);
    expect(await resolve("vault", "anthropic", "api_key")).toBe(values.anthropic);
    expect(await resolve("vault", "same", "first")).toBe(values.same);

    // The other project is now stale, but still readable under its old key.
    const other = (await call("GET", "/api/projects/other/secrets/rotation-status")).body.rotation_status;
    expect(other).toMatchObject({ active_key_id: newKey, total_secrets: 1, stale_secrets: 1 });
    expect(other.keys).toEqual([
      { key_id: oldKey, active: false, created_at: expect.any(String), secret_count: 1 },
      { key_id: newKey, active: true, created_at: expect.any(String), secret_count: 0 },
    ]);
    expect(await resolve("other", "openai", "api_key")).toBe(values.other);

    // New values go under the new key.
    expect((await store("other", "openai", "org", "org-123456789")).body.secret.key_id).toBe(newKey);
    await call("DELETE", "/api/projects/other/secrets/openai/org");
  });

  it("rolls a rotation back entirely when any value cannot be decrypted", async () => {
    await store("broken", "openai", "api_key", "broken-value-aaaaaaaa");
    await store("broken", "openai", "org", "broken-value-bbbbbbbb");
    // A ciphertext moved to another record fails its authentication (it is bound to its record).
    const moved = await server.db
      .selectFrom("project_secrets")
      .select(["nonce", "ciphertext", "auth_tag", "key_id"])
      .where("project_id", "=", projectIds.broken as string)
      .where("secret_name", "=", "api_key")
      .executeTakeFirstOrThrow();
    await server.db
      .updateTable("project_secrets")
      .set(moved)
      .where("project_id", "=", projectIds.broken as string)
      .where("secret_name", "=", "org")
      .execute();
    await expect(resolve("broken", "openai", "org")).rejects.toThrow(SecretDecryptionError);

    const snapshot = async () => ({
      secrets: await allRows(),
      keys: await server.db.selectFrom("secret_keys").selectAll().orderBy("id").execute(),
      audit: await server.db.selectFrom("audit_events").select("id").orderBy("id").execute(),
    });
    const before = await snapshot();
    const failed = await call("POST", "/api/projects/broken/secrets/rotate");
    expectFailure(
      failed,
      500,
      internalError,
      "Secret rotation failed, nothing was changed: Secret 'openai/org' could not be decrypted",
    );
    expect(await snapshot()).toEqual(before);
    expect(await resolve("broken", "openai", "api_key")).toBe("broken-value-aaaaaaaa");
  });

  it("audits every write without the value or its hint", async () => {
    const events = await server.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "like", "secret.%")
      .orderBy("created_at")
      .execute();
    const upserts = events.filter((event) => event.action === "secret.upsert");
    expect(upserts.filter((event) => event.project_id === projectIds.vault)).toHaveLength(7);
    expect(upserts[0]).toMatchObject({ target_type: "secret", target_id: "openai/api_key" });
    expect(JSON.parse(upserts[0]?.detail_json ?? "")).toEqual({
      provider_code: "openai",
      secret_name: "api_key",
      key_id: expect.stringMatching(/^key_/),
    });
    const deletes = events.filter((event) => event.action === "secret.delete");
    expect(deletes.map((event) => event.target_id)).toEqual(["openai/org", "short/six", "short/five", "openai/org"]);
    const rotations = events.filter((event) => event.action === "secret.rotate");
    expect(rotations).toHaveLength(1);
    expect(rotations[0]).toMatchObject({ project_id: projectIds.vault, target_type: "secret_key" });
    expect(JSON.parse(rotations[0]?.detail_json ?? "")).toMatchObject({ rotated: 4 });
    for (const event of events) {
      expectNoValues(event.detail_json);
      expect(event.detail_json).not.toContain("…");
      expect(event.detail_json).not.toContain("broken-value");
    }
  });

  it("rejects bad input with 400 naming the field, changing nothing", async () => {
    const before = await allRows();
    for (const [body, message] of [
      [{ secret_name: "a", secret_value: "v" }, "Field 'provider_code' is required"],
      [{ provider_code: "  ", secret_name: "a", secret_value: "v" }, "Field 'provider_code' is required"],
      [{ provider_code: "!!!", secret_name: "a", secret_value: "v" }, "Field 'provider_code' is required"],
      [{ provider_code: "openai", secret_name: " ", secret_value: "v" }, "Field 'secret_name' is required"],
      [{ provider_code: "openai", secret_name: "a" }, "Field 'secret_value' is required"],
      [{ provider_code: "openai", secret_name: "a", secret_value: " \t " }, "Field 'secret_value' is required"],
      [{ provider_code: "openai", secret_name: "a", secret_value: 5 }, "Field 'secret_value' must be string"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect(await allRows()).toEqual(before);
  });

  it("404s unknown projects, unknown secrets and another project's secret alike", async () => {
    for (const [method, path] of [
      ["GET", "/api/projects/ghost/secrets"],
      ["POST", "/api/projects/ghost/secrets"],
      ["GET", "/api/projects/ghost/secrets/rotation-status"],
      ["POST", "/api/projects/ghost/secrets/rotate"],
      ["DELETE", "/api/projects/ghost/secrets/openai/api_key"],
    ] as const) {
      const body =
        method === "POST" && path.endsWith("/secrets")
          ? { provider_code: "a", secret_name: "b", secret_value: "c" }
          : undefined;
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error).toBe("Project 'ghost' not found");
    }

    await store("other", "theirs", "token", "their-token-value");
    for (const [provider, name] of [
      ["openai", "nope"],
      ["theirs", "token"],
    ]) {
      const response = await call("DELETE", `${base}/${provider}/${name}`);
      expect(response.body).toEqual({
        ok: false,
        error: `Secret '${provider}/${name}' not found`,
        error_kind: "validation",
        error_code: "not_found",
      });
    }
    expect(await resolve("other", "theirs", "token")).toBe("their-token-value");
  });
});

describe("project secrets under a configured master key", () => {
  it("uses KROMA_MASTER_KEY instead of creating a key file", async () => {
    const passphrase = "correct horse battery staple";
    const configured = await startTestServer({ agentDispatch: false, masterKey: passphrase });
    try {
      const client = httpClient(configured.url);
      const project = (await client("POST", "/api/projects", { name: "Keyed" })).body.project;
      expect(
        (
          await client("POST", "/api/projects/keyed/secrets", {
            provider_code: "p",
            secret_name: "n",
            secret_value: "keyed-value",
          })
        ).status,
      ).toBe(200);
      expect(existsSync(join(configured.appRoot, "var/backend/master.key"))).toBe(false);
      const deps = { masterKey: passphrase, masterKeyFile: join(configured.appRoot, "unused.key") };
      expect(await resolveProjectSecret(configured.db, deps, project.id, "p", "n")).toBe("keyed-value");
      await expect(
        resolveProjectSecret(configured.db, { ...deps, masterKey: `${passphrase}!` }, project.id, "p", "n"),
      ).rejects.toThrow(SecretDecryptionError);
    } finally {
      await configured.stop();
    }
  });
});
