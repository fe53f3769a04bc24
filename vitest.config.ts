import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    // The CLI reads a `kroma login` config from here: an empty one of its own, so a developer's
    // own ~/.config/kroma/config.json never changes what the tests see.
    env: { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "kroma-test-config-")) },
    typecheck: {
      enabled: true,
      include: ["packages/*/{src,test}/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
  },
});
