// Prints the digests test/bundle.test.ts pins, for a change to the spec made on purpose:
// `npx tsx scripts/spec-digests.ts` from packages/contract, after `pnpm generate`.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import { specPath } from "./spec-source.js";

/**
 * Update bodies that gained `minProperties: 1` after the split (an update must give at least one
 * field); the digest is of the document without it.
 */
export const gainedMinProperties = [
  "UpdateAssetLinkRequest",
  "UpdateCharacterRequest",
  "UpdatePromptTemplateRequest",
  "UpdateProviderAccountRequest",
  "UpdateReferenceSetRequest",
  "UpdateReferenceItemRequest",
  "UpdateStyleGuideRequest",
];

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== "object") return value;
  const entries = Object.keys(value)
    .sort()
    .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]);
  return Object.fromEntries(entries);
}

/** sha256 of the document as JSON with sorted keys. */
export const digestOf = (document: unknown) => sha256(JSON.stringify(sortedKeys(document)));

/** Where schema.ts's generated types end and openapi-typescript's enum arrays begin. */
export const schemaTsFooter = "type FlattenedDeepRequired<T> = {\n";

async function main(): Promise<void> {
  const document = (await SwaggerParser.dereference(specPath)) as unknown as {
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  for (const name of gainedMinProperties) delete document.components.schemas[name]?.minProperties;
  const schemaTs = await readFile(new URL("../src/generated/schema.ts", import.meta.url), "utf8");
  console.log(
    JSON.stringify(
      { dereferenced: digestOf(document), schemaTs: sha256(schemaTs.slice(0, schemaTs.indexOf(schemaTsFooter))) },
      null,
      2,
    ),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) await main();
