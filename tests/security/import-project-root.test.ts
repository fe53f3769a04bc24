// Issue 13 point 2, security review §2 ("no project root may hold or lie inside another project's
// root, whoever sets it"), by the import path: `kroma import --slug gamma` creates project
// `gamma` with the default root `var/projects/gamma`. When another project already points its
// root there, the import is refused (non-zero exit, the project named) and nothing is created.
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  craftBundle,
  manifestOf,
  portClient,
  projectRecord,
  runKroma,
  type ServedProcess,
  sha256,
  spawnServer,
} from "@kroma/testkit";
import { inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let root = "";
let server: ServedProcess | undefined;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kroma-import-root-"));
  await mkdir(join(root, "var/backend"), { recursive: true });
  server = await spawnServer(root);
});
afterAll(async () => {
  await server?.stop("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

/** `kroma import BUNDLE --slug SLUG --db var/backend/app.db` (offline) as a user runs it. */
const kromaImport = (bundle: string, slug: string) =>
  runKroma(root, ["import", bundle, "--slug", slug, "--db", "var/backend/app.db"]);

describe("kroma import keeps project roots apart", () => {
  it("refuses a slug whose default root another project already points at, and creates nothing", async () => {
    const client = portClient(server?.url ?? "");
    expect((await client.POST("/api/projects", { body: { name: "Alpha", slug: "alpha" } })).response.status).toBe(200);
    const moved = await client.PUT("/api/projects/{slug}/storage/local", {
      ...inProject("alpha"),
      body: { project_root: "var/projects/gamma" },
    });
    expect(moved.response.status).toBe(200);

    const project = projectRecord("shipped");
    const bundle = join(root, "shipped.tar.gz");
    await craftBundle(bundle, [
      {
        name: "manifest.json",
        content: manifestOf("shipped", [
          { path: "records/project.json", size: project.length, sha256: sha256(project) },
        ]),
      },
      { name: "records/project.json", content: project },
    ]);

    const refused = await kromaImport(bundle, "gamma");
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/alpha/);
    expect((await client.GET("/api/projects/{slug}", inProject("gamma"))).response.status).toBe(404);
    // No staging directory is left, and alpha's root got nothing of the bundle.
    expect((await readdir(join(root, "var/projects"))).filter((name) => name.startsWith(".kroma-import-"))).toEqual([]);

    // The same bundle under a free slug imports fine.
    const imported = await kromaImport(bundle, "delta");
    expect(imported.output).toContain("Imported delta");
    expect(imported.code).toBe(0);
  });
});
