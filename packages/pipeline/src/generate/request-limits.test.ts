import { describe, expect, it } from "vitest";
import { defaultImageConcurrency, defaultImageTimeoutMs, imageRequestLimitsFromEnv } from "./request-limits.js";

describe("imageRequestLimitsFromEnv", () => {
  it("takes the defaults when nothing is set", () => {
    expect(imageRequestLimitsFromEnv({})).toEqual({
      timeoutMs: defaultImageTimeoutMs,
      concurrency: defaultImageConcurrency,
    });
    expect(imageRequestLimitsFromEnv({ OPENAI_TIMEOUT_MS: " ", KROMA_IMAGE_CONCURRENCY: "" })).toEqual({
      timeoutMs: 180_000,
      concurrency: 2,
    });
  });

  it("reads both settings", () => {
    expect(imageRequestLimitsFromEnv({ OPENAI_TIMEOUT_MS: "5000", KROMA_IMAGE_CONCURRENCY: "1" })).toEqual({
      timeoutMs: 5000,
      concurrency: 1,
    });
  });

  it("refuses a value out of range, naming the variable", () => {
    expect(() => imageRequestLimitsFromEnv({ KROMA_IMAGE_CONCURRENCY: "0" })).toThrow(
      "Invalid KROMA_IMAGE_CONCURRENCY '0': expected a whole number from 1 to 8",
    );
    expect(() => imageRequestLimitsFromEnv({ KROMA_IMAGE_CONCURRENCY: "2.5" })).toThrow(/KROMA_IMAGE_CONCURRENCY/);
    expect(() => imageRequestLimitsFromEnv({ OPENAI_TIMEOUT_MS: "soon" })).toThrow(
      "Invalid OPENAI_TIMEOUT_MS 'soon': expected a whole number above 0",
    );
  });
});
