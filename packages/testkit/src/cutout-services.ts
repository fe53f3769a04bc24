// Local stand-ins for the PhotoRoom (`POST /v1/segment`, header `x-api-key`) and remove.bg
// (`POST /v1.0/removebg`, header `X-Api-Key`) APIs on 127.0.0.1. Both take the image as the
// multipart field `image_file` and answer with the cut-out image itself on success, or an error
// JSON with a non-2xx status, as the real services do. Each also answers its free account
// request (PhotoRoom `GET /v2/account`, remove.bg `GET /v1.0/account`) with its credits, or with
// the service's own refusal of a wrong key. Nothing leaves the machine.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export type CutoutService = "photoroom" | "removebg";

/** One request as a stand-in saw it. */
export interface CutoutRequest {
  service: CutoutService;
  method: string;
  /** `/v1/segment`, `/v2/account`, ... */
  path: string;
  headers: IncomingHttpHeaders;
  /** Text fields (`format`, `size`, `crop`, ...). */
  fields: Record<string, string>;
  /** The `image_file` part: its file name and size in bytes (absent when the field was missing). */
  imageFile?: { name: string; type: string; bytes: number };
}

/**
 * How a service answers: a cut-out (default), an error, junk, or `held`: a cut-out sent only once
 * the test calls `releaseHeld()`, so a test can keep a post-processing step running on cue.
 */
export type CutoutReply =
  | { kind: "cutout" }
  | { kind: "error"; status: number; body: unknown }
  | { kind: "junk" }
  | { kind: "held" };

export interface CutoutServers {
  /** `http://127.0.0.1:<port>/v1/segment` */
  photoroomUrl: string;
  /** `http://127.0.0.1:<port>/v1.0/removebg` */
  removebgUrl: string;
  requests: CutoutRequest[];
  /** The valid key for both services. */
  key: string;
  reply(service: CutoutService, reply: CutoutReply): void;
  /** Replaces what a service's account request answers with the right key (default {@link defaultCutoutAccounts}). */
  account<S extends CutoutService>(service: S, body: CutoutAccounts[S]): void;
  /** Requests held now (reply `held`), not yet answered. */
  held(): number;
  /** Answers every held request with its cut-out; later `held` requests are held again. */
  releaseHeld(): void;
  close(): Promise<void>;
}

/** What each account request answers with the right key, shaped as the service's own. */
export interface CutoutAccounts {
  /** PhotoRoom `GET /v2/account`: images left this month, the month's quota, and the plan. */
  photoroom: { images: { available: number; subscription: number }; plan: string };
  /** remove.bg `GET /v1.0/account`: credits by kind, and the free preview calls left. */
  removebg: {
    data: {
      attributes: {
        credits: { total: number; subscription: number; payg: number; enterprise: number };
        api: { free_calls: number; sizes: string };
      };
    };
  };
}

/** The account answers the stand-ins give unless a test sets others. */
export const defaultCutoutAccounts: CutoutAccounts = {
  photoroom: { images: { available: 83, subscription: 100 }, plan: "basic" },
  removebg: {
    data: {
      attributes: {
        credits: { total: 200, subscription: 150, payg: 50, enterprise: 0 },
        api: { free_calls: 50, sizes: "all" },
      },
    },
  },
};

/**
 * How each service refuses its account request when the key is wrong: PhotoRoom answers 401 with
 * `{"error":{"message":"Unauthorized"}}` (its troubleshooting guide), remove.bg 403 with its
 * `errors` list (`auth_failed`).
 */
export const accountRefusals = {
  photoroom: { status: 401, body: { error: { message: "Unauthorized" } } },
  removebg: { status: 403, body: { errors: [{ title: "API Key invalid", code: "auth_failed" }] } },
} as const;

/** Errors shaped like each service's own. */
export const serviceErrors = {
  photoroom: { status: 402, body: { detail: "Insufficient credits", status_code: 402, type: "payment_required" } },
  removebg: { status: 403, body: { errors: [{ title: "Forbidden", code: "auth_failed", detail: "Invalid API key" }] } },
};

/** A cut-out of `image`: same size, alpha 0 outside a centred ellipse. */
async function cutOut(image: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = ((x - width / 2) / (width * 0.35)) ** 2 + ((y - height / 2) / (height * 0.35)) ** 2 < 1;
      if (!inside) data[(y * width + x) * 4 + 3] = 0;
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/**
 * Starts both stand-ins on one ephemeral loopback port.
 *
 * @example
 * const services = await startCutoutServices();
 * services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
 */
export async function startCutoutServices(key = "test-cutout-key"): Promise<CutoutServers> {
  const requests: CutoutRequest[] = [];
  const held: (() => void)[] = [];
  const replies: Record<CutoutService, CutoutReply> = { photoroom: { kind: "cutout" }, removebg: { kind: "cutout" } };
  const accounts: CutoutAccounts = structuredClone(defaultCutoutAccounts);
  const routes: Record<string, { service: CutoutService; header: string }> = {
    "/v1/segment": { service: "photoroom", header: "x-api-key" },
    "/v1.0/removebg": { service: "removebg", header: "x-api-key" },
  };
  const accountRoutes: Record<string, CutoutService> = { "/v2/account": "photoroom", "/v1.0/account": "removebg" };
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const path = (req.url ?? "").split("?")[0] ?? "";
      const route = routes[path];
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const accountOf = accountRoutes[path];
      if (req.method === "GET" && accountOf) {
        requests.push({ service: accountOf, method: "GET", path, headers: req.headers, fields: {} });
        if (req.headers["x-api-key"] !== key) {
          const refusal = accountRefusals[accountOf];
          return json(refusal.status, refusal.body);
        }
        return json(200, accounts[accountOf]);
      }
      if (req.method !== "POST" || !route) return json(404, { detail: "Not found" });
      const form = await new Response(Buffer.concat(chunks), {
        headers: { "content-type": req.headers["content-type"] ?? "" },
      }).formData();
      const fields: Record<string, string> = {};
      let image: File | undefined;
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") fields[name] = value;
        else if (name === "image_file") image = value;
      }
      requests.push({
        service: route.service,
        method: "POST",
        path,
        headers: req.headers,
        fields,
        ...(image ? { imageFile: { name: image.name, type: image.type, bytes: image.size } } : {}),
      });
      if (req.headers[route.header] !== key) return json(403, serviceErrors.removebg.body);
      if (!image) return json(400, { detail: "image_file is required" });
      const reply = replies[route.service];
      if (reply.kind === "error") return json(reply.status, reply.body);
      if (reply.kind === "junk") {
        res.writeHead(200, { "content-type": "image/png" });
        return res.end("not really a png");
      }
      if (reply.kind === "held") await new Promise<void>((resolve) => held.push(resolve));
      const png = await cutOut(Buffer.from(await image.arrayBuffer()));
      res.writeHead(200, { "content-type": "image/png" });
      res.end(png);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    photoroomUrl: `${base}/v1/segment`,
    removebgUrl: `${base}/v1.0/removebg`,
    requests,
    key,
    reply(service, reply) {
      replies[service] = reply;
    },
    account(service, body) {
      accounts[service] = body;
    },
    held: () => held.length,
    releaseHeld() {
      for (const release of held.splice(0)) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of held.splice(0)) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
