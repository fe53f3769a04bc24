import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoConfig = fileURLToPath(new URL("../../../../../config", import.meta.url));
let server: TestServer;
let call: ReturnType<typeof httpClient>;
let projectRoot = "";
beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  call = httpClient(server.url);
  projectRoot = (await call("POST", "/api/projects", { name: "Config" })).body.storage.local.project_root;
});
afterAll(() => server.stop());

const validate = (body?: unknown) => call("POST", "/api/projects/config/runs/validate-config", body);
type Setting = { key: string; value: unknown; source: string };
const setting = (settings: Setting[], key: string) => settings.find((s) => s.key === key);

describe("POST /api/projects/{slug}/runs/validate-config", () => {
  it("with no config files, reports the defaults as valid", async () => {
    const { status, body } = await validate();
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({
      valid: true,
      problems: [],
      app_settings_loaded: false,
      project_root: projectRoot,
    });
    expect(setting(body.summary.settings, "pipeline.postprocess.color_profile")).toMatchObject({
      value: "neutral",
      source: "default",
    });
  });

  it("layers the app's config/ files under the project's own settings, with sources", async () => {
    await mkdir(join(server.appRoot, "config"), { recursive: true });
    await cp(join(repoConfig, "pipeline.settings.toml.example"), join(server.appRoot, "config/pipeline.settings.toml"));
    await cp(join(repoConfig, "pipeline.manifest.json.example"), join(server.appRoot, "config/pipeline.manifest.json"));
    await cp(join(repoConfig, "postprocess.json.example"), join(server.appRoot, "config/postprocess.json"));
    await mkdir(join(projectRoot, ".kroma"), { recursive: true });
    await writeFile(
      join(projectRoot, ".kroma/pipeline.settings.json"),
      JSON.stringify({ pipeline: { postprocess: { color_profile: "cold_rain" } } }),
    );
    const { body } = await validate();
    expect(body.summary).toMatchObject({
      valid: true,
      app_settings_loaded: true,
      project_settings_loaded: true,
      manifest_loaded: true,
    });
    expect(setting(body.summary.settings, "pipeline.postprocess.color_profile")).toMatchObject({
      value: "cold_rain",
      source: "project",
    });
    expect(setting(body.summary.settings, "pipeline.manifest_path")?.source).toBe("app");
  });

  it("reports every problem with its file and field", async () => {
    await writeFile(
      join(server.appRoot, "config/bad.manifest.json"),
      JSON.stringify({ safe_batch_limit: 0, generation: { candidates: "3" } }),
    );
    const { status, body } = await validate({ manifest_path: "config/bad.manifest.json" });
    expect(status).toBe(200);
    expect(body.summary.valid).toBe(false);
    const fields = body.summary.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["safe_batch_limit", "generation.candidates"]));
    expect(body.summary.problems[0].file).toContain("bad.manifest.json");
  });

  it("refuses request paths that leave the app root", async () => {
    for (const [body, message] of [
      [{ manifest_path: "../outside.json" }, "Field 'manifest_path' must not contain '..' segments"],
      [{ app_settings_path: "/etc/passwd" }, "Field 'app_settings_path' must be relative to the app root"],
    ] as const) {
      const response = await validate(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe(message);
    }
    expect((await call("POST", "/api/projects/ghost/runs/validate-config", {})).status).toBe(404);
  });
});
