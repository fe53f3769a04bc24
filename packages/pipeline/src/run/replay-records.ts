import { PipelineError } from "../errors.js";
import {
  type PromptRecordRef,
  type PromptRecordSource,
  type PromptRecords,
  promptRecordRefs,
} from "../plan/prompt-records.js";
import type { ReplayDifference } from "./replay.js";

// What replay compares of the project's records: each one a log names, looked up again by id.

/**
 * The records a log names, as they are now (by id), and a difference for each whose content
 * changed (`records.<kind>.<name>.sha256`) or that is gone (current null). A gone record is left
 * out of the new prompts, as a re-run without it would compose them.
 */
export async function currentRecords(
  logged: PromptRecordRef[],
  source: PromptRecordSource | undefined,
): Promise<{ records: PromptRecords; differences: ReplayDifference[] }> {
  if (logged.length === 0) return { records: {}, differences: [] };
  if (!source) {
    throw new PipelineError("This run log names project records; replay needs them (the project's API)", {
      field: "prompt_records",
    });
  }
  const records: PromptRecords = {};
  const differences: ReplayDifference[] = [];
  for (const ref of logged) {
    const found = await lookupRecord(source, ref);
    const current = found ? promptRecordRefs(found)[0] : undefined;
    if (current?.sha256 !== ref.sha256) {
      differences.push({
        path: `records.${ref.kind}.${ref.name}.sha256`,
        recorded: ref.sha256,
        current: current?.sha256 ?? null,
      });
    }
    if (found?.prompt_template) records.prompt_template = found.prompt_template;
    if (found?.style_guide) records.style_guide = found.style_guide;
    if (found?.characters) records.characters = [...(records.characters ?? []), ...found.characters];
    if (found?.reference_set) records.reference_set = found.reference_set;
  }
  return { records, differences };
}

/** One logged record looked up by its id, as a one-record {@link PromptRecords}; undefined when gone. */
async function lookupRecord(source: PromptRecordSource, ref: PromptRecordRef): Promise<PromptRecords | undefined> {
  switch (ref.kind) {
    case "prompt_template": {
      const found = await source.promptTemplate(ref.id);
      return found && { prompt_template: found };
    }
    case "style_guide": {
      const found = await source.styleGuide(ref.id);
      return found && { style_guide: found };
    }
    case "character": {
      const found = await source.character(ref.id);
      return found && { characters: [found] };
    }
    case "reference_set": {
      const found = await source.referenceSet(ref.id);
      return found && { reference_set: found };
    }
  }
}
