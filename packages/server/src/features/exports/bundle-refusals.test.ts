import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, gunzipSync } from "node:zlib";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { fillProjectContent } from "@kroma/testkit/export-fixtures";
import tarStream from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/setup.js";
import { importProjectBundle } from "./project-import.js";

let scratch = "";
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "kroma-bundle-refusals-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface CraftedEntry {
  name: string;
  content?: string | Buffer;
  type?: "file" | "symlink" | "link" | "directory";
  linkname?: string;
}

/** Writes a .tar.gz holding exactly `entries`, in order (names are not cleaned up in any way). */
async function craftBundle(path: string, entries: CraftedEntry[]): Promise<void> {
  const pack = tarStream.pack();
  const written = pipeline(pack, createGzip(), createWriteStream(path));
  for (const entry of entries) {
    const content = Buffer.from(entry.content ?? "");
    await new Promise<void>((resolve, reject) => {
      pack.entry(
        {
          name: entry.name,
          type: entry.type ?? "file",
          linkname: entry.linkname,
          size: entry.type ? 0 : content.length,
        },
        entry.type ? Buffer.alloc(0) : content,
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }
  pack.finalize();
  await written;
}

/** The entries of a real bundle, read back (small bundles only). */
async function bundleEntries(path: string): Promise<CraftedEntry[]> {
  const extract = tarStream.extract();
  const entries: CraftedEntry[] = [];
  const feeding = pipeline(
    (async function* () {
      yield gunzipSync(await readFile(path));
    })(),
    extract,
  );
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.push({ name: entry.header.name, content: Buffer.concat(chunks) });
  }
  await feeding;
  return entries;
}

/** A real bundle of a small project with files, and the app it came from. */
async function exportedBundle(): Promise<{ t: TestApp; bundle: string }> {
  const t = await createTestApp();
  const { storage } = await expectOk(t.client.POST("/api/projects", { body: { name: "Origin" } }));
  await fillProjectContent(t.call, "origin", storage.local.project_root, join(scratch, `outside-${Date.now()}.txt`));
  const { export_path } = await expectOk(
    t.client.POST("/api/projects/{slug}/exports", { ...inProject("origin"), body: { include_files: true } }),
  );
  const bundle = join(scratch, `origin-${Date.now()}.tar.gz`);
  await copyFile(export_path, bundle);
  return { t, bundle };
}

/** Imports and expects a refusal naming `reason`; then proves nothing was left behind. */
async function expectRefused(t: TestApp, bundlePath: string, reason: RegExp): Promise<void> {
  const before = { projects: await t.rows("projects"), audit: await auditCount(t) };
  const error = await importProjectBundle(t.db, { bundlePath, slug: "restored", appRoot: t.appRoot }).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.message).toMatch(reason);
  expect(error).toMatchObject({ status: 400, code: "validation_error" });
  expect(await t.rows("projects")).toBe(before.projects);
  expect(await auditCount(t)).toBe(before.audit);
  const left = await readdir(join(t.appRoot, "var/projects"));
  expect(left.filter((name) => name !== "origin")).toEqual([]);
}

async function auditCount(t: TestApp): Promise<number> {
  const { n } = await t.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe("import refuses a damaged bundle and leaves nothing behind", () => {
  it("a corrupted byte", async () => {
    const { t, bundle } = await exportedBundle();
    const bytes = await readFile(bundle);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    await writeFile(bundle, bytes);
    await expectRefused(t, bundle, /^Invalid bundle: (the file is corrupted or truncated|entry .* does not match)/);
  });

  it("a truncated file", async () => {
    const { t, bundle } = await exportedBundle();
    const { size } = await import("node:fs/promises").then((fs) => fs.stat(bundle));
    await truncate(bundle, Math.floor(size * 0.6));
    await expectRefused(t, bundle, /corrupted or truncated/);
  });

  it("a file whose bytes no longer match the manifest's sha256", async () => {
    const { t, bundle } = await exportedBundle();
    const entries = await bundleEntries(bundle);
    // The same size with other bytes: only the sha256 tells.
    const flip = (content: string | Buffer) => {
      const bytes = Buffer.from(content);
      bytes[0] = (bytes[0] ?? 0) ^ 0x20;
      return bytes;
    };
    const tampered = entries.map((entry) =>
      entry.name === "files/notes/readme.md" ? { ...entry, content: flip(entry.content ?? "") } : entry,
    );
    const path = join(scratch, "tampered.tar.gz");
    await craftBundle(path, tampered);
    await expectRefused(t, path, /entry 'files\/notes\/readme.md' does not match its sha256/);
  });

  it("a file larger than the manifest says (a gzip bomb stops there, before the disk fills)", async () => {
    const { t, bundle } = await exportedBundle();
    const entries = await bundleEntries(bundle);
    const grown = entries.map((entry) =>
      entry.name === "files/notes/readme.md" ? { ...entry, content: Buffer.alloc(8 * 1024 * 1024) } : entry,
    );
    const path = join(scratch, "grown.tar.gz");
    await craftBundle(path, grown);
    await expectRefused(t, path, /entry 'files\/notes\/readme.md' is larger than manifest.json says/);
  });

  it("an entry the manifest does not list", async () => {
    const { t, bundle } = await exportedBundle();
    const path = join(scratch, "extra.tar.gz");
    await craftBundle(path, [...(await bundleEntries(bundle)), { name: "files/smuggled.sh", content: "echo hi" }]);
    await expectRefused(t, path, /'files\/smuggled.sh' is not listed in manifest.json/);
  });

  it("a bundle without a manifest, or that is not a bundle at all", async () => {
    const { t, bundle } = await exportedBundle();
    const path = join(scratch, "no-manifest.tar.gz");
    await craftBundle(
      path,
      (await bundleEntries(bundle)).filter((entry) => entry.name !== "manifest.json"),
    );
    await expectRefused(t, path, /no manifest.json/);
    const junk = join(scratch, "junk.tar.gz");
    await writeFile(junk, "this is not gzip");
    await expectRefused(t, junk, /corrupted or truncated/);
  });
});

describe("import refuses entries that could write outside the new project", () => {
  const cases: Array<[string, CraftedEntry, RegExp]> = [
    ["a '..' path", { name: "files/../../../../evil.txt", content: "evil" }, /'\.\.' segment/],
    ["an absolute path", { name: "/tmp/kroma-evil.txt", content: "evil" }, /absolute path/],
    ["a symlink", { name: "files/link", type: "symlink", linkname: "/etc/passwd" }, /is a symlink/],
    ["a hard link", { name: "files/hard", type: "link", linkname: "files/notes/readme.md" }, /is a hard link/],
    ["an unknown top-level entry", { name: "evil.txt", content: "evil" }, /unexpected entry 'evil.txt'/],
  ];
  for (const [what, entry, reason] of cases) {
    it(what, async () => {
      const { t, bundle } = await exportedBundle();
      const path = join(scratch, `crafted-${what.replace(/\W+/g, "_")}.tar.gz`);
      // First in the archive: refused before anything of the bundle is written.
      await craftBundle(path, [entry, ...(await bundleEntries(bundle))]);
      await expectRefused(t, path, reason);
      for (const spot of [join(t.appRoot, "evil.txt"), join(t.appRoot, "var/evil.txt"), "/tmp/kroma-evil.txt"]) {
        expect(existsSync(spot)).toBe(false);
      }
    });
  }
});

describe("import refuses JSON nested deeper than the API would accept", () => {
  /** `entries` with `name`'s content replaced and the manifest's size and sha256 for it updated. */
  function withContent(entries: CraftedEntry[], name: string, content: Buffer): CraftedEntry[] {
    const manifest = JSON.parse(String(entries.find((entry) => entry.name === "manifest.json")?.content));
    const listed = manifest.entries.find((entry: { path: string }) => entry.path === name);
    listed.size = content.length;
    listed.sha256 = createHash("sha256").update(content).digest("hex");
    return entries.map((entry) =>
      entry.name === name
        ? { ...entry, content }
        : entry.name === "manifest.json"
          ? { ...entry, content: JSON.stringify(manifest) }
          : entry,
    );
  }
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

  it("a record line nesting deeper than 64 levels, or a *_json field deeper than 32", async () => {
    const { t, bundle } = await exportedBundle();
    const entries = await bundleEntries(bundle);
    const name = "records/provider_accounts.jsonl";
    const rows = String(entries.find((entry) => entry.name === name)?.content ?? "").trimEnd();
    expect(rows).not.toBe("");
    const first = JSON.parse(rows.split("\n")[0] ?? "{}");

    const tooDeepLine = join(scratch, "deep-line.tar.gz");
    await craftBundle(tooDeepLine, withContent(entries, name, Buffer.from(`${rows}\n${nested(100)}\n`)));
    await expectRefused(t, tooDeepLine, /records\/provider_accounts.jsonl line 2 nests JSON deeper than 64 levels/);

    const deepField = { ...first, id: "deep_config", provider_code: "deep", config_json: JSON.parse(nested(40)) };
    const tooDeepField = join(scratch, "deep-field.tar.gz");
    await craftBundle(tooDeepField, withContent(entries, name, Buffer.from(`${rows}\n${JSON.stringify(deepField)}\n`)));
    await expectRefused(t, tooDeepField, /field 'config_json' nests JSON deeper than 32 levels/);
  });
});
