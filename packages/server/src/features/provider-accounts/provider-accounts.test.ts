import type { components } from "@kroma/contract";
import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNotFound, okBody } from "../../../test/envelope.js";
import { projectIdOf } from "../../../test/projects.js";

// Through real HTTP; the server checks every JSON response it sends against the spec. Requests
// the spec allows go through the typed client; the ones it refuses through the untyped `call`.
const api = useTestServer({ projects: ["Providers", "Other"] });
const call: HttpCall = (...args) => api.call(...args);
let projectId: string;
beforeAll(async () => {
  projectId = await projectIdOf(api.client, "providers");
});

const base = "/api/projects/providers/provider-accounts";
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
type Upsert = components["schemas"]["UpsertProviderAccountRequest"];
type Update = components["schemas"]["UpdateProviderAccountRequest"];
// The code is sent as given: the client URL-encodes it, the server normalises it like a slug.
const inAccount = (providerCode: string, slug = "providers") => ({ params: { path: { slug, providerCode } } });
const accounts = {
  list: (slug = "providers") =>
    api.client.GET("/api/projects/{slug}/provider-accounts", { params: { path: { slug } } }),
  upsert: (body: Upsert, slug = "providers") =>
    api.client.POST("/api/projects/{slug}/provider-accounts", { params: { path: { slug } }, body }),
  get: (code: string, slug = "providers") =>
    api.client.GET("/api/projects/{slug}/provider-accounts/{providerCode}", inAccount(code, slug)),
  update: (code: string, body: Update) =>
    api.client.PUT("/api/projects/{slug}/provider-accounts/{providerCode}", { ...inAccount(code), body }),
  remove: (code: string) => api.client.DELETE("/api/projects/{slug}/provider-accounts/{providerCode}", inAccount(code)),
};
const listed = () => okBody(accounts.list());
const upserted = async (body: Upsert) => (await okBody(accounts.upsert(body))).provider_account;

describe("provider accounts", () => {
  it("creates with defaults, reads by normalised code, updates, deletes", async () => {
    const account = await upserted({ provider_code: " OpenAI " });
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

    expect(await okBody(accounts.get("OpenAI"))).toEqual({ ok: true, provider_account: account });
    expect((await okBody(accounts.get("openai"))).provider_account).toEqual(account);

    await tick();
    const updated = (
      await okBody(accounts.update("OPENAI", { enabled: false, config_json: { model: "gpt-image-1", n: 2 } }))
    ).provider_account;
    expect(updated).toMatchObject({
      provider_code: "openai",
      display_name: "openai",
      enabled: false,
      config_json: { model: "gpt-image-1", n: 2 },
      created_at: account.created_at,
    });
    expect(updated.updated_at > account.updated_at).toBe(true);
    expect((await okBody(accounts.get("openai"))).provider_account).toEqual(updated);

    expect(await okBody(accounts.remove("OpenAI"))).toEqual({ ok: true, deleted: true, provider_code: "openai" });
    expect((await accounts.get("openai")).response.status).toBe(404);
    expect((await listed()).count).toBe(0);
  });

  it("normalises codes like slugs, trims strings and lists by provider code", async () => {
    const removeBg = await upserted({
      provider_code: "Remove BG",
      display_name: "  remove.bg  ",
      account_ref: " team-42 ",
      base_url: " https://api.remove.bg/v1 ",
      enabled: false,
      config_json: { size: "auto" },
    });
    expect(removeBg).toMatchObject({
      provider_code: "remove_bg",
      display_name: "remove.bg",
      account_ref: "team-42",
      base_url: "https://api.remove.bg/v1",
      enabled: false,
      config_json: { size: "auto" },
    });
    await upserted({ provider_code: "photoroom", base_url: "http://localhost:8080" });
    await upserted({ provider_code: "Alpha-Gen" });
    const list = await listed();
    expect(list.count).toBe(3);
    expect(list.provider_accounts.map((a) => a.provider_code)).toEqual(["alpha-gen", "photoroom", "remove_bg"]);
    expect((await okBody(accounts.get("Remove BG"))).provider_account).toEqual(removeBg);

    // A blank display name falls back to the code rather than leaving the account nameless.
    const blankName = await okBody(accounts.update("photoroom", { display_name: "   ", base_url: "" }));
    expect(blankName.provider_account).toMatchObject({ display_name: "photoroom", base_url: "" });
  });

  it("upserts by code: an existing code changes only the fields given", async () => {
    const first = (
      await okBody(
        accounts.upsert({
          provider_code: "stability",
          display_name: "Stability",
          account_ref: "acct-1",
          base_url: "https://api.stability.ai",
          enabled: false,
          config_json: { engine: "sd3" },
        }),
      )
    ).provider_account;
    const count = (await listed()).count;

    await tick();
    const again = await upserted({ provider_code: " STABILITY ", account_ref: "acct-2" });
    expect(again).toEqual({ ...first, account_ref: "acct-2", updated_at: again.updated_at });
    expect(again.updated_at > first.updated_at).toBe(true);

    const replaced = await upserted({ provider_code: "stability", config_json: { engine: "core" }, enabled: true });
    expect(replaced).toMatchObject({
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
    await upserted({ provider_code: "guarded", base_url: "https://example.com" });
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
    await okBody(accounts.upsert({ provider_code: "theirs", account_ref: "secret-ish" }, "other"));
    expectNotFound(await accounts.list("ghost"), "Project 'ghost' not found", "GET");
    expectNotFound(await accounts.upsert({ provider_code: "openai" }, "ghost"), "Project 'ghost' not found", "POST");
    // The message names the code as given (decoded), before any normalising.
    for (const code of ["no-such-provider", "Ghost Provider", "theirs", "!!!"]) {
      const missing = `Provider account '${code}' not found`;
      expectNotFound(await accounts.get(code), missing, `GET ${code}`);
      expectNotFound(await accounts.update(code, { account_ref: "stolen" }), missing, `PUT ${code}`);
      expectNotFound(await accounts.remove(code), missing, `DELETE ${code}`);
    }
    const still = (await okBody(accounts.get("theirs", "other"))).provider_account;
    expect(still).toMatchObject({ project_id: expect.any(String), account_ref: "secret-ish" });
    expect(still.project_id).not.toBe(projectId);
  });
});
