import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { createKromaClient, KromaApiError, type StreamedRunEvent } from "@kroma/sdk";
import { type HeldImages, putScenes, startHeldImages, useTestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const slug = "sdk_events";
const held: { images?: HeldImages } = {};
const images = () => held.images as HeldImages;
const api = useTestServer({
  agentDispatch: false,
  projects: ["SDK Events"],
  runExecution: {
    openaiApiKey: "sk-test-events",
    // Read when a run starts, after beforeAll started the stand-in.
    get openaiBaseUrl() {
      return `${held.images?.url}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});
const kroma = () => createKromaClient({ baseUrl: api.server.url });

beforeAll(async () => {
  held.images = await startHeldImages();
  const { storage } = await kroma().projects.get(slug);
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});
afterAll(() => held.images?.close());

interface CuttingProxy {
  url: string;
  /** The request head each connection sent, in order. */
  heads: string[];
  /** Resolves once `count` connections have been made. */
  connections(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy to `port` that cuts its first connection a few bytes into the third server-sent
 * event it passes on (both sockets destroyed, as a network drop does); later connections pass.
 * It names the server in `Host`, as a reverse proxy does: a loopback server answers only to its own.
 */
async function startCuttingProxy(port: number): Promise<CuttingProxy> {
  const heads: string[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const server: Server = createServer((client) => {
    const first = heads.length === 0;
    heads.push("");
    const index = heads.length - 1;
    for (const wake of waiters.splice(0)) wake();
    const upstream = new (client.constructor as typeof Socket)().connect(port, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.on("data", (chunk: Buffer) => {
      const text = chunk.toString("latin1").replace(/^host: .*$/im, `host: 127.0.0.1:${port}`);
      heads[index] += text;
      upstream.write(Buffer.from(text, "latin1"));
    });
    client.on("end", () => upstream.end());
    let passed = "";
    upstream.on("data", (chunk: Buffer) => {
      const cut = first ? cutAt(passed + chunk.toString("latin1")) : undefined;
      if (cut === undefined) {
        passed += chunk.toString("latin1");
        return void client.write(chunk);
      }
      client.write(chunk.subarray(0, cut - passed.length), () => {
        client.destroy();
        upstream.destroy();
      });
    });
    upstream.on("end", () => client.end());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    heads,
    connections: (count) =>
      new Promise<void>((resolve) => {
        const check = () => (heads.length >= count ? resolve() : waiters.push(check));
        check();
      }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Where to cut `text` (a response so far): 8 bytes into its third event, once that many bytes came. */
function cutAt(text: string): number | undefined {
  let at = text.indexOf("\r\n\r\n");
  for (let event = 0; event < 2 && at !== -1; event++) at = text.indexOf("\n\n", at + 2);
  if (at === -1) return undefined;
  const cut = at + 2 + 8;
  return text.length >= cut ? cut : undefined;
}

describe("kroma.runs.events", () => {
  it("reopens a dropped stream after the last event id, losing and repeating nothing, and ends on done", async () => {
    const proxy = await startCuttingProxy(Number(new URL(api.server.url).port));
    try {
      const { pipeline_trigger } = await kroma().runs.trigger(slug, {
        mode: "run",
        confirm_spend: true,
        scene_refs: ["scenes/a.png", "scenes/b.png", "scenes/c.png"],
        candidates: 1,
      });
      const runId = pipeline_trigger.run_id;
      const streamed = (async () => {
        const events: StreamedRunEvent[] = [];
        for await (const event of createKromaClient({ baseUrl: proxy.url }).runs.events(slug, runId))
          events.push(event);
        return events;
      })();

      // The run stays live (its last image held) until the stream was cut and reopened.
      for (const index of [0, 1]) {
        await images().request(index);
        images().release(index);
      }
      await images().request(2);
      await proxy.connections(2);
      images().release(2);
      const events = await streamed;

      expect(proxy.heads).toHaveLength(2);
      const resumedAfter = /^last-event-id: (\d+)\r$/im.exec(proxy.heads[1] ?? "")?.[1];
      expect(resumedAfter).toBeDefined();
      expect(proxy.heads[0]).not.toMatch(/last-event-id/i);
      // Every event once, in order: ids 1..n without a gap, the resumed one among them.
      const ids = events.map((event) => Number(event.id));
      expect(ids).toEqual(ids.map((_, i) => i + 1));
      expect(ids).toContain(Number(resumedAfter) + 1);
      const progress = events.flatMap((event) => (event.type === "progress" ? [[event.job_index, event.phase]] : []));
      expect(progress).toEqual(
        [1, 2, 3].flatMap((job) => [
          [job, "request"],
          [job, "candidate_done"],
          [job, "job_done"],
        ]),
      );
      expect(events.at(-1)).toMatchObject({ type: "done", status: "succeeded" });
      expect(events.filter((event) => event.type === "done")).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("resumes after a given event id: only the events after it", async () => {
    images().answerAll();
    const { pipeline_trigger } = await kroma().runs.trigger(slug, {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
      candidates: 1,
    });
    const all: StreamedRunEvent[] = [];
    for await (const event of kroma().runs.events(slug, pipeline_trigger.run_id)) all.push(event);
    expect(all.at(-1)).toMatchObject({ type: "done", status: "succeeded" });
    // A finished run answers a resume with its done event alone.
    const later: StreamedRunEvent[] = [];
    for await (const event of kroma().runs.events(slug, pipeline_trigger.run_id, { lastEventId: all[1]?.id }))
      later.push(event);
    expect(later).toEqual([expect.objectContaining({ type: "done", status: "succeeded" })]);
  });

  it("throws the server's refusal at once, and a network_error once reopening keeps failing", async () => {
    const unknown = await kroma()
      .runs.events(slug, "run_nope")
      .next()
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(KromaApiError);
    expect(unknown).toMatchObject({ status: 404 });

    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = createKromaClient({ baseUrl: `http://127.0.0.1:${port}` });
    const lost = await nowhere.runs
      .events(slug, "run_any", { maxReconnects: 2 })
      .next()
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(KromaApiError);
    expect(lost).toMatchObject({ kind: "infra", code: "network_error", status: 0 });
    expect((lost as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("kroma.runs.wait", () => {
  it("returns the finished run with its jobs, and at once for a run already over", async () => {
    images().answerAll();
    const { pipeline_trigger } = await kroma().runs.trigger(slug, {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png", "scenes/b.png"],
      candidates: 2,
    });
    const { run, jobs } = await kroma().runs.wait(slug, pipeline_trigger.run_id);
    expect(run).toMatchObject({ id: pipeline_trigger.run_id, status: "succeeded" });
    expect(jobs.map((job) => [job.status, job.candidates.length])).toEqual([
      ["done", 2],
      ["done", 2],
    ]);
    expect(await kroma().runs.wait(slug, pipeline_trigger.run_id)).toEqual({ ok: true, run, jobs });

    const dry = await kroma().runs.trigger(slug, { scene_refs: ["scenes/c.png"] });
    expect((await kroma().runs.wait(slug, dry.pipeline_trigger.run_id)).run).toMatchObject({
      run_mode: "dry",
      status: "succeeded",
    });
  });
});
