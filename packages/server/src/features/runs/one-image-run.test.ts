import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A one-image run through the API (`prompt`): the trigger equivalent of `kroma lab one`. Without
// an input image it is an images generation, with one an edit; either is logged, guarded and
// ingested like any run, and a bad prompt or size is refused before anything is sent.

const paid = usePaidTestServer({ projects: ["Oneshot"], apiKey: "sk-test-oneshot" });
const kroma = () => createKromaClient({ baseUrl: paid.api.server.url });
const slug = "oneshot";
let root: string;

beforeAll(async () => {
  const { storage } = await kroma().projects.get(slug);
  root = storage.local.project_root;
  await putScenes(root, ["scenes/pier.png"]);
});

async function runOne(body: Record<string, unknown>) {
  const { pipeline_trigger } = await kroma().runs.trigger(
    slug,
    { mode: "run", confirm_spend: true, ...body },
    { wait: true },
  );
  const log = JSON.parse(await readFile(join(root, "runs", `${pipeline_trigger.run_id}.json`), "utf8"));
  const { assets } = await kroma().assets.list(slug, { run_id: pipeline_trigger.run_id });
  return { status: pipeline_trigger.status, runId: pipeline_trigger.run_id, log, assets };
}

describe("a one-image run (prompt) through the trigger", () => {
  it("without an input image sends one images generation with the prompt given, and ingests its image", async () => {
    paid.images.reset();
    const run = await runOne({ prompt: "A lighthouse in fog, ink wash" });
    expect(run.status).toBe("succeeded");
    expect(paid.images.requests.map((request) => request.path)).toEqual(["/v1/images/generations"]);
    expect(paid.images.requests[0]?.fields).toMatchObject({ prompt: "A lighthouse in fog, ink wash", n: "1" });
    expect(run.log.api.endpoint).toBe("images.generate");
    expect(run.log.jobs).toHaveLength(1);
    expect(run.log.jobs[0]).toMatchObject({
      prompt: "A lighthouse in fog, ink wash",
      input_images: [],
      status: "done",
    });
    expect(run.assets.map((asset) => asset.rel_path)).toEqual([`outputs/${run.runId}/style_1_prompt.png`]);
  });

  it("with one input image sends an edit of it, the prompt replacing the manifest's", async () => {
    paid.images.reset();
    const run = await runOne({ prompt: "Paint the pier at dusk", scene_refs: ["scenes/pier.png"] });
    expect(run.status).toBe("succeeded");
    expect(paid.images.requests.map((request) => [request.path, request.images])).toEqual([
      ["/v1/images/edits", ["pier.png"]],
    ]);
    expect(paid.images.requests[0]?.fields.prompt).toBe("Paint the pier at dusk");
    expect(run.log.api.endpoint).toBe("images.edit");
    expect(run.assets.map((asset) => asset.rel_path)).toEqual([`outputs/${run.runId}/style_1_pier.png`]);
  });

  it("refuses an empty prompt, a size the model rejects and two input images, before any request", async () => {
    paid.images.reset();
    const trigger = (body: Record<string, unknown>) =>
      paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, { mode: "run", confirm_spend: true, ...body });
    const empty = await trigger({ prompt: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ details: { field: "prompt" } });
    const size = await trigger({ prompt: "A lighthouse", size: "768x1152" });
    expect(size.status).toBe(400);
    expect((size.body as { error: string }).error).toContain("size 768x1152 is not accepted by gpt-image-1");
    await putScenes(root, ["scenes/dock.png"]);
    const two = await trigger({ prompt: "A lighthouse", scene_refs: ["scenes/pier.png", "scenes/dock.png"] });
    expect(two.status).toBe(400);
    expect(two.body).toMatchObject({ details: { field: "scene_refs" } });
    expect(paid.images.requests).toHaveLength(0);
  });
});
