import { fileURLToPath } from "node:url";
import { inject } from "vitest";

declare module "vitest" {
  interface ProvidedContext {
    /** The built SDK entry the tests run against: set by the packed run to the installed tarball's. */
    sdkEntry?: string;
    /** The project outside the workspace the packed run installed the tarball into. */
    sdkProject?: string;
  }
}

/** The file `@kroma/sdk` loads from when a program outside the test runner imports the built SDK. */
export function sdkEntry(): string {
  return inject("sdkEntry") ?? fileURLToPath(new URL("../dist/index.js", import.meta.url));
}
