/** The SDK test files pack.test.ts also runs against the installed tarball (packed.vitest.config.ts). */
export const packedTests = ["environment", "run-events", "paging", "client"].map(
  (name) => `packages/sdk/test/${name}.test.ts`,
);
