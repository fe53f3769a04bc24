import { type JsonSchema, openapiDocument, type Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { nowIso } from "../../core/time.js";
import type { ProjectRecord } from "../projects/repository.js";
import { type ProjectSettings, readSettings, recordSections } from "./settings.js";

/** Bumped when the exchange shape changes incompatibly. */
export const bootstrapSchemaVersion = 1;

type BootstrapExport = Schema<"BootstrapPromptResponse">["bootstrap"];

/** The project's settings, the shape an assistant must answer with, and a prompt asking for it. */
export async function exportBootstrap(db: Kysely<Database>, project: ProjectRecord): Promise<BootstrapExport> {
  const settings = await readSettings(db, project);
  return {
    schema_version: bootstrapSchemaVersion,
    generated_at: nowIso(),
    project,
    settings,
    expected_response: expectedResponse,
    prompt: bootstrapPrompt(project, settings),
  };
}

const componentRef = "#/components/schemas/";

/** The schema with every component reference replaced by the component itself (the assistant sees no spec). */
function inlineRefs(schema: unknown, components: Record<string, JsonSchema>): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => inlineRefs(entry, components));
  if (schema === null || typeof schema !== "object") return schema;
  const { $ref, ...rest } = schema as Record<string, unknown>;
  const inlined = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineRefs(value, components)]));
  if (typeof $ref !== "string" || !$ref.startsWith(componentRef)) return inlined;
  const target = inlineRefs(components[$ref.slice(componentRef.length)], components) as Record<string, unknown>;
  return { ...target, ...inlined };
}

/**
 * The answer's shape as a JSON Schema (draft 2020-12), derived from the spec's BootstrapSettings
 * so the two cannot drift: every record section required, and no `secrets` (values never travel
 * this way, and names are not the assistant's to set).
 */
function expectedResponseSchema(): Schema<"JsonObject"> {
  const components = openapiDocument.components?.schemas ?? {};
  const settings = inlineRefs(components.BootstrapSettings, components) as {
    properties: Record<string, unknown>;
  };
  const { secrets: _secrets, ...properties } = settings.properties;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Kroma project settings",
    description:
      "One JSON object with the complete settings of a Kroma project. Records are matched by name " +
      "(provider accounts by provider_code); names are unique within a section.",
    type: "object",
    required: ["project", ...recordSections],
    properties,
  };
}

const expectedResponse = expectedResponseSchema();

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Ready-to-paste text: deterministic for unchanged settings (no timestamps), never a secret value. */
export function bootstrapPrompt(project: ProjectRecord, settings: ProjectSettings): string {
  const { secrets, ...shared } = settings;
  const secretNames =
    secrets.length === 0 ? "none" : secrets.map((secret) => `${secret.provider_code}/${secret.secret_name}`).join(", ");
  return [
    "You are helping configure a project in Kroma, a prompt-driven image workflow tool: a project holds " +
      "provider accounts, style guides, characters, reference sets and prompt templates that image runs use.",
    "",
    `Project: "${project.name}" (slug: ${project.slug})`,
    "",
    "Its current settings:",
    "```json",
    pretty(shared),
    "```",
    "",
    `Secrets configured (names only; their values are never shared): ${secretNames}.`,
    "",
    "Improve or complete these settings for the goal I describe at the end. Answer with ONE JSON object " +
      "holding the complete settings, inside a single ```json fenced block; it must match this JSON Schema:",
    "```json",
    pretty(expectedResponse),
    "```",
    "",
    "Rules:",
    `- Include every section: project, ${recordSections.join(", ")}. Use [] for a section with no records.`,
    "- Names must be unique within a section; provider accounts are identified by provider_code.",
    '- Every reference set must carry "items" ([] for none); every item needs content_uri or content_text.',
    "- A provider account's base_url is empty or an http(s) URL.",
    "- Keep records you do not mean to change exactly as they are; a record you leave out may be deleted.",
    '- Never include secrets, API keys, tokens or passwords, and no "secrets" section.',
    "",
    "My goal:",
    "",
  ].join("\n");
}
