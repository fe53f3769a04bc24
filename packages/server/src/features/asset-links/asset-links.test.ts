import { join } from "node:path";
import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNotFound } from "../../../test/envelope.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
let server: TestServer;
let call: ReturnType<typeof httpClient>;
let projectId: string;
beforeAll(async () => {
  server = await startTestServer();
  call = httpClient(server.url);
  projectId = (await call("POST", "/api/projects", { name: "Links" })).body.project.id;
  const otherId = (await call("POST", "/api/projects", { name: "Other" })).body.project.id;
  // Assets arrive through run ingest, which has no endpoint yet: write the rows directly.
  const sqlite = new SQLite(join(server.appRoot, "var/backend/app.db"));
  const insert = sqlite.prepare(
    "INSERT INTO assets (id, project_id, kind, storage_backend, created_at) VALUES (?, ?, 'image', 'local', ?)",
  );
  for (const id of ["a1", "a2", "a3", "a4"]) insert.run(id, projectId, new Date().toISOString());
  for (const id of ["x1", "x2"]) insert.run(id, otherId, new Date().toISOString());
  sqlite.close();
});
afterAll(() => server.stop());

const base = "/api/projects/links/asset-links";
const otherBase = "/api/projects/other/asset-links";
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const listed = async (query = "") => (await call("GET", `${base}${query}`)).body;
const ids = (body: { asset_links: { id: string }[] }) => body.asset_links.map((link) => link.id);

describe("asset links", () => {
  it("creates (derived_from by default), lists, reads, updates and deletes", async () => {
    const created = await call("POST", base, { parent_asset_id: " a1 ", child_asset_id: "a2" });
    expect(created.status).toBe(200);
    const link = created.body.asset_link;
    expect(link).toEqual({
      id: link.id,
      project_id: projectId,
      parent_asset_id: "a1",
      child_asset_id: "a2",
      link_type: "derived_from",
      created_at: link.created_at,
      updated_at: link.created_at,
    });

    expect(await listed()).toEqual({ ok: true, count: 1, asset_links: [link] });
    expect((await call("GET", `${base}/${link.id}`)).body).toEqual({ ok: true, asset_link: link });

    await tick();
    const updated = await call("PUT", `${base}/${link.id}`, { link_type: "mask_for", child_asset_id: "a3" });
    expect(updated.status).toBe(200);
    expect(updated.body.asset_link).toMatchObject({
      id: link.id,
      parent_asset_id: "a1",
      child_asset_id: "a3",
      link_type: "mask_for",
      created_at: link.created_at,
    });
    expect(updated.body.asset_link.updated_at > link.updated_at).toBe(true);
    expect((await call("GET", `${base}/${link.id}`)).body.asset_link).toEqual(updated.body.asset_link);

    const deleted = await call("DELETE", `${base}/${link.id}`);
    expect(deleted.body).toEqual({ ok: true, deleted: true, id: link.id });
    expect((await call("GET", `${base}/${link.id}`)).status).toBe(404);
    expect((await listed()).count).toBe(0);
  });

  it("filters by asset (parent or child) and by type, oldest first", async () => {
    const make = async (parent: string, child: string, type: string) => {
      await tick();
      return (await call("POST", base, { parent_asset_id: parent, child_asset_id: child, link_type: type })).body
        .asset_link.id;
    };
    const first = await make("a1", "a2", "variant_of");
    const second = await make("a2", "a3", "derived_from");
    const third = await make("a3", "a4", "variant_of");
    const fourth = await make("a4", "a1", "reference_of");

    expect(ids(await listed())).toEqual([first, second, third, fourth]);
    expect(ids(await listed("?asset_id=a2"))).toEqual([first, second]);
    expect(ids(await listed("?asset_id=a1"))).toEqual([first, fourth]);
    expect(ids(await listed("?link_type=variant_of"))).toEqual([first, third]);
    expect(ids(await listed("?asset_id=a3&link_type=variant_of"))).toEqual([third]);
    expect(await listed("?asset_id=nothing")).toEqual({ ok: true, count: 0, asset_links: [] });
    expect(await listed("?link_type=mask_for")).toMatchObject({ count: 0 });

    const badType = await call("GET", `${base}?link_type=sibling_of`);
    expect(badType.status).toBe(400);

    for (const id of [first, second, third, fourth]) await call("DELETE", `${base}/${id}`);
  });

  it("refuses missing or foreign assets, self-links and duplicates on create, changing nothing", async () => {
    const existing = (await call("POST", base, { parent_asset_id: "a1", child_asset_id: "a2", link_type: "mask_for" }))
      .body.asset_link;
    const before = await listed();
    // An asset this project lacks: missing, or another project's.
    const unknown = (id: string, field: string) => [`Asset '${id}' was not found in this project`, { field }] as const;
    for (const [body, status, [error, details]] of [
      [{ parent_asset_id: "nope", child_asset_id: "a2" }, 400, unknown("nope", "parent_asset_id")],
      [{ parent_asset_id: "a1", child_asset_id: "nope" }, 400, unknown("nope", "child_asset_id")],
      [{ parent_asset_id: "x1", child_asset_id: "a2" }, 400, unknown("x1", "parent_asset_id")],
      [{ parent_asset_id: "a1", child_asset_id: "x2" }, 400, unknown("x2", "child_asset_id")],
      [{ parent_asset_id: "a3", child_asset_id: "a3" }, 400, ["parent_asset_id and child_asset_id must differ"]],
      [
        { parent_asset_id: "  ", child_asset_id: "a2" },
        400,
        ["Field 'parent_asset_id' is required", { field: "parent_asset_id" }],
      ],
      [{ parent_asset_id: "a1", child_asset_id: "a2", link_type: "mask_for" }, 409, ["Asset link already exists"]],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, error).toBe(status);
      expect(response.body.error).toBe(error);
      if (details) expect(response.body.details).toEqual(details);
    }
    for (const body of [
      { parent_asset_id: "a1" },
      { child_asset_id: "a2" },
      { parent_asset_id: "a1", child_asset_id: "a2", link_type: "sibling_of" },
    ]) {
      expect((await call("POST", base, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await listed()).toEqual(before);

    // The same pair with another type is a different link.
    const variant = await call("POST", base, { parent_asset_id: "a1", child_asset_id: "a2", link_type: "variant_of" });
    expect(variant.status).toBe(200);
    expect(variant.body.asset_link.id).not.toBe(existing.id);
  });

  it("re-checks the resulting link on update, changing nothing when refused", async () => {
    const target = (
      await call("POST", base, { parent_asset_id: "a3", child_asset_id: "a4", link_type: "derived_from" })
    ).body.asset_link;
    await call("POST", base, { parent_asset_id: "a3", child_asset_id: "a4", link_type: "reference_of" });
    const before = await listed();
    for (const [body, status, error] of [
      [{}, 400, "Provide at least one of: parent_asset_id, child_asset_id, link_type"],
      [{ unrelated: 1 }, 400, "Provide at least one of: parent_asset_id, child_asset_id, link_type"],
      [{ parent_asset_id: "nope" }, 400, "Asset 'nope' was not found in this project"],
      [{ child_asset_id: "x1" }, 400, "Asset 'x1' was not found in this project"],
      [{ parent_asset_id: "a4" }, 400, "parent_asset_id and child_asset_id must differ"],
      [{ child_asset_id: "  " }, 400, "Field 'child_asset_id' is required"],
      [{ link_type: "reference_of" }, 409, "Asset link already exists"],
    ] as const) {
      const response = await call("PUT", `${base}/${target.id}`, body);
      expect(response.status, error).toBe(status);
      expect(response.body.error).toBe(error);
    }
    expect(await listed()).toEqual(before);
    expect((await call("GET", `${base}/${target.id}`)).body.asset_link).toEqual(target);

    // Rewriting a link to its own values is no duplicate of itself.
    const same = await call("PUT", `${base}/${target.id}`, { link_type: "derived_from", parent_asset_id: "a3" });
    expect(same.status).toBe(200);
    expect(same.body.asset_link).toMatchObject({
      parent_asset_id: "a3",
      child_asset_id: "a4",
      link_type: "derived_from",
    });
  });

  it("404s unknown projects, unknown ids and another project's link alike", async () => {
    const theirs = (await call("POST", otherBase, { parent_asset_id: "x1", child_asset_id: "x2" })).body.asset_link;
    expect(theirs.parent_asset_id).toBe("x1");
    for (const [method, payload] of [
      ["GET", undefined],
      ["POST", { parent_asset_id: "a1", child_asset_id: "a2" }],
    ] as const) {
      const response = await call(method, "/api/projects/ghost/asset-links", payload);
      expectNotFound(response, "Project 'ghost' not found");
    }
    for (const [method, payload] of [
      ["GET", undefined],
      ["PUT", { link_type: "variant_of" }],
      ["DELETE", undefined],
    ] as const) {
      for (const id of ["no-such-id", theirs.id]) {
        const response = await call(method, `${base}/${id}`, payload);
        expectNotFound(response, `Asset link '${id}' not found`, `${method} ${id}`);
      }
    }
    expect((await call("GET", `${otherBase}/${theirs.id}`)).body.asset_link).toEqual(theirs);
    expect(ids(await listed("?asset_id=x1"))).toEqual([]);
  });
});
