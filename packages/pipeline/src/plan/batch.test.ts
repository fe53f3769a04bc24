import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dryRunOptions } from "../test-helpers/run-options.js";
import { makeTempProject, putFile, removeDir } from "../test-helpers/temp-dir.js";
import { type BatchRow, checkBatchRow, expandBatch } from "./batch.js";
import { planDryRun } from "./dry-run.js";

const row = (raw: unknown, n = 1): BatchRow => checkBatchRow(raw, n, "style");
const summary = (rows: BatchRow[]) => expandBatch(rows).map((job) => [job.scene, job.fields, job.batch_row]);

describe("expandBatch", () => {
  it("multiplies lists that are not zipped, the last varying fastest", () => {
    expect(summary([row({ scene: ["a.png", "b.png"], fields: { mood: ["wet", "dry"] } })])).toEqual([
      ["a.png", { mood: "wet" }, 1],
      ["a.png", { mood: "dry" }, 1],
      ["b.png", { mood: "wet" }, 1],
      ["b.png", { mood: "dry" }, 1],
    ]);
  });

  it("advances zipped lists together and repeats each combination", () => {
    const zipped = row({
      scene: ["a.png", "b.png"],
      fields: { mood: ["wet", "dry"], era: "1920s" },
      zip: [["scene", "mood"]],
      repeat: 2,
    });
    expect(summary([zipped, row({ scene: "c.png" }, 2)])).toEqual([
      ["a.png", { mood: "wet", era: "1920s" }, 1],
      ["a.png", { mood: "wet", era: "1920s" }, 1],
      ["b.png", { mood: "dry", era: "1920s" }, 1],
      ["b.png", { mood: "dry", era: "1920s" }, 1],
      ["c.png", {}, 2],
    ]);
  });

  it("refuses rows it cannot expand, naming the row", () => {
    expect(() => row({ scene: "a.png", mood: "wet" }, 3)).toThrow(
      "Batch row 3: unknown key 'mood' (put template values under 'fields')",
    );
    expect(() => row({ fields: {} })).toThrow("Batch row 1: 'scene' is required");
    expect(() => row({ scene: ["a", "b"], fields: { m: ["x"] }, zip: [["scene", "m"]] })).toThrow(
      "'zip' group [scene, m] has lists of different lengths",
    );
    expect(() => row({ scene: "a", zip: [["mood"]] })).toThrow(
      "'zip' names 'mood', which is neither 'scene' nor a field",
    );
    expect(() => row({ scene: "a", time: "night" })).toThrow("'time' requires stage 'time' or 'weather'");
    expect(() => row({ scene: "a", fields: { scene: "x" } })).toThrow("is filled by the pipeline and cannot be set");
  });

  it("refuses an expansion above 10,000 jobs before building it", () => {
    const values = Array.from({ length: 101 }, (_, i) => `v${i}`);
    expect(() => expandBatch([row({ scene: values, fields: { a: values } })])).toThrow(
      "Batch expands to 10201 jobs, above 10000",
    );
  });
});

describe("a dry run of a batch", () => {
  let dir: string;
  let root: string;
  beforeEach(async () => {
    ({ dir, root } = await makeTempProject("kroma-batch-"));
    for (const name of ["alley", "bridge"]) await putFile(join(root, "scenes", `${name}.png`), `${name} bytes`);
  });
  afterEach(() => removeDir(dir));

  it("plans one job per expanded row, each recording its row and fields, with the row's stage", async () => {
    const { runLog } = await planDryRun(
      dryRunOptions({
        projectRoot: root,
        postprocess: {},
        request: {
          batch: [
            { scene: "scenes/alley.png", fields: { mood: ["wet", "dry"] } },
            { scene: "scenes/bridge.png", stage: "time", time: "night" },
          ],
          prompt_fields: { mood: "calm", era: "1920s" },
          repeat: 2,
        },
      }),
    );
    expect(runLog.jobs.map((job) => [job.id, job.mode, job.time, job.batch_row, job.prompt_fields])).toEqual([
      ["style_1_alley", "style", "day", 1, { mood: "wet", era: "1920s" }],
      ["style_2_alley", "style", "day", 1, { mood: "wet", era: "1920s" }],
      ["style_3_alley", "style", "day", 1, { mood: "dry", era: "1920s" }],
      ["style_4_alley", "style", "day", 1, { mood: "dry", era: "1920s" }],
      ["time_5_bridge", "time", "night", 2, { mood: "calm", era: "1920s" }],
      ["time_6_bridge", "time", "night", 2, { mood: "calm", era: "1920s" }],
    ]);
    expect(runLog.spend_estimate.images).toBe(6);
    expect(new Set(runLog.jobs.flatMap((job) => job.planned_generation.outputs)).size).toBe(6);
  });

  it("refuses a batch scene outside the project and a batch beside scene_refs", async () => {
    const plan = (request: object) => planDryRun(dryRunOptions({ projectRoot: root, postprocess: {}, request }));
    await expect(plan({ batch: [{ scene: "../secret.png" }] })).rejects.toMatchObject({ details: { field: "batch" } });
    await expect(plan({ batch: [{ scene: "scenes/alley.png" }], scene_refs: "scenes/alley.png" })).rejects.toThrow(
      "Provide only one of: input, scene_refs, batch",
    );
  });
});
