import { describe, expect, it } from "vitest";
import { recordedImageCost } from "./usage-cost.js";

const usage = (input: { text: number; image: number }, output: number, outputDetails?: object) => ({
  input_tokens: input.text + input.image,
  input_tokens_details: { text_tokens: input.text, image_tokens: input.image },
  output_tokens: output,
  total_tokens: input.text + input.image + output,
  ...(outputDetails ? { output_tokens_details: outputDetails } : {}),
});

describe("recordedImageCost", () => {
  it("prices each kind of token at the model table's per-token price", () => {
    // gpt-image-1: text input $5, image input $10, image output $40 per 1M tokens.
    expect(recordedImageCost("gpt-image-1", usage({ text: 45, image: 255 }, 1056))).toEqual({
      usd: 0.045015,
      text_input_usd: 0.000225,
      image_input_usd: 0.00255,
      image_output_usd: 0.04224,
    });
    // gpt-image-1.5 reports text output tokens too, priced at its $10.
    expect(
      recordedImageCost("gpt-image-1.5", usage({ text: 0, image: 0 }, 1100, { image_tokens: 1000, text_tokens: 100 })),
    ).toEqual({
      usd: 0.033,
      text_input_usd: 0,
      image_input_usd: 0,
      image_output_usd: 0.032,
      text_output_usd: 0.001,
    });
  });

  it("records null with the reason when the cost cannot be known, never 0", () => {
    expect(recordedImageCost("gpt-image-1", undefined)).toEqual({
      usd: null,
      reason: "The images API answer carried no usage",
    });
    expect(recordedImageCost("dall-e-2", usage({ text: 1, image: 1 }, 1))).toEqual({
      usd: null,
      reason: "The model table has no token prices for dall-e-2",
    });
    expect(
      recordedImageCost("gpt-image-1", { input_tokens: 300, output_tokens: 1056, total_tokens: 1356 }),
    ).toMatchObject({
      usd: null,
      reason: expect.stringContaining("does not split input tokens"),
    });
    expect(recordedImageCost("gpt-image-1", { total_tokens: 10 })).toMatchObject({
      usd: null,
      reason: "The usage does not report input_tokens and output_tokens",
    });
    const textOut = recordedImageCost(
      "gpt-image-1",
      usage({ text: 1, image: 1 }, 10, { image_tokens: 5, text_tokens: 5 }),
    );
    expect(textOut).toMatchObject({
      usd: null,
      reason: expect.stringMatching(/^The model table has no text output price for gpt-image-1/),
    });
  });
});
