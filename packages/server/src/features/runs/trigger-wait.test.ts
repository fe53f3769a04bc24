import { join } from "node:path";
import type { Schema } from "@kroma/contract/types";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { preferredWaitS, triggerWaitS } from "./trigger-wait.js";

const paid = usePaidTestServer({
  projects: ["Waits"],
  apiKey: "sk-test-wait",
  execution: { maxAttempts: 1 },
  server: { triggerWaitMaxS: 60 },
});
const api = paid.api;
const kroma = () => createKromaClient({ baseUrl: api.server.url });
let root = "";

beforeAll(async () => {
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("waits")))).storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png", "scenes/c.png"]);
});
beforeEach(() => {
  paid.images.reset();
  paid.images.script(() => ({ image: "gray" }));
});

/** A trigger over plain HTTP, as an upstream-style client sends it, with its status and headers. */
async function trigger(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.server.url}/api/projects/waits/runs/trigger`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Schema<"TriggerRunResponse">,
  };
}

describe("POST /runs/trigger with wait (triggerRun)", () => {
  it("wait: true answers the finished paid run, with status_code 0 and the run log and job count in stdout", async () => {
    const answer = await trigger({ mode: "run", confirm_spend: true, input: "scenes", wait: true });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("preference-applied")).toBe("wait=60");
    const { pipeline_trigger } = answer.body;
    expect(pipeline_trigger).toMatchObject({ status: "succeeded", status_code: 0, run: { status: "succeeded" } });
    expect(pipeline_trigger.stdout).toBe(`Run log: ${join(root, "runs", `${pipeline_trigger.run_id}.json`)}\nJobs: 3`);
    expect(paid.images.requests).toHaveLength(3);
  });

  it("waits on a dry run the same way", async () => {
    const answer = await trigger({ scene_refs: ["scenes/a.png"] }, { Prefer: "wait=30" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("preference-applied")).toBe("wait=30");
    expect(answer.body.pipeline_trigger).toMatchObject({ mode: "dry", status: "succeeded", status_code: 0 });
    expect(answer.body.pipeline_trigger.stdout).toMatch(/\nJobs: 1$/);
  });

  it("a run that did not succeed is answered with a non-zero status_code", async () => {
    paid.images.script(() => ({ status: 400, message: "refused" }));
    const answer = await trigger({ mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png"], wait: true });
    expect(answer.status).toBe(200);
    expect(answer.body.pipeline_trigger).toMatchObject({ status: "failed", status_code: 1 });
  });

  it("Prefer: wait=0 answers the queued run at once, as without a wait", async () => {
    const answer = await trigger({ scene_refs: ["scenes/a.png"] }, { Prefer: "wait=0" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("preference-applied")).toBeNull();
    expect(answer.body.pipeline_trigger.status).toBe("queued");
    expect(answer.body.pipeline_trigger.status_code).toBeUndefined();
    await kroma().runs.wait("waits", answer.body.pipeline_trigger.run_id);
  });

  it("a run still going when the wait runs out is answered 202 as it is then", async () => {
    paid.images.script(() => ({ image: "gray", delayMs: 2500 }));
    const answer = await trigger(
      { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png"] },
      { Prefer: "wait=1" },
    );
    expect(answer.status).toBe(202);
    expect(answer.headers.get("preference-applied")).toBe("wait=1");
    expect(answer.body.pipeline_trigger.status).toBe("running");
    expect(answer.body.pipeline_trigger.status_code).toBeUndefined();
    const { run } = await kroma().runs.wait("waits", answer.body.pipeline_trigger.run_id);
    expect(run.status).toBe("succeeded");
  });

  it("the SDK's trigger and rerun take { wait }", async () => {
    const first = await kroma().runs.trigger("waits", { input: "scenes" }, { wait: true });
    expect(first.pipeline_trigger).toMatchObject({ status: "succeeded", status_code: 0 });
    const rerun = await kroma().runs.rerun("waits", first.pipeline_trigger.run_id, { jobs: "all" }, { wait: 20 });
    expect(rerun.pipeline_trigger).toMatchObject({
      status: "succeeded",
      status_code: 0,
      run: { retried_from: first.pipeline_trigger.run_id },
    });
    expect(rerun.pipeline_trigger.stdout).toMatch(/\nJobs: 3$/);
  });
});

describe("how long a trigger waits", () => {
  it("reads Prefer's wait (RFC 7240), capped by the server's most; wait: true waits the most", () => {
    expect(preferredWaitS("wait=10")).toBe(10);
    expect(preferredWaitS("respond-async, wait=5")).toBe(5);
    expect(preferredWaitS('Wait="7"; x=1')).toBe(7);
    expect(preferredWaitS("wait=soon")).toBeUndefined();
    expect(preferredWaitS(undefined)).toBeUndefined();
    expect(triggerWaitS(undefined, "wait=900", 300)).toBe(300);
    expect(triggerWaitS(true, undefined, 300)).toBe(300);
    expect(triggerWaitS(true, "wait=0", 300)).toBe(0);
    expect(triggerWaitS(false, undefined, 300)).toBe(0);
  });
});
