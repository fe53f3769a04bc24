// A local stand-in for the OpenAI images API: answers `POST /v1/images/edits` (multipart) and
// `POST /v1/images/generations` (JSON, no input image) on 127.0.0.1 with
// real PNGs made by sharp, as scripted per request, and records every request. Tests point the
// SDK at it with `baseURL: server.url + "/v1"`; nothing leaves the machine. Like the real API, it
// refuses a model, size, quality or input fidelity the model does not accept (400 with OpenAI's
// `invalid_value` error body, as fixtures/openai-invalid-size.json keeps one) before the script runs.
// `GET /v1/models` lists the models in OpenAI's list shape (free: `kroma doctor --check-keys`).
// Started with an `apiKey`, it refuses any other bearer token on every route as OpenAI does (401
// `invalid_api_key`, naming the key masked); without one it takes any key.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/** One request as the stand-in saw it. */
export interface RecordedRequest {
  /** 0-based, in arrival order. */
  index: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form's text fields (`prompt`, `model`, `size`, `quality`, `n`, `output_format`, ...); a generation's JSON values as strings. */
  fields: Record<string, string>;
  /** File names of the `image[]` parts, in order (the scene first). */
  images: string[];
  /** How many requests for the same scene (first image) came before this one. */
  sceneAttempt: number;
}

/** What to answer: an image (gray or colourful), an error status, a delay, or a dropped connection. */
export interface ScriptedReply {
  status?: number;
  /** Error message for a non-2xx answer (OpenAI's `{error: {message}}` shape). */
  message?: string;
  image?: "gray" | "color";
  /** Sent as `b64_json` instead of a PNG (e.g. a JPEG or junk); `null` leaves `data` empty. */
  b64?: string | null;
  /**
   * Token usage in the answer: as given, or `"openai"` for usage computed from the request the way
   * OpenAI reports it (see {@link openAiUsage}); left out, the answer carries none.
   */
  usage?: Record<string, unknown> | "openai";
  delayMs?: number;
  /** Close the socket without answering (a network failure). */
  destroy?: boolean;
  /**
   * Never answer: the request stays open until the client gives up (its timeout) or the stand-in
   * closes, as a hung upstream does. Nothing is sent, not even headers.
   */
  hang?: boolean;
  headers?: Record<string, string>;
}

export type Script = (request: RecordedRequest) => ScriptedReply;

/** Options of {@link startImagesServer}. */
export interface ImagesServerOptions {
  /** The only key accepted (`Authorization: Bearer <key>`); unset: any key is. */
  apiKey?: string;
}

export interface ImagesServer {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the script; the default answers every request with a gray image. */
  script(next: Script): void;
  /** Forgets recorded requests and per-scene counts (the script stays). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * What the real images API accepts per model, kept here on purpose rather than taken from the
 * pipeline's model table (packages/pipeline/src/generate/models.ts): the stand-in plays OpenAI,
 * so the two are independent checks of each other. Values in the order OpenAI's errors list them.
 */
export const openAiAcceptedValues: Readonly<
  Record<string, { sizes: readonly string[]; qualities: readonly string[]; inputFidelity: boolean }>
> = {
  "gpt-image-1": {
    sizes: ["1024x1024", "1024x1536", "1536x1024", "auto"],
    qualities: ["low", "medium", "high", "auto"],
    inputFidelity: true,
  },
  "gpt-image-1-mini": {
    sizes: ["1024x1024", "1024x1536", "1536x1024", "auto"],
    qualities: ["low", "medium", "high", "auto"],
    inputFidelity: false,
  },
  "gpt-image-1.5": {
    sizes: ["1024x1024", "1024x1536", "1536x1024", "auto"],
    qualities: ["low", "medium", "high", "auto"],
    inputFidelity: true,
  },
};

/** OpenAI's error body for a refused request (`invalid_request_error`). */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** `'a', 'b', and 'c'`: how OpenAI's `invalid_value` messages list the supported values. */
function listValues(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted.at(-1)}`;
}

function invalidValue(param: string, value: string, supported: readonly string[]): OpenAiErrorBody {
  return {
    error: {
      message: `Invalid value: '${value}'. Supported values are: ${listValues(supported)}.`,
      type: "invalid_request_error",
      param,
      code: "invalid_value",
    },
  };
}

/**
 * The 400 body the real API answers an edit's form fields with, or null when it would take them:
 * an unknown model, or a size, quality or `input_fidelity` the model does not accept.
 *
 * @example
 * openAiRefusal({ model: "gpt-image-1", size: "768x1152" });
 * // { error: { message: "Invalid value: '768x1152'. Supported values are: '1024x1024', ...", param: "size", code: "invalid_value", ... } }
 */
export function openAiRefusal(fields: Record<string, string>): OpenAiErrorBody | null {
  const { model, size, quality } = fields;
  if (model === undefined) return null;
  const accepted = openAiAcceptedValues[model];
  if (!accepted) return invalidValue("model", model, Object.keys(openAiAcceptedValues));
  if (size !== undefined && !accepted.sizes.includes(size)) return invalidValue("size", size, accepted.sizes);
  if (quality !== undefined && !accepted.qualities.includes(quality)) {
    return invalidValue("quality", quality, accepted.qualities);
  }
  const fidelity = fields.input_fidelity;
  if (fidelity !== undefined) {
    if (!accepted.inputFidelity) {
      // The message as reported for gpt-image-1-mini (github.com/lobehub/lobehub/pull/9920:
      // "400 input_fidelity 'high' is only supported for model gpt-model-1", sic); its type and
      // code were not reported, so they are the ones of the API's other parameter refusals.
      return {
        error: {
          message: `input_fidelity '${fidelity}' is only supported for model gpt-image-1`,
          type: "invalid_request_error",
          param: "input_fidelity",
          code: "invalid_value",
        },
      };
    }
    if (!["high", "low"].includes(fidelity)) return invalidValue("input_fidelity", fidelity, ["high", "low"]);
  }
  return null;
}

/**
 * The 400 body the real API answers a generation without a usable prompt with: missing
 * (`missing_required_parameter`) or empty (`string_below_min_length`), as OpenAI words them.
 */
export function promptRefusal(fields: Record<string, string>): OpenAiErrorBody | null {
  if (fields.prompt === undefined) {
    return {
      error: {
        message: "Missing required parameter: 'prompt'.",
        type: "invalid_request_error",
        param: "prompt",
        code: "missing_required_parameter",
      },
    };
  }
  if (fields.prompt === "") {
    return {
      error: {
        message:
          "Invalid 'prompt': string too short. Expected a string with minimum length 1, but got an empty string instead.",
        type: "invalid_request_error",
        param: "prompt",
        code: "string_below_min_length",
      },
    };
  }
  return null;
}

/** A 64x48 PNG: flat mid-gray (passes a grayscale guard) or saturated red (fails it). */
async function makePng(kind: "gray" | "color"): Promise<Buffer> {
  const background = kind === "gray" ? { r: 128, g: 128, b: 128 } : { r: 220, g: 40, b: 30 };
  return sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses the multipart body with the platform's own FormData parser (undici's). */
async function parseForm(
  req: IncomingMessage,
  body: Buffer,
): Promise<{ fields: Record<string, string>; images: string[]; files: File[] }> {
  const fields: Record<string, string> = {};
  const images: string[] = [];
  const files: File[] = [];
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("application/json")) return { fields: jsonFields(body), images, files };
  if (!contentType.startsWith("multipart/form-data")) return { fields, images, files };
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "image[]" || name === "image") {
      images.push(value.name);
      files.push(value);
    }
  }
  return { fields, images, files };
}

/**
 * Image tokens of one output image by quality and size, as OpenAI's image generation guide
 * tabulates them for gpt-image-1 ("Cost and latency",
 * https://platform.openai.com/docs/guides/image-generation). The stand-in answers every model
 * with them; `auto` counts as medium and 1024x1024.
 */
export const openAiOutputTokens: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  low: { "1024x1024": 272, "1024x1536": 408, "1536x1024": 400 },
  medium: { "1024x1024": 1056, "1024x1536": 1584, "1536x1024": 1568 },
  high: { "1024x1024": 4160, "1024x1536": 6240, "1536x1024": 6208 },
};

/**
 * Image tokens of one input image as OpenAI's vision guide counts them at high detail: scaled
 * down to fit 2048x2048, then down so the short side is at most 768, 170 tokens per 512-pixel
 * tile plus 85. (The extra tokens `input_fidelity: high` costs are not modelled.)
 */
export function inputImageTokens(width: number, height: number): number {
  const fit = Math.min(1, 2048 / Math.max(width, height));
  const short = Math.min(width, height) * fit;
  const scale = fit * Math.min(1, 768 / short);
  const tiles = Math.ceil((width * scale) / 512) * Math.ceil((height * scale) / 512);
  return 85 + 170 * tiles;
}

/**
 * The `usage` the images API reports for an edit, computed from the request: text tokens from the
 * prompt (about four characters a token: the stand-in has no tokenizer), image tokens from each
 * input image's size ({@link inputImageTokens}), output tokens from the size and quality asked
 * ({@link openAiOutputTokens}). Shaped as OpenAI's `ImagesResponse.usage`.
 *
 * @example
 * openAiUsage({ prompt: "Ink wash", size: "1024x1024", quality: "medium" }, [{ width: 8, height: 8 }]);
 * // { input_tokens: 257, input_tokens_details: { text_tokens: 2, image_tokens: 255 }, output_tokens: 1056, total_tokens: 1313 }
 */
export function openAiUsage(
  fields: Record<string, string>,
  inputs: readonly { width: number; height: number }[],
): Record<string, unknown> {
  const text = Math.ceil((fields.prompt ?? "").length / 4);
  const image = inputs.reduce((total, input) => total + inputImageTokens(input.width, input.height), 0);
  const quality = fields.quality && fields.quality !== "auto" ? fields.quality : "medium";
  const size = fields.size && fields.size !== "auto" ? fields.size : "1024x1024";
  const output = openAiOutputTokens[quality]?.[size] ?? 0;
  return {
    input_tokens: text + image,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens: output,
    total_tokens: text + image + output,
  };
}

/** Width and height of each uploaded image (0 x 0 for one sharp cannot read). */
async function imageSizes(files: readonly File[]): Promise<{ width: number; height: number }[]> {
  return Promise.all(
    files.map(async (file) => {
      const meta = await sharp(Buffer.from(await file.arrayBuffer()))
        .metadata()
        .catch(() => ({ width: 0, height: 0 }));
      return { width: meta.width ?? 0, height: meta.height ?? 0 };
    }),
  );
}

/** A JSON body's top-level values as strings (what a multipart form would carry); junk gives none. */
function jsonFields(body: Buffer): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && value !== undefined) fields[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return fields;
}

const imageRoutes = new Set(["/v1/images/edits", "/v1/images/generations"]);

/** One entry of `GET /v1/models`, as OpenAI lists it. */
export interface OpenAiModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

/** What the stand-in's `GET /v1/models` lists: the image models it plays, and two others. */
export const openAiListedModels: readonly OpenAiModel[] = [
  ...Object.keys(openAiAcceptedValues).map((id) => ({
    id,
    object: "model" as const,
    created: 1745000000,
    owned_by: "system",
  })),
  { id: "gpt-4o", object: "model", created: 1715367049, owned_by: "system" },
  { id: "dall-e-3", object: "model", created: 1698785189, owned_by: "system" },
];

/**
 * A key as OpenAI's 401 names it: the first three and last four characters around asterisks. (The
 * CLI must not pass even this on; the stand-in sends it so tests can prove that.)
 */
export function maskedOpenAiKey(key: string): string {
  return `${key.slice(0, 3)}${"*".repeat(Math.max(4, key.length - 7))}${key.slice(-4)}`;
}

/**
 * The 401 OpenAI answers a request whose bearer token is not `apiKey` with: no key at all, or a
 * wrong one (`invalid_api_key`, the key masked), or null when the key is right.
 *
 * @example
 * openAiKeyRefusal("Bearer sk-wrong-0000", "sk-right-1111")?.error.code; // "invalid_api_key"
 */
export function openAiKeyRefusal(authorization: string | undefined, apiKey: string): OpenAiErrorBody | null {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (presented === apiKey) return null;
  if (presented === undefined) {
    return {
      error: {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        param: null,
        code: null,
      },
    };
  }
  return {
    error: {
      message: `Incorrect API key provided: ${maskedOpenAiKey(presented)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      type: "invalid_request_error",
      param: null,
      code: "invalid_api_key",
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Starts the stand-in on an ephemeral loopback port.
 *
 * @example
 * const server = await startImagesServer();
 * server.script((request) => (request.sceneAttempt === 0 ? { status: 500 } : { image: "gray" }));
 */
export async function startImagesServer(options: ImagesServerOptions = {}): Promise<ImagesServer> {
  const pngs = { gray: await makePng("gray"), color: await makePng("color") };
  const requests: RecordedRequest[] = [];
  const perScene = new Map<string, number>();
  let script: Script = () => ({ image: "gray" });

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? "").split("?")[0] ?? "";
      const { fields, images, files } = await parseForm(req, body);
      const scene = images[0] ?? "";
      const sceneAttempt = perScene.get(scene) ?? 0;
      perScene.set(scene, sceneAttempt + 1);
      const recorded: RecordedRequest = {
        index: requests.length,
        method: req.method ?? "",
        path,
        headers: req.headers,
        fields,
        images,
        sceneAttempt,
      };
      requests.push(recorded);
      const keyRefusal =
        options.apiKey === undefined ? null : openAiKeyRefusal(req.headers.authorization, options.apiKey);
      if (keyRefusal) {
        send(res, 401, keyRefusal, { "x-request-id": `req_${recorded.index}` });
        return;
      }
      if (req.method === "GET" && path === "/v1/models") {
        send(res, 200, { object: "list", data: openAiListedModels }, { "x-request-id": `req_${recorded.index}` });
        return;
      }
      if (req.method !== "POST" || !imageRoutes.has(path)) {
        send(res, 404, { error: { message: `No route ${req.method} ${path}` } });
        return;
      }
      const refusal = (path === "/v1/images/generations" ? promptRefusal(fields) : null) ?? openAiRefusal(fields);
      if (refusal) {
        send(res, 400, refusal, { "x-request-id": `req_${recorded.index}` });
        return;
      }
      const reply = script(recorded);
      if (reply.hang) return;
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) {
        req.socket.destroy();
        return;
      }
      const status = reply.status ?? 200;
      const usage = reply.usage === "openai" ? openAiUsage(fields, await imageSizes(files)) : reply.usage;
      if (status >= 400) {
        send(res, status, { error: { message: reply.message ?? `scripted ${status}`, type: "test" } }, reply.headers);
        return;
      }
      send(
        res,
        status,
        {
          created: Math.floor(Date.now() / 1000),
          data: reply.b64 === null ? [] : [{ b64_json: reply.b64 ?? pngs[reply.image ?? "gray"].toString("base64") }],
          ...(usage ? { usage } : {}),
        },
        { "x-request-id": `req_${recorded.index}`, ...reply.headers },
      );
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(next) {
      script = next;
    },
    reset() {
      requests.length = 0;
      perScene.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
