import type { Command } from "commander";
import { type Ran, spawnKroma } from "./kroma-bin.js";

// Helpers of every-command.test.ts: the built `kroma` run in a directory and environment of the
// test's own, and the leaf commands of a commander tree.

export type { Ran } from "./kroma-bin.js";

/**
 * Runs the built `kroma` with `args` in `cwd`, with `env` over this process's environment less
 * every KROMA_* variable (so nothing of the shell's own server or login leaks in); `input` is
 * written to its stdin (a pipe), which is then closed.
 */
export function kromaIn(cwd: string, env: Record<string, string>, args: string[], input = ""): Promise<Ran> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("KROMA_")));
  return spawnKroma(args, { cwd, env: { ...base, NO_COLOR: "1", ...env }, input });
}

/** Every command with no subcommands, with its path from the root ("runs list"). */
export function leafCommands(root: Command): { path: string; command: Command; ancestors: Command[] }[] {
  const out: { path: string; command: Command; ancestors: Command[] }[] = [];
  const visit = (command: Command, names: string[], ancestors: Command[]) => {
    if (command.commands.length === 0) {
      out.push({ path: names.join(" "), command, ancestors });
      return;
    }
    for (const sub of command.commands) visit(sub, [...names, sub.name()], [...ancestors, command]);
  };
  visit(root, [], []);
  return out;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping their order in the answer. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
