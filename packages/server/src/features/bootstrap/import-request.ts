import type { ContractValidator, Schema, ValidationIssue } from "@kroma/contract";
import { validationError } from "../../core/errors.js";
import { isHttpUrl } from "../../core/input.js";
import { maxJsonFieldDepth, tooDeepFieldMessage, tooDeepJsonField } from "../../core/json-depth.js";
import { normalizeSlug } from "../../core/slug.js";
import { extractJsonObject, type JsonObject } from "./extract-json.js";
import { keyFieldOf, type RecordSection, recordSections, type SectionEntries } from "./settings.js";

type BootstrapSettings = Schema<"BootstrapSettings">;
type ImportBody = Schema<"BootstrapImportRequest">;

/**
 * One record of an import: its key (name, or normalised provider code) and the fields it gives.
 * A field it omits keeps its stored value, or takes its default when the record is created.
 */
export interface ImportedRecord<S extends RecordSection> {
  key: string;
  fields: Partial<SectionEntries[S]>;
}

/** Validated, trimmed settings; a section that is absent was not given. */
export interface ImportedSettings {
  project?: { name?: string; description?: string };
  sections: { [S in RecordSection]?: ImportedRecord<S>[] };
}

export interface ImportRequest {
  settings: ImportedSettings;
  mode: "merge" | "replace";
  dryRun: boolean;
}

const importPath = "/api/projects/{slug}/bootstrap-import";

/**
 * The import a request asks for, with every rule checked: nothing is written unless all of it is
 * valid. Failures are 400s whose fields are paths like `settings.style_guides.2.name`.
 */
export function readImportRequest(slug: string, body: ImportBody, validator: ContractValidator): ImportRequest {
  return {
    settings: normalizeSettings(settingsOf(slug, body, validator)),
    mode: body.mode ?? "merge",
    dryRun: body.dry_run ?? false,
  };
}

function settingsOf(slug: string, body: ImportBody, validator: ContractValidator): BootstrapSettings {
  const given = ["settings", "ai_response_text"].filter((field) => body[field as keyof ImportBody] !== undefined);
  if (given.length === 0) {
    throw validationError("Provide one of: settings, ai_response_text", { fields: ["settings", "ai_response_text"] });
  }
  if (given.length > 1) {
    throw validationError("Provide only one of: settings, ai_response_text", { fields: given });
  }
  if (body.settings !== undefined) return body.settings;

  const extracted = extractJsonObject(body.ai_response_text ?? "");
  if (!extracted.ok) {
    throw validationError(`Field 'ai_response_text' ${extracted.problem}`, { field: "ai_response_text" });
  }
  const settings = unwrapSettings(extracted.value);
  // The router checks the fields of bodies it parses; this object was parsed here.
  const deep = tooDeepJsonField(settings, maxJsonFieldDepth, "settings");
  if (deep !== undefined)
    throw validationError(tooDeepFieldMessage(deep), { field: deep, max_depth: maxJsonFieldDepth });
  // The router validated the body it received; the extracted object gets the same schema check.
  const issues = validator.validateRequest("post", importPath, { path: { slug }, body: { settings } });
  if (issues.length > 0) throw invalid(issues);
  return settings as BootstrapSettings;
}

const sectionNames = ["project", ...recordSections];

/**
 * Assistants sometimes echo a wrapper (`{"settings": {...}}`); an object without any section
 * would import nothing at all, which is refused rather than reported as a successful no-op.
 */
function unwrapSettings(value: JsonObject): JsonObject {
  const hasSection = (object: unknown): boolean =>
    object !== null &&
    typeof object === "object" &&
    !Array.isArray(object) &&
    sectionNames.some((name) => name in object);
  if (hasSection(value)) return value;
  if (hasSection(value.settings)) return value.settings as JsonObject;
  throw validationError(`Field 'ai_response_text' holds a JSON object with none of: ${sectionNames.join(", ")}`, {
    field: "ai_response_text",
  });
}

/** All issues at once, in the router's format, so a client can fix every field in one go. */
function invalid(issues: ValidationIssue[]) {
  return validationError(issues.map((issue) => issue.message).join("; "), { field: issues[0]?.field, issues });
}

/** Collects domain-rule failures while normalising, so one 400 names every bad field. */
class Issues {
  readonly list: ValidationIssue[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message: `Field '${field}' ${message}` });
  }

  /** Trimmed text; a blank value is "required", as the record routes say it. */
  required(field: string, value: string): string {
    const text = value.trim();
    if (text === "") this.add(field, "is required");
    return text;
  }
}

type RawRecord<S extends RecordSection> = NonNullable<BootstrapSettings[S]>[number];
/** A section's raw record, checked (issues named at `at`) and trimmed into what the import writes. */
type Normalizer<S extends RecordSection> = (raw: RawRecord<S>, at: string, issues: Issues) => ImportedRecord<S>;

const normalizers: { [S in RecordSection]: Normalizer<S> } = {
  provider_accounts: providerAccount,
  style_guides: (raw, at, issues) => {
    const name = issues.required(`${at}.name`, raw.name);
    const fields = { name, instructions: issues.required(`${at}.instructions`, raw.instructions) };
    return { key: name, fields: raw.notes === undefined ? fields : { ...fields, notes: raw.notes.trim() } };
  },
  characters: (raw, at, issues) => {
    const name = issues.required(`${at}.name`, raw.name);
    return { key: name, fields: { name, ...givenText(raw, ["description", "prompt_text"]) } };
  },
  reference_sets: referenceSet,
  prompt_templates: (raw, at, issues) => {
    const name = issues.required(`${at}.name`, raw.name);
    return { key: name, fields: { name, template_text: issues.required(`${at}.template_text`, raw.template_text) } };
  },
};

function normalizeSettings(settings: BootstrapSettings): ImportedSettings {
  const issues = new Issues();
  const result: ImportedSettings = { sections: {} };
  if (settings.project !== undefined) result.project = normalizeProject(settings.project, issues);
  const sections = result.sections as Record<RecordSection, ImportedRecord<RecordSection>[] | undefined>;
  for (const section of recordSections) {
    const raws = settings[section] as RawRecord<RecordSection>[] | undefined;
    const normalize = normalizers[section] as Normalizer<RecordSection>;
    if (raws) sections[section] = raws.map((raw, i) => normalize(raw, `settings.${section}.${i}`, issues));
  }
  for (const section of recordSections) checkUnique(section, sections[section], issues);
  if (issues.list.length > 0) throw invalid(issues.list);
  return result;
}

/** The given text fields, trimmed; omitted ones stay omitted. */
function givenText<K extends string>(
  raw: Partial<Record<K, string>>,
  fields: readonly K[],
): Partial<Record<K, string>> {
  return Object.fromEntries(
    fields.flatMap((field) => {
      const value = raw[field];
      return value === undefined ? [] : [[field, value.trim()]];
    }),
  ) as Partial<Record<K, string>>;
}

function normalizeProject(raw: NonNullable<BootstrapSettings["project"]>, issues: Issues) {
  return {
    ...(raw.name === undefined ? {} : { name: issues.required("settings.project.name", raw.name) }),
    ...givenText(raw, ["description"]),
  };
}

type RawProviderAccount = NonNullable<BootstrapSettings["provider_accounts"]>[number];

function providerAccount(raw: RawProviderAccount, at: string, issues: Issues): ImportedRecord<"provider_accounts"> {
  const code = normalizeSlug(raw.provider_code);
  if (code === undefined) issues.add(`${at}.provider_code`, "is required");
  const providerCode = code ?? "";
  const fields: Partial<SectionEntries["provider_accounts"]> = {
    provider_code: providerCode,
    ...givenText(raw, ["account_ref", "base_url"]),
  };
  // A blank display name falls back to the code, as the provider-account routes do.
  if (raw.display_name !== undefined) fields.display_name = raw.display_name.trim() || providerCode;
  if (fields.base_url && !isHttpUrl(fields.base_url)) issues.add(`${at}.base_url`, "must be an http(s) URL");
  if (raw.enabled !== undefined) fields.enabled = raw.enabled;
  if (raw.config_json !== undefined) fields.config_json = raw.config_json;
  return { key: providerCode, fields };
}

type RawReferenceSet = NonNullable<BootstrapSettings["reference_sets"]>[number];

/** Blank and null alike mean "no content of this kind", as the reference item routes treat them. */
const optionalContent = (value: string | null | undefined): string | null => {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
};

function referenceSet(raw: RawReferenceSet, at: string, issues: Issues): ImportedRecord<"reference_sets"> {
  const name = issues.required(`${at}.name`, raw.name);
  let nextOrder = 0;
  const items = raw.items.map((item, i) => {
    const entry = {
      label: item.label?.trim() ?? "",
      content_uri: optionalContent(item.content_uri),
      content_text: optionalContent(item.content_text),
      // An item without a sort order goes after the one before it, as a new item goes last.
      sort_order: item.sort_order ?? nextOrder,
      metadata_json: item.metadata_json ?? {},
    };
    nextOrder = entry.sort_order + 1;
    if (entry.content_uri === null && entry.content_text === null) {
      issues.add(`${at}.items.${i}`, "needs at least one of: content_uri, content_text");
    }
    return entry;
  });
  items.sort((a, b) => a.sort_order - b.sort_order);
  return { key: name, fields: { name, ...givenText(raw, ["description"]), items } };
}

function checkUnique<S extends RecordSection>(section: S, records: ImportedRecord<S>[] | undefined, issues: Issues) {
  const firstIndex = new Map<string, number>();
  const field = keyFieldOf(section);
  records?.forEach((record, index) => {
    if (record.key === "") return;
    const first = firstIndex.get(record.key);
    if (first === undefined) firstIndex.set(record.key, index);
    else {
      issues.add(
        `settings.${section}.${index}.${field}`,
        `repeats '${record.key}' of settings.${section}.${first} (${field} must be unique within a section)`,
      );
    }
  });
}
