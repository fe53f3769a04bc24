import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256File } from "../files/hash.js";
import { heldRecordSource } from "../test-helpers/record-source.js";
import { dryRunOptions } from "../test-helpers/run-options.js";
import { makeTempProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import { planDryRun } from "./dry-run.js";
import { composeJobPrompt, fillTemplate } from "./prompt.js";
import { projectImageUri, recordDigest } from "./prompt-records.js";
import type { RawRunRequest } from "./run-request.js";

let dir: string;
let root: string;
beforeEach(async () => {
  ({ dir, root } = await makeTempProject("kroma-records-"));
  for (const name of ["alley", "bridge", "dock"]) await putFile(join(root, "scenes", `${name}.png`), `${name} bytes`);
  await putFile(join(root, "refs", "mara.png"), "mara bytes");
});
afterEach(() => removeDir(dir));

const template = { id: "t1", name: "street", template_text: "Paint {scene} in {mood} light. {base_prompt}" };
const styleGuide = { id: "g1", name: "noir", instructions: "Ink lines, deep shadows, no colour." };
const character = { id: "c1", name: "Mara", description: "a courier", prompt_text: "red coat, short grey hair" };
const referenceSet = {
  id: "r1",
  name: "mara-refs",
  items: [
    { id: "i1", label: "face", content_text: null, image: "refs/mara.png" },
    { id: "i2", label: "gait", content_text: "walks with a limp", image: null },
  ],
};
const source = heldRecordSource({
  templates: [template],
  styleGuides: [styleGuide],
  characters: [character],
  referenceSets: [referenceSet],
});

const dryRun = (request: RawRunRequest) =>
  planDryRun(
    dryRunOptions({
      projectRoot: root,
      request: { scene_refs: ["scenes/alley.png", "scenes/bridge.png", "scenes/dock.png"], ...request },
      postprocess: {},
      recordSource: source,
    }),
  );

describe("prompts composed from records", () => {
  it("gives each of three scenes a prompt holding the template, style guide and character, and logs the records with their hashes", async () => {
    const { runLog } = await dryRun({
      prompt_template: "street",
      style_guide: "noir",
      characters: ["Mara"],
      prompt_fields: { mood: "wet" },
    });
    expect(runLog.jobs).toHaveLength(3);
    for (const [job, scene] of runLog.jobs.map((job, i) => [job, ["alley", "bridge", "dock"][i]] as const)) {
      expect(job.prompt).toContain(`Paint ${scene} in wet light.`);
      expect(job.prompt).toContain(styleGuide.instructions);
      expect(job.prompt).toContain("Mara: red coat, short grey hair");
      expect(job.prompt_fields).toEqual({ mood: "wet" });
    }
    expect(runLog.prompt_records).toEqual([
      { kind: "prompt_template", id: "t1", name: "street", sha256: recordDigest(template) },
      { kind: "style_guide", id: "g1", name: "noir", sha256: recordDigest(styleGuide) },
      { kind: "character", id: "c1", name: "Mara", sha256: recordDigest(character) },
    ]);
    expect(runLog.prompt_records?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds records by id as well as by name", async () => {
    const { runLog } = await dryRun({ style_guide: "g1", characters: "c1" });
    expect(runLog.prompt_records?.map((ref) => ref.name)).toEqual(["noir", "Mara"]);
  });

  it("sends a reference set's images after the scene and its text in the prompt, hashing the images as inputs", async () => {
    const { runLog } = await dryRun({ reference_set: "mara-refs" });
    expect(runLog.jobs[0]?.input_images).toEqual(["scenes/alley.png", "refs/mara.png"]);
    expect(runLog.jobs[0]?.prompt).toContain("gait: walks with a limp");
    expect(runLog.reference_images).toEqual(["refs/mara.png"]);
    expect(runLog.inputs.find((input) => input.role === "reference")).toEqual({
      path: "refs/mara.png",
      role: "reference",
      sha256: await sha256File(join(root, "refs", "mara.png")),
      size: "mara bytes".length,
    });
  });

  it("refuses an unknown record, a template field nobody gives and a built-in field, writing no log", async () => {
    await expect(dryRun({ style_guide: "pastel" })).rejects.toThrow(
      "Style guide 'pastel' not found in this project (give its name or id)",
    );
    await expect(dryRun({ prompt_template: "street" })).rejects.toThrow(
      "Prompt template 'street' uses {mood}, which no field gives",
    );
    await expect(dryRun({ prompt_fields: { scene: "x" } })).rejects.toThrow(
      "Field 'prompt_fields.scene' is filled by the pipeline and cannot be set",
    );
  });

  it("refuses a job with more input images than the model takes, before anything is written", async () => {
    const many = Array.from({ length: 16 }, (_, i) => ({
      id: `x${i}`,
      label: `x${i}`,
      content_text: null,
      image: "refs/mara.png",
    }));
    const big = heldRecordSource({ referenceSets: [{ id: "r2", name: "big", items: many }] });
    const attempt = planDryRun(
      dryRunOptions({
        projectRoot: root,
        request: { scene_refs: "scenes/alley.png", reference_set: "big" },
        postprocess: {},
        recordSource: big,
      }),
    );
    await expect(attempt).rejects.toThrow("A job would send 17 input images; gpt-image-1 takes at most 16 per request");
  });

  it("refuses a reference image outside the project", async () => {
    const outside = heldRecordSource({
      referenceSets: [
        { id: "r3", name: "out", items: [{ id: "i", label: "x", content_text: null, image: "../x.png" }] },
      ],
    });
    const attempt = planDryRun(
      dryRunOptions({
        projectRoot: root,
        request: { scene_refs: "scenes/alley.png", reference_set: "out" },
        postprocess: {},
        recordSource: outside,
      }),
    );
    await expect(attempt).rejects.toMatchObject({ details: { field: "reference_set" } });
  });
});

describe("composeJobPrompt", () => {
  it("sends the manifest's prompt unchanged when a run names no records", () => {
    expect(composeJobPrompt("Restyle the scene.", {}, { scene: "a" })).toBe("Restyle the scene.");
  });

  it("does not repeat a section the template placed itself", () => {
    const records = {
      prompt_template: { id: "t", name: "t", template_text: "{style_guide} Now paint {scene}." },
      style_guide: styleGuide,
    };
    expect(composeJobPrompt("base", records, { scene: "alley" })).toBe(`${styleGuide.instructions} Now paint alley.`);
  });

  it("keeps doubled braces as literal braces", () => {
    expect(fillTemplate("t", "{{json}} {x}", { x: "1" })).toBe("{json} 1");
  });
});

describe("projectImageUri", () => {
  it("takes plain relative image paths and leaves URLs and other files out", () => {
    expect(projectImageUri("refs/a.PNG")).toBe("refs/a.PNG");
    expect(projectImageUri("https://example.com/a.png")).toBeNull();
    expect(projectImageUri("notes/a.txt")).toBeNull();
    expect(projectImageUri(null)).toBeNull();
  });
});
