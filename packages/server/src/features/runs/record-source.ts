import { missingReferenceAsset, type PromptRecordSource, referenceItemContent } from "@kroma/pipeline";
import type { KromaDb } from "../../core/db/database.js";
import { createNamedRecordRepository } from "../named-records/repository.js";
import { createReferenceSetRepository } from "../reference-sets/repository.js";

/**
 * A project's records as a run uses them, from the database, found by id or name. A reference
 * item pointing at an asset sends that asset's file; an asset in the trash or gone is an error
 * naming the item, never a silently dropped input image.
 */
export function dbRecordSource(db: KromaDb, projectId: string): PromptRecordSource {
  const templates = createNamedRecordRepository(db, "prompt_templates", "prompt template");
  const guides = createNamedRecordRepository(db, "style_guides", "style guide");
  const characters = createNamedRecordRepository(db, "characters", "character");
  const sets = createReferenceSetRepository(db);
  return {
    async promptTemplate(ref) {
      const found = await templates.findByRef(projectId, ref);
      return found && { id: found.id, name: found.name, template_text: found.template_text };
    },
    async styleGuide(ref) {
      const found = await guides.findByRef(projectId, ref);
      return found && { id: found.id, name: found.name, instructions: found.instructions };
    },
    async character(ref) {
      const found = await characters.findByRef(projectId, ref);
      return (
        found && { id: found.id, name: found.name, description: found.description, prompt_text: found.prompt_text }
      );
    },
    async referenceSet(ref) {
      const set = await sets.findByRef(projectId, ref);
      if (!set) return undefined;
      const items = [];
      for (const item of await sets.listItems(projectId, set.id)) {
        const assetId = item.asset_id ?? null;
        const path = assetId === null ? null : await liveAssetPath(db, projectId, assetId);
        if (path === undefined) throw missingReferenceAsset(set.name, item.label, assetId ?? "");
        items.push(referenceItemContent(item, path));
      }
      return { id: set.id, name: set.name, items };
    },
  };
}

/** The file of a live asset of the project, relative to its root; undefined when trashed, gone or fileless. */
async function liveAssetPath(db: KromaDb, projectId: string, assetId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("assets")
    .select("rel_path")
    .where("project_id", "=", projectId)
    .where("id", "=", assetId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.rel_path ?? undefined;
}
