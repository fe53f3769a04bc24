import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import workspace from "../../../vitest.config.js";
import { packedTests } from "./packed-tests.js";

// The SDK's own tests, run against the SDK as a user installs it: `@kroma/sdk` is the packed
// tarball installed into KROMA_SDK_PACKED_PROJECT (a project outside the workspace, see
// pack.test.ts), while the tests' helpers (@kroma/testkit, the server) still come from the workspace.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const project = process.env.KROMA_SDK_PACKED_PROJECT ?? "";
if (!project || !existsSync(join(project, "node_modules/@kroma/sdk/package.json")) || isInside(root, project))
  throw new Error(
    `KROMA_SDK_PACKED_PROJECT must name a project outside ${root} with @kroma/sdk installed, not "${project}"`,
  );
// Resolved through the installed package's own exports map, as Node resolves a consumer's import.
const installed = createRequire(join(project, "package.json"));
const entry = realpathSync(installed.resolve("@kroma/sdk"));
const schema = realpathSync(installed.resolve("@kroma/sdk/schema"));

function isInside(dir: string, path: string): boolean {
  const inner = realpathSync(path);
  const outer = realpathSync(dir);
  return inner === outer || inner.startsWith(outer + sep);
}

export default defineConfig({
  ...workspace,
  root,
  resolve: {
    ...workspace.resolve,
    alias: [
      { find: /^@kroma\/sdk$/, replacement: entry },
      { find: /^@kroma\/sdk\/schema$/, replacement: schema },
    ],
  },
  test: {
    ...workspace.test,
    include: packedTests,
    setupFiles: [fileURLToPath(new URL("./packed.setup.ts", import.meta.url))],
    provide: { sdkEntry: entry, sdkProject: realpathSync(project) },
    typecheck: { enabled: false },
  },
});
