import type { components } from "@kroma/contract";
import type { ApiClient } from "@kroma/testkit/api-client";
import { describe, expect, it } from "vitest";
import { expectFailure, expectNotFound, okBody } from "../../../test/envelope.js";
import { createTestApp } from "../../../test/setup.js";

type Upsert = components["schemas"]["UpsertProjectRequest"];
/** Creates or updates a project through the typed client; the test fails unless it is a 200. */
const upsert = async (client: ApiClient, body: Upsert) =>
  (await okBody(client.POST("/api/projects", { body }))).project;
const slugsOf = (body: { projects: { slug: string }[] }) => body.projects.map((project) => project.slug);

describe("projects", () => {
  it("answers the seed's success check: create dx_demo, then list it", async () => {
    const { client } = await createTestApp();
    const created = await okBody(client.POST("/api/projects", { body: { name: "DX Demo", slug: "dx_demo" } }));
    expect(created.ok).toBe(true);
    expect(created.project).toMatchObject({ slug: "dx_demo", name: "DX Demo", status: "active" });

    const listed = await okBody(client.GET("/api/projects"));
    expect(listed).toMatchObject({ ok: true, count: 1 });
    expect(slugsOf(listed)).toEqual(["dx_demo"]);
    expect(listed.projects[0]?.username).toBe("local");
  });

  it("derives and normalises slugs", async () => {
    const { client } = await createTestApp();
    expect((await upsert(client, { name: "My Fancy Project" })).slug).toBe("my_fancy_project");
    const normalised = await upsert(client, { name: "X", slug: "  Hero--01 !! Night__Scene  " });
    expect(normalised.slug).toBe("hero--01_night__scene");
    expect((await upsert(client, { name: "From Name", slug: "   " })).slug).toBe("from_name");
  });

  it("upserts by slug: same id, new name, description kept unless given", async () => {
    const { client, rows } = await createTestApp();
    const first = await upsert(client, { name: "Alpha", slug: "alpha", description: "first" });
    const second = await upsert(client, { name: "Alpha Renamed", slug: "alpha" });
    expect(second.id).toBe(first.id);
    expect(second.name).toBe("Alpha Renamed");
    expect(second.description).toBe("first");
    const third = await upsert(client, { name: "Alpha", slug: "alpha", description: "" });
    expect(third.description).toBe("");
    expect(await rows("projects")).toBe(1);
  });

  it("returns detail with counts and storage, looking the slug up normalised", async () => {
    const { client, appRoot } = await createTestApp();
    await upsert(client, { name: "Alpha Project" });
    const detail = await okBody(client.GET("/api/projects/{slug}", { params: { path: { slug: "Alpha Project" } } }));
    expect(detail.project.slug).toBe("alpha_project");
    expect(detail.counts).toEqual({ runs: 0, jobs: 0, assets: 0 });
    expect(detail.storage.local).toEqual({
      base_dir: "var/projects",
      project_root: `${appRoot}/var/projects/alpha_project`,
    });
  });

  it("counts the project's runs, jobs and assets from the database", async () => {
    const { client, db } = await createTestApp();
    const projectId = (await upsert(client, { name: "Counted" })).id;
    const now = new Date().toISOString();
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
    const detail = await okBody(client.GET("/api/projects/{slug}", { params: { path: { slug: "counted" } } }));
    expect(detail.counts).toEqual({ runs: 1, jobs: 2, assets: 1 });
  });

  it("lists most recently updated first and filters by username", async () => {
    const { client } = await createTestApp();
    await upsert(client, { name: "Old", username: "alice" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await upsert(client, { name: "New", username: "bob" });
    expect(slugsOf(await okBody(client.GET("/api/projects")))).toEqual(["new", "old"]);
    const alice = await okBody(client.GET("/api/projects", { params: { query: { username: "Alice" } } }));
    expect(alice).toMatchObject({ count: 1, projects: [{ slug: "old", username: "alice" }] });
  });

  it("refuses a slug owned by another user with 409 and changes nothing", async () => {
    const { client, dump } = await createTestApp();
    await upsert(client, { name: "Shared", username: "alice" });
    const before = await dump("projects");
    const clash = await client.POST("/api/projects", { body: { name: "Mine now", slug: "shared", username: "bob" } });
    expect(clash.response.status).toBe(409);
    expect(clash.error).toMatchObject({ ok: false, error_kind: "validation", error_code: "conflict" });
    expect(await dump("projects")).toEqual(before);
  });

  it("404s an unknown slug in the envelope", async () => {
    const { client } = await createTestApp();
    const missing = await client.GET("/api/projects/{slug}", { params: { path: { slug: "nope" } } });
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
