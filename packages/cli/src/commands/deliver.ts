import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { unzipSync } from "fflate";
import { apiClient } from "../api-client.js";
import { sha256, writeAtomically } from "../files.js";
import { emit, type GlobalOptions } from "../output.js";

interface DeliverFlags {
  project: string;
  run?: string;
  latestApproved?: boolean;
  output: string;
}

interface ManifestFile {
  file: string;
  sha256: string;
  job_key: string;
  run_id: string;
}

/**
 * `kroma deliver`: the approved finals of a run (or the latest approved per scene) from the
 * server, checked file by file against the manifest, written as a zip or unpacked into a folder.
 */
export function deliverCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("deliver")
    .description("Download the approved finals (with manifest.json) as a .zip, or unpacked into a folder")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--run <run_id>", "the approved finals of this run")
    .option("--latest-approved", "the latest approved final of every scene")
    .requiredOption("-o, --output <path>", "FILE.zip, or a folder to unpack into (relative to the current directory)")
    .action(async (flags: DeliverFlags) => {
      if (Boolean(flags.run) === Boolean(flags.latestApproved)) {
        throw new Error("Give exactly one of --run RUN_ID or --latest-approved");
      }
      const output = resolve(flags.output);
      const asZip = output.toLowerCase().endsWith(".zip");
      if (asZip && existsSync(output)) throw new Error(`${flags.output} exists: choose another -o or remove it`);
      const body = flags.run ? { run_id: flags.run } : { latest_approved: true };
      const zip = await apiClient(globals()).deliveries.create(flags.project, body);
      const files = verify(zip);
      if (asZip) await writeAtomically(output, zip);
      else await unpack(output, unzipSync(zip));
      const summary = { output, files: files.length, sha256: sha256(zip), verified: true };
      emit(
        globals(),
        summary,
        () => `Delivered ${files.length} file(s) to ${flags.output} (each sha256 checked against manifest.json)`,
      );
    });
}

/** Every file the manifest lists is in the zip with its sha256, and the zip holds nothing else. */
function verify(zip: Uint8Array): ManifestFile[] {
  const entries = unzipSync(zip);
  const manifestBytes = entries["manifest.json"];
  if (!manifestBytes) throw new Error("The delivery has no manifest.json");
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { files: ManifestFile[] };
  for (const file of manifest.files) {
    const bytes = entries[file.file];
    if (!bytes) throw new Error(`The delivery lacks ${file.file} (job ${file.job_key} of run ${file.run_id})`);
    if (sha256(bytes) !== file.sha256) throw new Error(`${file.file} does not match its sha256 in manifest.json`);
  }
  const listed = new Set([...manifest.files.map((file) => file.file), "manifest.json"]);
  const extra = Object.keys(entries).filter((name) => !listed.has(name));
  if (extra.length > 0) throw new Error(`The delivery holds files its manifest does not list: ${extra.join(", ")}`);
  return manifest.files;
}

async function unpack(dir: string, entries: Record<string, Uint8Array>): Promise<void> {
  for (const [name, bytes] of Object.entries(entries)) {
    // Names come from the server's manifest; one that would leave the folder is refused.
    const target = resolve(dir, name);
    if (!target.startsWith(`${resolve(dir)}/`))
      throw new Error(`Refusing a delivery entry outside the folder: ${name}`);
    await writeAtomically(target, bytes);
  }
}
