import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeSlug } from "./slug.js";

// The regex version the loop replaced: same answers, but `_+$` is quadratic on long inner runs.
const oldSlug = (input: string) =>
  input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "") || undefined;

describe("normalizeSlug", () => {
  it("gives what the seed's regex rule gave, on any text", () => {
    const piece = fc.constantFrom("a", "Z", "9", "_", "-", " ", "!", "é", "İ", "\u{1F600}", "\t", "__", "K");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(normalizeSlug(text)).toBe(oldSlug(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => normalizeSlug(text) === oldSlug(text)),
    );
  });

  it("normalises the examples of the docs", () => {
    expect(normalizeSlug("  My Fancy Project! ")).toBe("my_fancy_project");
    expect(normalizeSlug("__a!!b__")).toBe("a_b");
    expect(normalizeSlug("a_!_b")).toBe("a___b");
    expect(normalizeSlug("!!!")).toBeUndefined();
  });
});
