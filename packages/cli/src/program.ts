import { createRequire } from "node:module";
import { Command, CommanderError } from "commander";
import { displayUrl, isHttpUrl, resolveApi, urlSourceNames } from "./api-client.js";
import { assetsCommand } from "./commands/assets.js";
import { openCommand } from "./commands/browse.js";
import { completionCommand } from "./commands/completion.js";
import { configCommand } from "./commands/config.js";
import { deliverCommand } from "./commands/deliver.js";
import { doctorCommand } from "./commands/doctor.js";
import { exportsCommand } from "./commands/exports.js";
import { labCommand } from "./commands/lab.js";
import { loginCommands } from "./commands/login.js";
import { namedRecordsCommand } from "./commands/named-records.js";
import { projectsCommand } from "./commands/projects.js";
import { recordsCommand } from "./commands/records.js";
import { pathRuleHelp } from "./commands/run-paths.js";
import { runsCommand } from "./commands/runs.js";
import { scenesCommand } from "./commands/scenes.js";
import { secretsCommand } from "./commands/secrets.js";
import { serveCommand } from "./commands/serve.js";
import { storageCommand } from "./commands/storage.js";
import { syncCommand } from "./commands/sync.js";
import { tokensCommand } from "./commands/tokens.js";
import { duCommand, gcCommand, trashCommand } from "./commands/trash.js";
import { inFlagTerms } from "./flag-errors.js";
import { describeError, type GlobalOptions, redact } from "./output.js";
import { readUserConfig, type UserConfig } from "./user-config.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/**
 * The API a command talks to when `--api-url` is not given: `KROMA_API_URL`, else the URL `kroma
 * login` stored, else the server's bind address (`KROMA_BACKEND_BIND`), else http://127.0.0.1:8788.
 */
export function defaultApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return resolveApi({}, env).apiUrl;
}

/** The global flags as commander parsed them (before the URL and token are resolved). */
interface ParsedGlobals {
  apiUrl?: string;
  token?: string;
  json: boolean;
  quiet: boolean;
  color: boolean;
}

/** The `kroma` command tree. */
export function createProgram(): Command {
  const program = new Command("kroma")
    .description("Kroma: reproducible, auditable image-generation workflows")
    .version(version)
    .option(
      "--api-url <url>",
      "Kroma API base URL (default: KROMA_API_URL, else the `kroma login` server, else KROMA_BACKEND_BIND, else http://127.0.0.1:8788)",
    )
    .option(
      "--token <token>",
      "API bearer token (default: KROMA_API_TOKEN for the KROMA_API_URL or default server; the `kroma login` token for its server)",
    )
    .option("--json", "print machine-readable JSON", false)
    .option("-q, --quiet", "no progress or informational lines on stderr (results and errors still print)", false)
    .option("--no-color", "no colour in the output (also env NO_COLOR)")
    .addHelpText("after", pathRuleHelp)
    .showHelpAfterError("(run with --help for usage)")
    // Subcommands inherit this: commander reports usage errors by throwing, and run() picks the exit code.
    .exitOverride();
  const flagUrl = () => {
    const { apiUrl } = program.opts<ParsedGlobals>();
    return program.getOptionValueSource("apiUrl") === "cli" ? apiUrl : undefined;
  };
  const resolve = (loadConfig?: () => UserConfig) =>
    resolveApi({ apiUrl: flagUrl(), token: program.opts<ParsedGlobals>().token }, process.env, loadConfig);
  let resolved: GlobalOptions | undefined;
  const globals = (): GlobalOptions => {
    if (resolved) return resolved;
    const { json, quiet, color } = program.opts<ParsedGlobals>();
    // See resolveApi for which token goes where: never one meant for another server.
    const { apiUrl, token, urlSource } = resolve();
    if (!isHttpUrl(apiUrl)) {
      throw new Error(
        `the API URL '${displayUrl(apiUrl)}' (from ${urlSourceNames[urlSource]}) is not an http(s) URL: fix it`,
      );
    }
    resolved = { apiUrl, token, json, quiet, color };
    return resolved;
  };
  serveCommand(program);
  loginCommands(program, {
    options: () => {
      const { json, quiet, color } = program.opts<ParsedGlobals>();
      return { json, quiet, color };
    },
    resolve,
    tokenOnCommandLine: () => program.getOptionValueSource("token") === "cli",
  });
  projectsCommand(program, globals);
  recordsCommand(program, globals);
  tokensCommand(program, globals);
  configCommand(program, globals);
  labCommand(program, globals);
  runsCommand(program, globals);
  deliverCommand(program, globals);
  openCommand(program, globals);
  assetsCommand(program, globals);
  scenesCommand(program, globals);
  exportsCommand(program, globals);
  syncCommand(program, globals);
  trashCommand(program, globals);
  gcCommand(program, globals);
  duCommand(program, globals);
  doctorCommand(program, globals);
  namedRecordsCommand(program, globals);
  secretsCommand(program, globals);
  storageCommand(program, globals);
  completionCommand(program);
  return program;
}

/**
 * Commander's errors that mean the command line itself is wrong (exit 2), as against a command
 * that ran and failed (exit 1). `commander.help` is help shown for a missing subcommand.
 */
const usageErrors = new Set([
  "commander.unknownCommand",
  "commander.unknownOption",
  "commander.missingArgument",
  "commander.optionMissingArgument",
  "commander.missingMandatoryOptionValue",
  "commander.invalidArgument",
  "commander.excessArguments",
  "commander.conflictingOption",
  "commander.help",
]);

/**
 * Runs the CLI; resolves to the process exit code: 0 ok, 1 a failure (one line on stderr), 2 a
 * usage error (commander's message, with the nearest command or option when there is one).
 */
export async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  let ran: Command | undefined;
  program.hook("preAction", (_program, actionCommand) => {
    ran = actionCommand;
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander already printed its own message (usage errors) and help/version output.
    if (error instanceof CommanderError) return usageErrors.has(error.code) ? 2 : error.exitCode;
    const { message, usage } = inFlagTerms(describeError(error), ran, (error as { details?: unknown }).details);
    // Whatever the error says, no token it may quote is printed.
    process.stderr.write(`kroma: ${redact(message, knownTokens(program))}\n`);
    return usage ? 2 : 1;
  }
}

/** Every token this command could hold: from --token, KROMA_API_TOKEN and the login config. */
function knownTokens(program: Command): string[] {
  const tokens = [program.opts<ParsedGlobals>().token, process.env.KROMA_API_TOKEN];
  try {
    tokens.push(readUserConfig().token);
  } catch {
    // an unreadable config holds no token this command sent
  }
  return tokens.filter((token): token is string => Boolean(token));
}
