import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A server run whose post-processing cannot finish here (background removal by PhotoRoom with no
// key anywhere) fails before its first image request: nothing is paid for.

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
  it("fails before any image request, naming the stage and the fix", async () => {
    paid.images.reset();
    const { pipeline_trigger } = await kroma().runs.trigger("preflight", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
      candidates: 2,
    });
    const { run } = await kroma().runs.wait("preflight", pipeline_trigger.run_id);
    expect(run.status).toBe("failed");
    expect(run.error).toContain(
      "Refused before any image request: post-processing cannot finish: bg_remove (photoroom)",
    );
    expect(run.error).toContain("photoroom/api_key");
    expect(paid.images.requests).toHaveLength(0);
  });
});
