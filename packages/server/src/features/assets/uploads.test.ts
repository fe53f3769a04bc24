import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bombPng, imageInfo, listTree, rawRequest, scenePng, solidPng, useTestServer } from "@kroma/testkit";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

// A small body limit, so "too large" needs no 50 MiB test file; the pixel limit stays the default.
const maxBytes = 300_000;
const api = useTestServer({
  agentDispatch: false,
  uploadLimits: { maxBytes, maxPixels: 100_000_000 },
  projects: ["Uploads", "Other"],
});
let freshProjects = 0;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON the server validated against the spec
type Answer = { status: number; body: any };

/** `POST /assets` with a raw body of this content type. */
async function uploadRaw(slug: string, query: string, bytes: Uint8Array | string, type: string): Promise<Answer> {
  const response = await fetch(`${api.server.url}/api/projects/${slug}/assets?${query}`, {
    method: "POST",
    headers: { "content-type": type },
    body: bytes,
  });
  return { status: response.status, body: await response.json() };
}

/** `POST /assets` as a browser form does: `multipart/form-data` with a `file` part. */
async function uploadForm(
  slug: string,
  kind: string,
  file: { bytes: Uint8Array; type: string; fileName: string },
  name?: string,
): Promise<Answer> {
  const form = new FormData();
  form.append("file", new Blob([file.bytes], { type: file.type }), file.fileName);
  if (name !== undefined) form.append("name", name);
  const response = await fetch(`${api.server.url}/api/projects/${slug}/assets?kind=${kind}`, {
    method: "POST",
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

async function projectRoot(slug: string): Promise<string> {
  const { data } = await api.client.GET("/api/projects/{slug}", { params: { path: { slug } } });
  return data?.storage.local.project_root ?? "";
}

async function assetCount(slug: string): Promise<number> {
  const { data } = await api.client.GET("/api/projects/{slug}/assets", { params: { path: { slug } } });
  return data?.total ?? -1;
}

const jpeg = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: "#88aa33" } })
    .jpeg()
    .toBuffer();

describe("POST /api/projects/{slug}/assets", () => {
  it("keeps a PNG sent as the raw body as a scene asset named by its sha256", async () => {
    const png = await scenePng(96, 64);
    const answer = await uploadRaw("uploads", "kind=scene&name=My%20Scene.png", png, "image/png");
    expect(answer.status).toBe(201);
    const { asset, deduplicated } = answer.body;
    expect(deduplicated).toBe(false);
    expect(asset).toMatchObject({
      kind: "image",
      asset_kind: "scene",
      mime_type: "image/png",
      width: 96,
      height: 64,
      sha256: sha256(png),
      rel_path: `uploads/scene/${sha256(png)}.png`,
      original_name: "My Scene.png",
      run_id: null,
      job_id: null,
      storage_backend: "local",
    });
    const root = await projectRoot("uploads");
    expect(await readFile(join(root, asset.rel_path))).toEqual(png);
    // The same record as getAsset answers, and the write is audited.
    const { data } = await api.client.GET("/api/projects/{slug}/assets/{assetId}", {
      params: { path: { slug: "uploads", assetId: asset.id } },
    });
    expect(data?.asset).toEqual(asset);
    const audit = await api.server.db
      .selectFrom("audit_events")
      .selectAll()
      .where("target_id", "=", asset.id)
      .execute();
    expect(audit.map((event) => event.action)).toEqual(["asset.upload"]);
    // And its file is served like any asset's.
    const file = await fetch(`${api.server.url}/api/projects/uploads/assets/${asset.id}/file`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png);
  });

  it("keeps a JPEG sent as multipart/form-data, with the part's file name or the name field", async () => {
    const bytes = await jpeg();
    const answer = await uploadForm("uploads", "reference", { bytes, type: "image/jpeg", fileName: "photo.jpeg" });
    expect(answer.status).toBe(201);
    expect(answer.body.asset).toMatchObject({
      asset_kind: "reference",
      mime_type: "image/jpeg",
      width: 40,
      height: 30,
      sha256: sha256(bytes),
      rel_path: `uploads/reference/${sha256(bytes)}.jpg`,
      original_name: "photo.jpeg",
    });
    expect(await readFile(join(await projectRoot("uploads"), answer.body.asset.rel_path))).toEqual(bytes);
    expect(await imageInfo(join(await projectRoot("uploads"), answer.body.asset.rel_path))).toMatchObject({
      format: "jpeg",
    });

    // A browser that cannot tell the type sends octet-stream: the bytes decide.
    const png = await scenePng(20, 20);
    const named = await uploadForm(
      "uploads",
      "reference",
      { bytes: png, type: "application/octet-stream", fileName: "blob" },
      "Named.png",
    );
    expect(named.status).toBe(201);
    expect(named.body.asset).toMatchObject({ mime_type: "image/png", original_name: "Named.png" });
  });

  it("answers the stored asset for the same bytes of the same kind (200, deduplicated)", async () => {
    const png = await scenePng(50, 40);
    const first = await uploadRaw("uploads", "kind=scene&name=a.png", png, "image/png");
    expect(first.status).toBe(201);
    const count = await assetCount("uploads");
    const again = await uploadForm("uploads", "scene", { bytes: png, type: "image/png", fileName: "b.png" });
    expect(again.status).toBe(200);
    expect(again.body.deduplicated).toBe(true);
    expect(again.body.asset).toEqual(first.body.asset);
    expect(await assetCount("uploads")).toBe(count);
    // As the other kind the same bytes are a new asset.
    const asReference = await uploadRaw("uploads", "kind=reference", png, "image/png");
    expect(asReference.status).toBe(201);
    expect(asReference.body.asset.id).not.toBe(first.body.asset.id);
  });

  it("keeps two different files uploaded under one name", async () => {
    const one = await scenePng(30, 30);
    const two = await scenePng(31, 30);
    const a = await uploadRaw("uploads", "kind=scene&name=same.png", one, "image/png");
    const b = await uploadRaw("uploads", "kind=scene&name=same.png", two, "image/png");
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.asset.id).not.toBe(b.body.asset.id);
    expect([a.body.asset.original_name, b.body.asset.original_name]).toEqual(["same.png", "same.png"]);
    const root = await projectRoot("uploads");
    expect(await readFile(join(root, a.body.asset.rel_path))).toEqual(one);
    expect(await readFile(join(root, b.body.asset.rel_path))).toEqual(two);
  });

  describe("refuses a bad upload in the envelope and leaves nothing on disk", () => {
    const whole = solidPng(64, 64, [200, 40, 90]);
    const cases: [label: string, send: (slug: string) => Promise<Answer>, status: number, code: string][] = [
      [
        "a truncated PNG",
        (s) => uploadRaw(s, "kind=scene", whole.subarray(0, whole.length / 2), "image/png"),
        400,
        "invalid_image",
      ],
      [
        "a 1.6 gigapixel PNG bomb",
        (s) => uploadRaw(s, "kind=scene", bombPng(40_000, 40_000), "image/png"),
        422,
        "image_too_large",
      ],
      [
        "a body over the limit",
        (s) => uploadRaw(s, "kind=scene", Buffer.alloc(maxBytes + 1, 7), "image/png"),
        413,
        "payload_too_large",
      ],
      [
        "a chunked body over the limit",
        (s) => chunked(s, Buffer.concat([whole, Buffer.alloc(maxBytes, 1)])),
        413,
        "payload_too_large",
      ],
      [
        "a text file sent as an image",
        (s) => uploadRaw(s, "kind=scene", "just some text\n", "image/png"),
        415,
        "unsupported_media_type",
      ],
      [
        "a text body",
        (s) => uploadRaw(s, "kind=scene", "just some text\n", "text/plain"),
        415,
        "unsupported_media_type",
      ],
      [
        "JPEG bytes sent as image/png",
        async (s) => uploadRaw(s, "kind=scene", await jpeg(), "image/png"),
        415,
        "unsupported_media_type",
      ],
      ["a multipart body without a file part", (s) => formWithout(s), 400, "validation_error"],
      [
        "a multipart body without a boundary",
        (s) => uploadRaw(s, "kind=scene", "--x\r\n", "multipart/form-data"),
        400,
        "validation_error",
      ],
      ["an empty body", (s) => uploadRaw(s, "kind=scene", "", "image/png"), 400, "invalid_image"],
      ["an unknown kind", (s) => uploadRaw(s, "kind=final", whole, "image/png"), 400, "validation_error"],
    ];
    it.each(cases)("%s", async (_label, send, status, code) => {
      // A new project has no upload folders yet: whatever the failed upload created must be gone too.
      const fresh = `fresh_${++freshProjects}`;
      expect((await api.call("POST", "/api/projects", { name: fresh, slug: fresh })).status).toBe(200);
      for (const slug of ["uploads", fresh]) {
        const root = await projectRoot(slug);
        const before = await listTree(root);
        const count = await assetCount(slug);
        const answer = await send(slug);
        expect(answer.status, slug).toBe(status);
        expect(answer.body, slug).toMatchObject({ ok: false, error_code: code, error_kind: "validation" });
        expect(await listTree(root), slug).toEqual(before);
        expect(await assetCount(slug), slug).toBe(count);
      }
    });
  });

  it("refuses a form another site's page posts (403), storing nothing", async () => {
    const count = await assetCount("uploads");
    const form = new FormData();
    form.append("file", new Blob([await scenePng(16, 16)], { type: "image/png" }), "x.png");
    const response = await fetch(`${api.server.url}/api/projects/uploads/assets?kind=scene`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: form,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error_code: "forbidden" });
    expect(await assetCount("uploads")).toBe(count);
  });

  it("refuses to store through a symlink leading out of the project root", async () => {
    expect((await api.call("POST", "/api/projects", { name: "Linked", slug: "linked" })).status).toBe(200);
    const root = await projectRoot("linked");
    const outside = await mkdtemp(join(tmpdir(), "kroma-outside-"));
    try {
      await mkdir(root, { recursive: true });
      await symlink(outside, join(root, "uploads"));
      const answer = await uploadRaw("linked", "kind=scene", await scenePng(10, 10), "image/png");
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain("leads outside the project root");
      expect(await readdir(outside)).toEqual([]);
      expect(await assetCount("linked")).toBe(0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("404s an unknown project", async () => {
    const answer = await uploadRaw("nope", "kind=scene", await scenePng(8, 8), "image/png");
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe("Project 'nope' not found");
  });
});

describe("reference items pointing at an uploaded asset", () => {
  it("take an asset of their own project and refuse another's", async () => {
    const png = await scenePng(12, 12);
    const mine = (await uploadRaw("uploads", "kind=reference&name=ref.png", png, "image/png")).body.asset;
    const theirs = (await uploadRaw("other", "kind=reference", png, "image/png")).body.asset;
    const set = await api.call("POST", "/api/projects/uploads/reference-sets", { name: "Refs" });
    const items = `/api/projects/uploads/reference-sets/${set.body.reference_set.id}/items`;

    const created = await api.call("POST", items, { label: "uploaded", asset_id: mine.id });
    expect(created.status).toBe(200);
    expect(created.body.item).toMatchObject({ asset_id: mine.id, content_uri: null, content_text: null });
    expect((await api.call("GET", `${items}/${created.body.item.id}`)).body.item.asset_id).toBe(mine.id);

    for (const assetId of [theirs.id, "no-such-asset"]) {
      const refused = await api.call("POST", items, { asset_id: assetId });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: `Asset '${assetId}' not found`, error_code: "not_found" });
      const moved = await api.call("PUT", `${items}/${created.body.item.id}`, { asset_id: assetId });
      expect(moved.status).toBe(404);
    }
    // Without the asset and without other content the item would refer to nothing.
    const emptied = await api.call("PUT", `${items}/${created.body.item.id}`, { asset_id: null });
    expect(emptied.status).toBe(400);
    const text = await api.call("POST", items, { content_text: "plain" });
    expect(text.body.item.asset_id).toBeNull();
  });
});

/** An upload without a Content-Length (Transfer-Encoding: chunked): the limit is found by counting. */
async function chunked(slug: string, bytes: Buffer): Promise<Answer> {
  const answer = await rawRequest(api.server.url, "POST", `/api/projects/${slug}/assets?kind=scene`, {
    body: bytes,
    chunked: true,
    headers: { "content-type": "image/png" },
  });
  return { status: answer.status, body: answer.body };
}

async function formWithout(slug: string): Promise<Answer> {
  const form = new FormData();
  form.append("name", "nothing.png");
  const response = await fetch(`${api.server.url}/api/projects/${slug}/assets?kind=scene`, {
    method: "POST",
    body: form,
  });
  return { status: response.status, body: await response.json() };
}
