import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { listInputImages } from "@kroma/pipeline";
import { type Command, CommanderError, Option } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { allOption, allRows, pageLimit } from "../paging.js";
import { uploadFiles } from "./assets.js";
import { pathRule } from "./run-paths.js";

/**
 * `kroma scenes add|list`: puts scene images into a project (uploaded, whatever disk they are
 * on) and lists them, so a run names them by their path in the project (`uploads/scene/...`).
 */
export function scenesCommand(program: Command, globals: () => GlobalOptions): void {
  const scenes = program
    .command("scenes")
    .description("Upload scene images into a project and list them (runs name them by their project path)");

  scenes
    .command("add")
    .description(
      "Upload images (PNG, JPEG, WebP; a directory's images recursively) into the project as scene (default) or reference assets, stored as uploads/<kind>/<sha256>.<ext>; the same bytes again answer the stored asset (--json: { ok, results: [{ file, asset, deduplicated }] })",
    )
    .argument("<files...>", `image files or directories (${pathRule})`)
    .requiredOption("-p, --project <slug>", "project slug")
    .addOption(new Option("--kind <kind>", "what the images are for").choices(["scene", "reference"]).default("scene"))
    .action(async (given: string[], flags: { project: string; kind: "scene" | "reference" }) => {
      const files: string[] = [];
      for (const file of given) files.push(...(await imagesOf(file)));
      await uploadFiles(globals(), files, flags);
    });

  scenes
    .command("list")
    .description("The project's scene assets, newest first (--json: the API's asset list)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--limit <n>", "at most this many (default 100)", pageLimit, 100)
    .addOption(allOption())
    .action(async (flags: { project: string; limit: number; all?: boolean }) => {
      const kroma = apiClient(globals());
      const filters = { asset_kind: "scene" };
      const result = flags.all
        ? await allRows("assets", kroma.assets.iterate(flags.project, filters))
        : await kroma.assets.list(flags.project, { ...filters, limit: flags.limit });
      emit(globals(), result, () =>
        table(
          ["ASSET", "PATH", "SIZE", "SHA256", "NAME"],
          result.assets.map((asset) => [
            asset.id,
            asset.rel_path ?? "-",
            asset.width && asset.height ? `${asset.width}x${asset.height}` : "-",
            asset.sha256?.slice(0, 12) ?? "-",
            asset.original_name ?? "",
          ]),
        ),
      );
    });
}

/** The file itself, or a directory's images (walked recursively); a missing path is a usage error. */
async function imagesOf(given: string): Promise<string[]> {
  const path = resolve(given);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    // A usage error (exit 2), said here: commander's errors print nothing more.
    process.stderr.write(`kroma: ${given}: no such file ${path} (${pathRule})\n`);
    throw new CommanderError(2, "kroma.scenes.missing", `no such file ${path}`);
  }
  return info.isDirectory() ? listInputImages(path) : [given];
}
