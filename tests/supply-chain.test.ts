// Supply-chain hygiene: install scripts are code run on every developer's and CI machine at
// install time. pnpm 10 runs them only for the packages `pnpm-workspace.yaml` approves
// (`onlyBuiltDependencies`); this test fails when a new dependency brings an install script, so
// someone reviews it and either approves it there or records here why it stays blocked.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repo = fileURLToPath(new URL("..", import.meta.url));

/** Packages whose install script pnpm blocks, on purpose, with the reason. */
const blockedOnPurpose: Record<string, string> = {
  "@scarf/scarf": "install-time telemetry (a dependency of swagger-ui-dist); nothing needs it to run",
  // Only present when someone installs the optional local background-removal backend (see README).
  "onnxruntime-node":
    "its postinstall downloads CUDA binaries from outside the npm registry; the CPU build ships in the package",
};

/** Every installed package (in pnpm's store layout) that declares a preinstall, install or postinstall script. */
async function packagesWithInstallScripts(): Promise<string[]> {
  const store = join(repo, "node_modules/.pnpm");
  const found = new Set<string>();
  for (const entry of await readdir(store)) {
    const modules = join(store, entry, "node_modules");
    const names = await readdir(modules).catch(() => [] as string[]);
    for (const name of names) {
      const dirs = name.startsWith("@") ? (await readdir(join(modules, name))).map((sub) => `${name}/${sub}`) : [name];
      for (const dir of dirs) {
        const manifest = await readFile(join(modules, dir, "package.json"), "utf8").catch(() => undefined);
        if (!manifest) continue;
        const { name: packageName, scripts = {} } = JSON.parse(manifest) as {
          name: string;
          scripts?: Record<string, string>;
        };
        if (scripts.preinstall || scripts.install || scripts.postinstall) found.add(packageName);
      }
    }
  }
  return [...found].sort();
}

describe("supply chain", () => {
  it("runs install scripts only for the approved native builds", async () => {
    const workspace = parse(await readFile(join(repo, "pnpm-workspace.yaml"), "utf8")) as {
      onlyBuiltDependencies?: string[];
    };
    const approved = workspace.onlyBuiltDependencies ?? [];
    expect(approved.sort()).toEqual(["better-sqlite3", "esbuild", "sharp"]);
    const withScripts = await packagesWithInstallScripts();
    const unreviewed = withScripts.filter((name) => !approved.includes(name) && !(name in blockedOnPurpose));
    expect(unreviewed).toEqual([]);
  });

  it("keeps the lockfile in the repository, so installs are reproducible", async () => {
    const lockfile = await readFile(join(repo, "pnpm-lock.yaml"), "utf8");
    expect(lockfile).toMatch(/^lockfileVersion: '9\.0'/);
  });
});
