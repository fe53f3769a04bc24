import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PaidRunLog } from "@kroma/pipeline";
import { createKromaClient, type RunEvent } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A server run takes its image request limits (OPENAI_TIMEOUT_MS, KROMA_IMAGE_CONCURRENCY, read
// into `runExecution` by the config) to the pipeline: a hung request times out, and a job's
// candidates are requested together.

const paid = usePaidTestServer({
  projects: ["Limits"],
  apiKey: "sk-test-limits",
  execution: { timeoutMs: 300, concurrency: 2 },
});
const api = paid.api;
let root = "";

beforeAll(async () => {
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("limits")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png"]);
});

describe("a server run's image requests", () => {
  it("time out when never answered, and are retried while the job's other candidate goes on", async () => {
    paid.images.script(({ index }) => (index === 0 ? { hang: true } : { image: "gray" }));
    const kroma = createKromaClient({ baseUrl: api.server.url });
    const { pipeline_trigger } = await kroma.runs.trigger("limits", {
      mode: "run",
      confirm_spend: true,
      scene_refs: ["scenes/a.png"],
      candidates: 2,
    });
    const events: RunEvent[] = [];
    for await (const event of kroma.runs.events("limits", pipeline_trigger.run_id)) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: "done", status: "succeeded" });

    const log = JSON.parse(await readFile(join(root, "runs", `${pipeline_trigger.run_id}.json`), "utf8")) as PaidRunLog;
    const attempts = log.jobs[0]?.candidates.map((candidate) => candidate.attempts) ?? [];
    const hung = attempts.find((tries) => tries.length === 2);
    expect(hung?.[0]?.error).toMatch(/^Request timed out/);
    // The other candidate was sent beside the hung request (req_1) and the retry after it (req_2):
    // one at a time, the retry would have been req_1.
    expect(hung?.[1]?.request_id).toBe("req_2");
    expect(attempts.find((tries) => tries.length === 1)?.[0]?.request_id).toBe("req_1");
  });
});
