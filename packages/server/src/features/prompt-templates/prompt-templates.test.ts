import { describe, expect, it } from "vitest";
import type { HttpCall } from "../../../../../tests/support/http.js";
import { useTestServer } from "../../../../../tests/support/server.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
const api = useTestServer({ projects: ["Templates", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/templates/prompt-templates";

describe("prompt templates", () => {
  it("creates, lists, reads, updates and deletes", async () => {
    const created = await call("POST", base, { name: " Hero shot ", template_text: "A {subject} at {time_of_day}" });
    expect(created.status).toBe(200);
    const template = created.body.prompt_template;
    expect(template).toMatchObject({ name: "Hero shot", template_text: "A {subject} at {time_of_day}" });

    const listed = await call("GET", base);
    expect(listed.body).toMatchObject({ ok: true, count: 1, prompt_templates: [{ id: template.id }] });
    expect((await call("GET", `${base}/${template.id}`)).body.prompt_template).toEqual(template);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await call("PUT", `${base}/${template.id}`, { template_text: "A {subject}" });
    expect(updated.body.prompt_template).toMatchObject({
      id: template.id,
      name: "Hero shot",
      template_text: "A {subject}",
    });
    expect(updated.body.prompt_template.updated_at > template.updated_at).toBe(true);
    expect(updated.body.prompt_template.created_at).toBe(template.created_at);

    const deleted = await call("DELETE", `${base}/${template.id}`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, id: template.id });
    expect((await call("GET", `${base}/${template.id}`)).status).toBe(404);
  });

  it("keeps names unique per project (409), but not across projects", async () => {
    await call("POST", base, { name: "Unique", template_text: "x" });
    const clash = await call("POST", base, { name: "Unique", template_text: "y" });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ ok: false, error_code: "conflict", details: { field: "name" } });
    expect(
      (await call("POST", "/api/projects/other/prompt-templates", { name: "Unique", template_text: "z" })).status,
    ).toBe(200);

    const second = await call("POST", base, { name: "Second", template_text: "x" });
    const renamed = await call("PUT", `${base}/${second.body.prompt_template.id}`, { name: "Unique" });
    expect(renamed.status).toBe(409);
    expect((await call("GET", `${base}/${second.body.prompt_template.id}`)).body.prompt_template.name).toBe("Second");
  });

  it("rejects bad input with 400 naming the field, changing nothing", async () => {
    const before = (await call("GET", base)).body;
    for (const [body, message] of [
      [{ template_text: "x" }, "Field 'name' is required"],
      [{ name: "  ", template_text: "x" }, "Field 'name' is required"],
      [{ name: "A" }, "Field 'template_text' is required"],
      [{ name: "A", template_text: 5 }, "Field 'template_text' must be string"],
      [{ name: "x".repeat(201), template_text: "x" }, "Field 'name' must NOT have more than 200 characters"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    const { body } = await call("POST", base, { name: "Target", template_text: "x" });
    const empty = await call("PUT", `${base}/${body.prompt_template.id}`, { unrelated: 1 });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe("Provide at least one of: name, template_text");
    expect((await call("GET", base)).body.count).toBe(before.count + 1);
  });

  it("404s unknown projects, unknown ids and another project's template alike", async () => {
    const { body } = await call("POST", "/api/projects/other/prompt-templates", { name: "Theirs", template_text: "x" });
    const theirs = body.prompt_template.id;
    expect((await call("GET", "/api/projects/ghost/prompt-templates")).status).toBe(404);
    for (const [method, payload] of [
      ["GET", undefined],
      ["PUT", { name: "Stolen" }],
      ["DELETE", undefined],
    ] as const) {
      for (const id of ["no-such-id", theirs]) {
        const response = await call(method, `${base}/${id}`, payload);
        expect(response.status, `${method} ${id}`).toBe(404);
        expect(response.body).toEqual({
          ok: false,
          error: `Prompt template '${id}' not found`,
          error_kind: "validation",
          error_code: "not_found",
        });
      }
    }
    const still = await call("GET", `/api/projects/other/prompt-templates/${theirs}`);
    expect(still.body.prompt_template.name).toBe("Theirs");
  });
});
