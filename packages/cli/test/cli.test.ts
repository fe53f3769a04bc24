import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// These tests run the built `kroma` binary, as a user's shell would.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function kroma(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("kroma projects", () => {
  it("creates, lists and shows projects through the API", async () => {
    const api = ["--api-url", server.url];
    const created = await kroma([...api, "projects", "create", "CLI Demo", "--description", "from the CLI"]);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toContain("Project cli_demo saved");

    const listed = await kroma([...api, "projects", "list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^SLUG\s+NAME\s+USER\s+UPDATED\n/);
    expect(listed.stdout).toMatch(/cli_demo\s+CLI Demo\s+local/);

    const shown = await kroma([...api, "projects", "show", "cli_demo"]);
    expect(shown.stdout).toContain("CLI Demo (cli_demo) — active");
    expect(shown.stdout).toContain(`project root ${server.appRoot}/var/projects/cli_demo`);
  });

  it("prints the API's JSON with --json", async () => {
    await kroma(["--api-url", server.url, "projects", "create", "Json Demo"]);
    const listed = await kroma(["--api-url", server.url, "--json", "projects", "list"]);
    const body = JSON.parse(listed.stdout);
    expect(body).toMatchObject({ ok: true });
    expect(body.projects.map((p: { slug: string }) => p.slug)).toContain("json_demo");

    const shown = await kroma(["--json", "projects", "show", "json_demo"], { KROMA_API_URL: server.url });
    expect(JSON.parse(shown.stdout)).toMatchObject({ ok: true, project: { slug: "json_demo" }, counts: { runs: 0 } });
  });

  it("fails with one line on stderr and exit 1 for API errors", async () => {
    const missing = await kroma(["--api-url", server.url, "projects", "show", "ghost"]);
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr: "kroma: Project 'ghost' not found (not_found, HTTP 404)\n",
    });

    const blank = await kroma(["--api-url", server.url, "projects", "create", "  "]);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toBe("kroma: Field 'name' is required (validation_error, HTTP 400)\n");
  });

  it("fails clearly when the API cannot be reached", async () => {
    const result = await kroma(["--api-url", "http://127.0.0.1:9", "projects", "list"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "kroma: cannot reach the Kroma API at http://127.0.0.1:9 (bad port): start one with `kroma serve`, or point at one with --api-url, KROMA_API_URL or `kroma login`\n",
    );
  });

  it("has --help everywhere and rejects unknown commands and options", async () => {
    for (const args of [["--help"], ["projects", "--help"], ["projects", "create", "--help"], ["serve", "--help"]]) {
      const help = await kroma(args);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout, args.join(" ")).toMatch(/^Usage: kroma/);
    }
    const unknown = await kroma(["projects", "bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bogus'");
    const badOption = await kroma(["projects", "list", "--nope"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--nope'");
  });

  it("exits 2 on a usage error, suggesting the nearest command, and prints lab's help for a bare kroma lab", async () => {
    const bare = await kroma(["lab"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: kroma lab/);
    expect(bare.stderr).toContain("dry");
    const typo = await kroma(["lab", "dryy"]);
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.stderr).toContain("(Did you mean dry?)");
    expect((await kroma(["runz"])).stderr).toContain("(Did you mean runs?)");
    const missing = await kroma(["lab", "dry", "--candidates"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("option '--candidates <n>' argument missing");
  });
});

describe("kroma serve", () => {
  let dir = "";
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kroma-serve-"));
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the API on the bind address and shuts down cleanly on SIGTERM", async () => {
    const db = join(dir, "serve.db");
    child = spawn(process.execPath, [bin, "serve", "--bind", "127.0.0.1:0", "--db", db], {
      cwd: dir,
      env: { ...process.env, KROMA_VALIDATE_RESPONSES: "1" },
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child?.stdout?.on("data", (chunk: Buffer) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child?.once("exit", (code) => reject(new Error(`serve exited early with ${code}: ${out}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const health = await (await fetch(`${url}/health`)).json();
    expect(health).toMatchObject({ ok: true, status: "ok", service: "kroma-backend-core" });
    const created = await fetch(`${url}/api/projects`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Served" }),
    });
    expect(created.status).toBe(200);
    expect(existsSync(`${db}-wal`)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Closing the last connection checkpoints the WAL into the database file and removes it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    child = undefined;
  });

  it("exits non-zero with a clear message when the port is taken", async () => {
    const taken = new URL(server.url).host;
    const result = await kroma(["serve", "--bind", taken, "--db", join(dir, "other.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `kroma: Address ${taken} is already in use; set KROMA_BACKEND_BIND or --bind to another port\n`,
    );
  });

  it("rejects a malformed bind address", async () => {
    const result = await kroma(["serve", "--bind", "localhost", "--db", join(dir, "x.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("kroma: Invalid bind address 'localhost': expected host:port, e.g. 127.0.0.1:8788\n");
  });
});

describe("kroma in a pipe", () => {
  it("stops quietly when the reader closes the pipe early (kroma --help | head -1)", async () => {
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>(
      (resolve) => {
        execFile("sh", ["-c", `"${process.execPath}" "${bin}" --help | head -n 1`], (error, out, err) =>
          resolve({ stdout: out, stderr: err, code: error ? Number(error.code) : 0 }),
        );
      },
    );
    expect(code).toBe(0);
    expect(stdout).toBe("Usage: kroma [options] [command]\n");
    expect(stderr).toBe("");
  });
});
