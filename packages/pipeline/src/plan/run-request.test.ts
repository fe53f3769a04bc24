import { describe, expect, it } from "vitest";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { checkCandidates, parseBoolean, validateRunRequest } from "./run-request.js";

const scenes = { scene_refs: ["scenes/a.png"] };

describe("validateRunRequest: input or scene_refs", () => {
  it("fills in the defaults from the manifest", () => {
    const manifest: Manifest = {
      ...defaultManifest,
      style_refs: ["refs/style.png"],
      generation: { candidates: 2, max_candidates: 4 },
      output_guard: { enforce_grayscale: true, max_chroma_delta: 3.5, fail_on_chroma_exceed: true },
    };
    expect(validateRunRequest(scenes, manifest)).toEqual({
      scene_refs: ["scenes/a.png"],
      style_refs: ["refs/style.png"],
      stage: "style",
      time: "day",
      weather: "clear",
      candidates: 2,
      max_candidates: 4,
      output_guard: { enabled: true, enforce_grayscale: true, max_chroma_delta: 3.5, fail_on_chroma_exceed: true },
      archive_replaced: true,
      records: {},
      prompt_fields: {},
      repeat: 1,
    });
  });

  it("refuses both input and scene_refs", () => {
    const attempt = () => validateRunRequest({ input: "scenes", scene_refs: ["a.png"] });
    expect(attempt).toThrow(PipelineError);
    expect(attempt).toThrow("Provide only one of: input, scene_refs");
  });

  it("refuses neither, counting blank values as absent", () => {
    expect(() => validateRunRequest({})).toThrow("Provide one of: input, scene_refs");
    expect(() => validateRunRequest({ input: "  ", scene_refs: "" })).toThrow("Provide one of: input, scene_refs");
  });

  it("keeps a trimmed input and leaves scene_refs unset", () => {
    const request = validateRunRequest({ input: " scenes/ " });
    expect(request.input).toBe("scenes/");
    expect(request).not.toHaveProperty("scene_refs");
  });

  it("splits comma-separated refs and trims them", () => {
    const request = validateRunRequest({ scene_refs: "a.png, b.png", style_refs: "s1.png ,s2.png" });
    expect(request.scene_refs).toEqual(["a.png", "b.png"]);
    expect(request.style_refs).toEqual(["s1.png", "s2.png"]);
  });

  it("refuses empty lists, empty entries and non-strings", () => {
    expect(() => validateRunRequest({ scene_refs: [] })).toThrow("Field 'scene_refs' must not be empty");
    expect(() => validateRunRequest({ scene_refs: "a.png,,b.png" })).toThrow(
      "Field 'scene_refs' must not contain empty values",
    );
    expect(() => validateRunRequest({ scene_refs: [1] })).toThrow("Field 'scene_refs' must be a list of strings");
    expect(() => validateRunRequest({ ...scenes, style_refs: [" "] })).toThrow(
      "Field 'style_refs' must not contain empty values",
    );
    expect(() => validateRunRequest({ input: 3 })).toThrow("Field 'input' must be a string");
  });
});

describe("validateRunRequest: stage, time and weather", () => {
  it("accepts each stage, case-insensitively", () => {
    expect(validateRunRequest({ ...scenes, stage: "TIME" }).stage).toBe("time");
    expect(validateRunRequest({ ...scenes, stage: "weather" }).stage).toBe("weather");
    expect(validateRunRequest({ ...scenes, stage: " style " }).stage).toBe("style");
  });

  it("refuses an unknown stage, time or weather", () => {
    expect(() => validateRunRequest({ ...scenes, stage: "colour" })).toThrow(
      "Field 'stage' must be one of: style, time, weather",
    );
    expect(() => validateRunRequest({ ...scenes, stage: "time", time: "noon" })).toThrow(
      "Field 'time' must be one of: day, night",
    );
    expect(() => validateRunRequest({ ...scenes, stage: "weather", weather: "snow" })).toThrow(
      "Field 'weather' must be one of: clear, rain",
    );
  });

  it("allows time only with stage time or weather", () => {
    expect(() => validateRunRequest({ ...scenes, time: "night" })).toThrow(
      "Field 'time' requires stage 'time' or 'weather'",
    );
    expect(validateRunRequest({ ...scenes, stage: "time", time: "night" }).time).toBe("night");
    expect(validateRunRequest({ ...scenes, stage: "weather", time: "Night" }).time).toBe("night");
  });

  it("allows weather only with stage weather", () => {
    expect(() => validateRunRequest({ ...scenes, weather: "rain" })).toThrow(
      "Field 'weather' requires stage 'weather'",
    );
    expect(() => validateRunRequest({ ...scenes, stage: "time", weather: "rain" })).toThrow(
      "Field 'weather' requires stage 'weather'",
    );
    expect(validateRunRequest({ ...scenes, stage: "weather", weather: "rain" }).weather).toBe("rain");
  });
});

describe("validateRunRequest: candidates", () => {
  it("takes numbers and digit strings", () => {
    expect(validateRunRequest({ ...scenes, candidates: 3 }).candidates).toBe(3);
    expect(validateRunRequest({ ...scenes, candidates: " 2 " }).candidates).toBe(2);
  });

  it.each([0, -1, 1.5, "0", "2.5", "two", true])("refuses candidates %j", (candidates) => {
    expect(() => validateRunRequest({ ...scenes, candidates })).toThrow("Field 'candidates' must be an integer >= 1");
  });

  it("refuses max_candidates that is not an integer >= 1", () => {
    expect(() => validateRunRequest({ ...scenes, max_candidates: "0" })).toThrow(
      "Field 'max_candidates' must be an integer >= 1",
    );
  });

  it("refuses more candidates than max_candidates, from the manifest or the request", () => {
    expect(() => validateRunRequest({ ...scenes, candidates: 7 })).toThrow(
      "Field 'candidates' (7) exceeds max_candidates (6)",
    );
    expect(() => validateRunRequest({ ...scenes, candidates: 3, max_candidates: 2 })).toThrow(
      "Field 'candidates' (3) exceeds max_candidates (2)",
    );
    expect(validateRunRequest({ ...scenes, candidates: 8, max_candidates: 8 })).toMatchObject({
      candidates: 8,
      max_candidates: 8,
    });
    expect(() => checkCandidates(5, 4)).toThrow("Field 'candidates' (5) exceeds max_candidates (4)");
  });
});

describe("booleans", () => {
  it.each(["1", "true", "YES", "On", " on "])("parses %j as true", (word) => {
    expect(parseBoolean("enforce_grayscale", word)).toBe(true);
  });

  it.each(["0", "false", "No", "OFF"])("parses %j as false", (word) => {
    expect(parseBoolean("enforce_grayscale", word)).toBe(false);
  });

  it("passes booleans through and treats blanks as absent", () => {
    expect(parseBoolean("x", true)).toBe(true);
    expect(parseBoolean("x", false)).toBe(false);
    expect(parseBoolean("x", undefined)).toBeUndefined();
    expect(parseBoolean("x", "")).toBeUndefined();
  });

  it("names the flag when a value is not a boolean", () => {
    expect(() => parseBoolean("post_color", "maybe")).toThrow(
      "Field 'post_color' must be a boolean (1/true/yes/on or 0/false/no/off), got 'maybe'",
    );
  });

  it("applies output guard and archive overrides from the request", () => {
    const request = validateRunRequest({
      ...scenes,
      output_guard_enabled: "off",
      enforce_grayscale: "yes",
      max_chroma_delta: "4.25",
      fail_on_chroma_exceed: "1",
      archive_replaced: "no",
    });
    expect(request.output_guard).toEqual({
      enabled: false,
      enforce_grayscale: true,
      max_chroma_delta: 4.25,
      fail_on_chroma_exceed: true,
    });
    expect(request.archive_replaced).toBe(false);
  });

  it("names each flag in the request that is not a boolean or number", () => {
    for (const field of ["output_guard_enabled", "enforce_grayscale", "fail_on_chroma_exceed", "archive_replaced"]) {
      expect(() => validateRunRequest({ ...scenes, [field]: "perhaps" })).toThrow(`Field '${field}' must be a boolean`);
    }
    expect(() => validateRunRequest({ ...scenes, max_chroma_delta: "-1" })).toThrow(
      "Field 'max_chroma_delta' must be a number >= 0",
    );
  });
});

describe("allow_many_candidates", () => {
  it("lets candidates exceed max_candidates only when given", () => {
    expect(() => validateRunRequest({ scene_refs: "a.png", candidates: "8" })).toThrow("pass --allow-many-candidates");
    expect(validateRunRequest({ scene_refs: "a.png", candidates: "8", allow_many_candidates: "yes" }).candidates).toBe(
      8,
    );
    expect(() => validateRunRequest({ scene_refs: "a.png", allow_many_candidates: "maybe" })).toThrow(
      "allow_many_candidates",
    );
  });
});

describe("validateRunRequest: a one-image run (prompt)", () => {
  it("takes a prompt alone or with one input image, and adds none of the manifest's style refs", () => {
    const manifest: Manifest = { ...defaultManifest, style_refs: ["refs/style.png"] };
    expect(validateRunRequest({ prompt: "  A lighthouse " }, manifest)).toMatchObject({
      prompt: "A lighthouse",
      style_refs: [],
    });
    expect(validateRunRequest({ prompt: "p", scene_refs: "scenes/a.png" }, manifest)).toMatchObject({
      prompt: "p",
      scene_refs: ["scenes/a.png"],
    });
  });

  it("refuses an empty prompt, two input images, a batch and a prompt template, naming the field", () => {
    const field = (raw: Record<string, unknown>) => {
      try {
        validateRunRequest(raw);
      } catch (error) {
        return ((error as PipelineError).details as { field?: string }).field;
      }
      return undefined;
    };
    expect(field({ prompt: " " })).toBe("prompt");
    expect(field({ prompt: "p", scene_refs: ["a.png", "b.png"] })).toBe("scene_refs");
    expect(field({ prompt: "p", batch: [{ scene: "a.png" }] })).toBe("prompt");
    expect(field({ prompt: "p", prompt_template: "t" })).toBe("prompt");
  });
});

describe("validateRunRequest: a post-process run (assets, from_run)", () => {
  it("is a fourth scene source with one candidate per job", () => {
    const manifest: Manifest = { ...defaultManifest, generation: { candidates: 3, max_candidates: 6 } };
    expect(validateRunRequest({ assets: "asset_a,asset_b" }, manifest)).toMatchObject({
      assets: ["asset_a", "asset_b"],
      candidates: 1,
      style_refs: [],
    });
    expect(validateRunRequest({ from_run: "run_1" })).toMatchObject({ from_run: "run_1", candidates: 1 });
  });

  it("is exclusive with the other scene sources and refuses candidates or repeat above 1", () => {
    expect(() => validateRunRequest({ assets: ["a"], ...scenes })).toThrow(/Provide only one of/);
    expect(() => validateRunRequest({ assets: ["a"], from_run: "run_1" })).toThrow(/Provide only one of/);
    expect(() => validateRunRequest({ from_run: "run_1", candidates: 2 })).toThrow(/must be 1 for a post-process run/);
    expect(() => validateRunRequest({ from_run: "run_1", repeat: 2 })).toThrow(/repeat/);
  });
});
