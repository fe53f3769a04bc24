import { openapiDocument } from "@kroma/contract";
import { createApp, openDatabase } from "@kroma/server";
import { afterAll, describe, expect, it } from "vitest";

// The spec's `security` says what the server's token policy does (core/auth-policy.ts): a token
// (bearer header or session cookie) on `/api/...` and `/auth/...`, none elsewhere, and the session
// routes saying their own.
const db = await openDatabase(":memory:");
afterAll(() => db.destroy());

type Operation = { operationId?: string; security?: Record<string, string[]>[] };
const methods = ["get", "put", "post", "patch", "delete"] as const;

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(openapiDocument.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

describe("the spec's security", () => {
  const document = openapiDocument as unknown as {
    security?: unknown;
    components: { securitySchemes?: Record<string, unknown> };
  };

  it("declares the bearer token and the session cookie, and needs one of them by default", () => {
    expect(document.components.securitySchemes).toMatchObject({
      bearerAuth: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "kroma_session" },
    });
    expect(document.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
  });

  it("marks public exactly the operations outside /api and /auth", () => {
    for (const { method, path, operation } of operations()) {
      const guarded = path.startsWith("/api/") || path.startsWith("/auth/");
      if (guarded) expect(operation.security, `${method} ${path}`).not.toEqual([]);
      else expect(operation.security, `${method} ${path}`).toEqual([]);
    }
  });

  it("matches what a server that always needs a token answers without one", async () => {
    const app = createApp({ db, auth: { mode: "required", loopback: true } });
    const bare = (path: string, method = "GET") => app.request(path, { method });
    for (const path of ["/health", "/openapi.json", "/openapi.yaml", "/docs"]) {
      expect((await bare(path)).status, path).toBe(200);
    }
    expect((await bare("/api/projects")).status).toBe(401);
    expect((await bare("/auth/tokens")).status).toBe(401);
    // The session routes answer for themselves: signing in takes the token in the body too.
    const session = openapiDocument.paths["/auth/session"] as Record<string, Operation>;
    expect(session.post?.security).toEqual([{ bearerAuth: [] }, {}]);
    expect(session.get?.security).toEqual([{ sessionCookie: [] }]);
    expect((await bare("/auth/session")).status).toBe(401);
  });
});
