// Issue 13 point 12 (second bullet), security review §12 ("kroma import manifest bomb": an
// 890 KB bundle inflating to a 250 MB manifest.json drove the CLI to 953 MB RSS before it
// refused; declared sizes let a 1 MB bundle stage ~1 GB). With the real CLI: the bomb is refused
// while the manifest is unpacked, once it passes the documented cap (32 MiB) and before it is
// read whole or parsed; a manifest declaring far more than the bundle can hold is refused before
// any other entry is unpacked; either way nothing is staged, created or left behind.
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { craftBundle, manifestOf, openSqliteProbe, projectRecord, runKroma, sha256 } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let root = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kroma-manifest-bomb-"));
  await mkdir(join(root, "var/backend"), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** `kroma import BUNDLE --slug bombed --db var/backend/app.db` (offline) as a user runs it. */
const kromaImport = (bundle: string) =>
  runKroma(root, ["import", bundle, "--slug", "bombed", "--db", "var/backend/app.db"]);

/** Nothing staged, no project, no lease: the refused import left no trace. */
async function expectNothingLeft(): Promise<void> {
  const staged = (await readdir(join(root, "var/projects")).catch(() => [])).filter((name) => name !== "bombed");
  expect(staged).toEqual([]);
  expect(await readdir(join(root, "var/projects/bombed")).catch(() => "absent")).toBe("absent");
  const probe = await openSqliteProbe(join(root, "var/backend/app.db"));
  try {
    expect(await probe.db.selectFrom("projects").select("slug").where("slug", "=", "bombed").execute()).toEqual([]);
    expect(await probe.db.selectFrom("leases").selectAll().execute()).toEqual([]);
  } finally {
    await probe.close();
  }
}

describe("kroma import refuses a manifest bomb", () => {
  it("a small bundle inflating to a 250 MB manifest.json is refused at the cap", async () => {
    const bundle = join(root, "bomb.tar.gz");
    // The review's bomb: 2.5 million duplicate entries (250 MB), as a valid-looking manifest, squeezed.
    const line = Buffer.from(`{"path":"files/a","size":1,"sha256":"${"0".repeat(64)}"},`);
    const head = Buffer.from('{"format":"kroma-project-bundle","schema_version":1,"entries":[');
    const tail = Buffer.from(`{"path":"files/a","size":1,"sha256":"${"0".repeat(64)}"}]}`);
    const repeats = 2_500_000;
    const block = Buffer.concat(Array.from({ length: 1000 }, () => line));
    const chunks = function* () {
      yield head;
      for (let i = 0; i < repeats / 1000; i++) yield block;
      yield tail;
    };
    const size = head.length + line.length * repeats + tail.length;
    expect(size).toBeGreaterThan(250_000_000);
    await craftBundle(bundle, [{ name: "manifest.json", content: chunks, size }], 9);
    expect((await stat(bundle)).size).toBeLessThan(2_000_000);

    const { code, output } = await kromaImport(bundle);
    expect(code).not.toBe(0);
    expect(output).toContain("Invalid bundle: manifest.json is larger than 33554432 bytes");
    await expectNothingLeft();
  });

  it("a manifest declaring far more bytes than the bundle can hold is refused before staging them", async () => {
    const bundle = join(root, "liar.tar.gz");
    const project = projectRecord("liar");
    const declared = 1024 * 1024 * 1024; // 1 GiB promised by a bundle of a few hundred bytes
    const manifest = manifestOf("liar", [
      { path: "records/project.json", size: project.length, sha256: sha256(project) },
      { path: "files/huge.bin", size: declared, sha256: "0".repeat(64) },
    ]);
    const zeros = function* () {
      const block = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < 1024; i++) yield block;
    };
    await craftBundle(
      bundle,
      [
        { name: "manifest.json", content: manifest },
        { name: "records/project.json", content: project },
        { name: "files/huge.bin", content: zeros, size: declared },
      ],
      9,
    );
    const { code, output } = await kromaImport(bundle);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /Invalid bundle: manifest\.json declares \d+ bytes of entries, more than a \d+-byte bundle can hold/,
    );
    await expectNothingLeft();
  });
});
