import { describe, expect, it } from "vitest";
import type { HttpCall } from "../../../../../tests/support/http.js";
import { useTestServer } from "../../../../../tests/support/server.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
const api = useTestServer({ projects: ["Cast", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/cast/characters";
// Timestamps have millisecond resolution; a pause makes "later" observable.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("characters", () => {
  it("creates, lists, reads, updates and deletes", async () => {
    const created = await call("POST", base, { name: " Mira " });
    expect(created.status).toBe(200);
    const mira = created.body.character;
    expect(mira).toMatchObject({ name: "Mira", description: "", prompt_text: "" });

    const listed = await call("GET", base);
    expect(listed.body).toMatchObject({ ok: true, count: 1, characters: [{ id: mira.id }] });
    expect((await call("GET", `${base}/${mira.id}`)).body.character).toEqual(mira);

    await tick();
    const updated = await call("PUT", `${base}/${mira.id}`, {
      description: "The courier",
      prompt_text: "a courier with a red scarf",
    });
    expect(updated.body.character).toMatchObject({
      id: mira.id,
      name: "Mira",
      description: "The courier",
      prompt_text: "a courier with a red scarf",
    });
    expect(updated.body.character.updated_at > mira.updated_at).toBe(true);
    expect(updated.body.character.created_at).toBe(mira.created_at);

    const deleted = await call("DELETE", `${base}/${mira.id}`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, id: mira.id });
    expect((await call("GET", `${base}/${mira.id}`)).status).toBe(404);
    expect((await call("DELETE", `${base}/${mira.id}`)).status).toBe(404);
  });

  it("accepts every field on create", async () => {
    const created = await call("POST", base, { name: "Oskar", description: "Old sailor", prompt_text: "grey beard" });
    expect(created.body.character).toMatchObject({
      name: "Oskar",
      description: "Old sailor",
      prompt_text: "grey beard",
    });
    await call("DELETE", `${base}/${created.body.character.id}`);
  });

  it("lists the most recently updated first", async () => {
    const first = (await call("POST", base, { name: "Order 1" })).body.character;
    await tick();
    const second = (await call("POST", base, { name: "Order 2" })).body.character;
    const names = async () => (await call("GET", base)).body.characters.map((c: { name: string }) => c.name);
    expect((await names()).slice(0, 2)).toEqual(["Order 2", "Order 1"]);

    await tick();
    await call("PUT", `${base}/${first.id}`, { description: "now newer" });
    expect((await names()).slice(0, 2)).toEqual(["Order 1", "Order 2"]);
    await call("DELETE", `${base}/${first.id}`);
    await call("DELETE", `${base}/${second.id}`);
  });

  it("keeps names unique per project (409), but not across projects", async () => {
    await call("POST", base, { name: "Unique" });
    const clash = await call("POST", base, { name: "Unique ", description: "twin" });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      ok: false,
      error: "A character named 'Unique' already exists in this project",
      error_code: "conflict",
      details: { field: "name" },
    });
    expect((await call("POST", "/api/projects/other/characters", { name: "Unique" })).status).toBe(200);

    const second = (await call("POST", base, { name: "Second" })).body.character;
    const renamed = await call("PUT", `${base}/${second.id}`, { name: "Unique", prompt_text: "lost" });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error).toBe("A character named 'Unique' already exists in this project");
    expect((await call("GET", `${base}/${second.id}`)).body.character).toEqual(second);
  });

  it("rejects bad input with 400 naming the field, changing nothing", async () => {
    const before = (await call("GET", base)).body;
    for (const [body, message] of [
      [{ description: "x" }, "Field 'name' is required"],
      [{ name: "  " }, "Field 'name' is required"],
      [{ name: "A", prompt_text: 5 }, "Field 'prompt_text' must be string"],
      [{ name: "x".repeat(201) }, "Field 'name' must NOT have more than 200 characters"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("GET", base)).body).toEqual(before);

    const target = (await call("POST", base, { name: "Target" })).body.character;
    for (const [update, message] of [
      [{ unrelated: 1 }, "Provide at least one of: name, description, prompt_text"],
      [{ name: "", description: "kept?" }, "Field 'name' is required"],
    ] as const) {
      const response = await call("PUT", `${base}/${target.id}`, update);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("GET", `${base}/${target.id}`)).body.character).toEqual(target);
  });

  it("404s unknown projects, unknown ids and another project's character alike", async () => {
    const theirs = (await call("POST", "/api/projects/other/characters", { name: "Theirs" })).body.character.id;
    const ghost = await call("GET", "/api/projects/ghost/characters");
    expect(ghost.status).toBe(404);
    expect(ghost.body.error).toBe("Project 'ghost' not found");
    expect((await call("POST", "/api/projects/ghost/characters", { name: "A" })).status).toBe(404);
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
          error: `Character '${id}' not found`,
          error_kind: "validation",
          error_code: "not_found",
        });
      }
    }
    const still = await call("GET", `/api/projects/other/characters/${theirs}`);
    expect(still.body.character.name).toBe("Theirs");
  });
});
