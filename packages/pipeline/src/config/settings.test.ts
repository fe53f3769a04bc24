import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "../errors.js";
import { makeTempAppAndProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import { defaultPipelineSettings, listResolvedSettings, resolvePipelineSettings, settingKeys } from "./settings.js";

let dir: string;
let app: string;
let project: string;
beforeEach(async () => {
  ({ dir, app, project } = await makeTempAppAndProject("kroma-settings-"));
});
afterEach(() => removeDir(dir));

const write = (path: string, text: string) => putFile(path, text);

const appToml = (body: string) => write(join(app, "config", "pipeline.settings.toml"), body);
const appJson = (value: unknown) => write(join(app, "config", "pipeline.settings.json"), JSON.stringify(value));
const projectJson = (value: unknown) => write(join(project, ".kroma", "pipeline.settings.json"), JSON.stringify(value));

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return (error as PipelineError).problems ?? [];
}

describe("resolvePipelineSettings", () => {
  it("uses the built-in defaults when there are no files, paths resolved against the app root", async () => {
    const settings = await resolvePipelineSettings({ appRoot: app, projectRoot: project });
    expect(settings.values).toEqual({
      ...defaultPipelineSettings,
      manifest_path: join(app, "config", "pipeline.manifest.json"),
      postprocess_config_path: join(app, "config", "postprocess.json"),
    });
    for (const key of settingKeys) expect(settings.sources[key]).toEqual({ source: "default" });
    expect(settings.app_settings_path).toBeNull();
    expect(settings.project_settings_path).toBeNull();
  });

  it("lets the app TOML file override the defaults and reports it as the source", async () => {
    const file = await appToml(
      [
        "[pipeline]",
        'manifest_path = "custom/manifest.json"',
        "[pipeline.postprocess]",
        "upscale = true",
        'upscale_backend = "realesrgan-ncnn"',
        'bg_remove_backends = ["photoroom", "local"]',
      ].join("\n"),
    );
    const settings = await resolvePipelineSettings({ appRoot: app });
    expect(settings.values.manifest_path).toBe(join(app, "custom", "manifest.json"));
    expect(settings.values.postprocess.upscale).toBe(true);
    expect(settings.values.postprocess.upscale_backend).toBe("realesrgan-ncnn");
    expect(settings.values.postprocess.bg_remove_backends).toEqual(["photoroom", "local"]);
    expect(settings.sources["pipeline.postprocess.upscale"]).toEqual({ source: "app", file });
    expect(settings.sources["pipeline.manifest_path"]).toEqual({ source: "app", file });
    expect(settings.sources["pipeline.postprocess.color"]).toEqual({ source: "default" });
    expect(settings.app_settings_path).toBe(file);
  });

  it("reads the legacy JSON app settings when there is no TOML file", async () => {
    const file = await appJson({ pipeline: { postprocess: { color: true, color_profile: "cold_rain" } } });
    const settings = await resolvePipelineSettings({ appRoot: app });
    expect(settings.values.postprocess.color_profile).toBe("cold_rain");
    expect(settings.sources["pipeline.postprocess.color_profile"]).toEqual({ source: "app", file });
  });

  it("prefers the TOML app settings over the legacy JSON file when both exist", async () => {
    const toml = await appToml('[pipeline.postprocess]\ncolor_profile = "cinematic_warm"\n');
    await appJson({ pipeline: { postprocess: { color_profile: "cold_rain", upscale: true } } });
    const settings = await resolvePipelineSettings({ appRoot: app });
    expect(settings.values.postprocess.color_profile).toBe("cinematic_warm");
    // The JSON file is not a layer at all once TOML exists: its other keys do not leak in.
    expect(settings.values.postprocess.upscale).toBe(false);
    expect(settings.sources["pipeline.postprocess.color_profile"]).toEqual({ source: "app", file: toml });
    expect(settings.app_settings_path).toBe(toml);
  });

  it("lets project settings override app settings, with project-relative paths", async () => {
    const appFile = await appToml(
      '[pipeline]\nmanifest_path = "config/m.json"\n[pipeline.postprocess]\ncolor_profile = "cinematic_warm"\nupscale = true\n',
    );
    const projectFile = await projectJson({
      pipeline: { manifest_path: "manifest.json", postprocess: { color_profile: "cold_rain" } },
    });
    const settings = await resolvePipelineSettings({ appRoot: app, projectRoot: project });
    expect(settings.values.postprocess.color_profile).toBe("cold_rain");
    expect(settings.sources["pipeline.postprocess.color_profile"]).toEqual({ source: "project", file: projectFile });
    expect(settings.values.postprocess.upscale).toBe(true);
    expect(settings.sources["pipeline.postprocess.upscale"]).toEqual({ source: "app", file: appFile });
    expect(settings.values.manifest_path).toBe(join(project, "manifest.json"));
    expect(settings.sources["pipeline.manifest_path"]).toEqual({ source: "project", file: projectFile });
    expect(settings.project_settings_path).toBe(projectFile);
  });

  it("lets overrides beat every file; undefined overrides fall through", async () => {
    await appToml('[pipeline.postprocess]\nupscale_backend = "realesrgan-ncnn"\nbg_remove = true\n');
    await projectJson({ pipeline: { postprocess: { upscale_backend: "sharp", color: true } } });
    const settings = await resolvePipelineSettings({
      appRoot: app,
      projectRoot: project,
      overrides: {
        postprocess_config_path: "elsewhere/post.json",
        postprocess: { upscale_backend: "realesrgan-ncnn", color: undefined },
      },
      overridesLabel: "command line",
    });
    expect(settings.values.postprocess.upscale_backend).toBe("realesrgan-ncnn");
    expect(settings.sources["pipeline.postprocess.upscale_backend"]).toEqual({
      source: "override",
      file: "command line",
    });
    expect(settings.values.postprocess.color).toBe(true);
    expect(settings.sources["pipeline.postprocess.color"].source).toBe("project");
    expect(settings.values.postprocess.bg_remove).toBe(true);
    expect(settings.sources["pipeline.postprocess.bg_remove"].source).toBe("app");
    expect(settings.values.postprocess_config_path).toBe(join(app, "elsewhere", "post.json"));
  });

  it("reads explicitly named settings files instead of the default locations", async () => {
    await appToml('[pipeline.postprocess]\ncolor_profile = "cold_rain"\n');
    const appFile = await write(join(app, "alt.toml"), '[pipeline.postprocess]\ncolor_profile = "cinematic_warm"\n');
    const projectFile = await write(
      join(project, "p.json"),
      JSON.stringify({ pipeline: { postprocess: { bg_remove: true } } }),
    );
    const settings = await resolvePipelineSettings({
      appRoot: app,
      appSettingsPath: "alt.toml",
      projectSettingsPath: projectFile,
    });
    expect(settings.values.postprocess.color_profile).toBe("cinematic_warm");
    expect(settings.sources["pipeline.postprocess.color_profile"]).toEqual({ source: "app", file: appFile });
    expect(settings.sources["pipeline.postprocess.bg_remove"]).toEqual({ source: "project", file: projectFile });
  });

  it("fails on explicitly named settings files that do not exist, naming each", async () => {
    const problems = await problemsOf(
      resolvePipelineSettings({
        appRoot: app,
        appSettingsPath: "nope.toml",
        projectSettingsPath: join(project, "x.json"),
      }),
    );
    expect(problems).toEqual([
      { file: join(project, "x.json"), field: "", message: "project settings file not found" },
      { file: join(app, "nope.toml"), field: "", message: "app settings file not found" },
    ]);
  });

  it("throws a PipelineError whose message lists every problem", async () => {
    await appToml('[pipeline.postprocess]\nupscale = "yes"\nupscale_backend = "ncnn"\n');
    const error = await resolvePipelineSettings({ appRoot: app }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    const message = (error as Error).message;
    expect(message).toContain("Pipeline settings are invalid (2 problems):");
    expect(message).toContain("pipeline.postprocess.upscale: must be a boolean (true or false) (got a string)");
    expect(message).toContain(
      "pipeline.postprocess.upscale_backend: must be one of: sharp, realesrgan-ncnn (got a string)",
    );
  });

  it("rejects unknown colour profiles unless the caller names them as extra profiles", async () => {
    const file = await projectJson({ pipeline: { postprocess: { color_profile: "studio" } } });
    const problems = await problemsOf(resolvePipelineSettings({ appRoot: app, projectRoot: project }));
    expect(problems).toEqual([
      {
        file,
        field: "pipeline.postprocess.color_profile",
        message: expect.stringContaining(
          "names an unknown color profile; known profiles: neutral, cinematic_warm, cold_rain",
        ),
      },
    ]);
    const settings = await resolvePipelineSettings({
      appRoot: app,
      projectRoot: project,
      extraColorProfiles: ["studio"],
    });
    expect(settings.values.postprocess.color_profile).toBe("studio");
  });

  it("validates overrides like a file, naming them by their label", async () => {
    const problems = await problemsOf(
      resolvePipelineSettings({
        appRoot: app,
        overrides: { postprocess: { bg_remove_backends: ["cloud" as "local"] } },
        overridesLabel: "command line",
      }),
    );
    expect(problems).toEqual([
      {
        file: "command line",
        field: "pipeline.postprocess.bg_remove_backends[0]",
        message: "must be one of: local, photoroom, removebg (got a string)",
      },
    ]);
  });
});

describe("listResolvedSettings", () => {
  it("lists every key with its value and origin", async () => {
    const file = await appToml("[pipeline.postprocess]\nbg_remove = true\n");
    const rows = listResolvedSettings(await resolvePipelineSettings({ appRoot: app }));
    expect(rows.map((row) => row.key)).toEqual([...settingKeys]);
    expect(rows.find((row) => row.key === "pipeline.postprocess.bg_remove")).toEqual({
      key: "pipeline.postprocess.bg_remove",
      value: true,
      source: "app",
      file,
    });
    expect(rows.find((row) => row.key === "pipeline.postprocess.bg_remove_backends")).toEqual({
      key: "pipeline.postprocess.bg_remove_backends",
      value: ["local"],
      source: "default",
    });
  });
});
