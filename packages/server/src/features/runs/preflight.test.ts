import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A server run whose post-processing cannot finish here (background removal by PhotoRoom with no
// key anywhere) is refused when it is triggered, before it is queued: nothing is paid for. (The
// pipeline checks again before its first request: run-postprocess.test.ts.)

const paid = usePaidTestServer({ projects: ["Preflight"], apiKey: "sk-test-preflight" });
const kroma = () => createKromaClient({ baseUrl: paid.api.server.url });

beforeAll(async () => {
  const { storage } = await kroma().projects.get("preflight");
  const root = storage.local.project_root;
  await putScenes(root, ["scenes/a.png"]);
  await mkdir(join(root, ".kroma"), { recursive: true });
  await writeFile(
    join(root, ".kroma", "pipeline.settings.json"),
    JSON.stringify({ pipeline: { postprocess: { bg_remove: true, bg_remove_backends: ["photoroom"] } } }),
  );
});

describe("a paid server run with a post-process stage that cannot run", () => {
  it("is refused at trigger time with a 400 naming the stage and the fix: nothing queued, nothing sent", async () => {
    paid.images.reset();
    const before = (await kroma().runs.list("preflight")).total;
    const response = await paid.api.call("POST", "/api/projects/preflight/runs/trigger", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
      candidates: 2,
    });
    expect(response.status).toBe(400);
    const { error } = response.body as { error: string };
    expect(error).toContain("Refused before any image request: post-processing cannot finish: bg_remove (photoroom)");
    expect(error).toContain("photoroom/api_key");
    expect(response.body).toMatchObject({ details: { field: "postprocess" } });
    expect((await kroma().runs.list("preflight")).total).toBe(before);
    expect(paid.images.requests).toHaveLength(0);
  });

  it("still plans a dry run of it, which sends nothing", async () => {
    const { pipeline_trigger } = await kroma().runs.trigger("preflight", { scene_refs: ["scenes/a.png"] });
    const { run } = await kroma().runs.wait("preflight", pipeline_trigger.run_id);
    expect(run.status).toBe("succeeded");
  });
});
