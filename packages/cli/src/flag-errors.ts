import type { Command } from "commander";

/** Request fields whose flag is not the field's name with `-` for `_`. */
const renamedFields: Record<string, string> = { max_spend_usd: "--max-spend" };

/** The command's long flag for a request field (`scene_refs` -> `--scene-refs`), if it has one. */
function flagFor(command: Command, field: string): string | undefined {
  const flag = renamedFields[field] ?? `--${field.replaceAll("_", "-")}`;
  return command.options.some((option) => option.long === flag || option.long === `--no-${flag.slice(2)}`)
    ? flag
    : undefined;
}

/**
 * A failure's message in the words of the command line: each `Field 'name'` the pipeline or the
 * server wrote (they speak in request fields) becomes the flag of `command` that sets it. When
 * one did, the failure was the command line's: `usage` is true (exit 2), and the message ends by
 * saying where the flags are described.
 *
 * @example
 * inFlagTerms("Field 'candidates' (9) exceeds max_candidates (6)", labDry);
 * // { message: "--candidates (9) exceeds max_candidates (6)\n(run with --help for usage)", usage: true }
 */
export function inFlagTerms(
  message: string,
  command: Command | undefined,
  details?: unknown,
): { message: string; usage: boolean } {
  if (!command) return { message, usage: false };
  let usage = false;
  const toFlag = (text: string, field: string) => {
    const flag = flagFor(command, field);
    if (!flag) return text;
    usage = true;
    return flag;
  };
  let named = message.replace(/Field '([a-z][a-z0-9_]*)'/g, toFlag);
  // A failure naming several fields lists them bare ("Provide one of: input, scene_refs").
  const { fields } = (details ?? {}) as { fields?: unknown };
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (typeof field === "string") named = named.replace(new RegExp(`\\b${field}\\b`), (text) => toFlag(text, field));
    }
  }
  return usage ? { message: `${named}\n(run with --help for usage)`, usage } : { message, usage };
}
