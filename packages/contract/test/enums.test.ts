import { describe, expect, it } from "vitest";
import * as enums from "../src/generated/enums.js";
import { openapiDocument } from "../src/index.js";

type Schemas = Record<string, { enum?: unknown[] }>;
const schemas = (openapiDocument.components?.schemas ?? {}) as Schemas;
/** `RunStage` -> `runStageValues`, the name openapi-typescript's `enumValues` gives a named enum. */
const arrayName = (schema: string) => `${schema[0]?.toLowerCase()}${schema.slice(1)}Values`;

describe("enum value arrays", () => {
  it("list every named string enum of the spec, in the spec's order", () => {
    const named = Object.entries(schemas).filter(([, schema]) => Array.isArray(schema.enum));
    expect(named.length).toBeGreaterThan(5);
    for (const [name, schema] of named) {
      expect((enums as Record<string, unknown>)[arrayName(name)], name).toEqual(schema.enum);
    }
  });

  it("are exported by the package", async () => {
    const contract = await import("../src/index.js");
    expect(contract.runStageValues).toEqual(["style", "time", "weather"]);
    expect(contract.postprocessStageNameValues).toEqual(["bg_remove", "bg_refine_openai", "upscale", "color"]);
  });
});
