import {
  missingReferenceAsset as missingAsset,
  type PromptRecordSource,
  referenceItemContent,
  type SourceAssetLookup,
} from "@kroma/pipeline";
import { KromaApiError, type KromaClient } from "@kroma/sdk";

/**
 * A project's records as the API serves them, found by id or name, for a run the CLI plans or
 * executes locally (`lab dry`, `lab run`, `lab replay`). A reference item pointing at an asset
 * sends that asset's file; one whose asset is in the trash or gone is an error, never a silent
 * drop of an input image.
 */
export function apiRecordSource(client: KromaClient, slug: string): PromptRecordSource {
  const byRef = <T extends { id: string; name: string }>(records: T[], ref: string) =>
    records.find((record) => record.id === ref) ?? records.find((record) => record.name === ref);
  return {
    async promptTemplate(ref) {
      const found = byRef((await client.promptTemplates.list(slug)).prompt_templates, ref);
      return found && { id: found.id, name: found.name, template_text: found.template_text };
    },
    async styleGuide(ref) {
      const found = byRef((await client.styleGuides.list(slug)).style_guides, ref);
      return found && { id: found.id, name: found.name, instructions: found.instructions };
    },
    async character(ref) {
      const found = byRef((await client.characters.list(slug)).characters, ref);
      return (
        found && { id: found.id, name: found.name, description: found.description, prompt_text: found.prompt_text }
      );
    },
    async referenceSet(ref) {
      const found = byRef((await client.referenceSets.list(slug)).reference_sets, ref);
      if (!found) return undefined;
      const { items } = await client.referenceSets.items.list(slug, found.id);
      const contents = [];
      for (const item of items) {
        const assetId = item.asset_id ?? null;
        const path = assetId === null ? null : await assetPath(client, slug, assetId);
        if (path === undefined) throw missingAsset(found.name, item.label, assetId ?? "");
        contents.push(referenceItemContent(item, path));
      }
      return { id: found.id, name: found.name, items: contents };
    },
  };
}

/** The asset's file, relative to the project root; undefined when it is in the trash, gone or has no file. */
async function assetPath(client: KromaClient, slug: string, assetId: string): Promise<string | undefined> {
  try {
    const { asset } = await client.assets.get(slug, assetId);
    return asset.deleted_at === null && asset.rel_path ? asset.rel_path : undefined;
  } catch (error) {
    if (error instanceof KromaApiError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * A post-process run's sources (`--assets`, `--from-run`) as the API serves them: live assets
 * with a file and a recorded sha256, and a run's jobs' final assets in plan order.
 */
export function apiSourceAssets(client: KromaClient, slug: string): SourceAssetLookup {
  return {
    async asset(assetId) {
      const asset = await orUndefined(async () => (await client.assets.get(slug, assetId)).asset);
      if (!asset || asset.deleted_at !== null || !asset.rel_path || !asset.sha256) return undefined;
      return { asset_id: asset.id, path: asset.rel_path, sha256: asset.sha256 };
    },
    async runFinals(runId) {
      const answer = await orUndefined(() => client.runs.jobs(slug, runId));
      return answer?.jobs.flatMap((job) => (job.final_asset_id ? [job.final_asset_id] : []));
    },
  };
}

/** The call's answer, or undefined for a 404. */
async function orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KromaApiError && error.status === 404) return undefined;
    throw error;
  }
}
