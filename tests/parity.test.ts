import { type OpenApiDocument, openapiDocument } from "@kroma/contract";
import { createApp, openDatabase } from "@kroma/server";
import { afterAll, describe, expect, it } from "vitest";
import { checkParity, mountedRoutes } from "./parity.js";

// The parity gate: the routes the server mounts and the operations the spec declares must match.
const db = await openDatabase(":memory:");
afterAll(() => db.destroy());

describe("parity gate", () => {
  it("the server mounts exactly the spec's operations", () => {
    const app = createApp({ db });
    expect(checkParity(app, openapiDocument)).toEqual({ missingInSpec: [], missingInApp: [] });
    expect(mountedRoutes(app)).toContain("GET /api/projects/{slug}");
  });

  it("reports a route the code mounts but the spec lacks", () => {
    const app = createApp({ db });
    app.get("/api/undocumented", (c) => c.json({ ok: true }));
    expect(checkParity(app, openapiDocument)).toEqual({
      missingInSpec: ["GET /api/undocumented"],
      missingInApp: [],
    });
  });

  it("reports an operation the spec declares but no handler serves", () => {
    const app = createApp({ db });
    const document: OpenApiDocument = structuredClone(openapiDocument);
    const item = document.paths["/api/projects/{slug}"];
    if (!item) throw new Error("fixture path missing");
    item.delete = { operationId: "deleteProject", responses: { "200": { description: "Deleted." } } };
    expect(checkParity(app, document)).toEqual({
      missingInSpec: [],
      missingInApp: ["DELETE /api/projects/{slug}"],
    });
  });
});
