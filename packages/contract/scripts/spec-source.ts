import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The one spec file; everything in this package is derived from it. (`KROMA_SPEC` points elsewhere, for tests.) */
export const specPath =
  process.env.KROMA_SPEC ?? fileURLToPath(new URL("../../../openapi/backend-api.openapi.yaml", import.meta.url));

export async function readSpec(): Promise<{ text: string; document: Record<string, unknown> }> {
  const text = await readFile(specPath, "utf8");
  return { text, document: parse(text) as Record<string, unknown> };
}
