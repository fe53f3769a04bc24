import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL("..", import.meta.url));
// The pnpm running this test (npx pnpm, corepack or a global one), else pnpm from PATH.
const execPath = process.env.npm_execpath ?? "";
const pnpm = (...args: string[]) =>
  /pnpm/.test(execPath) && execPath.endsWith("js")
    ? run(process.execPath, [execPath, ...args], { cwd: sdkDir })
    : run("pnpm", args, { cwd: sdkDir });
const tsc = fileURLToPath(new URL("../../../node_modules/typescript/bin/tsc", import.meta.url));

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
});
