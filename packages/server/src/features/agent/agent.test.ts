import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import { describe, expect, it } from "vitest";
import type { AgentInstructionStatus } from "../../core/db/schema.js";

// Through real HTTP; the server checks every JSON response it sends against the spec. No dispatch
// worker runs here, so statuses change only through these requests (agent-dispatch.test.ts covers the worker).
const api = useTestServer({ agentDispatch: false, projects: ["Agents", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/agents/agent/instructions";

async function create(body: unknown) {
  const created = await call("POST", base, body);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body.instruction;
}

async function eventTypes(id: string): Promise<string[]> {
  const { body } = await call("GET", `${base}/${id}/events`);
  return body.events.map((event: { event_type: string }) => event.event_type);
}

/** Puts an instruction in a status only the dispatch worker reaches. */
async function forceStatus(id: string, status: AgentInstructionStatus) {
  await api.server.db.updateTable("agent_instructions").set({ status }).where("id", "=", id).execute();
}

describe("creating agent instructions", () => {
  it("creates a pending instruction from text, with a created event", async () => {
    const instruction = await create({ instruction_text: "  Repaint the sky at dusk  " });
    expect(instruction).toMatchObject({
      instruction_text: "Repaint the sky at dusk",
      instruction_type: "instruction",
      payload_json: {},
      dispatch_to_agent: false,
      status: "pending",
      attempts: 0,
      max_attempts: 3,
      next_attempt_at: null,
      last_error: null,
      agent_response_json: null,
      confirmed_at: null,
      canceled_at: null,
    });
    expect(instruction.created_at).toBe(instruction.updated_at);
    expect((await call("GET", `${base}/${instruction.id}`)).body).toEqual({ ok: true, instruction });

    const events = await call("GET", `${base}/${instruction.id}/events`);
    expect(events.body).toMatchObject({
      ok: true,
      instruction_id: instruction.id,
      count: 1,
      events: [
        {
          project_id: instruction.project_id,
          instruction_id: instruction.id,
          event_type: "created",
          message: "Instruction created",
          created_at: instruction.created_at,
        },
      ],
    });
    expect(events.body.events[0]).not.toHaveProperty("seq");
  });

  it("accepts the older instruction_type + payload_json form and stores everything", async () => {
    const payload = { objective: "  Add rain  ", scene: "harbor", strength: 2, tags: ["wet"] };
    const older = await create({ instruction_type: "pipeline.run", payload_json: payload });
    expect(older).toMatchObject({
      instruction_text: "Add rain",
      instruction_type: "pipeline.run",
      payload_json: payload,
      status: "pending",
    });

    const payloadOnly = await create({ payload_json: { steps: [1, 2] } });
    expect(payloadOnly).toMatchObject({
      instruction_text: "",
      instruction_type: "instruction",
      payload_json: { steps: [1, 2] },
    });

    const both = await create({
      instruction_text: "Text wins",
      instruction_type: "custom",
      payload_json: { objective: "no" },
    });
    expect(both).toMatchObject({
      instruction_text: "Text wins",
      instruction_type: "custom",
      payload_json: { objective: "no" },
    });

    const fromPayloadText = await create({
      instruction_text: "  ",
      payload_json: { instruction_text: "From payload" },
    });
    expect(fromPayloadText.instruction_text).toBe("From payload");
  });

  it("queues at once when dispatch_to_agent is set", async () => {
    const instruction = await create({ instruction_text: "Ship it", dispatch_to_agent: true });
    expect(instruction).toMatchObject({ status: "queued", dispatch_to_agent: true, attempts: 0 });
    expect(instruction.next_attempt_at).toBe(instruction.created_at);
    expect(await eventTypes(instruction.id)).toEqual(["created", "queued"]);

    const notDispatched = await create({ instruction_text: "Hold it", dispatch_to_agent: false });
    expect(notDispatched).toMatchObject({ status: "pending", dispatch_to_agent: false, next_attempt_at: null });
  });

  it("rejects bad input with 400, creating nothing", async () => {
    const before = (await call("GET", base)).body.count;
    for (const [body, message] of [
      [{}, "Provide at least one of: instruction_text, payload_json"],
      [{ instruction_type: "pipeline.run" }, "Provide at least one of: instruction_text, payload_json"],
      [{ dispatch_to_agent: true }, "Provide at least one of: instruction_text, payload_json"],
      [{ instruction_text: "   " }, "Field 'instruction_text' is required"],
    ] as const) {
      const response = await call("POST", base, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    for (const body of [
      { instruction_text: 5 },
      { instruction_text: "x", payload_json: [1, 2] },
      { instruction_text: "x", payload_json: "text" },
      { instruction_text: "x", dispatch_to_agent: "yes" },
    ]) {
      expect((await call("POST", base, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await call("POST", base)).status).toBe(400);
    expect((await call("GET", base)).body.count).toBe(before);
  });
});

describe("listing agent instructions", () => {
  it("lists newest first and filters by status", async () => {
    await call("POST", "/api/projects", { name: "Listing" });
    const listing = "/api/projects/listing/agent/instructions";
    const ids: string[] = [];
    for (const text of ["one", "two", "three"]) {
      ids.push((await call("POST", listing, { instruction_text: text })).body.instruction.id);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await call("POST", `${listing}/${ids[1]}/confirm`);

    const all = await call("GET", listing);
    expect(all.body.count).toBe(3);
    expect(all.body.instructions.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());

    const confirmed = await call("GET", `${listing}?status=confirmed`);
    expect(confirmed.body).toMatchObject({ count: 1, instructions: [{ id: ids[1], status: "confirmed" }] });
    const pending = await call("GET", `${listing}?status=pending`);
    expect(pending.body.instructions.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[0]]);
    expect((await call("GET", `${listing}?status=done`)).body).toEqual({ ok: true, count: 0, instructions: [] });

    const bad = await call("GET", `${listing}?status=sleeping`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/status/);
  });
});

describe("confirm and cancel", () => {
  it("confirms a pending instruction once, recording the message", async () => {
    const instruction = await create({ instruction_text: "Confirm me" });
    const confirmed = await call("POST", `${base}/${instruction.id}/confirm`, { message: "  Looks right  " });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.instruction).toMatchObject({ id: instruction.id, status: "confirmed", canceled_at: null });
    expect(confirmed.body.instruction.confirmed_at).toBe(confirmed.body.instruction.updated_at);
    expect(confirmed.body.instruction.confirmed_at >= instruction.created_at).toBe(true);

    const again = await call("POST", `${base}/${instruction.id}/confirm`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, error: "Instruction is already confirmed", error_code: "conflict" });

    const { body } = await call("GET", `${base}/${instruction.id}/events`);
    expect(body.events.map((e: { event_type: string; message: string | null }) => [e.event_type, e.message])).toEqual([
      ["created", "Instruction created"],
      ["confirmed", "Looks right"],
    ]);
  });

  it("cancels pending, confirmed and queued instructions, with a null message when none is given", async () => {
    const pending = await create({ instruction_text: "Cancel pending" });
    const confirmed = await create({ instruction_text: "Cancel confirmed" });
    await call("POST", `${base}/${confirmed.id}/confirm`);
    const queued = await create({ instruction_text: "Cancel queued", dispatch_to_agent: true });

    for (const [instruction, history] of [
      [pending, ["created", "canceled"]],
      [confirmed, ["created", "confirmed", "canceled"]],
      [queued, ["created", "queued", "canceled"]],
    ] as const) {
      const canceled = await call(
        "POST",
        `${base}/${instruction.id}/cancel`,
        instruction === pending ? { message: "No longer needed" } : undefined,
      );
      expect(canceled.status).toBe(200);
      expect(canceled.body.instruction).toMatchObject({ status: "canceled", next_attempt_at: null });
      expect(canceled.body.instruction.canceled_at).toBe(canceled.body.instruction.updated_at);
      expect(await eventTypes(instruction.id)).toEqual(history);
    }
    const events = (await call("GET", `${base}/${pending.id}/events`)).body.events;
    expect(events[1].message).toBe("No longer needed");
    const queuedEvents = (await call("GET", `${base}/${queued.id}/events`)).body.events;
    expect(queuedEvents[2].message).toBeNull();
  });

  it("refuses every other move with 409 and the exact reason, writing no event", async () => {
    const cases: [AgentInstructionStatus, "confirm" | "cancel", string][] = [
      ["confirmed", "confirm", "Instruction is already confirmed"],
      ["canceled", "confirm", "Instruction is already canceled"],
      ["queued", "confirm", "Instruction cannot be confirmed while queued"],
      ["running", "confirm", "Instruction cannot be confirmed while running"],
      ["done", "confirm", "Instruction cannot be confirmed while done"],
      ["failed", "confirm", "Instruction cannot be confirmed while failed"],
      ["canceled", "cancel", "Instruction is already canceled"],
      ["running", "cancel", "Instruction cannot be canceled while running"],
      ["done", "cancel", "Instruction cannot be canceled while done"],
      ["failed", "cancel", "Instruction cannot be canceled while failed"],
    ];
    for (const [status, action, message] of cases) {
      const instruction = await create({ instruction_text: `${action} while ${status}` });
      await forceStatus(instruction.id, status);
      const before = await call("GET", `${base}/${instruction.id}`);
      const eventsBefore = await eventTypes(instruction.id);

      const response = await call("POST", `${base}/${instruction.id}/${action}`, { message: "try" });
      expect(response.status, message).toBe(409);
      expect(response.body).toEqual({
        ok: false,
        error: message,
        error_kind: "validation",
        error_code: "conflict",
        details: { status },
      });
      expect((await call("GET", `${base}/${instruction.id}`)).body).toEqual(before.body);
      expect(await eventTypes(instruction.id)).toEqual(eventsBefore);
    }
  });

  it("lets exactly one of two racing cancels win", async () => {
    const instruction = await create({ instruction_text: "Race", dispatch_to_agent: true });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", `${base}/${instruction.id}/cancel`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await eventTypes(instruction.id)).toEqual(["created", "queued", "canceled"]);
  });

  it("validates the transition body", async () => {
    const instruction = await create({ instruction_text: "Long message" });
    const response = await call("POST", `${base}/${instruction.id}/confirm`, { message: "x".repeat(2001) });
    expect(response.status).toBe(400);
    expect((await call("GET", `${base}/${instruction.id}`)).body.instruction.status).toBe("pending");
  });
});

describe("not found", () => {
  it("404s unknown projects, unknown ids and another project's instruction alike", async () => {
    const theirs = (await call("POST", "/api/projects/other/agent/instructions", { instruction_text: "Theirs" })).body
      .instruction.id;
    for (const [method, path] of [
      ["GET", "/api/projects/ghost/agent/instructions"],
      ["POST", "/api/projects/ghost/agent/instructions"],
      ["GET", `/api/projects/ghost/agent/instructions/${theirs}`],
    ] as const) {
      const response = await call(method, path, method === "POST" ? { instruction_text: "x" } : undefined);
      expect(response.status, path).toBe(404);
      expect(response.body.error).toBe("Project 'ghost' not found");
    }

    for (const id of ["no-such-id", theirs]) {
      for (const [method, suffix] of [
        ["GET", ""],
        ["GET", "/events"],
        ["POST", "/confirm"],
        ["POST", "/cancel"],
      ] as const) {
        const response = await call(method, `${base}/${id}${suffix}`);
        expect(response.status, `${method} ${suffix}`).toBe(404);
        expect(response.body).toEqual({
          ok: false,
          error: `Agent instruction '${id}' not found`,
          error_kind: "validation",
          error_code: "not_found",
        });
      }
    }
    const still = await call("GET", `/api/projects/other/agent/instructions/${theirs}`);
    expect(still.body.instruction.status).toBe("pending");
    expect((await call("GET", `/api/projects/other/agent/instructions/${theirs}/events`)).body.count).toBe(1);
  });
});
