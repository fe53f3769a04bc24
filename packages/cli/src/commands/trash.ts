import type { KromaClient, Schema } from "@kroma/sdk";
import { type Command, Option } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";

// Deleting into a project's trash and getting disk back: `kroma assets rm`, `kroma runs rm|prune`,
// `kroma trash list|restore|purge`, `kroma gc` and `kroma du`. Everything goes over the API, and
// nothing is removed for good but by `trash purge` (or the server, once an entry expires).

type TrashEntry = Schema<"TrashEntry">;

/** `1.2 MB`-style sizes (powers of 1000, as `du --si` and file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const trashed = (entry: TrashEntry) =>
  `Moved to the trash as ${entry.id}: ${entry.label}, ${entry.file_count} file(s), ${formatBytes(entry.bytes)}; ` +
  `restorable until ${entry.expires_at} (kroma trash restore ${entry.id} -p <slug>)`;

const forceOption = () =>
  new Option("--force", "also delete what is protected: an approved final, a scene's baseline, a referenced upload");

/** `kroma assets rm ID...` */
export function assetRemoveCommand(assets: Command, globals: () => GlobalOptions): void {
  assets
    .command("rm")
    .description("Move assets (and their files) to the project's trash")
    .argument("<asset_ids...>", "the assets")
    .requiredOption("-p, --project <slug>", "project slug")
    .addOption(forceOption())
    .action(async (ids: string[], flags: { project: string; force?: boolean }) => {
      const kroma = apiClient(globals());
      const entries: TrashEntry[] = [];
      for (const id of ids)
        entries.push((await kroma.assets.remove(flags.project, id, { force: flags.force === true })).trash);
      emit(globals(), { ok: true, trash: entries }, () => entries.map(trashed).join("\n"));
    });
}

/** `kroma runs rm RUN_ID` and `kroma runs prune RUN_ID`. */
export function runRemoveCommands(runs: Command, client: () => KromaClient, globals: () => GlobalOptions): void {
  runs
    .command("rm")
    .description("Move a whole run (its files and run log) to the project's trash")
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .addOption(forceOption())
    .action(async (runId: string, flags: { project: string; force?: boolean }) => {
      const result = await client().runs.remove(flags.project, runId, { force: flags.force === true });
      emit(globals(), result, () => trashed(result.trash));
    });

  runs
    .command("prune")
    .description("Move a run's unchosen candidates (or, with --rejected, its rejected jobs' files) to the trash")
    .argument("<run_id>", "the run")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--rejected", "the files of the jobs a review rejected, instead of the unchosen candidates")
    .option("--note <text>", "why (kept with the trash entry)")
    .action(async (runId: string, flags: { project: string; rejected?: boolean; note?: string }) => {
      const result = await client().runs.prune(flags.project, runId, {
        which: flags.rejected ? "rejected" : "unchosen",
        ...(flags.note ? { note: flags.note } : {}),
      });
      emit(globals(), result, () => (result.trash ? trashed(result.trash) : `Nothing to prune in run ${runId}`));
    });
}

/** `kroma trash list|restore|purge`. */
export function trashCommand(program: Command, globals: () => GlobalOptions): void {
  const trash = program.command("trash").description("A project's trash: list, restore, purge");

  trash
    .command("list")
    .description("Entries still restorable (or, with --status, restored or purged ones), newest first")
    .requiredOption("-p, --project <slug>", "project slug")
    .addOption(new Option("--status <status>", "entries in this status").choices(["trashed", "restored", "purged"]))
    .action(async (flags: { project: string; status?: Schema<"TrashEntryStatus"> }) => {
      const result = await apiClient(globals()).trash.list(flags.project, flags.status ? { status: flags.status } : {});
      emit(globals(), result, () =>
        [
          table(
            ["TRASH", "KIND", "FILES", "SIZE", "DELETED", "EXPIRES", "WHAT"],
            result.trash.map((entry) => [
              entry.id,
              entry.kind,
              String(entry.file_count),
              formatBytes(entry.bytes),
              entry.deleted_at,
              entry.expires_at,
              entry.label,
            ]),
          ),
          `${result.total} entr${result.total === 1 ? "y" : "ies"}; ${formatBytes(result.bytes)} in the trash; kept ${result.retention_days} days`,
        ].join("\n"),
      );
    });

  trash
    .command("restore")
    .description("Put an entry's files back where they were and make its records live again")
    .argument("<trash_id>", "the entry")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (trashId: string, flags: { project: string }) => {
      const result = await apiClient(globals()).trash.restore(flags.project, trashId);
      emit(globals(), result, () => `Restored ${result.trash.id}: ${result.trash.label}`);
    });

  trash
    .command("purge")
    .description("Remove trashed files for good: expired entries, unless --id or --all says otherwise")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--id <trash_id...>", "these entries, expired or not")
    .option("--all", "every entry in the trash")
    .action(async (flags: { project: string; id?: string[]; all?: boolean }) => {
      if (flags.id && flags.all) throw new Error("Give --id or --all, not both");
      const result = await apiClient(globals()).trash.purge(flags.project, {
        ...(flags.id ? { trash_ids: flags.id } : {}),
        ...(flags.all ? { all: true } : {}),
      });
      emit(
        globals(),
        result,
        () =>
          `Purged ${result.purged.length} entr${result.purged.length === 1 ? "y" : "ies"}: ${result.files} file(s), ${formatBytes(result.bytes)} freed`,
      );
    });
}

/** `kroma gc`: a report by default; `--apply` moves what it found to the trash. */
export function gcCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("gc")
    .description(
      "Find files no record names and records whose file is gone under outputs/, the stage directories, archive/ and uploads/; reports only (--dry-run, the default) unless --apply",
    )
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--dry-run", "report only (the default)")
    .option("--apply", "move the orphan files and the records with no file to the trash (restorable)")
    .action(async (flags: { project: string; dryRun?: boolean; apply?: boolean }) => {
      if (flags.apply && flags.dryRun) throw new Error("Give --dry-run or --apply, not both");
      const result = await apiClient(globals()).trash.gc(flags.project, { dry_run: flags.apply !== true });
      emit(globals(), result, () => {
        const lines = [
          `Scanned ${result.scanned} file(s).`,
          `Orphan files (no record names them): ${result.orphan_files.length}, ${formatBytes(result.orphan_bytes)}`,
          ...result.orphan_files.map((file) => `  ${file.path}  ${formatBytes(file.bytes)}`),
          `Records whose file is gone: ${result.missing_files.length}`,
          ...result.missing_files.map((file) => `  ${file.asset_id}  ${file.path ?? "-"}`),
          ...(result.skipped.length > 0 ? [`Left alone: ${result.skipped.join(", ")}`] : []),
        ];
        if (result.trash) lines.push(trashed(result.trash));
        else if (result.dry_run)
          lines.push("Dry run: nothing changed. Run again with --apply to move these to the trash.");
        return lines.join("\n");
      });
    });
}

/** `kroma du`: disk use of a project by directory and by run, or of one run. */
export function duCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("du")
    .description("Disk use of a project (by directory and by run), or of one run with --run")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--run <run_id>", "only this run")
    .action(async (flags: { project: string; run?: string }) => {
      const kroma = apiClient(globals());
      if (flags.run) {
        const result = await kroma.runs.diskUsage(flags.project, flags.run);
        const { usage } = result;
        return emit(
          globals(),
          result,
          () =>
            `Run ${usage.run_id}: ${formatBytes(usage.bytes)} in ${usage.files} file(s); ${formatBytes(usage.trashed_bytes)} in the trash`,
        );
      }
      const result = await kroma.diskUsage(flags.project);
      emit(globals(), result, () =>
        [
          `Project ${flags.project}: ${formatBytes(result.total_bytes)} in ${result.files} file(s) (trash ${formatBytes(result.trash_bytes)}, thumbnail cache ${formatBytes(result.cache_bytes)})`,
          "",
          table(
            ["DIRECTORY", "SIZE", "FILES"],
            result.areas.map((a) => [a.area, formatBytes(a.bytes), String(a.files)]),
          ),
          "",
          table(
            ["RUN", "SIZE", "FILES", "IN TRASH"],
            result.runs.map((r) => [r.run_id, formatBytes(r.bytes), String(r.files), formatBytes(r.trashed_bytes)]),
          ),
        ].join("\n"),
      );
    });
}
