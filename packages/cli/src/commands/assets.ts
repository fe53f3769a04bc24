import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { KromaClient, UploadAssetResult } from "@kroma/sdk";
import { type Command, Option } from "commander";
import { apiClient } from "../api-client.js";
import { describeError, emit, type GlobalOptions } from "../output.js";
import { assetBrowseCommands } from "./browse.js";
import { assetRemoveCommand } from "./trash.js";

interface AddFlags {
  project: string;
  kind: "scene" | "reference";
}

type Outcome = { file: string } & ({ ok: true; result: UploadAssetResult } | { ok: false; error: string });

/** `kroma assets add FILE...`: uploads images to a project as scene or reference assets. */
export function assetsCommand(program: Command, globals: () => GlobalOptions): void {
  const assets = program
    .command("assets")
    .description("Upload images to a project as assets; list and download assets");
  assetBrowseCommands(assets, globals);
  assetRemoveCommand(assets, globals);

  assets
    .command("add")
    .description(
      "Upload images (PNG, JPEG, WebP) as scene or reference assets; the same bytes again answer the stored asset",
    )
    .argument("<files...>", "image files")
    .requiredOption("-p, --project <slug>", "project slug")
    .addOption(
      new Option("--kind <kind>", "what the images are for").choices(["scene", "reference"]).makeOptionMandatory(),
    )
    .action((files: string[], flags: AddFlags) => uploadFiles(globals(), files, flags));
}

/**
 * Uploads one image file to the project as a `kind` asset, streamed from disk; the same bytes
 * again answer the stored asset.
 */
export async function uploadImage(
  client: KromaClient,
  project: string,
  kind: "scene" | "reference",
  file: string,
): Promise<UploadAssetResult> {
  // Checked first: a stream that fails mid-request would read as a network error.
  if (!(await stat(file)).isFile()) throw new Error("not a regular file");
  const stream = Readable.toWeb(createReadStream(file)) as WebReadableStream<Uint8Array>;
  return client.assets.upload(project, { kind, file: stream as ReadableStream<Uint8Array>, name: basename(file) });
}

/**
 * Uploads each file (`kroma assets add`, `kroma scenes add`), one at a time, and prints what each
 * became: `--json` `{ ok, results: [{ file, asset, deduplicated } | { file, ok: false, error }] }`.
 * A failure leaves the others uploaded, and fails the command once all were tried.
 */
export async function uploadFiles(globals: GlobalOptions, files: string[], flags: AddFlags): Promise<void> {
  const client = apiClient(globals);
  const outcomes: Outcome[] = [];
  for (const file of files) {
    try {
      outcomes.push({ file, ok: true, result: await uploadImage(client, flags.project, flags.kind, file) });
    } catch (error) {
      outcomes.push({ file, ok: false, error: describeError(error) });
      process.stderr.write(`kroma: ${file}: ${describeError(error)}\n`);
    }
  }
  const failed = outcomes.filter((outcome) => !outcome.ok);
  // Without --json and without a single upload, stderr has said it all.
  if (globals.json || failed.length < outcomes.length)
    emit(
      globals,
      {
        ok: failed.length === 0,
        results: outcomes.map((o) =>
          o.ok ? { file: o.file, asset: o.result.asset, deduplicated: o.result.deduplicated } : o,
        ),
      },
      () => outcomes.flatMap((o) => (o.ok ? [line(o.file, o.result)] : [])).join("\n"),
    );
  if (failed.length > 0) throw new Error(`${failed.length} of ${files.length} file(s) failed to upload`);
}

/** `<asset id>  <sha256, short>  new|deduplicated  <file>` */
function line(file: string, { asset, deduplicated }: UploadAssetResult): string {
  return `${asset.id}  ${(asset.sha256 ?? "").slice(0, 12)}  ${deduplicated ? "deduplicated" : "new"}  ${file}`;
}
