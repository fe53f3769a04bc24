// Issue 13 point 6, security review §7 ("export symlink race puts master.key into a
// world-readable bundle"). The review's race, made deterministic: instead of sleeping until the
// walk is done, the test swaps the file at the export's own hook points (right after the walk,
// or after every file was hashed and before packing), over real HTTP against a real server. The
// swapped file must be skipped and named in `skipped`, the bundle must not hold the key's bytes,
// and the bundle is private to the server's user (0600, not 0644).
import { mkdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { useTestServer } from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BundleWriterHooks,
  setBundleWriterHooks,
} from "../../packages/server/src/features/exports/bundle-writer.js";

const api = useTestServer();
afterEach(() => setBundleWriterHooks(undefined));

let projects = 0;

/** A project with a few files (`zzz.txt` last, as in the review) and a stored secret, so master.key exists. */
async function raceProject(): Promise<{ slug: string; root: string; key: Buffer; keyPath: string }> {
  const body = await expectOk(api.client.POST("/api/projects", { body: { name: `race ${++projects}` } }));
  const slug = body.project.slug;
  const root = body.storage.local.project_root;
  for (let i = 0; i < 20; i++) await writeFileIn(root, `scenes/s${i}.txt`, `scene ${i}\n`.repeat(1000));
  await writeFileIn(root, "docs/master.key", "a harmless note that happens to share the key's name\n");
  await writeFileIn(root, "zzz.txt", "the last file of the walk\n");
  const secret = await api.client.POST("/api/projects/{slug}/secrets", {
    ...inProject(slug),
    body: { provider_code: "openai", secret_name: "api_key", secret_value: "sk-race-0000" },
  });
  expect(secret.response.status).toBe(200);
  const keyPath = join(api.server.appRoot, "var/backend/master.key");
  return { slug, root, key: await readFile(keyPath), keyPath };
}

async function writeFileIn(root: string, path: string, content: string): Promise<void> {
  await mkdir(join(root, path, ".."), { recursive: true });
  await writeFile(join(root, path), content);
}

/** Exports with files while `hooks` act; returns the answer and the bundle's bytes, unzipped. */
async function exportWith(slug: string, hooks: BundleWriterHooks) {
  setBundleWriterHooks(hooks);
  const res = await api.client.POST("/api/projects/{slug}/exports", {
    ...inProject(slug),
    body: { include_files: true },
  });
  expect(res.response.status).toBe(200);
  const path = res.data?.export_path ?? "";
  return { body: res.data, path, tar: gunzipSync(await readFile(path)) };
}

/** Whether the tar holds an entry of that name (tar headers hold names as plain bytes). */
const hasEntry = (tar: Buffer, name: string) => tar.includes(Buffer.from(`${name}\0`));

describe("an export never follows a link put in place of a listed file", () => {
  it("a file swapped for a symlink to master.key after the walk is skipped, not packed", async () => {
    const { slug, root, key, keyPath } = await raceProject();
    const { body, path, tar } = await exportWith(slug, {
      async filesListed() {
        await rm(join(root, "zzz.txt"));
        await symlink(keyPath, join(root, "zzz.txt"));
      },
    });
    expect(tar.includes(key)).toBe(false);
    expect(hasEntry(tar, "files/zzz.txt")).toBe(false);
    expect(hasEntry(tar, "files/scenes/s0.txt")).toBe(true);
    expect(body?.export.manifest_json?.skipped).toContainEqual({ path: "zzz.txt", reason: "symlink" });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("a file swapped for a symlink after hashing, just before packing, is skipped, not packed", async () => {
    const { slug, root, key, keyPath } = await raceProject();
    const { body, tar } = await exportWith(slug, {
      async filesHashed() {
        await rm(join(root, "zzz.txt"));
        await symlink(keyPath, join(root, "zzz.txt"));
      },
    });
    expect(tar.includes(key)).toBe(false);
    expect(hasEntry(tar, "files/zzz.txt")).toBe(false);
    expect(body?.export.manifest_json?.skipped).toContainEqual({ path: "zzz.txt", reason: "changed_during_export" });
    expect(body?.export.manifest_json?.files).toBe(21);
  });

  it("a directory on the way swapped for a symlink to var/backend is caught by the handle's identity", async () => {
    const { slug, root, key } = await raceProject();
    const { body, tar } = await exportWith(slug, {
      async filesListed() {
        await rename(join(root, "docs"), join(root, "docs-away"));
        await symlink(join(api.server.appRoot, "var/backend"), join(root, "docs"));
      },
    });
    expect(tar.includes(key)).toBe(false);
    expect(hasEntry(tar, "files/docs/master.key")).toBe(false);
    expect(body?.export.manifest_json?.skipped).toContainEqual({
      path: "docs/master.key",
      reason: "changed_during_export",
    });
  });

  it("a file replaced by another one (a new inode) is skipped too", async () => {
    const { slug, root } = await raceProject();
    const { body, tar } = await exportWith(slug, {
      async filesListed() {
        await writeFile(join(root, "zzz.new"), "someone else's bytes\n");
        await rename(join(root, "zzz.new"), join(root, "zzz.txt"));
      },
    });
    expect(tar.includes(Buffer.from("someone else's bytes"))).toBe(false);
    expect(body?.export.manifest_json?.skipped).toContainEqual({ path: "zzz.txt", reason: "changed_during_export" });
  });

  it("without any swap every file is packed and nothing is skipped", async () => {
    const { slug } = await raceProject();
    const { body, tar } = await exportWith(slug, {});
    expect(body?.export.manifest_json?.skipped).toEqual([]);
    expect(hasEntry(tar, "files/zzz.txt")).toBe(true);
    expect(hasEntry(tar, "files/docs/master.key")).toBe(true);
  });
});
