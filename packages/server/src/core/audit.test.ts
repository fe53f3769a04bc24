import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiClient, portClient } from "@kroma/testkit/api-client";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type HttpResult, httpClient } from "@kroma/testkit/http-client";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { type Selectable, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAgentDispatcher } from "../features/agent/dispatch.js";
import type { AuditEventsTable } from "./db/schema.js";

// Through real HTTP; audit rows are read straight from the server's database.
// Set-up and reads go through the typed client. `audited` and `refused` still take method and path
// through the untyped `call`: the per-record table below sends one request shape to three paths,
// and many refused writes send bodies the spec rejects (blank names, empty updates, bad URLs).
let server: TestServer;
let call: ReturnType<typeof httpClient>;
let client: ApiClient;
let projectId: string;
beforeAll(async () => {
  // No background worker: the dispatch tests drive passes themselves.
  server = await startTestServer({ agentDispatch: false });
  call = httpClient(server.url);
  client = portClient(server.url);
  projectId = (await expectOk(client.POST("/api/projects", { body: { name: "Audited" } }))).project.id;
  await client.POST("/api/projects", { body: { name: "Owned", username: "alice" } });
  // Assets arrive through run ingest, which has no endpoint yet: write the rows directly.
  for (const id of ["a1", "a2", "a3"]) {
    await server.db
      .insertInto("assets")
      .values({
        id,
        project_id: projectId,
        kind: "image",
        storage_backend: "local",
        created_at: new Date().toISOString(),
      })
      .execute();
  }
});
afterAll(() => server.stop());

const project = "/api/projects/audited";

/** Text that must never reach the audit log: message content, template text, config values. */
const neverLogged = [
  "MESSAGE-CONTENT-7f3a",
  "TEMPLATE-TEXT-91bc",
  "CONFIG-VALUE-4d2e",
  "INSTRUCTION-TEXT-c0de",
  "ITEM-TEXT-5a5a",
  "AGENT-TOKEN-8b8b",
];

type AuditRow = Selectable<AuditEventsTable>;

const allEvents = (): Promise<AuditRow[]> => server.db.selectFrom("audit_events").selectAll().execute();

/** Runs `work` and returns the audit rows it added, oldest first. */
async function eventsOf<T>(work: () => Promise<T>): Promise<{ result: T; events: AuditRow[] }> {
  const before = new Set((await allEvents()).map((row) => row.id));
  const result = await work();
  const events = (await allEvents()).filter((row) => !before.has(row.id));
  events.sort((a, b) => a.created_at.localeCompare(b.created_at));
  return { result, events };
}

interface Expected {
  action: string;
  target_type: string;
  target_id: string;
  project_id?: string;
}

/** What creating a `targetType` logs: `<targetType>.create`, on the id the response holds at `body[key]`. */
const createOf =
  (targetType: string, key = targetType) =>
  (response: HttpResult): Expected => ({
    action: `${targetType}.create`,
    target_type: targetType,
    target_id: response.body[key].id,
  });

/** Sends a write that must succeed and add exactly one audit row like `expected`; returns response and detail. */
async function audited(
  expected: Expected | ((response: HttpResult) => Expected),
  method: string,
  path: string,
  body?: unknown,
): Promise<{ response: HttpResult; detail: Record<string, unknown> }> {
  const { result: response, events } = await eventsOf(() => call(method, path, body));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const want = typeof expected === "function" ? expected(response) : expected;
  expect(events).toHaveLength(1);
  const [event] = events as [AuditRow];
  expect(event).toMatchObject({
    actor_token_id: null,
    action: want.action,
    project_id: want.project_id ?? projectId,
    target_type: want.target_type,
    target_id: want.target_id,
  });
  const detail: unknown = JSON.parse(event.detail_json);
  expect(isPlainObject(detail), event.detail_json).toBe(true);
  return { response, detail: detail as Record<string, unknown> };
}

/** A JSON object, as every detail is: not null, not an array. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Sends a write that must fail with `status` and add no audit row. */
async function refused(status: number, method: string, path: string, body?: unknown): Promise<void> {
  const { result: response, events } = await eventsOf(() => call(method, path, body));
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(events).toEqual([]);
}

describe("audit of project writes", () => {
  it("logs project.create for a new slug and project.update for an existing one", async () => {
    const created = await audited(
      (response) => ({
        action: "project.create",
        target_type: "project",
        target_id: response.body.project.id,
        project_id: response.body.project.id,
      }),
      "POST",
      "/api/projects",
      { name: "Fresh", description: "new" },
    );
    expect(created.detail).toEqual({ slug: "fresh", username: "local" });
    const id = created.response.body.project.id;

    const updated = await audited(
      { action: "project.update", target_type: "project", target_id: id, project_id: id },
      "POST",
      "/api/projects",
      { name: "Fresh again", slug: "fresh" },
    );
    expect(updated.detail).toEqual({ slug: "fresh", changed: ["name"] });
  });

  it("logs nothing for a refused project write", async () => {
    await refused(400, "POST", "/api/projects", { name: "   " });
    // The slug belongs to another user: the write (and the user row it began with) is rolled back.
    await refused(409, "POST", "/api/projects", { name: "Owned", username: "bob" });
    expect(await server.db.selectFrom("users").select("id").where("username", "=", "bob").execute()).toEqual([]);
  });

  it("logs storage.update_local and storage.update_s3 with the changed field names only", async () => {
    const local = await audited(
      { action: "storage.update_local", target_type: "project_storage", target_id: projectId },
      "PUT",
      `${project}/storage/local`,
      { base_dir: "data/projects" },
    );
    expect(local.detail).toEqual({ changed: ["base_dir"] });

    const s3 = await audited(
      { action: "storage.update_s3", target_type: "project_storage", target_id: projectId },
      "PUT",
      `${project}/storage/s3`,
      { enabled: true, bucket: "my-bucket", region: "eu-west-1" },
    );
    expect(s3.detail).toEqual({ changed: ["enabled", "bucket", "region"] });

    await refused(400, "PUT", `${project}/storage/local`, {});
    await refused(400, "PUT", `${project}/storage/s3`, { endpoint_url: "ftp://nope" });
    await refused(404, "PUT", "/api/projects/missing/storage/local", { base_dir: "x" });
  });
});

const namedRecords = [
  {
    path: "prompt-templates",
    key: "prompt_template",
    create: { name: "Hero", template_text: "TEMPLATE-TEXT-91bc" },
    update: { template_text: "TEMPLATE-TEXT-91bc again" },
    changed: ["template_text"],
  },
  {
    path: "style-guides",
    key: "style_guide",
    create: { name: "Noir", instructions: "high contrast" },
    update: { name: "Neo noir", notes: "more grain" },
    changed: ["name", "notes"],
  },
  {
    path: "characters",
    key: "character",
    create: { name: "Mara", prompt_text: "red coat" },
    update: { description: "a pilot" },
    changed: ["description"],
  },
] as const;

describe.each(namedRecords)("audit of $path", ({ path, key, create, update, changed }) => {
  const base = `${project}/${path}`;

  it(`logs ${key}.create, ${key}.update and ${key}.delete`, async () => {
    const created = await audited(createOf(key), "POST", base, create);
    const record = created.response.body[key];
    expect(created.detail).toEqual({ name: create.name });

    const updated = await audited(
      { action: `${key}.update`, target_type: key, target_id: record.id },
      "PUT",
      `${base}/${record.id}`,
      update,
    );
    expect(updated.detail).toEqual({ changed });

    const deleted = await audited(
      { action: `${key}.delete`, target_type: key, target_id: record.id },
      "DELETE",
      `${base}/${record.id}`,
    );
    expect(deleted.detail).toEqual({ name: updated.response.body[key].name });
  });

  it("logs nothing for a refused write", async () => {
    const record = (await call("POST", base, { ...create, name: `Taken ${key}` })).body[key];
    await refused(409, "POST", base, { ...create, name: `Taken ${key}` });
    await refused(400, "POST", base, { ...create, name: " " });
    await refused(400, "PUT", `${base}/${record.id}`, {});
    await refused(404, "PUT", `${base}/no-such-id`, update);
    await refused(404, "DELETE", `${base}/no-such-id`);
    await refused(404, "POST", `/api/projects/missing/${path}`, create);
  });
});

describe("audit of provider accounts", () => {
  const base = `${project}/provider-accounts`;

  it("logs upsert, update and delete keyed by the provider code, without config values", async () => {
    const upserted = await audited(
      { action: "provider_account.upsert", target_type: "provider_account", target_id: "openai" },
      "POST",
      base,
      { provider_code: " OpenAI ", display_name: "OpenAI", config_json: { region: "CONFIG-VALUE-4d2e" } },
    );
    expect(upserted.detail).toEqual({ provider_code: "openai", changed: ["display_name", "config_json"] });

    const updated = await audited(
      { action: "provider_account.update", target_type: "provider_account", target_id: "openai" },
      "PUT",
      `${base}/openai`,
      { enabled: false },
    );
    expect(updated.detail).toEqual({ provider_code: "openai", changed: ["enabled"] });

    const deleted = await audited(
      { action: "provider_account.delete", target_type: "provider_account", target_id: "openai" },
      "DELETE",
      `${base}/openai`,
    );
    expect(deleted.detail).toEqual({ provider_code: "openai" });
  });

  it("logs nothing for a refused write", async () => {
    await refused(400, "POST", base, { provider_code: "!!!" });
    await refused(400, "POST", base, { provider_code: "x", base_url: "not a url" });
    await refused(404, "PUT", `${base}/unknown`, { enabled: true });
    await refused(404, "DELETE", `${base}/unknown`);
  });
});

describe("audit of reference sets and items", () => {
  const base = `${project}/reference-sets`;

  it("logs reference_set and reference_item create, update and delete", async () => {
    const created = await audited(createOf("reference_set"), "POST", base, { name: "Moodboard" });
    const setId = created.response.body.reference_set.id;
    expect(created.detail).toEqual({ name: "Moodboard" });

    const setUpdated = await audited(
      { action: "reference_set.update", target_type: "reference_set", target_id: setId },
      "PUT",
      `${base}/${setId}`,
      { description: "looks" },
    );
    expect(setUpdated.detail).toEqual({ changed: ["description"] });

    const items = `${base}/${setId}/items`;
    const itemCreated = await audited(createOf("reference_item", "item"), "POST", items, {
      label: "first",
      content_text: "ITEM-TEXT-5a5a",
    });
    const itemId = itemCreated.response.body.item.id;
    expect(itemCreated.detail).toEqual({ reference_set_id: setId });

    const itemUpdated = await audited(
      { action: "reference_item.update", target_type: "reference_item", target_id: itemId },
      "PUT",
      `${items}/${itemId}`,
      { content_text: "ITEM-TEXT-5a5a 2", sort_order: 3 },
    );
    expect(itemUpdated.detail).toEqual({ reference_set_id: setId, changed: ["content_text", "sort_order"] });

    const itemDeleted = await audited(
      { action: "reference_item.delete", target_type: "reference_item", target_id: itemId },
      "DELETE",
      `${items}/${itemId}`,
    );
    expect(itemDeleted.detail).toEqual({ reference_set_id: setId });

    for (const content_uri of ["file:///a.png", "file:///b.png"]) {
      await client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
        params: { path: { slug: "audited", referenceSetId: setId } },
        body: { content_uri },
      });
    }
    const setDeleted = await audited(
      { action: "reference_set.delete", target_type: "reference_set", target_id: setId },
      "DELETE",
      `${base}/${setId}`,
    );
    expect(setDeleted.detail).toEqual({ name: "Moodboard", item_count: 2 });
  });

  it("logs nothing for a refused write", async () => {
    const { reference_set } = await expectOk(
      client.POST("/api/projects/{slug}/reference-sets", { ...inProject("audited"), body: { name: "Kept" } }),
    );
    const setId = reference_set.id;
    const { item } = await expectOk(
      client.POST("/api/projects/{slug}/reference-sets/{referenceSetId}/items", {
        params: { path: { slug: "audited", referenceSetId: setId } },
        body: { content_text: "x" },
      }),
    );
    await refused(409, "POST", base, { name: "Kept" });
    await refused(400, "POST", `${base}/${setId}/items`, { label: "empty" });
    // Clearing the only content is refused inside the write's transaction.
    await refused(400, "PUT", `${base}/${setId}/items/${item.id}`, { content_text: null });
    await refused(404, "POST", `${base}/no-such-set/items`, { content_text: "x" });
    await refused(404, "PUT", `${base}/${setId}/items/no-such-item`, { label: "x" });
    await refused(404, "DELETE", `${base}/${setId}/items/no-such-item`);
    await refused(404, "DELETE", `${base}/no-such-set`);
  });
});

describe("audit of asset links", () => {
  const base = `${project}/asset-links`;

  it("logs asset_link create, update and delete with the link's ends", async () => {
    const created = await audited(createOf("asset_link"), "POST", base, {
      parent_asset_id: "a1",
      child_asset_id: "a2",
    });
    const linkId = created.response.body.asset_link.id;
    expect(created.detail).toEqual({ parent_asset_id: "a1", child_asset_id: "a2", link_type: "derived_from" });

    const updated = await audited(
      { action: "asset_link.update", target_type: "asset_link", target_id: linkId },
      "PUT",
      `${base}/${linkId}`,
      { child_asset_id: "a3" },
    );
    expect(updated.detail).toEqual({
      changed: ["child_asset_id"],
      parent_asset_id: "a1",
      child_asset_id: "a3",
      link_type: "derived_from",
    });

    const deleted = await audited(
      { action: "asset_link.delete", target_type: "asset_link", target_id: linkId },
      "DELETE",
      `${base}/${linkId}`,
    );
    expect(deleted.detail).toEqual({ parent_asset_id: "a1", child_asset_id: "a3", link_type: "derived_from" });
  });

  it("logs nothing for a refused write", async () => {
    await client.POST("/api/projects/{slug}/asset-links", {
      ...inProject("audited"),
      body: { parent_asset_id: "a2", child_asset_id: "a3", link_type: "variant_of" },
    });
    await refused(409, "POST", base, { parent_asset_id: "a2", child_asset_id: "a3", link_type: "variant_of" });
    await refused(400, "POST", base, { parent_asset_id: "a1", child_asset_id: "a1" });
    await refused(400, "POST", base, { parent_asset_id: "a1", child_asset_id: "nope" });
    await refused(404, "PUT", `${base}/no-such-link`, { link_type: "mask_for" });
    await refused(404, "DELETE", `${base}/no-such-link`);
  });
});

describe("audit of chat", () => {
  const base = `${project}/chat/sessions`;

  it("logs chat_session.create and chat_message.create with the role, never the content", async () => {
    const session = await audited(createOf("chat_session", "session"), "POST", base, { title: "Planning" });
    expect(session.detail).toEqual({ status: "active" });
    const sessionId = session.response.body.session.id;

    const message = await audited(createOf("chat_message", "message"), "POST", `${base}/${sessionId}/messages`, {
      role: "user",
      content: "MESSAGE-CONTENT-7f3a",
      content_json: { note: "MESSAGE-CONTENT-7f3a" },
    });
    expect(message.detail).toEqual({ role: "user" });

    await refused(400, "POST", `${base}/${sessionId}/messages`, { role: "user", content: "  " });
    await refused(404, "POST", `${base}/no-such-session/messages`, { role: "user", content: "MESSAGE-CONTENT-7f3a" });
  });
});

describe("audit of agent instructions", () => {
  const base = `${project}/agent/instructions`;
  const create = async () =>
    (
      await expectOk(
        client.POST("/api/projects/{slug}/agent/instructions", {
          ...inProject("audited"),
          body: { instruction_text: "INSTRUCTION-TEXT-c0de" },
        }),
      )
    ).instruction.id;

  it("logs create, confirm and cancel with statuses, not the instruction's text", async () => {
    const created = await audited(createOf("agent_instruction", "instruction"), "POST", base, {
      instruction_text: "INSTRUCTION-TEXT-c0de",
      instruction_type: "edit",
    });
    expect(created.detail).toEqual({ instruction_type: "edit", status: "pending", dispatch_to_agent: false });
    const id = created.response.body.instruction.id;

    const confirmed = await audited(
      { action: "agent_instruction.confirm", target_type: "agent_instruction", target_id: id },
      "POST",
      `${base}/${id}/confirm`,
      { message: "INSTRUCTION-TEXT-c0de ok" },
    );
    expect(confirmed.detail).toEqual({ status: "confirmed" });

    const canceled = await audited(
      { action: "agent_instruction.cancel", target_type: "agent_instruction", target_id: id },
      "POST",
      `${base}/${id}/cancel`,
    );
    expect(canceled.detail).toEqual({ status: "canceled" });
  });

  it("logs nothing for a refused write", async () => {
    const id = await create();
    await client.POST("/api/projects/{slug}/agent/instructions/{instructionId}/cancel", {
      params: { path: { slug: "audited", instructionId: id } },
    });
    await refused(409, "POST", `${base}/${id}/cancel`);
    await refused(409, "POST", `${base}/${id}/confirm`);
    await refused(404, "POST", `${base}/no-such-instruction/confirm`);
    await refused(400, "POST", base, { instruction_text: " " });
  });
});

/** An HTTP endpoint standing in for the agent, answering every request with `status`. */
async function startAgent(status: number): Promise<{ url: string; close(): Promise<void> }> {
  const agent: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: status < 300 ? "ok" : "error" }));
    });
  });
  await new Promise<void>((resolve) => agent.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(agent.address() as AddressInfo).port}/run`,
    close: () => new Promise<void>((resolve) => agent.close(() => resolve())),
  };
}

describe("audit of the dispatch worker", () => {
  const base = `${project}/agent/instructions`;
  const queue = async () => {
    const created = await audited(createOf("agent_instruction", "instruction"), "POST", base, {
      instruction_text: "INSTRUCTION-TEXT-c0de",
      dispatch_to_agent: true,
    });
    expect(created.detail).toMatchObject({ status: "queued", dispatch_to_agent: true });
    return created.response.body.instruction.id as string;
  };
  /** The worker's audit rows for one instruction: actor-less, in order. */
  const workerEvents = (events: AuditRow[], id: string) => {
    for (const event of events) {
      expect(event).toMatchObject({ actor_token_id: null, project_id: projectId, target_type: "agent_instruction" });
    }
    return events
      .filter((event) => event.target_id === id)
      .map((event) => [event.action, JSON.parse(event.detail_json)]);
  };
  const run = (options: Parameters<typeof createAgentDispatcher>[1]) =>
    eventsOf(() => createAgentDispatcher(server.db, { log: () => {}, ...options }).runOnce());

  it("logs dispatch_start and dispatch_done for a delivered instruction", async () => {
    const agent = await startAgent(200);
    const id = await queue();
    const { events } = await run({ apiUrl: agent.url, apiToken: "AGENT-TOKEN-8b8b" });
    await agent.close();
    expect(workerEvents(events, id)).toEqual([
      ["agent_instruction.dispatch_start", { status: "running", attempts: 1, max_attempts: 3 }],
      ["agent_instruction.dispatch_done", { status: "done", attempts: 1, max_attempts: 3 }],
    ]);
  });

  it("logs retry_scheduled for a retryable failure and dispatch_failed without an agent URL", async () => {
    const agent = await startAgent(503);
    const retried = await queue();
    const { events } = await run({ apiUrl: agent.url });
    await agent.close();
    expect(workerEvents(events, retried)).toEqual([
      ["agent_instruction.dispatch_start", { status: "running", attempts: 1, max_attempts: 3 }],
      ["agent_instruction.retry_scheduled", { status: "queued", attempts: 1, max_attempts: 3 }],
    ]);

    // Nowhere to send it: every due instruction fails, the retried one included once it is due.
    const unsent = await queue();
    const failed = await run({ now: () => new Date(Date.now() + 60_000) });
    expect(workerEvents(failed.events, unsent)).toEqual([
      ["agent_instruction.dispatch_failed", { status: "failed", attempts: 0, max_attempts: 3 }],
    ]);
    expect(workerEvents(failed.events, retried)).toEqual([
      ["agent_instruction.dispatch_failed", { status: "failed", attempts: 1, max_attempts: 3 }],
    ]);
  });

  it("logs retry_scheduled for an instruction a stopped server left running", async () => {
    const id = await queue();
    await server.db
      .updateTable("agent_instructions")
      .set({ status: "running", attempts: 1, next_attempt_at: null })
      .where("id", "=", id)
      .execute();
    const { events } = await eventsOf(async () => {
      // Stopped before its first pass: only the requeue at start runs.
      const worker = createAgentDispatcher(server.db, { log: () => {} });
      worker.start();
      await worker.stop();
    });
    expect(workerEvents(events, id)).toEqual([
      ["agent_instruction.retry_scheduled", { status: "queued", attempts: 1, max_attempts: 3 }],
    ]);
  });
});

describe("audit atomicity", () => {
  it("rolls the write back when its audit event cannot be written", async () => {
    await sql`create trigger audit_down before insert on audit_events begin select raise(abort, 'audit down'); end`.execute(
      server.db,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { response } = await client.POST("/api/projects/{slug}/characters", {
        ...inProject("audited"),
        body: { name: "Unaudited" },
      });
      expect(response.status).toBe(500);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/audit down/);
      const { characters } = await expectOk(client.GET("/api/projects/{slug}/characters", inProject("audited")));
      expect(characters.map((character) => character.name)).not.toContain("Unaudited");
    } finally {
      logged.mockRestore();
      await sql`drop trigger audit_down`.execute(server.db);
    }
    await audited(createOf("character"), "POST", `${project}/characters`, { name: "Unaudited" });
  });
});

/** The fields the details of this file's writes may hold. */
const detailFields = (
  "attempts changed child_asset_id dispatch_to_agent instruction_type item_count link_type max_attempts name " +
  "parent_asset_id provider_code reference_set_id role slug status username"
).split(" ");

describe("audit details", () => {
  it("never hold message content, template text, config values, instruction text or tokens", async () => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(40);
    for (const event of events) {
      for (const text of neverLogged) expect(event.detail_json).not.toContain(text);
      const detail: unknown = JSON.parse(event.detail_json);
      expect(isPlainObject(detail), event.detail_json).toBe(true);
      // Flat metadata only: known fields holding names, ids, statuses, counts, or column names.
      for (const [field, value] of Object.entries(detail as Record<string, unknown>)) {
        expect(detailFields, `${event.action}: ${field}`).toContain(field);
        if (field === "changed") {
          expect(value, event.action).toEqual(expect.any(Array));
          for (const column of value as unknown[]) expect(column, event.action).toMatch(/^[a-z0-9_]+$/);
        } else {
          expect(["string", "number", "boolean"], `${event.action}: ${field}`).toContain(typeof value);
        }
      }
    }
  });
});
