import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { stringify } from "yaml";

/**
 * The root of the spec; it references openapi/paths/*.yaml and openapi/components/**.yaml, and
 * everything in this package is derived from it. (`KROMA_SPEC` points elsewhere, for tests.)
 */
export const specPath =
  process.env.KROMA_SPEC ?? fileURLToPath(new URL("../../../openapi/backend-api.openapi.yaml", import.meta.url));

/**
 * The split spec bundled into one self-contained document: the root lists every component by name,
 * so swagger-parser keeps them under `#/components/...` and every reference points there.
 */
export async function readSpec(): Promise<{ text: string; document: Record<string, unknown> }> {
  const document = (await SwaggerParser.bundle(specPath)) as unknown as Record<string, unknown>;
  // No anchors/aliases: the served YAML must read the same in any YAML parser.
  return { text: stringify(document, { aliasDuplicateObjects: false }), document };
}
