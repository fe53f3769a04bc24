import { describe, expect, it } from "vitest";
import { acceptsMediaType, corsSafelistedMediaTypes, mediaTypeOf } from "./media-type.js";

describe("media types", () => {
  it("reads the type of a Content-Type header without its parameters", () => {
    expect(mediaTypeOf("Application/JSON ; charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf("multipart/form-data; boundary=x")).toBe("multipart/form-data");
    expect(mediaTypeOf(undefined)).toBe("");
  });

  it("takes what an operation declares, JSON variants for JSON, and nothing for none", () => {
    expect(acceptsMediaType(["application/json"], "application/json")).toBe(true);
    expect(acceptsMediaType(["application/json"], "application/merge-patch+json")).toBe(true);
    expect(acceptsMediaType(["application/json"], "text/plain")).toBe(false);
    expect(acceptsMediaType(["application/json"], "")).toBe(false);
    expect(acceptsMediaType([], "application/json")).toBe(false);
  });

  it("checks an upload route against its own declared types", () => {
    expect(acceptsMediaType(["image/png"], "image/png")).toBe(true);
    expect(acceptsMediaType(["image/png"], "image/jpeg")).toBe(false);
    expect(acceptsMediaType(["image/*"], "image/jpeg")).toBe(true);
    expect(acceptsMediaType(["multipart/form-data"], mediaTypeOf("multipart/form-data; boundary=b"))).toBe(true);
    expect(acceptsMediaType(["image/png"], "application/json")).toBe(false);
  });

  it("names the three types a browser sends cross-site without a preflight", () => {
    expect([...corsSafelistedMediaTypes].sort()).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "text/plain",
    ]);
  });
});
