import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ConfigProblem } from "../errors.js";

/** Upscale backends the pipeline implements. */
export const upscaleBackendNames = ["sharp", "realesrgan-ncnn"] as const;
export type UpscaleBackend = (typeof upscaleBackendNames)[number];

/** Background-removal backends, tried in the configured order. */
export const bgRemoveBackendNames = ["local", "photoroom", "removebg"] as const;
export type BgRemoveBackend = (typeof bgRemoveBackendNames)[number];

/** Colour profiles every install has; a colour settings file can add more. */
export const builtInColorProfileNames = ["neutral", "cinematic_warm", "cold_rain"] as const;

export const outputImageFormats = ["png", "jpg", "webp"] as const;
export type OutputImageFormat = (typeof outputImageFormats)[number];

export const upscaleScales = [2, 3, 4] as const;
export type UpscaleScale = (typeof upscaleScales)[number];

// The schemas below are the one description of each config file: ajv checks files against them,
// and json-schema-to-ts derives the files' TypeScript types from them (`FromSchema`), so they are
// written as literal (`as const`) objects.

const boolean = { type: "boolean" } as const;
const nonEmptyString = { type: "string", minLength: 1 } as const;
const strictObject = <const P extends Record<string, JSONSchema>>(properties: P) =>
  ({ type: "object", additionalProperties: false, properties }) as const;

const bgRemoveBackendList = {
  type: "array",
  minItems: 1,
  uniqueItems: true,
  items: { type: "string", enum: bgRemoveBackendNames },
} as const;

const postprocessSettingsSchema = strictObject({
  upscale: boolean,
  upscale_backend: { type: "string", enum: upscaleBackendNames },
  color: boolean,
  // Profile names are checked after parsing: the colour settings file may define more than the built-ins.
  color_profile: nonEmptyString,
  bg_remove: boolean,
  bg_remove_backends: bgRemoveBackendList,
  bg_refine_openai: boolean,
  bg_refine_openai_required: boolean,
});

/**
 * App (`config/pipeline.settings.toml` / `.json`) and project (`.kroma/pipeline.settings.json`)
 * settings files. Every key is optional: a layer sets only what it changes.
 */
export const pipelineSettingsSchema = {
  $id: "kroma:pipeline-settings",
  ...strictObject({
    pipeline: strictObject({
      manifest_path: nonEmptyString,
      postprocess_config_path: nonEmptyString,
      postprocess: postprocessSettingsSchema,
    }),
  }),
} as const;

const stringList = { type: "array", items: nonEmptyString } as const;
const promptText = { type: "string" } as const;

/** `pipeline.manifest.json`: every key optional, the file is deep-merged over `defaultManifest`. */
export const manifestSchema = {
  $id: "kroma:pipeline-manifest",
  ...strictObject({
    style_refs: stringList,
    scene_refs: stringList,
    safe_batch_limit: { type: "integer", minimum: 1 },
    generation: strictObject({
      candidates: { type: "integer", minimum: 1 },
      max_candidates: { type: "integer", minimum: 1, maximum: 20 },
    }),
    output_guard: strictObject({
      enforce_grayscale: boolean,
      max_chroma_delta: { type: "number", minimum: 0 },
      fail_on_chroma_exceed: boolean,
    }),
    policy: strictObject({ default_no_invention: boolean }),
    prompts: strictObject({
      style_base: promptText,
      time_day: promptText,
      time_night: promptText,
      weather_clear: promptText,
      weather_rain: promptText,
    }),
  }),
} as const;

const imageFormat = { type: "string", enum: outputImageFormats } as const;
const cutoutService = strictObject({
  api_url: { type: "string", pattern: "^https?://" },
  size: nonEmptyString,
  crop: boolean,
});

/** `postprocess.json`: per-stage options; backend options sit in an object named after the backend. */
export const postprocessConfigSchema = {
  $id: "kroma:postprocess-config",
  ...strictObject({
    upscale: strictObject({
      backend: { type: "string", enum: upscaleBackendNames },
      scale: { type: "integer", enum: upscaleScales },
      format: imageFormat,
      sharp: strictObject({
        kernel: { type: "string", enum: ["nearest", "linear", "cubic", "mitchell", "lanczos2", "lanczos3"] },
      }),
      realesrgan_ncnn: strictObject({
        binary: nonEmptyString,
        model_dir: nonEmptyString,
        model_name: nonEmptyString,
        tile: { type: "integer", minimum: 0 },
      }),
    }),
    color: strictObject({
      default_profile: nonEmptyString,
      settings_path: nonEmptyString,
    }),
    bg_remove: strictObject({
      backends: bgRemoveBackendList,
      format: imageFormat,
      openai: strictObject({ enabled: boolean, required: boolean }),
      // `command` is the seed's rembg CLI, accepted so its files stay valid; `model` picks the npm package's model.
      local: strictObject({ command: nonEmptyString, model: { type: "string", enum: ["small", "medium"] } }),
      photoroom: cutoutService,
      removebg: cutoutService,
    }),
  }),
} as const;

/**
 * A colour settings file (`postprocess.json` → `color.settings_path`). Only its shape is checked
 * here: the profile names it adds are what settings validation needs; the colour stage owns the
 * meaning of each profile's fields.
 */
export const colorSettingsSchema = {
  $id: "kroma:color-settings",
  ...strictObject({
    default_profile: nonEmptyString,
    profiles: { type: "object", additionalProperties: { type: "object" } },
  }),
} as const;

/** What a settings file may hold: every key optional. */
export type PipelineSettingsFile = FromSchema<typeof pipelineSettingsSchema>;
/** What a manifest file may hold: every key optional. */
export type ManifestFile = FromSchema<typeof manifestSchema>;
/** What a `postprocess.json` may hold: every key optional. */
export type PostprocessConfigFile = FromSchema<typeof postprocessConfigSchema>;

/** A file's type with every key filled in, as after merging it over complete defaults. */
export type Complete<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { -readonly [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
    : T;

export type ConfigSchemaName = "settings" | "manifest" | "postprocess" | "color-settings";

const schemas: Record<ConfigSchemaName, object> = {
  settings: pipelineSettingsSchema,
  manifest: manifestSchema,
  postprocess: postprocessConfigSchema,
  "color-settings": colorSettingsSchema,
};

let validators: Record<ConfigSchemaName, ValidateFunction> | undefined;

/** Compiled once, on first use: allErrors so a file's every problem is reported at once. */
function validator(name: ConfigSchemaName): ValidateFunction {
  if (!validators) {
    // verbose keeps the offending value (to name its kind, never to quote it) and schema on each error.
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    validators = {
      settings: ajv.compile(schemas.settings),
      manifest: ajv.compile(schemas.manifest),
      postprocess: ajv.compile(schemas.postprocess),
      "color-settings": ajv.compile(schemas["color-settings"]),
    };
  }
  return validators[name];
}

/**
 * Every schema problem of a parsed config document, as `{ file, field, message }` with dotted
 * field paths (`pipeline.postprocess.upscale_backend`, `bg_remove.backends[1]`).
 *
 * @example
 * schemaProblems("manifest", { generation: { candidates: 0 } }, "config/pipeline.manifest.json");
 * // [{ file: "config/pipeline.manifest.json", field: "generation.candidates", message: "must be >= 1" }]
 */
export function schemaProblems(name: ConfigSchemaName, value: unknown, file: string): ConfigProblem[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({ file, ...describeSchemaError(error) }));
}

function describeSchemaError(error: ErrorObject): { field: string; message: string } {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  const field = fieldPath(segments);
  switch (error.keyword) {
    case "additionalProperties": {
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const key = String(error.params.additionalProperty);
      const suggestion = closestName(key, known);
      return {
        field,
        message: `unknown key${suggestion ? ` (did you mean '${suggestion}'?)` : ""}; allowed: ${known.join(", ")}`,
      };
    }
    case "type":
      return { field, message: `must be ${article(String(error.params.type))} (got ${kindOf(error.data)})` };
    case "enum":
      return {
        field,
        message: `must be one of: ${(error.params.allowedValues as unknown[]).join(", ")} (got ${kindOf(error.data)})`,
      };
    case "minimum":
    case "maximum":
      return { field, message: String(error.message) };
    case "minLength":
      return { field, message: "must not be empty" };
    case "minItems":
      return { field, message: `must list at least ${error.params.limit} item${error.params.limit === 1 ? "" : "s"}` };
    case "uniqueItems":
      return { field, message: `lists the same item twice (at [${error.params.i}] and [${error.params.j}])` };
    case "pattern":
      return { field, message: "must start with http:// or https://" };
    default:
      return { field, message: error.message ?? "is invalid" };
  }
}

/** `["a", "b", "0", "c"]` → `a.b[0].c`: how users write the field in docs and flags. */
export function fieldPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => {
    if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
    return path === "" ? segment : `${path}.${segment}`;
  }, "");
}

const typeNames: Record<string, string> = {
  boolean: "a boolean (true or false)",
  integer: "an integer",
  number: "a number",
  string: "a string",
  array: "an array",
  object: "an object",
};
const article = (type: string) => typeNames[type] ?? type;

/**
 * What kind of value a file holds where a problem is, never the value itself: config checks may
 * be pointed at files holding secrets, and their messages travel (API answers, logs, run errors).
 */
export function kindOf(value: unknown): string {
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number with a fraction";
  if (typeof value === "boolean") return "a boolean";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : typeof value;
}

/** The known name within two edits of a misspelt key, to suggest it. */
function closestName(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A config file read from disk: absent, unparsable (with the problem), or its parsed value. */
export type ConfigDocument =
  | { status: "missing"; file: string }
  | { status: "invalid"; file: string; problem: ConfigProblem }
  | { status: "parsed"; file: string; value: unknown };

/**
 * Reads and parses a config file: TOML when the name ends in `.toml` (or `.toml.example`), JSON otherwise.
 * Syntax errors come back as a problem naming the file and, for TOML, line and column.
 *
 * @example
 * const doc = await readConfigDocument("/app/config/pipeline.settings.toml");
 * if (doc.status === "parsed") console.log(doc.value);
 */
export async function readConfigDocument(file: string): Promise<ConfigDocument> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing", file };
    const reason = (error as NodeJS.ErrnoException).code === "EISDIR" ? "is a directory" : (error as Error).message;
    return { status: "invalid", file, problem: { file, field: "", message: `cannot read file: ${reason}` } };
  }
  // Editors on Windows may save a byte-order mark, which neither parser accepts.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { status: "parsed", file, value: isToml(file) ? parseToml(text) : JSON.parse(text) };
  } catch (error) {
    return { status: "invalid", file, problem: { file, field: "", message: syntaxMessage(error, text) } };
  }
}

/** TOML by extension; `x.toml.example` counts too, so the shipped templates can be checked as they are. */
function isToml(file: string): boolean {
  return extname(file.replace(/\.example$/i, "")).toLowerCase() === ".toml";
}

/**
 * Where and why a file does not parse, without quoting it: a config check must not echo a file's
 * content (the API may be pointed at files that are not config at all). smol-toml's first line is
 * one of its fixed reasons; V8's JSON messages either name the grammar and a position, or quote
 * the text (`Unexpected token 'b', "beta..." is not valid JSON`), which is replaced by a reason.
 */
export function syntaxMessage(error: unknown, text = ""): string {
  if (error instanceof TomlError) {
    const reason = error.message.replace(/^Invalid TOML document: /, "").split("\n")[0] ?? "";
    const safe = reason !== "" && !/["'`]/.test(reason) ? reason : "syntax error";
    return `invalid TOML at line ${error.line}, column ${error.column}: ${safe}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes("is not valid JSON")) return "invalid JSON: unexpected character (not valid JSON syntax)";
  if (message.startsWith("Unexpected end of JSON input")) return "invalid JSON: the file ends before the JSON does";
  const marker = " in JSON at position ";
  const after = " after JSON at position ";
  const cut = message.includes(marker) ? message.indexOf(marker) : message.indexOf(after);
  if (cut < 0) return "invalid JSON";
  const reason = message.slice(0, cut) + (message.includes(marker) ? "" : " after JSON");
  const position = Number.parseInt(message.slice(message.lastIndexOf(" position ") + 10), 10);
  return `invalid JSON${Number.isFinite(position) ? ` at ${lineAndColumn(text, position)}` : ""}: ${reason}`;
}

/** `line L, column C` (both from 1) of a character offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
