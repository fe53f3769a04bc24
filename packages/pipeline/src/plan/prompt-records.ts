import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { Schema } from "@kroma/contract/types";
import { PipelineError } from "../errors.js";

// The project records a run's prompts are composed from (prompt templates, style guides,
// characters, reference sets), as the pipeline needs them: their content, never their timestamps.
// The caller (server or CLI) looks them up; the pipeline composes, hashes and records them.

export interface PromptTemplateContent {
  id: string;
  name: string;
  template_text: string;
}

export interface StyleGuideContent {
  id: string;
  name: string;
  instructions: string;
}

export interface CharacterContent {
  id: string;
  name: string;
  description: string;
  prompt_text: string;
}

export interface ReferenceItemContent {
  id: string;
  label: string;
  content_text: string | null;
  /** A file of the project (relative to its root) holding an image: sent as an extra input image. */
  image: string | null;
}

export interface ReferenceSetContent {
  id: string;
  name: string;
  items: ReferenceItemContent[];
}

/** The records one run uses, resolved. Kept whole in a paid run's journal, so a resume composes the same prompts. */
export interface PromptRecords {
  prompt_template?: PromptTemplateContent;
  style_guide?: StyleGuideContent;
  characters?: CharacterContent[];
  reference_set?: ReferenceSetContent;
}

/** How a run log names a record it used (`PromptRecordRef` in the spec). */
export type PromptRecordRef = Schema<"PromptRecordRef">;
export type PromptRecordKind = PromptRecordRef["kind"];

/** The record names (or ids) a request asks for; see `validateRunRequest`. */
export interface PromptRecordRequest {
  prompt_template?: string;
  style_guide?: string;
  characters?: string[];
  reference_set?: string;
}

/**
 * Finds a project's records by id or by name; `undefined` when there is none. The server answers
 * from its database, the CLI through the API.
 */
export interface PromptRecordSource {
  promptTemplate(ref: string): Promise<PromptTemplateContent | undefined>;
  styleGuide(ref: string): Promise<StyleGuideContent | undefined>;
  character(ref: string): Promise<CharacterContent | undefined>;
  referenceSet(ref: string): Promise<ReferenceSetContent | undefined>;
}

const fieldOf: Record<PromptRecordKind, string> = {
  prompt_template: "prompt_template",
  style_guide: "style_guide",
  character: "characters",
  reference_set: "reference_set",
};

const nounOf: Record<PromptRecordKind, string> = {
  prompt_template: "Prompt template",
  style_guide: "Style guide",
  character: "Character",
  reference_set: "Reference set",
};

/** Whether a request names any record. */
export function namesPromptRecords(request: PromptRecordRequest): boolean {
  return Boolean(request.prompt_template || request.style_guide || request.characters?.length || request.reference_set);
}

/**
 * Looks up every record a request names. An unknown one is an error naming its field and the
 * reference given, before anything is planned or sent.
 *
 * @example
 * await resolvePromptRecords({ style_guide: "noir" }, source); // { style_guide: { id, name: "noir", instructions } }
 */
export async function resolvePromptRecords(
  request: PromptRecordRequest,
  source: PromptRecordSource | undefined,
): Promise<PromptRecords> {
  if (!namesPromptRecords(request)) return {};
  if (!source) {
    throw new PipelineError("This run names project records, but no record source was given", {
      field: "prompt_template",
    });
  }
  const find = async <T>(kind: PromptRecordKind, ref: string, lookup: (ref: string) => Promise<T | undefined>) => {
    const found = await lookup(ref);
    if (found === undefined) {
      throw new PipelineError(`${nounOf[kind]} '${ref}' not found in this project (give its name or id)`, {
        field: fieldOf[kind],
      });
    }
    return found;
  };
  const records: PromptRecords = {};
  if (request.prompt_template) {
    records.prompt_template = await find("prompt_template", request.prompt_template, (r) => source.promptTemplate(r));
  }
  if (request.style_guide) {
    records.style_guide = await find("style_guide", request.style_guide, (r) => source.styleGuide(r));
  }
  if (request.characters?.length) {
    records.characters = [];
    for (const ref of request.characters)
      records.characters.push(await find("character", ref, (r) => source.character(r)));
  }
  if (request.reference_set) {
    records.reference_set = await find("reference_set", request.reference_set, (r) => source.referenceSet(r));
  }
  return records;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** sha256 of a record's content as JSON with sorted keys: what a prompt can depend on, nothing else. */
export function recordDigest(content: object): string {
  return createHash("sha256")
    .update(JSON.stringify(sortedKeys(content)))
    .digest("hex");
}

/**
 * The run log's list of the records a run used, in a fixed order (template, style guide,
 * characters as requested, reference set), each with the sha256 of its content.
 */
export function promptRecordRefs(records: PromptRecords): PromptRecordRef[] {
  const ref = (kind: PromptRecordKind, content: { id: string; name: string }): PromptRecordRef => ({
    kind,
    id: content.id,
    name: content.name,
    sha256: recordDigest(content),
  });
  return [
    ...(records.prompt_template ? [ref("prompt_template", records.prompt_template)] : []),
    ...(records.style_guide ? [ref("style_guide", records.style_guide)] : []),
    ...(records.characters ?? []).map((character) => ref("character", character)),
    ...(records.reference_set ? [ref("reference_set", records.reference_set)] : []),
  ];
}

/** File extensions the images API takes as input images. */
const imageExtensions = new Set([".png", ".jpg", ".jpeg", ".webp"]);

/**
 * A reference item's `content_uri` when it names an image file of the project: a plain relative
 * path (no scheme such as `https:`) ending in .png, .jpg, .jpeg or .webp. Anything else is a
 * pointer the pipeline cannot send, and stays out of the request.
 */
export function projectImageUri(uri: string | null): string | null {
  if (uri === null || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return null;
  return imageExtensions.has(extname(uri).toLowerCase()) ? uri : null;
}

/** The reference set's image items, as project-relative paths, in item order. */
export function referenceImages(records: PromptRecords): string[] {
  return (records.reference_set?.items ?? []).flatMap((item) => (item.image ? [item.image] : []));
}

/**
 * A reference item as a run uses it: its text, and its image, which is the file of the asset it
 * points at (`assetPath`, relative to the project root), else the project image its `content_uri`
 * names ({@link projectImageUri}), else none.
 */
export function referenceItemContent(
  item: { id: string; label: string; content_text: string | null; content_uri: string | null },
  assetPath: string | null,
): ReferenceItemContent {
  return {
    id: item.id,
    label: item.label,
    content_text: item.content_text,
    image: assetPath ?? projectImageUri(item.content_uri),
  };
}

/** A reference item whose asset is in the trash or gone: its image cannot be sent, and is not silently left out. */
export function missingReferenceAsset(set: string, label: string, assetId: string): PipelineError {
  return new PipelineError(
    `Reference set '${set}': item '${label}' points at asset ${assetId}, which is in the trash or gone ` +
      "(restore it with kroma trash restore, or remove the item)",
    { field: "reference_set", asset_id: assetId },
  );
}
