import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { HttpMethod, JsonSchema, OpenApiDocument, ResponseObject } from "./document-types.js";
import { listOperations, resolveOperation, resolveRef } from "./operations.js";

/** One reason a value does not match the spec, naming the field it is about. */
export interface ValidationIssue {
  /** Dotted path of the offending field (`name`, `s3.bucket`), or `""` for the value as a whole. */
  field: string;
  message: string;
  /**
   * Set when an object gave none of its fields (`minProperties: 1`, as on update bodies): the
   * fields it may give, named in the message `Provide at least one of: name, template_text`.
   */
  fields?: string[];
}

/** The parts of a request that the spec describes. */
export interface RequestParts {
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  /** The parsed JSON body, or `undefined` when the request had none. */
  body?: unknown;
}

export interface ContractValidator {
  /** Checks path and query parameters and the JSON body of a request; coerces parameter strings in place. */
  validateRequest(method: HttpMethod, path: string, parts: RequestParts): ValidationIssue[];
  /** Checks a JSON response body against the schema the spec declares for that status. */
  validateResponse(method: HttpMethod, path: string, status: number, body: unknown): ValidationIssue[];
  /**
   * Checks any value against `components.schemas[name]` (compiled on first use, then cached).
   * Throws when the spec has no such schema.
   */
  validateSchema(name: string, value: unknown): ValidationIssue[];
}

interface CompiledOperation {
  path?: ValidateFunction;
  query?: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired: boolean;
  responses: Map<string, ValidateFunction | null>;
}

const defsId = "https://kroma.dev/openapi/components";

/**
 * Compiles ajv validators for every operation of the document, once.
 *
 * @example
 * const validator = createContractValidator(openapiDocument);
 * validator.validateRequest("post", "/api/projects", { body: { name: 42 } });
 * // [{ field: "name", message: "Field 'name' must be string" }]
 */
export function createContractValidator(document: OpenApiDocument): ContractValidator {
  const bodies = createAjv(false, document);
  // Parameters arrive as strings; coercion turns "3" into 3 where the spec says integer.
  const parameters = createAjv(true, document);
  const compiled = new Map<string, CompiledOperation>();
  const schemaValidators = new Map<string, ValidateFunction>();

  for (const { method, path } of listOperations(document)) {
    const { operation, parameters: params } = resolveOperation(document, path, method);
    const requestBody = operation.requestBody ? resolveRef(document, operation.requestBody) : undefined;
    const bodySchema = requestBody?.content["application/json"]?.schema;
    const responses = new Map<string, ValidateFunction | null>();
    for (const [status, entry] of Object.entries(operation.responses)) {
      const schema = resolveRef<ResponseObject>(document, entry).content?.["application/json"]?.schema;
      responses.set(status, schema ? bodies.compile(rewriteRefs(schema) as JsonSchema) : null);
    }
    compiled.set(key(method, path), {
      path: compileParameters(parameters, params, "path"),
      query: compileParameters(parameters, params, "query"),
      body: bodySchema ? bodies.compile(rewriteRefs(bodySchema) as JsonSchema) : undefined,
      // Only a JSON body is checked here; an upload's handler reads (and requires) its own.
      bodyRequired: bodySchema !== undefined && (requestBody?.required ?? false),
      responses,
    });
  }

  function lookup(method: HttpMethod, path: string): CompiledOperation {
    const operation = compiled.get(key(method, path));
    if (!operation) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
    return operation;
  }

  return {
    validateRequest(method, path, parts) {
      const operation = lookup(method, path);
      const issues = [
        ...run(operation.path, parts.path ?? {}, "Path parameter"),
        ...run(operation.query, parts.query ?? {}, "Query parameter"),
      ];
      if (parts.body === undefined) {
        if (operation.bodyRequired) issues.push({ field: "", message: "Request body is required (JSON)" });
      } else {
        issues.push(...run(operation.body, parts.body, "Field"));
      }
      return alone(issues);
    },
    validateResponse(method, path, status, body) {
      const { responses } = lookup(method, path);
      const exact = responses.get(String(status));
      const validate =
        exact !== undefined ? exact : (responses.get(`${String(status)[0]}XX`) ?? responses.get("default"));
      if (validate === undefined) return [{ field: "", message: `The spec declares no ${status} response` }];
      if (validate === null) return [{ field: "", message: `The spec declares no JSON body for ${status}` }];
      return alone(run(validate, body, "Field"));
    },
    validateSchema(name, value) {
      let validate = schemaValidators.get(name);
      if (!validate) {
        if (!Object.hasOwn(document.components?.schemas ?? {}, name)) {
          throw new Error(`The spec has no schema components.schemas.${name}`);
        }
        validate = bodies.compile({ $ref: `${defsId}#/$defs/${encodeURIComponent(name)}` });
        schemaValidators.set(name, validate);
      }
      return alone(run(validate, value, "Field", "Value"));
    },
  };
}

function key(method: string, path: string): string {
  return `${method} ${path}`;
}

function createAjv(coerceTypes: boolean, document: OpenApiDocument): Ajv2020 {
  // verbose puts the failing schema on each error: an empty update's message lists its fields.
  const ajv = new Ajv2020({ allErrors: true, coerceTypes, strict: true, strictRequired: false, verbose: true });
  addFormats.default(ajv);
  const schemas = document.components?.schemas ?? {};
  ajv.addSchema({ $id: defsId, $defs: rewriteRefs(schemas) as JsonSchema });
  return ajv;
}

function compileParameters(
  ajv: Ajv2020,
  parameters: ReturnType<typeof resolveOperation>["parameters"],
  location: "path" | "query",
): ValidateFunction | undefined {
  const selected = parameters.filter((parameter) => parameter.in === location);
  if (selected.length === 0) return undefined;
  return ajv.compile({
    type: "object",
    properties: Object.fromEntries(selected.map((p) => [p.name, rewriteRefs(p.schema ?? {})])),
    required: selected.filter((p) => p.required).map((p) => p.name),
  });
}

/** Points `#/components/schemas/X` references at the shared `$defs` schema ajv knows. */
function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([name, value]) =>
      name === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? [name, `${defsId}#/$defs/${value.slice("#/components/schemas/".length)}`]
        : [name, rewriteRefs(value)],
    ),
  );
}

/** `whole` names the value itself in messages about it as a whole (default: request body or parameters). */
function run(validate: ValidateFunction | undefined, value: unknown, noun: string, whole?: string): ValidationIssue[] {
  if (!validate || validate(value)) return [];
  return (validate.errors ?? []).map((error) => describe(error, noun, whole));
}

/**
 * "Give at least one field" is reported only when nothing else is wrong, as a handler checking it
 * after validation would: a request with a bad parameter hears about the parameter alone.
 */
function alone(issues: ValidationIssue[]): ValidationIssue[] {
  const others = issues.filter((issue) => issue.fields === undefined);
  return others.length > 0 ? others : issues;
}

function describe(error: ErrorObject, noun: string, whole?: string): ValidationIssue {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  const field = segments.join(".");
  const known = error.parentSchema?.properties as Record<string, unknown> | undefined;
  if (error.keyword === "minProperties" && error.params.limit === 1 && known) {
    const fields = Object.keys(known);
    return { field, message: `Provide at least one of: ${fields.join(", ")}`, fields };
  }
  if (field === "") {
    return { field, message: `${whole ?? (noun === "Field" ? "Request body" : "Parameters")} ${error.message}` };
  }
  const subject = `${noun} '${field}'`;
  switch (error.keyword) {
    case "required":
      return { field, message: `${subject} is required` };
    case "additionalProperties":
      return { field, message: `${subject} is not allowed` };
    case "type":
      return { field, message: `${subject} must be ${[error.params.type].flat().join(" or ")}` };
    case "enum":
      return { field, message: `${subject} must be one of: ${(error.params.allowedValues as unknown[]).join(", ")}` };
    default:
      return { field, message: `${subject} ${error.message}` };
  }
}
