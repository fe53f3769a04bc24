import { describe, expect, it } from "vitest";
import type { HttpCall } from "../../../../../tests/support/http.js";
import { useTestServer } from "../../../../../tests/support/server.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
const api = useTestServer({ projects: ["Guides", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/guides/style-guides";
// Timestamps have millisecond resolution; a pause makes "later" observable.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("style guides", () => {
  it("creates, lists, reads, updates and deletes", async () => {
    const created = await call("POST", base, { name: " House style ", instructions: " Flat colours, no gradients " });
    expect(created.status).toBe(200);
    const guide = created.body.style_guide;
    expect(guide).toMatchObject({ name: "House style", instructions: "Flat colours, no gradients", notes: "" });

    const listed = await call("GET", base);
    expect(listed.body).toMatchObject({ ok: true, count: 1, style_guides: [{ id: guide.id }] });
    expect((await call("GET", `${base}/${guide.id}`)).body.style_guide).toEqual(guide);

    await tick();
    const updated = await call("PUT", `${base}/${guide.id}`, { notes: "Agreed with the client" });
    expect(updated.body.style_guide).toMatchObject({
      id: guide.id,
      name: "House style",
      instructions: "Flat colours, no gradients",
      notes: "Agreed with the client",
    });
    expect(updated.body.style_guide.updated_at > guide.updated_at).toBe(true);
    expect(updated.body.style_guide.created_at).toBe(guide.created_at);

    const deleted = await call("DELETE", `${base}/${guide.id}`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, id: guide.id });
    expect((await call("GET", `${base}/${guide.id}`)).status).toBe(404);
    expect((await call("DELETE", `${base}/${guide.id}`)).status).toBe(404);
  });

  it("lists the most recently updated first", async () => {
    const first = (await call("POST", base, { name: "Order 1", instructions: "x" })).body.style_guide;
    await tick();
    const second = (await call("POST", base, { name: "Order 2", instructions: "x" })).body.style_guide;
    const names = async () => (await call("GET", base)).body.style_guides.map((g: { name: string }) => g.name);
    expect((await names()).slice(0, 2)).toEqual(["Order 2", "Order 1"]);

    await tick();
    await call("PUT", `${base}/${first.id}`, { instructions: "y" });
    expect((await names()).slice(0, 2)).toEqual(["Order 1", "Order 2"]);
    await call("DELETE", `${base}/${first.id}`);
    await call("DELETE", `${base}/${second.id}`);
  });

  it("keeps names unique per project (409), but not across projects", async () => {
    await call("POST", base, { name: "Unique", instructions: "x" });
    const clash = await call("POST", base, { name: " Unique ", instructions: "y" });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      ok: false,
      error: "A style guide named 'Unique' already exists in this project",
      error_code: "conflict",
      details: { field: "name" },
    });
    const elsewhere = await call("POST", "/api/projects/other/style-guides", { name: "Unique", instructions: "z" });
    expect(elsewhere.status).toBe(200);

    const second = (await call("POST", base, { name: "Second", instructions: "x" })).body.style_guide;
    const renamed = await call("PUT", `${base}/${second.id}`, { name: "Unique", notes: "lost" });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error).toBe("A style guide named 'Unique' already exists in this project");
    expect((await call("GET", `${base}/${second.id}`)).body.style_guide).toEqual(second);
  });

  it("rejects bad input with 400 naming the field, changing nothing", async () => {
    const before = (await call("GET", base)).body;
    for (const [body, message] of [
      [{ instructions: "x" }, "Field 'name' is required"],
      [{ name: "  ", instructions: "x" }, "Field 'name' is required"],
      [{ name: "A" }, "Field 'instructions' is required"],
      [{ name: "A", instructions: " \n " }, "Field 'instructions' is required"],
      [{ name: "A", instructions: "x", notes: 5 }, "Field 'notes' must be string"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("GET", base)).body).toEqual(before);

    const { body } = await call("POST", base, { name: "Target", instructions: "x" });
    const target = body.style_guide;
    for (const [update, message] of [
      [{ unrelated: 1 }, "Provide at least one of: name, instructions, notes"],
      [{ name: " " }, "Field 'name' is required"],
      [{ instructions: "", notes: "kept?" }, "Field 'instructions' is required"],
    ] as const) {
      const response = await call("PUT", `${base}/${target.id}`, update);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("GET", `${base}/${target.id}`)).body.style_guide).toEqual(target);
  });

  it("404s unknown projects, unknown ids and another project's style guide alike", async () => {
    const { body } = await call("POST", "/api/projects/other/style-guides", { name: "Theirs", instructions: "x" });
    const theirs = body.style_guide.id;
    const ghost = await call("GET", "/api/projects/ghost/style-guides");
    expect(ghost.status).toBe(404);
    expect(ghost.body.error).toBe("Project 'ghost' not found");
    expect((await call("POST", "/api/projects/ghost/style-guides", { name: "A", instructions: "x" })).status).toBe(404);
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
          error: `Style guide '${id}' not found`,
          error_kind: "validation",
          error_code: "not_found",
        });
      }
    }
    const still = await call("GET", `/api/projects/other/style-guides/${theirs}`);
    expect(still.body.style_guide.name).toBe("Theirs");
  });
});
