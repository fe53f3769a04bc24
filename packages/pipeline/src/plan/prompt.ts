import type { Manifest, Stage, TimeOfDay, Weather } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import type { PromptRecords } from "./prompt-records.js";

/** The sentence appended when the manifest's policy forbids inventing objects. */
export const noInventionSentence = "Do not invent new object categories.";

/** Which prompt fragments a run needs. */
export interface PromptSelection {
  stage: Stage;
  time: TimeOfDay;
  weather: Weather;
}

/**
 * The prompt every job of a run shares: `style_base`; then `time_<time>` when the stage is
 * `time` or `weather`; then `weather_<weather>` when the stage is `weather`; then the
 * no-invention sentence when `policy.default_no_invention`. Fragments are trimmed and joined with
 * single spaces. A needed fragment that is missing or blank is an error naming its key; fragments
 * the stage does not use are never checked.
 *
 * @example
 * composePrompt(defaultManifest, { stage: "time", time: "night", weather: "clear" });
 * // "<style_base> <time_night> Do not invent new object categories."
 */
export function composePrompt(manifest: Pick<Manifest, "prompts" | "policy">, selection: PromptSelection): string {
  const keys = ["style_base"];
  if (selection.stage === "time" || selection.stage === "weather") keys.push(`time_${selection.time}`);
  if (selection.stage === "weather") keys.push(`weather_${selection.weather}`);
  // Manifests are user files: index loosely so an unexpected key is reported, not a type error.
  const prompts = (manifest.prompts ?? {}) as Record<string, unknown>;
  const parts = keys.map((key) => {
    const value = prompts[key];
    if (typeof value !== "string" || value.trim() === "") {
      throw new PipelineError(`Manifest prompt '${key}' is missing`, { field: `prompts.${key}` });
    }
    return value.trim();
  });
  if (manifest.policy?.default_no_invention) parts.push(noInventionSentence);
  return parts.join(" ");
}

/** The fields a job's prompt template can name: the built-in ones, the request's and the batch row's. */
export type PromptFields = Record<string, string>;

/**
 * Field names the pipeline fills itself: the job's scene (its file name without extension),
 * stage, time and weather, the manifest's prompt and the records' sections. A request or batch
 * row cannot set them.
 */
export const builtInPromptFields = [
  "scene",
  "stage",
  "time",
  "weather",
  "base_prompt",
  "style_guide",
  "characters",
  "references",
] as const;

const placeholder = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const fieldName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Template field values: an object of names (letters, digits, `_`) to strings (numbers and
 * booleans are written out). The built-in names ({@link builtInPromptFields}) are refused, so a
 * field never silently loses to the pipeline's own value.
 */
export function parsePromptFields(name: string, value: unknown): PromptFields | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PipelineError(`Field '${name}' must be an object of names to strings`, { field: name });
  }
  const fields: PromptFields = {};
  for (const [key, item] of Object.entries(value)) {
    if (!fieldName.test(key)) {
      throw new PipelineError(`Field '${name}.${key}': names use letters, digits and '_' only`, { field: name });
    }
    if ((builtInPromptFields as readonly string[]).includes(key)) {
      throw new PipelineError(`Field '${name}.${key}' is filled by the pipeline and cannot be set`, { field: name });
    }
    if (!["string", "number", "boolean"].includes(typeof item)) {
      throw new PipelineError(`Field '${name}.${key}' must be a string`, { field: name });
    }
    fields[key] = String(item);
  }
  return fields;
}

/** The `{names}` a template uses, in order of first use. `{{` and `}}` are literal braces. */
export function templatePlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(placeholder)) if (match[1]) names.add(match[1]);
  return [...names];
}

/**
 * Fills a template's `{name}` placeholders from `fields`; `{{` and `}}` stand for `{` and `}`.
 * A placeholder no field gives is an error naming it and the fields there are, before anything
 * is sent.
 *
 * @example
 * fillTemplate("t", "A {mood} street at {time}", { mood: "wet", time: "night" }); // "A wet street at night"
 */
export function fillTemplate(name: string, template: string, fields: PromptFields): string {
  const missing = templatePlaceholders(template).filter((key) => fields[key] === undefined);
  if (missing.length > 0) {
    throw new PipelineError(
      `Prompt template '${name}' uses ${missing.map((key) => `{${key}}`).join(", ")}, which no field gives: ` +
        `add it to prompt_fields (--field ${missing[0]}=...) or to the batch row (fields here: ${Object.keys(fields).sort().join(", ")})`,
      { field: "prompt_fields", missing },
    );
  }
  return template.replace(placeholder, (match, key?: string) => (key ? (fields[key] as string) : (match[0] as string)));
}

/** The text sections records add to a prompt, by the placeholder a template may place them with. */
export function recordSections(records: PromptRecords): Record<"style_guide" | "characters" | "references", string> {
  const characters = (records.characters ?? []).map((c) => `${c.name}: ${(c.prompt_text || c.description).trim()}`);
  const references = (records.reference_set?.items ?? []).flatMap((item) =>
    item.content_text?.trim() ? [`${item.label}: ${item.content_text.trim()}`] : [],
  );
  return {
    style_guide: records.style_guide?.instructions.trim() ?? "",
    characters: characters.join("\n"),
    references: references.join("\n"),
  };
}

/**
 * One job's prompt. Without records it is `base` (the manifest's prompt, {@link composePrompt}),
 * so a run that names none sends what it always did. A template replaces `base` (which it can
 * place with `{base_prompt}`); then the style guide's instructions, the characters (`name: text`)
 * and the reference set's text items follow, each as its own paragraph, unless the template
 * already placed it (`{style_guide}`, `{characters}`, `{references}`).
 *
 * @example
 * composeJobPrompt("Restyle.", { style_guide }, {}); // "Restyle.\n\nInk lines, flat colour."
 */
export function composeJobPrompt(base: string, records: PromptRecords, fields: PromptFields): string {
  const sections = recordSections(records);
  const template = records.prompt_template;
  const all = { ...fields, base_prompt: base, ...sections };
  const head = template ? fillTemplate(template.name, template.template_text, all) : base;
  const placed = new Set(template ? templatePlaceholders(template.template_text) : []);
  const tail = (["style_guide", "characters", "references"] as const).filter(
    (key) => sections[key] !== "" && !placed.has(key),
  );
  return [head.trim(), ...tail.map((key) => sections[key])].join("\n\n");
}
