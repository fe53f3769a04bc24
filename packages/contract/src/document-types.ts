/**
 * The slice of an OpenAPI 3.1 document that Kroma reads at runtime. Kept loose on purpose:
 * the spec is validated by swagger-parser at build time, so here we only name what we walk.
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type JsonSchema = Record<string, unknown>;

export interface Reference {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
  [key: string]: unknown;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: JsonSchema }>;
  [key: string]: unknown;
}

export interface OperationObject {
  operationId?: string;
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> } | Reference;
  responses: Record<string, ResponseObject | Reference>;
  [key: string]: unknown;
}

export type PathItem = {
  parameters?: Array<ParameterObject | Reference>;
} & Partial<Record<HttpMethod, OperationObject>> &
  Record<string, unknown>;

export const httpMethods = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
export type HttpMethod = (typeof httpMethods)[number];
