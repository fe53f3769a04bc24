import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKroma } from "./kroma-bin.js";

let server: TestServer;
const kroma = (args: string[]) => runKroma(server.url, args);

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  await createKromaClient({ baseUrl: server.url }).projects.upsert({ name: "Stored" });
});
afterAll(() => server.stop());

describe("kroma storage", () => {
  it("shows the storage as the API answers it", async () => {
    const shown = await kroma(["--json", "storage", "show", "-p", "stored"]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(await createKromaClient({ baseUrl: server.url }).storage.get("stored"));

    const text = await kroma(["storage", "show", "--project", "stored"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`  project root  ${join(server.appRoot, "var/projects/stored")}`);
    expect(text.stdout).toContain("  s3            disabled");
  });

  it("sets the local root and the S3 settings from flags named like the API's fields", async () => {
    const rooted = await kroma(["--json", "storage", "set", "-p", "stored", "--project-root", "custom/stored"]);
    expect(rooted.code).toBe(0);
    const local = JSON.parse(rooted.stdout);
    expect(local).toMatchObject({ ok: true, updated: "local" });
    expect(local.storage.local.project_root).toBe(join(server.appRoot, "custom/stored"));

    const s3 = await kroma([
      "storage",
      "set",
      "-p",
      "stored",
      "--s3-enabled",
      "--bucket",
      "kroma-test",
      "--prefix",
      "art",
      "--region",
      "eu-west-1",
      "--endpoint-url",
      "http://127.0.0.1:9000",
    ]);
    expect(s3.stderr).toBe("");
    expect(s3.code).toBe(0);
    expect(s3.stdout).toContain("  s3            enabled: s3://kroma-test/art/stored/");
    const { storage } = await createKromaClient({ baseUrl: server.url }).storage.get("stored");
    expect(storage.s3).toEqual({
      enabled: true,
      bucket: "kroma-test",
      prefix: "art",
      region: "eu-west-1",
      profile: "",
      endpoint_url: "http://127.0.0.1:9000",
    });

    // "" returns the root to its default and clears an S3 setting.
    const reset = await kroma([
      "--json",
      "storage",
      "set",
      "-p",
      "stored",
      "--project-root",
      "",
      "--region",
      "",
      "--s3-enabled",
      "false",
    ]);
    expect(reset.code).toBe(0);
    const after = JSON.parse(reset.stdout);
    expect(after.updated).toBe("s3");
    expect(after.storage.local.project_root).toBe(join(server.appRoot, "var/projects/stored"));
    expect(after.storage.s3).toMatchObject({ enabled: false, region: "", bucket: "kroma-test" });
  });

  it("exits 2 on a usage error and 1 when the server refuses", async () => {
    const nothing = await kroma(["storage", "set", "-p", "stored"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("needs a setting to change: --base-dir, --project-root");

    const badBool = await kroma(["storage", "set", "-p", "stored", "--s3-enabled", "maybe"]);
    expect(badBool.code).toBe(2);

    const outside = await kroma(["storage", "set", "-p", "stored", "--project-root", server.appRoot]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^kroma: .+\n$/);

    const ghost = await kroma(["storage", "show", "-p", "ghost"]);
    expect(ghost.code).toBe(1);
  });
});
