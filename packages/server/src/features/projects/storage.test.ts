import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/setup.js";

async function withProject() {
  const testApp = await createTestApp();
  await testApp.call("POST", "/api/projects", { name: "DX Demo", slug: "dx_demo" });
  return testApp;
}

describe("project storage", () => {
  it("defaults to var/projects/<slug> under the app root and S3 off", async () => {
    const { call, appRoot } = await withProject();
    const { status, body } = await call("GET", "/api/projects/dx_demo/storage");
    expect(status).toBe(200);
    expect(body.project.slug).toBe("dx_demo");
    expect(body.storage).toEqual({
      local: { base_dir: "var/projects", project_root: join(appRoot, "var/projects/dx_demo") },
      s3: { enabled: false, bucket: "", prefix: "kroma-projects", region: "", profile: "", endpoint_url: "" },
    });
  });

  it("moves the base dir and the project root, resolving relative paths against the app root", async () => {
    const { call, appRoot } = await withProject();
    const based = await call("PUT", "/api/projects/dx_demo/storage/local", { base_dir: "data/projects" });
    expect(based.status).toBe(200);
    expect(based.body.updated).toBe("local");
    expect(based.body.storage.local).toEqual({
      base_dir: "data/projects",
      project_root: join(appRoot, "data/projects/dx_demo"),
    });

    const rooted = await call("PUT", "/api/projects/dx_demo/storage/local", { project_root: "custom/root" });
    expect(rooted.body.storage.local.project_root).toBe(join(appRoot, "custom/root"));

    const reset = await call("PUT", "/api/projects/dx_demo/storage/local", { project_root: "  " });
    expect(reset.body.storage.local.project_root).toBe(join(appRoot, "data/projects/dx_demo"));

    const persisted = await call("GET", "/api/projects/dx_demo");
    expect(persisted.body.storage.local.base_dir).toBe("data/projects");
  });

  it("honours an absolute project root as the owner's choice", async () => {
    const { call } = await withProject();
    const { status, body } = await call("PUT", "/api/projects/dx_demo/storage/local", {
      project_root: "/srv/kroma/dx",
    });
    expect(status).toBe(200);
    expect(body.storage.local.project_root).toBe("/srv/kroma/dx");
  });

  const refused: Array<[string, unknown, string]> = [
    [
      "a '..' escape in project_root",
      { project_root: "../outside" },
      "Field 'project_root' must not contain '..' segments",
    ],
    [
      "a nested '..' in project_root",
      { project_root: "var/projects/../../etc" },
      "Field 'project_root' must not contain '..' segments",
    ],
    [
      "an absolute path with '..'",
      { project_root: "/srv/kroma/../../etc" },
      "Field 'project_root' must not contain '..' segments",
    ],
    ["a '..' escape in base_dir", { base_dir: "..\\up" }, "Field 'base_dir' must not contain '..' segments"],
    ["a NUL byte", { project_root: "var/a\u0000b" }, "Field 'project_root' must not contain NUL bytes"],
    ["the filesystem root", { project_root: "/" }, "Field 'project_root' must not be the filesystem root"],
    ["a blank base_dir", { base_dir: " " }, "Field 'base_dir' must not be empty"],
    ["neither field", {}, "Provide at least one of: base_dir, project_root"],
    ["both null", { base_dir: null, project_root: null }, "Provide at least one of: base_dir, project_root"],
    ["a non-string project_root", { project_root: 7 }, "Field 'project_root' must be string or null"],
  ];

  it.each(refused)("refuses %s with 400 and leaves storage unchanged", async (_, body, message) => {
    const { call, dump } = await withProject();
    const before = await dump("project_storage");
    const response = await call("PUT", "/api/projects/dx_demo/storage/local", body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      ok: false,
      error: message,
      error_kind: "validation",
      error_code: "validation_error",
    });
    expect(await dump("project_storage")).toEqual(before);
  });

  it("updates S3 settings field by field; blank clears, a cleared prefix returns to the default", async () => {
    const { call } = await withProject();
    const enabled = await call("PUT", "/api/projects/dx_demo/storage/s3", {
      enabled: true,
      bucket: "kroma-bucket",
      prefix: "team",
      region: "eu-west-1",
      endpoint_url: "http://127.0.0.1:9000",
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.updated).toBe("s3");
    expect(enabled.body.storage.s3).toEqual({
      enabled: true,
      bucket: "kroma-bucket",
      prefix: "team",
      region: "eu-west-1",
      profile: "",
      endpoint_url: "http://127.0.0.1:9000",
    });

    const partial = await call("PUT", "/api/projects/dx_demo/storage/s3", {
      profile: "work",
      prefix: "",
      region: null,
    });
    expect(partial.body.storage.s3).toEqual({
      enabled: true,
      bucket: "kroma-bucket",
      prefix: "kroma-projects",
      region: "",
      profile: "work",
      endpoint_url: "http://127.0.0.1:9000",
    });

    const noop = await call("PUT", "/api/projects/dx_demo/storage/s3", {});
    expect(noop.body.storage.s3).toEqual(partial.body.storage.s3);
  });

  it("refuses bad S3 input with 400 and leaves storage unchanged", async () => {
    const { call, dump } = await withProject();
    const before = await dump("project_storage");
    const wrongType = await call("PUT", "/api/projects/dx_demo/storage/s3", { enabled: "yes" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toBe("Field 'enabled' must be boolean");
    const badUrl = await call("PUT", "/api/projects/dx_demo/storage/s3", { endpoint_url: "ftp://example" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error).toBe("Field 'endpoint_url' must be an http(s) URL");
    expect(await dump("project_storage")).toEqual(before);
  });

  it("404s storage routes of an unknown project", async () => {
    const { call } = await createTestApp();
    for (const [method, path, body] of [
      ["GET", "/api/projects/ghost/storage", undefined],
      ["PUT", "/api/projects/ghost/storage/local", { base_dir: "x" }],
      ["PUT", "/api/projects/ghost/storage/s3", { enabled: true }],
    ] as const) {
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error_code).toBe("not_found");
    }
  });
});

describe("project roots and the server's private directory", () => {
  it("refuses a project root that would hold the database and master key, or sit inside their directory", async () => {
    const t = await createTestApp();
    await t.call("POST", "/api/projects", { name: "Private" });
    for (const project_root of [".", "var", "var/backend", "var/backend/p"]) {
      const { status, body } = await t.call("PUT", "/api/projects/private/storage/local", { project_root });
      expect(status, project_root).toBe(400);
      expect(body.error).toContain("private directory");
    }
    const allowed = await t.call("PUT", "/api/projects/private/storage/local", { project_root: "data/private" });
    expect(allowed.status).toBe(200);
  });
});
