import {
  type ContractValidator,
  type HasJsonSuccess,
  type HttpMethod,
  type JsonSuccess,
  type OpenApiDocument,
  type OperationAt,
  type PathParams,
  type PathsWithMethod,
  type QueryParams,
  type RequestBody,
  type RouteMethod,
  resolveOperation,
  resolveRef,
} from "@kroma/contract";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { RequestGuard } from "./auth-policy.js";
import { changesState } from "./cross-site.js";
import { ApiError, toErrorResponse, validationError } from "./errors.js";
import {
  exceedsJsonDepth,
  maxJsonDepth,
  maxJsonFieldDepth,
  tooDeepFieldMessage,
  tooDeepJsonField,
} from "./json-depth.js";
import { acceptsMediaType, corsSafelistedMediaTypes, isJsonMediaType, mediaTypeOf } from "./media-type.js";
import { requestHeader } from "./request-header.js";
import { streamedBodyLimit } from "./streamed-body-limit.js";

/** What a handler receives: the request's parts, already validated against the spec. */
export interface HandlerInput<O> {
  params: PathParams<O>;
  query: QueryParams<O>;
  body: RequestBody<O>;
  /** The Hono context, for headers and raw responses. */
  context: Context;
}

/** JSON operations return `{ status, body }` typed by the spec; others (YAML, HTML, assets) return a `Response`. */
export type HandlerResult<O> = HasJsonSuccess<O> extends true ? JsonSuccess<O> : Response;

/**
 * Mounts a handler for one operation of the spec. Only paths and methods the spec declares
 * type-check, and the handler must return the body the spec declares for that status: a missing,
 * mistyped or extra field is a compile error.
 *
 * @example
 * route("get", "/api/projects/{slug}", async ({ params }) => ({ status: 200, body: await show(params.slug) }));
 */
export type DefineRoute = <
  M extends RouteMethod,
  P extends PathsWithMethod<M>,
  R extends HandlerResult<OperationAt<P, M>>,
>(
  method: M,
  path: P,
  handler: ((input: HandlerInput<OperationAt<P, M>>) => R | Promise<R>) &
    NoExtraFields<R, HandlerResult<OperationAt<P, M>>>,
) => void;

/**
 * TypeScript does not check a callback's returned object literal for excess properties, so a
 * misspelt field would slip through as an extra one. This finds fields of `T` (deeply) that the
 * spec's shape `S` lacks, and turns them into an error that names them.
 */
type NoExtraFields<T, S> = [S] extends [Response]
  ? unknown
  : [ExtraFields<T, S>] extends [never]
    ? unknown
    : { "The response has fields the spec does not declare": ExtraFields<T, S> };

type ExtraFields<T, S> = S extends unknown ? (T extends S ? ExtraFieldsOf<T, S> : never) : never;

type ExtraFieldsOf<T, S> = T extends readonly (infer E)[]
  ? S extends readonly (infer SE)[]
    ? ExtraFields<E, SE>
    : never
  : T extends object
    ? S extends object
      ? Exclude<keyof T, keyof S> | { [K in keyof T & keyof S]: ExtraFields<T[K], S[K]> }[keyof T & keyof S]
      : never
    : never;

export interface RouterOptions {
  document: OpenApiDocument;
  validator: ContractValidator;
  /** Check every JSON response against the spec and fail loudly on a mismatch (tests turn this on). */
  validateResponses: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest body of an upload (an operation declaring no JSON body, whose handler streams it), in bytes. Default: `bodyLimitBytes`. */
  uploadLimitBytes?: number;
  /** Other limits of streamed bodies, by operation id (an import's bundle may be far larger than an image). */
  streamedLimitBytes?: Readonly<Record<string, number>>;
  /** Runs before every handler (the auth policy); it throws to refuse the request. */
  guard?: RequestGuard;
}

/** `/api/projects/{slug}` -> `/api/projects/:slug` */
export function toHonoPath(specPath: string): string {
  return specPath.replace(/\{([^}]+)\}/g, ":$1");
}

/** `/api/projects/:slug` -> `/api/projects/{slug}` */
export function toSpecPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

export function createRouteDefiner(app: Hono, options: RouterOptions): DefineRoute {
  const { document, validator, validateResponses } = options;
  // Only on operations that take a body: touching the body of a GET makes @hono/node-server
  // build a full Request object, which costs more than the rest of a small handler.
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes,
    onError: () => {
      throw new ApiError(
        "validation",
        "payload_too_large",
        `Request body is larger than ${options.bodyLimitBytes} bytes`,
      );
    },
  });
  const limitStreamed = (maxBytes: number) =>
    streamedBodyLimit(
      maxBytes,
      () =>
        new ApiError("validation", "payload_too_large", `Upload is larger than ${maxBytes} bytes`, {
          max_bytes: maxBytes,
        }),
    );
  const limitUpload = limitStreamed(options.uploadLimitBytes ?? options.bodyLimitBytes);
  return (method, path, handler) => {
    // The types already forbid this; the runtime check keeps untyped callers honest too.
    const operation = document.paths[path]?.[method];
    if (!operation) throw new Error(`Cannot mount ${method.toUpperCase()} ${path}: the spec has no such operation`);
    const takesBody = operation.requestBody !== undefined;
    // The media types the spec declares for the body (none for an operation without one).
    const bodyTypes = operation.requestBody ? Object.keys(resolveRef(document, operation.requestBody).content) : [];
    const checksType = changesState(method.toUpperCase());
    const takesQuery = resolveOperation(document, path, method).parameters.some((p) => p.in === "query");

    const serve = async (context: Context) => {
      const guarded = options.guard?.(context, path);
      if (guarded) await guarded;
      const type = checksType || takesBody ? mediaTypeOf(requestHeader(context, "content-type")) : "";
      if (checksType) refuseFormTypes(type, bodyTypes);
      const parts = {
        path: context.req.param() as Record<string, string>,
        query: takesQuery ? context.req.query() : {},
        body: takesBody ? await readBody(context, type, bodyTypes) : undefined,
      };
      const issues = validator.validateRequest(method as HttpMethod, path, parts);
      if (issues.length > 0) {
        const [first] = issues;
        // An empty update keeps the details a handler gave it: `{ fields }`, the fields it may give.
        const details =
          issues.length === 1 && first?.fields ? { fields: first.fields } : { field: first?.field, issues };
        throw validationError(issues.map((issue) => issue.message).join("; "), details);
      }
      const input = { params: parts.path, query: parts.query, body: parts.body, context } as HandlerInput<never>;
      const result = (await (handler as (input: never) => unknown)(input as never)) as
        | Response
        | { status: number; body: unknown };
      if (result instanceof Response) return result;
      if (validateResponses) checkResponse(result.status, result.body);
      return context.json(result.body as object, result.status as 200);
    };
    // Failures are rendered by app.onError; when checking responses, first make sure the spec
    // declares the status and envelope this operation is about to send.
    const serveChecked = async (context: Context) => {
      try {
        return await serve(context);
      } catch (error) {
        if (error instanceof ApiError && error.code !== "response_contract_violation") {
          const { status, body } = toErrorResponse(error);
          checkResponse(status, body);
        }
        throw error;
      }
    };
    const checkResponse = (status: number, body: unknown) => {
      const problems = validator.validateResponse(method as HttpMethod, path, status, body);
      if (problems.length > 0) {
        throw new ApiError(
          "infra",
          "response_contract_violation",
          `Response ${status} of ${method.toUpperCase()} ${path} does not match the spec`,
          problems,
        );
      }
    };
    const handle = validateResponses ? serveChecked : serve;
    // An upload (no JSON body declared) is streamed by its handler, under its own, larger limit.
    const ownLimit = operation.operationId ? options.streamedLimitBytes?.[operation.operationId] : undefined;
    const limit = bodyTypes.some(isJsonMediaType)
      ? limitBody
      : ownLimit === undefined
        ? limitUpload
        : limitStreamed(ownLimit);
    if (takesBody) app.on(method.toUpperCase(), toHonoPath(path), limit, handle);
    else app.on(method.toUpperCase(), toHonoPath(path), handle);
  };
}

/**
 * A browser sends a form (or a `no-cors` fetch) to any site without asking first only with one of
 * the CORS-safelisted content types; every other type makes it ask (a preflight), which this server
 * never grants. So a state-changing request carrying one of them is refused (415) unless its
 * operation declares that type, whether or not it has a body: a bodyless POST with
 * `Content-Type: text/plain` is how a page elsewhere would rotate secrets or create the first token.
 * A request without any content type (curl -X POST, the SDK) is not affected.
 */
function refuseFormTypes(type: string, declared: readonly string[]): void {
  if (!corsSafelistedMediaTypes.includes(type) || acceptsMediaType(declared, type)) return;
  throw new ApiError(
    "validation",
    "unsupported_media_type",
    `Content-Type '${type.slice(0, 100)}' is refused on this operation: ${
      declared.length === 0 ? "send no body and no Content-Type" : `send the body as ${declared.join(" or ")}`
    }`,
  );
}

/**
 * The request body: `undefined` when empty, else it must come with a media type the operation
 * declares (415). JSON is checked for nesting depth before it is parsed (400) and then parsed;
 * a non-JSON type an operation may declare later (an upload) is left for its handler to read.
 */
async function readBody(context: Context, type: string, declared: readonly string[]): Promise<unknown> {
  if (!declared.some(isJsonMediaType)) {
    // An upload (image, multipart): its handler reads the body; the router checks only the type.
    if (!acceptsMediaType(declared, type)) throw unsupportedType(type, declared);
    return undefined;
  }
  const text = await context.req.text();
  if (text.trim() === "") return undefined;
  if (!acceptsMediaType(declared, type)) throw unsupportedType(type, declared);
  // Another declared type than JSON: the handler reads it again (Hono keeps the text).
  if (!isJsonMediaType(type)) return undefined;
  // Before parsing: validators and renderers recurse once per level, so depth is bounded up front.
  if (exceedsJsonDepth(text)) {
    throw validationError(`Request body nests objects or arrays deeper than ${maxJsonDepth} levels`, {
      field: "",
      max_depth: maxJsonDepth,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("validation", "invalid_json", "Request body is not valid JSON");
  }
  const field = tooDeepJsonField(body);
  if (field !== undefined) throw validationError(tooDeepFieldMessage(field), { field, max_depth: maxJsonFieldDepth });
  return body;
}

const unsupportedType = (type: string, declared: readonly string[]) =>
  new ApiError(
    "validation",
    "unsupported_media_type",
    `Request body must be sent with Content-Type: ${declared.join(" or ")} (got ${type === "" ? "none" : `'${type.slice(0, 100)}'`})`,
  );
