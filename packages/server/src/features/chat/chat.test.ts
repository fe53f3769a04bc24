import type { components } from "@kroma/contract";
import type { HttpCall } from "@kroma/testkit/http-client";
import { useTestServer } from "@kroma/testkit/test-server";
import { describe, expect, it } from "vitest";
import { expectNotFound, okBody } from "../../../test/envelope.js";

// Through real HTTP; the server checks every JSON response it sends against the spec. Requests
// the spec allows go through the typed client; the ones it refuses through the untyped `call`.
const api = useTestServer({ agentDispatch: false, projects: ["Chatty", "Other"] });
const call: HttpCall = (...args) => api.call(...args);

const base = "/api/projects/chatty/chat/sessions";
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

type SessionBody = components["schemas"]["CreateChatSessionRequest"];
type MessageBody = components["schemas"]["CreateChatMessageRequest"];
const inProject = (slug: string) => ({ params: { path: { slug } } });
const inSession = (sessionId: string, slug = "chatty") => ({ params: { path: { slug, sessionId } } });
const listSessions = (slug = "chatty") => api.client.GET("/api/projects/{slug}/chat/sessions", inProject(slug));
const getSession = (sessionId: string, slug = "chatty") =>
  api.client.GET("/api/projects/{slug}/chat/sessions/{sessionId}", inSession(sessionId, slug));
const listMessages = (sessionId: string, slug = "chatty") =>
  api.client.GET("/api/projects/{slug}/chat/sessions/{sessionId}/messages", inSession(sessionId, slug));
const addMessage = (sessionId: string, body: MessageBody, slug = "chatty") =>
  api.client.POST("/api/projects/{slug}/chat/sessions/{sessionId}/messages", { ...inSession(sessionId, slug), body });

async function newSession(body?: SessionBody, slug = "chatty") {
  const created = api.client.POST("/api/projects/{slug}/chat/sessions", { ...inProject(slug), body });
  return (await okBody(created)).session;
}

describe("chat sessions", () => {
  it("creates with defaults, trims the title, and reads back", async () => {
    const plain = await newSession();
    expect(plain).toMatchObject({ title: "New session", status: "active", message_count: 0 });
    expect(plain.created_at).toBe(plain.updated_at);
    expect(await newSession({ title: "   " })).toMatchObject({ title: "New session" });

    const named = await newSession({ title: "  Palette ideas  ", status: "archived" });
    expect(named).toMatchObject({ title: "Palette ideas", status: "archived", message_count: 0 });
    expect(await okBody(getSession(named.id))).toEqual({ ok: true, session: named });
  });

  it("rejects a bad status or an over-long title, creating nothing", async () => {
    const before = (await okBody(listSessions())).count;
    const badStatus = await call("POST", base, { status: "closed" });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error).toMatch(/status/);
    expect((await call("POST", base, { title: "x".repeat(501) })).status).toBe(400);
    expect((await okBody(listSessions())).count).toBe(before);
  });

  it("lists the most recently updated first, with message counts", async () => {
    const first = await newSession({ title: "First" });
    await pause();
    const second = await newSession({ title: "Second" });
    await pause();
    await okBody(addMessage(first.id, { role: "user", content: "bump" }));

    const body = await okBody(listSessions());
    expect(body.count).toBe(body.sessions.length);
    const ids = body.sessions.map((session) => session.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids[0]).toBe(first.id);
    const updatedAts = body.sessions.map((session) => session.updated_at);
    expect(updatedAts).toEqual([...updatedAts].sort().reverse());
    expect(body.sessions[0]).toMatchObject({ id: first.id, message_count: 1 });
    expect(body.sessions.find((s) => s.id === second.id)?.message_count).toBe(0);
  });
});

describe("chat messages", () => {
  it("appends messages in order, counts them and touches the session", async () => {
    const session = await newSession({ title: "Thread" });
    await pause();

    const first = (await okBody(addMessage(session.id, { role: "user", content: "  Make the sky warmer  " }))).message;
    expect(first).toMatchObject({
      project_id: session.project_id,
      session_id: session.id,
      role: "user",
      content: "  Make the sky warmer  ",
      content_json: null,
    });
    expect(first).not.toHaveProperty("seq");

    const structured = { palette: ["#ffaa00", "#222"], strength: 0.5, nested: { ok: true } };
    const second = (
      await okBody(addMessage(session.id, { role: "assistant", content_text: "Done", content_json: structured }))
    ).message;
    expect(second).toMatchObject({ role: "assistant", content: "Done", content_json: structured });
    const third = (
      await okBody(
        addMessage(session.id, { role: "tool", content: "wins", content_text: "loses", content_json: [1, "two"] }),
      )
    ).message;
    expect(third).toMatchObject({ content: "wins", content_json: [1, "two"] });
    const fourth = (await okBody(addMessage(session.id, { role: "system", content: "scalar", content_json: 42 })))
      .message;
    expect(fourth.content_json).toBe(42);

    expect(await okBody(listMessages(session.id))).toEqual({
      ok: true,
      session_id: session.id,
      count: 4,
      messages: [first, second, third, fourth],
    });

    const after = (await okBody(getSession(session.id))).session;
    expect(after.message_count).toBe(4);
    expect(after.updated_at).toBe(fourth.created_at);
    expect(after.updated_at > session.updated_at).toBe(true);
    expect(after.created_at).toBe(session.created_at);
  });

  it("keeps order for many quick messages", async () => {
    const session = await newSession();
    for (let index = 0; index < 12; index += 1) {
      await addMessage(session.id, { role: index % 2 ? "assistant" : "user", content: `message ${index}` });
    }
    const body = await okBody(listMessages(session.id));
    expect(body.messages.map((message) => message.content)).toEqual(
      Array.from({ length: 12 }, (_, index) => `message ${index}`),
    );
  });

  it("keeps order for messages sent concurrently (no seq collisions)", async () => {
    const session = await newSession();
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, index) => addMessage(session.id, { role: "user", content: `parallel ${index}` })),
    );
    expect(sent.every(({ response }) => response.status === 200)).toBe(true);
    const body = await okBody(listMessages(session.id));
    expect(body.count).toBe(10);
    expect(new Set(body.messages.map((message) => message.id)).size).toBe(10);
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

    expect((await okBody(listMessages(session.id))).count).toBe(0);
    expect((await okBody(getSession(session.id))).session).toEqual(session);
  });

  it("404s unknown projects, unknown sessions and another project's session alike", async () => {
    const theirs = (await newSession({ title: "Theirs" }, "other")).id;
    await okBody(addMessage(theirs, { role: "user", content: "secret" }, "other"));

    for (const [path, response] of [
      ["/api/projects/ghost/chat/sessions", await listSessions("ghost")],
      ["/api/projects/ghost/chat/sessions/x/messages", await listMessages("x", "ghost")],
    ] as const) {
      expectNotFound(response, "Project 'ghost' not found", path);
    }
    const ghostCreate = api.client.POST("/api/projects/{slug}/chat/sessions", { ...inProject("ghost"), body: {} });
    expect((await ghostCreate).response.status).toBe(404);

    for (const id of ["no-such-id", theirs]) {
      for (const [request, response] of [
        ["GET session", await getSession(id)],
        ["GET messages", await listMessages(id)],
        ["POST message", await addMessage(id, { role: "user", content: "sneaky" })],
      ] as const) {
        expectNotFound(response, `Chat session '${id}' not found`, `${request} ${id}`);
      }
    }
    const still = await okBody(listMessages(theirs, "other"));
    expect(still.messages.map((message) => message.content)).toEqual(["secret"]);
    expect((await okBody(getSession(theirs, "other"))).session.message_count).toBe(1);
  });
});
