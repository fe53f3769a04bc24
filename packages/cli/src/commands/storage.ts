import type { KromaClient, Schema } from "@kroma/sdk";
import { type Command, InvalidArgumentError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions } from "../output.js";

// `kroma storage show|set`: where a project's files live (its local root) and its S3 settings.

type Storage = Schema<"ProjectStorage">;

interface SetFlags {
  project: string;
  baseDir?: string;
  projectRoot?: string;
  s3Enabled?: boolean;
  bucket?: string;
  prefix?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
}

/** `--s3-enabled [true|false]`: a bare flag is true. */
function bool(value: string): boolean {
  if (["true", "1", "yes", "on"].includes(value)) return true;
  if (["false", "0", "no", "off"].includes(value)) return false;
  throw new InvalidArgumentError("give true or false");
}

/** The storage as lines: the resolved root, then the S3 settings ("-" for what is unset). */
function describeStorage(slug: string, storage: Storage): string {
  const { local, s3 } = storage;
  const or = (text: string) => text || "-";
  return [
    `Storage of ${slug}`,
    `  base dir      ${local.base_dir}`,
    `  project root  ${local.project_root}`,
    `  s3            ${s3.enabled ? `enabled: s3://${s3.bucket}/${s3.prefix}/${slug}/` : "disabled"}`,
    `  s3 bucket     ${or(s3.bucket)}`,
    `  s3 prefix     ${or(s3.prefix)}`,
    `  s3 region     ${or(s3.region)}`,
    `  s3 profile    ${or(s3.profile)}`,
    `  s3 endpoint   ${or(s3.endpoint_url)}`,
  ].join("\n");
}

export function storageCommand(program: Command, globals: () => GlobalOptions): void {
  const storage = program
    .command("storage")
    .description("Show or change where a project's files live and its S3 settings");
  const client = () => apiClient(globals());

  storage
    .command("show")
    .description("A project's storage: base dir, resolved project root and S3 settings")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async (flags: { project: string }) => {
      const answer = await client().storage.get(flags.project);
      emit(globals(), answer, () => describeStorage(answer.project.slug, answer.storage));
    });

  storage
    .command("set")
    .description(
      'Change a project\'s local storage (--base-dir, --project-root; "" returns the root to its default) and/or its S3 settings ("" clears one)',
    )
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--base-dir <path>", "directory under which the project's root is <base-dir>/<slug> (local base_dir)")
    .option("--project-root <path>", "the project's own root directory (local project_root)")
    .option("--s3-enabled [bool]", "whether the project syncs to S3 (s3 enabled: true or false)", bool)
    .option("--bucket <name>", "S3 bucket")
    .option("--prefix <prefix>", "S3 key prefix; objects live under <prefix>/<slug>/")
    .option("--region <region>", "S3 region")
    .option("--profile <name>", "AWS profile name")
    .option("--endpoint-url <url>", "endpoint of an S3-compatible server")
    .action(async function (this: Command, flags: SetFlags) {
      const local: Schema<"UpdateLocalStorageRequest"> = {
        ...(flags.baseDir !== undefined ? { base_dir: flags.baseDir } : {}),
        ...(flags.projectRoot !== undefined ? { project_root: flags.projectRoot } : {}),
      };
      const s3: Schema<"UpdateS3StorageRequest"> = {
        ...(flags.s3Enabled !== undefined ? { enabled: flags.s3Enabled } : {}),
        ...(flags.bucket !== undefined ? { bucket: flags.bucket || null } : {}),
        ...(flags.prefix !== undefined ? { prefix: flags.prefix || null } : {}),
        ...(flags.region !== undefined ? { region: flags.region || null } : {}),
        ...(flags.profile !== undefined ? { profile: flags.profile || null } : {}),
        ...(flags.endpointUrl !== undefined ? { endpoint_url: flags.endpointUrl || null } : {}),
      };
      if (Object.keys(local).length === 0 && Object.keys(s3).length === 0) {
        this.error(
          "error: kroma storage set needs a setting to change: --base-dir, --project-root, --s3-enabled, --bucket, --prefix, --region, --profile or --endpoint-url",
          { exitCode: 2, code: "commander.missingMandatoryOptionValue" },
        );
      }
      const kroma: KromaClient = client();
      // Local first: a root the server refuses (409, 403) leaves the S3 settings as they were.
      let answer: Awaited<ReturnType<KromaClient["storage"]["updateLocal"]>> | undefined;
      if (Object.keys(local).length > 0) answer = await kroma.storage.updateLocal(flags.project, local);
      if (Object.keys(s3).length > 0) answer = await kroma.storage.updateS3(flags.project, s3);
      const last = answer as NonNullable<typeof answer>;
      emit(globals(), last, () => describeStorage(last.project.slug, last.storage));
    });
}
