import { randomUUID } from "node:crypto";
import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { type Actor, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { toJsonText } from "../../core/input.js";
import { nowIso } from "../../core/time.js";
import type { ProjectRecord } from "../projects/repository.js";
import { bootstrapSchemaVersion } from "./export.js";
import type { ImportedRecord, ImportedSettings, ImportRequest } from "./import-request.js";
import {
  keyFieldOf,
  type ProjectSettings,
  type RecordSection,
  readSettings,
  type SectionEntries,
  sortSettings,
} from "./settings.js";

type ImportOutcome = Schema<"BootstrapImportResponse">["bootstrap_import"];
type SectionChanges = Schema<"BootstrapSectionChanges">;
type Mode = ImportRequest["mode"];

/** What an import does to one section: the records to write and the keys to delete. */
interface SectionPlan<S extends RecordSection> {
  writes: Array<{ entry: SectionEntries[S]; exists: boolean }>;
  removals: string[];
  changes: SectionChanges;
}

interface ImportPlan {
  /** The project's new name and description, when the import changes either. */
  project: { name: string; description: string } | undefined;
  sections: { [S in RecordSection]: SectionPlan<S> };
  /** The settings as they are once the plan is applied. */
  after: ProjectSettings;
}

/**
 * Runs a validated import: a dry run plans and reports; otherwise the plan is applied and audited
 * (`bootstrap.import`) in one transaction, so it happens entirely or not at all.
 */
export async function importBootstrap(
  db: Kysely<Database>,
  actor: Actor | null,
  project: ProjectRecord,
  request: ImportRequest,
): Promise<ImportOutcome> {
  if (request.dryRun) {
    const plan = planImport(await readSettings(db, project), request.settings, request.mode);
    return outcome(request, plan, project, plan.after, false);
  }
  return audited(
    db,
    actor,
    (result) => ({
      action: "bootstrap.import",
      projectId: project.id,
      targetType: "project",
      targetId: project.id,
      detail: { mode: result.mode, project_updated: result.project_updated, changes: result.changes },
    }),
    async (trx) => {
      // Read inside the transaction, so the plan is made against exactly what it changes.
      const before = await findProject(trx, project.id);
      const plan = planImport(await readSettings(trx, before), request.settings, request.mode);
      await applyPlan(trx, project.id, plan, nowIso());
      const after = await findProject(trx, project.id);
      return outcome(request, plan, after, await readSettings(trx, after), true);
    },
  );
}

function outcome(
  request: ImportRequest,
  plan: ImportPlan,
  project: ProjectRecord,
  settings: ProjectSettings,
  applied: boolean,
): ImportOutcome {
  const changes = plan.sections;
  return {
    schema_version: bootstrapSchemaVersion,
    mode: request.mode,
    dry_run: request.dryRun,
    project_updated: plan.project !== undefined,
    applied,
    changes: {
      provider_accounts: changes.provider_accounts.changes,
      style_guides: changes.style_guides.changes,
      characters: changes.characters.changes,
      reference_sets: changes.reference_sets.changes,
      prompt_templates: changes.prompt_templates.changes,
    },
    project,
    settings,
  };
}

function findProject(db: Kysely<Database>, id: string): Promise<ProjectRecord> {
  return db
    .selectFrom("projects")
    .select(["id", "slug", "name", "description", "status", "created_at", "updated_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** A new record's values for the fields its import omits. */
const defaults: { [S in RecordSection]: (key: string) => SectionEntries[S] } = {
  provider_accounts: (code) => ({
    provider_code: code,
    display_name: code,
    account_ref: "",
    base_url: "",
    enabled: true,
    config_json: {},
  }),
  style_guides: (name) => ({ name, instructions: "", notes: "" }),
  characters: (name) => ({ name, description: "", prompt_text: "" }),
  reference_sets: (name) => ({ name, description: "", items: [] }),
  prompt_templates: (name) => ({ name, template_text: "" }),
};

/** The plan for the imported settings against the current ones; pure, so a dry run is exact. */
export function planImport(current: ProjectSettings, settings: ImportedSettings, mode: Mode): ImportPlan {
  const project = { ...current.project, ...settings.project };
  const projectChanged = project.name !== current.project.name || project.description !== current.project.description;
  const provider_accounts = planSection("provider_accounts", current, settings, mode);
  const style_guides = planSection("style_guides", current, settings, mode);
  const characters = planSection("characters", current, settings, mode);
  const reference_sets = planSection("reference_sets", current, settings, mode);
  const prompt_templates = planSection("prompt_templates", current, settings, mode);
  return {
    project: projectChanged ? project : undefined,
    sections: {
      provider_accounts: provider_accounts.plan,
      style_guides: style_guides.plan,
      characters: characters.plan,
      reference_sets: reference_sets.plan,
      prompt_templates: prompt_templates.plan,
    },
    after: sortSettings({
      project,
      provider_accounts: provider_accounts.after,
      style_guides: style_guides.after,
      characters: characters.after,
      reference_sets: reference_sets.after,
      prompt_templates: prompt_templates.after,
      secrets: current.secrets,
    }),
  };
}

function planSection<S extends RecordSection>(
  section: S,
  current: ProjectSettings,
  settings: ImportedSettings,
  mode: Mode,
): { plan: SectionPlan<S>; after: SectionEntries[S][] } {
  const stored = current[section] as SectionEntries[S][];
  const imported = settings.sections[section] as ImportedRecord<S>[] | undefined;
  const plan: SectionPlan<S> = {
    writes: [],
    removals: [],
    changes: { created: 0, updated: 0, removed: 0, unchanged: 0 },
  };
  if (imported === undefined) return { plan, after: stored };

  const keyOf = (entry: SectionEntries[S]) => (entry as unknown as Record<string, string>)[keyFieldOf(section)] ?? "";
  const after = new Map(stored.map((entry) => [keyOf(entry), entry]));
  for (const record of imported) {
    const existing = after.get(record.key);
    const entry = { ...(existing ?? defaults[section](record.key)), ...record.fields } as SectionEntries[S];
    if (existing === undefined) {
      plan.changes.created++;
      plan.writes.push({ entry, exists: false });
    } else if (sameEntry(entry, existing)) {
      plan.changes.unchanged++;
    } else {
      plan.changes.updated++;
      plan.writes.push({ entry, exists: true });
    }
    after.set(record.key, entry);
  }
  if (mode === "replace") {
    const keep = new Set(imported.map((record) => record.key));
    for (const key of [...after.keys()].filter((key) => !keep.has(key))) {
      plan.changes.removed++;
      plan.removals.push(key);
      after.delete(key);
    }
  }
  return { plan, after: [...after.values()] };
}

/** JSON with object keys sorted, so key order (in config_json, say) is no difference. */
function canonicalJson(value: unknown): string {
  const sortKeys = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sortKeys);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, child]) => [key, sortKeys(child)]),
    );
  };
  return JSON.stringify(sortKeys(value));
}

/**
 * Whether writing `entry` would change nothing. Reference items compare as a set (each carries its
 * sort order), since items sharing a sort order have no order among themselves.
 */
function sameEntry(entry: object, stored: object): boolean {
  const comparable = (value: object) =>
    "items" in value && Array.isArray(value.items) ? { ...value, items: value.items.map(canonicalJson).sort() } : value;
  return canonicalJson(comparable(entry)) === canonicalJson(comparable(stored));
}

async function applyPlan(trx: Kysely<Database>, projectId: string, plan: ImportPlan, now: string): Promise<void> {
  if (plan.project) {
    await trx
      .updateTable("projects")
      .set({ ...plan.project, updated_at: now })
      .where("id", "=", projectId)
      .execute();
  }
  await applyProviderAccounts(trx, projectId, plan.sections.provider_accounts, now);
  await applyNamedRecords(trx, "style_guides", projectId, plan.sections.style_guides, now);
  await applyNamedRecords(trx, "characters", projectId, plan.sections.characters, now);
  await applyNamedRecords(trx, "prompt_templates", projectId, plan.sections.prompt_templates, now);
  await applyReferenceSets(trx, projectId, plan.sections.reference_sets, now);
}

async function applyProviderAccounts(
  trx: Kysely<Database>,
  projectId: string,
  plan: SectionPlan<"provider_accounts">,
  now: string,
): Promise<void> {
  for (const code of plan.removals) {
    await trx
      .deleteFrom("provider_accounts")
      .where("project_id", "=", projectId)
      .where("provider_code", "=", code)
      .execute();
  }
  for (const { entry, exists } of plan.writes) {
    const columns = { ...entry, enabled: entry.enabled ? 1 : 0, config_json: toJsonText(entry.config_json) };
    if (exists) {
      await trx
        .updateTable("provider_accounts")
        .set({ ...columns, updated_at: now })
        .where("project_id", "=", projectId)
        .where("provider_code", "=", entry.provider_code)
        .execute();
    } else {
      await trx
        .insertInto("provider_accounts")
        .values({ project_id: projectId, ...columns, created_at: now, updated_at: now })
        .execute();
    }
  }
}

type NamedSection = "style_guides" | "characters" | "prompt_templates";

async function applyNamedRecords<S extends NamedSection>(
  trx: Kysely<Database>,
  section: S,
  projectId: string,
  plan: SectionPlan<S>,
  now: string,
): Promise<void> {
  // kysely cannot type a query over a generic table name; the union shares every column used here.
  const table = section as NamedSection;
  for (const name of plan.removals) {
    await trx.deleteFrom(table).where("project_id", "=", projectId).where("name", "=", name).execute();
  }
  for (const { entry, exists } of plan.writes) {
    if (exists) {
      await trx
        .updateTable(table)
        .set({ ...entry, updated_at: now } as never)
        .where("project_id", "=", projectId)
        .where("name", "=", entry.name)
        .execute();
    } else {
      const row = { id: randomUUID(), project_id: projectId, ...entry, created_at: now, updated_at: now };
      await trx
        .insertInto(table)
        .values(row as never)
        .execute();
    }
  }
}

async function applyReferenceSets(
  trx: Kysely<Database>,
  projectId: string,
  plan: SectionPlan<"reference_sets">,
  now: string,
): Promise<void> {
  if (plan.removals.length === 0 && plan.writes.length === 0) return;
  const stored = await trx
    .selectFrom("reference_sets")
    .select(["id", "name"])
    .where("project_id", "=", projectId)
    .execute();
  const idOf = new Map(stored.map((set) => [set.name, set.id]));
  // Items go explicitly rather than by cascade, which would depend on `foreign_keys` being on.
  const removeItems = (setId: string) =>
    trx
      .deleteFrom("reference_items")
      .where("project_id", "=", projectId)
      .where("reference_set_id", "=", setId)
      .execute();

  for (const name of plan.removals) {
    const id = idOf.get(name) as string;
    await removeItems(id);
    await trx.deleteFrom("reference_sets").where("project_id", "=", projectId).where("id", "=", id).execute();
  }
  for (const { entry, exists } of plan.writes) {
    const { items, ...fields } = entry;
    let setId = idOf.get(entry.name);
    if (exists && setId !== undefined) {
      await trx
        .updateTable("reference_sets")
        .set({ ...fields, updated_at: now })
        .where("project_id", "=", projectId)
        .where("id", "=", setId)
        .execute();
      await removeItems(setId);
    } else {
      setId = randomUUID();
      await trx
        .insertInto("reference_sets")
        .values({ id: setId, project_id: projectId, ...fields, created_at: now, updated_at: now })
        .execute();
    }
    await insertItems(trx, projectId, setId, items, now);
  }
}

// Well under SQLite's limit on bound parameters per statement (10 columns an item).
const itemsPerInsert = 200;

async function insertItems(
  trx: Kysely<Database>,
  projectId: string,
  setId: string,
  items: SectionEntries["reference_sets"]["items"],
  now: string,
): Promise<void> {
  const rows = items.map((item) => ({
    id: randomUUID(),
    project_id: projectId,
    reference_set_id: setId,
    ...item,
    metadata_json: toJsonText(item.metadata_json),
    created_at: now,
    updated_at: now,
  }));
  for (let start = 0; start < rows.length; start += itemsPerInsert) {
    await trx
      .insertInto("reference_items")
      .values(rows.slice(start, start + itemsPerInsert))
      .execute();
  }
}
