// Type-level proof that the typed router only accepts what the spec declares.
// Each @ts-expect-error must be a real type error, or the type check fails.
import { describe, expectTypeOf, it } from "vitest";
import type { DefineRoute } from "./router.js";

declare const route: DefineRoute;
declare const storage: { local: { base_dir: string; project_root: string }; s3: never };

const project = {
  id: "p1",
  slug: "demo",
  name: "Demo",
  description: "",
  status: "active" as const,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};
const counts = { runs: 0, jobs: 0, assets: 0 };

describe("typed router", () => {
  it("accepts handlers that return the declared body", () => {
    route("get", "/api/projects", () => ({ status: 200, body: { ok: true, count: 0, projects: [] } }));
    route("get", "/api/projects/{slug}", async ({ params }) => {
      expectTypeOf(params.slug).toEqualTypeOf<string>();
      return { status: 200, body: { ok: true, project, counts, storage } };
    });
    route("post", "/api/projects", ({ body }) => {
      expectTypeOf(body.name).toEqualTypeOf<string>();
      expectTypeOf(body.slug).toEqualTypeOf<string | undefined>();
      return { status: 200, body: { ok: true, project, storage } };
    });
    route("get", "/openapi.yaml", ({ context }) => context.text("yaml"));
  });

  it("refuses paths and methods the spec lacks", () => {
    // @ts-expect-error: no such path in the spec
    route("get", "/api/projectz", () => ({ status: 200, body: { ok: true, count: 0, projects: [] } }));
    // @ts-expect-error: the spec has no DELETE /api/projects
    route("delete", "/api/projects", () => ({ status: 200, body: { ok: true, count: 0, projects: [] } }));
  });

  it("refuses an extra (or misspelt) field, also nested", () => {
    // @ts-expect-error: `total` is not a field of ProjectListResponse
    route("get", "/api/projects", () => ({ status: 200, body: { ok: true, count: 0, projects: [], total: 0 } }));
    // @ts-expect-error: `owner` is not a field of Project
    route("post", "/api/projects", () => ({
      status: 200,
      body: { ok: true, project: { ...project, owner: "x" }, storage },
    }));
    // @ts-expect-error: `count` is misspelt
    route("get", "/api/projects", async () => ({ status: 200, body: { ok: true, cuont: 0, count: 0, projects: [] } }));
  });

  it("refuses a missing or mistyped field", () => {
    // @ts-expect-error: `count` is required
    route("get", "/api/projects", () => ({ status: 200, body: { ok: true, projects: [] } }));
    // @ts-expect-error: `count` must be a number
    route("get", "/api/projects", () => ({ status: 200, body: { ok: true, count: "0", projects: [] } }));
    // @ts-expect-error: `service` is the constant "kroma-backend-core"
    route("get", "/health", () => ({ status: 200, body: { ok: true, status: "ok", service: "x", version: "1" } }));
  });

  it("refuses a status the spec does not declare", () => {
    // @ts-expect-error: GET /api/projects declares no 201
    route("get", "/api/projects", () => ({ status: 201, body: { ok: true, count: 0, projects: [] } }));
  });

  it("refuses a path parameter the operation does not have", () => {
    route("get", "/api/projects/{slug}/storage", ({ params }) => {
      // @ts-expect-error: the operation has no `id` parameter
      void params.id;
      return { status: 200, body: { ok: true, project, storage } };
    });
  });
});
