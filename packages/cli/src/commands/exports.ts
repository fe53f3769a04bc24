import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { KromaClient, Schema } from "@kroma/sdk";
import type { Command } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, info, table } from "../output.js";
import { projectSlug } from "./projects.js";

type ProjectImport = Schema<"ProjectImport">;

/**
 * `kroma export SLUG` and `kroma import BUNDLE`, through the API of the server `--api-url` (or
 * `KROMA_API_URL`) names: the export is written where that server keeps it (and with `--download`
 * fetched here through the asset file route, its sha256 checked); the import uploads the bundle
 * as a stream, and the server verifies it whole before creating anything. `kroma import --db FILE`
 * is the offline restore: it opens that database file itself (no server needed, e.g. on a machine
 * where none runs yet) and says which file it opened.
 */
export function exportsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("export")
    .description("Write a project's records (and with --include-files its files) to a .tar.gz bundle on the server")
    .argument("[slug]", "project slug (or -p)")
    .option("-p, --project <slug>", "project slug")
    .option("--include-files", "put the project's files in the bundle too", false)
    .option(
      "--output <path>",
      "bundle path on the server: relative to the project root, or var/exports/... under the app root (default <project root>/exports/<slug>_<stamp>.tar.gz)",
    )
    .option(
      "--download <path>",
      "also fetch the bundle to this path (relative to the current directory), sha256 checked",
    )
    .action(async function (
      this: Command,
      positional: string | undefined,
      flags: { project?: string; includeFiles: boolean; output?: string; download?: string },
    ) {
      const slug = projectSlug(this, positional, flags.project);
      const client = apiClient(globals());
      // Before the export: a download that cannot be written should not leave a bundle behind unasked.
      const download = flags.download === undefined ? undefined : resolve(flags.download);
      if (download !== undefined && existsSync(download)) {
        throw new Error(`Cannot download the bundle: ${download} already exists`);
      }
      info(globals(), `Exporting ${slug}${flags.includeFiles ? " with its files" : ""}...`);
      const result = await client.exports.create(slug, { include_files: flags.includeFiles, output: flags.output });
      if (download !== undefined) {
        await downloadBundle(client, slug, result, download);
        info(globals(), `Downloaded the bundle to ${download} (sha256 verified)`);
      }
      const record = result.export;
      emit(globals(), result, () => {
        const summary = record.manifest_json;
        const counts = Object.entries(summary?.counts ?? {})
          .filter(([, n]) => n > 0)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(", ");
        return [
          `Exported ${slug} to ${result.export_path}${download === undefined ? "" : ` (downloaded to ${download})`}`,
          `  size     ${record.file_size_bytes} bytes`,
          `  sha256   ${result.export_sha256}`,
          `  records  ${counts || "none"}`,
          `  files    ${summary?.files ?? 0} (${summary?.files_bytes ?? 0} bytes)${summary?.skipped.length ? `, ${summary.skipped.length} skipped (symlinks, special files)` : ""}`,
        ].join("\n");
      });
    });

  program
    .command("import")
    .description(
      "Restore a bundle into a new project (uploaded to the server, or with --db offline), every sha256 verified",
    )
    .argument("<bundle>", "the .tar.gz bundle (from kroma export)")
    .option("--slug <slug>", "the new project's slug (default: the bundle's; an existing slug is refused)")
    .option(
      "--db <path>",
      "restore offline straight into this database file (created if missing) instead of calling the API; files go under KROMA_APP_ROOT (default: the current directory)",
    )
    .action(async (bundle: string, flags: { slug?: string; db?: string }) => {
      const bundlePath = resolve(bundle);
      const found = await stat(bundlePath).catch(() => undefined);
      if (!found?.isFile()) throw new Error(`Cannot import: ${bundlePath} is not a file`);
      let imported: ProjectImport;
      let where: string;
      if (flags.db !== undefined) {
        const { importLocalBundle, loadServerConfig } = await import("@kroma/server/local");
        const config = loadServerConfig({ db: resolve(flags.db) });
        process.stderr.write(
          `Opening database ${config.dbPath}${existsSync(config.dbPath) ? "" : " (new)"}; project files under ${config.appRoot}\n`,
        );
        // The import leases its staging directory, so a server beside it leaves the directory
        // alone, and removes it if this command is killed.
        imported = await importLocalBundle(config, { bundlePath, slug: flags.slug });
        where = `database ${config.dbPath}`;
      } else {
        const client = apiClient(globals());
        ({ import: imported } = await client.exports.import(createReadStream(bundlePath), { slug: flags.slug }));
        where = `server ${client.baseUrl}`;
      }
      emit(globals(), { ok: true, import: imported }, () => describeImport(imported, where));
    });
}

function describeImport(imported: ProjectImport, where: string): string {
  return [
    `Imported ${imported.project.slug} into ${imported.project_root} (${where})`,
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
    .join("\n");
}

/**
 * Streams the export's bundle (its asset, through `GET /assets/{id}/file`) to `target`, a new file
 * (never overwriting one), hashing it on the way; a sha256 other than the export's, or any
 * failure, removes the file again.
 */
async function downloadBundle(
  client: KromaClient,
  slug: string,
  result: Schema<"ExportCreatedResponse">,
  target: string,
): Promise<void> {
  const body = await client.assets.downloadStream(slug, result.export_asset_id);
  const file = await open(target, "wx", 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Cannot download the bundle to ${target}: ${error.code ?? error.message}`);
  });
  const hash = createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), hashing, file.createWriteStream());
    const sha256 = hash.digest("hex");
    if (sha256 !== result.export_sha256) {
      throw new Error(`The downloaded bundle's sha256 ${sha256} is not the export's ${result.export_sha256}`);
    }
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}
