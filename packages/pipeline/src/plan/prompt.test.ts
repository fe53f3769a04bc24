import { describe, expect, it } from "vitest";
import { defaultManifest, type Manifest } from "../config/manifest.js";
import { PipelineError } from "../errors.js";
import { composePrompt } from "./prompt.js";

const manifest: Manifest = {
  ...defaultManifest,
  prompts: {
    style_base: "BASE.",
    time_day: "DAY.",
    time_night: "NIGHT.",
    weather_clear: "CLEAR.",
    weather_rain: "RAIN.",
  },
};
const rule = "Do not invent new object categories.";

describe("composePrompt", () => {
  it("uses only style_base for stage style, whatever the time and weather", () => {
    expect(composePrompt(manifest, { stage: "style", time: "night", weather: "rain" })).toBe(`BASE. ${rule}`);
  });

  it("adds the time fragment for stage time", () => {
    expect(composePrompt(manifest, { stage: "time", time: "night", weather: "rain" })).toBe(`BASE. NIGHT. ${rule}`);
    expect(composePrompt(manifest, { stage: "time", time: "day", weather: "clear" })).toBe(`BASE. DAY. ${rule}`);
  });

  it("adds time and weather fragments for stage weather", () => {
    expect(composePrompt(manifest, { stage: "weather", time: "day", weather: "rain" })).toBe(
      `BASE. DAY. RAIN. ${rule}`,
    );
  });

  it("leaves out the no-invention sentence when the policy is off", () => {
    const lenient = { ...manifest, policy: { default_no_invention: false } };
    expect(composePrompt(lenient, { stage: "weather", time: "night", weather: "clear" })).toBe("BASE. NIGHT. CLEAR.");
  });

  it("trims fragments and joins them with single spaces", () => {
    const spaced = { ...manifest, prompts: { ...manifest.prompts, style_base: "  BASE.\n", time_day: " DAY. " } };
    expect(composePrompt(spaced, { stage: "time", time: "day", weather: "clear" })).toBe(`BASE. DAY. ${rule}`);
  });

  it("composes the shipped defaults", () => {
    const prompt = composePrompt(defaultManifest, { stage: "weather", time: "night", weather: "rain" });
    const { style_base, time_night, weather_rain } = defaultManifest.prompts;
    expect(prompt).toBe(`${style_base} ${time_night} ${weather_rain} ${rule}`);
  });

  it("names a needed prompt that is missing or blank", () => {
    const { time_night: _, ...withoutNight } = manifest.prompts;
    const missing = { ...manifest, prompts: withoutNight as Manifest["prompts"] };
    const attempt = () => composePrompt(missing, { stage: "time", time: "night", weather: "clear" });
    expect(attempt).toThrow(PipelineError);
    expect(attempt).toThrow("Manifest prompt 'time_night' is missing");

    const blank = { ...manifest, prompts: { ...manifest.prompts, weather_rain: "   " } };
    expect(() => composePrompt(blank, { stage: "weather", time: "day", weather: "rain" })).toThrow(
      "Manifest prompt 'weather_rain' is missing",
    );
    const noBase = { ...manifest, prompts: { ...manifest.prompts, style_base: "" } };
    expect(() => composePrompt(noBase, { stage: "style", time: "day", weather: "clear" })).toThrow(
      "Manifest prompt 'style_base' is missing",
    );
  });

  it("does not require fragments the stage does not use", () => {
    const styleOnly = { ...manifest, prompts: { style_base: "BASE." } as Manifest["prompts"] };
    expect(composePrompt(styleOnly, { stage: "style", time: "night", weather: "rain" })).toBe(`BASE. ${rule}`);
  });
});
