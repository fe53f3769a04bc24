import { resolve } from "node:path";
import type { Command } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";

/**
 * `kroma export SLUG` and `kroma import BUNDLE`. Both work on the database file the server uses
 * (`KROMA_BACKEND_DB` under `KROMA_APP_ROOT`) and the files under the app root, like `lab ingest`:
 * a bundle is a local file that can be far larger than an API request, writing or restoring one
 * can take longer than an HTTP client waits, and a restore must work on a machine where no server
 * runs yet. A running server sees the changes on its next request.
 */
export function exportsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("export")
    .description("Write a project's records (and with --include-files its files) to a .tar.gz bundle")
    .argument("<slug>", "project slug")
    .option("--include-files", "put the project's files in the bundle too", false)
    .option(
      "--output <path>",
      "bundle path: relative to the project root, or var/exports/... under the app root (default <project root>/exports/<slug>_<stamp>.tar.gz)",
    )
    .action(async (slug: string, flags: { includeFiles: boolean; output?: string }) => {
      const server = await import("@kroma/server/local");
      const config = server.loadServerConfig();
      process.stderr.write(`Exporting ${slug}${flags.includeFiles ? " with its files" : ""}...\n`);
      const { result, missing } = await server.withLocalProject(config, slug, (project) =>
        server.exportLocalProject(config, project, { includeFiles: flags.includeFiles, output: flags.output }),
      );
      if (!result) throw new Error(`Cannot export: ${missing}`);
      const record = result.export;
      emit(
        globals(),
        {
          ok: true,
          export: record,
          export_path: result.path,
          export_sha256: result.sha256,
          export_asset_id: result.assetId,
        },
        () => {
          const summary = record.manifest_json;
          const counts = Object.entries(summary?.counts ?? {})
            .filter(([, n]) => n > 0)
            .map(([kind, n]) => `${n} ${kind}`)
            .join(", ");
          return [
            `Exported ${slug} to ${result.path}`,
            `  size     ${record.file_size_bytes} bytes`,
            `  sha256   ${result.sha256}`,
            `  records  ${counts || "none"}`,
            `  files    ${summary?.files ?? 0} (${summary?.files_bytes ?? 0} bytes)${summary?.skipped.length ? `, ${summary.skipped.length} skipped (symlinks, special files)` : ""}`,
          ].join("\n");
        },
      );
    });

  program
    .command("import")
    .description("Restore a bundle into a new project, after verifying every file's sha256")
    .argument("<bundle>", "the .tar.gz bundle (from kroma export)")
    .option("--slug <slug>", "the new project's slug (default: the bundle's; an existing slug is refused)")
    .action(async (bundle: string, flags: { slug?: string }) => {
      const { importLocalBundle, loadServerConfig } = await import("@kroma/server/local");
      const config = loadServerConfig();
      // The import leases its staging directory, so a server beside it leaves the directory
      // alone, and removes it if this command is killed.
      const imported = await importLocalBundle(config, { bundlePath: resolve(bundle), slug: flags.slug });
      emit(globals(), { ok: true, import: imported }, () =>
        [
          `Imported ${imported.project.slug} into ${imported.project_root} (database ${config.dbPath})`,
          `  files ${imported.files} (${imported.files_bytes} bytes), every sha256 verified`,
          `  ids   ${imported.ids_remapped ? "new (some were taken in this database; references rewritten)" : "kept"}`,
          table(
            ["RECORDS", "COUNT"],
            Object.entries(imported.counts)
              .filter(([, n]) => n > 0)
              .map(([kind, n]) => [kind, String(n)]),
          ),
          imported.secrets_to_set.length
            ? `Secret values never travel in a bundle; set them again: ${imported.secrets_to_set.join(", ")}`
            : undefined,
        ]
          .filter((line) => line !== undefined)
          .join("\n"),
      );
    });
}
