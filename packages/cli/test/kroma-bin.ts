import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `kroma` with `args` in `cwd` (default: this process's) with exactly `env`;
 * `input` is written to its stdin (a pipe, so not a terminal), which is then closed.
 */
export function spawnKroma(
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/**
 * Runs the built `kroma` against the server at `url` with `args`; `input` is written to its stdin
 * (a pipe, so not a terminal), which is then closed.
 */
export function runKroma(url: string, args: string[], options: { input?: string } = {}): Promise<Ran> {
  return spawnKroma(["--api-url", url, ...args], {
    env: { ...process.env, KROMA_API_TOKEN: "", NO_COLOR: "1" },
    input: options.input,
  });
}
