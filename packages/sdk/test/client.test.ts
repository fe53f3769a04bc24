import { createKromaClient, KromaApiError, unwrap } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("createKromaClient against a running server", () => {
  it("creates, lists and reads projects with unwrapped bodies", async () => {
    const kroma = createKromaClient({ baseUrl: server.url });
    expect(await kroma.health()).toMatchObject({ ok: true, service: "kroma-backend-core" });

    const created = await kroma.projects.upsert({ name: "SDK Demo", slug: "sdk_demo" });
    expect(created.project.slug).toBe("sdk_demo");
    expect(created.storage.local.project_root).toBe(`${server.appRoot}/var/projects/sdk_demo`);

    const { count, projects } = await kroma.projects.list();
    expect(count).toBe(projects.length);
    expect(projects.map((p) => p.slug)).toContain("sdk_demo");

    const detail = await kroma.projects.get("sdk_demo");
    expect(detail.counts).toEqual({ runs: 0, jobs: 0, assets: 0 });
  });

  it("updates storage", async () => {
    const kroma = createKromaClient({ baseUrl: `${server.url}/` });
    await kroma.projects.upsert({ name: "Stored" });
    const local = await kroma.storage.updateLocal("stored", { base_dir: "data" });
    expect(local.updated).toBe("local");
    expect(local.storage.local.project_root).toBe(`${server.appRoot}/data/stored`);
    const s3 = await kroma.storage.updateS3("stored", { enabled: true, bucket: "b" });
    expect(s3.storage.s3).toMatchObject({ enabled: true, bucket: "b" });
    expect((await kroma.storage.get("stored")).storage).toEqual(s3.storage);
  });

  it("throws KromaApiError with kind, code and status from the envelope", async () => {
    const kroma = createKromaClient({ baseUrl: server.url });
    const notFound = await kroma.projects.get("ghost").catch((error: unknown) => error);
    expect(notFound).toBeInstanceOf(KromaApiError);
    expect(notFound).toMatchObject({
      kind: "validation",
      code: "not_found",
      status: 404,
      message: "Project 'ghost' not found",
    });

    const invalid = await kroma.projects.upsert({ name: " " }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: "validation_error", status: 400, details: { field: "name" } });
  });

  it("reports an unreachable server as an infra error", async () => {
    const kroma = createKromaClient({ baseUrl: "http://127.0.0.1:9" });
    await expect(kroma.health()).rejects.toMatchObject({ kind: "infra", code: "network_error", status: 0 });
  });

  it("sends the bearer token and extra headers", async () => {
    const seen: Headers[] = [];
    const kroma = createKromaClient({
      baseUrl: server.url,
      token: "secret-token",
      headers: { "x-trace": "t1" },
      fetch: (input) => {
        seen.push((input as Request).headers);
        return fetch(input);
      },
    });
    await kroma.health();
    expect(seen[0]?.get("authorization")).toBe("Bearer secret-token");
    expect(seen[0]?.get("x-trace")).toBe("t1");
  });

  it("unwrap() turns a raw openapi-fetch result into the body or a KromaApiError", async () => {
    const kroma = createKromaClient({ baseUrl: server.url });
    const { projects } = await unwrap(kroma.raw.GET("/api/projects"));
    expect(Array.isArray(projects)).toBe(true);
    await expect(
      unwrap(kroma.raw.GET("/api/projects/{slug}", { params: { path: { slug: "ghost" } } })),
    ).rejects.toBeInstanceOf(KromaApiError);
  });

  it("treats a non-envelope failure as unknown", () => {
    const error = KromaApiError.fromResponse(502, "<html>Bad gateway</html>");
    expect(error).toMatchObject({ kind: "unknown", code: "unexpected_response", status: 502 });
  });
});
