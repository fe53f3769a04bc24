import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, KromaApiError } from "@kroma/sdk";
import { scenePng, startTestServer, type TestServer } from "@kroma/testkit";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
});
afterAll(() => server.stop());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("kroma.assets.upload", () => {
  it("uploads bytes, a Blob and a stream, de-duplicates, and throws the server's refusal", async () => {
    const kroma = createKromaClient({ baseUrl: server.url });
    const { storage } = await kroma.projects.upsert({ name: "SDK Uploads", slug: "sdk_uploads" });
    const png = await scenePng(48, 32);

    // Bytes, with the type read from them.
    const first = await kroma.assets.upload("sdk_uploads", { kind: "scene", file: png, name: "scene.png" });
    expect(first.deduplicated).toBe(false);
    expect(first.asset).toMatchObject({ sha256: sha256(png), mime_type: "image/png", original_name: "scene.png" });
    expect(await readFile(join(storage.local.project_root, first.asset.rel_path ?? ""))).toEqual(png);
    // The list helpers of `assets` are still there beside `upload`.
    expect((await kroma.assets.get("sdk_uploads", first.asset.id)).asset).toEqual(first.asset);

    // The same bytes as a Blob: the stored asset again.
    const again = await kroma.assets.upload("sdk_uploads", { kind: "scene", file: new Blob([png]) });
    expect(again).toMatchObject({ deduplicated: true, asset: { id: first.asset.id } });

    // A stream, sent in chunks as it is read.
    const other = await scenePng(20, 20);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(other.subarray(0, 10));
        controller.enqueue(other.subarray(10));
        controller.close();
      },
    });
    const streamed = await kroma.assets.upload("sdk_uploads", { kind: "reference", file: stream, name: "ref.png" });
    expect(streamed.asset).toMatchObject({ asset_kind: "reference", sha256: sha256(other), width: 20, height: 20 });

    // Over the 1 MiB limit of JSON bodies: uploads have their own (50 MiB by default).
    const noise = await sharp(randomBytes(700 * 700 * 3), { raw: { width: 700, height: 700, channels: 3 } })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(1024 * 1024);
    const large = await kroma.assets.upload("sdk_uploads", { kind: "scene", file: noise });
    expect(large.asset).toMatchObject({ sha256: sha256(noise), width: 700, height: 700 });

    const refused = await kroma.assets
      .upload("sdk_uploads", {
        kind: "scene",
        file: new TextEncoder().encode("not an image"),
        contentType: "image/png",
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KromaApiError);
    expect(refused).toMatchObject({ status: 415, code: "unsupported_media_type" });
  });
});
