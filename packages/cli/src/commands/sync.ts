import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { projectSlug } from "./projects.js";

/**
 * `kroma sync s3 -p SLUG [--dry-run]`: the server uploads the project's new or changed files to
 * its S3 storage (`POST /storage/s3/sync`), with the project's `aws/*` secrets or the server's own
 * credentials: they never leave the server. Exits 1 when any file failed (running it again
 * uploads only what is still missing).
 */
export function syncCommand(program: Command, globals: () => GlobalOptions): void {
  const sync = program.command("sync").description("Copy project files to remote storage");
  sync
    .command("s3")
    .description("Upload the project's new or changed files to its S3 storage (the server does it)")
    .argument("[slug]", "project slug (or -p)")
    .option("-p, --project <slug>", "project slug")
    .option("--dry-run", "list what would be uploaded; upload and record nothing", false)
    .action(async function (
      this: Command,
      positional: string | undefined,
      flags: { project?: string; dryRun: boolean },
    ) {
      const slug = projectSlug(this, positional, flags.project);
      const { sync: result } = await apiClient(globals()).storage.syncS3(slug, { dry_run: flags.dryRun });
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
