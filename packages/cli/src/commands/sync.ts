import type { S3SyncFile } from "@kroma/server/local";
import { type Command, CommanderError } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";

/**
 * `kroma sync s3 SLUG [--dry-run]`: the project's new or changed files to its S3 storage. It works
 * on the server's database file like `lab ingest` (the sync state and the project's secrets live
 * there; the master key is `KROMA_MASTER_KEY` or `master.key` beside the database), so a long sync
 * prints its progress and is not cut short by an HTTP timeout, and `AWS_ACCESS_KEY_ID` /
 * `AWS_SECRET_ACCESS_KEY` are read from this shell when the project has no `aws/*` secrets.
 * Exits 1 when any file failed (running it again uploads only what is still missing).
 */
export function syncCommand(program: Command, globals: () => GlobalOptions): void {
  const sync = program.command("sync").description("Copy project files to remote storage");
  sync
    .command("s3")
    .description("Upload the project's new or changed files to its S3 storage")
    .argument("<slug>", "project slug")
    .option("--dry-run", "list what would be uploaded; upload and record nothing", false)
    .action(async (slug: string, flags: { dryRun: boolean }) => {
      const server = await import("@kroma/server/local");
      const config = server.loadServerConfig();
      const { result, missing } = await server.withLocalProject(config, slug, (project) =>
        server.syncLocalProject(config, project, {
          dryRun: flags.dryRun,
          onFile: (file) => void process.stderr.write(`${describeFile(file)}\n`),
        }),
      );
      if (!result) throw new Error(`Cannot sync: ${missing}`);
      emit(globals(), { ok: true, sync: result }, () =>
        [
          `${result.dry_run ? "Dry run: " : ""}s3://${result.bucket}/${result.key_prefix}${result.endpoint_url ? ` at ${result.endpoint_url}` : ""}`,
          result.dry_run
            ? `  would upload ${result.would_upload} (${result.bytes_would_upload} bytes), unchanged ${result.skipped}`
            : `  uploaded ${result.uploaded} (${result.bytes_uploaded} bytes), unchanged ${result.skipped}, failed ${result.failed}`,
          table(
            ["FILE", "STATUS", "BYTES", "DETAIL"],
            result.files.map((file) => [
              file.path,
              file.status,
              String(file.size_bytes),
              file.error ?? file.reason ?? "",
            ]),
          ),
        ].join("\n"),
      );
      if (result.failed > 0) {
        throw new CommanderError(1, "kroma.sync.failed", `${result.failed} files failed; run again to retry them`);
      }
    });
}

function describeFile(file: S3SyncFile): string {
  return file.status === "failed"
    ? `failed    ${file.path}: ${file.error}`
    : `uploaded  ${file.path} (${file.size_bytes} bytes)`;
}
