// Fails the build when the spec is not a valid OpenAPI 3.1 document (refs resolve, schemas are well-formed).
import SwaggerParser from "@apidevtools/swagger-parser";
import { readSpec, specPath } from "./spec-source.js";

const { document } = await readSpec();
try {
  // validate() dereferences in place, so give it a copy.
  await SwaggerParser.validate(structuredClone(document) as never);
} catch (error) {
  console.error(`Invalid OpenAPI spec ${specPath}:\n${(error as Error).message}`);
  process.exit(1);
}
