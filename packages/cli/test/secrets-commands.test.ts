import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKroma } from "./kroma-bin.js";

const value = "sk-proj-TESTSECRET-9f8e7d6c5b4a";
let server: TestServer;
const kroma = (args: string[], input?: string) => runKroma(server.url, args, { input });
/** Everything a run printed: a secret must be in neither stream. */
const printed = (ran: { stdout: string; stderr: string }) => ran.stdout + ran.stderr;

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  await createKromaClient({ baseUrl: server.url }).projects.upsert({ name: "Vault" });
});
afterAll(() => server.stop());

describe("kroma secrets", () => {
  it("sets a secret from stdin and lists it by name, never printing the value", async () => {
    const set = await kroma(["secrets", "set", "openai/api_key", "-p", "vault"], `${value}\n`);
    expect(set.stderr).toBe("");
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^Secret openai\/api_key saved \(.+, key .+\)\n$/);
    expect(printed(set)).not.toContain(value);

    const json = await kroma(["--json", "secrets", "set", "aws/access_key_id", "-p", "vault"], "AKIAEXAMPLEVALUE0001");
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout);
    expect(answer).toMatchObject({
      ok: true,
      secret: { provider_code: "aws", secret_name: "access_key_id", has_value: true },
    });
    expect(Object.keys(answer.secret).sort()).toEqual(
      ["project_id", "provider_code", "secret_name", "has_value", "hint", "key_id", "created_at", "updated_at"].sort(),
    );
    expect(printed(json)).not.toContain("AKIAEXAMPLEVALUE0001");

    const listed = await kroma(["secrets", "list", "-p", "vault"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^SECRET\s+HINT\s+KEY\s+CREATED\s+UPDATED$/m);
    expect(listed.stdout).toContain("openai/api_key");
    expect(listed.stdout).toContain("aws/access_key_id");
    expect(printed(listed)).not.toContain(value);

    const listedJson = await kroma(["--json", "secrets", "list", "--project", "vault"]);
    const list = JSON.parse(listedJson.stdout);
    expect(list).toMatchObject({ ok: true, count: 2 });
    expect(list.secrets.map((s: { secret_name: string }) => s.secret_name).sort()).toEqual([
      "access_key_id",
      "api_key",
    ]);
    expect(listedJson.stdout).not.toContain(value);

    // The server holds the value: the SDK sees the same metadata.
    const { secrets } = await createKromaClient({ baseUrl: server.url }).secrets.list("vault");
    expect(secrets).toHaveLength(2);
  });

  // util-linux `script` gives the command a terminal, fed from our stdin: the prompt's path.
  const hasScript = process.platform === "linux" && spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("on a terminal, asks with a hidden prompt and does not echo the value", async () => {
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const command = [process.execPath, bin, "--api-url", server.url, "secrets", "set", "openai/typed", "-p", "vault"];
    const output = await new Promise<string>((resolve, reject) => {
      const child = execFile("script", ["-qec", command.join(" "), "/dev/null"], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
      // Typed once the prompt is up (the terminal is in raw mode by then), with Enter.
      let typed = false;
      child.stdout?.on("data", (chunk) => {
        if (typed || !String(chunk).includes("Value for")) return;
        typed = true;
        setTimeout(() => child.stdin?.write(`${value}\r`), 100);
      });
    });
    expect(output).toContain("Value for openai/typed: ");
    expect(output).toMatch(/Secret openai\/typed saved/);
    expect(output).not.toContain(value);
    const { secrets } = await createKromaClient({ baseUrl: server.url }).secrets.list("vault");
    expect(secrets.map((s) => s.secret_name)).toContain("typed");
  });

  it("refuses a value on the command line (exit 2) without echoing it", async () => {
    for (const args of [
      ["secrets", "set", "openai/api_key", value, "-p", "vault"],
      ["secrets", "set", "openai/api_key", "-p", "vault", `--value=${value}`],
      ["secrets", "set", "openai/api_key", "-p", "vault", "--value", value],
    ]) {
      const ran = await kroma(args, "ignored\n");
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain("the value is never on the command line: pipe it");
      expect(printed(ran)).not.toContain(value);
    }
    // A value typed where PROVIDER/NAME goes is not quoted back either.
    const misplaced = await kroma(["secrets", "set", value, "-p", "vault"], "x");
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain("takes PROVIDER/NAME");
    expect(printed(misplaced)).not.toContain(value);
  });

  it("refuses an empty value (exit 1, nothing stored) and a missing project (exit 2)", async () => {
    const empty = await kroma(["secrets", "set", "openai/other", "-p", "vault"], "\n");
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(
      "kroma: The value for openai/other is empty: pipe the value on stdin or type it at the prompt (nothing was stored)\n",
    );
    const names = (await createKromaClient({ baseUrl: server.url }).secrets.list("vault")).secrets.map(
      (s) => s.secret_name,
    );
    expect(names).not.toContain("other");

    const noProject = await kroma(["secrets", "list"]);
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toContain("--project");

    const unknown = await kroma(["secrets", "list", "-p", "ghost"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^kroma: .*ghost.*\n$/);
  });

  it("deletes a secret; deleting it again fails with exit 1", async () => {
    const deleted = await kroma(["--json", "secrets", "delete", "aws/access_key_id", "-p", "vault"]);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({
      ok: true,
      deleted: true,
      provider_code: "aws",
      secret_name: "access_key_id",
    });
    const again = await kroma(["secrets", "rm", "aws/access_key_id", "-p", "vault"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^kroma: /);
  });
});
