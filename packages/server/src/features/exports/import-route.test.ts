import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { craftBundle, fileHashes, fillProjectContent, rawRequest, useTestServer } from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A small bundle limit, so "too large" needs no 10 GiB body.
const maxBytes = 1_000_000;
const api = useTestServer({ agentDispatch: false, importMaxBytes: maxBytes });
let scratch = "";
let bundle: Buffer = Buffer.alloc(0);
let sourceRoot = "";

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "kroma-import-route-"));
  const created = await expectOk(api.client.POST("/api/projects", { body: { name: "Origin", slug: "origin" } }));
  sourceRoot = created.storage.local.project_root;
  await fillProjectContent(api.call, "origin", sourceRoot, join(scratch, "outside.txt"));
  const exported = await expectOk(
    api.client.POST("/api/projects/{slug}/exports", { ...inProject("origin"), body: { include_files: true } }),
  );
  bundle = await readFile(exported.export_path);
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** `POST /api/imports` over real HTTP, with a Content-Length unless `chunked`. */
function importRaw(
  body: Buffer | string | undefined,
  options: { query?: string; type?: string; chunked?: boolean } = {},
) {
  const headers: Record<string, string> = { "content-type": options.type ?? "application/gzip" };
  return rawRequest(api.server.url, "POST", `/api/imports${options.query ? `?${options.query}` : ""}`, {
    body,
    headers,
    chunked: options.chunked,
  });
}

/** Nothing an import stages is left: no `.kroma-import-*` directory, no import lease. */
async function expectNothingStaged() {
  const names = await readdir(join(api.server.appRoot, "var/projects"));
  expect(names.filter((name) => name.startsWith(".kroma-import-"))).toEqual([]);
  const leases = await api.server.db.selectFrom("leases").selectAll().where("kind", "=", "import").execute();
  expect(leases).toEqual([]);
}

const projectSlugs = async () =>
  (await api.server.db.selectFrom("projects").select("slug").orderBy("slug").execute()).map((p) => p.slug);

describe("POST /api/imports", () => {
  it("restores a streamed bundle into a new project, audited, and leaves nothing staged", async () => {
    const answer = await importRaw(bundle, { query: "slug=Copy%20One", chunked: true });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      ok: true,
      import: {
        project: { slug: "copy_one", name: "Origin" },
        project_root: join(api.server.appRoot, "var/projects/copy_one"),
        ids_remapped: true,
        secrets_to_set: ["openai/api_key"],
        counts: { style_guides: 1, characters: 1, reference_items: 2 },
      },
    });
    expect(answer.body.import.files).toBeGreaterThan(0);
    expect(await fileHashes(answer.body.import.project_root)).toEqual(await fileHashes(sourceRoot));
    const guides = await expectOk(api.client.GET("/api/projects/{slug}/style-guides", inProject("copy_one")));
    expect(guides.style_guides.map((g) => [g.name, g.instructions])).toEqual([["ink", "Black ink only"]]);
    const audit = await api.server.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "project.import")
      .execute();
    expect(audit.map((event) => event.project_id)).toEqual([answer.body.import.project.id]);
    await expectNothingStaged();
  });

  it("accepts application/x-gzip and application/octet-stream, with a Content-Length", async () => {
    const gz = await importRaw(bundle, { query: "slug=copy_gz", type: "application/x-gzip" });
    expect(gz.status).toBe(201);
    const octets = await importRaw(bundle, { query: "slug=copy_octets", type: "application/octet-stream" });
    expect(octets.status).toBe(201);
    expect(octets.body.import.project.slug).toBe("copy_octets");
    await expectNothingStaged();
  });

  it("refuses a truncated bundle, garbage and an empty body with a 400, creating nothing", async () => {
    const before = await projectSlugs();
    const truncated = await importRaw(bundle.subarray(0, Math.floor(bundle.length / 2)), { query: "slug=half" });
    expect(truncated.status).toBe(400);
    expect(truncated.body).toMatchObject({ ok: false, error_kind: "validation", error_code: "validation_error" });
    expect(truncated.body.error).toMatch(/^Invalid bundle: the file is corrupted or truncated/);

    const garbage = await importRaw(Buffer.from("this is not a gzip file at all"), { query: "slug=garbage" });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatch(/^Invalid bundle:/);

    const crafted = join(scratch, "no-manifest.tar.gz");
    await craftBundle(crafted, [{ name: "records/runs.jsonl", content: Buffer.from("{}\n") }]);
    const lying = await importRaw(await readFile(crafted), { query: "slug=lying" });
    expect(lying.status).toBe(400);
    expect(lying.body.error).toMatch(/^Invalid bundle:/);

    const empty = await importRaw(undefined, { query: "slug=empty" });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/^Invalid bundle: the request has no body/);

    const badSlug = await importRaw(bundle, { query: "slug=%21%21" });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error).toBe("'!!' is not a valid project slug");

    expect(await projectSlugs()).toEqual(before);
    for (const slug of ["half", "garbage", "lying", "empty"]) {
      expect((await readdir(join(api.server.appRoot, "var/projects"))).includes(slug)).toBe(false);
    }
    await expectNothingStaged();
  });

  it("refuses a wrong content type (415), a taken slug (409) and a body over KROMA_IMPORT_MAX_BYTES (413)", async () => {
    const json = await importRaw('{"bundle":1}', { type: "application/json", query: "slug=json" });
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({ ok: false, error_code: "unsupported_media_type" });
    expect((await importRaw(bundle, { type: "text/plain", query: "slug=text" })).status).toBe(415);

    // Named in the query: refused before the upload is read.
    const named = await importRaw(bundle, { query: "slug=origin" });
    expect(named.status).toBe(409);
    expect(named.body.error).toBe("Project 'origin' already exists; import the bundle under another slug (--slug)");
    // The bundle's own slug, found once it is unpacked.
    const own = await importRaw(bundle);
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ error_code: "conflict", details: { field: "slug" } });

    const large = Buffer.alloc(maxBytes + 1, 7);
    for (const chunked of [false, true]) {
      const refused = await importRaw(large, { query: "slug=large", chunked });
      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ error_code: "payload_too_large", details: { max_bytes: maxBytes } });
    }
    expect(await projectSlugs()).not.toContain("large");
    await expectNothingStaged();
  });

  it("is refused to a project-scoped token (an import creates a project), allowed to an unscoped one", async () => {
    const admin = await expectOk(api.client.POST("/auth/token", { body: { label: "admin" } }));
    const headers = { authorization: `Bearer ${admin.auth_token.token}` };
    const scopedAnswer = await rawRequest(api.server.url, "POST", "/auth/token", {
      body: JSON.stringify({ label: "scoped", project_slug: "origin" }),
      headers,
    });
    const scoped = scopedAnswer.body.auth_token.token as string;
    const send = (token: string, slug: string) =>
      rawRequest(api.server.url, "POST", `/api/imports?slug=${slug}`, {
        body: bundle,
        headers: { "content-type": "application/gzip", authorization: `Bearer ${token}` },
      });
    const refused = await send(scoped, "scoped_copy");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error_kind: "policy", error_code: "forbidden" });
    expect((await send(admin.auth_token.token, "admin_copy")).status).toBe(201);
    expect(await projectSlugs()).not.toContain("scoped_copy");
    await expectNothingStaged();
  });
});
