import { describe, expect, it } from "vitest";
import { expectFailure, expectNotFound } from "../../../test/envelope.js";
import { createTestApp } from "../../../test/setup.js";

describe("projects", () => {
  it("answers the seed's success check: create dx_demo, then list it", async () => {
    const { call } = await createTestApp();
    const created = await call("POST", "/api/projects", { name: "DX Demo", slug: "dx_demo" });
    expect(created.status).toBe(200);
    expect(created.body.ok).toBe(true);
    expect(created.body.project).toMatchObject({ slug: "dx_demo", name: "DX Demo", status: "active" });

    const listed = await call("GET", "/api/projects");
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ ok: true, count: 1 });
    expect(listed.body.projects.map((p: { slug: string }) => p.slug)).toEqual(["dx_demo"]);
    expect(listed.body.projects[0].username).toBe("local");
  });

  it("derives and normalises slugs", async () => {
    const { call } = await createTestApp();
    const derived = await call("POST", "/api/projects", { name: "My Fancy Project" });
    expect(derived.body.project.slug).toBe("my_fancy_project");
    const normalised = await call("POST", "/api/projects", { name: "X", slug: "  Hero--01 !! Night__Scene  " });
    expect(normalised.body.project.slug).toBe("hero--01_night__scene");
    const blankSlug = await call("POST", "/api/projects", { name: "From Name", slug: "   " });
    expect(blankSlug.body.project.slug).toBe("from_name");
  });

  it("upserts by slug: same id, new name, description kept unless given", async () => {
    const { call, rows } = await createTestApp();
    const first = await call("POST", "/api/projects", { name: "Alpha", slug: "alpha", description: "first" });
    const second = await call("POST", "/api/projects", { name: "Alpha Renamed", slug: "alpha" });
    expect(second.status).toBe(200);
    expect(second.body.project.id).toBe(first.body.project.id);
    expect(second.body.project.name).toBe("Alpha Renamed");
    expect(second.body.project.description).toBe("first");
    const third = await call("POST", "/api/projects", { name: "Alpha", slug: "alpha", description: "" });
    expect(third.body.project.description).toBe("");
    expect(await rows("projects")).toBe(1);
  });

  it("returns detail with counts and storage, looking the slug up normalised", async () => {
    const { call, appRoot } = await createTestApp();
    await call("POST", "/api/projects", { name: "Alpha Project" });
    const detail = await call("GET", "/api/projects/Alpha%20Project");
    expect(detail.status).toBe(200);
    expect(detail.body.project.slug).toBe("alpha_project");
    expect(detail.body.counts).toEqual({ runs: 0, jobs: 0, assets: 0 });
    expect(detail.body.storage.local).toEqual({
      base_dir: "var/projects",
      project_root: `${appRoot}/var/projects/alpha_project`,
    });
  });

  it("counts the project's runs, jobs and assets from the database", async () => {
    const { call, db } = await createTestApp();
    const { body } = await call("POST", "/api/projects", { name: "Counted" });
    const now = new Date().toISOString();
    const projectId = body.project.id;
    await db
      .insertInto("runs")
      .values({ id: "r1", project_id: projectId, run_mode: "dry", status: "succeeded", created_at: now })
      .execute();
    await db
      .insertInto("jobs")
      .values([
        { id: "j1", run_id: "r1", job_key: "a", status: "done", created_at: now },
        { id: "j2", run_id: "r1", job_key: "b", status: "done", created_at: now },
      ])
      .execute();
    await db
      .insertInto("assets")
      .values({ id: "a1", project_id: projectId, kind: "image", storage_backend: "local", created_at: now })
      .execute();
    const detail = await call("GET", "/api/projects/counted");
    expect(detail.body.counts).toEqual({ runs: 1, jobs: 2, assets: 1 });
  });

  it("lists most recently updated first and filters by username", async () => {
    const { call } = await createTestApp();
    await call("POST", "/api/projects", { name: "Old", username: "alice" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call("POST", "/api/projects", { name: "New", username: "bob" });
    const all = await call("GET", "/api/projects");
    expect(all.body.projects.map((p: { slug: string }) => p.slug)).toEqual(["new", "old"]);
    const alice = await call("GET", "/api/projects?username=Alice");
    expect(alice.body).toMatchObject({ count: 1, projects: [{ slug: "old", username: "alice" }] });
  });

  it("refuses a slug owned by another user with 409 and changes nothing", async () => {
    const { call, dump } = await createTestApp();
    await call("POST", "/api/projects", { name: "Shared", username: "alice" });
    const before = await dump("projects");
    const clash = await call("POST", "/api/projects", { name: "Mine now", slug: "shared", username: "bob" });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ ok: false, error_kind: "validation", error_code: "conflict" });
    expect(await dump("projects")).toEqual(before);
  });

  it("404s an unknown slug in the envelope", async () => {
    const { call } = await createTestApp();
    const missing = await call("GET", "/api/projects/nope");
    expectNotFound(missing, "Project 'nope' not found");
  });
});

describe("bad project input", () => {
  const cases: Array<[string, unknown, string, string]> = [
    ["missing name", { slug: "x" }, "Field 'name' is required", "name"],
    ["blank name", { name: "   " }, "Field 'name' is required", "name"],
    ["name of the wrong type", { name: 42 }, "Field 'name' must be string", "name"],
    [
      "description of the wrong type",
      { name: "A", description: ["x"] },
      "Field 'description' must be string",
      "description",
    ],
    ["a body that is not an object", ["name"], "Request body must be object", ""],
    ["a slug with nothing usable", { name: "!!!" }, "Field 'slug' must contain at least one letter or digit", "slug"],
  ];

  it.each(cases)(
    "rejects %s with 400 naming the field, leaving the database unchanged",
    async (_, body, message, field) => {
      const { call, dump } = await createTestApp();
      await call("POST", "/api/projects", { name: "Existing" });
      const before = [await dump("users"), await dump("projects"), await dump("project_storage")];
      const response = await call("POST", "/api/projects", body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ ok: false, error_kind: "validation", error_code: "validation_error" });
      expect(response.body.error).toContain(message);
      expect(response.body.details.field).toBe(field);
      expect([await dump("users"), await dump("projects"), await dump("project_storage")]).toEqual(before);
    },
  );

  it("rejects malformed JSON with 400 invalid_json", async () => {
    const { call, rows } = await createTestApp();
    const response = await call("POST", "/api/projects", '{"name": "DX Demo",');
    expectFailure(response, 400, ["validation", "invalid_json"], "Request body is not valid JSON");
    expect(await rows("projects")).toBe(0);
  });

  it("rejects a missing body with 400", async () => {
    const { call } = await createTestApp();
    const response = await call("POST", "/api/projects");
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("Request body is required (JSON)");
  });

  it("rejects an oversized body with 413", async () => {
    const { call, rows } = await createTestApp();
    const response = await call("POST", "/api/projects", { name: "Big", description: "x".repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ ok: false, error_code: "payload_too_large" });
    expect(await rows("projects")).toBe(0);
  });
});
