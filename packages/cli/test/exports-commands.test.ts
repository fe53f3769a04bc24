import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import {
  fileHashes,
  fillProjectContent,
  httpClient,
  type LocalS3,
  localS3Credentials,
  startLocalS3,
  startTestServer,
  type TestServer,
} from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

let server: TestServer;
let s3: LocalS3;
let dir = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  s3 = await startLocalS3({ bucket: "kroma-cli" });
  dir = await mkdtemp(join(tmpdir(), "kroma-cli-exports-"));
});
afterAll(async () => {
  await server.stop();
  await s3.destroy();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI against the test server's database and app root. */
function kroma(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: dir,
        env: {
          ...process.env,
          KROMA_APP_ROOT: server.appRoot,
          KROMA_BACKEND_DB: join(server.appRoot, "var/backend/app.db"),
          AWS_ACCESS_KEY_ID: "",
          AWS_SECRET_ACCESS_KEY: "",
          ...env,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("kroma export / kroma import", () => {
  it("exports with files, imports under a new slug with every hash verified, and refuses what it must", async () => {
    const sdk = createKromaClient({ baseUrl: server.url });
    const { storage } = await sdk.projects.upsert({ name: "Cli Source", slug: "cli_source" });
    const root = storage.local.project_root;
    await fillProjectContent(httpClient(server.url), "cli_source", root, join(dir, "outside.txt"));

    const exported = await kroma(["--json", "export", "cli_source", "--include-files"]);
    expect(exported.stderr).toContain("Exporting cli_source with its files");
    expect(exported.code).toBe(0);
    const { export_path, export: record } = JSON.parse(exported.stdout);
    expect(existsSync(export_path)).toBe(true);
    // Recorded in the server's database: the API lists it.
    expect((await sdk.exports.list("cli_source")).exports.map((e) => e.id)).toEqual([record.id]);
    expect((await sdk.exports.get("cli_source", record.id)).export.status).toBe("completed");

    const imported = await kroma(["import", export_path, "--slug", "cli_copy"]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Imported cli_copy into");
    expect(imported.stdout).toContain("set them again: openai/api_key");
    const copy = await sdk.projects.get("cli_copy");
    expect(await fileHashes(copy.storage.local.project_root)).toEqual(await fileHashes(root));
    const names = async (slug: string) =>
      (await sdk.styleGuides.list(slug)).style_guides.map((g) => [g.name, g.instructions]);
    expect(await names("cli_copy")).toEqual(await names("cli_source"));
    const items = async (slug: string) => {
      const [set] = (await sdk.referenceSets.list(slug)).reference_sets;
      return (await sdk.referenceSets.items.list(slug, set?.id as string)).items.map((i) => [i.label, i.content_text]);
    };
    expect(await items("cli_copy")).toEqual(await items("cli_source"));

    const taken = await kroma(["import", export_path]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      "kroma: Project 'cli_source' already exists; import the bundle under another slug (--slug)\n",
    );

    const damaged = join(dir, "damaged.tar.gz");
    const bytes = await readFile(export_path);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const refused = await kroma(["import", damaged, "--slug", "cli_damaged"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^kroma: Invalid bundle: the file is corrupted or truncated/);
    await expect(sdk.projects.get("cli_damaged")).rejects.toMatchObject({ status: 404 });
    expect(existsSync(join(server.appRoot, "var/projects/cli_damaged"))).toBe(false);
  });
});

describe("kroma sync s3", () => {
  it("lists on --dry-run, uploads with the shell's AWS keys, then skips what is unchanged", async () => {
    const sdk = createKromaClient({ baseUrl: server.url });
    const { storage } = await sdk.projects.upsert({ name: "Cli Sync", slug: "cli_sync" });
    await sdk.storage.updateS3("cli_sync", { enabled: true, bucket: s3.bucket, endpoint_url: s3.endpoint });
    const root = storage.local.project_root;
    await mkdir(join(root, "scenes"), { recursive: true });
    await writeFile(join(root, "a.txt"), "alpha");
    await writeFile(join(root, "scenes/b.png"), "bravo");

    const dry = await kroma(["--json", "sync", "s3", "cli_sync", "--dry-run"]);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout).sync;
    expect(planned).toMatchObject({ dry_run: true, uploaded: 0, key_prefix: "kroma-projects/cli_sync/" });
    expect(planned.files.map((f: { path: string }) => f.path)).toEqual(["a.txt", "scenes/b.png"]);

    const missingKeys = await kroma(["sync", "s3", "cli_sync"]);
    expect(missingKeys.code).toBe(1);
    expect(missingKeys.stderr).toContain("No S3 credentials");

    // The shell's own keys go to the local S3 only because it is listed as trusted.
    const keys = {
      AWS_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
      KROMA_S3_TRUSTED_ENDPOINTS: s3.endpoint,
    };
    const first = await kroma(["sync", "s3", "cli_sync"], keys);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("uploaded  a.txt (5 bytes)");
    expect(first.stdout).toContain("uploaded 2 (10 bytes), unchanged 0, failed 0");
    expect(s3.events.map((e) => e.key)).toContain("kroma-projects/cli_sync/a.txt");

    const second = await kroma(["--json", "sync", "s3", "cli_sync"], keys);
    expect(JSON.parse(second.stdout).sync).toMatchObject({ uploaded: 0, skipped: 2, failed: 0 });
  });
});
