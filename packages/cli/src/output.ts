import { KromaApiError } from "@kroma/sdk";
import { ApiUnreachableError } from "./api-client.js";

/** Global flags every command sees. */
export interface GlobalOptions {
  apiUrl: string;
  token?: string;
  json: boolean;
  /** `-q/--quiet`: no progress and no informational lines on stderr (results and errors still print). */
  quiet?: boolean;
  /** False for `--no-color`; `NO_COLOR` is read by `useColor`. */
  color?: boolean;
}

/** Prints `value` as JSON when `--json` was given, otherwise the human rendering. */
export function emit(options: Pick<GlobalOptions, "json">, value: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Aligned columns with a header row; empty lists say so. */
export function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return "(none)";
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/**
 * Whether to colour what goes to `stream`: not with `--no-color`, not when `NO_COLOR` is set to
 * anything but the empty string (https://no-color.org), not for `TERM=dumb`, and only on a terminal.
 */
export function useColor(
  options: Pick<GlobalOptions, "color">,
  stream: { isTTY?: boolean } = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (options.color === false || env.NO_COLOR || env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

const styles = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39] } as const;

/** `text` in `style` when `useColor` allows it for `stream`, else `text` unchanged. */
export function paint(
  options: Pick<GlobalOptions, "color">,
  style: keyof typeof styles,
  text: string,
  stream: { isTTY?: boolean } = process.stderr,
): string {
  if (!useColor(options, stream)) return text;
  const [on, off] = styles[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/** Whether to show progress at all (`-q` says no); a bar also needs a terminal, see `progressBars`. */
export function showProgress(options: Pick<GlobalOptions, "quiet">): boolean {
  return options.quiet !== true;
}

/**
 * Whether to draw a redrawing progress bar on `stream`: a terminal (not `TERM=dumb`), and not `-q`.
 * Elsewhere a command prints one line per finished step instead (see `showProgress`), or nothing with `-q`.
 */
export function progressBars(
  options: Pick<GlobalOptions, "quiet">,
  stream: { isTTY?: boolean } = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return showProgress(options) && stream.isTTY === true && env.TERM !== "dumb";
}

/** An informational line on stderr (what happened, what to do next), left out with `-q`. */
export function info(options: Pick<GlobalOptions, "quiet">, line: string): void {
  if (options.quiet !== true) process.stderr.write(`${line}\n`);
}

/** What to do when no server answers. */
export const startOrPointAtServer =
  "start one with `kroma serve`, or point at one with --api-url, KROMA_API_URL or `kroma login`";

/** The unreachable-server failure in `error` or its causes, if that is what it is. */
function unreachable(error: unknown): ApiUnreachableError | undefined {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof ApiUnreachableError) return cause;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One line for stderr: for a server that does not answer, that it cannot be reached and how to
 * start or name one; for an API error, its message and code; else the error's message.
 */
export function describeError(error: unknown): string {
  const offline = unreachable(error);
  if (offline) return `${offline.message}: ${startOrPointAtServer}`;
  if (error instanceof KromaApiError)
    return `${error.message} (${error.code}${error.status ? `, HTTP ${error.status}` : ""})`;
  return error instanceof Error ? error.message : String(error);
}

/** `text` with every secret in it replaced by `***` (so an error that quotes a token cannot print it). */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("***");
  return out;
}
