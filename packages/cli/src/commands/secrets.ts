import { type Command, CommanderError } from "commander";
import { apiClient } from "../api-client.js";
import { emit, type GlobalOptions, table } from "../output.js";

// `kroma secrets set|list|delete`: a project's provider secrets. A value is read from stdin or a
// hidden prompt, never from the command line (where shell history and `ps` would keep it), and
// nothing here ever prints one: the API answers with names, timestamps and a masked hint only.

/** `openai/api_key` -> its provider code and name; undefined when it is not of that form. */
function parseRef(ref: string): { provider: string; name: string } | undefined {
  const match = /^([A-Za-z0-9][\w.-]{0,63})\/([A-Za-z0-9][\w.-]{0,127})$/.exec(ref);
  return match ? { provider: match[1] as string, name: match[2] as string } : undefined;
}

/**
 * A usage error (exit 2) in words of our own: commander's would quote the offending argument,
 * and on this command that argument may well be the secret.
 */
function usage(command: Command, message: string): never {
  command.error(`error: ${message}`, { exitCode: 2, code: "commander.excessArguments" });
}

/** The ref, checked; its text is never quoted back (it may be a value typed in the wrong place). */
function refOf(command: Command, ref: string, verb: string): { provider: string; name: string } {
  const parsed = parseRef(ref);
  if (!parsed) {
    usage(
      command,
      `kroma secrets ${verb} takes PROVIDER/NAME (e.g. openai/api_key): give the provider code and the secret's name`,
    );
  }
  return parsed;
}

/** Everything piped on stdin, less one trailing newline (what `echo` and most files end with). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Asks on stderr and reads a line from the terminal with echo off; Ctrl-C cancels (exit 130). */
function hiddenPrompt(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          finish();
          return resolve(value);
        }
        if (char === "\u0003") {
          finish();
          return reject(new CommanderError(130, "kroma.canceled", "canceled"));
        }
        if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    input.on("data", onData);
  });
}

export function secretsCommand(program: Command, globals: () => GlobalOptions): void {
  const secrets = program
    .command("secrets")
    .description("Set, list and delete a project's provider secrets (values are never shown)");
  const client = () => apiClient(globals());

  secrets
    .command("set")
    .description(
      "Store a secret, or replace it: the value from stdin when it is piped, else from a hidden prompt (never an argument)",
    )
    .argument("<provider/name>", "provider code and secret name, e.g. openai/api_key or aws/access_key_id")
    .requiredOption("-p, --project <slug>", "project slug")
    // Checked below with messages that never quote what was typed: it may be the secret.
    .allowExcessArguments()
    .allowUnknownOption()
    .action(async function (this: Command, ref: string, flags: { project: string }) {
      if (this.args.length > 1) {
        usage(
          this,
          `kroma secrets set takes only PROVIDER/NAME and -p (what else was given is not repeated here: it may be the secret); the value is never on the command line: pipe it (printf %s "$KEY" | kroma secrets set ${parseRef(ref) ? ref : "PROVIDER/NAME"} -p ${flags.project}) or type it at the prompt`,
        );
      }
      const { provider, name } = refOf(this, ref, "set");
      const value = process.stdin.isTTY ? await hiddenPrompt(`Value for ${provider}/${name}: `) : await readStdin();
      if (value.trim() === "") {
        throw new Error(
          `The value for ${provider}/${name} is empty: pipe the value on stdin or type it at the prompt (nothing was stored)`,
        );
      }
      const answer = await client().secrets.upsert(flags.project, {
        provider_code: provider,
        secret_name: name,
        secret_value: value,
      });
      const { secret } = answer;
      emit(
        globals(),
        answer,
        () => `Secret ${secret.provider_code}/${secret.secret_name} saved (${secret.hint}, key ${secret.key_id})`,
      );
    });

  secrets
    .command("list")
    .description("A project's secrets: names, masked hints and timestamps, never values")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--all", "every secret (the API lists them all in one answer)")
    .action(async (flags: { project: string }) => {
      const answer = await client().secrets.list(flags.project);
      emit(globals(), answer, () =>
        table(
          ["SECRET", "HINT", "KEY", "CREATED", "UPDATED"],
          answer.secrets.map((s) => [
            `${s.provider_code}/${s.secret_name}`,
            s.hint,
            s.key_id,
            s.created_at,
            s.updated_at,
          ]),
        ),
      );
    });

  secrets
    .command("delete")
    .alias("rm")
    .description("Delete a secret")
    .argument("<provider/name>", "provider code and secret name, e.g. openai/api_key")
    .requiredOption("-p, --project <slug>", "project slug")
    .action(async function (this: Command, ref: string, flags: { project: string }) {
      const { provider, name } = refOf(this, ref, "delete");
      const answer = await client().secrets.remove(flags.project, provider, name);
      emit(globals(), answer, () => `Deleted secret ${answer.provider_code}/${answer.secret_name}`);
    });
}
