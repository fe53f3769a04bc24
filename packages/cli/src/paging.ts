import { InvalidArgumentError, Option } from "commander";

// `--all` and `--limit` of the list commands that page (runs, assets, quality reports, cost events).

/** `--all`: every row, a page at a time past the server's page size; it cannot go with `--limit`. */
export const allOption = () =>
  new Option("--all", "every row, fetched a page at a time past the server's page size").conflicts("limit");

/** `--limit <n>`'s parser: a whole number from 1 to 5000 (the API's most), else a usage error. */
export function pageLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5000) {
    throw new InvalidArgumentError("give a whole number from 1 to 5000, or --all for every row");
  }
  return n;
}

/**
 * Every row an SDK iterator yields, as the list's own answer shape (`{ ok, count, total, <key> }`),
 * so `--json --all` prints what one page would, only with all the rows.
 */
export async function allRows<K extends string, T>(
  key: K,
  rows: AsyncIterable<T>,
): Promise<{ ok: true; count: number; total: number } & Record<K, T[]>> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return { ok: true, count: all.length, total: all.length, [key]: all } as {
    ok: true;
    count: number;
    total: number;
  } & Record<K, T[]>;
}
