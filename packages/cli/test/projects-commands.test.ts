import { createKromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKroma } from "./kroma-bin.js";

let server: TestServer;
const kroma = (args: string[]) => runKroma(server.url, args);

beforeAll(async () => {
  server = await startTestServer({ agentDispatch: false });
  await createKromaClient({ baseUrl: server.url }).projects.upsert({ name: "Flagged" });
});
afterAll(() => server.stop());

describe("kroma projects show|budget -p", () => {
  it("takes -p/--project, and the positional slug as before", async () => {
    const expected = await createKromaClient({ baseUrl: server.url }).projects.get("flagged");
    for (const args of [["-p", "flagged"], ["--project", "flagged"], ["flagged"], ["flagged", "-p", "flagged"]]) {
      const ran = await kroma(["--json", "projects", "show", ...args]);
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout)).toEqual(expected);
    }
    const set = await kroma(["projects", "budget", "-p", "flagged", "--set", "2.5"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe("Budget $2.500: committed $0.000, remaining $2.500\n");
    const shown = await kroma(["--json", "projects", "budget", "flagged"]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ ok: true, budget: { budget_usd: 2.5 } });
  });

  it("exits 2 with no project or two different ones, 1 for one that does not exist", async () => {
    const none = await kroma(["projects", "show"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("kroma projects show needs a project: give -p/--project <slug>");
    const two = await kroma(["projects", "budget", "flagged", "-p", "other"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("two projects given");
    const ghost = await kroma(["projects", "show", "-p", "ghost"]);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toMatch(/^kroma: .+HTTP 404\)\n$/);
  });
});
