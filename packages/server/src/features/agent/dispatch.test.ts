import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { components } from "@kroma/contract";
import { type ApiClient, portClient } from "@kroma/testkit/api-client";
import { expectOk } from "@kroma/testkit/api-results";
import { startTestServer, type TestServer } from "@kroma/testkit/test-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AgentDispatchOptions, createAgentDispatcher } from "./dispatch.js";

/** What the fake agent answers: a status with a JSON (or raw text) body, or no answer at all. */
type Reply = { status: number; json?: unknown; text?: string; delayMs?: number } | "hang";

interface FakeAgent {
  url: string;
  requests: { method: string; headers: IncomingHttpHeaders; body: unknown }[];
  close(): Promise<void>;
}

const agents: FakeAgent[] = [];

/** A local HTTP server standing in for the agent endpoint; the last reply repeats. */
async function startAgent(...replies: Reply[]): Promise<FakeAgent> {
  const requests: FakeAgent["requests"] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: request.method ?? "", headers: request.headers, body: JSON.parse(text) });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? { status: 200, json: {} };
      if (reply === "hang") return;
      setTimeout(() => {
        response.writeHead(reply.status, {
          "content-type": reply.text === undefined ? "application/json" : "text/plain",
        });
        response.end(reply.text ?? JSON.stringify(reply.json ?? {}));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/agent/run`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  agents.push(agent);
  return agent;
}

const token = "s3cret-agent-token";

let server: TestServer;
let client: ApiClient;
let logs: string[];
let offsetMs: number;

beforeEach(async () => {
  // No background worker: each test drives passes itself with runOnce().
  server = await startTestServer({ agentDispatch: false });
  client = portClient(server.url);
  await expectOk(client.POST("/api/projects", { body: { name: "Dispatch" } }));
  logs = [];
  offsetMs = 0;
});

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
  await server.stop();
});

/** A dispatcher on the test server's database, with a clock the test can move forward. */
function dispatcher(options: AgentDispatchOptions = {}) {
  return createAgentDispatcher(server.db, {
    now: () => new Date(Date.now() + offsetMs),
    log: (message) => logs.push(message),
    ...options,
  });
}

type CreateBody = components["schemas"]["CreateAgentInstructionRequest"];
const inProject = { params: { path: { slug: "dispatch" } } };
const onInstruction = (instructionId: string) => ({ params: { path: { slug: "dispatch", instructionId } } });

const create = (body: CreateBody) =>
  expectOk(client.POST("/api/projects/{slug}/agent/instructions", { ...inProject, body }));

async function queue(body: CreateBody = {}) {
  const { instruction } = await create({
    instruction_text: "Paint the harbor at dusk",
    dispatch_to_agent: true,
    ...body,
  });
  expect(instruction.status).toBe("queued");
  return instruction;
}

const cancel = (id: string, message?: string) =>
  client.POST("/api/projects/{slug}/agent/instructions/{instructionId}/cancel", {
    ...onInstruction(id),
    body: message === undefined ? undefined : { message },
  });
const read = async (id: string) =>
  (await expectOk(client.GET("/api/projects/{slug}/agent/instructions/{instructionId}", onInstruction(id))))
    .instruction;
const history = async (id: string) =>
  (await expectOk(client.GET("/api/projects/{slug}/agent/instructions/{instructionId}/events", onInstruction(id))))
    .events;
const types = async (id: string) => (await history(id)).map((event) => event.event_type);

describe("agent dispatch", () => {
  it("posts the instruction with the bearer token and stores the answer", async () => {
    const agent = await startAgent({ status: 200, json: { status: "accepted", run_id: "run-7" } });
    const instruction = await queue({
      instruction_type: "pipeline.run",
      payload_json: { scene: "harbor", candidates: 2 },
    });
    const held = (await create({ instruction_text: "Not for the agent" })).instruction;

    expect(await dispatcher({ apiUrl: agent.url, apiToken: token }).runOnce()).toBe(1);

    expect(agent.requests).toHaveLength(1);
    const [request] = agent.requests;
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.body).toEqual({
      instruction_id: instruction.id,
      project_slug: "dispatch",
      instruction_type: "pipeline.run",
      objective: "Paint the harbor at dusk",
      payload: { scene: "harbor", candidates: 2 },
      instruction_text: "Paint the harbor at dusk",
    });

    const after = await read(instruction.id);
    expect(after).toMatchObject({
      status: "done",
      attempts: 1,
      last_error: null,
      next_attempt_at: null,
      agent_response_json: { status: "accepted", run_id: "run-7" },
    });
    const events = await history(instruction.id);
    expect(events.map((event) => event.event_type)).toEqual(["created", "queued", "dispatch_started", "dispatched"]);
    expect(events[3]?.message).toContain("accepted");

    expect((await read(held.id)).status).toBe("pending");
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(0);
    expect(agent.requests).toHaveLength(1);
  });

  it("dispatches every due instruction in one pass, oldest first", async () => {
    const agent = await startAgent({ status: 200, json: { status: "ok" } });
    const ids = [(await queue({ instruction_text: "first" })).id, (await queue({ instruction_text: "second" })).id];
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(2);
    expect(agent.requests.map((request) => (request.body as { instruction_id: string }).instruction_id)).toEqual(ids);
  });

  it("fails the instruction when the agent reports failure, and sends no token when none is set", async () => {
    const agent = await startAgent(
      { status: 200, json: { status: "failed", error: "model overloaded" } },
      { status: 200, json: { status: "failed", message: "bad scene" } },
      { status: 200, json: { status: "failed" } },
      { status: 200, text: "fine, not JSON" },
    );
    const ids = [(await queue()).id, (await queue()).id, (await queue()).id, (await queue()).id];
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(4);
    expect(agent.requests[0]?.headers).not.toHaveProperty("authorization");

    const [overloaded, badScene, bare, notJson] = await Promise.all(ids.map(read));
    expect(overloaded).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "model overloaded",
      agent_response_json: { status: "failed", error: "model overloaded" },
    });
    expect(badScene).toMatchObject({ status: "failed", last_error: "bad scene" });
    expect(bare).toMatchObject({ status: "failed", last_error: "agent reported failure" });
    expect(notJson).toMatchObject({ status: "done", last_error: null, agent_response_json: null });

    const events = await history(ids[0] as string);
    expect(events.map((event) => event.event_type)).toEqual(["created", "queued", "dispatch_started", "dispatched"]);
    expect(events[3]?.message).toContain("failed");
  });

  it("retries a 503 after the back-off, then succeeds", async () => {
    const agent = await startAgent({ status: 503, json: { error: "busy" } }, { status: 200, json: { status: "done" } });
    const instruction = await queue();
    const worker = dispatcher({ apiUrl: agent.url, backoffMs: 20 });

    expect(await worker.runOnce()).toBe(1);
    const waiting = await read(instruction.id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, last_error: "http_503" });
    const retryEvent = (await history(instruction.id)).at(-1);
    expect(retryEvent?.event_type).toBe("retry_scheduled");
    const scheduledFrom = Date.parse(waiting.updated_at);
    expect(Date.parse(waiting.next_attempt_at ?? "") - scheduledFrom).toBe(20);

    // Not due yet: the back-off holds it back.
    expect(await worker.runOnce()).toBe(0);
    offsetMs = Date.parse(waiting.next_attempt_at ?? "") - Date.now();
    expect(await worker.runOnce()).toBe(1);

    expect(await read(instruction.id)).toMatchObject({
      status: "done",
      attempts: 2,
      last_error: null,
      next_attempt_at: null,
      agent_response_json: { status: "done" },
    });
    expect(await types(instruction.id)).toEqual([
      "created",
      "queued",
      "dispatch_started",
      "retry_scheduled",
      "dispatch_started",
      "dispatched",
    ]);
    expect(agent.requests).toHaveLength(2);
  });

  it("gives up after max_attempts when the agent keeps answering 503, backing off more each time", async () => {
    const agent = await startAgent({ status: 503, text: "unavailable" });
    const instruction = await queue();
    const worker = dispatcher({ apiUrl: agent.url, backoffMs: 20 });

    const delays: number[] = [];
    for (let pass = 1; pass <= 3; pass += 1) {
      expect(await worker.runOnce()).toBe(1);
      const current = await read(instruction.id);
      expect(current.attempts).toBe(pass);
      if (current.status === "queued") {
        delays.push(Date.parse(current.next_attempt_at ?? "") - Date.parse(current.updated_at));
        offsetMs = Date.parse(current.next_attempt_at ?? "") - Date.now();
      }
    }
    expect(delays).toEqual([20, 40]);
    expect(await read(instruction.id)).toMatchObject({
      status: "failed",
      attempts: 3,
      max_attempts: 3,
      last_error: "http_503",
      next_attempt_at: null,
    });
    expect(await types(instruction.id)).toEqual([
      "created",
      "queued",
      "dispatch_started",
      "retry_scheduled",
      "dispatch_started",
      "retry_scheduled",
      "dispatch_started",
      "dispatch_failed",
    ]);
    offsetMs += 10_000;
    expect(await worker.runOnce()).toBe(0);
    expect(agent.requests).toHaveLength(3);
  });

  it("retries 429 and other 5xx answers", async () => {
    for (const status of [429, 500, 502]) {
      const agent = await startAgent({ status });
      const instruction = await queue();
      expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(1);
      expect(await read(instruction.id), String(status)).toMatchObject({
        status: "queued",
        last_error: `http_${status}`,
      });
      await cancel(instruction.id);
    }
  });

  it("fails at once on a 4xx answer, keeping the agent's JSON answer", async () => {
    const agent = await startAgent({ status: 400, json: { error: "unknown instruction_type" } });
    const instruction = await queue();
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(1);
    expect(await read(instruction.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "http_400",
      next_attempt_at: null,
      agent_response_json: { error: "unknown instruction_type" },
    });
    expect(await types(instruction.id)).toEqual(["created", "queued", "dispatch_started", "dispatch_failed"]);
    offsetMs = 60_000;
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(0);
    expect(agent.requests).toHaveLength(1);
  });

  it("fails without an attempt when no agent URL is configured", async () => {
    const instruction = await queue();
    expect(await dispatcher({ apiToken: token }).runOnce()).toBe(1);
    expect(await read(instruction.id)).toMatchObject({
      status: "failed",
      attempts: 0,
      last_error: "missing_agent_api_url",
      next_attempt_at: null,
    });
    const events = await history(instruction.id);
    expect(events.map((event) => event.event_type)).toEqual(["created", "queued", "dispatch_failed"]);
    expect(events[2]?.message).toBe("missing_agent_api_url");
  });

  it("treats a timeout as retryable", async () => {
    const agent = await startAgent("hang");
    const instruction = await queue();
    expect(await dispatcher({ apiUrl: agent.url, timeoutMs: 50 }).runOnce()).toBe(1);
    expect(agent.requests).toHaveLength(1);
    const after = await read(instruction.id);
    expect(after).toMatchObject({ status: "queued", attempts: 1, last_error: "timeout after 50 ms" });
    expect(await types(instruction.id)).toEqual(["created", "queued", "dispatch_started", "retry_scheduled"]);
  });

  it("treats a refused connection as retryable", async () => {
    const agent = await startAgent({ status: 200 });
    await agent.close();
    const instruction = await queue();
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(1);
    expect(await read(instruction.id)).toMatchObject({
      status: "queued",
      attempts: 1,
      last_error: "network_error: ECONNREFUSED",
    });
  });

  it("never sends an instruction canceled while queued", async () => {
    const agent = await startAgent({ status: 200, json: { status: "ok" } });
    const instruction = await queue();
    expect((await cancel(instruction.id, "changed my mind")).response.status).toBe(200);
    expect(await dispatcher({ apiUrl: agent.url }).runOnce()).toBe(0);
    expect(agent.requests).toHaveLength(0);
    expect((await read(instruction.id)).status).toBe("canceled");
    expect(await types(instruction.id)).toEqual(["created", "queued", "canceled"]);
  });

  it("keeps the token out of events, errors, logs and stored answers", async () => {
    const agent = await startAgent(
      { status: 503, json: { error: `rejected ${token}` } },
      { status: 200, json: { status: "failed", error: `bad token ${token}`, echo: token } },
    );
    const instruction = await queue();
    const worker = dispatcher({ apiUrl: agent.url, apiToken: token, backoffMs: 0 });
    await worker.runOnce();
    offsetMs = 1_000;
    await worker.runOnce();

    const after = await read(instruction.id);
    expect(after.status).toBe("failed");
    expect(agent.requests.every((request) => request.headers.authorization === `Bearer ${token}`)).toBe(true);
    const visible = JSON.stringify([after, await history(instruction.id), logs]);
    expect(logs.length).toBeGreaterThan(0);
    expect(visible).not.toContain(token);
    expect(after.last_error).toBe("bad token [redacted]");
  });

  it("stop() waits for the dispatch in flight", async () => {
    const agent = await startAgent({ status: 200, json: { status: "ok" }, delayMs: 150 });
    const instruction = await queue();
    const worker = dispatcher({ apiUrl: agent.url, pollIntervalMs: 5 });
    worker.start();
    await expect.poll(() => agent.requests.length).toBe(1);
    await worker.stop();
    expect((await read(instruction.id)).status).toBe("done");
    expect(await worker.runOnce()).toBe(0);
  });

  it("requeues an instruction a stopped server left running when the worker starts", async () => {
    const agent = await startAgent({ status: 200, json: { status: "ok" } });
    const instruction = await queue();
    await server.db
      .updateTable("agent_instructions")
      .set({ status: "running", attempts: 1, next_attempt_at: null })
      .where("id", "=", instruction.id)
      .execute();
    const worker = dispatcher({ apiUrl: agent.url, pollIntervalMs: 5 });
    worker.start();
    await expect.poll(async () => (await read(instruction.id)).status).toBe("done");
    await worker.stop();
    expect((await read(instruction.id)).attempts).toBe(2);
    expect(await types(instruction.id)).toEqual([
      "created",
      "queued",
      "retry_scheduled",
      "dispatch_started",
      "dispatched",
    ]);
  });
});

describe("the worker in a running server", () => {
  it("dispatches an instruction created over HTTP", async () => {
    const agent = await startAgent({ status: 200, json: { status: "accepted" } });
    const live = await startTestServer({ agentDispatch: { apiUrl: agent.url, apiToken: token, pollIntervalMs: 10 } });
    try {
      const liveClient = portClient(live.url);
      await expectOk(liveClient.POST("/api/projects", { body: { name: "Live" } }));
      const inLive = { params: { path: { slug: "live" } } };
      const created = await expectOk(
        liveClient.POST("/api/projects/{slug}/agent/instructions", {
          ...inLive,
          body: { instruction_text: "Go", dispatch_to_agent: true },
        }),
      );
      const id = created.instruction.id;
      const onLive = { params: { path: { slug: "live", instructionId: id } } };

      const status = async () =>
        (await expectOk(liveClient.GET("/api/projects/{slug}/agent/instructions/{instructionId}", onLive))).instruction
          .status;
      await expect.poll(status).toBe("done");
      expect(agent.requests).toHaveLength(1);
      expect(agent.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
      expect(agent.requests[0]?.body).toMatchObject({ instruction_id: id, project_slug: "live", objective: "Go" });
      const { events } = await expectOk(
        liveClient.GET("/api/projects/{slug}/agent/instructions/{instructionId}/events", onLive),
      );
      expect(events.map((event) => event.event_type)).toEqual(["created", "queued", "dispatch_started", "dispatched"]);
    } finally {
      await live.stop();
    }
  });
});
