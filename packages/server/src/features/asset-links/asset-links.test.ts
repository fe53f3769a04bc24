import { join } from "node:path";
import type { components, operations } from "@kroma/contract";
import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import SQLite from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNotFound, okBody } from "../../../test/envelope.js";
import { projectIdOf } from "../../../test/projects.js";

// Through real HTTP; the server checks every JSON response it sends against the spec. Requests
// the spec allows go through the typed client; the ones it refuses through the untyped `call`.
const api = useTestServer({ projects: ["Links", "Other"] });
const call: HttpCall = (...args) => api.call(...args);
let projectId: string;
beforeAll(async () => {
  projectId = await projectIdOf(api.client, "links");
  const otherId = await projectIdOf(api.client, "other");
  // Assets arrive through run ingest, which has no endpoint yet: write the rows directly.
  const sqlite = new SQLite(join(api.server.appRoot, "var/backend/app.db"));
  const insert = sqlite.prepare(
    "INSERT INTO assets (id, project_id, kind, storage_backend, created_at) VALUES (?, ?, 'image', 'local', ?)",
  );
  for (const id of ["a1", "a2", "a3", "a4"]) insert.run(id, projectId, new Date().toISOString());
  for (const id of ["x1", "x2"]) insert.run(id, otherId, new Date().toISOString());
  sqlite.close();
});

const base = "/api/projects/links/asset-links";
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
type Filter = NonNullable<operations["listAssetLinks"]["parameters"]["query"]>;
type LinkBody = components["schemas"]["CreateAssetLinkRequest"];
type LinkChange = components["schemas"]["UpdateAssetLinkRequest"];
const inLink = (linkId: string, slug = "links") => ({ params: { path: { slug, linkId } } });
const listLinks = (query: Filter = {}, slug = "links") =>
  api.client.GET("/api/projects/{slug}/asset-links", { params: { path: { slug }, query } });
const listed = (query: Filter = {}) => okBody(listLinks(query));
const createLink = (body: LinkBody, slug = "links") =>
  api.client.POST("/api/projects/{slug}/asset-links", { params: { path: { slug } }, body });
const getLink = (linkId: string, slug = "links") =>
  api.client.GET("/api/projects/{slug}/asset-links/{linkId}", inLink(linkId, slug));
const updateLink = (linkId: string, body: LinkChange) =>
  api.client.PUT("/api/projects/{slug}/asset-links/{linkId}", { ...inLink(linkId), body });
const deleteLink = (linkId: string) => api.client.DELETE("/api/projects/{slug}/asset-links/{linkId}", inLink(linkId));
const ids = (body: { asset_links: { id: string }[] }) => body.asset_links.map((link) => link.id);

describe("asset links", () => {
  it("creates (derived_from by default), lists, reads, updates and deletes", async () => {
    const link = (await okBody(createLink({ parent_asset_id: " a1 ", child_asset_id: "a2" }))).asset_link;
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
    expect(await okBody(getLink(link.id))).toEqual({ ok: true, asset_link: link });

    await tick();
    const updated = (await okBody(updateLink(link.id, { link_type: "mask_for", child_asset_id: "a3" }))).asset_link;
    expect(updated).toMatchObject({
      id: link.id,
      parent_asset_id: "a1",
      child_asset_id: "a3",
      link_type: "mask_for",
      created_at: link.created_at,
    });
    expect(updated.updated_at > link.updated_at).toBe(true);
    expect((await okBody(getLink(link.id))).asset_link).toEqual(updated);

    expect(await okBody(deleteLink(link.id))).toEqual({ ok: true, deleted: true, id: link.id });
    expect((await getLink(link.id)).response.status).toBe(404);
    expect((await listed()).count).toBe(0);
  });

  it("filters by asset (parent or child) and by type, oldest first", async () => {
    const make = async (parent: string, child: string, type: LinkBody["link_type"]) => {
      await tick();
      return (await okBody(createLink({ parent_asset_id: parent, child_asset_id: child, link_type: type }))).asset_link
        .id;
    };
    const first = await make("a1", "a2", "variant_of");
    const second = await make("a2", "a3", "derived_from");
    const third = await make("a3", "a4", "variant_of");
    const fourth = await make("a4", "a1", "reference_of");

    expect(ids(await listed())).toEqual([first, second, third, fourth]);
    expect(ids(await listed({ asset_id: "a2" }))).toEqual([first, second]);
    expect(ids(await listed({ asset_id: "a1" }))).toEqual([first, fourth]);
    expect(ids(await listed({ link_type: "variant_of" }))).toEqual([first, third]);
    expect(ids(await listed({ asset_id: "a3", link_type: "variant_of" }))).toEqual([third]);
    expect(await listed({ asset_id: "nothing" })).toEqual({ ok: true, count: 0, asset_links: [] });
    expect(await listed({ link_type: "mask_for" })).toMatchObject({ count: 0 });

    const badType = await call("GET", `${base}?link_type=sibling_of`);
    expect(badType.status).toBe(400);

    for (const id of [first, second, third, fourth]) await deleteLink(id);
  });

  it("refuses missing or foreign assets, self-links and duplicates on create, changing nothing", async () => {
    const existing = (await okBody(createLink({ parent_asset_id: "a1", child_asset_id: "a2", link_type: "mask_for" })))
      .asset_link;
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
    const variant = await okBody(createLink({ parent_asset_id: "a1", child_asset_id: "a2", link_type: "variant_of" }));
    expect(variant.asset_link.id).not.toBe(existing.id);
  });

  it("re-checks the resulting link on update, changing nothing when refused", async () => {
    const target = (
      await okBody(createLink({ parent_asset_id: "a3", child_asset_id: "a4", link_type: "derived_from" }))
    ).asset_link;
    await okBody(createLink({ parent_asset_id: "a3", child_asset_id: "a4", link_type: "reference_of" }));
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
    expect((await okBody(getLink(target.id))).asset_link).toEqual(target);

    // Rewriting a link to its own values is no duplicate of itself.
    const same = await okBody(updateLink(target.id, { link_type: "derived_from", parent_asset_id: "a3" }));
    expect(same.asset_link).toMatchObject({
      parent_asset_id: "a3",
      child_asset_id: "a4",
      link_type: "derived_from",
    });
  });

  it("404s unknown projects, unknown ids and another project's link alike", async () => {
    const theirs = (await okBody(createLink({ parent_asset_id: "x1", child_asset_id: "x2" }, "other"))).asset_link;
    expect(theirs.parent_asset_id).toBe("x1");
    expectNotFound(await listLinks({}, "ghost"), "Project 'ghost' not found", "GET");
    expectNotFound(
      await createLink({ parent_asset_id: "a1", child_asset_id: "a2" }, "ghost"),
      "Project 'ghost' not found",
      "POST",
    );
    for (const id of ["no-such-id", theirs.id]) {
      expectNotFound(await getLink(id), `Asset link '${id}' not found`, `GET ${id}`);
      expectNotFound(await updateLink(id, { link_type: "variant_of" }), `Asset link '${id}' not found`, `PUT ${id}`);
      expectNotFound(await deleteLink(id), `Asset link '${id}' not found`, `DELETE ${id}`);
    }
    expect((await okBody(getLink(theirs.id, "other"))).asset_link).toEqual(theirs);
    expect(ids(await listed({ asset_id: "x1" }))).toEqual([]);
  });
});
