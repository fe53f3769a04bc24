// The server as users run it: the BUILT `kroma serve` (packages/cli/dist/bin.js) in its own
// process, on a free loopback port, with a file-backed SQLite database under an app root. Used
// where the test needs a separate process (to SIGKILL it, or to keep load generator and server
// from sharing one event loop).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export const kromaBin = fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));

export interface ServedProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout so far. */
  stdout(): string;
  /** Everything the server wrote to stderr so far (logged faults land here). */
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts `kroma serve --bind 127.0.0.1:0` with `KROMA_APP_ROOT=appRoot` and the default database
 * (`var/backend/app.db` under it) and resolves once it prints its address. `env` is added to the
 * environment (e.g. `OPENAI_BASE_URL` for the images stand-in); `nodeFlags` go to node itself
 * (e.g. `--trace-gc`, which NODE_OPTIONS does not take).
 */
export function spawnServer(
  appRoot: string,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<ServedProcess> {
  const child = spawn(process.execPath, [...nodeFlags, kromaBin, "serve", "--bind", "127.0.0.1:0"], {
    cwd: appRoot,
    env: { ...process.env, KROMA_APP_ROOT: appRoot, KROMA_BACKEND_DB: "var/backend/app.db", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return new Promise<ServedProcess>((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (!match?.[1]) return;
      child.stdout?.off("data", onData);
      const served: ServedProcess = {
        url: match[1],
        child,
        stdout: () => out,
        stderr: () => err,
        exited,
        async stop(signal = "SIGTERM") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      };
      resolve(served);
    };
    child.stdout?.on("data", onData);
    void exited.then((code) => reject(new Error(`kroma serve exited early (${code}): ${out}${err}`)));
  });
}

/**
 * Runs the BUILT `kroma ARGS...` to its end with `KROMA_APP_ROOT=appRoot` and the default
 * database under it, as a user beside the server would; resolves with its exit code and
 * everything it printed (stdout and stderr together).
 */
export async function runKroma(appRoot: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [kromaBin, ...args], {
    cwd: appRoot,
    env: { ...process.env, KROMA_APP_ROOT: appRoot, KROMA_BACKEND_DB: "var/backend/app.db" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, output };
}
