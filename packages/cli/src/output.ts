import { KromaApiError } from "@kroma/sdk";

/** Global flags every command sees. */
export interface GlobalOptions {
  apiUrl: string;
  token?: string;
  json: boolean;
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

/** One line for stderr: the API's message and code, or the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof KromaApiError)
    return `${error.message} (${error.code}${error.status ? `, HTTP ${error.status}` : ""})`;
  return error instanceof Error ? error.message : String(error);
}
