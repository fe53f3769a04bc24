import { openAiAcceptedValues } from "@kroma/testkit/images-server";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../errors.js";
import { imageSettingsFromEnv } from "./images-client.js";
import {
  assertImageRequest,
  assertImageSettings,
  checkImageRequest,
  defaultImageModel,
  imageModel,
  imageModels,
  inputFidelityFor,
  listPricePerImageUsd,
} from "./models.js";

describe("the model table", () => {
  it("holds gpt-image-1, gpt-image-1-mini and gpt-image-1.5, each priced for every size and quality it accepts", () => {
    expect(imageModels.map((row) => row.model)).toEqual(["gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5"]);
    for (const row of imageModels) {
      for (const size of row.sizes.filter((value) => value !== "auto")) {
        for (const quality of row.qualities.filter((value) => value !== "auto")) {
          const price = listPricePerImageUsd(row.model, size, quality);
          expect(price, `${row.model} ${size} ${quality}`).toBeGreaterThan(0);
        }
      }
      // Every token price is known or says why not.
      const prices = Object.values(row.tokenPriceUsdPerMillion);
      expect(prices.every((price) => price === null || price > 0)).toBe(true);
      if (prices.includes(null)) expect(row.tokenPriceNote).toBeTruthy();
      expect(row.source.tokenPrices).toMatch(/^https:\/\//);
      expect(row.source.prices).toMatch(/^https:\/\/platform\.openai\.com\/docs\/pricing/);
      expect(row.source.parameters).toMatch(/^https:\/\//);
      expect(row.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("says which models take input_fidelity: not gpt-image-1-mini", () => {
    expect(imageModel("gpt-image-1")?.inputFidelity).toBe(true);
    expect(imageModel("gpt-image-1.5")?.inputFidelity).toBe(true);
    expect(imageModel("gpt-image-1-mini")?.inputFidelity).toBe(false);
    expect(inputFidelityFor("gpt-image-1")).toBe("high");
    expect(inputFidelityFor("gpt-image-1-mini")).toBeUndefined();
  });

  it("has a default size the default model accepts", () => {
    const defaults = imageSettingsFromEnv({});
    expect(defaults).toEqual({ model: defaultImageModel, size: "1024x1536", quality: "medium" });
    expect(checkImageRequest(defaults)).toEqual([]);
  });
});

describe("checkImageRequest", () => {
  it("accepts every size and quality a model lists, auto included", () => {
    for (const row of imageModels) {
      for (const size of row.sizes) {
        for (const quality of row.qualities) {
          expect(checkImageRequest({ model: row.model, size, quality })).toEqual([]);
        }
      }
    }
  });

  it("refuses a size the model does not accept, listing the ones it does", () => {
    expect(checkImageRequest({ model: "gpt-image-1", size: "768x1152", quality: "medium" })).toEqual([
      {
        field: "size",
        message: "size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, 1024x1536, 1536x1024, auto",
      },
    ]);
  });

  it("refuses an unknown model, listing the supported ones", () => {
    expect(checkImageRequest({ model: "dall-e-3", size: "1024x1024", quality: "medium" })).toEqual([
      {
        field: "model",
        message:
          "model dall-e-3 is not supported; the supported models are gpt-image-1, gpt-image-1-mini, gpt-image-1.5",
      },
    ]);
  });

  it("reports every problem: a bad quality and input fidelity too", () => {
    const problems = checkImageRequest({
      model: "gpt-image-1-mini",
      size: "512x512",
      quality: "ultra",
      inputFidelity: "high",
    });
    expect(problems.map((problem) => problem.field)).toEqual(["size", "quality", "input_fidelity"]);
    expect(problems[1]?.message).toBe(
      "quality ultra is not accepted by gpt-image-1-mini; it accepts low, medium, high, auto",
    );
    expect(problems[2]?.message).toBe("input_fidelity is not accepted by gpt-image-1-mini");
    expect(checkImageRequest({ model: "gpt-image-1", size: "auto", quality: "auto", inputFidelity: "max" })).toEqual([
      { field: "input_fidelity", message: "input_fidelity max is not accepted by gpt-image-1; it accepts high, low" },
    ]);
  });
});

describe("assertImageRequest", () => {
  it("throws a PipelineError naming the first problem's field, with every problem in the message", () => {
    let caught: unknown;
    try {
      assertImageRequest({ model: "gpt-image-1", size: "768x1152", quality: "best" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PipelineError);
    const error = caught as PipelineError;
    expect(error.message).toBe(
      "Image settings not accepted: size 768x1152 is not accepted by gpt-image-1; it accepts 1024x1024, 1024x1536, 1536x1024, auto; quality best is not accepted by gpt-image-1; it accepts low, medium, high, auto",
    );
    expect(error.details).toMatchObject({ field: "size" });
  });

  it("passes what the pipeline sends: gpt-image-1-mini without input fidelity", () => {
    expect(() => assertImageSettings({ model: "gpt-image-1-mini", size: "1024x1536", quality: "low" })).not.toThrow();
    expect(() => assertImageSettings({ model: "gpt-image-1.5", size: "1536x1024", quality: "high" })).not.toThrow();
  });
});

describe("the table against the images stand-in's own list of what OpenAI accepts", () => {
  it("agrees on every model's sizes, qualities and input fidelity", () => {
    for (const row of imageModels) {
      expect(openAiAcceptedValues[row.model], row.model).toEqual({
        sizes: row.sizes,
        qualities: row.qualities,
        inputFidelity: row.inputFidelity,
      });
    }
    expect(Object.keys(openAiAcceptedValues)).toEqual(imageModels.map((row) => row.model));
  });
});
