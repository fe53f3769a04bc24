import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Schema } from "@kroma/contract";
import { useTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

const repoConfig = fileURLToPath(new URL("../../../../../config", import.meta.url));
const api = useTestServer({ agentDispatch: false, projects: ["Config"] });
let projectRoot = "";
beforeAll(async () => {
  const { data } = await api.client.GET("/api/projects/{slug}", { params: { path: { slug: "config" } } });
  projectRoot = data?.storage.local.project_root ?? "";
});

/** Validates project `config`'s configuration; answers the status and the summary (or error) body. */
async function validate(body?: Schema<"ValidateRunConfigRequest">, slug = "config") {
  const { data, error, response } = await api.client.POST("/api/projects/{slug}/runs/validate-config", {
    params: { path: { slug } },
    body,
  });
  return { status: response.status, summary: data?.summary, error: error?.error };
}
const setting = <T extends { key: string }>(summary: { settings: T[] } | undefined, key: string) =>
  summary?.settings.find((s) => s.key === key);

describe("POST /api/projects/{slug}/runs/validate-config", () => {
  it("with no config files, reports the defaults as valid", async () => {
    const { status, summary } = await validate();
    expect(status).toBe(200);
    expect(summary).toMatchObject({
      valid: true,
      problems: [],
      app_settings_loaded: false,
      project_root: projectRoot,
    });
    expect(setting(summary, "pipeline.postprocess.color_profile")).toMatchObject({
      value: "neutral",
      source: "default",
    });
  });

  it("layers the app's config/ files under the project's own settings, with sources", async () => {
    await mkdir(join(api.server.appRoot, "config"), { recursive: true });
    await cp(
      join(repoConfig, "pipeline.settings.toml.example"),
      join(api.server.appRoot, "config/pipeline.settings.toml"),
    );
    await cp(
      join(repoConfig, "pipeline.manifest.json.example"),
      join(api.server.appRoot, "config/pipeline.manifest.json"),
    );
    await cp(join(repoConfig, "postprocess.json.example"), join(api.server.appRoot, "config/postprocess.json"));
    await mkdir(join(projectRoot, ".kroma"), { recursive: true });
    await writeFile(
      join(projectRoot, ".kroma/pipeline.settings.json"),
      JSON.stringify({ pipeline: { postprocess: { color_profile: "cold_rain" } } }),
    );
    const { summary } = await validate();
    expect(summary).toMatchObject({
      valid: true,
      app_settings_loaded: true,
      project_settings_loaded: true,
      manifest_loaded: true,
    });
    expect(setting(summary, "pipeline.postprocess.color_profile")).toMatchObject({
      value: "cold_rain",
      source: "project",
    });
    expect(setting(summary, "pipeline.manifest_path")?.source).toBe("app");
  });

  it("reports every problem with its file and field", async () => {
    await writeFile(
      join(api.server.appRoot, "config/bad.manifest.json"),
      JSON.stringify({ safe_batch_limit: 0, generation: { candidates: "3" } }),
    );
    const { status, summary } = await validate({ manifest_path: "config/bad.manifest.json" });
    expect(status).toBe(200);
    expect(summary?.valid).toBe(false);
    const fields = summary?.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["safe_batch_limit", "generation.candidates"]));
    expect(summary?.problems[0]?.file).toContain("bad.manifest.json");
  });

  it("refuses request paths that leave the app root", async () => {
    for (const [body, message] of [
      [{ manifest_path: "../outside.json" }, "Field 'manifest_path' must not contain '..' segments"],
      [{ app_settings_path: "/etc/passwd" }, "Field 'app_settings_path' must be relative to the app root"],
    ] as const) {
      const response = await validate(body);
      expect(response.status).toBe(400);
      expect(response.error).toBe(message);
    }
    expect((await validate({}, "ghost")).status).toBe(404);
  });
});
