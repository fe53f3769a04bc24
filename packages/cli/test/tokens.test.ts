import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

let server: TestServer;
function kroma(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, KROMA_API_URL: server.url, KROMA_API_TOKEN: "", ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
});
afterAll(() => server.stop());

describe("kroma tokens and --token", () => {
  it("creates the first token, then needs it for every command", async () => {
    const created = await kroma(["tokens", "create", "--label", "cli"]);
    expect(created.code).toBe(0);
    const token = created.stdout.split("\n")[0] as string;
    expect(token).toMatch(/^kroma_/);
    expect(created.stdout).toContain("it is not shown again");

    const refused = await kroma(["projects", "list"]);
    expect(refused).toMatchObject({
      code: 1,
      stderr: "kroma: Missing Authorization: Bearer token (unauthorized, HTTP 401)\n",
    });
    expect((await kroma(["--token", token, "projects", "list"])).code).toBe(0);
    expect((await kroma(["projects", "list"], { KROMA_API_TOKEN: token })).code).toBe(0);
    // The environment's token is for the server KROMA_API_URL names: one picked with --api-url never gets it.
    expect(await kroma(["--api-url", server.url, "projects", "list"], { KROMA_API_TOKEN: token })).toMatchObject({
      code: 1,
      stderr: "kroma: Missing Authorization: Bearer token (unauthorized, HTTP 401)\n",
    });
    expect((await kroma(["--api-url", server.url, "--token", token, "projects", "list"])).code).toBe(0);

    const listed = await kroma(["--json", "tokens", "list"], { KROMA_API_TOKEN: token });
    const { auth_tokens } = JSON.parse(listed.stdout);
    expect(auth_tokens).toHaveLength(1);
    expect(listed.stdout).not.toContain(token);

    const revoked = await kroma(["tokens", "revoke", auth_tokens[0].id], { KROMA_API_TOKEN: token });
    expect(revoked.stdout).toBe(`Token ${auth_tokens[0].id} revoked\n`);
    const after = await kroma(["projects", "list"], { KROMA_API_TOKEN: token });
    expect(after.stderr).toBe("kroma: API token has been revoked (unauthorized, HTTP 401)\n");
  });
});

describe("kroma tokens create --db", () => {
  it("creates the first token of a server that is not on loopback, straight in its database", async () => {
    const remote = await startTestServer({ agentDispatch: false, host: "0.0.0.0" });
    try {
      const url = remote.url.replace("0.0.0.0", "127.0.0.1");
      const db = join(remote.appRoot, "var/backend/app.db");
      const created = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          [bin, "--json", "tokens", "create", "--label", "bootstrap", "--db", db],
          (error, stdout) => resolve({ code: error ? 1 : 0, stdout }),
        ),
      );
      expect(created.code).toBe(0);
      const { auth_token } = JSON.parse(created.stdout);
      expect(auth_token).toMatchObject({ label: "bootstrap", project_id: null });
      expect((await fetch(`${url}/api/projects`)).status).toBe(401);
      const authed = await fetch(`${url}/api/projects`, { headers: { authorization: `Bearer ${auth_token.token}` } });
      expect(authed.status).toBe(200);
      const audit = await remote.db.selectFrom("audit_events").select("action").execute();
      expect(audit.map((event) => event.action)).toContain("auth_token.create");
    } finally {
      await remote.stop();
    }
  });
});
