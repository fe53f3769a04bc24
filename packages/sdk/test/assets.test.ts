import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, KromaApiError } from "@kroma/sdk";
import { solidPng, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: TestServer;
const kroma = () => createKromaClient({ baseUrl: server.url });
const slug = "sdk_assets";
const picture = solidPng(600, 300, [40, 120, 200]);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
let root = "";

/** Writes `bytes` under the project root and records them as an asset (as an upload would). */
async function putAsset(id: string, relPath: string, bytes: Uint8Array): Promise<void> {
  const { project } = await kroma().projects.get(slug);
  await mkdir(join(root, "uploads"), { recursive: true });
  await writeFile(join(root, relPath), bytes);
  await server.db
    .insertInto("assets")
    .values({
      id,
      project_id: project.id,
      kind: "image",
      rel_path: relPath,
      storage_backend: "local",
      mime_type: "image/png",
      sha256: sha256(bytes),
      created_at: new Date().toISOString(),
    })
    .execute();
}

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  root = (await kroma().projects.upsert({ name: "SDK Assets", slug })).storage.local.project_root;
  await putAsset("sdk-picture", "uploads/picture.png", picture);
});
afterAll(() => server.stop());

describe("kroma.assets against a running server", () => {
  it("downloads an asset's bytes, whole or as a stream, next to its record", async () => {
    const { asset } = await kroma().assets.get(slug, "sdk-picture");
    const bytes = await kroma().assets.download(slug, "sdk-picture");
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(sha256(bytes)).toBe(asset.sha256);

    const stream = await kroma().assets.downloadStream(slug, "sdk-picture");
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(sha256(Buffer.concat(chunks))).toBe(asset.sha256);
  });

  it("fetches thumbnails, and names their URL without a token in it", async () => {
    const url = kroma().assets.thumbnailUrl(slug, "sdk-picture", 128);
    expect(url).toBe(`${server.url}/api/projects/${slug}/assets/sdk-picture/thumbnail?size=128`);
    const viaUrl = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const viaSdk = await kroma().assets.thumbnail(slug, "sdk-picture", 128);
    expect(Buffer.from(viaSdk).equals(Buffer.from(viaUrl))).toBe(true);
    // A WebP file: RIFF, its size, WEBP.
    expect(Buffer.from(viaSdk.subarray(0, 4)).toString("latin1")).toBe("RIFF");
    expect(Buffer.from(viaSdk.subarray(8, 12)).toString("latin1")).toBe("WEBP");
  });

  it("throws KromaApiError from the envelope: a missing file, a changed one", async () => {
    await putAsset("sdk-gone", "uploads/gone.png", picture);
    await writeFile(join(root, "uploads/gone.png"), "");
    const changed = await kroma()
      .assets.download(slug, "sdk-gone")
      .catch((error: unknown) => error);
    expect(changed).toBeInstanceOf(KromaApiError);
    expect(changed).toMatchObject({
      status: 409,
      code: "asset_file_changed",
      details: { path: "uploads/gone.png", expected_sha256: sha256(picture) },
    });

    await server.db.updateTable("assets").set({ rel_path: "uploads/never.png" }).where("id", "=", "sdk-gone").execute();
    await expect(kroma().assets.downloadStream(slug, "sdk-gone")).rejects.toMatchObject({
      status: 404,
      code: "asset_file_missing",
    });
    await expect(kroma().assets.thumbnail(slug, "sdk-gone")).rejects.toMatchObject({ code: "asset_file_missing" });
  });
});
