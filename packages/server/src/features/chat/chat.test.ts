import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import { describe, expect, it } from "vitest";
import { expectNotFound } from "../../../test/envelope.js";

// Through real HTTP; the server checks every JSON response it sends against the spec.
const api = useTestServer({ agentDispatch: false, projects: ["Chatty", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/chatty/chat/sessions";
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function newSession(body?: unknown) {
  const created = await call("POST", base, body);
  expect(created.status).toBe(200);
  return created.body.session;
}

describe("chat sessions", () => {
  it("creates with defaults, trims the title, and reads back", async () => {
    const plain = await newSession();
    expect(plain).toMatchObject({ title: "New session", status: "active", message_count: 0 });
    expect(plain.created_at).toBe(plain.updated_at);
    expect(await newSession({ title: "   " })).toMatchObject({ title: "New session" });

    const named = await newSession({ title: "  Palette ideas  ", status: "archived" });
    expect(named).toMatchObject({ title: "Palette ideas", status: "archived", message_count: 0 });
    expect((await call("GET", `${base}/${named.id}`)).body).toEqual({ ok: true, session: named });
  });

  it("rejects a bad status or an over-long title, creating nothing", async () => {
    const before = (await call("GET", base)).body.count;
    const badStatus = await call("POST", base, { status: "closed" });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error).toMatch(/status/);
    expect((await call("POST", base, { title: "x".repeat(501) })).status).toBe(400);
    expect((await call("GET", base)).body.count).toBe(before);
  });

  it("lists the most recently updated first, with message counts", async () => {
    const first = await newSession({ title: "First" });
    await pause();
    const second = await newSession({ title: "Second" });
    await pause();
    await call("POST", `${base}/${first.id}/messages`, { role: "user", content: "bump" });

    const { body } = await call("GET", base);
    expect(body.count).toBe(body.sessions.length);
    const ids = body.sessions.map((session: { id: string }) => session.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids[0]).toBe(first.id);
    const updatedAts = body.sessions.map((session: { updated_at: string }) => session.updated_at);
    expect(updatedAts).toEqual([...updatedAts].sort().reverse());
    expect(body.sessions[0]).toMatchObject({ id: first.id, message_count: 1 });
    expect(body.sessions.find((s: { id: string }) => s.id === second.id).message_count).toBe(0);
  });
});

describe("chat messages", () => {
  it("appends messages in order, counts them and touches the session", async () => {
    const session = await newSession({ title: "Thread" });
    const messages = `${base}/${session.id}/messages`;
    await pause();

    const first = await call("POST", messages, { role: "user", content: "  Make the sky warmer  " });
    expect(first.status).toBe(200);
    expect(first.body.message).toMatchObject({
      project_id: session.project_id,
      session_id: session.id,
      role: "user",
      content: "  Make the sky warmer  ",
      content_json: null,
    });
    expect(first.body.message).not.toHaveProperty("seq");

    const structured = { palette: ["#ffaa00", "#222"], strength: 0.5, nested: { ok: true } };
    const second = await call("POST", messages, { role: "assistant", content_text: "Done", content_json: structured });
    expect(second.body.message).toMatchObject({ role: "assistant", content: "Done", content_json: structured });
    const third = await call("POST", messages, {
      role: "tool",
      content: "wins",
      content_text: "loses",
      content_json: [1, "two"],
    });
    expect(third.body.message).toMatchObject({ content: "wins", content_json: [1, "two"] });
    const fourth = await call("POST", messages, { role: "system", content: "scalar", content_json: 42 });
    expect(fourth.body.message.content_json).toBe(42);

    const listed = await call("GET", messages);
    expect(listed.body).toEqual({
      ok: true,
      session_id: session.id,
      count: 4,
      messages: [first.body.message, second.body.message, third.body.message, fourth.body.message],
    });

    const after = (await call("GET", `${base}/${session.id}`)).body.session;
    expect(after.message_count).toBe(4);
    expect(after.updated_at).toBe(fourth.body.message.created_at);
    expect(after.updated_at > session.updated_at).toBe(true);
    expect(after.created_at).toBe(session.created_at);
  });

  it("keeps order for many quick messages", async () => {
    const session = await newSession();
    const messages = `${base}/${session.id}/messages`;
    for (let index = 0; index < 12; index += 1) {
      await call("POST", messages, { role: index % 2 ? "assistant" : "user", content: `message ${index}` });
    }
    const { body } = await call("GET", messages);
    expect(body.messages.map((message: { content: string }) => message.content)).toEqual(
      Array.from({ length: 12 }, (_, index) => `message ${index}`),
    );
  });

  it("keeps order for messages sent concurrently (no seq collisions)", async () => {
    const session = await newSession();
    const messages = `${base}/${session.id}/messages`;
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, index) => call("POST", messages, { role: "user", content: `parallel ${index}` })),
    );
    expect(sent.every((response) => response.status === 200)).toBe(true);
    const { body } = await call("GET", messages);
    expect(body.count).toBe(10);
    expect(new Set(body.messages.map((message: { id: string }) => message.id)).size).toBe(10);
  });

  it("rejects bad messages with 400, adding nothing", async () => {
    const session = await newSession();
    const messages = `${base}/${session.id}/messages`;
    for (const [body, message] of [
      [{ role: "user" }, "Field 'content' is required"],
      [{ role: "user", content: "   " }, "Field 'content' is required"],
      [{ role: "user", content_text: "\n\t" }, "Field 'content' is required"],
      [{ role: "user", content: "", content_text: "ignored" }, "Field 'content' is required"],
    ] as const) {
      const response = await call("POST", messages, body);
      expect(response.status, message).toBe(400);
      expect(response.body.error).toBe(message);
    }
    const noRole = await call("POST", messages, { content: "hi" });
    expect(noRole.status).toBe(400);
    expect(noRole.body.error).toMatch(/role/);
    const badRole = await call("POST", messages, { role: "robot", content: "hi" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error).toMatch(/role/);
    expect((await call("POST", messages, { role: "user", content: 7 })).status).toBe(400);

    expect((await call("GET", messages)).body.count).toBe(0);
    const after = (await call("GET", `${base}/${session.id}`)).body.session;
    expect(after).toEqual(session);
  });

  it("404s unknown projects, unknown sessions and another project's session alike", async () => {
    const theirs = (await call("POST", "/api/projects/other/chat/sessions", { title: "Theirs" })).body.session.id;
    await call("POST", `/api/projects/other/chat/sessions/${theirs}/messages`, { role: "user", content: "secret" });

    for (const path of ["/api/projects/ghost/chat/sessions", "/api/projects/ghost/chat/sessions/x/messages"]) {
      const response = await call("GET", path);
      expect(response.status, path).toBe(404);
      expect(response.body.error).toBe("Project 'ghost' not found");
    }
    expect((await call("POST", "/api/projects/ghost/chat/sessions", {})).status).toBe(404);

    for (const id of ["no-such-id", theirs]) {
      for (const [method, path, body] of [
        ["GET", `${base}/${id}`, undefined],
        ["GET", `${base}/${id}/messages`, undefined],
        ["POST", `${base}/${id}/messages`, { role: "user", content: "sneaky" }],
      ] as const) {
        const response = await call(method, path, body);
        expectNotFound(response, `Chat session '${id}' not found`, `${method} ${path}`);
      }
    }
    const still = await call("GET", `/api/projects/other/chat/sessions/${theirs}/messages`);
    expect(still.body.messages.map((message: { content: string }) => message.content)).toEqual(["secret"]);
    expect((await call("GET", `/api/projects/other/chat/sessions/${theirs}`)).body.session.message_count).toBe(1);
  });
});
