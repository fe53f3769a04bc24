import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { scenePng, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", server.url, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let server: TestServer;
let dir = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  await createKromaClient({ baseUrl: server.url }).projects.upsert({ name: "Cli Assets", slug: "cli_assets" });
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-assets-"));
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("kroma assets add", () => {
  it("uploads each file, says which were new or already stored, and fails with the server's message", async () => {
    const one = await scenePng(32, 24);
    const two = await scenePng(24, 32);
    await writeFile(join(dir, "one.png"), one);
    await writeFile(join(dir, "two.png"), two);
    await writeFile(join(dir, "notes.png"), "not an image\n");

    const added = await kroma([
      "assets",
      "add",
      join(dir, "one.png"),
      join(dir, "two.png"),
      "--kind",
      "scene",
      "-p",
      "cli_assets",
    ]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const lines = added.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\S+  ${sha256(one).slice(0, 12)}  new  .*one\\.png$`));
    expect(lines[1]).toMatch(new RegExp(`^\\S+  ${sha256(two).slice(0, 12)}  new  .*two\\.png$`));

    // Stored on the server, by content, with the file's name kept.
    const sdk = createKromaClient({ baseUrl: server.url });
    const { assets } = await sdk.assets.list("cli_assets", { asset_kind: "scene" });
    const stored = assets.find((asset) => asset.sha256 === sha256(one));
    expect(stored).toMatchObject({ original_name: "one.png", mime_type: "image/png", width: 32, height: 24 });
    const { storage } = await sdk.projects.get("cli_assets");
    expect(await readFile(join(storage.local.project_root, stored?.rel_path ?? ""))).toEqual(one);

    const again = await kroma(["--json", "assets", "add", join(dir, "one.png"), "--kind", "scene", "-p", "cli_assets"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: true,
      results: [{ deduplicated: true, asset: { id: stored?.id } }],
    });

    const bad = await kroma([
      "assets",
      "add",
      join(dir, "notes.png"),
      join(dir, "two.png"),
      "--kind",
      "reference",
      "-p",
      "cli_assets",
    ]);
    expect(bad.code).toBe(1);
    // Its bytes are no image type: the server names the types it takes.
    expect(bad.stderr).toContain(
      `kroma: ${join(dir, "notes.png")}: Request body must be sent with Content-Type: image/png or image/jpeg or image/webp or multipart/form-data (got 'application/octet-stream') (unsupported_media_type, HTTP 415)`,
    );
    expect(bad.stderr).toContain("1 of 2 file(s) failed to upload");
    // The good file went up all the same.
    expect(bad.stdout).toMatch(new RegExp(`${sha256(two).slice(0, 12)}  new  .*two\\.png`));

    const missing = await kroma(["assets", "add", join(dir, "nope.png"), "--kind", "scene", "-p", "cli_assets"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("ENOENT");
    const wrongKind = await kroma(["assets", "add", join(dir, "one.png"), "--kind", "final", "-p", "cli_assets"]);
    expect(wrongKind.code).not.toBe(0);
    expect(wrongKind.stderr).toContain("Allowed choices are scene, reference");
  });
});
