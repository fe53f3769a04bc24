import { describe, expect, it } from "vitest";
import { createContractValidator, openapiDocument } from "../src/index.js";

const validator = createContractValidator(openapiDocument);

describe("request validation", () => {
  it("names the offending field", () => {
    expect(validator.validateRequest("post", "/api/projects", { body: { name: 42 } })).toEqual([
      { field: "name", message: "Field 'name' must be string" },
    ]);
    expect(validator.validateRequest("post", "/api/projects", { body: {} })).toEqual([
      { field: "name", message: "Field 'name' is required" },
    ]);
    expect(
      validator.validateRequest("put", "/api/projects/{slug}/storage/s3", { path: { slug: "a" }, body: { bucket: 1 } }),
    ).toEqual([{ field: "bucket", message: "Field 'bucket' must be string or null" }]);
  });

  it("reports every problem at once", () => {
    const issues = validator.validateRequest("post", "/api/projects", { body: { name: 1, slug: false } });
    expect(issues.map((issue) => issue.field).sort()).toEqual(["name", "slug"]);
  });

  it("requires a body where the spec does, and checks its type", () => {
    expect(validator.validateRequest("post", "/api/projects", {})).toEqual([
      { field: "", message: "Request body is required (JSON)" },
    ]);
    expect(validator.validateRequest("post", "/api/projects", { body: "DX Demo" })).toEqual([
      { field: "", message: "Request body must be object" },
    ]);
  });

  it("checks path parameters and lets unknown body fields through (the seed's clients send extras)", () => {
    expect(validator.validateRequest("get", "/api/projects/{slug}", { path: { slug: "" } })).toEqual([
      { field: "slug", message: "Path parameter 'slug' must NOT have fewer than 1 characters" },
    ]);
    expect(validator.validateRequest("post", "/api/projects", { body: { name: "A", color: "red" } })).toEqual([]);
  });

  it("asks an empty update for one of its fields, unless something else is wrong", () => {
    const update = "/api/projects/{slug}/prompt-templates/{templateId}";
    expect(validator.validateRequest("put", update, { path: { slug: "a", templateId: "t" }, body: {} })).toEqual([
      { field: "", message: "Provide at least one of: name, template_text", fields: ["name", "template_text"] },
    ]);
    expect(validator.validateRequest("put", update, { path: { slug: "", templateId: "t" }, body: {} })).toEqual([
      { field: "slug", message: "Path parameter 'slug' must NOT have fewer than 1 characters" },
    ]);
    expect(validator.validateRequest("put", update, { path: { slug: "a", templateId: "t" }, body: { x: 1 } })).toEqual(
      [],
    );
  });
});

describe("response validation", () => {
  const health = {
    ok: true,
    status: "ok",
    service: "kroma-backend-core",
    version: "0.1.0",
    started_unix_ms: 1,
    route_count: 1,
  };

  it("accepts a body matching the declared status", () => {
    expect(validator.validateResponse("get", "/health", 200, health)).toEqual([]);
  });

  it("rejects extra, missing and mistyped fields", () => {
    expect(validator.validateResponse("get", "/health", 200, { ...health, extra: 1 })).toEqual([
      { field: "extra", message: "Field 'extra' is not allowed" },
    ]);
    const { version: _, ...withoutVersion } = health;
    expect(validator.validateResponse("get", "/health", 200, withoutVersion)).toEqual([
      { field: "version", message: "Field 'version' is required" },
    ]);
    expect(validator.validateResponse("get", "/api/projects", 200, { ok: true, count: "1", projects: [] })).toEqual([
      { field: "count", message: "Field 'count' must be integer" },
    ]);
  });

  it("checks error bodies against the envelope and refuses undeclared statuses", () => {
    const envelope = { ok: false, error: "Project 'x' not found", error_kind: "validation", error_code: "not_found" };
    expect(validator.validateResponse("get", "/api/projects/{slug}", 404, envelope)).toEqual([]);
    expect(
      validator.validateResponse("get", "/api/projects/{slug}", 404, { ...envelope, error_kind: "oops" }),
    ).toHaveLength(1);
    expect(validator.validateResponse("get", "/health", 418, envelope)).toEqual([
      { field: "", message: "The spec declares no 418 response" },
    ]);
  });

  it("throws for an operation the spec lacks", () => {
    expect(() => validator.validateResponse("delete", "/health", 200, {})).toThrow("The spec has no DELETE /health");
  });
});

describe("schema validation", () => {
  const input = { path: "scenes/a.png", role: "scene", sha256: "a".repeat(64), size: 12 };

  it("checks a value against a named component schema", () => {
    expect(validator.validateSchema("RunLogInput", input)).toEqual([]);
    expect(validator.validateSchema("RunLogInput", { ...input, role: "mask", extra: 1 })).toEqual([
      { field: "extra", message: "Field 'extra' is not allowed" },
      { field: "role", message: "Field 'role' must be one of: scene, style_ref, reference" },
    ]);
    expect(validator.validateSchema("RunLogInput", "scenes/a.png")).toEqual([
      { field: "", message: "Value must be object" },
    ]);
  });

  it("compiles each schema once and reuses it", () => {
    expect(validator.validateSchema("ErrorKind", "policy")).toEqual([]);
    expect(validator.validateSchema("ErrorKind", "nope")).toEqual([
      { field: "", message: "Value must be equal to one of the allowed values" },
    ]);
  });

  it("throws for a schema the spec lacks", () => {
    expect(() => validator.validateSchema("NoSuchSchema", {})).toThrow(
      "The spec has no schema components.schemas.NoSuchSchema",
    );
    expect(() => validator.validateSchema("toString", {})).toThrow("The spec has no schema");
  });
});
