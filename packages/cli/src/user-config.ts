import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/**
 * What `kroma login` stores: the server commands talk to by default, and the token for that
 * server only. Unknown keys a later version may add are kept as they are.
 */
export interface UserConfig {
  api_url?: string;
  token?: string;
  [key: string]: unknown;
}

/**
 * `$XDG_CONFIG_HOME/kroma`, else `~/.config/kroma`. The XDG Base Directory spec says a relative
 * `XDG_CONFIG_HOME` is invalid and must be ignored, so it is.
 */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "kroma");
}

/** The login config file: `<userConfigDir>/config.json`. */
export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userConfigDir(env), "config.json");
}

/** A login config that cannot be used; the message names the file and what to do, never its content. */
export class UserConfigError extends Error {
  override name = "UserConfigError";
}

/**
 * Reads the login config; a missing file is an empty config. A file that is not a JSON object
 * with string `api_url` and `token` is an error, whose message never quotes the file: it may hold
 * a token (JSON.parse's own message shows a slice of the text, so it is not passed on).
 */
export function readUserConfig(path: string = userConfigPath()): UserConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new UserConfigError(
      `cannot read the login config ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"}): fix its permissions, or delete it and run \`kroma login\``,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const config = parsed as UserConfig | undefined;
  if (
    typeof config !== "object" ||
    config === null ||
    Array.isArray(config) ||
    (config.api_url !== undefined && typeof config.api_url !== "string") ||
    (config.token !== undefined && typeof config.token !== "string")
  ) {
    throw new UserConfigError(
      `the login config ${path} is not a JSON object with string api_url and token: delete it and run \`kroma login\` again`,
    );
  }
  return config;
}

/**
 * Writes the login config atomically: its directory is made (or narrowed to) mode 0700, the JSON
 * goes to a new temporary file created with mode 0600 in the same directory, is flushed to disk,
 * and is renamed over the old file. A reader sees the old file or the new one, never half of one,
 * and the token is never in a file anyone else may read, not even for a moment.
 */
export function writeUserConfig(config: UserConfig, path: string = userConfigPath()): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const tmp = join(dir, `.config.json.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  // `wx`: a new file, never one that already exists (nor a symlink someone left in its place).
  const fd = openSync(tmp, "wx", 0o600);
  try {
    try {
      writeSync(fd, `${JSON.stringify(config, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Removes the login config file; true when there was one. */
export function removeUserConfig(path: string = userConfigPath()): boolean {
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/**
 * A URL in the one spelling two names of the same server share: scheme and host lower-cased, a
 * default port dropped, trailing slashes gone. Not a URL: the text as given, without trailing slashes.
 */
export function normalizeApiUrl(url: string): string {
  const trimmed = url.trim();
  let spelled = trimmed;
  try {
    spelled = new URL(trimmed).href;
  } catch {
    // compared as given
  }
  let end = spelled.length;
  while (end > 0 && spelled.charCodeAt(end - 1) === 0x2f) end--;
  return spelled.slice(0, end);
}

/** True when the two URLs name the same server (see `normalizeApiUrl`). */
export function sameApiUrl(a: string, b: string): boolean {
  return normalizeApiUrl(a) === normalizeApiUrl(b);
}
