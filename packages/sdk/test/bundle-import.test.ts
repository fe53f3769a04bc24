import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { createKromaClient, KromaApiError, type KromaClient } from "@kroma/sdk";
import { fileHashes, fillProjectContent, httpClient, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let source: TestServer;
let target: TestServer;
let dir = "";
beforeAll(async () => {
  [source, target] = await Promise.all([
    startTestServer({ agentDispatch: false }),
    startTestServer({ agentDispatch: false }),
  ]);
  dir = await mkdtemp(join(tmpdir(), "kroma-sdk-import-"));
});
afterAll(async () => {
  await Promise.all([source.stop(), target.stop()]);
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The project's records as the API lists them, without ids or timestamps. */
async function records(kroma: KromaClient, slug: string) {
  const [set] = (await kroma.referenceSets.list(slug)).reference_sets;
  return {
    templates: (await kroma.promptTemplates.list(slug)).prompt_templates.map((t) => [t.name, t.template_text]),
    guides: (await kroma.styleGuides.list(slug)).style_guides.map((g) => [g.name, g.instructions, g.notes]),
    characters: (await kroma.characters.list(slug)).characters.map((c) => [c.name, c.description, c.prompt_text]),
    items: (await kroma.referenceSets.items.list(slug, set?.id as string)).items.map((i) => [
      i.label,
      i.content_text,
      i.content_uri,
    ]),
  };
}

describe("kroma.exports.import", () => {
  it("round trip: a bundle exported by one server, downloaded, imports into another with equal records and files", async () => {
    const a = createKromaClient({ baseUrl: source.url });
    const b = createKromaClient({ baseUrl: target.url });
    const { storage } = await a.projects.upsert({ name: "Travels", slug: "travels" });
    await fillProjectContent(httpClient(source.url), "travels", storage.local.project_root, join(dir, "outside.txt"));

    const exported = await a.exports.create("travels", { include_files: true });
    // Fetched through the asset file route, as a client on another machine would.
    const downloaded = join(dir, "travels.tar.gz");
    const stream = await a.assets.downloadStream("travels", exported.export_asset_id);
    await pipeline(Readable.fromWeb(stream as NodeWebStream<Uint8Array>), createWriteStream(downloaded));
    expect(sha256(await readFile(downloaded))).toBe(exported.export_sha256);

    // A Node stream, sent as it is read.
    const { import: imported } = await b.exports.import(createReadStream(downloaded));
    expect(imported).toMatchObject({
      project: { slug: "travels", name: "Travels" },
      project_root: join(target.appRoot, "var/projects/travels"),
      ids_remapped: false,
      secrets_to_set: ["openai/api_key"],
    });
    expect(imported.files).toBe(exported.export.manifest_json?.files);
    expect(await records(b, "travels")).toEqual(await records(a, "travels"));
    expect(await fileHashes(imported.project_root)).toEqual(await fileHashes(storage.local.project_root));

    // Bytes, a Blob and a web stream, each under a slug of its own.
    const bytes = await readFile(downloaded);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 1000));
        controller.enqueue(bytes.subarray(1000));
        controller.close();
      },
    });
    for (const [slug, bundle] of [
      ["from_bytes", bytes],
      ["from_blob", new Blob([bytes])],
      ["from_web_stream", web],
    ] as const) {
      const answer = await b.exports.import(bundle, { slug });
      expect(answer.import.project.slug).toBe(slug);
      // Into the database it came from: every record id is taken, so each gets a new one.
      expect(answer.import.ids_remapped).toBe(true);
      expect(await records(b, slug)).toEqual(await records(a, "travels"));
    }
  });

  it("throws the server's refusal: a taken slug, a truncated bundle; nothing is created", async () => {
    const a = createKromaClient({ baseUrl: source.url });
    const b = createKromaClient({ baseUrl: target.url });
    await a.projects.upsert({ name: "Refused", slug: "refused" });
    const exported = await a.exports.create("refused");
    const bytes = await readFile(exported.export_path);
    await b.exports.import(bytes);

    const taken = await b.exports.import(bytes).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(KromaApiError);
    expect(taken).toMatchObject({ status: 409, code: "conflict" });

    // Named in the query: refused before the stream is read, and the client gets the answer.
    const named = await b.exports
      .import(createReadStream(exported.export_path), { slug: "refused" })
      .catch((error: unknown) => error);
    expect(named).toMatchObject({ status: 409, code: "conflict" });

    const truncated = await b.exports
      .import(bytes.subarray(0, bytes.length - 40), { slug: "refused_half" })
      .catch((error: unknown) => error);
    expect(truncated).toMatchObject({ status: 400, kind: "validation" });
    expect((truncated as Error).message).toMatch(/^Invalid bundle:/);
    await expect(b.projects.get("refused_half")).rejects.toMatchObject({ status: 404 });
    const staged = (await readdir(join(target.appRoot, "var/projects"))).filter((n) => n.startsWith(".kroma-import-"));
    expect(staged).toEqual([]);
  });
});
