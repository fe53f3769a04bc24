import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConfigProblem, PipelineError } from "../errors.js";
import { makeTempAppAndProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import { defaultManifest } from "./manifest.js";
import { loadManifest } from "./manifest-loader.js";
import { defaultPostprocessConfig, loadPipelineConfig, validatePipelineConfig } from "./validation.js";

const repoConfig = fileURLToPath(new URL("../../../../config/", import.meta.url));

let dir: string;
let app: string;
let project: string;
beforeEach(async () => {
  ({ dir, app, project } = await makeTempAppAndProject("kroma-config-"));
  await mkdir(join(app, "config"));
});
afterEach(() => removeDir(dir));

/** Writes text as it is and anything else as indented JSON. */
const write = (path: string, content: unknown) =>
  putFile(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));

const manifestFile = () => join(app, "config", "pipeline.manifest.json");
const postprocessFile = () => join(app, "config", "postprocess.json");
const appToml = (body: string) => write(join(app, "config", "pipeline.settings.toml"), body);

/** The problems validation reports for one manifest (written to the default location). */
async function manifestProblems(manifest: unknown): Promise<ConfigProblem[]> {
  await write(manifestFile(), manifest);
  return (await validatePipelineConfig({ appRoot: app })).problems;
}

async function postprocessProblems(config: unknown): Promise<ConfigProblem[]> {
  await write(postprocessFile(), config);
  return (await validatePipelineConfig({ appRoot: app })).problems;
}

async function settingsProblems(toml: string): Promise<ConfigProblem[]> {
  await appToml(toml);
  return (await validatePipelineConfig({ appRoot: app })).problems;
}

describe("the shipped config/*.example files", () => {
  it("validate together when copied into place", async () => {
    for (const name of ["pipeline.settings.toml", "pipeline.manifest.json", "postprocess.json"]) {
      await copyFile(join(repoConfig, `${name}.example`), join(app, "config", name));
    }
    const result = await validatePipelineConfig({ appRoot: app });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.app_settings_loaded).toBe(true);
    expect(result.manifest_loaded).toBe(true);
    expect(result.postprocess_config_loaded).toBe(true);
    expect(result.settings.sources["pipeline.postprocess.upscale_backend"].source).toBe("app");
  });

  it("validate when named directly, as `kroma config validate --manifest --postprocess-config` does", async () => {
    const result = await validatePipelineConfig({
      appRoot: app,
      appSettingsPath: join(repoConfig, "pipeline.settings.toml.example"),
      manifestPath: join(repoConfig, "pipeline.manifest.json.example"),
      postprocessConfigPath: join(repoConfig, "postprocess.json.example"),
    });
    expect(result.problems).toEqual([]);
    expect(result.resolved_manifest_path).toBe(join(repoConfig, "pipeline.manifest.json.example"));
  });

  it("ship the default manifest values and the built-in names the pipeline accepts", async () => {
    const manifest = JSON.parse(await readFile(join(repoConfig, "pipeline.manifest.json.example"), "utf8"));
    expect(manifest).toEqual(defaultManifest);
    const settings = parseToml(await readFile(join(repoConfig, "pipeline.settings.toml.example"), "utf8"));
    expect(settings).toMatchObject({
      pipeline: { manifest_path: "config/pipeline.manifest.json", postprocess_config_path: "config/postprocess.json" },
    });
  });
});

describe("validatePipelineConfig", () => {
  it("accepts a bare app root: missing default files are not problems, defaults apply", async () => {
    const result = await validatePipelineConfig({ appRoot: app, projectRoot: project });
    expect(result).toMatchObject({
      ok: true,
      problems: [],
      app_settings_loaded: false,
      project_settings_loaded: false,
      manifest_loaded: false,
      postprocess_config_loaded: false,
      resolved_manifest_path: manifestFile(),
      resolved_postprocess_config_path: postprocessFile(),
    });
  });

  it("reports a missing file named by a layer on the field that names it", async () => {
    const settingsFile = await appToml('[pipeline]\nmanifest_path = "config/missing.json"\n');
    const result = await validatePipelineConfig({ appRoot: app, postprocessConfigPath: "nowhere/post.json" });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: "overrides",
        field: "pipeline.postprocess_config_path",
        message: `postprocess config file not found: ${join(app, "nowhere", "post.json")}`,
      },
      {
        file: settingsFile,
        field: "pipeline.manifest_path",
        message: `manifest file not found: ${join(app, "config", "missing.json")}`,
      },
    ]);
  });

  it("reports TOML and JSON syntax errors with the file (and TOML line)", async () => {
    const toml = await appToml("[pipeline.postprocess]\nupscale = tru\n");
    const json = await write(join(project, ".kroma", "pipeline.settings.json"), '{"pipeline": {');
    const result = await validatePipelineConfig({ appRoot: app, projectRoot: project });
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatchObject({
      file: json,
      field: "",
      message: "invalid JSON at line 1, column 15: Expected property name or '}'",
    });
    expect(result.problems[1]).toMatchObject({
      file: toml,
      field: "",
      message: expect.stringMatching(/^invalid TOML at line 2, column \d+: /),
    });
    expect(result.app_settings_loaded).toBe(false);
    expect(result.project_settings_loaded).toBe(false);
  });

  it("reports every problem of every file together", async () => {
    const settings = await appToml('[pipeline.postprocess]\nupscale = 1\nupscale_backend = "ncnn"\nextra = true\n');
    const manifest = await write(manifestFile(), { safe_batch_limit: 0, generation: { candidates: 0 } });
    const postprocess = await write(postprocessFile(), { upscale: { scale: 5 } });
    const result = await validatePipelineConfig({ appRoot: app });
    expect(result.problems.map(({ file, field }) => [file, field])).toEqual([
      [settings, "pipeline.postprocess.extra"],
      [settings, "pipeline.postprocess.upscale"],
      [settings, "pipeline.postprocess.upscale_backend"],
      [postprocess, "upscale.scale"],
      [manifest, "safe_batch_limit"],
      [manifest, "generation.candidates"],
    ]);
  });

  it("shows the next layer's value where a layer's value is invalid", async () => {
    await appToml('[pipeline.postprocess]\nupscale_backend = "realesrgan-ncnn"\n');
    await write(join(project, ".kroma", "pipeline.settings.json"), {
      pipeline: { postprocess: { upscale_backend: "waifu2x", color: true } },
    });
    const result = await validatePipelineConfig({ appRoot: app, projectRoot: project });
    expect(result.problems).toHaveLength(1);
    expect(result.settings.values.postprocess.upscale_backend).toBe("realesrgan-ncnn");
    expect(result.settings.sources["pipeline.postprocess.upscale_backend"].source).toBe("app");
    expect(result.settings.values.postprocess.color).toBe(true);
  });
});

describe("settings file rules", () => {
  it("rejects unknown keys, suggesting the likely one", async () => {
    const problems = await settingsProblems("[pipeline.postprocess]\nupscal = true\n[other]\nx = 1\n");
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: "other", message: "unknown key; allowed: pipeline" },
      {
        field: "pipeline.postprocess.upscal",
        message: expect.stringMatching(
          /^unknown key \(did you mean 'upscale'\?\); allowed: upscale, upscale_backend, /,
        ),
      },
    ]);
  });

  it("rejects wrong types, naming the expected type and the value", async () => {
    const problems = await settingsProblems('[pipeline]\nmanifest_path = 3\n[pipeline.postprocess]\ncolor = "on"\n');
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: "pipeline.manifest_path", message: "must be a string (got an integer)" },
      { field: "pipeline.postprocess.color", message: "must be a boolean (true or false) (got a string)" },
    ]);
  });

  it("rejects unknown upscale and background-removal backends", async () => {
    const problems = await settingsProblems(
      '[pipeline.postprocess]\nupscale_backend = "ncnn"\nbg_remove_backends = ["rembg", "local"]\n',
    );
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual([
      {
        field: "pipeline.postprocess.upscale_backend",
        message: "must be one of: sharp, realesrgan-ncnn (got a string)",
      },
      {
        field: "pipeline.postprocess.bg_remove_backends[0]",
        message: "must be one of: local, photoroom, removebg (got a string)",
      },
    ]);
  });

  it("rejects an empty or repeating backend list", async () => {
    expect(await settingsProblems("[pipeline.postprocess]\nbg_remove_backends = []\n")).toMatchObject([
      { field: "pipeline.postprocess.bg_remove_backends", message: "must list at least 1 item" },
    ]);
    expect(await settingsProblems('[pipeline.postprocess]\nbg_remove_backends = ["local", "local"]\n')).toMatchObject([
      { field: "pipeline.postprocess.bg_remove_backends", message: "lists the same item twice (at [0] and [1])" },
    ]);
  });

  it("rejects unknown colour profiles", async () => {
    const problems = await settingsProblems('[pipeline.postprocess]\ncolor_profile = "studio"\n');
    expect(problems).toMatchObject([
      {
        field: "pipeline.postprocess.color_profile",
        message: expect.stringContaining(
          "names an unknown color profile; known profiles: neutral, cinematic_warm, cold_rain",
        ),
      },
    ]);
  });

  it("accepts a colour profile the colour settings file defines", async () => {
    await write(join(app, "config", "color.json"), { profiles: { studio: { contrast: 1.1 } } });
    await write(postprocessFile(), { color: { default_profile: "studio", settings_path: "config/color.json" } });
    await appToml('[pipeline.postprocess]\ncolor_profile = "studio"\n');
    const result = await validatePipelineConfig({ appRoot: app });
    expect(result.problems).toEqual([]);
    expect(result.settings.values.postprocess.color_profile).toBe("studio");
    expect(result.color_settings_path).toBe(join(app, "config", "color.json"));
  });
});

describe("manifest rules", () => {
  const fields = (problems: ConfigProblem[]) => problems.map(({ field, message }) => ({ field, message }));

  it("requires style_refs and scene_refs to be lists of paths", async () => {
    expect(fields(await manifestProblems({ style_refs: "a.png", scene_refs: ["a.png", 3] }))).toEqual([
      { field: "style_refs", message: "must be an array (got a string)" },
      { field: "scene_refs[1]", message: "must be a string (got an integer)" },
    ]);
  });

  it("requires safe_batch_limit to be an integer of at least 1", async () => {
    expect(fields(await manifestProblems({ safe_batch_limit: 0 }))).toEqual([
      { field: "safe_batch_limit", message: "must be >= 1" },
    ]);
    expect(fields(await manifestProblems({ safe_batch_limit: 2.5 }))).toEqual([
      { field: "safe_batch_limit", message: "must be an integer (got a number with a fraction)" },
    ]);
  });

  it("requires generation.candidates between 1 and max_candidates", async () => {
    expect(fields(await manifestProblems({ generation: { candidates: 0 } }))).toEqual([
      { field: "generation.candidates", message: "must be >= 1" },
    ]);
    // Checked on the merged values: max_candidates defaults to 6.
    expect(fields(await manifestProblems({ generation: { candidates: 7 } }))).toEqual([
      { field: "generation.candidates", message: "must be between 1 and generation.max_candidates" },
    ]);
    expect(await manifestProblems({ generation: { candidates: 8, max_candidates: 8 } })).toEqual([]);
  });

  it("requires generation.max_candidates between 1 and 20", async () => {
    expect(fields(await manifestProblems({ generation: { max_candidates: 21 } }))).toEqual([
      { field: "generation.max_candidates", message: "must be <= 20" },
    ]);
    expect(fields(await manifestProblems({ generation: { candidates: 1, max_candidates: 0 } }))).toEqual([
      { field: "generation.max_candidates", message: "must be >= 1" },
    ]);
  });

  it("checks output_guard fields", async () => {
    const problems = await manifestProblems({
      output_guard: { enforce_grayscale: "yes", max_chroma_delta: -1, fail_on_chroma_exceed: false, enabled: true },
    });
    expect(fields(problems)).toEqual([
      {
        field: "output_guard.enabled",
        message: "unknown key; allowed: enforce_grayscale, max_chroma_delta, fail_on_chroma_exceed",
      },
      { field: "output_guard.enforce_grayscale", message: "must be a boolean (true or false) (got a string)" },
      { field: "output_guard.max_chroma_delta", message: "must be >= 0" },
    ]);
  });

  it("checks policy and prompts", async () => {
    const problems = await manifestProblems({
      policy: { default_no_invention: "true" },
      prompts: { style_base: 1, time_dusk: "Dusk." },
    });
    expect(fields(problems)).toEqual([
      { field: "policy.default_no_invention", message: "must be a boolean (true or false) (got a string)" },
      {
        field: "prompts.time_dusk",
        message: "unknown key; allowed: style_base, time_day, time_night, weather_clear, weather_rain",
      },
      { field: "prompts.style_base", message: "must be a string (got an integer)" },
    ]);
  });

  it("rejects a manifest that is not an object", async () => {
    expect(fields(await manifestProblems([]))).toEqual([{ field: "", message: "must be an object (got an array)" }]);
  });
});

describe("postprocess.json rules", () => {
  const fields = (problems: ConfigProblem[]) => problems.map(({ field, message }) => ({ field, message }));

  // One stage's options each: the problems postprocess.json validation reports for them, in order.
  const stageCases: Array<{ name: string; config: unknown; problems: Array<{ field: string; message: string }> }> = [
    {
      name: "checks upscale backend, scale, format and backend options",
      config: { upscale: { backend: "esrgan", scale: 5, format: "gif", realesrgan_ncnn: { tile: -1, gpu: 0 } } },
      problems: [
        { field: "upscale.backend", message: "must be one of: sharp, realesrgan-ncnn (got a string)" },
        { field: "upscale.scale", message: "must be one of: 2, 3, 4 (got an integer)" },
        { field: "upscale.format", message: "must be one of: png, jpg, webp (got a string)" },
        { field: "upscale.realesrgan_ncnn.gpu", message: "unknown key; allowed: binary, model_dir, model_name, tile" },
        { field: "upscale.realesrgan_ncnn.tile", message: "must be >= 0" },
      ],
    },
    {
      name: "checks bg_remove backends, format, openai and service options",
      config: {
        bg_remove: {
          backends: ["photoroom", "clipdrop"],
          format: "tiff",
          openai: { enabled: 1, required: false },
          photoroom: { api_url: "sdk.photoroom.com", crop: "yes" },
        },
      },
      problems: [
        { field: "bg_remove.backends[1]", message: "must be one of: local, photoroom, removebg (got a string)" },
        { field: "bg_remove.format", message: "must be one of: png, jpg, webp (got a string)" },
        { field: "bg_remove.openai.enabled", message: "must be a boolean (true or false) (got an integer)" },
        { field: "bg_remove.photoroom.api_url", message: "must start with http:// or https://" },
        { field: "bg_remove.photoroom.crop", message: "must be a boolean (true or false) (got a string)" },
      ],
    },
    {
      name: "rejects unknown stages",
      config: { sharpen: {} },
      problems: [{ field: "sharpen", message: "unknown key; allowed: upscale, color, bg_remove" }],
    },
  ];
  for (const { name, config, problems } of stageCases) {
    it(name, async () => {
      expect(fields(await postprocessProblems(config))).toEqual(problems);
    });
  }

  it("checks color default_profile and settings_path", async () => {
    expect(fields(await postprocessProblems({ color: { default_profile: "sepia" } }))).toEqual([
      { field: "color.default_profile", message: expect.stringContaining("names an unknown color profile") },
    ]);
    expect(fields(await postprocessProblems({ color: { settings_path: "config/color.json" } }))).toEqual([
      { field: "color.settings_path", message: `color settings file not found: ${join(app, "config", "color.json")}` },
    ]);
  });

  it("checks the colour settings file it names", async () => {
    const colorFile = await write(join(app, "config", "color.json"), { profiles: [], default_profile: "x" });
    await write(postprocessFile(), { color: { settings_path: "config/color.json" } });
    const result = await validatePipelineConfig({ appRoot: app });
    expect(result.problems).toEqual([
      { file: colorFile, field: "profiles", message: "must be an object (got an array)" },
    ]);
  });
});

describe("loadManifest", () => {
  it("returns the defaults when the file is missing", async () => {
    expect(await loadManifest(manifestFile())).toEqual(defaultManifest);
    expect(await loadManifest()).toEqual(defaultManifest);
  });

  it("deep-merges a partial manifest over the defaults; arrays replace", async () => {
    await write(manifestFile(), {
      style_refs: ["s.png"],
      generation: { candidates: 3 },
      prompts: { time_day: "Noon." },
    });
    const manifest = await loadManifest(manifestFile());
    expect(manifest.style_refs).toEqual(["s.png"]);
    expect(manifest.generation).toEqual({ candidates: 3, max_candidates: 6 });
    expect(manifest.prompts).toEqual({ ...defaultManifest.prompts, time_day: "Noon." });
    expect(manifest.output_guard).toEqual(defaultManifest.output_guard);
  });

  it("throws a PipelineError with every problem", async () => {
    await write(manifestFile(), { safe_batch_limit: 0, policy: { default_no_invention: 1 } });
    const error = await loadManifest(manifestFile()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toContain("Manifest is invalid (2 problems):");
    expect((error as PipelineError).problems?.map((p) => p.field)).toEqual([
      "safe_batch_limit",
      "policy.default_no_invention",
    ]);
  });

  it("throws for a missing file when the file is required", async () => {
    await expect(loadManifest(manifestFile(), { required: true })).rejects.toThrow(/manifest file not found/);
  });
});

describe("loadPipelineConfig", () => {
  it("returns settings, manifest and postprocess config merged over the defaults", async () => {
    await write(postprocessFile(), { upscale: { scale: 4 } });
    const config = await loadPipelineConfig({ appRoot: app, overrides: { postprocess: { color: true } } });
    expect(config.settings.values.postprocess.color).toBe(true);
    expect(config.manifest).toEqual(defaultManifest);
    expect(config.postprocess.upscale).toEqual({ ...defaultPostprocessConfig.upscale, scale: 4 });
    expect(config.color_profiles).toEqual(["neutral", "cinematic_warm", "cold_rain"]);
  });

  it("throws a PipelineError listing the problems", async () => {
    await write(postprocessFile(), { upscale: { scale: 5 } });
    await expect(loadPipelineConfig({ appRoot: app })).rejects.toThrow(
      /Pipeline configuration is invalid \(1 problem\):\n {2}.*postprocess\.json: upscale\.scale: must be one of: 2, 3, 4 \(got an integer\)/,
    );
  });
});
