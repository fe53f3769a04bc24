// Issue 13 point 7 (security review §8 "validate-config lets a scoped token read other projects'
// JSON/TOML"): POST /runs/validate-config reads only the project's own root and the app's
// config/, and its problems never quote values read from the files (key names, paths and the
// expected types are enough to fix a file).
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { components } from "@kroma/contract";
import { type ApiClient, portClient, startTestServer, type TestServer } from "@kroma/testkit";
import { oneField } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const secrets = ["sk-live-VALUE1", "sk-live-VALUE2", "sk-enum-VALUE3", "beta-secret-profile", "beta secret text"];
const fields = ["app_settings_path", "project_settings_path", "manifest_path", "postprocess_config_path"] as const;

let server: TestServer;
let alpha: ApiClient;
let alphaRoot = "";

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** Files that hold secret-looking values where a config check would quote them. */
async function writeSecretLookingFiles(dir: string): Promise<void> {
  await put(join(dir, "m.json"), JSON.stringify({ safe_batch_limit: "sk-live-VALUE1", generation: "sk-live-VALUE2" }));
  await put(
    join(dir, "t.toml"),
    '[pipeline.postprocess]\ncolor_profile = "beta-secret-profile"\nupscale_backend = "sk-enum-VALUE3"\n',
  );
  await put(join(dir, "p.json"), "beta secret text");
  await put(join(dir, "s.json"), JSON.stringify({ pipeline: { postprocess: { upscale: "sk-live-VALUE2" } } }));
}

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  const local = portClient(server.url);
  for (const name of ["alpha", "beta"]) {
    expect((await local.POST("/api/projects", { body: { name } })).response.status).toBe(200);
  }
  const admin = portClient(server.url, {
    token: (await local.POST("/auth/token", { body: {} })).data?.auth_token.token,
  });
  alpha = portClient(server.url, {
    token: (await admin.POST("/auth/token", { body: { project_slug: "alpha" } })).data?.auth_token.token,
  });
  alphaRoot =
    (await alpha.GET("/api/projects/{slug}", { params: { path: { slug: "alpha" } } })).data?.storage.local
      .project_root ?? "";
  await writeSecretLookingFiles(join(server.appRoot, "var/projects/beta"));
  await writeSecretLookingFiles(alphaRoot);
  await mkdir(join(server.appRoot, "config"), { recursive: true });
  await symlink(join(server.appRoot, "var/projects/beta/m.json"), join(alphaRoot, "linked.json"));
  await symlink(join(server.appRoot, "var/projects/beta"), join(server.appRoot, "config/beta-link"));
});
afterAll(() => server?.stop());

const validate = (body: components["schemas"]["ValidateRunConfigRequest"]) =>
  alpha.POST("/api/projects/{slug}/runs/validate-config", { params: { path: { slug: "alpha" } }, body });

describe("validate-config paths", () => {
  it("refuses another project's files for a scoped token (the review's repro): 400, nothing read", async () => {
    const repro = await validate({
      manifest_path: "var/projects/beta/m.json",
      app_settings_path: "var/projects/beta/t.toml",
    });
    expect(repro.response.status).toBe(400);
    expect(repro.error).toMatchObject({ ok: false, error_code: "validation_error" });
    for (const field of fields) {
      for (const path of [
        "var/projects/beta/m.json",
        "var/projects/beta/t.toml",
        "var/projects/beta",
        // Through symlinks: one in alpha's own root, one under config/.
        "var/projects/alpha/linked.json",
        "config/beta-link/m.json",
        // Elsewhere in the app root that is neither the project's root nor config/.
        "var/exports/x.json",
      ]) {
        const refused = await validate(oneField(field, path));
        expect([field, path, refused.response.status]).toEqual([field, path, 400]);
        expect(refused.error?.error).toContain(
          `Field '${field}' must name a file in the project's root or the app's config/`,
        );
        for (const secret of secrets) expect(JSON.stringify(refused.error)).not.toContain(secret);
      }
    }
  });

  it("accepts the project's own files and the app's config/", async () => {
    await put(join(server.appRoot, "config/ok.manifest.json"), JSON.stringify({ safe_batch_limit: 3 }));
    for (const manifest_path of ["config/ok.manifest.json", "var/projects/alpha/m.json"]) {
      const response = await validate({ manifest_path });
      expect([manifest_path, response.response.status]).toEqual([manifest_path, 200]);
    }
  });
});

describe("validate-config messages", () => {
  it("name the field and the expected type, never a value read from the file", async () => {
    const { response, data } = await validate({
      manifest_path: "var/projects/alpha/m.json",
      app_settings_path: "var/projects/alpha/t.toml",
      project_settings_path: "var/projects/alpha/s.json",
      postprocess_config_path: "var/projects/alpha/p.json",
    });
    expect(response.status).toBe(200);
    expect(data?.summary.valid).toBe(false);
    const problems = data?.summary.problems ?? [];
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField).toMatchObject({
      safe_batch_limit: "must be an integer (got a string)",
      generation: "must be an object (got a string)",
      "pipeline.postprocess.upscale_backend": "must be one of: sharp, realesrgan-ncnn (got a string)",
      "pipeline.postprocess.upscale": "must be a boolean (true or false) (got a string)",
      "pipeline.postprocess.color_profile": expect.stringContaining("names an unknown color profile; known profiles:"),
      "": "invalid JSON: unexpected character (not valid JSON syntax)",
    });
    const text = JSON.stringify(data);
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain("Unexpected token");
  });
});
