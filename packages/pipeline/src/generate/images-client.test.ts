import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from "openai";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPng } from "../files/png-metadata.js";
import { classifyError, createImageClient, editImage, redact, retryAfterMs, withRetries } from "./images-client.js";

const apiKey = "sk-proj-unit0123456789";
let server: ImagesServer;
let dir: string;
let scene: string;
let style: string;

beforeAll(async () => {
  server = await startImagesServer();
  dir = await mkdtemp(join(tmpdir(), "kroma-generate-"));
  scene = join(dir, "scene.jpg");
  style = join(dir, "style.png");
  const image = sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 1, g: 2, b: 3 } } });
  await writeFile(scene, await image.clone().jpeg().toBuffer());
  await writeFile(style, await image.clone().png().toBuffer());
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const headers = (extra: Record<string, string> = {}) => new Headers(extra);

describe("classifyError", () => {
  it("retries 429, 5xx, network failures and timeouts", () => {
    expect(classifyError(new RateLimitError(429, { message: "slow down" }, undefined, headers()))).toEqual({
      status: 429,
      retryable: true,
      message: "HTTP 429: slow down",
    });
    expect(classifyError(new InternalServerError(502, undefined, undefined, headers()))).toMatchObject({
      status: 502,
      retryable: true,
      message: "HTTP 502: status code (no body)",
    });
    expect(classifyError(new APIConnectionError({ cause: new Error("ECONNRESET") }))).toEqual({
      status: null,
      retryable: true,
      message: "Network error: Connection error. (ECONNRESET)",
    });
    expect(classifyError(new APIConnectionTimeoutError())).toEqual({
      status: null,
      retryable: true,
      message: "Request timed out: Request timed out.",
    });
  });

  it("fails other 4xx and anything else at once, naming status and message", () => {
    expect(
      classifyError(new BadRequestError(400, { message: "Invalid value for 'size'" }, undefined, headers())),
    ).toEqual({ status: 400, retryable: false, message: "HTTP 400: Invalid value for 'size'" });
    expect(classifyError(new Error("EACCES: permission denied"))).toEqual({
      status: null,
      retryable: false,
      message: "EACCES: permission denied",
    });
  });

  it("masks the key and anything shaped like one", () => {
    const error = new AuthenticationError(
      401,
      { message: `Incorrect API key provided: ${apiKey}` },
      undefined,
      headers(),
    );
    expect(classifyError(error, apiKey).message).toBe("HTTP 401: Incorrect API key provided: [redacted]");
    expect(redact("key sk-abc123def456 and sk-proj-xy**********zz", undefined)).toBe("key [redacted] and [redacted]");
    expect(redact("custom-key-value here", "custom-key-value")).toBe("[redacted] here");
  });
});

describe("withRetries", () => {
  it("tries three times on transient failures with doubling waits, recording each attempt", async () => {
    const starts: number[] = [];
    const outcome = await withRetries(
      async () => {
        starts.push(performance.now());
        throw new InternalServerError(500, { message: "boom" }, undefined, headers());
      },
      { retryDelayMs: 30 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.error])).toEqual([
      [1, 500, "HTTP 500: boom"],
      [2, 500, "HTTP 500: boom"],
      [3, 500, "HTTP 500: boom"],
    ]);
    const [first = 0, second = 0, third = 0] = starts;
    expect(second - first).toBeGreaterThanOrEqual(28);
    expect(third - second).toBeGreaterThanOrEqual(58);
  });

  it("stops at once on a final failure", async () => {
    let calls = 0;
    const outcome = await withRetries(
      async () => {
        calls += 1;
        throw new BadRequestError(400, { message: "nope" }, undefined, headers());
      },
      { retryDelayMs: 1 },
    );
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({ ok: false, error: { status: 400, retryable: false, message: "HTTP 400: nope" } });
  });

  it("returns the value with the successful attempt's status and request id", async () => {
    let calls = 0;
    const outcome = await withRetries(
      async () => {
        calls += 1;
        if (calls === 1) throw new APIConnectionTimeoutError();
        return { status: 200, requestId: "req_1" };
      },
      { retryDelayMs: 1 },
    );
    expect(outcome.ok && outcome.value).toEqual({ status: 200, requestId: "req_1" });
    expect(outcome.attempts.map((attempt) => [attempt.status, attempt.ok, attempt.request_id])).toEqual([
      [null, false, undefined],
      [200, true, "req_1"],
    ]);
  });

  it("waits as long as a 429's Retry-After asks when that is longer", async () => {
    const starts: number[] = [];
    await withRetries(
      async () => {
        starts.push(performance.now());
        if (starts.length === 1)
          throw new RateLimitError(429, undefined, undefined, headers({ "retry-after-ms": "80" }));
        return {};
      },
      { retryDelayMs: 1 },
    );
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(78);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-12-06T12:00:00Z");
  it("reads retry-after-ms first, then retry-after in seconds or as an HTTP date, on any error answer", () => {
    const limited = (values: Record<string, string>) => new RateLimitError(429, undefined, undefined, headers(values));
    expect(retryAfterMs(limited({ "retry-after-ms": "250.4", "retry-after": "9" }), now)).toBe(251);
    expect(retryAfterMs(limited({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterMs(limited({ "retry-after": "Sun, 06 Dec 2026 12:00:03 GMT" }), now)).toBe(3000);
    const unavailable = new InternalServerError(503, undefined, undefined, headers({ "retry-after": "1" }));
    expect(retryAfterMs(unavailable, now)).toBe(1000);
  });

  it("asks for no wait without a usable header, and never more than a minute", () => {
    const limited = (values: Record<string, string>) => new RateLimitError(429, undefined, undefined, headers(values));
    expect(retryAfterMs(limited({}), now)).toBe(0);
    expect(retryAfterMs(limited({ "retry-after": "soon" }), now)).toBe(0);
    expect(retryAfterMs(limited({ "retry-after": "Sun, 06 Dec 2026 11:59:00 GMT" }), now)).toBe(0);
    expect(retryAfterMs(limited({ "retry-after": "3600" }), now)).toBe(60_000);
    expect(retryAfterMs(new Error("not an answer"), now)).toBe(0);
  });
});

describe("editImage", () => {
  it("sends one edit with the images as files, PNG output and high input fidelity, and decodes the PNG", async () => {
    server.reset();
    server.script(() => ({ image: "gray", usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 } }));
    const client = createImageClient({ apiKey, baseURL: `${server.url}/v1` });
    const result = await editImage(client, {
      model: "gpt-image-1",
      size: "1024x1536",
      quality: "high",
      prompt: "Ink wash",
      images: [scene, style],
    });
    expect(isPng(result.png)).toBe(true);
    expect(result).toMatchObject({ status: 200, requestId: "req_0", usage: { total_tokens: 3 } });
    const [request] = server.requests;
    expect(request?.images).toEqual(["scene.jpg", "style.png"]);
    expect(request?.fields).toEqual({
      model: "gpt-image-1",
      prompt: "Ink wash",
      size: "1024x1536",
      quality: "high",
      n: "1",
      output_format: "png",
      input_fidelity: "high",
    });
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("makes exactly one request per call: the SDK's own retries are off", async () => {
    server.reset();
    server.script(() => ({ status: 500 }));
    const client = createImageClient({ apiKey, baseURL: `${server.url}/v1` });
    await expect(
      editImage(client, { model: "gpt-image-1", size: "1024x1024", quality: "low", prompt: "p", images: [style] }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});
