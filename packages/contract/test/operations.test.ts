import { describe, expect, it } from "vitest";
import { listOperations, openapiDocument, resolveOperation } from "../src/index.js";

describe("the spec's operations", () => {
  const operations = listOperations(openapiDocument);

  it("covers the contract spine's operations, each with a unique operationId", () => {
    const routes = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /health",
        "GET /api/projects",
        "POST /api/projects",
        "GET /api/projects/{slug}",
        "GET /api/projects/{slug}/storage",
        "PUT /api/projects/{slug}/storage/local",
        "PUT /api/projects/{slug}/storage/s3",
        "GET /openapi.yaml",
        "GET /openapi.json",
        "GET /docs",
      ]),
    );
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("merges path-level parameters into each operation", () => {
    const { parameters } = resolveOperation(openapiDocument, "/api/projects/{slug}/storage/local", "put");
    expect(parameters).toEqual([expect.objectContaining({ name: "slug", in: "path", required: true })]);
  });

  it("declares a schema for every response, and every error is the shared envelope", () => {
    const responses = openapiDocument.components?.responses ?? {};
    for (const { method, path } of operations) {
      const { operation } = resolveOperation(openapiDocument, path, method);
      for (const [status, response] of Object.entries(operation.responses)) {
        const where = `${method.toUpperCase()} ${path} ${status}`;
        if (status.startsWith("2")) {
          const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
          expect(Object.keys(content).length, where).toBeGreaterThan(0);
          for (const media of Object.values(content)) expect(media.schema, where).toBeDefined();
          continue;
        }
        const ref = (response as { $ref?: string }).$ref ?? "";
        // A 304 has no body: the one shared NotModified response.
        if (status === "304") {
          expect(ref, where).toBe("#/components/responses/NotModified");
          continue;
        }
        // Errors must reference a shared response whose body is the ErrorEnvelope: no inline copies.
        expect(ref, where).toMatch(/^#\/components\/responses\//);
        const shared = responses[ref.split("/").pop() as string];
        expect(shared?.content?.["application/json"]?.schema, where).toEqual({
          $ref: "#/components/schemas/ErrorEnvelope",
        });
      }
    }
  });

  it("throws for an operation without an operationId", () => {
    const broken = structuredClone(openapiDocument);
    broken.paths["/x"] = { get: { responses: {} } };
    expect(() => listOperations(broken)).toThrow("GET /x has no operationId");
  });
});
