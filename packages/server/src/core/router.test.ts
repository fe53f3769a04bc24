import { createContractValidator, openapiDocument } from "@kroma/contract";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { conflict, toErrorResponse } from "./errors.js";
import { createRouteDefiner, type DefineRoute, toHonoPath, toSpecPath } from "./router.js";

function appWith(mount: (route: DefineRoute) => void, validateResponses = true) {
  const app = new Hono();
  app.onError((error, c) => {
    const { status, body } = toErrorResponse(error);
    return c.json(body, status);
  });
  const route = createRouteDefiner(app, {
    document: openapiDocument,
    validator: createContractValidator(openapiDocument),
    validateResponses,
    bodyLimitBytes: 1024,
  });
  mount(route);
  return app;
}

describe("typed router at runtime", () => {
  it("converts between spec and Hono path templates", () => {
    expect(toHonoPath("/api/projects/{slug}/storage/local")).toBe("/api/projects/:slug/storage/local");
    expect(toSpecPath("/api/projects/:slug/storage/local")).toBe("/api/projects/{slug}/storage/local");
  });

  it("refuses to mount an operation the spec lacks, even from untyped code", () => {
    const mountUnknown = (route: DefineRoute) =>
      (route as (method: string, path: string, handler: () => unknown) => void)("get", "/api/nowhere", () => ({}));
    expect(() => appWith(mountUnknown)).toThrow("Cannot mount GET /api/nowhere: the spec has no such operation");
  });

  it("turns a body that breaks the spec into a 500 contract violation naming the field", async () => {
    const app = appWith((route) =>
      route("get", "/api/projects", () => ({
        status: 200,
        body: { ok: true, count: 1, projects: [{ slug: 1 }] } as never,
      })),
    );
    const response = await app.request("/api/projects");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { details: unknown };
    expect(body).toMatchObject({ ok: false, error_kind: "infra", error_code: "response_contract_violation" });
    expect(body.details).toEqual(
      expect.arrayContaining([{ field: "projects.0.slug", message: "Field 'projects.0.slug' must be string" }]),
    );
  });

  it("turns an error status the operation does not declare into a contract violation", async () => {
    const app = appWith((route) =>
      route("get", "/health", () => {
        throw conflict("not declared for /health");
      }),
    );
    const response = await app.request("/health");
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: string }).error).toBe(
      "Response 409 of GET /health does not match the spec",
    );
  });

  it("sends the declared error as is when response checking is off", async () => {
    const app = appWith(
      (route) =>
        route("get", "/health", () => {
          throw conflict("not declared for /health");
        }),
      false,
    );
    const response = await app.request("/health");
    expect(response.status).toBe(409);
  });

  it("limits the body size of operations that take one", async () => {
    const app = appWith((route) =>
      route("post", "/api/projects", () => {
        throw new Error("unreachable");
      }),
    );
    const response = await app.request("/api/projects", {
      method: "POST",
      body: JSON.stringify({ name: "x".repeat(2000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error_code: "payload_too_large",
      error: "Request body is larger than 1024 bytes",
    });
  });
});
