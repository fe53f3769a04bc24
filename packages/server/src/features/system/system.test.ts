import { listOperations, openapiDocument } from "@kroma/contract";
import { describe, expect, it } from "vitest";
import { expectFailure, expectNotFound, internalError } from "../../../test/envelope.js";
import { createTestApp } from "../../../test/setup.js";
import { serverVersion } from "../../core/app.js";

describe("system routes", () => {
  it("GET /health answers the seed's success check", async () => {
    const { client } = await createTestApp();
    const { response, data } = await client.GET("/health");
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ ok: true, status: "ok", service: "kroma-backend-core", version: serverVersion });
    expect(data?.route_count).toBe(listOperations(openapiDocument).length);
  });

  it("404s unknown routes and methods in the envelope", async () => {
    const { call } = await createTestApp();
    for (const [method, path] of [
      ["GET", "/nope"],
      ["DELETE", "/api/projects"],
      ["GET", "/api/projects/a/b/c"],
    ]) {
      const response = await call(method as string, path as string);
      expectNotFound(response, `Route not found: ${method} ${path}`);
    }
  });

  it("turns a server fault into a sanitised 500 and logs the real error", async () => {
    const { client, db, logged } = await createTestApp();
    await db.destroy();
    const response = await client.GET("/api/projects");
    expectFailure(response, 500, internalError, "Internal server error");
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toMatch(/driver has already been destroyed|database connection is not open/);
  });

  it("serves the spec verbatim as YAML and as JSON", async () => {
    const { app } = await createTestApp();
    const { openapiYaml } = await import("@kroma/contract");
    const { parse } = await import("yaml");
    const yaml = await app.request("/openapi.yaml");
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get("content-type")).toMatch(/^application\/yaml/);
    const served = await yaml.text();
    // The bundled spec: one self-contained document, the same as the one served as JSON.
    expect(served).toBe(openapiYaml);
    expect(parse(served)).toEqual(openapiDocument);
    const json = await app.request("/openapi.json");
    expect(await json.json()).toEqual(openapiDocument);
  });

  it("serves an offline API reference page and its assets", async () => {
    const { app, call } = await createTestApp();
    const page = await app.request("/docs");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets).toEqual(["/docs/assets/swagger-ui.css", "/docs/assets/swagger-ui-bundle.js"]);
    expect(html).toContain('url: "/openapi.json"');
    for (const asset of assets) {
      const response = await app.request(asset);
      expect(response.status, asset).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(10_000);
    }
    const unknown = await call("GET", "/docs/assets/secret.txt");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe("Path parameter 'asset' must be one of: swagger-ui.css, swagger-ui-bundle.js");
  });
});
