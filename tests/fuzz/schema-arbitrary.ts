// fast-check arbitraries derived from the spec's JSON Schemas: values the schema accepts, and
// near-misses it should refuse. Covers the subset our spec uses ($ref, oneOf, const, enum, type
// lists, string lengths and patterns, number bounds, objects with required and additional
// properties, arrays). No library does this for OpenAPI 3.1 well enough, so it lives here.
import type { OpenApiDocument } from "@kroma/contract";
import fc from "fast-check";

export type JsonSchema = Record<string, unknown>;

/** Strings a user might send that stress a server: unicode, control characters, traversal, SQL-ish. */
const awkwardStrings = [
  "",
  " ",
  "   padded   ",
  "..",
  "../../etc/passwd",
  "%2e%2e%2f",
  "a\u0000b",
  "C:\\Windows\\system32",
  "/absolute/path",
  "'; drop table projects; --",
  '"quoted"',
  "ünïcödé ✓ 漢字 🎨",
  "\u202eRTL",
  "line\nbreak",
  "<script>alert(1)</script>",
];

/** Follows `$ref`s into `components`. */
export function deref(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 20; hops++) {
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    let target: unknown = document;
    for (const segment of pointer) target = (target as Record<string, unknown>)[segment];
    // Keep sibling keywords (a description beside a $ref) but let the target's win.
    const { $ref: _ref, ...siblings } = current;
    current = { ...siblings, ...(target as JsonSchema) };
  }
  return current;
}

/** An arbitrary of values `schema` accepts (within small, fast bounds). */
export function validValue(
  document: OpenApiDocument,
  schema: JsonSchema | undefined,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  const s = deref(document, schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => validValue(document, alt, depth + 1)));
  if (Array.isArray(s.type)) {
    return fc.oneof(...(s.type as string[]).map((type) => validValue(document, { ...s, type }, depth + 1)));
  }
  switch (s.type) {
    case "string":
      return validString(s);
    case "integer":
      return fc.integer({ min: bound(s.minimum, -1000), max: bound(s.maximum, 100_000) });
    case "number":
      return fc.double({
        min: bound(s.minimum, -1000),
        max: bound(s.maximum, 100_000),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(depth > 3 ? fc.constant(null) : validValue(document, s.items as JsonSchema, depth + 1), {
        minLength: Number(s.minItems ?? 0),
        maxLength: Math.min(Number(s.maxItems ?? 4), 4),
      });
    default:
      return s.properties || s.type === "object" ? validObject(document, s, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}

function bound(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function validString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "date-time") {
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (typeof s.pattern === "string") return fc.stringMatching(new RegExp(s.pattern));
  const minLength = Number(s.minLength ?? 0);
  const maxLength = Math.min(Number(s.maxLength ?? 40), 40);
  const fits = (text: string) => text.length >= minLength && text.length <= Number(s.maxLength ?? Infinity);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: "grapheme" }),
    fc.constantFrom(...awkwardStrings.filter(fits).concat(fits("x".repeat(minLength)) ? ["x".repeat(minLength)] : [])),
  );
}

function validObject(document: OpenApiDocument, s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = (s.required ?? []) as string[];
  if (Object.keys(properties).length === 0) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  }
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [
      name,
      depth > 4 ? fc.constant(null) : validValue(document, schema, depth + 1),
    ]),
  );
  return fc.record(fields, { requiredKeys: required.filter((name) => name in properties) });
}

/** One way to make a valid object invalid, and what was done (for reports). */
export interface Mutation {
  kind: string;
  apply(value: unknown): unknown;
}

/**
 * Near-misses for a body schema: a required field missing, a field of the wrong type, a string
 * one past its maximum length, a huge string, an unknown field (refused where
 * `additionalProperties: false`), the wrong top-level type.
 */
export function mutations(document: OpenApiDocument, schema: JsonSchema | undefined): fc.Arbitrary<Mutation> {
  const s = schema ? deref(document, schema) : {};
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const names = Object.keys(properties);
  const required = ((s.required ?? []) as string[]).filter((name) => name in properties);
  const choices: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom<Mutation>(
      { kind: "array instead of object", apply: (value) => [value] },
      { kind: "string instead of object", apply: () => "not an object" },
      { kind: "null body", apply: () => null },
      { kind: "unknown field", apply: (value) => ({ ...(asObject(value) ?? {}), unexpected_field_x: 1 }) },
    ),
  ];
  if (required.length > 0) {
    choices.push(
      fc.constantFrom(...required).map((name) => ({
        kind: `missing ${name}`,
        apply: (value: unknown) => omit(value, name),
      })),
    );
  }
  if (names.length > 0) {
    choices.push(
      fc
        .tuple(fc.constantFrom(...names), fc.constantFrom<unknown>(12345, true, { nested: 1 }, [1, 2], "string", null))
        .map(([name, wrong]) => ({
          kind: `wrong type for ${name}`,
          apply: (value: unknown) => ({ ...asObject(value), [name]: wrong }),
        })),
      fc.constantFrom(...names).map((name) => {
        const max = Number(deref(document, properties[name] ?? {}).maxLength ?? 0);
        const text = "y".repeat(max > 0 ? max + 1 : 70_000);
        return { kind: `long string in ${name}`, apply: (value: unknown) => ({ ...asObject(value), [name]: text }) };
      }),
    );
  }
  return fc.oneof(...choices);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function omit(value: unknown, name: string): unknown {
  const object = asObject(value);
  if (!object) return value;
  const { [name]: _dropped, ...rest } = object;
  return rest;
}
