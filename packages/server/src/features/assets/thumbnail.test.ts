import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { pngChunk } from "@kroma/testkit/png-bytes";
import { useTestServer } from "@kroma/testkit/test-server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Asset,
  type ProjectWithAssets,
  projectWithRunAssets,
  putFileAsset,
  sha256,
} from "../../../test/assets.js";
import { maxThumbnailInputPixels } from "./thumbnail.js";

const api = useTestServer({ agentDispatch: false });
let images: ImagesServer;
let project: ProjectWithAssets;
let large: { id: string; sha256: string };

beforeAll(async () => {
  images = await startImagesServer();
  project = await projectWithRunAssets(api.client, api.server.db, images, "Thumbs");
  // A real image larger than every thumbnail size, landscape, so the longest side is the width.
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();
  large = {
    id: await putFileAsset(api.server.db, project, "uploads/large.jpg", bytes, "image/jpeg"),
    sha256: sha256(bytes),
  };
});
afterAll(() => images.close());

const thumbnail = (assetId: string, query = "", headers: Record<string, string> = {}, method = "GET") =>
  fetch(`${api.server.url}/api/projects/${project.slug}/assets/${assetId}/thumbnail${query}`, { method, headers });
const cached = (sha: string, size: number) => join(project.root, ".kroma/cache/thumbnails", `${sha}-${size}.webp`);

describe("GET /assets/{assetId}/thumbnail", () => {
  it("is a WebP fitting the requested size (default 256), kept under .kroma/cache/thumbnails", async () => {
    for (const [query, size, height] of [
      ["", 256, 171],
      ["?size=128", 128, 85],
      ["?size=512", 512, 341],
    ] as const) {
      const response = await thumbnail(large.id, query);
      expect(response.status, query).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("etag")).toBe(`"${large.sha256}-${size}"`);
      expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get("content-length")).toBe(String(body.length));
      const meta = await sharp(body).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: "webp",
        width: size,
        height,
      });
      expect((await readFile(cached(large.sha256, size))).equals(body)).toBe(true);
    }
  });

  it("reuses the cached thumbnail: the second request rewrites nothing", async () => {
    const first = Buffer.from(await (await thumbnail(large.id, "?size=128")).arrayBuffer());
    const before = await stat(cached(large.sha256, 128));
    const second = await thumbnail(large.id, "?size=128");
    expect(second.status).toBe(200);
    expect(Buffer.from(await second.arrayBuffer()).equals(first)).toBe(true);
    const after = await stat(cached(large.sha256, 128));
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino: before.ino, mtimeMs: before.mtimeMs });
    // No temporary file is left beside the cache entries.
    const names = await readdir(join(project.root, ".kroma/cache/thumbnails"));
    expect(names.every((name) => /^[0-9a-f]{64}-(128|256|512)\.webp$/.test(name))).toBe(true);
  });

  it("never enlarges a small image (a run's 64x48 output stays 64x48)", async () => {
    const final = project.assets.find((asset) => asset.asset_kind === "final") as Asset;
    const response = await thumbnail(final.id, "?size=512");
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 64, 48]);
  });

  it("answers 304 on a matching If-None-Match, and HEAD without a body", async () => {
    const etag = `"${large.sha256}-256"`;
    const notModified = await thumbnail(large.id, "", { "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    // Another size is another representation.
    expect((await thumbnail(large.id, "?size=128", { "if-none-match": etag })).status).toBe(200);
    const head = await thumbnail(large.id, "", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/webp");
    expect(Number(head.headers.get("content-length"))).toBe((await stat(cached(large.sha256, 256))).size);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("refuses a size outside the fixed ones", async () => {
    const response = await thumbnail(large.id, "?size=100");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: "validation_error" });
  });

  it("refuses a pixel bomb from its header with 422 image_too_large, and caches nothing", async () => {
    // A valid PNG header claiming 20000x20000 pixels (400 megapixels) over a few bytes of data.
    const header = Buffer.alloc(13);
    header.writeUInt32BE(20_000, 0);
    header.writeUInt32BE(20_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      pngChunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
      pngChunk("IEND", Buffer.alloc(0)),
    ]);
    const id = await putFileAsset(api.server.db, project, "uploads/bomb.png", bomb, "image/png");
    const response = await thumbnail(id);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      ok: false,
      error_code: "image_too_large",
      details: { width: 20_000, height: 20_000, max_pixels: maxThumbnailInputPixels },
    });
    expect(existsSync(cached(sha256(bomb), 256))).toBe(false);
  });

  it("refuses a file that is not an image with 422 not_an_image", async () => {
    const id = await putFileAsset(api.server.db, project, "uploads/notes.txt", Buffer.from("just text"), "text/plain");
    const response = await thumbnail(id);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error_code: "not_an_image" });
  });

  it("verifies the source first: a changed file is refused (409) even when its thumbnail is cached", async () => {
    const bytes = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#a37" } })
      .png()
      .toBuffer();
    const id = await putFileAsset(api.server.db, project, "uploads/changing.png", bytes, "image/png");
    expect((await thumbnail(id)).status).toBe(200);
    await writeFile(join(project.root, "uploads/changing.png"), Buffer.concat([bytes, Buffer.from("tail")]));
    const response = await thumbnail(id);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error_code: "asset_file_changed",
      details: { path: "uploads/changing.png", expected_sha256: sha256(bytes) },
    });
  });
});
