// A project's records held in memory, found by id or name as the server's and the API's lookups
// find them; the pipeline's tests compose prompts from these. The server's and CLI's own sources
// are tested against a real database and API.
import type {
  CharacterContent,
  PromptRecordSource,
  PromptTemplateContent,
  ReferenceSetContent,
  StyleGuideContent,
} from "../plan/prompt-records.js";

export interface HeldRecords {
  templates?: PromptTemplateContent[];
  styleGuides?: StyleGuideContent[];
  characters?: CharacterContent[];
  referenceSets?: ReferenceSetContent[];
}

export function heldRecordSource(held: HeldRecords): PromptRecordSource {
  const byRef =
    <T extends { id: string; name: string }>(list: T[] | undefined) =>
    async (ref: string) =>
      list?.find((record) => record.id === ref) ?? list?.find((record) => record.name === ref);
  return {
    promptTemplate: byRef(held.templates),
    styleGuide: byRef(held.styleGuides),
    character: byRef(held.characters),
    referenceSet: byRef(held.referenceSets),
  };
}
