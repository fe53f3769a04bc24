export type {
  HttpMethod,
  JsonSchema,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
} from "./document-types.js";
export { httpMethods } from "./document-types.js";
export { openapiDocument, openapiYaml } from "./generated/document.js";
export * from "./generated/enums.js";
export type { components, operations, paths } from "./generated/schema.js";
export { listOperations, type Operation, resolveOperation, resolveRef } from "./operations.js";
export type * from "./types.js";
export {
  type ContractValidator,
  createContractValidator,
  type RequestParts,
  type ValidationIssue,
} from "./validation.js";
