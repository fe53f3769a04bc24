// Issue 13 point 12, last bullet (security review §12 "DB in the app root"): with
// KROMA_BACKEND_DB=app.db run from the app root, the server's "private directory" is the app root
// itself. Walling that off refused every PUT /storage/local, even `{"project_root": ""}`. Now only
// the database files and master.key are protected then: storage updates work, and no project root
// or config check may reach those files.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiClient, portClient, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let appRoot = "";
let server: TestServer;
let client: ApiClient;
const alpha = { params: { path: { slug: "alpha" } } };

beforeAll(async () => {
  appRoot = await mkdtemp(join(tmpdir(), "kroma-db-in-root-"));
  server = await startTestServer({ agentDispatch: false, appRoot, dbPath: join(appRoot, "app.db") });
  client = portClient(server.url);
  expect((await client.POST("/api/projects", { body: { name: "alpha" } })).response.status).toBe(200);
  // Storing a secret creates master.key beside the database, i.e. in the app root.
  const secret = { provider_code: "openai", secret_name: "api_key", secret_value: "sk-db-in-root-test" };
  expect((await client.POST("/api/projects/{slug}/secrets", { ...alpha, body: secret })).response.status).toBe(200);
  expect(existsSync(join(appRoot, "master.key"))).toBe(true);
});
afterAll(async () => {
  await server?.stop();
  await rm(appRoot, { recursive: true, force: true });
});

describe("the database in the app root", () => {
  it("still lets storage be updated, back to the default too", async () => {
    const moved = await client.PUT("/api/projects/{slug}/storage/local", {
      ...alpha,
      body: { project_root: "data/alpha" },
    });
    expect(moved.response.status).toBe(200);
    expect(moved.data?.storage.local.project_root).toBe(join(appRoot, "data/alpha"));
    const reset = await client.PUT("/api/projects/{slug}/storage/local", { ...alpha, body: { project_root: "" } });
    expect(reset.response.status).toBe(200);
    expect(reset.data?.storage.local.project_root).toBe(join(appRoot, "var/projects/alpha"));
    const base = await client.PUT("/api/projects/{slug}/storage/local", { ...alpha, body: { base_dir: "projects" } });
    expect(base.response.status).toBe(200);
    expect(base.data?.storage.local.project_root).toBe(join(appRoot, "projects/alpha"));
  });

  it("keeps the database files and master.key out of every project root", async () => {
    await mkdir(join(appRoot, "links"), { recursive: true });
    await symlink(appRoot, join(appRoot, "links/to-root"));
    for (const project_root of [".", appRoot, "links/to-root"]) {
      const refused = await client.PUT("/api/projects/{slug}/storage/local", { ...alpha, body: { project_root } });
      expect([project_root, refused.response.status]).toEqual([project_root, 400]);
      expect(refused.error?.error).toContain("would hold the server's database or master key");
    }
  });

  it("keeps validate-config away from them, while config/ stays readable", async () => {
    await mkdir(join(appRoot, "config"), { recursive: true });
    await symlink(join(appRoot, "app.db"), join(appRoot, "config/db.json"));
    await symlink(join(appRoot, "master.key"), join(appRoot, "config/key.json"));
    for (const manifest_path of ["app.db", "app.db-wal", "master.key", "config/db.json", "config/key.json"]) {
      const refused = await client.POST("/api/projects/{slug}/runs/validate-config", {
        ...alpha,
        body: { manifest_path },
      });
      expect([manifest_path, refused.response.status]).toEqual([manifest_path, 400]);
      expect(refused.error?.error).toContain("server's private directory");
    }
    const allowed = await client.POST("/api/projects/{slug}/runs/validate-config", {
      ...alpha,
      body: {
        manifest_path: "config/missing.json",
      },
    });
    expect(allowed.response.status).toBe(200);
  });
});
