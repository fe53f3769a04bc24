import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImagesServer, inputImageTokens, type OpenAiErrorBody, startImagesServer } from "./images-server.js";

// The stand-in refuses what the real images API refuses, with the real API's error body.

const fixture = JSON.parse(await readFile(new URL("../fixtures/openai-invalid-size.json", import.meta.url), "utf8"));

let server: ImagesServer;
beforeAll(async () => {
  server = await startImagesServer();
});
afterAll(() => server.close());

/** Posts an edit form with `fields` and one image, as the SDK would. */
async function edit(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("image[]", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "scene.png");
  const response = await fetch(`${server.url}/v1/images/edits`, { method: "POST", body: form });
  const body = (await response.json()) as Partial<OpenAiErrorBody> & { data?: { b64_json?: string }[] };
  return { status: response.status, body };
}

/** The shape of a JSON value: its keys, nested, with the type of every leaf. */
function shapeOf(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value === null ? "null" : typeof value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
}

describe("the images stand-in's size rules", () => {
  it("refuses 768x1152 on gpt-image-1 with the body the real API sends (the fixture)", async () => {
    const refused = await edit({ model: "gpt-image-1", prompt: "p", size: "768x1152", quality: "medium" });
    expect(refused.status).toBe(400);
    expect(shapeOf(refused.body)).toEqual(shapeOf(fixture));
    expect(refused.body).toEqual(fixture);
  });

  it("refuses an unknown quality and model in the same shape, naming the param", async () => {
    const quality = await edit({ model: "gpt-image-1.5", size: "1024x1024", quality: "ultra" });
    expect(quality.status).toBe(400);
    expect(shapeOf(quality.body)).toEqual(shapeOf(fixture));
    expect(quality.body.error).toMatchObject({
      param: "quality",
      code: "invalid_value",
      message: "Invalid value: 'ultra'. Supported values are: 'low', 'medium', 'high', and 'auto'.",
    });
    const model = await edit({ model: "gpt-image-9", size: "1024x1024" });
    expect(model.body.error).toMatchObject({ param: "model", code: "invalid_value" });
  });

  it("refuses input_fidelity for gpt-image-1-mini and takes it for gpt-image-1", async () => {
    const mini = await edit({ model: "gpt-image-1-mini", size: "1024x1536", input_fidelity: "high" });
    expect(mini.status).toBe(400);
    expect(shapeOf(mini.body)).toEqual(shapeOf(fixture));
    expect(mini.body.error?.param).toBe("input_fidelity");
    const full = await edit({ model: "gpt-image-1", size: "1024x1536", quality: "high", input_fidelity: "high" });
    expect(full.status).toBe(200);
    expect(full.body.data?.[0]?.b64_json).toEqual(expect.any(String));
  });

  it("answers every size and quality a model accepts", async () => {
    for (const size of ["1024x1024", "1024x1536", "1536x1024", "auto"]) {
      for (const quality of ["low", "medium", "high", "auto"]) {
        expect((await edit({ model: "gpt-image-1-mini", size, quality })).status, `${size} ${quality}`).toBe(200);
      }
    }
  });
});

describe("the images stand-in's usage", () => {
  it("reports usage shaped as OpenAI does, from the prompt, the input images and the size and quality", async () => {
    const png = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
    server.script(() => ({ usage: "openai" }));
    const form = new FormData();
    for (const [name, value] of Object.entries({
      model: "gpt-image-1",
      prompt: "Ink wash",
      size: "1024x1536",
      quality: "high",
    }))
      form.append(name, value);
    form.append("image[]", new Blob([new Uint8Array(png)], { type: "image/png" }), "scene.png");
    const response = await fetch(`${server.url}/v1/images/edits`, { method: "POST", body: form });
    const body = (await response.json()) as { usage?: unknown };
    // 2 text tokens ("Ink wash"), 765 for a 1024x1024 input (4 tiles, OpenAI's own example), 6240 for a high 1024x1536 output.
    expect(body.usage).toEqual({
      input_tokens: 767,
      input_tokens_details: { text_tokens: 2, image_tokens: 765 },
      output_tokens: 6240,
      total_tokens: 7007,
    });
    server.script(() => ({ image: "gray" }));
  });

  it("counts input image tokens by 512-pixel tiles after scaling down, as OpenAI's vision guide does", () => {
    expect(inputImageTokens(8, 8)).toBe(255);
    expect(inputImageTokens(1024, 1024)).toBe(765);
    // 2048x4096 -> 1024x2048 -> 768x1536: 2 x 3 tiles.
    expect(inputImageTokens(2048, 4096)).toBe(1105);
  });
});

/** Posts a generation's JSON body, as the SDK's `images.generate` does. */
async function generate(body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/v1/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Partial<OpenAiErrorBody> & { data?: { b64_json?: string }[] };
  return { status: response.status, body: answer };
}

describe("the images stand-in's generations", () => {
  it("answers a generation with a PNG and records its prompt and no input image", async () => {
    server.reset();
    const answer = await generate({ model: "gpt-image-1", prompt: "a lighthouse", size: "1024x1024", n: 1 });
    expect(answer.status).toBe(200);
    const png = Buffer.from(answer.body.data?.[0]?.b64_json ?? "", "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(server.requests[0]).toMatchObject({ path: "/v1/images/generations", images: [] });
    expect(server.requests[0]?.fields).toMatchObject({ prompt: "a lighthouse", n: "1" });
  });

  it("refuses a size the model does not take, as it does for edits", async () => {
    const refused = await generate({ model: "gpt-image-1", prompt: "p", size: "768x1152" });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fixture);
  });

  it("refuses a missing or empty prompt in OpenAI's error shape", async () => {
    const missing = await generate({ model: "gpt-image-1", size: "1024x1024" });
    expect(missing.status).toBe(400);
    expect(shapeOf(missing.body)).toEqual(shapeOf(fixture));
    expect(missing.body.error).toMatchObject({ param: "prompt", code: "missing_required_parameter" });
    const empty = await generate({ model: "gpt-image-1", prompt: "", size: "1024x1024" });
    expect(empty.body.error).toMatchObject({ param: "prompt", code: "string_below_min_length" });
  });
});

describe("the images stand-in's model list and key check", () => {
  it("lists models in OpenAI's list shape, with any key when started without one", async () => {
    const response = await fetch(`${server.url}/v1/models`, { headers: { authorization: "Bearer anything" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: Record<string, unknown>[] };
    expect(body.object).toBe("list");
    expect(body.data.length).toBeGreaterThan(0);
    for (const model of body.data) {
      expect(shapeOf(model)).toEqual({ id: "string", object: "string", created: "number", owned_by: "string" });
      expect(model.object).toBe("model");
    }
    expect(body.data.map((model) => model.id)).toContain("gpt-image-1");
  });

  it("started with a key, refuses a wrong or missing one on every route with OpenAI's 401 body", async () => {
    const keyed = await startImagesServer({ apiKey: "sk-right-key-0000" });
    try {
      const listed = await fetch(`${keyed.url}/v1/models`, { headers: { authorization: "Bearer sk-right-key-0000" } });
      expect(listed.status).toBe(200);
      const wrong = await fetch(`${keyed.url}/v1/models`, { headers: { authorization: "Bearer sk-wrong-key-9876" } });
      expect(wrong.status).toBe(401);
      const body = (await wrong.json()) as OpenAiErrorBody;
      expect(body).toEqual({
        error: {
          message: expect.stringMatching(/^Incorrect API key provided: sk-\*+9876\. You can find your API key at /),
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      });
      expect(body.error.message).not.toContain("sk-wrong-key-9876");
      const missing = await fetch(`${keyed.url}/v1/images/generations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-image-1", prompt: "p" }),
      });
      expect(missing.status).toBe(401);
      expect(((await missing.json()) as OpenAiErrorBody).error).toMatchObject({
        message: expect.stringMatching(/^You didn't provide an API key/),
        code: null,
      });
    } finally {
      await keyed.close();
    }
  });
});
