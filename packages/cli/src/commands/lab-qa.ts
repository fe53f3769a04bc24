import { isAbsolute, relative, resolve, sep } from "node:path";
import {
  type ArchiveBadResult,
  archiveBad,
  archiveStamp,
  defaultQaReportPath,
  loadManifest,
  type OutputGuardSettings,
  type QaReport,
  resolveGuardSettings,
  runQa,
  writeQaReport,
} from "@kroma/pipeline";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { findProjectRoot } from "./lab-context.js";

/** The output guard flags `qa` and `archive-bad` share. */
interface GuardFlags {
  input: string;
  manifest?: string;
  enforceGrayscale?: string | boolean;
  maxChromaDelta?: string;
  failOnChromaExceed?: string | boolean;
}

interface QaFlags extends GuardFlags {
  output?: string;
}

interface ArchiveBadFlags extends GuardFlags {
  projectRoot?: string;
  project?: string;
}

/** Adds the guard options to a command, worded the same for both. */
function guardOptions(command: Command): Command {
  return command
    .requiredOption("--input <path>", "an image, or a directory walked recursively for images")
    .option("--manifest <path>", "pipeline manifest JSON whose output_guard gives the defaults")
    .option("--enforce-grayscale [bool]", "fail images that are not grayscale-like (default: manifest, else false)")
    .option("--max-chroma-delta <n>", "grayscale threshold, a number >= 0 (default: manifest, else 2.0)")
    .option(
      "--fail-on-chroma-exceed [bool]",
      "fail images above the threshold instead of warning (default: manifest, else false)",
    );
}

/** Flags first, then the manifest's output_guard, then the defaults; the guard is always on here. */
async function guardSettings(flags: GuardFlags): Promise<OutputGuardSettings> {
  const manifest = await loadManifest(flags.manifest, { required: flags.manifest !== undefined });
  return resolveGuardSettings(
    {
      enabled: true,
      enforce_grayscale: flags.enforceGrayscale,
      max_chroma_delta: flags.maxChromaDelta,
      fail_on_chroma_exceed: flags.failOnChromaExceed,
    },
    manifest,
  );
}

/**
 * `kroma lab qa` and `kroma lab archive-bad`: the output guard over files already on disk. `qa`
 * is local only; `archive-bad -p` asks the API for the project's root and records the moves there.
 */
export function labQaCommands(lab: Command, globals: () => GlobalOptions): void {
  guardOptions(
    lab
      .command("qa")
      .description(
        "Run the output guard over --input, write a QA report and print a summary; exits 1 when any image has a hard failure",
      ),
  )
    .option("--output <path>", "where to write the report (default: <input dir>/qa_report_<stamp>.json)")
    .addHelpText(
      "after",
      "\nExit codes: 0 when no image has a hard failure (warnings are fine), 1 when any has one\n" +
        "(not_grayscale_like, chroma_exceeds_threshold with --fail-on-chroma-exceed, image_read_failed)\n" +
        "or the command itself fails. The report is written either way.",
    )
    .action(async (flags: QaFlags) => {
      const settings = await guardSettings(flags);
      const report = await runQa(flags.input, settings);
      const reportPath = await writeQaReport(
        report,
        flags.output ?? (await defaultQaReportPath(flags.input, archiveStamp())),
      );
      emit(globals(), report, () => describeQa(report, reportPath));
      // run() turns a CommanderError into its exit code without printing again: the summary said it.
      if (report.summary.hard_failures > 0) {
        throw new CommanderError(1, "kroma.qa.failed", "the output guard found hard failures");
      }
    });

  guardOptions(
    lab
      .command("archive-bad")
      .description(
        "Run the output guard over --input and move every image with a hard failure into <project root>/archive/bad/",
      ),
  )
    .option("-p, --project <slug>", "the project whose asset records follow the moved files (its root from the API)")
    .option("--project-root <path>", "project directory (default with -p: the project's storage, from the API)")
    .addHelpText(
      "after",
      "\nNames are kept; a name already taken in archive/bad/ gets _<stamp> added. Images with only\n" +
        "warnings stay where they are. Nothing is moved when any image lies outside the project root.",
    )
    .action(async (flags: ArchiveBadFlags) => {
      if (!flags.project && !flags.projectRoot) {
        throw new Error("kroma lab archive-bad needs -p SLUG (or --project-root PATH): where the archive goes");
      }
      const projectRoot = flags.project
        ? (await findProjectRoot({ project: flags.project, projectRoot: flags.projectRoot }, globals())).projectRoot
        : resolve(flags.projectRoot ?? ".");
      const result = await archiveBad({
        input: flags.input,
        projectRoot,
        settings: await guardSettings(flags),
        stamp: archiveStamp(),
      });
      const records = await moveRecords(globals(), { projectRoot, slug: flags.project }, result);
      emit(globals(), { ...result, records }, () => `${describeArchiveBad(result)}\n${describeRecords(records)}`);
    });
}

/** What became of the records of the moved files. */
interface MovedRecords {
  slug?: string;
  records: number;
  /** Moves the server did not see on its disk (another machine's files), with why. */
  refused?: { from: string; to: string; reason: string }[];
  missing?: string;
}

/**
 * The asset records naming the moved files follow them over the API (`POST /assets/moves`), so no
 * record names a file that is gone. The server records a move only when its own disk shows it.
 */
async function moveRecords(
  globals: GlobalOptions,
  target: { projectRoot: string; slug?: string | undefined },
  result: ArchiveBadResult,
): Promise<MovedRecords> {
  if (result.moved.length === 0) return { records: 0 };
  if (!target.slug) return { records: 0, missing: "no project named (-p SLUG makes its records follow)" };
  const rel = (path: string) => relative(target.projectRoot, path).split(sep).join("/");
  const moves = result.moved.map((file) => ({ from: rel(file.from), to: rel(file.to) }));
  const { records, refused } = await apiClient(globals).assets.recordMoves(target.slug, moves);
  return { slug: target.slug, records, refused };
}

function describeRecords(records: MovedRecords): string {
  if (records.missing) return `  records   none moved: ${records.missing}`;
  const refused = records.refused?.length
    ? `; ${records.refused.length} move(s) not seen on the server's disk (${records.refused[0]?.reason})`
    : "";
  return `  records   ${records.records} asset record(s) of project ${records.slug ?? "-"} now name the archived files${refused}`;
}

function describeSettings(settings: QaReport["settings"]): string {
  return `enforce_grayscale ${settings.enforce_grayscale}, max_chroma_delta ${settings.max_chroma_delta}, fail_on_chroma_exceed ${settings.fail_on_chroma_exceed}`;
}

/** The human QA summary: counts, settings, where the report went, then one row per image. */
export function describeQa(report: QaReport, reportPath: string): string {
  const { summary } = report;
  return [
    `QA of ${report.input}: ${summary.total_files} image(s), ${summary.hard_failures} with hard failures, ${summary.soft_warnings} with warnings`,
    `  settings  ${describeSettings(report.settings)}`,
    `  report    ${displayPath(reportPath)}`,
    "",
    table(
      ["FILE", "CHROMA DELTA", "GRAYSCALE-LIKE", "FAILURES", "WARNINGS"],
      report.files.map((file) => [
        displayPath(file.file),
        file.chroma_delta.toFixed(4),
        file.grayscale_like ? "yes" : "no",
        file.hard_fail_reasons.join(", ") || "-",
        file.soft_warnings.join(", ") || "-",
      ]),
    ),
  ].join("\n");
}

/** The human archive summary: what moved where, or that nothing had to. */
export function describeArchiveBad(result: ArchiveBadResult): string {
  const { summary } = result.report;
  const settings = `  settings  ${describeSettings(result.report.settings)}`;
  if (result.moved.length === 0) {
    return [
      `No image under ${result.report.input} has a hard failure (${summary.total_files} checked); nothing moved`,
      settings,
    ].join("\n");
  }
  return [
    `Moved ${result.moved.length} of ${summary.total_files} image(s) to ${displayPath(result.archive_dir)}`,
    settings,
    "",
    table(
      ["FROM", "TO", "FAILURES"],
      result.moved.map((file) => [displayPath(file.from), displayPath(file.to), file.hard_fail_reasons.join(", ")]),
    ),
  ].join("\n");
}

/** Paths under the current directory shown relative to it; anything else as it is. */
function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
