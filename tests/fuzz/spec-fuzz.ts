// Spec-driven fuzzing, the way a schemathesis run attacks an API: for every operation of the
// OpenAPI document, valid requests and near-valid ones (a missing required field, a wrong type, one
// character too long, a huge string, an unknown field, bad path parameters, broken JSON, the wrong
// content type), sent over real HTTP. The contract validator is the oracle: no 5xx ever, every
// response matches the spec for its status, and a request the spec refuses gets a 4xx.
import {
  type ContractValidator,
  type HttpMethod,
  listOperations,
  type OpenApiDocument,
  resolveOperation,
} from "@kroma/contract";
import { solidPng } from "@kroma/testkit/png-bytes";
import fc from "fast-check";
import { type JsonSchema, type Mutation, mutations, validValue } from "./schema-arbitrary.js";

/** One request the fuzzer sends. */
export interface FuzzCase {
  kind: string;
  path: Record<string, string>;
  query: Record<string, string>;
  /** The body as sent (already text), or undefined for none. */
  bodyText?: string;
  /** The parsed body, when `bodyText` is JSON (for the oracle). */
  body?: unknown;
  /** A binary body (an upload's image), sent instead of `bodyText`. */
  bodyBytes?: Uint8Array;
  contentType?: string;
}

export interface FuzzFailure {
  operation: string;
  case: FuzzCase;
  status: number;
  problem: string;
  response: string;
}

export interface OperationReport {
  operation: string;
  sent: number;
  refused: number;
  statuses: Record<string, number>;
}

export interface FuzzOptions {
  baseUrl: string;
  document: OpenApiDocument;
  validator: ContractValidator;
  /** Requests per operation. */
  runs: number;
  seed: number;
  token?: string;
  /** Values that exist, by path parameter name (`slug`, `templateId`, ...), so requests reach real records. */
  known?: Record<string, string[]>;
  /** Only these operations (`GET /api/projects`); default all. */
  only?: (operation: string) => boolean;
  /** Only requests the spec refuses (for the "invalid writes change nothing" check). */
  invalidOnly?: boolean;
}

// Not "." or "..": URL parsing resolves those segments away before a request is sent, so they would
// reach another route (the hostile-input tests attack traversal directly).
const hostileParams = ["...", "..%2F", "%2e%2e", "a/b", "nope", " ", "ünï", "x".repeat(300), "'or'1'='1"];

/** Field names whose strings are filesystem paths: a valid request gets a harmless relative one. */
const pathField = /(^|_)(root|dir|path|output|input|refs)$/;

/** Runs the fuzz and reports what was sent, per operation, and every failure found. */
export async function fuzzSpec(options: FuzzOptions): Promise<{ reports: OperationReport[]; failures: FuzzFailure[] }> {
  const reports: OperationReport[] = [];
  const failures: FuzzFailure[] = [];
  for (const { method, path } of listOperations(options.document)) {
    const name = `${method.toUpperCase()} ${path}`;
    if (options.only && !options.only(name)) continue;
    const report: OperationReport = { operation: name, sent: 0, refused: 0, statuses: {} };
    const cases = fc.sample(caseArbitrary(options, method, path), { numRuns: options.runs, seed: options.seed });
    for (const fuzzCase of cases) {
      const invalid = isRefusedBySpec(options.validator, method, path, fuzzCase);
      if (options.invalidOnly && !invalid) continue;
      const outcome = await send(options, method, path, fuzzCase);
      report.sent++;
      report.statuses[outcome.status] = (report.statuses[outcome.status] ?? 0) + 1;
      if (invalid) report.refused++;
      const problem = judge(options.validator, method, path, outcome, invalid);
      if (problem)
        failures.push({
          operation: name,
          case: fuzzCase,
          status: outcome.status,
          problem,
          response: outcome.text.slice(0, 500),
        });
    }
    reports.push(report);
  }
  return { reports, failures };
}

/** What can be wrong with a response: a 5xx, a body the spec does not declare, a refused request answered 2xx. */
function judge(
  validator: ContractValidator,
  method: HttpMethod,
  path: string,
  outcome: { status: number; text: string; json: boolean },
  invalid: boolean,
): string | undefined {
  if (outcome.status >= 500) return "server error";
  if (invalid && outcome.status < 400) return "the spec refuses this request, the server accepted it";
  if (!outcome.json) return outcome.status >= 400 ? "an error without the JSON envelope" : undefined;
  let body: unknown;
  try {
    body = JSON.parse(outcome.text);
  } catch {
    return "a JSON content type with a body that is not JSON";
  }
  const issues = validator.validateResponse(method, path, outcome.status, body);
  return issues.length > 0
    ? `response does not match the spec: ${issues.map((issue) => issue.message).join("; ")}`
    : undefined;
}

/** Whether the spec refuses this request (the oracle): broken JSON or content type, or a validation issue. */
function isRefusedBySpec(validator: ContractValidator, method: HttpMethod, path: string, fuzzCase: FuzzCase): boolean {
  if (fuzzCase.kind === "broken JSON" || fuzzCase.kind === "wrong content type") return true;
  return (
    validator.validateRequest(method, path, { path: fuzzCase.path, query: fuzzCase.query, body: fuzzCase.body })
      .length > 0
  );
}

async function send(options: FuzzOptions, method: HttpMethod, path: string, fuzzCase: FuzzCase) {
  const url = new URL(options.baseUrl + fillPath(path, fuzzCase.path));
  for (const [key, value] of Object.entries(fuzzCase.query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (fuzzCase.bodyText !== undefined || fuzzCase.bodyBytes) {
    headers["content-type"] = fuzzCase.contentType ?? "application/json";
  }
  const abort = new AbortController();
  const response = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    body: fuzzCase.bodyBytes ?? fuzzCase.bodyText,
    signal: abort.signal,
  });
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/event-stream")) {
    // A live event stream only ends with its run: the status and headers are what is judged.
    abort.abort();
    return { status: response.status, text: "", json: false };
  }
  return { status: response.status, text: await response.text(), json: type.includes("json") };
}

/** `{slug}` -> the value, percent-encoded. */
function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** Requests for one operation: valid ones, and near-misses of each kind. */
function caseArbitrary(options: FuzzOptions, method: HttpMethod, path: string): fc.Arbitrary<FuzzCase> {
  const { document } = options;
  const { operation, parameters } = resolveOperation(document, path, method);
  const pathParams = parameters.filter((p) => p.in === "path");
  const queryParams = parameters.filter((p) => p.in === "query");
  const known = options.known ?? {};
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(
          {
            weight: 6,
            arbitrary: known[p.name]?.length ? fc.constantFrom(...(known[p.name] as string[])) : fc.constant("none"),
          },
          { weight: 2, arbitrary: validValue(document, p.schema as JsonSchema).map(String) },
          { weight: 1, arbitrary: fc.constantFrom(...hostileParams) },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryArb = fc.record(
    Object.fromEntries(
      queryParams.map((p) => [
        p.name,
        fc.oneof(
          validValue(document, p.schema as JsonSchema).map(String),
          fc.constantFrom("-1", "abc", "", "99999999999"),
        ),
      ]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const bodySchema = bodySchemaOf(operation);
  if (!bodySchema) {
    const parts = fc.record({ path: pathArb, query: queryArb });
    if (!takesPng(operation)) return parts.map((p) => ({ kind: "valid", ...p }));
    // An upload: half the requests carry a small real image, so stored uploads are judged too.
    return fc
      .tuple(parts, fc.boolean())
      .map(([p, image]) =>
        image ? { kind: "valid", ...p, bodyBytes: tinyPng, contentType: "image/png" } : { kind: "valid", ...p },
      );
  }
  const valid = validValue(document, bodySchema).map(safePaths);
  return fc
    .record({
      path: pathArb,
      query: queryArb,
      body: valid,
      twist: fc.oneof(
        { weight: 4, arbitrary: fc.constant<Twist>("none") },
        { weight: 4, arbitrary: mutations(document, bodySchema) },
        { weight: 1, arbitrary: fc.constantFrom<Twist>("broken JSON", "wrong content type") },
      ),
    })
    .map(({ path: pathValues, query, body, twist }) => withTwist({ path: pathValues, query }, body, twist));
}

type Twist = "none" | "broken JSON" | "wrong content type" | Mutation;

function withTwist(parts: Pick<FuzzCase, "path" | "query">, body: unknown, twist: Twist): FuzzCase {
  if (twist === "none") return { kind: "valid", ...parts, body, bodyText: JSON.stringify(body) };
  if (twist === "broken JSON") return { kind: twist, ...parts, bodyText: `${JSON.stringify(body).slice(0, -1)},` };
  if (twist === "wrong content type") {
    return { kind: twist, ...parts, body, bodyText: JSON.stringify(body), contentType: "text/plain" };
  }
  const mutated = twist.apply(body);
  return { kind: twist.kind, ...parts, body: mutated, bodyText: JSON.stringify(mutated) };
}

const tinyPng = solidPng(2, 2, [40, 90, 160]);

function takesPng(operation: { requestBody?: unknown }): boolean {
  const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
  return body?.content?.["image/png"] !== undefined;
}

function bodySchemaOf(operation: { requestBody?: unknown }): JsonSchema | undefined {
  const body = operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
  return body?.content?.["application/json"]?.schema;
}

/**
 * A valid body never names a real place on this machine: path-like fields get a relative,
 * harmless value (an absolute project root is honoured by design, and the fuzz must not make the
 * server write outside its temporary app root). Traversal and absolute paths are attacked by the
 * hostile-input tests, which check the filesystem before and after.
 */
function safePaths(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, field]) =>
      pathField.test(key) && typeof field === "string" ? [key, `fuzz/${key}`] : [key, field],
    ),
  );
}
