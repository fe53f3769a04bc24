import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paint, progressBars, useColor } from "../src/output.js";

// These tests run the built `kroma` binary against real servers, each test with its own
// XDG_CONFIG_HOME (never the real home).
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let configHome: string;
/** Everything any command printed, to check no token was ever among it. */
const printed: string[] = [];

function kroma(
  args: string[],
  options: { env?: Record<string, string>; input?: string; showsToken?: boolean } = {},
): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome, ...options.env };
  // Only what a test sets: the developer's own settings must not leak in.
  for (const name of ["KROMA_API_URL", "KROMA_API_TOKEN", "KROMA_BACKEND_BIND", "NO_COLOR"]) {
    if (!options.env?.[name]) delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (!options.showsToken) printed.push(stdout, stderr);
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** The first token of a server that requires one, made in its database as an operator would. */
async function firstToken(server: TestServer): Promise<string> {
  const db = join(server.appRoot, "var/backend/app.db");
  const created = await kroma(["--json", "tokens", "create", "--label", "login-test", "--db", db], {
    showsToken: true,
  });
  expect(created.code).toBe(0);
  return JSON.parse(created.stdout).auth_token.token as string;
}

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const configFile = () => join(configHome, "kroma", "config.json");
const readConfig = async () => JSON.parse(await readFile(configFile(), "utf8"));
const mode = async (path: string) => (await stat(path)).mode & 0o777;

const unreachable = (url: string) =>
  `kroma: cannot reach the Kroma API at ${url} (connection refused): start one with \`kroma serve\`, or point at one with --api-url, KROMA_API_URL or \`kroma login\`\n`;
const missingToken = "kroma: Missing Authorization: Bearer token (unauthorized, HTTP 401)\n";

let main: TestServer;
let other: TestServer;
let mainToken: string;
let otherToken: string;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), "kroma-login-setup-"));
  [main, other] = await Promise.all([
    startTestServer({ agentDispatch: false, authMode: "required" }),
    startTestServer({ agentDispatch: false, authMode: "required" }),
  ]);
  [mainToken, otherToken] = await Promise.all([firstToken(main), firstToken(other)]);
});
afterAll(async () => {
  await Promise.all([main?.stop(), other?.stop()]);
  for (const token of [mainToken, otherToken]) {
    for (const text of printed) expect(text.includes(token), "a token was printed").toBe(false);
  }
});
beforeEach(async () => {
  configHome = await mkdtemp(join(tmpdir(), "kroma-login-"));
});
afterEach(async () => {
  await rm(configHome, { recursive: true, force: true });
});

describe("kroma login", () => {
  it("checks the token with the server, stores it with the URL (0600 in a 0700 dir), and every command then uses them", async () => {
    const login = await kroma(["login", "--api-url", main.url], { input: `${mainToken}\n` });
    expect(login).toEqual({
      code: 0,
      stdout: `Logged in to ${main.url}: the server accepted the token (saved in ${configFile()})\n`,
      stderr: "",
    });
    expect(await readConfig()).toEqual({ api_url: main.url, token: mainToken });
    expect(await mode(configFile())).toBe(0o600);
    expect(await mode(join(configHome, "kroma"))).toBe(0o700);

    // No --api-url, no --token, no environment.
    const listed = await kroma(["projects", "list"]);
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    expect(listed.stdout).toMatch(/^\(none\)|^SLUG/);

    const status = await kroma(["login", "--status"]);
    expect(status.stdout).toBe(
      [
        `Server  ${main.url} (from the login config)`,
        "Token   stored by `kroma login` for this server",
        `Config  ${configFile()} (${main.url}, with a token)`,
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await kroma(["--json", "login", "--status"])).stdout);
    expect(json).toEqual({
      ok: true,
      api_url: main.url,
      api_url_source: "login",
      token_source: "login",
      config_path: configFile(),
      config: { api_url: main.url, token_stored: true },
    });
  });

  it("refuses a token the server does not accept, and saves nothing", async () => {
    const refused = await kroma(["login", "--api-url", main.url], { input: "kroma_not_a_real_token\n" });
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr: `kroma: ${main.url} refused the token (Invalid API token, HTTP 401); nothing was saved: check it with \`kroma tokens list\`, or create one with \`kroma tokens create\`\n`,
    });
    expect(existsSync(configFile())).toBe(false);

    const spaced = await kroma(["login", "--api-url", main.url], { input: `${mainToken} ${mainToken}\n` });
    expect(spaced.code).toBe(1);
    expect(spaced.stderr).toMatch(/^kroma: the token given has spaces.*: pass only the token .*\n$/);
    expect(existsSync(configFile())).toBe(false);
  });

  it("never takes the token from the command line", async () => {
    const result = await kroma(["login", "--api-url", main.url, "--token", mainToken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kroma: login does not take --token .*: pipe the token to `kroma login`/);
    expect(existsSync(configFile())).toBe(false);
  });

  it("with no token (Enter alone, or empty stdin) stores only the URL, and says when the server needs one", async () => {
    const result = await kroma(["login", "--api-url", `${main.url}/`], { input: "\n" });
    expect(result).toEqual({
      code: 0,
      stdout: `Commands now use ${main.url}, with no token (saved in ${configFile()})\n`,
      stderr: `Note: ${main.url} needs a token: pipe one to \`kroma login --api-url ${main.url}\` to store it\n`,
    });
    expect(await readConfig()).toEqual({ api_url: main.url });
    const quiet = await kroma(["-q", "login", "--api-url", main.url]);
    expect(quiet).toMatchObject({ code: 0, stderr: "" });
    expect((await kroma(["projects", "list"])).stderr).toBe(missingToken);
  });

  it("says when a server checks no tokens (auth off), and saves the token unverified", async () => {
    const open = await startTestServer({ agentDispatch: false, authMode: "off" });
    try {
      const result = await kroma(["login", "--api-url", open.url], { input: mainToken });
      expect(result).toEqual({
        code: 0,
        stdout: `Logged in to ${open.url} (saved in ${configFile()})\n`,
        stderr: `Note: ${open.url} checks no tokens (its auth is off), so the token could not be verified; it was saved as given\n`,
      });
      const json = await kroma(["--json", "-q", "login", "--api-url", open.url], { input: mainToken });
      expect(JSON.parse(json.stdout)).toEqual({
        ok: true,
        api_url: open.url,
        token_stored: true,
        token_check: "unchecked",
        config_path: configFile(),
      });
      expect(json.stderr).toBe("");
    } finally {
      await open.stop();
    }
  });
});

describe("kroma login on a terminal and in a pipe", () => {
  it.skipIf(!existsSync("/usr/bin/script"))("prompts without echoing what is typed", async () => {
    // `script` gives the command a terminal; what it types arrives as keystrokes, Enter as \r.
    const transcript = await new Promise<Result>((resolve, reject) => {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} login --api-url ${main.url}`;
      const child = spawn("/usr/bin/script", ["-qec", command, "/dev/null"], {
        env: { ...process.env, XDG_CONFIG_HOME: configHome, KROMA_API_URL: "", KROMA_API_TOKEN: "" },
      });
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        // Type once the prompt is up (raw mode is on by then), correcting a typo with backspace.
        if (stdout.includes("input hidden") && child.stdin.writable) {
          child.stdin.write(`${mainToken}x\u007f\r`);
          child.stdin.end();
        }
      });
      child.on("error", reject);
      child.on("close", (code) => {
        printed.push(stdout);
        resolve({ code: code ?? 1, stdout, stderr: "" });
      });
    });
    expect(transcript.code).toBe(0);
    expect(transcript.stdout).toContain(`Token for ${main.url} (input hidden; Enter alone stores only the URL): `);
    expect(transcript.stdout).toContain(`Logged in to ${main.url}: the server accepted the token`);
    expect(await readConfig()).toEqual({ api_url: main.url, token: mainToken });
  });

  it("takes a new local server's first token straight from kroma tokens create", async () => {
    const local = await startTestServer({ agentDispatch: false });
    try {
      const node = JSON.stringify(process.execPath);
      const cli = `${node} ${JSON.stringify(bin)}`;
      const piped = await new Promise<Result>((resolve) => {
        const child = spawn(
          "sh",
          [
            "-c",
            `${cli} tokens create --label first --api-url ${local.url} | head -n 1 | ${cli} login --api-url ${local.url}`,
          ],
          { env: { ...process.env, XDG_CONFIG_HOME: configHome, KROMA_API_URL: "", KROMA_API_TOKEN: "" } },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => {
          stdout += chunk;
        });
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
        });
        child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
      });
      expect(piped).toEqual({
        code: 0,
        stdout: `Logged in to ${local.url}: the server accepted the token (saved in ${configFile()})\n`,
        stderr: "",
      });
      // The server now requires the token, and the stored one is sent.
      expect((await kroma(["projects", "list"])).code).toBe(0);
      expect((await kroma(["projects", "list"], { env: { KROMA_API_URL: local.url } })).code).toBe(0);
      const { token } = await readConfig();
      printed.push(piped.stdout, piped.stderr);
      expect(piped.stdout.includes(token)).toBe(false);
    } finally {
      await local.stop();
    }
  });
});

describe("which server gets the stored token", () => {
  beforeEach(async () => {
    expect((await kroma(["login", "--api-url", `${main.url}/`], { input: mainToken })).code).toBe(0);
  });

  it("goes to the login config's server only, whatever names it", async () => {
    // The same server, however it is named, gets the token.
    expect((await kroma(["projects", "list"], { env: { KROMA_API_URL: main.url } })).code).toBe(0);
    expect((await kroma(["--api-url", `${main.url}//`, "projects", "list"])).code).toBe(0);
    // Another server never does: it hears of no token at all (not a wrong one).
    expect(await kroma(["projects", "list"], { env: { KROMA_API_URL: other.url } })).toMatchObject({
      code: 1,
      stderr: missingToken,
    });
    expect((await kroma(["--api-url", other.url, "projects", "list"])).stderr).toBe(missingToken);
    // Its own token, given for it, works.
    expect(
      (await kroma(["projects", "list"], { env: { KROMA_API_URL: other.url, KROMA_API_TOKEN: otherToken } })).code,
    ).toBe(0);
    expect((await kroma(["--api-url", other.url, "--token", otherToken, "projects", "list"])).code).toBe(0);
    // KROMA_API_TOKEN is for KROMA_API_URL's (or the default) server, not the login config's.
    expect(await kroma(["login"], { input: "" })).toMatchObject({ code: 0 });
    expect(await readConfig()).toEqual({ api_url: main.url });
    expect((await kroma(["projects", "list"], { env: { KROMA_API_TOKEN: mainToken } })).stderr).toBe(missingToken);
  });

  it("is forgotten by kroma logout, which keeps the URL unless --all", async () => {
    const logout = await kroma(["logout"]);
    expect(logout).toEqual({
      code: 0,
      stdout: `Logged out of ${main.url}: its token is forgotten\n`,
      stderr: `Commands still go to ${main.url}; \`kroma logout --all\` forgets it too\n`,
    });
    expect(await readConfig()).toEqual({ api_url: main.url });
    expect(await mode(configFile())).toBe(0o600);
    expect(await kroma(["projects", "list"])).toEqual({ code: 1, stdout: "", stderr: missingToken });

    expect(await kroma(["-q", "logout"])).toEqual({
      code: 0,
      stdout: `No token stored (${configFile()}); nothing to forget\n`,
      stderr: "",
    });
    expect((await kroma(["logout", "--all"])).stdout).toBe(`Forgot ${main.url} (deleted ${configFile()})\n`);
    expect(existsSync(configFile())).toBe(false);
    expect((await kroma(["--json", "logout", "--all"])).stdout).toContain('"api_url": null');
  });

  it("a broken login config is one line naming the file (never its content), and does not stop a command that needs none of it", async () => {
    await writeFile(configFile(), `{"api_url": "${main.url}", "token": "${mainToken}",`);
    const broken = await kroma(["projects", "list"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      `kroma: the login config ${configFile()} is not a JSON object with string api_url and token: delete it and run \`kroma login\` again\n`,
    );
    expect((await kroma(["--api-url", other.url, "--token", otherToken, "projects", "list"])).code).toBe(0);
    // login replaces it.
    const again = await kroma(["login", "--api-url", main.url], { input: mainToken });
    expect(again).toMatchObject({ code: 0, stderr: `Replaced the unreadable login config ${configFile()}\n` });
    expect(await readConfig()).toEqual({ api_url: main.url, token: mainToken });
  });
});

describe("a server that does not answer", () => {
  it("is one line saying so and how to start or name one, exit 1, whichever way the URL was given", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    expect(await kroma(["--api-url", url, "projects", "list"])).toEqual({
      code: 1,
      stdout: "",
      stderr: unreachable(url),
    });
    expect(await kroma(["projects", "show", "x"], { env: { KROMA_API_URL: url } })).toEqual({
      code: 1,
      stdout: "",
      stderr: unreachable(url),
    });
    // Event streams too.
    expect((await kroma(["--api-url", url, "runs", "watch", "-p", "x", "run_x"])).stderr).toBe(unreachable(url));
    // login saves nothing for a server it cannot reach.
    const login = await kroma(["login", "--api-url", url], { input: "kroma_some_token" });
    expect(login).toEqual({ code: 1, stdout: "", stderr: unreachable(url) });
    expect(existsSync(configFile())).toBe(false);
  });

  it("is not what a malformed URL is called", async () => {
    expect(await kroma(["projects", "list"], { env: { KROMA_API_URL: "ftp://x" } })).toEqual({
      code: 1,
      stdout: "",
      stderr: "kroma: the API URL 'ftp://x' (from KROMA_API_URL) is not an http(s) URL: fix it\n",
    });
    expect((await kroma(["login", "--api-url", "nope"])).code).toBe(2);
  });

  it("names the login config's server when that is the one in use", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    await kroma(["login", "--api-url", main.url], { input: mainToken });
    const config = await readConfig();
    await writeFile(configFile(), JSON.stringify({ ...config, api_url: url }), { mode: 0o600 });
    expect(await kroma(["projects", "list"])).toEqual({ code: 1, stdout: "", stderr: unreachable(url) });
  });
});

describe("--quiet, --no-color and NO_COLOR", () => {
  it("are accepted by every command; -q keeps results and errors", async () => {
    await kroma(["login", "--api-url", main.url], { input: mainToken });
    for (const flags of [["-q"], ["--quiet"], ["--no-color"], ["-q", "--no-color"]]) {
      const listed = await kroma([...flags, "projects", "list"], { env: { NO_COLOR: "1" } });
      expect(listed, flags.join(" ")).toMatchObject({ code: 0, stderr: "" });
      expect(listed.stdout).not.toContain("\x1b[");
    }
    const url = `http://127.0.0.1:${await closedPort()}`;
    expect((await kroma(["-q", "--api-url", url, "projects", "list"])).stderr).toBe(unreachable(url));
  });

  it("decide colour and progress bars in one place", () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor({ color: true }, tty, {})).toBe(true);
    expect(useColor({ color: true }, pipe, {})).toBe(false);
    expect(useColor({ color: false }, tty, {})).toBe(false);
    expect(useColor({ color: true }, tty, { NO_COLOR: "1" })).toBe(false);
    // no-color.org: only a non-empty NO_COLOR counts.
    expect(useColor({ color: true }, tty, { NO_COLOR: "" })).toBe(true);
    expect(useColor({ color: true }, tty, { TERM: "dumb" })).toBe(false);
    expect(paint({ color: false }, "red", "x", tty)).toBe("x");
    expect(progressBars({ quiet: false }, tty, {})).toBe(true);
    expect(progressBars({ quiet: true }, tty, {})).toBe(false);
    expect(progressBars({ quiet: false }, pipe, {})).toBe(false);
  });
});
