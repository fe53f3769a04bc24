import { appendFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import * as underTest from "@kroma/sdk";
import { expect, inject } from "vitest";

// Runs before each test file of the packed run (packed.vitest.config.ts) and fails it unless the
// `@kroma/sdk` its tests import is the very module loaded from the installed tarball.
const entry = inject("sdkEntry") ?? "";
const project = inject("sdkProject") ?? "";
const installedSdk = join(project, "node_modules", "@kroma", "sdk") + sep;
if (!project || !entry.startsWith(installedSdk))
  throw new Error(`the SDK under test (${entry}) is not inside the packed install ${installedSdk}`);

const tarball = await import(pathToFileURL(entry).href);
const source = await import(new URL("../src/index.ts", import.meta.url).href);
if (
  underTest.createKromaClient !== tarball.createKromaClient ||
  underTest.createKromaClient === source.createKromaClient
)
  throw new Error(`"@kroma/sdk" in the packed run is not the module at ${entry}`);

// What each file ran against, for pack.test.ts to read back.
await appendFile(
  join(project, "sdk-under-test.jsonl"),
  `${JSON.stringify({ file: expect.getState().testPath, entry })}\n`,
);
