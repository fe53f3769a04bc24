import {
  type HttpMethod,
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
} from "./document-types.js";

/** One operation of the spec, as the parity gate and the router see it. */
export interface Operation {
  method: HttpMethod;
  /** The spec's path template, e.g. `/api/projects/{slug}`. */
  path: string;
  operationId: string;
}

/** Every operation the document declares, in spec order. Throws when one lacks an operationId. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      operations.push({ method, path, operationId: operation.operationId });
    }
  }
  return operations;
}

/** The operation object with path-level parameters merged in and every `$ref` to a component parameter resolved. */
export function resolveOperation(
  document: OpenApiDocument,
  path: string,
  method: HttpMethod,
): { operation: OperationObject; parameters: ParameterObject[] } {
  const item = document.paths[path];
  const operation = item?.[method] as OperationObject | undefined;
  if (!item || !operation) throw new Error(`The spec has no ${method.toUpperCase()} ${path}`);
  const byKey = new Map<string, ParameterObject>();
  for (const entry of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef<ParameterObject>(document, entry);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return { operation, parameters: [...byKey.values()] };
}

/** Follows a local `#/...` reference inside the document; returns non-references unchanged. */
export function resolveRef<T>(document: OpenApiDocument, value: T | Reference): T {
  if (!value || typeof value !== "object" || !("$ref" in value)) return value as T;
  const pointer = value.$ref;
  if (!pointer.startsWith("#/")) throw new Error(`Only local references are supported: ${pointer}`);
  let target: unknown = document;
  for (const segment of pointer.slice(2).split("/")) {
    target = (target as Record<string, unknown> | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  if (target === undefined) throw new Error(`Unresolved reference ${pointer}`);
  return resolveRef<T>(document, target as T | Reference);
}
