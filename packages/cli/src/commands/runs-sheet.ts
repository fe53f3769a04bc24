import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { KromaClient } from "@kroma/sdk";
import type { Command } from "commander";
import { emit, type GlobalOptions } from "../output.js";

// `kroma runs sheet RUN_ID`: a paid run's contact sheet (one row per job, one tile per
// candidate, the chosen ones marked) written as a PNG.

interface SheetFlags {
  project: string;
  output?: string;
  offset?: string;
  limit?: string;
}

export function sheetCommand(runs: Command, client: () => KromaClient, globals: () => GlobalOptions): void {
  runs
    .command("sheet")
    .description("Write a run's contact sheet: a PNG with one row per job, the chosen candidates marked")
    .argument("<run_id>", "the run (a paid one)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("-o, --output <file>", "where to write the PNG (default: <run_id>-sheet.png here)")
    .option("--offset <n>", "jobs to skip, for a run of more than 64 jobs")
    .option("--limit <n>", "most jobs on the sheet (1..64)")
    .action(async (runId: string, flags: SheetFlags) => {
      const number = (value?: string) => (value === undefined ? undefined : Number(value));
      const png = await client().runs.contactSheet(flags.project, runId, {
        offset: number(flags.offset),
        limit: number(flags.limit),
      });
      const path = resolve(flags.output ?? `${runId}-sheet.png`);
      await writeFile(path, png);
      emit(globals(), { path, bytes: png.length }, () => path);
    });
}
