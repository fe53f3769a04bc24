import { describe, expect, it } from "vitest";
import { loadServerConfig, serverPaths } from "./config.js";

describe("the server's paths", () => {
  it("put the database under the app root and the master key file beside it", () => {
    expect(serverPaths("/srv/kroma")).toEqual({
      appRoot: "/srv/kroma",
      dbPath: "/srv/kroma/var/backend/app.db",
      masterKeyFile: "/srv/kroma/var/backend/master.key",
    });
    expect(loadServerConfig({}, { KROMA_APP_ROOT: "/srv/kroma" })).toMatchObject(serverPaths("/srv/kroma"));
  });

  it("follow KROMA_BACKEND_DB (relative to the app root) and --db, which wins", () => {
    const env = { KROMA_APP_ROOT: "/srv/kroma", KROMA_BACKEND_DB: "data/kroma.db" };
    expect(loadServerConfig({}, env)).toMatchObject({
      dbPath: "/srv/kroma/data/kroma.db",
      masterKeyFile: "/srv/kroma/data/master.key",
    });
    expect(loadServerConfig({ db: "/var/lib/kroma/app.db" }, env)).toMatchObject({
      dbPath: "/var/lib/kroma/app.db",
      masterKeyFile: "/var/lib/kroma/master.key",
    });
  });
});

describe("the session lifetime", () => {
  it("is 12 hours unless KROMA_SESSION_TTL_MS says otherwise, and at most 400 days", () => {
    expect(loadServerConfig({}, {}).sessionTtlMs).toBe(12 * 60 * 60 * 1000);
    expect(loadServerConfig({}, { KROMA_SESSION_TTL_MS: "60000" }).sessionTtlMs).toBe(60_000);
    expect(() => loadServerConfig({}, { KROMA_SESSION_TTL_MS: "0" })).toThrow(/KROMA_SESSION_TTL_MS/);
    expect(() => loadServerConfig({}, { KROMA_SESSION_TTL_MS: String(401 * 24 * 3600_000) })).toThrow(/400 days/);
  });
});

describe("the trash's retention", () => {
  it("is 30 days unless KROMA_TRASH_RETENTION_DAYS says otherwise, and refuses a bad value", () => {
    expect(loadServerConfig({}, {}).trashRetentionMs).toBe(30 * 86_400_000);
    expect(loadServerConfig({}, { KROMA_TRASH_RETENTION_DAYS: "0.5" }).trashRetentionMs).toBe(43_200_000);
    for (const bad of ["0", "-3", "soon", "4000"]) {
      expect(() => loadServerConfig({}, { KROMA_TRASH_RETENTION_DAYS: bad })).toThrow(/KROMA_TRASH_RETENTION_DAYS/);
    }
  });
});

describe("the longest a trigger waits", () => {
  it("is 300 s unless KROMA_TRIGGER_WAIT_MAX_S says otherwise, and refuses a bad value", () => {
    expect(loadServerConfig({}, {}).triggerWaitMaxS).toBe(300);
    expect(loadServerConfig({}, { KROMA_TRIGGER_WAIT_MAX_S: "30" }).triggerWaitMaxS).toBe(30);
    for (const bad of ["0", "-3", "soon", "1.5"]) {
      expect(() => loadServerConfig({}, { KROMA_TRIGGER_WAIT_MAX_S: bad })).toThrow(/KROMA_TRIGGER_WAIT_MAX_S/);
    }
  });
});

describe("the upload limits", () => {
  it("default to 50 MiB and 100 megapixels, follow KROMA_UPLOAD_MAX_*, and refuse a bad value", () => {
    expect(loadServerConfig({}, {}).uploadLimits).toEqual({ maxBytes: 52_428_800, maxPixels: 100_000_000 });
    const env = { KROMA_UPLOAD_MAX_BYTES: "1048576", KROMA_UPLOAD_MAX_PIXELS: "4000000" };
    expect(loadServerConfig({}, env).uploadLimits).toEqual({ maxBytes: 1_048_576, maxPixels: 4_000_000 });
    expect(() => loadServerConfig({}, { KROMA_UPLOAD_MAX_BYTES: "50MB" })).toThrow(
      "Invalid KROMA_UPLOAD_MAX_BYTES '50MB': expected a whole number above 0",
    );
  });
});

describe("the import limit", () => {
  it("defaults to 10 GiB, follows KROMA_IMPORT_MAX_BYTES, and refuses a bad value", () => {
    expect(loadServerConfig({}, {}).importMaxBytes).toBe(10_737_418_240);
    expect(loadServerConfig({}, { KROMA_IMPORT_MAX_BYTES: "1048576" }).importMaxBytes).toBe(1_048_576);
    expect(() => loadServerConfig({}, { KROMA_IMPORT_MAX_BYTES: "10G" })).toThrow(
      "Invalid KROMA_IMPORT_MAX_BYTES '10G': expected a whole number above 0",
    );
  });
});

describe("the image requests of queued runs", () => {
  it("time out after 3 minutes and go two at a time unless OPENAI_TIMEOUT_MS and KROMA_IMAGE_CONCURRENCY say otherwise", () => {
    expect(loadServerConfig({}, {}).runExecution).toMatchObject({ timeoutMs: 180_000, concurrency: 2 });
    const set = loadServerConfig({}, { OPENAI_TIMEOUT_MS: "20000", KROMA_IMAGE_CONCURRENCY: "1" });
    expect(set.runExecution).toMatchObject({ timeoutMs: 20_000, concurrency: 1 });
    expect(() => loadServerConfig({}, { KROMA_IMAGE_CONCURRENCY: "9" })).toThrow(/KROMA_IMAGE_CONCURRENCY/);
    expect(() => loadServerConfig({}, { OPENAI_TIMEOUT_MS: "0" })).toThrow(/OPENAI_TIMEOUT_MS/);
  });
});
