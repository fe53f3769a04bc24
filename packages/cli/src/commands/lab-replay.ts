import {
  effectivePostprocessSettings,
  imageSettingsFromEnv,
  postprocessForLog,
  type ReplayResult,
  replayRun,
} from "@kroma/pipeline";
import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";
import { findProjectRoot, loadRunConfig } from "./lab-context.js";
import { apiRecordSource } from "./record-source.js";

interface ReplayFlags {
  project: string;
  projectRoot?: string;
  manifest?: string;
  dry?: boolean;
}

/**
 * Adds `lab replay RUN_ID` to an existing `lab` command: re-plans a logged run against the
 * current files and manifest and prints whether the plan is identical, else every difference.
 * Exits 1 when anything differs, so scripts can check reproducibility.
 *
 * @example
 * labReplayCommand(program.command("lab"), () => program.opts<GlobalOptions>());
 */
export function labReplayCommand(lab: Command, globals: () => GlobalOptions): void {
  lab
    .command("replay")
    .description(
      "Re-plan a logged run (dry or paid) from <project root>/runs/<RUN_ID>.json against the current files, " +
        "manifest, project records and image settings; print 'identical' or every difference (records, prompts, input sha256, outputs, settings). " +
        "Writes and spends nothing. Exit status 1 when the plan differs.",
    )
    .argument("<run_id>", "the run id, as in runs/<run_id>.json")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--project-root <path>", "project directory (default: the project's storage, from the API)")
    .option(
      "--manifest <path>",
      "pipeline manifest JSON to plan with now (default: the one the layered settings name, else the built-in defaults)",
    )
    .option("--dry", "accepted for symmetry with `lab dry`; replay only ever re-plans")
    .addHelpText(
      "after",
      "\nExit status: 0 when the plan matches the run, 1 when it differs (or on an error).\n" +
        "Image settings come from OPENAI_IMAGE_MODEL/_SIZE/_QUALITY, as for `lab dry`.",
    )
    .action(async (runId: string, flags: ReplayFlags) => {
      const { projectRoot } = await findProjectRoot(flags, globals());
      const config = await loadRunConfig(flags, projectRoot, {});
      const result = await replayRun({
        projectRoot,
        runId,
        manifest: config.manifest,
        ...imageSettingsFromEnv(),
        postprocess: postprocessForLog(effectivePostprocessSettings(config.settings, config.postprocess)),
        // The records the log names, as the API serves them now: a changed one is a difference.
        records: apiRecordSource(apiClient(globals()), flags.project),
      });
      emit(globals(), result, () => describeReplay(result));
      // run() turns a CommanderError into its exit code without printing again: the report said it all.
      if (!result.identical) throw new CommanderError(1, "kroma.replay.differs", "the plan differs from the run");
    });
}

/** "identical: …", or a count and one row per difference. */
export function describeReplay(result: ReplayResult): string {
  if (result.identical) return `identical: the plan matches run ${result.run_id}`;
  const count = result.differences.length;
  return [
    `different: ${count} difference${count === 1 ? "" : "s"} from run ${result.run_id}`,
    "",
    table(
      ["WHAT", "RECORDED", "CURRENT"],
      result.differences.map((difference) => [difference.path, show(difference.recorded), show(difference.current)]),
    ),
  ].join("\n");
}

/** One table cell: strings as they are, absent as `-`, anything else as compact JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "-";
  return typeof value === "string" ? value : JSON.stringify(value);
}
