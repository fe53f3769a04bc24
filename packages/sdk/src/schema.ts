// The API's types, generated from its OpenAPI spec, in a module of their own (`@kroma/sdk/schema`
// once built): the client's declarations import them from here by name instead of inlining
// thousands of lines of `paths` and `components` into the SDK's own `index.d.ts`.
export type {
  components,
  ErrorEnvelope,
  ErrorKind,
  JsonSuccess,
  OperationAt,
  operations,
  paths,
  RequestBody,
  Schema,
} from "@kroma/contract/types";
