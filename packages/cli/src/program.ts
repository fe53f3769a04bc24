import { createRequire } from "node:module";
import { defaultBind } from "@kroma/server";
import { Command, CommanderError } from "commander";
import { projectsCommand } from "./commands/projects.js";
import { serveCommand } from "./commands/serve.js";
import { describeError, type GlobalOptions } from "./output.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** The API a command talks to when `--api-url` is not given: `KROMA_API_URL`, else the server's bind address. */
export function defaultApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.KROMA_API_URL ?? `http://${env.KROMA_BACKEND_BIND ?? defaultBind}`;
}

/** The `kroma` command tree. */
export function createProgram(): Command {
  const program = new Command("kroma")
    .description("Kroma: reproducible, auditable image-generation workflows")
    .version(version)
    .option("--api-url <url>", "Kroma API base URL (env KROMA_API_URL)", defaultApiUrl())
    .option("--token <token>", "API bearer token (env KROMA_API_TOKEN)", process.env.KROMA_API_TOKEN)
    .option("--json", "print machine-readable JSON", false)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const globals = () => program.opts<GlobalOptions>();
  serveCommand(program);
  projectsCommand(program, globals);
  return program;
}

/** Runs the CLI; resolves to the process exit code. Failures print one line to stderr. */
export async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  program.commands.forEach(function override(command: Command): void {
    command.exitOverride();
    command.commands.forEach(override);
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander already printed its own message (usage errors) and help/version output.
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`kroma: ${describeError(error)}\n`);
    return 1;
  }
}
