import { join } from "node:path";
import type { components } from "@kroma/contract";
import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { expectNotFound, okBody } from "../../../test/envelope.js";

// Through real HTTP; the server checks every JSON response it sends against the spec. Requests
// the spec allows go through the typed client; the ones it refuses through the untyped `call`.
const api = useTestServer({ projects: ["Refs", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/refs/reference-sets";
// Timestamps have millisecond resolution; a pause makes "later" observable.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

type Schemas = components["schemas"];
const inProject = (slug: string) => ({ params: { path: { slug } } });
const inSet = (referenceSetId: string, slug = "refs") => ({ params: { path: { slug, referenceSetId } } });
const inItem = (referenceSetId: string, itemId: string, slug = "refs") => ({
  params: { path: { slug, referenceSetId, itemId } },
});
const sets = {
  list: (slug = "refs") => api.client.GET("/api/projects/{slug}/reference-sets", inProject(slug)),
  create: (body: Schemas["CreateReferenceSetRequest"], slug = "refs") =>
    api.client.POST("/api/projects/{slug}/reference-sets", { ...inProject(slug), body }),
  get: (id: string, slug = "refs") =>
    api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}", inSet(id, slug)),
  update: (id: string, body: Schemas["UpdateReferenceSetRequest"]) =>
    api.client.PUT("/api/projects/{slug}/reference-sets/{referenceSetId}", { ...inSet(id), body }),
  remove: (id: string) => api.client.DELETE("/api/projects/{slug}/reference-sets/{referenceSetId}", inSet(id)),
};
const items = {
  list: (setId: string, slug = "refs") =>
    api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items", inSet(setId, slug)),
  add: (setId: string, body: Schemas["CreateReferenceItemRequest"], slug = "refs") =>
    api.client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", { ...inSet(setId, slug), body }),
  get: (setId: string, id: string) =>
    api.client.GET("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", inItem(setId, id)),
  update: (setId: string, id: string, body: Schemas["UpdateReferenceItemRequest"]) =>
    api.client.PUT("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", {
      ...inItem(setId, id),
      body,
    }),
  remove: (setId: string, id: string) =>
    api.client.DELETE("/api/projects/{slug}/reference-sets/{referenceSetId}/items/{itemId}", inItem(setId, id)),
};

const createSet = async (name: string, slug = "refs") => (await okBody(sets.create({ name }, slug))).reference_set;
const addItem = async (setId: string, body: Schemas["CreateReferenceItemRequest"], slug = "refs") =>
  (await okBody(items.add(setId, body, slug))).item;
const getSet = async (id: string) => (await okBody(sets.get(id))).reference_set;
const listItems = (setId: string) => okBody(items.list(setId));
const setNames = async () => (await okBody(sets.list())).reference_sets.map((set) => set.name);

/** Rows the server's own database holds for a set, read beside the server, not through it. */
function itemRowsInDatabase(setId: string): number {
  const sqlite = new Database(join(api.server.appRoot, "var/backend/app.db"), { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare("select count(*) as n from reference_items where reference_set_id = ?").get(setId) as {
      n: number;
    };
    return row.n;
  } finally {
    sqlite.close();
  }
}

describe("reference sets", () => {
  it("creates, lists, reads, updates and deletes", async () => {
    const set = await createSet(" Moodboard ");
    expect(set).toMatchObject({ name: "Moodboard", description: "", item_count: 0 });

    expect(await okBody(sets.list())).toMatchObject({
      ok: true,
      count: 1,
      reference_sets: [{ id: set.id, item_count: 0 }],
    });
    expect(await getSet(set.id)).toEqual(set);

    await tick();
    const updated = (await okBody(sets.update(set.id, { description: "Autumn palette" }))).reference_set;
    expect(updated).toMatchObject({ id: set.id, name: "Moodboard", description: "Autumn palette" });
    expect(updated.updated_at > set.updated_at).toBe(true);
    expect(updated.created_at).toBe(set.created_at);

    expect(await okBody(sets.remove(set.id))).toEqual({ ok: true, deleted: true, id: set.id });
    expect((await sets.get(set.id)).response.status).toBe(404);
    expect((await sets.remove(set.id)).response.status).toBe(404);
  });

  it("deletes a set together with its items", async () => {
    const doomed = await createSet("Doomed");
    const kept = await createSet("Kept");
    for (const text of ["a", "b", "c"]) await addItem(doomed.id, { content_text: text });
    await addItem(kept.id, { content_text: "stays" });
    expect(itemRowsInDatabase(doomed.id)).toBe(3);

    expect(await okBody(sets.remove(doomed.id))).toEqual({ ok: true, deleted: true, id: doomed.id });
    expect(itemRowsInDatabase(doomed.id)).toBe(0);
    expect((await items.list(doomed.id)).response.status).toBe(404);
    expect(itemRowsInDatabase(kept.id)).toBe(1);
    expect((await getSet(kept.id)).item_count).toBe(1);
  });

  it("counts each set's items", async () => {
    const empty = await createSet("Count empty");
    const two = await createSet("Count two");
    const first = await addItem(two.id, { content_text: "1" });
    await addItem(two.id, { content_uri: "refs/2.png" });
    expect((await getSet(two.id)).item_count).toBe(2);
    const listed = (await okBody(sets.list())).reference_sets;
    const counts = Object.fromEntries(listed.map((s) => [s.name, s.item_count]));
    expect(counts).toMatchObject({ "Count empty": 0, "Count two": 2 });

    await okBody(items.remove(two.id, first.id));
    expect((await getSet(two.id)).item_count).toBe(1);
    expect((await getSet(empty.id)).item_count).toBe(0);
  });

  it("lists sets most recently updated first; item changes count as updates", async () => {
    const older = await createSet("Order old");
    await tick();
    const newer = await createSet("Order new");
    expect((await setNames()).slice(0, 2)).toEqual(["Order new", "Order old"]);

    await tick();
    const item = await addItem(older.id, { content_text: "bump" });
    expect((await getSet(older.id)).updated_at).toBe(item.updated_at);
    expect((await setNames()).slice(0, 2)).toEqual(["Order old", "Order new"]);

    await tick();
    await okBody(sets.update(newer.id, { description: "bumped" }));
    expect((await setNames()).slice(0, 2)).toEqual(["Order new", "Order old"]);

    await tick();
    const edited = (await okBody(items.update(older.id, item.id, { label: "edited" }))).item;
    expect((await getSet(older.id)).updated_at).toBe(edited.updated_at);
    expect((await setNames()).slice(0, 2)).toEqual(["Order old", "Order new"]);

    await tick();
    await okBody(sets.update(newer.id, { description: "bumped again" }));
    await tick();
    const before = await getSet(older.id);
    await okBody(items.remove(older.id, item.id));
    expect((await getSet(older.id)).updated_at > before.updated_at).toBe(true);
    expect((await setNames()).slice(0, 2)).toEqual(["Order old", "Order new"]);
  });

  it("keeps set names unique per project (409), but not across projects", async () => {
    await createSet("Unique");
    const clash = await sets.create({ name: " Unique ", description: "twin" });
    expect(clash.response.status).toBe(409);
    expect(clash.error).toMatchObject({
      ok: false,
      error: "A reference set named 'Unique' already exists in this project",
      error_code: "conflict",
      details: { field: "name" },
    });
    await createSet("Unique", "other");

    const second = await createSet("Second");
    const renamed = await sets.update(second.id, { name: "Unique", description: "lost" });
    expect(renamed.response.status).toBe(409);
    expect(renamed.error).toMatchObject({ error: "A reference set named 'Unique' already exists in this project" });
    expect(await getSet(second.id)).toEqual(second);
  });

  it("rejects bad set input with 400, changing nothing", async () => {
    const before = await okBody(sets.list());
    for (const [body, message] of [
      [{ description: "x" }, "Field 'name' is required"],
      [{ name: "   " }, "Field 'name' is required"],
      [{ name: "A", description: 5 }, "Field 'description' must be string"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect(await okBody(sets.list())).toEqual(before);

    const target = await createSet("Target");
    for (const [update, message] of [
      [{ unrelated: 1 }, "Provide at least one of: name, description"],
      [{ name: "", description: "kept?" }, "Field 'name' is required"],
    ] as const) {
      const response = await call("PUT", `${base}/${target.id}`, update);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect(await getSet(target.id)).toEqual(target);
  });
});

describe("reference items", () => {
  it("creates, reads, updates and deletes an item", async () => {
    const set = await createSet("Items CRUD");
    const item = await addItem(set.id, {
      label: "  Front view ",
      content_uri: "  refs/front.png ",
      metadata_json: { angle: "front", tags: ["hero"] },
    });
    expect(item).toMatchObject({
      project_id: set.project_id,
      reference_set_id: set.id,
      label: "Front view",
      content_uri: "refs/front.png",
      content_text: null,
      sort_order: 0,
      metadata_json: { angle: "front", tags: ["hero"] },
    });
    expect(await okBody(items.get(set.id, item.id))).toEqual({ ok: true, item });

    await tick();
    const change = { content_text: "Hero facing camera", sort_order: 7, metadata_json: { angle: "three-quarter" } };
    const updated = (await okBody(items.update(set.id, item.id, change))).item;
    expect(updated).toMatchObject({
      id: item.id,
      label: "Front view",
      content_uri: "refs/front.png",
      content_text: "Hero facing camera",
      sort_order: 7,
      metadata_json: { angle: "three-quarter" },
      created_at: item.created_at,
    });
    expect(updated.updated_at > item.updated_at).toBe(true);
    expect((await okBody(items.get(set.id, item.id))).item).toEqual(updated);

    expect(await okBody(items.remove(set.id, item.id))).toEqual({ ok: true, deleted: true, id: item.id });
    expect((await items.get(set.id, item.id)).response.status).toBe(404);
    expect(await listItems(set.id)).toEqual({ ok: true, reference_set_id: set.id, count: 0, items: [] });
  });

  it("defaults label, metadata and sort_order (0 first, then one past the largest)", async () => {
    const set = await createSet("Defaults");
    const first = await addItem(set.id, { content_text: "first" });
    expect(first).toMatchObject({ label: "", content_uri: null, sort_order: 0, metadata_json: {} });
    expect((await addItem(set.id, { content_text: "second" })).sort_order).toBe(1);
    expect((await addItem(set.id, { content_text: "placed", sort_order: 10 })).sort_order).toBe(10);
    expect((await addItem(set.id, { content_text: "after placed" })).sort_order).toBe(11);
    expect((await addItem(set.id, { content_text: "negative", sort_order: -5 })).sort_order).toBe(-5);
    expect((await addItem(set.id, { content_text: "still last" })).sort_order).toBe(12);

    // Each set numbers its own items.
    const other = await createSet("Defaults other");
    expect((await addItem(other.id, { content_uri: "x.png" })).sort_order).toBe(0);
  });

  it("lists items by sort_order, then creation", async () => {
    const set = await createSet("Ordering");
    const c = await addItem(set.id, { label: "c", content_text: "c", sort_order: 2 });
    const a = await addItem(set.id, { label: "a", content_text: "a", sort_order: 1 });
    await tick();
    const b = await addItem(set.id, { label: "b", content_text: "b", sort_order: 1 });
    const z = await addItem(set.id, { label: "z", content_text: "z", sort_order: -1 });
    const listed = await listItems(set.id);
    expect(listed).toMatchObject({ ok: true, reference_set_id: set.id, count: 4 });
    expect(listed.items.map((item) => item.label)).toEqual(["z", "a", "b", "c"]);

    await okBody(items.update(set.id, c.id, { sort_order: -2 }));
    await okBody(items.update(set.id, a.id, { sort_order: 3 }));
    expect((await listItems(set.id)).items.map((item) => item.id)).toEqual([c.id, z.id, b.id, a.id]);
  });

  it("requires content_uri or content_text on create, changing nothing", async () => {
    const set = await createSet("Needs content");
    for (const body of [
      {},
      { label: "only a label" },
      { content_uri: "   ", content_text: "" },
      { content_uri: null, content_text: null, sort_order: 3 },
    ]) {
      const response = await call("POST", `${base}/${set.id}/items`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({
        ok: false,
        error: "Provide at least one of: content_uri, content_text, asset_id",
        error_code: "validation_error",
      });
    }
    const bad = await call("POST", `${base}/${set.id}/items`, { content_text: "x", sort_order: 1.5 });
    expect(bad.status).toBe(400);
    expect((await listItems(set.id)).count).toBe(0);
    expect(await getSet(set.id)).toEqual(set);

    // Blank content of one kind is dropped when the other kind is given.
    const item = await addItem(set.id, { content_uri: " ", content_text: "described" });
    expect(item).toMatchObject({ content_uri: null, content_text: "described" });
  });

  it("rejects updates that name no field or leave the item without content, changing nothing", async () => {
    const set = await createSet("Update rules");
    const item = await addItem(set.id, { label: "L", content_uri: "refs/a.png" });
    const url = `${base}/${set.id}/items/${item.id}`;
    for (const [update, message] of [
      [
        { unrelated: 1 },
        "Provide at least one of: label, content_uri, content_text, asset_id, sort_order, metadata_json",
      ],
      [{ content_uri: null, label: "lost" }, "Provide at least one of: content_uri, content_text, asset_id"],
      [{ content_uri: "  ", sort_order: 99 }, "Provide at least one of: content_uri, content_text, asset_id"],
      [{ content_uri: "", content_text: " " }, "Provide at least one of: content_uri, content_text, asset_id"],
    ] as const) {
      const response = await call("PUT", url, update);
      expect(response.status, JSON.stringify(update)).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await okBody(items.get(set.id, item.id))).item).toEqual(item);
    expect(await getSet(set.id)).toEqual({ ...set, item_count: 1, updated_at: item.updated_at });

    // Swapping one kind of content for the other is fine.
    const swapped = await okBody(items.update(set.id, item.id, { content_uri: null, content_text: "now text" }));
    expect(swapped.item).toMatchObject({ label: "L", content_uri: null, content_text: "now text" });
  });

  it("404s unknown projects, other projects' sets and items of other sets", async () => {
    const mine = await createSet("Mine");
    const sibling = await createSet("Sibling");
    const myItem = await addItem(mine.id, { content_text: "mine" });
    const siblingItem = await addItem(sibling.id, { content_text: "sibling" });
    const theirSet = await createSet("Theirs", "other");
    const theirItem = await addItem(theirSet.id, { content_text: "theirs" }, "other");

    expectNotFound(await sets.list("ghost"), "Project 'ghost' not found");
    expect((await items.list(mine.id, "ghost")).response.status).toBe(404);

    for (const setId of ["no-such-set", theirSet.id]) {
      for (const [method, path, payload] of [
        ["GET", "", undefined],
        ["PUT", "", { name: "Stolen" }],
        ["DELETE", "", undefined],
        ["GET", "/items", undefined],
        ["POST", "/items", { content_text: "intruder" }],
        ["GET", `/items/${theirItem.id}`, undefined],
        ["PUT", `/items/${theirItem.id}`, { label: "stolen" }],
        ["DELETE", `/items/${theirItem.id}`, undefined],
      ] as const) {
        const response = await call(method, `${base}/${setId}${path}`, payload);
        expectNotFound(response, `Reference set '${setId}' not found`, `${method} ${setId}${path}`);
      }
    }

    for (const itemId of ["no-such-item", siblingItem.id, theirItem.id]) {
      const missing = `Reference item '${itemId}' not found`;
      expectNotFound(await items.get(mine.id, itemId), missing, `GET ${itemId}`);
      expectNotFound(await items.update(mine.id, itemId, { label: "stolen" }), missing, `PUT ${itemId}`);
      expectNotFound(await items.remove(mine.id, itemId), missing, `DELETE ${itemId}`);
    }

    expect((await listItems(mine.id)).items).toEqual([myItem]);
    expect((await listItems(sibling.id)).items).toEqual([siblingItem]);
    expect((await okBody(items.list(theirSet.id, "other"))).items).toEqual([theirItem]);
    expect((await okBody(sets.get(theirSet.id, "other"))).reference_set).toMatchObject({
      name: "Theirs",
      item_count: 1,
    });
  });
});
