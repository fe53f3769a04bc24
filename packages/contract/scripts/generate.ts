// Writes src/generated/* from the spec; with --check, fails instead when those files are stale.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { readSpec } from "./spec-source.js";

const banner = "// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.\n";
const generatedDir = new URL("../src/generated/", import.meta.url);

/**
 * openapi-typescript's types plus, with `enumValues`, one exported array per string enum
 * (`runStageValues`, ...) appended after them, so code can list an enum's values without copying them.
 */
async function renderSchemaTypes(document: Record<string, unknown>): Promise<string> {
  const nodes = await openapiTS(document as never, { enumValues: true });
  return astToString(withoutNameClashes(nodes));
}

/**
 * openapi-typescript names a property's enum array after its path, so `RunJob.status` and the
 * `RunJobStatus` schema both become `runJobStatusValues`, which would not compile. A named enum
 * schema keeps the name; the property's array is left out (its type is still generated).
 */
function withoutNameClashes<T>(nodes: T[]): T[] {
  const names = nodes.map((node) => /^export const (\w+Values): /.exec(astToString(node as never))?.[1]);
  const clashing = new Set(names.filter((name, index) => name !== undefined && names.indexOf(name) !== index));
  return nodes.filter((node, index) => {
    const name = names[index];
    if (name === undefined || !clashing.has(name)) return true;
    const isProperty = /\["schemas"\]\["\w+"\]\[/.test(astToString(node as never));
    return !isProperty;
  });
}

async function render(): Promise<Map<string, string>> {
  const { text, document } = await readSpec();
  const types = await renderSchemaTypes(document);
  const documentModule = [
    banner,
    'import type { OpenApiDocument } from "../document-types.js";',
    "",
    "/** The bundled spec (openapi/ in one self-contained document) as YAML, served verbatim at GET /openapi.yaml. */",
    `export const openapiYaml: string = ${JSON.stringify(text)};`,
    "",
    "/** The bundled spec, parsed. */",
    `export const openapiDocument: OpenApiDocument = ${JSON.stringify(document, null, 2)};`,
    "",
  ].join("\n");
  const enumArrays = [...types.matchAll(/^export const (\w+Values): /gm)].map((match) => match[1]);
  const enumsModule = [
    banner,
    "/** Every string enum of the spec as an array of its values (openapi-typescript `enumValues`). */",
    `export {\n${enumArrays.map((name) => `  ${name},\n`).join("")}} from "./schema.js";`,
    "",
  ].join("\n");
  return new Map([
    ["schema.ts", `${banner}\n${types}`],
    ["document.ts", documentModule],
    ["enums.ts", enumsModule],
  ]);
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  for (const [name, contents] of await render()) {
    const file = fileURLToPath(new URL(name, generatedDir));
    if (!check) {
      await writeFile(file, contents);
      continue;
    }
    const current = await readFile(file, "utf8").catch(() => "");
    if (current !== contents) stale.push(`src/generated/${name}`);
  }
  if (stale.length > 0) {
    console.error(`Generated files are stale: ${stale.join(", ")}. Run \`pnpm generate\` and commit the result.`);
    process.exit(1);
  }
}

await main();
