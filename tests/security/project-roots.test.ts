// Issue 13 point 2 (security review §2 "a project-scoped token reads and writes every other
// project's files" and §12 "var/exports/ is shared by all projects"): no project root may hold or
// lie inside another project's root, whoever sets it and in whichever order the projects come; a
// project-scoped token may not move its project's root at all; and in the shared var/exports/
// each project may write only its own names.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type ApiClient, portClient, startTestServer, type TestServer } from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const betaSecret = "beta private file 7c1e";

let server: TestServer;
/** No token: the tokenless local mode, until the first token exists. Then `admin` is needed. */
let admin: ApiClient;
/** A token scoped to project `alpha`. */
let alpha: ApiClient;
let betaRoot = "";

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  const local = portClient(server.url);
  for (const name of ["alpha", "beta", "alpha_2"]) await expectOk(local.POST("/api/projects", { body: { name } }));
  const adminToken = (await expectOk(local.POST("/auth/token", { body: { label: "admin" } }))).auth_token.token;
  admin = portClient(server.url, { token: adminToken });
  const scoped = (await expectOk(admin.POST("/auth/token", { body: { project_slug: "alpha" } }))).auth_token.token;
  alpha = portClient(server.url, { token: scoped });
  betaRoot = await rootOf("beta");
  await mkdir(join(betaRoot, "scenes"), { recursive: true });
  await writeFile(join(betaRoot, "private.txt"), betaSecret);
  const alphaRoot = await rootOf("alpha");
  await mkdir(alphaRoot, { recursive: true });
  await writeFile(join(alphaRoot, "notes.txt"), "alpha notes");
});
afterAll(() => server?.stop());

/** The project's resolved root as the API reports it. */
async function rootOf(slug: string): Promise<string> {
  return (await expectOk(admin.GET("/api/projects/{slug}", inProject(slug)))).storage.local.project_root;
}

describe("a project-scoped token", () => {
  it("may not change its project's local storage at all (the review's repro): 403, root unchanged", async () => {
    const before = await rootOf("alpha");
    for (const body of [
      { project_root: "var/projects" },
      { project_root: "var/projects/beta" },
      { project_root: betaRoot },
      { project_root: "" },
      { base_dir: "var/projects/beta" },
    ]) {
      const refused = await alpha.PUT("/api/projects/{slug}/storage/local", { ...inProject("alpha"), body });
      expect([JSON.stringify(body), refused.response.status]).toEqual([JSON.stringify(body), 403]);
      expect(refused.error).toMatchObject({ ok: false, error_kind: "policy", error_code: "forbidden" });
      expect(refused.error?.error).toContain("project-scoped token may not change");
    }
    expect(await rootOf("alpha")).toBe(before);
  });

  it("exports nothing of beta's after trying", async () => {
    const { export_path } = await expectOk(
      alpha.POST("/api/projects/{slug}/exports", { ...inProject("alpha"), body: { include_files: true } }),
    );
    const tar = gunzipSync(await readFile(export_path));
    expect(tar.includes("alpha notes")).toBe(true);
    expect(tar.includes(betaSecret)).toBe(false);
    expect(tar.includes("files/beta")).toBe(false);
  });
});

describe("an admin (unscoped token)", () => {
  it("cannot give a project a root that holds or lies inside another project's root: 409", async () => {
    await mkdir(join(server.appRoot, "links"), { recursive: true });
    await symlink(betaRoot, join(server.appRoot, "links/to-beta"));
    await symlink(join(server.appRoot, "var/projects"), join(server.appRoot, "links/to-projects"));
    const before = await rootOf("alpha");
    for (const body of [
      { project_root: "var/projects" },
      { project_root: "var/projects/beta" },
      { project_root: "var/projects/beta/scenes" },
      { project_root: "var/projects/beta/not-yet/created" },
      { project_root: betaRoot },
      // Through symlinks, existing or not below them.
      { project_root: "links/to-beta" },
      { project_root: "links/to-beta/deeper" },
      { project_root: "links/to-projects" },
      // Moving base_dir moves the default root `<base_dir>/alpha` too.
      { base_dir: "var/projects/beta" },
      { base_dir: "links/to-beta" },
    ]) {
      const refused = await admin.PUT("/api/projects/{slug}/storage/local", { ...inProject("alpha"), body });
      expect([JSON.stringify(body), refused.response.status]).toEqual([JSON.stringify(body), 409]);
      expect(refused.error).toMatchObject({ ok: false, error_code: "conflict" });
      expect(refused.error?.error).toMatch(/would hold or lie inside the root of project '(beta|alpha_2)'/);
    }
    expect(await rootOf("alpha")).toBe(before);
    const { export_path } = await expectOk(
      admin.POST("/api/projects/{slug}/exports", {
        ...inProject("alpha"),
        body: {
          include_files: true,
          output: "exports/after-admin-tries.tar.gz",
        },
      }),
    );
    expect(gunzipSync(await readFile(export_path)).includes(betaSecret)).toBe(false);
  });

  it("cannot point a root at the shared var/exports/ (it holds every project's bundles): 400", async () => {
    for (const project_root of ["var/exports", "var/exports/alpha"]) {
      const refused = await admin.PUT("/api/projects/{slug}/storage/local", {
        ...inProject("alpha"),
        body: { project_root },
      });
      expect([project_root, refused.response.status]).toEqual([project_root, 400]);
      expect(refused.error?.error).toContain("var/exports/");
    }
    // `var` holds the server's private directory too, which is checked first.
    const privateDir = await admin.PUT("/api/projects/{slug}/storage/local", {
      ...inProject("alpha"),
      body: { project_root: "var" },
    });
    expect(privateDir.response.status).toBe(400);
    expect(privateDir.error?.error).toContain("server's private directory");
  });

  it("may still move a root to a place of its own, and back to the default", async () => {
    const moved = await expectOk(
      admin.PUT("/api/projects/{slug}/storage/local", {
        ...inProject("alpha"),
        body: { project_root: "elsewhere/alpha" },
      }),
    );
    expect(moved.storage.local.project_root).toBe(join(server.appRoot, "elsewhere/alpha"));
    const back = await expectOk(
      admin.PUT("/api/projects/{slug}/storage/local", { ...inProject("alpha"), body: { project_root: "" } }),
    );
    expect(back.storage.local.project_root).toBe(join(server.appRoot, "var/projects/alpha"));
  });
});

describe("the order projects come in", () => {
  it("refuses creating a project whose default root another project's root already holds or lies in", async () => {
    // alpha points at gamma's future default root before gamma exists: allowed then ...
    await expectOk(
      admin.PUT("/api/projects/{slug}/storage/local", {
        ...inProject("alpha"),
        body: { project_root: "var/projects/gamma" },
      }),
    );
    // ... so gamma cannot be created on top of it (nor delta under a root holding its default).
    const gamma = await admin.POST("/api/projects", { body: { name: "gamma" } });
    expect(gamma.response.status).toBe(409);
    expect(gamma.error).toMatchObject({ ok: false, error_code: "conflict" });
    expect(gamma.error?.error).toContain("Project 'gamma' cannot be created");
    expect(gamma.error?.error).toContain("root of project 'alpha'");
    expect((await admin.GET("/api/projects/{slug}", inProject("gamma"))).response.status).toBe(404);

    await expectOk(
      admin.PUT("/api/projects/{slug}/storage/local", {
        ...inProject("alpha"),
        body: { project_root: "var/projects/delta/inner" },
      }),
    );
    expect((await admin.POST("/api/projects", { body: { name: "delta" } })).response.status).toBe(409);
    expect((await admin.GET("/api/projects/{slug}", inProject("delta"))).response.status).toBe(404);

    // Once alpha moves away, gamma can be created.
    await expectOk(
      admin.PUT("/api/projects/{slug}/storage/local", { ...inProject("alpha"), body: { project_root: "" } }),
    );
    await expectOk(admin.POST("/api/projects", { body: { name: "gamma" } }));
    // Updating an existing project (same slug) is not a creation and stays allowed.
    await expectOk(admin.POST("/api/projects", { body: { name: "gamma", description: "renamed" } }));
  });
});

describe("var/exports/", () => {
  const exportsDir = () => join(server.appRoot, "var/exports");
  const listed = async () => (existsSync(exportsDir()) ? (await readdir(exportsDir())).sort() : []);

  it("refuses another project's names, so alpha cannot write or pre-empt beta's bundles", async () => {
    const stamp = "20990102T030405Z";
    for (const output of [
      "var/exports/beta_latest.tar.gz",
      `var/exports/beta_${stamp}.tar.gz`,
      `${server.appRoot}/var/exports/beta_${stamp}.tar.gz`,
      "var/exports/beta/latest.tar.gz",
      "var/exports/alpha_2_latest.tar.gz",
      "var/exports/alias.tar.gz",
    ]) {
      const refused = await alpha.POST("/api/projects/{slug}/exports", { ...inProject("alpha"), body: { output } });
      expect([output, refused.response.status, refused.error?.error_code]).toEqual([output, 400, "validation_error"]);
      expect(refused.error?.error).toContain("var/exports/alpha_<name>.tar.gz");
    }
    expect(await listed()).toEqual([]);
    expect((await expectOk(alpha.GET("/api/projects/{slug}/exports", inProject("alpha")))).total).toBe(2);

    // beta's own exports still work: named, default-named in var/exports/, and the default place.
    const named = await expectOk(
      admin.POST("/api/projects/{slug}/export", {
        ...inProject("beta"),
        body: { output: "var/exports/beta_latest.tar.gz" },
      }),
    );
    expect(named.export_path).toBe(join(exportsDir(), "beta_latest.tar.gz"));
    const stamped = await expectOk(
      admin.POST("/api/projects/{slug}/exports", { ...inProject("beta"), body: { output: "var/exports/" } }),
    );
    expect(stamped.export_path).toMatch(/\/var\/exports\/beta_\d{8}T\d{6}Z\.tar\.gz$/);
    const byDefault = await expectOk(admin.POST("/api/projects/{slug}/exports", { ...inProject("beta"), body: {} }));
    expect(byDefault.export_path.startsWith(join(betaRoot, "exports/beta_"))).toBe(true);
  });

  it("keeps the prefix trap shut: alpha_2's names are alpha_2's, alpha keeps its own", async () => {
    const stamp = "20990203T040506Z";
    const trap = await alpha.POST("/api/projects/{slug}/exports", {
      ...inProject("alpha"),
      body: { output: `var/exports/alpha_2_${stamp}.tar.gz` },
    });
    expect(trap.response.status).toBe(400);
    const own = await expectOk(
      admin.POST("/api/projects/{slug}/exports", {
        ...inProject("alpha_2"),
        body: { output: `var/exports/alpha_2_${stamp}.tar.gz` },
      }),
    );
    expect(own.export_path).toBe(join(exportsDir(), `alpha_2_${stamp}.tar.gz`));
    const alphaOwn = await expectOk(
      alpha.POST("/api/projects/{slug}/exports", {
        ...inProject("alpha"),
        body: { output: `var/exports/alpha_${stamp}.tar.gz` },
      }),
    );
    expect(alphaOwn.export_path).toBe(join(exportsDir(), `alpha_${stamp}.tar.gz`));
    const subdir = await expectOk(
      alpha.POST("/api/projects/{slug}/exports", {
        ...inProject("alpha"),
        body: {
          output: "var/exports/alpha/my_backup.tar.gz",
        },
      }),
    );
    expect(subdir.export_path).toBe(join(exportsDir(), "alpha/my_backup.tar.gz"));
  });
});
