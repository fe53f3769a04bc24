import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources in tests (the "@kroma/source" export
// condition), so tests never run against a stale build. Tests that exercise what users install
// (the CLI binary, the packed SDK) use the built output on purpose.
const conditions = ["@kroma/source", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@kroma/source"] } },
  test: {
    include: ["packages/*/{src,test}/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ["packages/*/{src,test}/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
  },
});
