// Issue 13 point 10 — review §11 "deeply nested JSON: 500 instead of 400, and a stored record
// that breaks bootstrap". A 10 KB body of 5,000 nested arrays made the server answer 500 with a
// stack overflow in its log, and a config_json of ~4,100 levels was accepted and then made every
// GET /bootstrap-prompt of its project a 500. Request bodies, and the JSON a bootstrap import
// takes out of `ai_response_text`, may now nest at most 64 levels (the outermost value is level 1),
// and a record's free-form `*_json` field at most 32, so a stored record always fits back into the
// bootstrap settings around it: deeper is a 400 in the envelope, before anything is stored.

import { rawRequest, useTestServer } from "@kroma/testkit";
import { inProject } from "@kroma/testkit/api-results";
import { describe, expect, it } from "vitest";

const api = useTestServer({ projects: ["Deep"] });
const slug = "deep";

/** `levels` nested objects `{"a": ...}` around 1, as text (never built as a value: too deep to stringify). */
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
const nestedArrays = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

// Deliberately raw: these bodies are JSON text too deep to build as values, which no typed client sends.
const post = (path: string, body: string) => rawRequest(api.server.url, "POST", path, { body });
const logged: string[] = [];

function expectTooDeep(answer: Awaited<ReturnType<typeof post>>) {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.body).toMatchObject({ ok: false, error_kind: "validation", error_code: "validation_error" });
  logged.push(answer.body.error);
}

describe("deeply nested JSON", () => {
  it("refuses the review's 5,000-level config_json and a 4,100-level one with a 400, storing nothing", async () => {
    for (const levels of [5000, 4100]) {
      const answer = await post(
        `/api/projects/${slug}/provider-accounts`,
        `{"provider_code":"p${levels}","config_json":${nestedObjects(levels)}}`,
      );
      expectTooDeep(answer);
      expect(answer.body.details).toMatchObject({ max_depth: 64 });
    }
    const accounts = await api.client.GET("/api/projects/{slug}/provider-accounts", inProject(slug));
    expect(accounts.data?.count).toBe(0);
  });

  it("refuses 5,000 nested arrays in a chat message with a 400", async () => {
    const session = await api.client.POST("/api/projects/{slug}/chat/sessions", {
      ...inProject(slug),
      body: { title: "Deep" },
    });
    expect(session.response.status).toBe(200);
    const sessionId = session.data?.session.id ?? "";
    const path = `/api/projects/${slug}/chat/sessions/${sessionId}/messages`;
    expectTooDeep(await post(path, `{"role":"user","content":"x","content_json":${nestedArrays(5000)}}`));
    const messages = await api.client.GET("/api/projects/{slug}/chat/sessions/{sessionId}/messages", {
      params: { path: { slug, sessionId } },
    });
    expect(messages.data?.count).toBe(0);
  });

  it("parses a body nested 64 levels deep and refuses one of 65 before parsing it", async () => {
    // 64 levels reach the schema check, which names the field; 65 never get that far.
    const at64 = await post("/api/projects", `{"name":${nestedArrays(63)}}`);
    expect(at64.status, at64.text).toBe(400);
    expect(at64.body.error).toBe("Field 'name' must be string");
    const at65 = await post("/api/projects", `{"name":${nestedArrays(64)}}`);
    expectTooDeep(at65);
    expect(at65.body.error).toBe("Request body nests objects or arrays deeper than 64 levels");
  });

  it("stores a *_json field nested 32 levels deep and refuses one of 33, naming the field", async () => {
    const at32 = await post(
      `/api/projects/${slug}/provider-accounts`,
      `{"provider_code":"depth32","config_json":${nestedObjects(32)}}`,
    );
    expect(at32.status, at32.text).toBe(200);
    const at33 = await post(
      `/api/projects/${slug}/provider-accounts`,
      `{"provider_code":"depth33","config_json":${nestedObjects(33)}}`,
    );
    expectTooDeep(at33);
    expect(at33.body).toMatchObject({
      error: "Field 'config_json' nests objects or arrays deeper than 32 levels",
      details: { field: "config_json", max_depth: 32 },
    });
    // Brackets inside strings are text, not nesting.
    const inString = await post(
      `/api/projects/${slug}/provider-accounts`,
      JSON.stringify({ provider_code: "brackets", config_json: { note: "[".repeat(5000) } }),
    );
    expect(inString.status, inString.text).toBe(200);
  });

  it("refuses a bootstrap import of a deep object, in settings and inside ai_response_text", async () => {
    const path = `/api/projects/${slug}/bootstrap-import`;
    expectTooDeep(
      await post(
        path,
        `{"settings":{"provider_accounts":[{"provider_code":"deep_settings","config_json":${nestedObjects(5000)}}]}}`,
      ),
    );
    const reply = `Here you go:\n\`\`\`json\n{"provider_accounts":[{"provider_code":"deep_reply","config_json":${nestedObjects(5000)}}]}\n\`\`\``;
    const fromReply = await post(path, JSON.stringify({ ai_response_text: reply }));
    expectTooDeep(fromReply);
    expect(fromReply.body.error).toBe("Field 'ai_response_text' holds JSON nested deeper than 64 levels");
    // Unfenced, the object is found by its braces: the same limit holds.
    const unfenced = await post(
      path,
      JSON.stringify({ ai_response_text: reply.replaceAll("```json", "").replaceAll("```", "") }),
    );
    expectTooDeep(unfenced);
    // Within the body limit but too deep for a record field, in the reply as in a body.
    const field = await post(
      path,
      JSON.stringify({
        ai_response_text: `{"provider_accounts":[{"provider_code":"deep_field","config_json":${nestedObjects(40)}}]}`,
      }),
    );
    expectTooDeep(field);
    expect(field.body.details).toEqual({ field: "settings.provider_accounts.0.config_json", max_depth: 32 });
  });

  it("still renders the bootstrap prompt and imports it back afterwards", async () => {
    const prompt = await api.client.GET("/api/projects/{slug}/bootstrap-prompt", inProject(slug));
    expect(prompt.response.status, JSON.stringify(prompt.data ?? prompt.error)).toBe(200);
    const settings = prompt.data?.bootstrap.settings;
    const codes = (settings?.provider_accounts ?? []).map((a) => a.provider_code);
    expect(codes.sort()).toEqual(["brackets", "depth32"]);
    // What the server exported (the deepest record the limit allows, inside its wrapper) imports again.
    const again = await api.client.POST("/api/projects/{slug}/bootstrap-import", {
      ...inProject(slug),
      body: { settings, dry_run: true },
    });
    expect(again.response.status, JSON.stringify(again.data ?? again.error)).toBe(200);
    expect(logged.every((message) => !message.includes("Maximum call stack"))).toBe(true);
  });
});
