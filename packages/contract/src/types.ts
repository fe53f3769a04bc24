// Type-level views of the generated `paths`, shared by the server's typed router and the SDK.
import type { PathsWithMethod as PathsOfMethod } from "openapi-typescript-helpers";
import type { components, paths } from "./generated/schema.js";

/** Methods a route can be mounted with. */
export type RouteMethod = "get" | "put" | "post" | "delete" | "patch";

/** Every path template of the spec. */
export type ApiPath = keyof paths;

/** The paths that declare an operation for method `M`. */
export type PathsWithMethod<M extends RouteMethod> = PathsOfMethod<paths, M>;

/** The generated operation type for `M P`. */
export type OperationAt<P extends ApiPath, M extends RouteMethod> = NonNullable<paths[P][M]>;

type ParametersOf<O> = O extends { parameters: infer Params } ? Params : never;

/** Path parameters of an operation (`{}` when it has none). */
export type PathParams<O> = ParametersOf<O> extends { path: infer T } ? NonNullable<T> : Record<string, never>;

/** Query parameters of an operation (`{}` when it has none). */
export type QueryParams<O> =
  ParametersOf<O> extends { query?: infer T }
    ? [T] extends [never]
      ? Record<string, never>
      : NonNullable<T>
    : Record<string, never>;

/** The JSON request body of an operation, or `undefined` when it takes none. */
export type RequestBody<O> = O extends { requestBody: { content: { "application/json": infer B } } }
  ? B
  : O extends { requestBody?: { content: { "application/json": infer B } } }
    ? B | undefined
    : undefined;

type SuccessStatus = 200 | 201 | 202;

/**
 * The JSON success responses an operation declares, as `{ status, body }` pairs.
 * Errors are not listed: handlers throw them and the server renders the envelope.
 */
export type JsonSuccess<O> = O extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: { "application/json": infer B } }
        ? { status: S; body: B }
        : never;
    }[keyof R & SuccessStatus]
  : never;

/** True when the operation's success response is JSON (otherwise a handler returns a raw `Response`). */
export type HasJsonSuccess<O> = [JsonSuccess<O>] extends [never] ? false : true;

/** The one error envelope every failure carries. */
export type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];
/** `validation | policy | provider | infra | unknown`. */
export type ErrorKind = components["schemas"]["ErrorKind"];
/** Named component schemas, e.g. `Schema<"Project">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export type { components, operations, paths } from "./generated/schema.js";
