import { describe, expect, it } from "vitest";
import { chooseRange, noneMatch } from "./conditional.js";

const etag = '"abc"';

describe("If-None-Match", () => {
  it("matches by weak comparison, in lists, with commas inside tags, and *", () => {
    expect(noneMatch(undefined, etag)).toBe(false);
    expect(noneMatch('"abc"', etag)).toBe(true);
    expect(noneMatch('W/"abc"', etag)).toBe(true);
    expect(noneMatch('"x,y", W/"abc"', etag)).toBe(true);
    expect(noneMatch(" * ", etag)).toBe(true);
    expect(noneMatch('"abcd", "ab"', etag)).toBe(false);
    expect(noneMatch("abc", etag)).toBe(false);
    expect(noneMatch('"x,y"', '"x,y"')).toBe(true);
  });
});

describe("Range", () => {
  it("picks one range, clipped to the end, and refuses what starts past it", () => {
    expect(chooseRange(100, "bytes=0-9", undefined, etag)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(chooseRange(100, "bytes=90-200", undefined, etag)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(chooseRange(100, "bytes=-200", undefined, etag)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(chooseRange(100, "bytes=100-", undefined, etag)).toEqual({ kind: "unsatisfiable" });
    expect(chooseRange(0, "bytes=0-", undefined, etag)).toEqual({ kind: "unsatisfiable" });
  });

  it("sends the whole for no range, a malformed one, several, another unit, or a stale If-Range", () => {
    for (const [range, ifRange] of [
      [undefined, undefined],
      ["bytes=x-y", undefined],
      ["bytes=0-1,50-60", undefined],
      ["lines=0-1", undefined],
      ["bytes=0-1", '"other"'],
      ["bytes=0-1", 'W/"abc"'],
    ] as const) {
      expect(chooseRange(100, range, ifRange, etag), `${range} ${ifRange}`).toEqual({ kind: "whole" });
    }
    // Overlapping ranges are combined into one.
    expect(chooseRange(100, "bytes=0-10,5-20", undefined, etag)).toEqual({ kind: "partial", start: 0, end: 20 });
    expect(chooseRange(100, "bytes=0-1", etag, etag)).toEqual({ kind: "partial", start: 0, end: 1 });
  });
});
