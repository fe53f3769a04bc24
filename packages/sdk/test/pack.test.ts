import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packedTests } from "./packed-tests.js";

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL("..", import.meta.url));
// The pnpm running this test (npx pnpm, corepack or a global one), else pnpm from PATH.
const execPath = process.env.npm_execpath ?? "";
const pnpm = (...args: string[]) =>
  /pnpm/.test(execPath) && execPath.endsWith("js")
    ? run(process.execPath, [execPath, ...args], { cwd: sdkDir })
    : run("pnpm", args, { cwd: sdkDir });
const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsc = join(root, "node_modules/typescript/bin/tsc");
const vitest = join(root, "node_modules/vitest/vitest.mjs");

// Installs the SDK the way a user does — from its packed tarball, into a project outside the
// workspace — then type-checks and runs a program against a real server.
let server: TestServer;
let project = "";
beforeAll(async () => {
  server = await startTestServer();
  project = await mkdtemp(join(tmpdir(), "kroma-sdk-consumer-"));
});
afterAll(async () => {
  await server.stop();
  await rm(project, { recursive: true, force: true });
});

describe("the published SDK", () => {
  it("packs, installs into a fresh project, compiles and calls the API", { timeout: 180_000 }, async () => {
    await pnpm("run", "build");
    await pnpm("pack", "--pack-destination", project);
    const tarball = (await readdir(project)).find((name) => name.endsWith(".tgz"));
    expect(tarball).toMatch(/^kroma-sdk-0\.\d+\.\d+\.tgz$/);

    await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`], { cwd: project });

    await writeFile(
      join(project, "main.ts"),
      `import { createKromaClient, KromaApiError } from "@kroma/sdk";
import type { Schema } from "@kroma/sdk/schema";
const kroma = createKromaClient({ baseUrl: process.argv[2] as string });
const { project } = await kroma.projects.upsert({ name: "Packed Demo" });
const { projects } = await kroma.projects.list();
let code = "";
try { await kroma.projects.get("ghost"); } catch (error) { if (error instanceof KromaApiError) code = error.code; }
const slug: Schema<"Project">["slug"] = project.slug;
console.log(JSON.stringify({ slug, listed: projects.map((p) => p.slug), code }));
`,
    );
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          outDir: "out",
          types: [],
          lib: ["ES2022", "DOM"],
        },
        files: ["main.ts", "globals.d.ts"],
      }),
    );
    await writeFile(join(project, "globals.d.ts"), "declare const process: { argv: string[] };\n");
    await run(process.execPath, [tsc, "-p", project]);

    // The API's generated types live in their own module, imported by the client's declarations.
    const installed = join(project, "node_modules/@kroma/sdk/dist");
    expect(await readFile(join(installed, "schema.d.ts"), "utf8")).toMatch(/^interface paths \{/m);
    const declarations = await readFile(join(installed, "index.d.ts"), "utf8");
    expect(declarations).toMatch(/from '\.\/schema\.js'/);
    expect(declarations).not.toMatch(/^interface (paths|components|operations) /m);

    const { stdout } = await run(process.execPath, ["out/main.js", server.url], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ slug: "packed_demo", listed: ["packed_demo"], code: "not_found" });
  });

  it("passes the SDK's own tests for env, event resume, paging and wait, run against the installed package", {
    timeout: 180_000,
  }, async () => {
    // The installed package is the one `@kroma/sdk` resolves to in packed.vitest.config.ts, whose
    // setup file fails every test file unless that is so, and notes what each file ran against.
    const installed = join(await realpath(project), "node_modules/@kroma/sdk");
    const results = join(project, "results.json");
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
    const config = "packages/sdk/test/packed.vitest.config.ts";
    const outcome = await run(
      process.execPath,
      // The default reporter's account is what a failure here shows.
      [vitest, "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${results}`],
      { cwd: root, env: { ...env, NO_COLOR: "1", KROMA_SDK_PACKED_PROJECT: project } },
    ).then(
      () => "",
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
    expect(outcome).toBe("");

    const report = JSON.parse(await readFile(results, "utf8")) as {
      testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
    };
    const files = packedTests.map((file) => join(root, file)).sort();
    expect(report.testResults.map((file) => file.name).sort()).toEqual(files);
    for (const file of report.testResults) {
      expect(file.status, file.name).toBe("passed");
      expect(file.assertionResults.length, file.name).toBeGreaterThan(0);
      expect(new Set(file.assertionResults.map((test) => test.status)), file.name).toEqual(new Set(["passed"]));
    }
    const ranAgainst = (await readFile(join(project, "sdk-under-test.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string; entry: string });
    expect(ranAgainst.map((line) => line.file).sort()).toEqual(files);
    for (const line of ranAgainst) expect(line.entry).toBe(join(installed, "dist/index.js"));
  });
});
