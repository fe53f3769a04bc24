import { readFile, rename, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Asset, type ProjectWithAssets, projectWithRunAssets, sha256 } from "../../../test/assets.js";

const api = useTestServer({ agentDispatch: false });
let images: ImagesServer;
let project: ProjectWithAssets;
let final: Asset;
let original: Buffer;

beforeAll(async () => {
  images = await startImagesServer();
  project = await projectWithRunAssets(api.client, api.server.db, images, "Files");
  final = project.assets.find((asset) => asset.asset_kind === "final") as Asset;
  original = await readFile(join(project.root, final.rel_path as string));
});
afterAll(() => images.close());

const fileUrl = (assetId: string, slug = project.slug) =>
  `${api.server.url}/api/projects/${slug}/assets/${assetId}/file`;
const getFile = (headers: Record<string, string> = {}, method = "GET", assetId = final.id) =>
  fetch(fileUrl(assetId), { method, headers });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const etag = () => `"${final.sha256}"`;
const filePath = () => join(project.root, final.rel_path as string);

describe("GET /assets/{assetId}/file", () => {
  it("sends the recorded file whole, its bytes hashing to the record's sha256", async () => {
    expect(final.sha256).toMatch(/^[0-9a-f]{64}$/);
    const response = await getFile();
    expect(response.status).toBe(200);
    const body = await bytesOf(response);
    expect(sha256(body)).toBe(final.sha256);
    expect(response.headers.get("content-type")).toBe(final.mime_type);
    expect(response.headers.get("content-length")).toBe(String(body.length));
    expect(response.headers.get("etag")).toBe(etag());
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers one byte range with 206 and Content-Range, in each of its three forms", async () => {
    const size = original.length;
    for (const [range, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=100-", 100, size - 1],
      ["bytes=-10", size - 10, size - 1],
      [`bytes=10-${size + 500}`, 10, size - 1],
    ] as const) {
      const response = await getFile({ range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect((await bytesOf(response)).equals(original.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers a range past the end with 416 and Content-Range: bytes */size", async () => {
    const response = await getFile({ range: `bytes=${original.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${original.length}`);
    expect(response.headers.get("cache-control")).toBeNull();
    expect(await response.json()).toMatchObject({ ok: false, error_code: "range_not_satisfiable" });
  });

  it("sends the whole file for several ranges, a malformed range, or an If-Range that is not the ETag", async () => {
    const cases: Record<string, string>[] = [
      { range: "bytes=0-1,10-20" },
      { range: "bytes=abc" },
      { range: "items=0-1" },
      { range: "bytes=0-9", "if-range": '"someone-else"' },
      { range: "bytes=0-9", "if-range": `W/${etag()}` },
      { range: "bytes=0-9", "if-range": "Wed, 21 Oct 2015 07:28:00 GMT" },
    ];
    for (const headers of cases) {
      const response = await getFile(headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect((await bytesOf(response)).equals(original), JSON.stringify(headers)).toBe(true);
    }
    const matching = await getFile({ range: "bytes=0-9", "if-range": etag() });
    expect(matching.status).toBe(206);
    expect((await bytesOf(matching)).equals(original.subarray(0, 10))).toBe(true);
  });

  it("answers 304 without a body when If-None-Match matches the ETag (weakly, in a list, or *)", async () => {
    for (const inm of [etag(), `W/${etag()}`, `"other", ${etag()}`, "*"]) {
      const response = await getFile({ "if-none-match": inm });
      expect(response.status, inm).toBe(304);
      expect(response.headers.get("etag"), inm).toBe(etag());
      expect((await bytesOf(response)).length, inm).toBe(0);
    }
    const stale = await getFile({ "if-none-match": '"other"' });
    expect(stale.status).toBe(200);
    expect(sha256(await bytesOf(stale))).toBe(final.sha256);
  });

  it("answers HEAD with GET's status and headers and no body", async () => {
    const head = await getFile({}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(original.length));
    expect(head.headers.get("etag")).toBe(etag());
    expect(head.headers.get("content-type")).toBe(final.mime_type);
    expect((await bytesOf(head)).length).toBe(0);
    const ranged = await getFile({ range: "bytes=0-9" }, "HEAD");
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-9/${original.length}`);
    // The server is still well after HEADs left their file handles behind (none are left).
    expect((await getFile()).status).toBe(200);
  });

  it("404s an unknown asset, and a recorded asset whose file is gone with asset_file_missing", async () => {
    const unknown = await getFile({}, "GET", "no-such-asset");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error_code: "not_found" });

    await rename(filePath(), `${filePath()}.away`);
    try {
      const gone = await getFile();
      expect(gone.status).toBe(404);
      expect(await gone.json()).toMatchObject({
        ok: false,
        error_code: "asset_file_missing",
        details: { path: final.rel_path },
      });
    } finally {
      await rename(`${filePath()}.away`, filePath());
    }
  });

  it("refuses a file whose bytes changed with 409 naming both hashes, and never sends the changed bytes", async () => {
    // Warm the verification cache first: a changed file must be caught even after a good hash.
    expect((await getFile()).status).toBe(200);
    const changed = Buffer.from(original);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 0xff;
    const before = await stat(filePath());
    await writeFile(filePath(), changed);
    // Same size, and the modification time put back: the remembered hash must still not be trusted.
    await utimes(filePath(), before.atime, before.mtime);
    try {
      for (const headers of [{}, { range: "bytes=0-9" }] as Record<string, string>[]) {
        const response = await getFile(headers);
        expect(response.status).toBe(409);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({
          ok: false,
          error: expect.stringContaining(final.rel_path as string),
          error_kind: "validation",
          error_code: "asset_file_changed",
          details: { path: final.rel_path, expected_sha256: final.sha256, actual_sha256: sha256(changed) },
        });
      }
    } finally {
      await writeFile(filePath(), original);
    }
    expect(sha256(await bytesOf(await getFile()))).toBe(final.sha256);
  });

  it("refuses the file replaced by a symlink leading outside the project root, even with the same bytes", async () => {
    const outside = join(api.server.appRoot, "outside.png");
    await writeFile(outside, original);
    await rename(filePath(), `${filePath()}.away`);
    await symlink(outside, filePath());
    try {
      const response = await getFile();
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error_code: "asset_file_outside_root", error_kind: "policy" });
    } finally {
      await rm(filePath());
      await rename(`${filePath()}.away`, filePath());
    }
  });

  it("refuses a record without a sha256 (409 asset_unverifiable) rather than send unverified bytes", async () => {
    await api.server.db.updateTable("assets").set({ sha256: null }).where("id", "=", final.id).execute();
    try {
      const response = await getFile();
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error_code: "asset_unverifiable" });
    } finally {
      await api.server.db.updateTable("assets").set({ sha256: final.sha256 }).where("id", "=", final.id).execute();
    }
  });

  it("sends a recorded media type that is not one as application/octet-stream", async () => {
    await api.server.db
      .updateTable("assets")
      .set({ mime_type: "image/png\r\nx-evil: 1" })
      .where("id", "=", final.id)
      .execute();
    try {
      const response = await getFile();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/octet-stream");
      expect(response.headers.get("x-evil")).toBeNull();
    } finally {
      await api.server.db
        .updateTable("assets")
        .set({ mime_type: final.mime_type })
        .where("id", "=", final.id)
        .execute();
    }
  });

  it("refuses a rel_path that climbs out of the root", async () => {
    await api.server.db.updateTable("assets").set({ rel_path: "../outside.png" }).where("id", "=", final.id).execute();
    try {
      const response = await getFile();
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error_code: "asset_file_outside_root" });
    } finally {
      await api.server.db.updateTable("assets").set({ rel_path: final.rel_path }).where("id", "=", final.id).execute();
    }
  });

  it("takes the bearer token like every route, and not a token in the query string", async () => {
    const created = await api.client.POST("/auth/token", { body: { label: "files" } });
    const token = created.data?.auth_token.token as string;
    expect((await getFile()).status).toBe(401);
    const inQuery = await fetch(`${fileUrl(final.id)}?access_token=${token}&token=${token}`);
    expect(inQuery.status).toBe(401);
    const authed = await getFile({ authorization: `Bearer ${token}` });
    expect(authed.status).toBe(200);
    expect(sha256(await bytesOf(authed))).toBe(final.sha256);
  });
});
