import { createHash } from "node:crypto";
import { createKromaClient, type RunEvent } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Live results: a queued run's candidates are recorded as they finish, and the events name them,
// so a client shows each picture while the run is still going.

let images: ImagesServer;
const imagesUrl = { value: "" };
const api = useTestServer({
  agentDispatch: false,
  projects: ["Live"],
  runExecution: {
    openaiApiKey: "sk-test-live",
    get openaiBaseUrl() {
      return `${imagesUrl.value}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});
let root = "";
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  images = await startImagesServer();
  imagesUrl.value = images.url;
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("live")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
});
afterAll(() => images.close());

describe("a queued run's live records", () => {
  it("name each candidate's assets in its event, served before the run has ended", async () => {
    // Slow answers: while a candidate's event is handled, the next request is still in flight.
    images.script(() => ({ image: "gray", delayMs: 400 }));
    const { pipeline_trigger } = await kroma().runs.trigger("live", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png", "scenes/b.png"],
      candidates: 2,
    });
    const runId = pipeline_trigger.run_id;
    const seen: { event: RunEvent; runStatus: string; files: { recorded: string | null; served: string }[] }[] = [];
    for await (const event of kroma().runs.events("live", runId)) {
      if (event.type !== "progress" || event.phase !== "candidate_done") continue;
      const { run } = await kroma().runs.get("live", runId);
      const files = [];
      for (const assetId of event.asset_ids ?? []) {
        const { asset } = await kroma().assets.get("live", assetId);
        // The bytes over the file route, as a client would show them.
        files.push({ recorded: asset.sha256, served: sha256(await kroma().assets.download("live", assetId)) });
      }
      seen.push({ event, runStatus: run.status, files });
    }
    expect(seen.map(({ event }) => [event.job, event.candidate])).toEqual([
      ["style_1_a", 1],
      ["style_1_a", 2],
      ["style_2_b", 1],
      ["style_2_b", 2],
    ]);
    for (const { event, runStatus, files } of seen) {
      // Recorded and true to its bytes while the run was still running.
      expect(runStatus).toBe("running");
      expect(event.job_id).toMatch(/^job_/);
      expect(files).toHaveLength(1);
      expect(files[0]?.served).toBe(files[0]?.recorded);
    }

    // The final ingest replaces the live rows in place: one asset per candidate, same ids.
    const { run } = await kroma().runs.get("live", runId);
    expect(run.status).toBe("succeeded");
    const { assets } = await kroma().assets.list("live", { run_id: runId });
    expect(assets.map((asset) => asset.id).sort()).toEqual(seen.flatMap(({ event }) => event.asset_ids ?? []).sort());
    const jobs = await kroma().runs.jobs("live", runId);
    expect(jobs.jobs.map((job) => job.status)).toEqual(["done", "done"]);
  });
});
