import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/tsx/dist/cli.mjs", import.meta.url));
const specPath = fileURLToPath(new URL("../../../openapi/backend-api.openapi.yaml", import.meta.url));
const dir = await mkdtemp(join(tmpdir(), "kroma-spec-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function check(spec: string) {
  return run(process.execPath, [tsx, "scripts/generate.ts", "--check"], {
    cwd: packageDir,
    env: { ...process.env, KROMA_SPEC: spec },
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

describe("generated files", () => {
  it("are fresh for the committed spec", async () => {
    expect(await check(specPath)).toEqual({ code: 0, stderr: "" });
  });

  it("are reported stale when the spec changes", async () => {
    const changed = join(dir, "changed.yaml");
    // One self-contained copy of the bundled spec, with one summary changed.
    const { openapiYaml } = await import("../src/generated/document.js");
    expect(openapiYaml).toContain("summary: Liveness check");
    await writeFile(changed, openapiYaml.replace("summary: Liveness check", "summary: Is it up?"));
    const result = await check(changed);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Generated files are stale: src/generated/schema.ts, src/generated/document.ts");
  });
});
