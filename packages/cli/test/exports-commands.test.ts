import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

/** Runs the CLI against the test server's database and app root (the sync reads them; export and import go through the API). */
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
          KROMA_API_URL: server.url,
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
  it("exports over the API with --download, imports over the API under a new slug and into another server", async () => {
    const sdk = createKromaClient({ baseUrl: server.url });
    const { storage } = await sdk.projects.upsert({ name: "Cli Source", slug: "cli_source" });
    const root = storage.local.project_root;
    await fillProjectContent(httpClient(server.url), "cli_source", root, join(dir, "outside.txt"));

    const api = { KROMA_API_URL: server.url };
    const exported = await kroma(
      ["--json", "export", "cli_source", "--include-files", "--download", "cli.tar.gz"],
      api,
    );
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain("Exporting cli_source with its files");
    expect(exported.stderr).toContain(`Downloaded the bundle to ${join(dir, "cli.tar.gz")} (sha256 verified)`);
    // The API's answer, as it is.
    const answer = JSON.parse(exported.stdout);
    expect(Object.keys(answer).sort()).toEqual(["export", "export_asset_id", "export_path", "export_sha256", "ok"]);
    const downloaded = await readFile(join(dir, "cli.tar.gz"));
    expect(createHash("sha256").update(downloaded).digest("hex")).toBe(answer.export_sha256);
    expect(downloaded).toEqual(await readFile(answer.export_path));
    expect((await sdk.exports.list("cli_source")).exports.map((e) => e.id)).toEqual([answer.export.id]);

    // A download never overwrites a file, and is refused before anything is exported.
    const again = await kroma(["export", "cli_source", "--download", "cli.tar.gz"], api);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`kroma: Cannot download the bundle: ${join(dir, "cli.tar.gz")} already exists\n`);
    expect((await sdk.exports.list("cli_source")).count).toBe(1);

    const imported = await kroma(["import", "cli.tar.gz", "--slug", "cli_copy"], api);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      `Imported cli_copy into ${join(server.appRoot, "var/projects/cli_copy")} (server ${server.url})`,
    );
    expect(imported.stdout).toContain("set them again: openai/api_key");
    const copy = await sdk.projects.get("cli_copy");
    expect(await fileHashes(copy.storage.local.project_root)).toEqual(await fileHashes(root));
    const names = async (client: typeof sdk, slug: string) =>
      (await client.styleGuides.list(slug)).style_guides.map((g) => [g.name, g.instructions]);
    expect(await names(sdk, "cli_copy")).toEqual(await names(sdk, "cli_source"));

    // Into another server, named with --api-url: the same answer as the API's.
    const other = await startTestServer({ agentDispatch: false });
    try {
      const elsewhere = await kroma(["--json", "--api-url", other.url, "import", join(dir, "cli.tar.gz")], api);
      expect(elsewhere.code).toBe(0);
      const body = JSON.parse(elsewhere.stdout);
      expect(body).toMatchObject({ ok: true, import: { project: { slug: "cli_source" }, ids_remapped: false } });
      const otherSdk = createKromaClient({ baseUrl: other.url });
      expect(await names(otherSdk, "cli_source")).toEqual(await names(sdk, "cli_source"));
      expect(await fileHashes(body.import.project_root)).toEqual(await fileHashes(root));
    } finally {
      await other.stop();
    }

    const taken = await kroma(["import", "cli.tar.gz"], api);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      "kroma: Project 'cli_source' already exists; import the bundle under another slug (--slug) (conflict, HTTP 409)\n",
    );

    const damaged = join(dir, "damaged.tar.gz");
    await writeFile(damaged, downloaded.subarray(0, Math.floor(downloaded.length / 2)));
    const refused = await kroma(["import", damaged, "--slug", "cli_damaged"], api);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^kroma: Invalid bundle: the file is corrupted or truncated/);
    await expect(sdk.projects.get("cli_damaged")).rejects.toMatchObject({ status: 404 });
    expect(existsSync(join(server.appRoot, "var/projects/cli_damaged"))).toBe(false);
    const staged = (await readdir(join(server.appRoot, "var/projects"))).filter((n) => n.startsWith(".kroma-import-"));
    expect(staged).toEqual([]);

    const missing = await kroma(["import", "nowhere.tar.gz"], api);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`kroma: Cannot import: ${join(dir, "nowhere.tar.gz")} is not a file\n`);
  });

  it("imports offline with --db into the database file given, saying which file it opened", async () => {
    const appRoot = await mkdtemp(join(tmpdir(), "kroma-cli-offline-"));
    try {
      const sdk = createKromaClient({ baseUrl: server.url });
      await sdk.projects.upsert({ name: "Cli Offline", slug: "cli_offline" });
      const { export_path } = await sdk.exports.create("cli_offline");
      // No server is asked: the API URL names nothing that listens.
      const env = { KROMA_APP_ROOT: appRoot, KROMA_BACKEND_DB: "", KROMA_API_URL: "http://127.0.0.1:9" };
      const dbFile = join(dir, "offline.db");
      const offline = await kroma(["import", export_path, "--db", "offline.db"], env);
      expect(offline.code).toBe(0);
      expect(offline.stderr).toBe(`Opening database ${dbFile} (new); project files under ${appRoot}\n`);
      expect(offline.stdout).toContain(
        `Imported cli_offline into ${join(appRoot, "var/projects/cli_offline")} (database ${dbFile})`,
      );
      // A server on that file serves the restored project.
      const restored = await startTestServer({ agentDispatch: false, appRoot, dbPath: dbFile });
      try {
        const project = await createKromaClient({ baseUrl: restored.url }).projects.get("cli_offline");
        expect(project.project.name).toBe("Cli Offline");
      } finally {
        await restored.stop();
      }
    } finally {
      await rm(appRoot, { recursive: true, force: true });
    }
  });
});

describe("kroma sync s3", () => {
  it("has the server sync: lists on --dry-run, uploads with the project's aws secrets, then skips what is unchanged", async () => {
    const sdk = createKromaClient({ baseUrl: server.url });
    const { storage } = await sdk.projects.upsert({ name: "Cli Sync", slug: "cli_sync" });
    await sdk.storage.updateS3("cli_sync", { enabled: true, bucket: s3.bucket, endpoint_url: s3.endpoint });
    const root = storage.local.project_root;
    await mkdir(join(root, "scenes"), { recursive: true });
    await writeFile(join(root, "a.txt"), "alpha");
    await writeFile(join(root, "scenes/b.png"), "bravo");

    const dry = await kroma(["--json", "sync", "s3", "-p", "cli_sync", "--dry-run"]);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout).sync;
    expect(planned).toMatchObject({ dry_run: true, uploaded: 0, key_prefix: "kroma-projects/cli_sync/" });
    expect(planned.files.map((f: { path: string }) => f.path)).toEqual(["a.txt", "scenes/b.png"]);

    // The shell's AWS keys are not the server's: the sync is the server's, with the project's secrets.
    const shellKeys = {
      AWS_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
    };
    const missingKeys = await kroma(["sync", "s3", "cli_sync"], shellKeys);
    expect(missingKeys.code).toBe(1);
    expect(missingKeys.stderr).toContain("No S3 credentials");
    expect(s3.events).toHaveLength(0);

    await sdk.secrets.upsert("cli_sync", {
      provider_code: "aws",
      secret_name: "access_key_id",
      secret_value: localS3Credentials.accessKeyId,
    });
    await sdk.secrets.upsert("cli_sync", {
      provider_code: "aws",
      secret_name: "secret_access_key",
      secret_value: localS3Credentials.secretAccessKey,
    });
    const first = await kroma(["sync", "s3", "-p", "cli_sync"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("uploaded 2 (10 bytes), unchanged 0, failed 0");
    expect(first.stdout + first.stderr).not.toContain(localS3Credentials.secretAccessKey);
    expect(s3.events.map((e) => e.key)).toContain("kroma-projects/cli_sync/a.txt");

    const second = await kroma(["--json", "sync", "s3", "cli_sync"]);
    expect(JSON.parse(second.stdout).sync).toMatchObject({ uploaded: 0, skipped: 2, failed: 0 });
  });
});
