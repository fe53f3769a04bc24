import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { fromJsonText } from "../../core/input.js";

type JsonObject = Schema<"JsonObject">;

export interface ProviderAccountEntry {
  provider_code: string;
  display_name: string;
  account_ref: string;
  base_url: string;
  enabled: boolean;
  config_json: JsonObject;
}
export interface StyleGuideEntry {
  name: string;
  instructions: string;
  notes: string;
}
export interface CharacterEntry {
  name: string;
  description: string;
  prompt_text: string;
}
export interface ReferenceItemEntry {
  label: string;
  content_uri: string | null;
  content_text: string | null;
  sort_order: number;
  metadata_json: JsonObject;
}
export interface ReferenceSetEntry {
  name: string;
  description: string;
  items: ReferenceItemEntry[];
}
export interface PromptTemplateEntry {
  name: string;
  template_text: string;
}

/** The record sections an import can change, each keyed by one field. */
export interface SectionEntries {
  provider_accounts: ProviderAccountEntry;
  style_guides: StyleGuideEntry;
  characters: CharacterEntry;
  reference_sets: ReferenceSetEntry;
  prompt_templates: PromptTemplateEntry;
}
export type RecordSection = keyof SectionEntries;
export const recordSections: readonly RecordSection[] = [
  "provider_accounts",
  "style_guides",
  "characters",
  "reference_sets",
  "prompt_templates",
];

/** The field a section's records are matched by: unique per project. */
export const keyFieldOf = (section: RecordSection): "provider_code" | "name" =>
  section === "provider_accounts" ? "provider_code" : "name";

/**
 * A project's settings in the exchange shape with every field present: what the export returns
 * and what an import is compared against.
 */
export type ProjectSettings = { project: { name: string; description: string } } & {
  [S in RecordSection]: SectionEntries[S][];
} & { secrets: Array<{ provider_code: string; secret_name: string }> };

// Code-unit order rather than locale order, so the export is the same on every machine.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sections by name or code, items by sort order (stable, so ties keep their stored order). */
export function sortSettings(settings: ProjectSettings): ProjectSettings {
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => byText(a.name, b.name));
  return {
    project: settings.project,
    provider_accounts: [...settings.provider_accounts].sort((a, b) => byText(a.provider_code, b.provider_code)),
    style_guides: byName(settings.style_guides),
    characters: byName(settings.characters),
    reference_sets: byName(settings.reference_sets).map((set) => ({
      ...set,
      items: [...set.items].sort((a, b) => a.sort_order - b.sort_order),
    })),
    prompt_templates: byName(settings.prompt_templates),
    secrets: [...settings.secrets].sort(
      (a, b) => byText(a.provider_code, b.provider_code) || byText(a.secret_name, b.secret_name),
    ),
  };
}

/**
 * The project's current settings (secret names only, never values), sorted so that two reads of
 * unchanged data give identical JSON.
 */
export async function readSettings(
  db: Kysely<Database>,
  project: { id: string; name: string; description: string },
): Promise<ProjectSettings> {
  const projectId = project.id;
  const [accounts, styleGuides, characters, sets, items, templates, secrets] = await Promise.all([
    db.selectFrom("provider_accounts").selectAll().where("project_id", "=", projectId).execute(),
    db
      .selectFrom("style_guides")
      .select(["name", "instructions", "notes"])
      .where("project_id", "=", projectId)
      .execute(),
    db
      .selectFrom("characters")
      .select(["name", "description", "prompt_text"])
      .where("project_id", "=", projectId)
      .execute(),
    db.selectFrom("reference_sets").select(["id", "name", "description"]).where("project_id", "=", projectId).execute(),
    db
      .selectFrom("reference_items")
      .selectAll()
      .where("project_id", "=", projectId)
      .orderBy("sort_order")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db.selectFrom("prompt_templates").select(["name", "template_text"]).where("project_id", "=", projectId).execute(),
    db
      .selectFrom("project_secrets")
      .select(["provider_code", "secret_name"])
      .where("project_id", "=", projectId)
      .execute(),
  ]);
  const itemsBySet = new Map<string, ReferenceItemEntry[]>();
  for (const item of items) {
    const list = itemsBySet.get(item.reference_set_id) ?? [];
    list.push({
      label: item.label,
      content_uri: item.content_uri,
      content_text: item.content_text,
      sort_order: item.sort_order,
      metadata_json: fromJsonText<JsonObject>(item.metadata_json),
    });
    itemsBySet.set(item.reference_set_id, list);
  }
  return sortSettings({
    project: { name: project.name, description: project.description },
    provider_accounts: accounts.map((row) => ({
      provider_code: row.provider_code,
      display_name: row.display_name,
      account_ref: row.account_ref,
      base_url: row.base_url,
      enabled: row.enabled !== 0,
      config_json: fromJsonText<JsonObject>(row.config_json),
    })),
    style_guides: styleGuides,
    characters,
    reference_sets: sets.map((set) => ({
      name: set.name,
      description: set.description,
      items: itemsBySet.get(set.id) ?? [],
    })),
    prompt_templates: templates,
    secrets,
  });
}
