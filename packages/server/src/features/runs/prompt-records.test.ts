import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A queued run composes its prompts from the project's records, as `kroma lab run` does: the
// trigger names them by name or id, the images API receives the composed prompt and the
// reference set's images, and the run log names every record with its content hash.

const paid = usePaidTestServer({ projects: ["Records"], apiKey: "sk-test-records" });
const api = paid.api;
let root = "";
const kroma = () => createKromaClient({ baseUrl: api.server.url });

async function finished(runId: string): Promise<string> {
  let status = "";
  for await (const event of kroma().runs.events("records", runId)) status = event.status;
  return status;
}

const readLog = async (runId: string) => JSON.parse(await readFile(join(root, "runs", `${runId}.json`), "utf8"));

beforeAll(async () => {
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("records")))).storage.local.project_root;
  await putScenes(root, ["scenes/alley.png", "scenes/bridge.png", "scenes/dock.png", "refs/mara.png"]);
  await kroma().promptTemplates.create("records", { name: "street", template_text: "Paint {scene} in {mood} light." });
  await kroma().styleGuides.create("records", { name: "noir", instructions: "Ink lines, deep shadows." });
  await kroma().characters.create("records", { name: "Mara", prompt_text: "red coat" });
  const { reference_set } = await kroma().referenceSets.create("records", { name: "mara-refs" });
  await kroma().referenceSets.items.create("records", reference_set.id, {
    label: "face",
    content_uri: "refs/mara.png",
  });
  await kroma().referenceSets.items.create("records", reference_set.id, { label: "gait", content_text: "limps" });
});

describe("a trigger naming the project's records", () => {
  it("plans a dry run whose three prompts hold each record's text, and logs the records with their hashes", async () => {
    const dry = (
      await kroma().runs.trigger("records", {
        scene_refs: ["scenes/alley.png", "scenes/bridge.png", "scenes/dock.png"],
        prompt_template: "street",
        style_guide: "noir",
        characters: ["Mara"],
        prompt_fields: { mood: "wet" },
      })
    ).pipeline_trigger;
    expect(await finished(dry.run_id)).toBe("succeeded");
    const log = await readLog(dry.run_id);
    expect(log.jobs.map((job: { prompt: string }) => job.prompt)).toEqual(
      ["alley", "bridge", "dock"].map(
        (scene) => `Paint ${scene} in wet light.\n\nInk lines, deep shadows.\n\nMara: red coat`,
      ),
    );
    expect(log.prompt_records.map((ref: { kind: string; name: string }) => `${ref.kind}:${ref.name}`)).toEqual([
      "prompt_template:street",
      "style_guide:noir",
      "character:Mara",
    ]);
    for (const ref of log.prompt_records) expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sends the composed prompt and the reference images to the images API in a paid run", async () => {
    const sent = paid.images.requests.length;
    const run = (
      await kroma().runs.trigger("records", {
        mode: "run",
        confirm_spend: true,
        scene_refs: ["scenes/alley.png"],
        reference_set: "mara-refs",
        style_guide: "noir",
      })
    ).pipeline_trigger;
    expect(await finished(run.run_id)).toBe("succeeded");
    const [request] = paid.images.requests.slice(sent);
    expect(request?.images).toHaveLength(2);
    expect(request?.fields.prompt).toContain("Ink lines, deep shadows.");
    expect(request?.fields.prompt).toContain("gait: limps");
    const log = await readLog(run.run_id);
    expect(log.jobs[0].input_images).toEqual(["scenes/alley.png", "refs/mara.png"]);
    expect(log.inputs.map((input: { role: string }) => input.role)).toEqual(["scene", "reference"]);
  });

  it("refuses an unknown record and a missing template field with a 400 naming the field, queueing nothing", async () => {
    const unknown = await api.call("POST", "/api/projects/records/runs/trigger", {
      scene_refs: ["scenes/alley.png"],
      style_guide: "pastel",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: "Style guide 'pastel' not found in this project (give its name or id)",
      details: { field: "style_guide" },
    });
    const field = await api.call("POST", "/api/projects/records/runs/trigger", {
      scene_refs: ["scenes/alley.png"],
      prompt_template: "street",
    });
    expect(field.status).toBe(400);
    expect(field.body).toMatchObject({ details: { field: "prompt_fields", missing: ["mood"] } });
  });

  it("takes a batch, repeat and the lab's guard and prompt options", async () => {
    const dry = (
      await kroma().runs.trigger("records", {
        batch: [
          {
            scene: ["scenes/alley.png", "scenes/bridge.png"],
            fields: { mood: ["dusk", "dawn"] },
            zip: [["scene", "mood"]],
          },
        ],
        repeat: 2,
        prompt_template: "street",
        enforce_grayscale: true,
        output_guard_enabled: false,
        style_base_prompt: "unused by the template",
      })
    ).pipeline_trigger;
    expect(dry.spend_estimate.images).toBe(4);
    expect(await finished(dry.run_id)).toBe("succeeded");
    const log = await readLog(dry.run_id);
    expect(log.jobs.map((job: { prompt: string; batch_row: number }) => [job.prompt, job.batch_row])).toEqual([
      ["Paint alley in dusk light.", 1],
      ["Paint alley in dusk light.", 1],
      ["Paint bridge in dawn light.", 1],
      ["Paint bridge in dawn light.", 1],
    ]);
    expect(log.output_guard).toMatchObject({ enabled: false, enforce_grayscale: true });
  });

  it("refuses a paid run whose post-processing cannot finish, before anything is queued or sent", async () => {
    const sent = paid.images.requests.length;
    const response = await api.call("POST", "/api/projects/records/runs/trigger", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/alley.png"],
      post_upscale: true,
      upscale_backend: "realesrgan-ncnn",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ ok: false, details: { field: "postprocess" } });
    expect(String((response.body as { error: string }).error)).toContain("upscale");
    const ignored = await api.call("POST", "/api/projects/records/runs/trigger", {
      scene_refs: ["scenes/alley.png"],
      post_color_profile: "neutral",
    });
    expect(ignored.status).toBe(400);
    expect(ignored.body).toMatchObject({
      error: "post_color_profile has no effect: colour correction is off (add post_color)",
    });
    expect(paid.images.requests.length).toBe(sent);
  });
});
