import { isAbsolute, relative, resolve } from "node:path";
import {
  formatConfigProblem,
  listResolvedSettings,
  type PipelineConfigValidation,
  validatePipelineConfig,
} from "@kroma/pipeline";
import { type Command, CommanderError } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";

interface ValidateFlags {
  appRoot?: string;
  projectRoot?: string;
  manifest?: string;
  postprocessConfig?: string;
}

/** `kroma config ...`: local configuration checks; nothing here talks to the API. */
export function configCommand(program: Command, globals: () => GlobalOptions): void {
  const config = program.command("config").description("Check the pipeline configuration (no API needed)");

  config
    .command("validate")
    .description(
      "Validate the layered pipeline settings, the manifest and postprocess.json; list every problem and the settings in effect",
    )
    .option("--app-root <path>", "directory holding config/ (default: the current directory)")
    .option("--project-root <path>", "also read <path>/.kroma/pipeline.settings.json")
    .option("--manifest <path>", "check this manifest instead of the one the settings name")
    .option("--postprocess-config <path>", "check this postprocess.json instead of the one the settings name")
    .action(async (flags: ValidateFlags) => {
      // Paths typed on the command line are relative to where the user is, not to the app root.
      const fromCwd = (path: string | undefined) => (path === undefined ? undefined : resolve(path));
      const result = await validatePipelineConfig({
        appRoot: resolve(flags.appRoot ?? "."),
        projectRoot: fromCwd(flags.projectRoot),
        manifestPath: fromCwd(flags.manifest),
        postprocessConfigPath: fromCwd(flags.postprocessConfig),
        overridesLabel: "command line",
      });
      emit(globals(), result, () => renderValidation(result));
      // run() turns a CommanderError into its exit code without printing again: the report is the message.
      if (!result.ok) throw new CommanderError(1, "kroma.config.invalid", "pipeline configuration is invalid");
    });
}

/** The human report: problems first (what to fix), then the files read and the settings in effect. */
export function renderValidation(result: PipelineConfigValidation): string {
  const { problems, settings } = result;
  const files: [string, string | null, string][] = [
    ["app settings", settings.app_settings_path, loadedLabel(result.app_settings_loaded, settings.app_settings_path)],
    [
      "project settings",
      settings.project_settings_path,
      loadedLabel(result.project_settings_loaded, settings.project_settings_path),
    ],
    ["manifest", result.resolved_manifest_path, result.manifest_loaded ? "loaded" : fileState(result, "manifest")],
    [
      "postprocess config",
      result.resolved_postprocess_config_path,
      result.postprocess_config_loaded ? "loaded" : fileState(result, "postprocess"),
    ],
  ];
  if (result.color_settings_path) files.push(["color settings", result.color_settings_path, ""]);
  const rows = listResolvedSettings(settings).map((row) => [
    row.key,
    formatValue(row.value),
    row.source,
    row.file ? displayPath(row.file) : "",
  ]);
  return [
    problems.length === 0
      ? "Pipeline configuration is valid."
      : [
          `${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
          ...problems.map((problem) => `  ${formatConfigProblem({ ...problem, file: displayPath(problem.file) })}`),
        ].join("\n"),
    "",
    "Files:",
    ...files.map(([label, path, state]) =>
      `  ${label.padEnd(20)}${path ? displayPath(path) : "(none)"}${state ? ` (${state})` : ""}`.trimEnd(),
    ),
    "",
    "Settings in effect:",
    table(["KEY", "VALUE", "SOURCE", "FILE"], rows),
  ].join("\n");
}

function loadedLabel(loaded: boolean, path: string | null): string {
  if (path === null) return "";
  return loaded ? "loaded" : "not loaded";
}

/** Not loaded: present with problems, absent where a layer named it, or absent at the default path (fine). */
function fileState(result: PipelineConfigValidation, which: "manifest" | "postprocess"): string {
  const path = which === "manifest" ? result.resolved_manifest_path : result.resolved_postprocess_config_path;
  if (result.problems.some((problem) => problem.file === path)) return "has problems";
  const key = which === "manifest" ? "pipeline.manifest_path" : "pipeline.postprocess_config_path";
  return result.settings.sources[key].source === "default" ? "not found, defaults apply" : "not found";
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "string") return displayPath(value);
  return String(value);
}

/** Paths under the current directory shown relative to it; anything else as it is. */
function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
