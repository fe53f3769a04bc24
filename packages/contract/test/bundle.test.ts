// The split spec (openapi/paths, openapi/components) must describe exactly what the one-file spec did.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { digestOf, gainedMinProperties, schemaTsFooter, sha256 } from "../scripts/spec-digests.js";
import { openapiDocument } from "../src/generated/document.js";

/**
 * Digests taken from the one-file spec before the split (commit 8ed2a1b): sha256 of the fully
 * dereferenced document as JSON with sorted keys, and of src/generated/schema.ts.
 * A changed path, schema or description changes the first; a changed generated type the second.
 * Since then schema.ts also ends with openapi-typescript's `enumValues` arrays; the digest is of
 * what comes before them, and the rest is checked to be only those arrays and their two helper types.
 * The split itself matched the digests of commit 8ed2a1b; a later change to the spec on purpose
 * takes the new digests here, as `npx tsx scripts/spec-digests.ts` prints them (issue 15: the asset file and thumbnail routes, `Asset.stale`, browser sessions, job reviews, `uploadAsset`, `Asset.original_name`, items' `asset_id`, deliveries, contact sheets; the trash, gc and disk use with `deleted_at`/`trash_id` on runs and assets; issue 16: a trigger's `model`, `size` and `quality`, spend estimates, `max_spend_usd`, project budgets and `Run.reserved_usd`; `rerunRun` with `RerunRunRequest` and `Run.retried_from`, resume of canceled, partial and failed runs, the trigger's `wait`, `Prefer: wait` and 202, `status_code` and `stdout` in a waited answer; prompts composed from records with `prompt_records`, batches and `repeat`, and every `lab run` option in the trigger body; the cost recorded from the images API's usage: `RecordedImageCost` as a candidate's `cost`, `RecordedSpend` as a paid log's `spend_recorded`, `ImageUsage.output_tokens_details`; resume refuses a trashed run; post-process runs of existing assets with the trigger's `assets` and `from_run`, `RunSourceAsset` as jobs' `source_asset`, the candidate status `existing` and `api.endpoint` `none`; one-image runs with the trigger's `prompt`, the logs' `prompt_given` and `api.endpoint` `images.generate`; issue 17: `ingestRun` with `IngestRunForm` and `IngestRunResponse`, `recordAssetMoves`; `importProject` (`POST /api/imports`, a bundle streamed as the body) with `ImportProjectResponse` and `ProjectImport`; the `bearerAuth` (http bearer) and `sessionCookie` (`kroma_session`) security schemes, the top-level `security`, `security: []` on the system routes and each session route's own).
 */
const before = {
  dereferenced: "0c79dafbc7fb032de051ffc0249e4c4bc4e22a5e9f5ef65af2dbd04f8ab086b3",
  schemaTs: "89adbc90106bf504dc068b9090966cf6b4150109fff001fdc9e6ca776badaa47",
};

const root = fileURLToPath(new URL("../../../openapi/backend-api.openapi.yaml", import.meta.url));

/**
 * Drops the declared `minProperties` from a dereferenced document. Dereferencing shares one object
 * per component between `components.schemas` and every place that used it, so deleting it there
 * deletes it everywhere; the check after proves no other `minProperties` is left.
 */
function withoutGainedMinProperties(document: unknown): unknown {
  const schemas = (document as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
  for (const name of gainedMinProperties) {
    expect(schemas[name]?.minProperties, name).toBe(1);
    delete schemas[name]?.minProperties;
  }
  expect(JSON.stringify(document)).not.toContain('"minProperties"');
  return document;
}

function refsOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsOf(item, found);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref") found.add(String(item));
      else refsOf(item, found);
    }
  }
  return found;
}

describe("the split spec", () => {
  it("dereferences to the document the one-file spec did", async () => {
    const dereferenced = await SwaggerParser.dereference(root);
    expect(digestOf(withoutGainedMinProperties(dereferenced))).toBe(before.dereferenced);
  });

  it("is bundled into a self-contained document that dereferences the same", async () => {
    const refs = [...refsOf(openapiDocument)];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !/^#\/components\/(schemas|responses|parameters)\/[A-Za-z0-9_]+$/.test(ref))).toEqual(
      [],
    );
    const dereferenced = await SwaggerParser.dereference(structuredClone(openapiDocument) as never);
    expect(digestOf(withoutGainedMinProperties(dereferenced))).toBe(before.dereferenced);
  });

  it("generates the same types, followed only by the enum value arrays", async () => {
    const schemaTs = await readFile(new URL("../src/generated/schema.ts", import.meta.url), "utf8");
    const footer = schemaTs.indexOf(schemaTsFooter);
    expect(footer).toBeGreaterThan(0);
    expect(sha256(schemaTs.slice(0, footer))).toBe(before.schemaTs);
    const helpers = [
      "type FlattenedDeepRequired<T> = {",
      "    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;",
      "};",
      "type ReadonlyArray<T> = [",
      "    Exclude<T, undefined>",
      "] extends [",
      "    unknown[]",
      "] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;",
    ];
    const lines = schemaTs.slice(footer).trimEnd().split("\n");
    expect(lines.slice(0, helpers.length)).toEqual(helpers);
    const arrays = lines.slice(helpers.length);
    expect(arrays.length).toBeGreaterThan(0);
    const enumArray =
      /^export const \w+Values: ReadonlyArray<FlattenedDeepRequired<(components|paths)>(\["[^"]+"\])+> = \[(("[^"]*"|\d+)(, )?)+\];$/;
    expect(arrays.filter((line) => !enumArray.test(line))).toEqual([]);
  });
});
