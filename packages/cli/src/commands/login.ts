import { KromaApiError } from "@kroma/sdk";
import { type Command, CommanderError } from "commander";
import {
  ApiUnreachableError,
  apiClient,
  displayUrl,
  isHttpUrl,
  type ResolvedApi,
  urlSourceNames,
} from "../api-client.js";
import { emit, type GlobalOptions, info } from "../output.js";
import {
  normalizeApiUrl,
  readUserConfig,
  removeUserConfig,
  type UserConfig,
  UserConfigError,
  userConfigPath,
  writeUserConfig,
} from "../user-config.js";

/** What login and logout need of the program beyond the global flags. */
export interface LoginContext {
  /** The output flags (`--json`, `-q`, `--no-color`), which need no config read. */
  options: () => OutputOptions;
  /** The server and token in use, with where each came from; `loadConfig` overrides how the config is read. */
  resolve: (loadConfig?: () => UserConfig) => ResolvedApi;
  /** True when `--token` was on the command line. */
  tokenOnCommandLine: () => boolean;
}

type OutputOptions = Pick<GlobalOptions, "json" | "quiet" | "color">;

/** How the server took the token: checked and accepted, accepted unchecked (auth off), or no token given. */
type TokenCheck = "verified" | "unchecked" | "none";

const tokenSources: Record<NonNullable<ResolvedApi["tokenSource"]>, string> = {
  flag: "from --token",
  env: "from KROMA_API_TOKEN",
  login: "stored by `kroma login` for this server",
};

/** The longest token read from stdin; anything longer is not a token. */
const maxTokenBytes = 16 * 1024;

/** `kroma login` and `kroma logout`: the server and token commands use when not told otherwise. */
export function loginCommands(program: Command, context: LoginContext): void {
  program
    .command("login")
    .description(
      "Store a server URL and its token (read from stdin, or a hidden prompt on a terminal) for every command; the token is checked with the server first",
    )
    .option("--status", "show the server commands use and whether a token is stored (never the token)")
    .addHelpText(
      "after",
      [
        "",
        "The token never goes on the command line: pipe it, or type it at the prompt.",
        "  kroma login --api-url https://kroma.example < token.txt",
        "  kroma tokens create --label laptop | head -n 1 | kroma login",
        "  kroma login --api-url http://127.0.0.1:8788      (prompts; Enter alone stores only the URL)",
        "Stored in $XDG_CONFIG_HOME/kroma/config.json (default ~/.config/kroma), mode 0600.",
      ].join("\n"),
    )
    .action(async (flags: { status?: boolean }, command: Command) => {
      if (flags.status) return showStatus(context);
      if (context.tokenOnCommandLine()) {
        command.error(
          "kroma: login does not take --token (a command line is seen by other processes and kept in shell history): pipe the token to `kroma login`, or type it at its prompt",
          { exitCode: 2, code: "kroma.login.tokenArgument" },
        );
      }
      await login(context, command);
    });

  program
    .command("logout")
    .description("Forget the token `kroma login` stored (commands keep using its server URL unless --all)")
    .option("--all", "forget the server URL too (deletes the login config)")
    .action((flags: { all?: boolean }) => logout(context.options(), flags));
}

async function login(context: LoginContext, command: Command): Promise<void> {
  const globals = context.options();
  const path = userConfigPath();
  // A broken config is replaced, not a reason login cannot run: login is how it gets fixed.
  let previous: UserConfig = {};
  let broken = false;
  try {
    previous = readUserConfig(path);
  } catch (error) {
    if (!(error instanceof UserConfigError)) throw error;
    broken = true;
  }
  const apiUrl = normalizeApiUrl(context.resolve(() => previous).apiUrl);
  if (!isHttpUrl(apiUrl)) {
    command.error(`kroma: '${displayUrl(apiUrl)}' is not an http(s) URL: pass one with --api-url`, {
      exitCode: 2,
      code: "kroma.login.url",
    });
  }
  const shown = displayUrl(apiUrl);
  // Before the prompt: nobody should type a token for a server that is not there.
  await checkServer(apiUrl);
  const token = await readToken(shown);
  const check = await checkToken(apiUrl, token);

  const { token: _old, ...rest } = previous;
  const config: UserConfig = { ...rest, api_url: apiUrl, ...(token ? { token } : {}) };
  writeUserConfig(config, path);

  if (broken) info(globals, `Replaced the unreadable login config ${path}`);
  if (check.note) info(globals, check.note);
  emit(
    globals,
    { ok: true, api_url: shown, token_stored: token !== undefined, token_check: check.result, config_path: path },
    () => {
      if (check.result === "verified") return `Logged in to ${shown}: the server accepted the token (saved in ${path})`;
      if (check.result === "unchecked") return `Logged in to ${shown} (saved in ${path})`;
      return `Commands now use ${shown}, with no token (saved in ${path})`;
    },
  );
}

/** The token from stdin (piped) or a hidden prompt (a terminal); `undefined` for none. */
async function readToken(url: string): Promise<string | undefined> {
  const text = process.stdin.isTTY
    ? await promptHidden(`Token for ${url} (input hidden; Enter alone stores only the URL): `)
    : await readStdin();
  const token = text.trim();
  if (token === "") return undefined;
  // Printable ASCII without spaces: what an Authorization header can carry. The token is never quoted.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(
      "the token given has spaces, line breaks or other characters a token cannot have; nothing was saved: pass only the token (e.g. `head -n 1 token.txt | kroma login`)",
    );
  }
  return token;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxTokenBytes) {
      throw new Error(
        `stdin has more than ${maxTokenBytes} bytes, which is no token; nothing was saved: pipe only the token`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a line from the terminal without echoing it: raw mode, so nothing typed is shown.
 * Backspace and Ctrl-U edit; Enter (or Ctrl-D on an empty line) ends; Ctrl-C cancels with exit 130.
 */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  // Raw mode (no echo) before the prompt shows: keys typed as soon as it appears must not echo.
  stdin.setRawMode(true);
  process.stderr.write(question);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new CommanderError(130, "kroma.login.cancelled", "cancelled"));
        if (char === "\u0004") {
          if (value === "") return finish();
        } else if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char === "\u0015") value = "";
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** A value no server issues, to see whether a server checks tokens at all. */
const probeToken = "kroma_login_probe_not_a_token";

/** `GET /health`: is there a Kroma API at `apiUrl`? Throws the one-line reason when not. */
async function checkServer(apiUrl: string): Promise<void> {
  try {
    await apiClient({ apiUrl }).health();
  } catch (error) {
    if (error instanceof KromaApiError || error instanceof ApiUnreachableError) throw error;
    throw new Error(
      `${displayUrl(apiUrl)} does not answer as a Kroma API (GET /health: ${(error as Error).message}); nothing was saved: check the URL`,
    );
  }
}

/**
 * Asks the server whether the token works, before anything is saved: `GET /api/projects` with the
 * token (a 401 is a wrong, revoked or expired token).
 * A server with auth off accepts any token, so a made-up one is tried too: accepted, the token is
 * saved unverified, and the note says so.
 */
async function checkToken(apiUrl: string, token: string | undefined): Promise<{ result: TokenCheck; note?: string }> {
  const shown = displayUrl(apiUrl);
  try {
    await apiClient({ apiUrl, token }).projects.list();
  } catch (error) {
    if (!(error instanceof KromaApiError) || error.status !== 401) throw error;
    if (token === undefined) {
      return {
        result: "none",
        note: `Note: ${shown} needs a token: pipe one to \`kroma login --api-url ${shown}\` to store it`,
      };
    }
    throw new Error(
      `${shown} refused the token (${error.message}, HTTP 401); nothing was saved: check it with \`kroma tokens list\`, or create one with \`kroma tokens create\``,
    );
  }
  if (token === undefined) return { result: "none" };
  try {
    await apiClient({ apiUrl, token: probeToken }).projects.list();
  } catch (error) {
    if (error instanceof KromaApiError && error.status === 401) return { result: "verified" };
    throw error;
  }
  return {
    result: "unchecked",
    note: `Note: ${shown} checks no tokens (its auth is off), so the token could not be verified; it was saved as given`,
  };
}

function logout(globals: OutputOptions, flags: { all?: boolean }): void {
  const path = userConfigPath();
  let config: UserConfig;
  try {
    config = readUserConfig(path);
  } catch (error) {
    if (!(error instanceof UserConfigError)) throw error;
    // Nothing in it can be trusted: forgetting it all is what logout can do.
    removeUserConfig(path);
    emit(
      globals,
      { ok: true, api_url: null, token_forgotten: true, config_path: path },
      () => `Deleted the unreadable login config ${path}`,
    );
    return;
  }
  const url = config.api_url ? displayUrl(config.api_url) : undefined;
  const hadToken = config.token !== undefined;
  const result = { ok: true, api_url: url ?? null, token_forgotten: hadToken, config_path: path };
  if (flags.all) {
    const existed = removeUserConfig(path);
    emit(globals, result, () =>
      existed
        ? `Forgot ${url ?? "the stored server"}${hadToken ? " and its token" : ""} (deleted ${path})`
        : `Not logged in: there is no login config (${path})`,
    );
    return;
  }
  if (!hadToken) {
    emit(globals, result, () => `No token stored (${path}); nothing to forget`);
    return;
  }
  const { token: _forgotten, ...rest } = config;
  writeUserConfig(rest, path);
  emit(globals, result, () => `Logged out of ${url ?? "the stored server"}: its token is forgotten`);
  if (url) info(globals, `Commands still go to ${url}; \`kroma logout --all\` forgets it too`);
}

function showStatus(context: LoginContext): void {
  const globals = context.options();
  const path = userConfigPath();
  const resolved = context.resolve();
  const config = readUserConfig(path);
  const shown = displayUrl(resolved.apiUrl);
  const tokenLine = resolved.tokenSource ? tokenSources[resolved.tokenSource] : "none";
  const stored = config.api_url
    ? `${displayUrl(config.api_url)}, ${config.token ? "with a token" : "no token"}`
    : "no server stored";
  emit(
    globals,
    {
      ok: true,
      api_url: shown,
      api_url_source: resolved.urlSource,
      token_source: resolved.tokenSource ?? null,
      config_path: path,
      config: { api_url: config.api_url ? displayUrl(config.api_url) : null, token_stored: config.token !== undefined },
    },
    () =>
      [
        `Server  ${shown} (from ${urlSourceNames[resolved.urlSource]})`,
        `Token   ${tokenLine}`,
        `Config  ${path} (${stored})`,
      ].join("\n"),
  );
}
