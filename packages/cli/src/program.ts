import { createRequire } from "node:module";
import { defaultBaseUrl } from "@kroma/sdk";
import { Command, CommanderError } from "commander";
import { assetsCommand } from "./commands/assets.js";
import { openCommand } from "./commands/browse.js";
import { completionCommand } from "./commands/completion.js";
import { configCommand } from "./commands/config.js";
import { deliverCommand } from "./commands/deliver.js";
import { doctorCommand } from "./commands/doctor.js";
import { exportsCommand } from "./commands/exports.js";
import { labCommand } from "./commands/lab.js";
import { namedRecordsCommand } from "./commands/named-records.js";
import { projectsCommand } from "./commands/projects.js";
import { recordsCommand } from "./commands/records.js";
import { runsCommand } from "./commands/runs.js";
import { secretsCommand } from "./commands/secrets.js";
import { serveCommand } from "./commands/serve.js";
import { storageCommand } from "./commands/storage.js";
import { syncCommand } from "./commands/sync.js";
import { tokensCommand } from "./commands/tokens.js";
import { duCommand, gcCommand, trashCommand } from "./commands/trash.js";
import { inFlagTerms } from "./flag-errors.js";
import { describeError, type GlobalOptions } from "./output.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** The API a command talks to when `--api-url` is not given: `KROMA_API_URL`, else the server's bind address. */
export function defaultApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KROMA_API_URL) return env.KROMA_API_URL;
  return env.KROMA_BACKEND_BIND ? `http://${env.KROMA_BACKEND_BIND}` : defaultBaseUrl;
}

/** The `kroma` command tree. */
export function createProgram(): Command {
  const program = new Command("kroma")
    .description("Kroma: reproducible, auditable image-generation workflows")
    .version(version)
    .option("--api-url <url>", "Kroma API base URL (env KROMA_API_URL)", defaultApiUrl())
    .option("--token <token>", "API bearer token (env KROMA_API_TOKEN, sent only to the server KROMA_API_URL names)")
    .option("--json", "print machine-readable JSON", false)
    .showHelpAfterError("(run with --help for usage)")
    // Subcommands inherit this: commander reports usage errors by throwing, and run() picks the exit code.
    .exitOverride();
  const globals = (): GlobalOptions => {
    const options = program.opts<GlobalOptions>();
    // KROMA_API_TOKEN is for the server KROMA_API_URL (or the default) names: a server picked with
    // --api-url gets only a --token given with it, never the environment's.
    const fromEnv = program.getOptionValueSource("apiUrl") === "cli" ? undefined : process.env.KROMA_API_TOKEN;
    return { ...options, token: options.token ?? (fromEnv || undefined) };
  };
  serveCommand(program);
  projectsCommand(program, globals);
  recordsCommand(program, globals);
  tokensCommand(program, globals);
  configCommand(program, globals);
  labCommand(program, globals);
  runsCommand(program, globals);
  deliverCommand(program, globals);
  openCommand(program, globals);
  assetsCommand(program, globals);
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
    process.stderr.write(`kroma: ${message}\n`);
    return usage ? 2 : 1;
  }
}
