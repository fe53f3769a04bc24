// Issue 13 point 9 (security review §10): event streams are bounded. `GET /runs/{runId}/events`
// caps open streams per run (429) and in total (503), sends a `: keep-alive` comment at a fixed
// interval, ends a stream quiet for the idle limit (the client may reconnect with Last-Event-ID),
// ends the stream of a run no live process owns with a `done` carrying its stored status, and
// sends exactly one first `status` event.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type ApiClient,
  type HeldImages,
  portClient,
  runRow,
  solidPng,
  startHeldImages,
  startTestServer,
  type TestServer,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface SseMessage {
  /** `comment` for a `:` line, else the `event:` name. */
  kind: string;
  id?: string;
  data?: { status?: string; type?: string };
  comment?: string;
}

/** A raw event stream: every message and comment as it arrives, and whether the server ended it. */
interface OpenStream {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the error envelope as JSON
  body?: any;
  messages: SseMessage[];
  ended: Promise<void>;
  /** Resolves once `count` messages match `match`. */
  waitFor(match: (message: SseMessage) => boolean, count?: number): Promise<void>;
  close(): void;
}

async function openStream(url: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const messages: SseMessage[] = [];
  const wakers = new Set<() => void>();
  const notify = () => {
    for (const wake of wakers) wake();
  };
  if (response.headers.get("content-type")?.startsWith("application/json")) {
    return {
      status: response.status,
      body: await response.json(),
      messages,
      ended: Promise.resolve(),
      waitFor: () => Promise.reject(new Error("not a stream")),
      close: () => {},
    };
  }
  const ended = (async () => {
    let buffer = "";
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          messages.push(parseMessage(buffer.slice(0, cut)));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
        }
        notify();
      }
    } catch {
      // aborted by close()
    }
    notify();
  })();
  let done = false;
  void ended.then(() => {
    done = true;
  });
  return {
    status: response.status,
    messages,
    ended,
    waitFor(match, count = 1) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.filter(match).length >= count) {
            wakers.delete(check);
            resolve();
          } else if (done) {
            wakers.delete(check);
            reject(new Error(`stream ended first: ${JSON.stringify(messages)}`));
          }
        };
        wakers.add(check);
        check();
        void ended.then(check);
      });
    },
    close: () => controller.abort(),
  };
}

function parseMessage(block: string): SseMessage {
  const message: SseMessage = { kind: "message" };
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) return { kind: "comment", comment: line.slice(1).trim() };
    const [field, ...rest] = line.split(":");
    const value = rest.join(":").trimStart();
    if (field === "event") message.kind = value;
    if (field === "id") message.id = value;
    if (field === "data") message.data = JSON.parse(value);
  }
  return message;
}

const keepAlive = (message: SseMessage) => message.kind === "comment" && message.comment === "keep-alive";

let images: HeldImages;
const servers: TestServer[] = [];

beforeAll(async () => {
  images = await startHeldImages();
});
afterAll(async () => {
  images.answerAll(); // lets every held run finish, so no server waits out a grace period
  for (const server of servers) await server.stop();
  await images.close();
});

async function serve(idleMs: number): Promise<{ server: TestServer; client: ApiClient }> {
  const server = await startTestServer({
    runExecution: {
      openaiApiKey: "sk-test-streams",
      openaiBaseUrl: `${images.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1536", quality: "medium" },
    },
    eventStreams: { maxPerRun: 2, maxTotal: 3, keepAliveMs: 40, idleMs },
  });
  servers.push(server);
  return { server, client: portClient(server.url) };
}

/** A project with one scene and a paid run on it whose image request hangs at the stand-in. */
async function hungRun(client: ApiClient, name: string) {
  const body = await expectOk(client.POST("/api/projects", { body: { name } }));
  const root = body.storage.local.project_root;
  await mkdir(join(root, "scenes"), { recursive: true });
  await writeFile(join(root, "scenes", "a.png"), solidPng(8, 8, [90, 90, 90]));
  const index = images.requests.length;
  const trigger = await client.POST("/api/projects/{slug}/runs/trigger", {
    ...inProject(body.project.slug),
    body: { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png"] },
  });
  expect(trigger.response.status).toBe(200);
  await images.request(index);
  return {
    slug: body.project.slug,
    projectId: body.project.id,
    runId: trigger.data?.pipeline_trigger.run_id ?? "",
  };
}

/** Queues a dry run behind the hung one; returns its id. */
async function queuedRun(client: ApiClient, slug: string): Promise<string> {
  const queued = await client.POST("/api/projects/{slug}/runs/trigger", {
    ...inProject(slug),
    body: { mode: "dry", input: "scenes" },
  });
  return queued.data?.pipeline_trigger.run_id ?? "";
}

describe("open streams are capped, kept alive, and start with one status", () => {
  it("refuses a stream beyond the per-run cap (429) and the total cap (503), others unaffected", async () => {
    const { server, client } = await serve(60_000);
    const hung = await hungRun(client, "Caps");
    const events = (runId: string) => `${server.url}/api/projects/${hung.slug}/runs/${runId}/events`;
    const queuedId = await queuedRun(client, hung.slug);

    const first = await openStream(events(hung.runId));
    const second = await openStream(events(hung.runId));
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openStream(events(hung.runId));
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ ok: false, error_code: "too_many_requests" });

    const other = await openStream(events(queuedId)); // another run's stream: the third and last slot
    expect(other.status).toBe(200);
    const beyond = await openStream(events(queuedId));
    expect(beyond.status).toBe(503);
    expect(beyond.body).toMatchObject({ ok: false, error_code: "service_unavailable" });

    // The open ones go on: keep-alives, then (once the request is answered) their run's end.
    await Promise.all([first, second, other].map((stream) => stream.waitFor(keepAlive, 2)));
    first.close();
    await first.ended;
    let again: OpenStream | undefined;
    for (let i = 0; i < 100 && again?.status !== 200; i++) {
      again = await openStream(events(hung.runId)); // the slot comes back once the server sees the close
      if (again.status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(again?.status).toBe(200);
    images.releaseHeld();
    await Promise.all(
      [second, other, again as OpenStream].map((stream) => stream.waitFor((message) => message.kind === "done")),
    );
  });

  it("sends keep-alive comments and exactly one first status event", async () => {
    const { server, client } = await serve(60_000);
    const hung = await hungRun(client, "Alive");
    const queuedId = await queuedRun(client, hung.slug);
    const stream = await openStream(`${server.url}/api/projects/${hung.slug}/runs/${queuedId}/events`);
    await stream.waitFor(keepAlive, 3);
    const statuses = stream.messages.filter((message) => message.kind === "status");
    expect(statuses).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: "queued" }) })]);
    stream.close();
    images.releaseHeld();
  });
});

describe("streams that would otherwise never end", () => {
  it("ends a stream quiet for the idle limit, without a done event", async () => {
    const { server, client } = await serve(300);
    const hung = await hungRun(client, "Idle");
    const stream = await openStream(`${server.url}/api/projects/${hung.slug}/runs/${hung.runId}/events`);
    await stream.ended;
    expect(stream.messages.some((message) => message.comment?.startsWith("idle for 300 ms"))).toBe(true);
    expect(stream.messages.some((message) => message.kind === "done")).toBe(false);
    images.releaseHeld();
  });

  it("ends the stream of a queued run no live process owns with a done carrying its status", async () => {
    const { server, client } = await serve(60_000);
    const body = await expectOk(client.POST("/api/projects", { body: { name: "Orphan" } }));
    const runId = "run_20250101T000000Z_orphan";
    await server.db
      .insertInto("runs")
      .values(runRow({ id: runId, project_id: body.project.id }))
      .execute();
    const stream = await openStream(`${server.url}/api/projects/${body.project.slug}/runs/${runId}/events`);
    await stream.ended;
    const kinds = stream.messages.filter((message) => message.kind !== "comment");
    expect(kinds.map((message) => [message.kind, message.data?.status])).toEqual([
      ["status", "queued"],
      ["done", "queued"],
    ]);
  });
});
