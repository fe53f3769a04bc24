import { describe, expect, it } from "vitest";
import { trimChar } from "./trim.js";

describe("trimChar", () => {
  it("trims a character at both ends, or only at the end", () => {
    expect(trimChar("//kroma-projects/", "/")).toBe("kroma-projects");
    expect(trimChar("a//b", "/")).toBe("a//b");
    expect(trimChar("////", "/")).toBe("");
    expect(trimChar("/files///", "/", "end")).toBe("/files");
  });

  it("handles the input that makes /^\\/+|\\/+$/ quadratic, whole", () => {
    const inner = "/".repeat(200_000);
    expect(trimChar(`/a${inner}a/`, "/")).toBe(`a${inner}a`);
  });
});
