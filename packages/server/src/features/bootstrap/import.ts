import type { Schema } from "@kroma/contract";
import type { Kysely } from "kysely";
import { type Actor, audited } from "../../core/audit.js";
import type { Database } from "../../core/db/schema.js";
import { nowIso } from "../../core/time.js";
import type { ProjectRecord } from "../projects/repository.js";
import { bootstrapSchemaVersion } from "./export.js";
import type { ImportedRecord, ImportedSettings, ImportRequest } from "./import-request.js";
import { type BootstrapRepository, createBootstrapRepository, type NamedSection } from "./repository.js";
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
      const before = await createBootstrapRepository(trx).findProject(project.id);
      const plan = planImport(await readSettings(trx, before), request.settings, request.mode);
      await applyPlan(trx, project.id, plan, nowIso());
      const after = await createBootstrapRepository(trx).findProject(project.id);
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
  const rows = createBootstrapRepository(trx);
  if (plan.project) await rows.updateProject(projectId, plan.project, now);
  await applySection(plan.sections.provider_accounts, {
    remove: (code) => rows.providerAccounts.remove(projectId, code),
    write: (entry, exists) => rows.providerAccounts.write(projectId, entry, exists, now),
  });
  for (const section of namedSections) {
    const table = rows.named(section);
    await applySection(plan.sections[section], {
      remove: (name) => table.remove(projectId, name),
      write: (entry, exists) => table.write(projectId, entry, exists, now),
    });
  }
  await applyReferenceSets(rows, projectId, plan.sections.reference_sets, now);
}

const namedSections: readonly NamedSection[] = ["style_guides", "characters", "prompt_templates"];

/** A section's removals, then its writes, in plan order. */
async function applySection<S extends RecordSection>(
  plan: SectionPlan<S>,
  rows: { remove: (key: string) => Promise<void>; write: (entry: SectionEntries[S], exists: boolean) => Promise<void> },
): Promise<void> {
  for (const key of plan.removals) await rows.remove(key);
  for (const { entry, exists } of plan.writes) await rows.write(entry, exists);
}

async function applyReferenceSets(
  rows: BootstrapRepository,
  projectId: string,
  plan: SectionPlan<"reference_sets">,
  now: string,
): Promise<void> {
  if (plan.removals.length === 0 && plan.writes.length === 0) return;
  const sets = rows.referenceSets;
  const idOf = await sets.idsByName(projectId);
  for (const name of plan.removals) {
    const id = idOf.get(name) as string;
    await sets.remove(projectId, id);
  }
  for (const { entry, exists } of plan.writes) {
    const { items, ...fields } = entry;
    let setId = idOf.get(entry.name);
    if (exists && setId !== undefined) {
      await sets.replace(projectId, setId, fields, now);
    } else {
      setId = await sets.insert(projectId, fields, now);
    }
    await sets.insertItems(projectId, setId, items, now);
  }
}
