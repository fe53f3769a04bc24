import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { adaptBucketRequests, type LocalS3, localS3Credentials, startLocalS3 } from "@kroma/testkit/local-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/setup.js";
import { syncProjectToS3 } from "./sync.js";

// The server's own keys go to the local S3 only because it is listed as trusted (set once it runs).
const env: Record<string, string> = {
  AWS_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
};
const trustedOnly = (): Record<string, string> => ({
  KROMA_S3_TRUSTED_ENDPOINTS: env.KROMA_S3_TRUSTED_ENDPOINTS ?? "",
});
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

let s3: LocalS3;
let client: S3Client;
beforeAll(async () => {
  s3 = await startLocalS3({ bucket: "kroma-sync" });
  env.KROMA_S3_TRUSTED_ENDPOINTS = s3.endpoint;
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: localS3Credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  adaptBucketRequests(client);
});
afterAll(async () => {
  client?.destroy();
  await s3?.destroy();
});

/** Keys under a prefix, as ListObjectsV2 reports them. */
async function listKeys(prefix: string): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key as string).sort();
}

async function objectBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

/** A project with S3 sync configured against the local server, and some files. */
async function syncedProject(t: TestApp, name: string, files: Record<string, string | Buffer>) {
  const { body } = await t.call("POST", "/api/projects", { name });
  const slug: string = body.project.slug;
  const root: string = body.storage.local.project_root;
  await t.call("PUT", `/api/projects/${slug}/storage/s3`, {
    enabled: true,
    bucket: s3.bucket,
    endpoint_url: s3.endpoint,
    region: "us-east-1",
  });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { slug, root, id: body.project.id as string, project: { id: body.project.id as string, slug, root } };
}

const keysOf = (t: TestApp) => ({ masterKeyFile: join(t.appRoot, "var/backend/master.key") });

describe("S3 sync against a local S3 server", () => {
  it("dry run reports every new file and uploads and records nothing", async () => {
    const t = await createTestApp();
    const p = await syncedProject(t, "Dry", { "scenes/a.png": "aaa", "notes.txt": "n" });
    // No credentials anywhere: a dry run sends nothing to S3, so it needs none.
    const report = await syncProjectToS3(t.db, keysOf(t), p.project, { dryRun: true, env: {} });
    expect(report).toMatchObject({ dry_run: true, scanned: 2, would_upload: 2, uploaded: 0, skipped: 0, failed: 0 });
    expect(report.bytes_would_upload).toBe(4);
    expect(report.files.map((f) => [f.path, f.key, f.status, f.reason])).toEqual([
      ["notes.txt", "kroma-projects/dry/notes.txt", "would_upload", "new"],
      ["scenes/a.png", "kroma-projects/dry/scenes/a.png", "would_upload", "new"],
    ]);
    expect(await listKeys("kroma-projects/dry/")).toEqual([]);
    expect(await t.db.selectFrom("s3_sync_state").selectAll().execute()).toEqual([]);
  });

  it("uploads over the API with the project's secrets, then skips unchanged files and re-uploads changed ones", async () => {
    const t = await createTestApp();
    const p = await syncedProject(t, "Alpha", {
      "scenes/a.png": "scene a",
      "outputs/b.png": "output b",
      ".kroma/pipeline.settings.json": "{}",
      ".kroma/in-progress/tmp.png": "scratch",
    });
    for (const [name, value] of [
      ["access_key_id", localS3Credentials.accessKeyId],
      ["secret_access_key", localS3Credentials.secretAccessKey],
    ]) {
      await t.call("POST", `/api/projects/${p.slug}/secrets`, {
        provider_code: "aws",
        secret_name: name,
        secret_value: value,
      });
    }
    const first = await t.call("POST", `/api/projects/${p.slug}/storage/s3/sync`, {});
    expect(first.status).toBe(200);
    expect(first.body.sync).toMatchObject({ dry_run: false, uploaded: 3, skipped: 0, failed: 0, bytes_uploaded: 17 });
    expect(JSON.stringify(first.body)).not.toContain(localS3Credentials.secretAccessKey);
    expect(await listKeys("kroma-projects/alpha/")).toEqual([
      "kroma-projects/alpha/.kroma/pipeline.settings.json",
      "kroma-projects/alpha/outputs/b.png",
      "kroma-projects/alpha/scenes/a.png",
    ]);
    expect((await objectBytes("kroma-projects/alpha/scenes/a.png")).toString()).toBe("scene a");
    const head = await client.send(
      new HeadObjectCommand({ Bucket: s3.bucket, Key: "kroma-projects/alpha/outputs/b.png" }),
    );
    expect(head.ContentLength).toBe(8);

    const again = await t.call("POST", `/api/projects/${p.slug}/storage/s3/sync`, {});
    expect(again.body.sync).toMatchObject({ uploaded: 0, skipped: 3, failed: 0, files: [] });

    // Same size, other bytes: only the hash can tell it changed.
    await writeFile(join(p.root, "scenes/a.png"), "scene A");
    const changed = await t.call("POST", `/api/projects/${p.slug}/storage/s3/sync`, { dry_run: false });
    expect(changed.body.sync).toMatchObject({ uploaded: 1, skipped: 2, failed: 0 });
    expect(changed.body.sync.files).toMatchObject([{ path: "scenes/a.png", status: "uploaded", reason: "changed" }]);
    expect((await objectBytes("kroma-projects/alpha/scenes/a.png")).toString()).toBe("scene A");

    const audits = await t.db
      .selectFrom("audit_events")
      .select(["action", "detail_json"])
      .where("action", "=", "storage.sync_s3")
      .execute();
    expect(audits.map((a) => JSON.parse(a.detail_json))).toEqual([
      { uploaded: 3, skipped: 0, failed: 0, bytes_uploaded: 17 },
      { uploaded: 0, skipped: 3, failed: 0, bytes_uploaded: 0 },
      { uploaded: 1, skipped: 2, failed: 0, bytes_uploaded: 7 },
    ]);
  });

  it("uploads a large file in parts", async () => {
    const t = await createTestApp();
    const big = Buffer.alloc(6 * 1024 * 1024 + 123);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    const p = await syncedProject(t, "Large", { "outputs/big.bin": big });
    const report = await syncProjectToS3(t.db, keysOf(t), p.project, { env, partSizeBytes: 5 * 1024 * 1024 });
    expect(report).toMatchObject({ uploaded: 1, failed: 0, bytes_uploaded: big.length });
    expect(report.files[0]).toMatchObject({ path: "outputs/big.bin", multipart: true, status: "uploaded" });
    // Stored by completing a multipart upload (a POST), not by one PUT.
    expect(s3.events.filter((e) => e.key === "kroma-projects/large/outputs/big.bin")).toEqual([
      { event: "ObjectCreated:Post", key: "kroma-projects/large/outputs/big.bin" },
    ]);
    const stored = await objectBytes("kroma-projects/large/outputs/big.bin");
    expect(stored.length).toBe(big.length);
    expect(sha256(stored)).toBe(sha256(big));
  });

  it("keeps each project under its own prefix", async () => {
    const t = await createTestApp();
    const one = await syncedProject(t, "Iso One", { "shared.txt": "one", "only-one.txt": "1" });
    const two = await syncedProject(t, "Iso Two", { "shared.txt": "two" });
    await syncProjectToS3(t.db, keysOf(t), one.project, { env });
    const second = await syncProjectToS3(t.db, keysOf(t), two.project, { env });
    // The same path in another project is another object: nothing of project one counts as synced.
    expect(second).toMatchObject({ uploaded: 1, skipped: 0 });
    expect(await listKeys("kroma-projects/iso_one/")).toEqual([
      "kroma-projects/iso_one/only-one.txt",
      "kroma-projects/iso_one/shared.txt",
    ]);
    expect(await listKeys("kroma-projects/iso_two/")).toEqual(["kroma-projects/iso_two/shared.txt"]);
    expect((await objectBytes("kroma-projects/iso_one/shared.txt")).toString()).toBe("one");
    expect((await objectBytes("kroma-projects/iso_two/shared.txt")).toString()).toBe("two");
  });

  it("reports the files a stopped server did not get, and the next run uploads only those", async () => {
    const t = await createTestApp();
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`outputs/img_${i}.png`, `image ${i}`]));
    const p = await syncedProject(t, "Interrupted", files);
    let done = 0;
    const cut = await syncProjectToS3(t.db, keysOf(t), p.project, {
      env,
      concurrency: 1,
      maxAttempts: 2,
      connectionTimeoutMs: 2000,
      onFile: async (file) => {
        if (file.status === "uploaded" && ++done === 2) await s3.stop();
      },
    });
    try {
      expect(cut).toMatchObject({ uploaded: 2, failed: 4, skipped: 0 });
      const failed = cut.files.filter((file) => file.status === "failed");
      expect(failed).toHaveLength(4);
      for (const file of failed) expect(file.error).toBeTruthy();
      const arrived = cut.files.filter((file) => file.status === "uploaded").map((file) => file.path);
      const recorded = await t.db
        .selectFrom("s3_sync_state")
        .select("rel_path")
        .where("project_id", "=", p.id)
        .execute();
      expect(recorded.map((row) => row.rel_path).sort()).toEqual([...arrived].sort());
    } finally {
      await s3.start();
    }

    const resumed = await syncProjectToS3(t.db, keysOf(t), p.project, { env });
    // Each object was stored exactly once over both runs: nothing that arrived went up again.
    const stored = s3.events.filter((e) => e.key.startsWith("kroma-projects/interrupted/")).map((e) => e.key);
    expect(stored.sort()).toEqual(
      Object.keys(files)
        .map((path) => `kroma-projects/interrupted/${path}`)
        .sort(),
    );
    expect(resumed).toMatchObject({ uploaded: 4, skipped: 2, failed: 0 });
    const arrivedFirst = cut.files.filter((file) => file.status === "uploaded").map((file) => file.path);
    expect(resumed.files.map((file) => file.path).filter((path) => arrivedFirst.includes(path))).toEqual([]);
    expect(await listKeys("kroma-projects/interrupted/")).toHaveLength(6);
    for (const [path, content] of Object.entries(files)) {
      expect((await objectBytes(`kroma-projects/interrupted/${path}`)).toString()).toBe(content);
    }
  });

  it("reads the keys of the project's profile from the AWS shared credentials file", async () => {
    const t = await createTestApp();
    const p = await syncedProject(t, "Profiled", { "a.txt": "a" });
    await t.call("PUT", `/api/projects/${p.slug}/storage/s3`, { profile: "kroma-test" });
    const file = join(t.appRoot, "aws-credentials");
    await writeFile(
      file,
      `[kroma-test]\naws_access_key_id = ${localS3Credentials.accessKeyId}\naws_secret_access_key = ${localS3Credentials.secretAccessKey}\n`,
    );
    const saved = { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
    process.env.AWS_SHARED_CREDENTIALS_FILE = file;
    process.env.AWS_CONFIG_FILE = join(t.appRoot, "no-aws-config");
    try {
      const report = await syncProjectToS3(t.db, keysOf(t), p.project, { env: trustedOnly() });
      expect(report).toMatchObject({ uploaded: 1, failed: 0 });
    } finally {
      for (const [name, value] of [
        ["AWS_SHARED_CREDENTIALS_FILE", saved.credentials],
        ["AWS_CONFIG_FILE", saved.config],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("reports every file as failed when the server refuses the credentials", async () => {
    const t = await createTestApp();
    const p = await syncedProject(t, "Wrong Key", { "a.txt": "a" });
    const report = await syncProjectToS3(t.db, keysOf(t), p.project, {
      env: { ...trustedOnly(), AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "not-the-secret" },
      maxAttempts: 1,
    });
    expect(report).toMatchObject({ uploaded: 0, failed: 1 });
    expect(report.files[0]?.error).toMatch(/signature/i);
    expect(report.files[0]?.error).not.toContain("not-the-secret");
    expect(await t.db.selectFrom("s3_sync_state").selectAll().execute()).toEqual([]);
  });

  it("refuses a project without S3 enabled, without a bucket, or without credentials", async () => {
    const t = await createTestApp();
    const p = await syncedProject(t, "Refused", { "a.txt": "a" });
    await expect(syncProjectToS3(t.db, keysOf(t), p.project, { env: {} })).rejects.toThrow("No S3 credentials");
    await t.call("PUT", `/api/projects/${p.slug}/storage/s3`, { bucket: "" });
    const noBucket = await t.call("POST", `/api/projects/${p.slug}/storage/s3/sync`, { dry_run: true });
    expect(noBucket.status).toBe(400);
    expect(noBucket.body.error).toContain("no S3 bucket");
    await t.call("PUT", `/api/projects/${p.slug}/storage/s3`, { enabled: false, bucket: s3.bucket });
    const disabled = await t.call("POST", `/api/projects/${p.slug}/storage/s3/sync`, { dry_run: true });
    expect(disabled.status).toBe(400);
    expect(disabled.body.error).toContain("not enabled");
    const unknown = await t.call("POST", "/api/projects/nope/storage/s3/sync", {});
    expect(unknown.status).toBe(404);
  });
});
