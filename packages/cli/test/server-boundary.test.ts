import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The CLI reaches the server's database only through `@kroma/server/local`: it imports nothing
// else of the server, no database driver, and runs no SQL of its own.
const srcDir = fileURLToPath(new URL("../src", import.meta.url));

const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
const sqlCalls = /\b(?:selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*`/g;

/** What `text` (the source of `file`) does that crosses the boundary, one line each. */
function boundaryViolations(file: string, text: string): string[] {
  const found: string[] = [];
  for (const [, specifier = ""] of text.matchAll(specifiers)) {
    const server = /^@kroma\/server(?:\/|$)/.test(specifier) && specifier !== "@kroma/server/local";
    const driver = /^(?:kysely|better-sqlite3)(?:\/|$)/.test(specifier);
    if (server || driver) found.push(`${file} imports ${specifier}`);
  }
  for (const [call] of text.matchAll(sqlCalls)) found.push(`${file} runs SQL: ${call}`);
  return found;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(/\.[cm]?[jt]s$/.test(entry.name) ? [path] : []);
    }),
  );
  return nested.flat();
}

describe("the CLI's boundary with the server", () => {
  it("imports only @kroma/server/local and runs no SQL", async () => {
    const files = await sourceFiles(srcDir);
    expect(files.length).toBeGreaterThan(10);
    const violations = await Promise.all(
      files.map(async (file) => boundaryViolations(relative(srcDir, file), await readFile(file, "utf8"))),
    );
    expect(violations.flat()).toEqual([]);
  });

  it("catches every kind of crossing", () => {
    const source = [
      'import { openDatabase } from "@kroma/server";',
      'import type { KromaDb } from "@kroma/server/dist/core/db/database.js";',
      'const server = await import("@kroma/server");',
      'import { Kysely } from "kysely";',
      'import Database from "better-sqlite3";',
      'await db.selectFrom("projects").selectAll().execute();',
      'await db.insertInto("runs").values(row).execute();',
      'await db.updateTable("runs").set(change).execute();',
      'await db.deleteFrom("leases").execute();',
      "await sql`pragma database_list`.execute(db);",
      'const local = await import("@kroma/server/local");',
      'import type { IngestResult } from "@kroma/server/local";',
    ].join("\n");
    expect(boundaryViolations("bad.ts", source)).toEqual([
      "bad.ts imports @kroma/server",
      "bad.ts imports @kroma/server/dist/core/db/database.js",
      "bad.ts imports @kroma/server",
      "bad.ts imports kysely",
      "bad.ts imports better-sqlite3",
      "bad.ts runs SQL: selectFrom(",
      "bad.ts runs SQL: insertInto(",
      "bad.ts runs SQL: updateTable(",
      "bad.ts runs SQL: deleteFrom(",
      "bad.ts runs SQL: sql`",
    ]);
  });
});
