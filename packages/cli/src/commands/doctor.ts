import { resolve } from "node:path";
import {
  type BackendCheck,
  type ConfigProblem,
  checkPostprocessBackends,
  defaultPostprocessConfig,
  effectivePostprocessSettings,
  formatConfigProblem,
  loadPipelineConfig,
  PipelineError,
  type PostprocessConfig,
  type PostprocessSettings,
} from "@kroma/pipeline";
import { type Command, CommanderError } from "commander";
import { emit, type GlobalOptions, table } from "../output.js";
import { checkProviderKeys, type KeyCheck } from "./doctor-keys.js";
import { findProjectRoot } from "./lab-context.js";
import { localProviderKeys } from "./provider-keys.js";

interface DoctorFlags {
  project?: string;
  projectRoot?: string;
  postprocessConfig?: string;
  checkKeys?: boolean;
}

/** A backend check with whether the settings in effect use it. */
export interface DoctorCheck extends BackendCheck {
  /** The settings pick this backend for a stage that is on. */
  selected: boolean;
}

/** What `kroma doctor --json` prints. */
export interface DoctorReport {
  /**
   * Every stage that is on has a backend that can run (background removal: at least one of its
   * list), and with `--check-keys` no configured key failed its live check.
   */
  ok: boolean;
  app_root: string;
  config_problems: ConfigProblem[];
  checks: DoctorCheck[];
  /** `--check-keys` only: each provider's key as a free live request found it. */
  key_checks?: KeyCheck[];
}

/**
 * `kroma doctor`: which post-process backends this machine can run, what the settings in effect
 * select, and how to fix what is missing. Keys are reported present or missing, never shown.
 * `--check-keys` also makes each configured provider's free request (OpenAI's model list,
 * PhotoRoom's and remove.bg's account) with the key in the environment.
 * Exits 1 when the configuration is invalid, a stage that is on has no backend that can run, or a
 * checked key failed (refused, or its provider unreachable).
 */
export function doctorCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("doctor")
    .description(
      "Check which post-process backends are available (sharp, Real-ESRGAN, local/PhotoRoom/remove.bg, OpenAI)",
    )
    .option("-p, --project <slug>", "also read the project's settings (its root from the API)")
    .option(
      "--project-root <path>",
      "also read <path>/.kroma/pipeline.settings.json (instead of asking the API with -p)",
    )
    .option("--postprocess-config <path>", "check this postprocess.json instead of the one the settings name")
    .option(
      "--check-keys",
      "also try the keys in the environment (OPENAI_API_KEY, PHOTOROOM_API_KEY, REMOVE_BG_API_KEY) with each provider's free request: OpenAI's model list, PhotoRoom's and remove.bg's account; nothing is spent",
    )
    .action(async (flags: DoctorFlags) => {
      const projectRoot = flags.project
        ? (await findProjectRoot({ project: flags.project, projectRoot: flags.projectRoot }, globals())).projectRoot
        : flags.projectRoot;
      const report = await runDoctor({ ...flags, projectRoot });
      emit(globals(), report, () => describeDoctor(report));
      if (!report.ok) {
        const keyFailed = report.key_checks?.some(failedKey);
        throw new CommanderError(
          1,
          "kroma.doctor.failed",
          keyFailed ? "a configured API key failed its check" : "a post-process stage that is on cannot run",
        );
      }
    });
}

async function runDoctor(flags: DoctorFlags): Promise<DoctorReport> {
  const appRoot = resolve(process.env.KROMA_APP_ROOT ?? process.cwd());
  const { config, settings, problems } = await loadConfig(appRoot, flags);
  const keys = localProviderKeys(["photoroom", "removebg", "openai"]);
  const checks = (await checkPostprocessBackends({ config, keys, baseDir: appRoot })).map((check) => ({
    ...check,
    selected: isSelected(check, settings),
  }));
  const report: DoctorReport = { ok: false, app_root: appRoot, config_problems: problems, checks };
  report.ok = backendsRunnable(report);
  if (!flags.checkKeys) return report;
  const keyChecks = await checkProviderKeys({ config });
  return { ...report, ok: report.ok && !keyChecks.some(failedKey), key_checks: keyChecks };
}

/** A key that is set but did not connect. */
function failedKey(check: KeyCheck): boolean {
  return check.status === "failed" || check.status === "unreachable";
}

/** The configuration in effect, or the defaults with the problems when it is invalid. */
async function loadConfig(
  appRoot: string,
  flags: DoctorFlags,
): Promise<{ config: PostprocessConfig; settings: PostprocessSettings | undefined; problems: ConfigProblem[] }> {
  try {
    const loaded = await loadPipelineConfig({
      appRoot,
      projectRoot: flags.projectRoot ? resolve(flags.projectRoot) : undefined,
      postprocessConfigPath: flags.postprocessConfig ? resolve(flags.postprocessConfig) : undefined,
    });
    return {
      config: loaded.postprocess,
      settings: effectivePostprocessSettings(loaded.settings, loaded.postprocess),
      problems: [],
    };
  } catch (error) {
    if (!(error instanceof PipelineError) || !error.problems) throw error;
    return { config: defaultPostprocessConfig, settings: undefined, problems: error.problems };
  }
}

function isSelected(check: BackendCheck, settings: PostprocessSettings | undefined): boolean {
  if (!settings) return false;
  if (check.stage === "upscale") return settings.upscale && settings.upscale_backend === check.backend;
  if (check.stage === "bg_remove") {
    return settings.bg_remove && (settings.bg_remove_backends as string[]).includes(check.backend);
  }
  if (check.stage === "bg_refine_openai") return settings.bg_remove && settings.bg_refine_openai;
  return settings.color;
}

/** The human report: one row per backend, then what to do about each missing one. */
export function describeDoctor(report: DoctorReport): string {
  const rows = report.checks.map((check) => [
    check.stage,
    check.backend,
    check.available ? "ok" : "missing",
    check.selected ? "yes" : "",
    check.detail,
  ]);
  const fixes = report.checks
    .filter((check) => !check.available && check.fix)
    .map((check) => `  ${check.stage}/${check.backend}: ${check.fix}`);
  const problems = report.config_problems.map((problem) => `  ${formatConfigProblem(problem)}`);
  return [
    backendsRunnable(report)
      ? "Post-processing: every stage that is on can run"
      : "Post-processing: a stage that is on cannot run",
    `  app root ${report.app_root}`,
    ...(problems.length ? ["", "Configuration problems (run kroma config validate):", ...problems] : []),
    "",
    table(["STAGE", "BACKEND", "STATUS", "SELECTED", "DETAIL"], rows),
    ...(fixes.length ? ["", "To enable:", ...fixes] : []),
    ...(report.key_checks ? ["", describeKeyChecks(report.key_checks)] : []),
  ].join("\n");
}

/**
 * The configuration is valid and every stage that is on has a backend that can run (background
 * removal: at least one of its list). The report's `ok` also counts the key checks.
 */
function backendsRunnable(report: DoctorReport): boolean {
  if (report.config_problems.length > 0) return false;
  const usable = (stage: BackendCheck["stage"]) => {
    const selected = report.checks.filter((check) => check.stage === stage && check.selected);
    return selected.length === 0 || selected.some((check) => check.available);
  };
  return usable("upscale") && usable("bg_remove") && usable("bg_refine_openai");
}

const keyStatusLabels: Record<KeyCheck["status"], string> = {
  connected: "connected",
  failed: "failed",
  unreachable: "unreachable",
  not_configured: "not configured",
};

/** One row per provider: connected with what its answer tells, its own error, or what to set. */
export function describeKeyChecks(checks: readonly KeyCheck[]): string {
  const rows = checks.map((check) => [
    check.provider,
    check.env,
    keyStatusLabels[check.status],
    check.status === "not_configured" ? `(${check.detail})` : check.detail,
  ]);
  const requests = checks.filter((check) => check.request).map((check) => `  ${check.provider}: ${check.request}`);
  const failed = checks.filter(failedKey).map((check) => check.env);
  return [
    "API keys (one free request each, nothing spent):",
    table(["PROVIDER", "KEY", "STATUS", "DETAIL"], rows),
    ...(requests.length ? ["Requests made:", ...requests] : []),
    ...(failed.length ? [`Not connected: ${failed.join(", ")} (a key that is set but fails makes runs fail too)`] : []),
  ].join("\n");
}
