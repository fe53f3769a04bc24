// A stand-in for the OpenAI images API that accepts each `POST /v1/images/edits` and holds it,
// unanswered, until the test releases it: the review's never-answering endpoint, on cue. It counts
// connections and requests, and says when a request arrives or its client goes away, so a test
// waits on events instead of sleeping.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { solidPng } from "./png-bytes.js";

/** One request the stand-in received. */
export interface HeldRequest {
  /** 0-based, in arrival order. */
  index: number;
  /** File names of the `image[]` parts (the scene first). */
  images: string[];
  /** Resolves when the client closed the connection before an answer (an aborted request). */
  clientGone: Promise<void>;
  /** Whether an answer was sent. */
  answered: boolean;
}

export interface HeldImages {
  url: string;
  requests: HeldRequest[];
  /** TCP connections that sent anything to the stand-in so far. */
  connections(): number;
  /** Resolves with request `index` once it has arrived. */
  request(index: number): Promise<HeldRequest>;
  /** Answers the held request `index` with a gray PNG. */
  release(index: number): void;
  /** Answers every request held now; later ones are held again. */
  releaseHeld(): void;
  /** From now on, answer every request at once (earlier held ones too). */
  answerAll(): void;
  close(): Promise<void>;
}

/** A gray 64x48 PNG: passes the default output guard (it is grayscale). */
const gray = solidPng(64, 48, [128, 128, 128]).toString("base64");

async function imageNames(req: IncomingMessage): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data")) return [];
  const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  const names: string[] = [];
  for (const [name, value] of form.entries())
    if (typeof value !== "string" && name.startsWith("image")) names.push(value.name);
  return names;
}

function answer(res: ServerResponse, index: number): void {
  res.writeHead(200, { "content-type": "application/json", "x-request-id": `req_held_${index}` });
  res.end(JSON.stringify({ created: Math.floor(Date.now() / 1000), data: [{ b64_json: gray }] }));
}

export async function startHeldImages(): Promise<HeldImages> {
  const requests: HeldRequest[] = [];
  const responses: ServerResponse[] = [];
  const waiters = new Map<number, ((request: HeldRequest) => void)[]>();
  let connections = 0;
  let answerAtOnce = false;

  const server = createServer((req, res) => {
    void imageNames(req).then((images) => {
      const index = requests.length;
      const clientGone = once(res, "close").then(() => undefined);
      const held: HeldRequest = { index, images, clientGone, answered: false };
      requests.push(held);
      responses.push(res);
      for (const wake of waiters.get(index) ?? []) wake(held);
      waiters.delete(index);
      if (answerAtOnce) release(index);
    });
  });
  // Counted when a connection first sends a byte: after an aborted request undici (Node's fetch)
  // dials a spare keep-alive socket that never carries anything, which is not a request sent.
  server.on("connection", (socket) => {
    socket.once("data", () => {
      connections++;
    });
  });

  const release = (index: number) => {
    const held = requests[index];
    const res = responses[index];
    if (!held || !res || held.answered || res.destroyed) return;
    held.answered = true;
    answer(res, index);
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    request(index) {
      const arrived = requests[index];
      if (arrived) return Promise.resolve(arrived);
      return new Promise((resolve) => waiters.set(index, [...(waiters.get(index) ?? []), resolve]));
    },
    release,
    releaseHeld() {
      for (const held of requests) release(held.index);
    },
    answerAll() {
      answerAtOnce = true;
      for (const held of requests) release(held.index);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
