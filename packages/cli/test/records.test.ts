import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createKromaClient } from "@kroma/sdk";
import { startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

let server: TestServer;
let kroma: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  kroma = (...args) =>
    new Promise((resolve) => {
      execFile(process.execPath, [bin, "--api-url", server.url, ...args], (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  const sdk = createKromaClient({ baseUrl: server.url });
  await sdk.projects.upsert({ name: "Records", slug: "records" });
  ids.template = (
    await sdk.promptTemplates.create("records", { name: "Hero", template_text: "A {subject}" })
  ).prompt_template.id;
  ids.set = (await sdk.referenceSets.create("records", { name: "Mood" })).reference_set.id;
  ids.item = (await sdk.referenceSets.items.create("records", ids.set, { label: "Rain", content_text: "wet" })).item.id;
  ids.session = (await sdk.chat.createSession("records", { title: "Ideas" })).session.id;
  await sdk.chat.addMessage("records", ids.session, { role: "user", content: "Make it rain" });
  await sdk.providerAccounts.upsert("records", { provider_code: "openai" });
  ids.instruction = (await sdk.agentInstructions.create("records", { instruction_text: "Upscale" })).instruction.id;
});
afterAll(() => server.stop());

describe("kroma get", () => {
  it("lists a kind as a table and shows one record", async () => {
    const listed = await kroma("get", "templates", "-p", "records");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+UPDATED_AT\n/);
    expect(listed.stdout).toContain(`${ids.template}  Hero`);

    const shown = await kroma("get", "prompt-templates", ids.template as string, "--project", "records");
    expect(shown.stdout).toMatch(/^id\s+/m);
    expect(shown.stdout).toMatch(/template_text\s+A \{subject\}/);
  });

  it("prints the API's JSON with --json", async () => {
    const providers = await kroma("--json", "get", "providers", "-p", "records");
    expect(JSON.parse(providers.stdout)).toMatchObject({
      ok: true,
      count: 1,
      provider_accounts: [{ provider_code: "openai" }],
    });
    const items = await kroma("--json", "get", "reference-items", "-p", "records", "--set", ids.set as string);
    expect(JSON.parse(items.stdout)).toMatchObject({ reference_set_id: ids.set, items: [{ id: ids.item }] });
    const messages = await kroma("--json", "get", "messages", "-p", "records", "--session", ids.session as string);
    expect(JSON.parse(messages.stdout).messages[0].content).toBe("Make it rain");
    const events = await kroma("--json", "get", "events", "-p", "records", "--instruction", ids.instruction as string);
    expect(JSON.parse(events.stdout).events.map((e: { event_type: string }) => e.event_type)).toEqual(["created"]);
  });

  it("covers every kind in the help", async () => {
    const help = await kroma("get", "--help");
    for (const kind of [
      "prompt-templates",
      "provider-accounts",
      "style-guides",
      "characters",
      "reference-sets",
      "reference-items",
      "asset-links",
      "chat-sessions",
      "chat-messages",
      "agent-instructions",
      "agent-events",
      "secrets",
    ]) {
      expect(help.stdout).toContain(kind);
    }
  });

  it("fails clearly on an unknown kind, a missing parent flag, or an unknown record", async () => {
    const unknown = await kroma("get", "widgets", "-p", "records");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown record kind 'widgets'");
    const noSet = await kroma("get", "items", "-p", "records");
    expect(noSet).toMatchObject({ code: 1, stderr: "kroma: reference-items needs --set\n" });
    const missing = await kroma("get", "characters", "nope", "-p", "records");
    expect(missing).toMatchObject({ code: 1, stderr: "kroma: Character 'nope' not found (not_found, HTTP 404)\n" });
    const noProject = await kroma("get", "characters");
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toContain("required option '-p, --project <slug>' not specified");
  });
});
