// Writes src/generated/* from the spec; with --check, fails instead when those files are stale.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { readSpec } from "./spec-source.js";

const banner = "// Generated from openapi/backend-api.openapi.yaml by `pnpm generate`. Do not edit.\n";
const generatedDir = new URL("../src/generated/", import.meta.url);

async function render(): Promise<Map<string, string>> {
  const { text, document } = await readSpec();
  const types = astToString(await openapiTS(document as never));
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
  return new Map([
    ["schema.ts", `${banner}\n${types}`],
    ["document.ts", documentModule],
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
