import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNotFound } from "../../../test/envelope.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
let server: TestServer;
let call: ReturnType<typeof httpClient>;
let projectId: string;
beforeAll(async () => {
  server = await startTestServer();
  call = httpClient(server.url);
  projectId = (await call("POST", "/api/projects", { name: "Providers" })).body.project.id;
  await call("POST", "/api/projects", { name: "Other" });
});
afterAll(() => server.stop());

const base = "/api/projects/providers/provider-accounts";
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const listed = async () => (await call("GET", base)).body;

describe("provider accounts", () => {
  it("creates with defaults, reads by normalised code, updates, deletes", async () => {
    const created = await call("POST", base, { provider_code: " OpenAI " });
    expect(created.status).toBe(200);
    const account = created.body.provider_account;
    expect(account).toEqual({
      project_id: projectId,
      provider_code: "openai",
      display_name: "openai",
      account_ref: "",
      base_url: "",
      enabled: true,
      config_json: {},
      created_at: account.created_at,
      updated_at: account.created_at,
    });

    expect((await call("GET", `${base}/OpenAI`)).body).toEqual({ ok: true, provider_account: account });
    expect((await call("GET", `${base}/openai`)).body.provider_account).toEqual(account);

    await tick();
    const updated = await call("PUT", `${base}/OPENAI`, {
      enabled: false,
      config_json: { model: "gpt-image-1", n: 2 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.provider_account).toMatchObject({
      provider_code: "openai",
      display_name: "openai",
      enabled: false,
      config_json: { model: "gpt-image-1", n: 2 },
      created_at: account.created_at,
    });
    expect(updated.body.provider_account.updated_at > account.updated_at).toBe(true);
    expect((await call("GET", `${base}/openai`)).body.provider_account).toEqual(updated.body.provider_account);

    const deleted = await call("DELETE", `${base}/OpenAI`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, provider_code: "openai" });
    expect((await call("GET", `${base}/openai`)).status).toBe(404);
    expect((await listed()).count).toBe(0);
  });

  it("normalises codes like slugs, trims strings and lists by provider code", async () => {
    const removeBg = await call("POST", base, {
      provider_code: "Remove BG",
      display_name: "  remove.bg  ",
      account_ref: " team-42 ",
      base_url: " https://api.remove.bg/v1 ",
      enabled: false,
      config_json: { size: "auto" },
    });
    expect(removeBg.body.provider_account).toMatchObject({
      provider_code: "remove_bg",
      display_name: "remove.bg",
      account_ref: "team-42",
      base_url: "https://api.remove.bg/v1",
      enabled: false,
      config_json: { size: "auto" },
    });
    await call("POST", base, { provider_code: "photoroom", base_url: "http://localhost:8080" });
    await call("POST", base, { provider_code: "Alpha-Gen" });
    const list = await listed();
    expect(list.count).toBe(3);
    expect(list.provider_accounts.map((a: { provider_code: string }) => a.provider_code)).toEqual([
      "alpha-gen",
      "photoroom",
      "remove_bg",
    ]);
    expect((await call("GET", `${base}/Remove%20BG`)).body.provider_account).toEqual(removeBg.body.provider_account);

    // A blank display name falls back to the code rather than leaving the account nameless.
    const blankName = await call("PUT", `${base}/photoroom`, { display_name: "   ", base_url: "" });
    expect(blankName.body.provider_account).toMatchObject({ display_name: "photoroom", base_url: "" });
  });

  it("upserts by code: an existing code changes only the fields given", async () => {
    const first = (
      await call("POST", base, {
        provider_code: "stability",
        display_name: "Stability",
        account_ref: "acct-1",
        base_url: "https://api.stability.ai",
        enabled: false,
        config_json: { engine: "sd3" },
      })
    ).body.provider_account;
    const count = (await listed()).count;

    await tick();
    const again = await call("POST", base, { provider_code: " STABILITY ", account_ref: "acct-2" });
    expect(again.status).toBe(200);
    expect(again.body.provider_account).toEqual({
      ...first,
      account_ref: "acct-2",
      updated_at: again.body.provider_account.updated_at,
    });
    expect(again.body.provider_account.updated_at > first.updated_at).toBe(true);

    const replaced = await call("POST", base, {
      provider_code: "stability",
      config_json: { engine: "core" },
      enabled: true,
    });
    expect(replaced.body.provider_account).toMatchObject({
      display_name: "Stability",
      account_ref: "acct-2",
      base_url: "https://api.stability.ai",
      enabled: true,
      config_json: { engine: "core" },
      created_at: first.created_at,
    });
    expect((await listed()).count).toBe(count);
  });

  it("rejects bad input with 400 naming the field, changing nothing", async () => {
    await call("POST", base, { provider_code: "guarded", base_url: "https://example.com" });
    const before = await listed();
    for (const [body, message] of [
      [{ provider_code: "   " }, "Field 'provider_code' is required"],
      [{ provider_code: "!!!" }, "Field 'provider_code' is required"],
      [{ provider_code: "fresh", base_url: "ftp://example.com" }, "Field 'base_url' must be an http(s) URL"],
      [{ provider_code: "fresh", base_url: "not a url" }, "Field 'base_url' must be an http(s) URL"],
      [
        { provider_code: "guarded", base_url: "example.com/api", display_name: "Changed" },
        "Field 'base_url' must be an http(s) URL",
      ],
      [{ provider_code: "guarded", enabled: "yes" }, "Field 'enabled' must be boolean"],
      [{ provider_code: "guarded", config_json: "{}" }, "Field 'config_json' must be object"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body).toMatchObject({ ok: false, error: message, error_code: "validation_error" });
    }
    expect((await call("POST", base, {})).status).toBe(400);

    for (const [body, message] of [
      [{}, "Provide at least one of: display_name, account_ref, base_url, enabled, config_json"],
      [
        { provider_code: "other" },
        "Provide at least one of: display_name, account_ref, base_url, enabled, config_json",
      ],
      [{ base_url: "mailto:someone@example.com", enabled: false }, "Field 'base_url' must be an http(s) URL"],
    ] as const) {
      const response = await call("PUT", `${base}/guarded`, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect(await listed()).toEqual(before);
  });

  it("404s unknown projects, unknown codes and another project's account alike", async () => {
    await call("POST", "/api/projects/other/provider-accounts", { provider_code: "theirs", account_ref: "secret-ish" });
    for (const [method, payload] of [
      ["GET", undefined],
      ["POST", { provider_code: "openai" }],
    ] as const) {
      const response = await call(method, "/api/projects/ghost/provider-accounts", payload);
      expectNotFound(response, "Project 'ghost' not found");
    }
    for (const [method, payload] of [
      ["GET", undefined],
      ["PUT", { account_ref: "stolen" }],
      ["DELETE", undefined],
    ] as const) {
      for (const [path, given] of [
        ["no-such-provider", "no-such-provider"],
        ["Ghost%20Provider", "Ghost Provider"],
        ["theirs", "theirs"],
        ["!!!", "!!!"],
      ] as const) {
        const response = await call(method, `${base}/${path}`, payload);
        expectNotFound(response, `Provider account '${given}' not found`, `${method} ${path}`);
      }
    }
    const still = await call("GET", "/api/projects/other/provider-accounts/theirs");
    expect(still.body.provider_account).toMatchObject({ project_id: expect.any(String), account_ref: "secret-ish" });
    expect(still.body.provider_account.project_id).not.toBe(projectId);
  });
});
