// Issue 13 point 8, security review §9 ("SIGKILL during an export: record stuck `running`
// forever, partial files never cleaned"; likewise a killed `kroma import`'s staging directory, and
// the one a server receives an import's bundle in).
// Real processes: the BUILT `kroma serve` and `kroma import` (build first), SIGKILLed in the
// middle of their work, then a server restarted on the same database. What a user checks: the
// export says it failed and why, no temporary file or staging directory is left, and work a
// living process still owns (an import beside the server) is never touched, neither at start
// nor by the periodic sweep.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  craftBundle,
  kromaBin,
  manifestOf,
  openSqliteProbe,
  portClient,
  projectRecord,
  type ServedProcess,
  sha256,
  spawnServer,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, describe, expect, it } from "vitest";

const serverDist = pathToFileURL(join(kromaBin, "../../../server/dist/index.js")).href;
const ttl = "600";
const dirs: string[] = [];
const servers: ServedProcess[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function appRoot(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kroma-leftovers-"));
  dirs.push(dir);
  return dir;
}

async function serve(root: string): Promise<ServedProcess> {
  const server = await spawnServer(root, { KROMA_LEASE_TTL_MS: ttl });
  servers.push(server);
  return server;
}

/** Polls `check` every 5 ms until it returns something, for at most `ms` (a bound, not a wait). */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const namesIn = (dir: string) => readdir(dir).catch(() => [] as string[]);

async function leaseRows(root: string): Promise<Array<{ kind: string; target_id: string }>> {
  const probe = await openSqliteProbe(join(root, "var/backend/app.db"));
  try {
    return await probe.db.selectFrom("leases").select(["kind", "target_id"]).execute();
  } finally {
    await probe.close();
  }
}

/** `count` files of 4 MiB of random bytes (gzip cannot shrink them, so packing takes a while). */
async function bigFiles(root: string, count: number): Promise<void> {
  await mkdir(join(root, "big"), { recursive: true });
  const block = randomBytes(4 * 1024 * 1024);
  for (let i = 0; i < count; i++) await writeFile(join(root, "big", `f${String(i).padStart(3, "0")}.bin`), block);
}

describe("a SIGKILL leaves nothing behind", () => {
  it("an export killed mid-write is failed at restart, and its partial files are removed", async () => {
    const root = await appRoot();
    const first = await serve(root);
    const client = portClient(first.url);
    const body = await expectOk(client.POST("/api/projects", { body: { name: "big" } }));
    const projectRoot = body.storage.local.project_root;
    await bigFiles(projectRoot, 48);
    const exportsDir = join(projectRoot, "exports");
    const request = client
      .POST("/api/projects/{slug}/exports", { ...inProject("big"), body: { include_files: true } })
      .catch(() => undefined);
    const partial = await until("the partial bundle", async () =>
      (await namesIn(exportsDir)).find(
        (name) => name.endsWith(".tar.gz") === false && name.includes(".tar.gz.kroma-partial-"),
      ),
    );
    expect(await first.stop("SIGKILL")).toBe("SIGKILL");
    await request;
    expect(existsSync(join(exportsDir, partial))).toBe(true); // killed while it was being written

    const second = await serve(root);
    const listed = await portClient(second.url).GET("/api/projects/{slug}/exports", inProject("big"));
    expect(listed.data?.exports).toHaveLength(1);
    expect(listed.data?.exports[0]).toMatchObject({
      status: "failed",
      error: "The process writing this export stopped before it finished",
    });
    expect((await namesIn(exportsDir)).filter((name) => name.includes(".kroma-partial-"))).toEqual([]);
    expect(await leaseRows(root)).toEqual([]);
  });

  it("a server killed while it receives an import upload leaves a directory the next server removes", async () => {
    const root = await appRoot();
    const first = await serve(root);
    const { hostname, port } = new URL(first.url);
    // Half a bundle's worth of bytes, and the upload held open: the server is mid-receive.
    const upload = request({
      hostname,
      port,
      method: "POST",
      path: "/api/imports?slug=received",
      headers: { "content-type": "application/gzip", "transfer-encoding": "chunked" },
    });
    upload.on("error", () => {});
    upload.write(randomBytes(256 * 1024));
    const parent = join(root, "var/projects");
    const staging = await until("the received bundle", async () => {
      const name = (await namesIn(parent)).find((n) => n.startsWith(".kroma-import-"));
      return name && existsSync(join(parent, name, "bundle.tar.gz")) ? name : undefined;
    });
    await first.stop("SIGKILL");
    upload.destroy();
    expect(existsSync(join(parent, staging))).toBe(true); // killed while receiving
    expect(await leaseRows(root)).toHaveLength(1);

    const second = await serve(root);
    expect((await namesIn(parent)).filter((name) => name.startsWith(".kroma-import-"))).toEqual([]);
    expect(await leaseRows(root)).toEqual([]);
    const projects = await portClient(second.url).GET("/api/projects");
    expect(projects.data?.projects.map((project) => project.slug)).not.toContain("received");
  });

  it("a `kroma import` killed while it stages leaves a directory the next server removes", async () => {
    const root = await appRoot();
    const bundle = join(root, "big.tar.gz");
    await bigBundle(bundle, 128);
    await mkdir(join(root, "var/backend"), { recursive: true });
    const importer = spawn(
      process.execPath,
      [kromaBin, "import", bundle, "--slug", "restored", "--db", "var/backend/app.db"],
      {
        cwd: root,
        env: { ...process.env, KROMA_APP_ROOT: root, KROMA_BACKEND_DB: "var/backend/app.db", KROMA_LEASE_TTL_MS: ttl },
        stdio: "ignore",
      },
    );
    children.push(importer);
    const parent = join(root, "var/projects");
    const staging = await until("the staging directory", async () =>
      (await namesIn(parent)).find((name) => name.startsWith(".kroma-import-")),
    );
    importer.kill("SIGKILL");
    await once(importer, "exit");
    expect(existsSync(join(parent, staging))).toBe(true); // killed while staging
    expect(await leaseRows(root)).toHaveLength(1);

    const server = await serve(root);
    expect((await namesIn(parent)).filter((name) => name.startsWith(".kroma-import-"))).toEqual([]);
    expect(await leaseRows(root)).toEqual([]);
    const projects = await portClient(server.url).GET("/api/projects");
    expect(projects.data?.projects.map((project) => project.slug)).not.toContain("restored");
  });

  it("work a living process still owns is left alone at start and by the periodic sweep", async () => {
    const root = await appRoot();
    const parent = join(root, "var/projects");
    // A first server creates the database and a project, then stops cleanly.
    const first = await serve(root);
    const body = await expectOk(portClient(first.url).POST("/api/projects", { body: { name: "shared" } }));
    await first.stop("SIGTERM");
    const projectId = body.project.id;
    const exportsDir = join(body.storage.local.project_root, "exports");
    await mkdir(exportsDir, { recursive: true });

    const holder = await holdLeases(root, projectId, exportsDir);
    // Left by an older Kroma: a running export without a lease, with its temporary files, and a
    // staging directory without a lease.
    await insertExport(root, projectId, "export_oldversion", "exports/old.tar.gz");
    const oldPartials = [".old.tar.gz.kroma-partial-0a1b2c3d", ".kroma-partial-records-Ab12Cd"];
    for (const name of oldPartials) await mkdir(join(exportsDir, name));
    const orphanBefore = join(parent, ".kroma-import-leftbyanoldversion");
    await mkdir(orphanBefore);

    const server = await serve(root);
    const client = portClient(server.url);
    const exportOf = (exportId: string) =>
      client.GET("/api/projects/{slug}/exports/{exportId}", { params: { path: { slug: "shared", exportId } } });
    expect(existsSync(orphanBefore)).toBe(false);
    for (const name of oldPartials) expect(existsSync(join(exportsDir, name))).toBe(false);
    expect((await exportOf("export_oldversion")).data?.export).toMatchObject({
      status: "failed",
      error: "The process writing this export stopped before it finished",
    });
    const stillThere = async () => {
      expect(existsSync(join(holder.staging, "part.bin"))).toBe(true);
      expect(existsSync(holder.partial)).toBe(true);
      expect((await exportOf("export_livestandin")).data?.export.status).toBe("running");
    };
    await stillThere();

    // A second orphan, made after the start: once the periodic sweep has removed it, that sweep
    // has looked at the living work too.
    const orphanAfter = join(parent, ".kroma-import-orphanedafterstart");
    await mkdir(orphanAfter);
    await until("the periodic sweep", async () => (existsSync(orphanAfter) ? undefined : true), 30_000);
    await stillThere();
    expect(await leaseRows(root)).toEqual(
      expect.arrayContaining([
        { kind: "import", target_id: holder.stagingId },
        { kind: "export", target_id: "export_livestandin" },
      ]),
    );

    // Once the holder dies, its work is abandoned: the next sweep fails and removes it.
    holder.child.kill("SIGKILL");
    await once(holder.child, "exit");
    await until("the abandoned import's removal", async () => (existsSync(holder.staging) ? undefined : true), 30_000);
    await until("the abandoned export's failure", async () => {
      const { data: found } = await exportOf("export_livestandin");
      return found?.export.status === "failed" ? true : undefined;
    });
    expect(existsSync(holder.partial)).toBe(false);
    expect(await leaseRows(root)).toEqual([]);
  });
});

/** A `running` export row, as an export writes it when it starts (the test adds no lease). */
async function insertExport(root: string, projectId: string, id: string, relPath: string): Promise<void> {
  const probe = await openSqliteProbe(join(root, "var/backend/app.db"));
  try {
    await probe.db
      .insertInto("exports")
      .values({
        id,
        project_id: projectId,
        run_id: null,
        status: "running",
        export_format: "tar.gz",
        storage_uri: null,
        rel_path: relPath,
        file_size_bytes: null,
        checksum_sha256: null,
        manifest_json: null,
        export_asset_id: null,
        error: null,
        created_at: new Date().toISOString(),
        completed_at: null,
      })
      .execute();
  } finally {
    await probe.close();
  }
}

/**
 * A process standing in for a `kroma import` and an export at work beside the server: on the
 * same database it takes an import lease the way the import does (lease first, then the staging
 * directory) and an export lease on a `running` export with its partial bundle, keeps them
 * renewed and holds them until killed.
 */
async function holdLeases(root: string, projectId: string, exportsDir: string) {
  const stagingId = "livestandin0000";
  const staging = join(root, "var/projects", `.kroma-import-${stagingId}`);
  await insertExport(root, projectId, "export_livestandin", "exports/live.tar.gz");
  const partial = join(exportsDir, ".live.tar.gz.kroma-partial-export_livestandin");
  const script = `
    import { mkdir, writeFile } from "node:fs/promises";
    import { createLeaseRepository, newLeaseOwner, openDatabase } from ${JSON.stringify(serverDist)};
    const db = await openDatabase(${JSON.stringify(join(root, "var/backend/app.db"))});
    const leases = createLeaseRepository(db, { owner: newLeaseOwner(), ttlMs: ${ttl} });
    await leases.acquire("import", ${JSON.stringify(stagingId)}, { staging_dir: ${JSON.stringify(staging)} });
    await mkdir(${JSON.stringify(staging)}, { recursive: true });
    await writeFile(${JSON.stringify(join(staging, "part.bin"))}, "staged bytes");
    await leases.acquire("export", "export_livestandin", {
      output_path: ${JSON.stringify(join(exportsDir, "live.tar.gz"))},
      partial_tag: "export_livestandin",
    });
    await writeFile(${JSON.stringify(partial)}, "half a bundle");
    leases.startHeartbeat();
    setInterval(() => {}, 1000);
    process.stdout.write("ready\\n");
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await until("the lease holder", async () => (child.stdout?.read()?.toString().includes("ready") ? true : undefined));
  return { child, staging, stagingId, partial };
}

/**
 * A valid bundle holding one `sizeMiB` MiB file, stored without compression (gzip level 0) so it
 * is quick to write and takes its full size to stage.
 */
async function bigBundle(path: string, sizeMiB: number): Promise<void> {
  const block = randomBytes(1024 * 1024);
  const size = sizeMiB * block.length;
  const fileHash = createHash("sha256");
  for (let i = 0; i < sizeMiB; i++) fileHash.update(block);
  const project = projectRecord("big");
  const manifest = manifestOf("big", [
    { path: "records/project.json", size: project.length, sha256: sha256(project) },
    { path: "files/big.bin", size, sha256: fileHash.digest("hex") },
  ]);
  const blocks = function* () {
    for (let i = 0; i < sizeMiB; i++) yield block;
  };
  await craftBundle(
    path,
    [
      { name: "manifest.json", content: manifest },
      { name: "records/project.json", content: project },
      { name: "files/big.bin", content: blocks, size },
    ],
    0,
  );
}
