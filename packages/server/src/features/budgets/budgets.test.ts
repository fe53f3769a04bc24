import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createKromaClient, type KromaApiError } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// A project's budget over real HTTP: a paid trigger reserves its estimate in the transaction that
// queues it, so of two concurrent triggers that each fit but not both, exactly one is queued and
// only its images reach the stand-in; a finished run then holds its recorded cost.

const paid = usePaidTestServer({ projects: ["Budgeted"], apiKey: "sk-test-budget" });
const kroma = () => createKromaClient({ baseUrl: paid.api.server.url });
const slug = "budgeted";
const bin = fileURLToPath(new URL("../../../../cli/dist/bin.js", import.meta.url));

function cli(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, "--api-url", paid.api.server.url, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  const { storage } = await kroma().projects.get(slug);
  await putScenes(storage.local.project_root, ["scenes/a.png", "scenes/b.png"]);
});

// 2 scenes x 3 candidates at the test server's gpt-image-1 1024x1024 medium ($0.042): $0.252.
const trigger = () =>
  kroma().runs.trigger(slug, {
    mode: "run",
    confirm_spend: true,
    scene_refs: ["scenes/a.png", "scenes/b.png"],
    candidates: 3,
  });

describe("a project's budget", () => {
  it("starts unset; a trigger with no budget reserves nothing", async () => {
    expect((await kroma().projects.budget(slug)).budget).toMatchObject({ budget_usd: null, remaining_usd: null });
  });

  it("lets exactly one of two concurrent triggers through when the remainder fits one", async () => {
    paid.images.reset();
    await kroma().projects.setBudget(slug, 0.4);
    const before = (await kroma().runs.list(slug)).total;
    const outcomes = await Promise.allSettled([trigger(), trigger()]);
    const queued = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as KromaApiError] : []));
    expect(queued).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ status: 409, code: "budget_exceeded" });
    expect(refused[0]?.message).toContain("exceeds the project's remaining budget $0.148");
    expect(refused[0]?.message).toContain("by $0.104");
    expect((await kroma().runs.list(slug)).total).toBe(before + 1);

    const [first] = queued;
    if (first?.status !== "fulfilled") throw new Error("expected a queued run");
    const runId = first.value.pipeline_trigger.run_id;
    expect((await kroma().runs.get(slug, runId)).run.reserved_usd).toBe(0.252);
    await kroma().runs.wait(slug, runId);
    expect(paid.images.requests).toHaveLength(6);

    // Finished, the run holds its recorded cost: the cost events' sum.
    const { total_cost_usd } = await kroma().costEvents.list(slug, { run_id: runId });
    const { budget } = await kroma().projects.budget(slug);
    expect(budget.committed_usd).toBeCloseTo(total_cost_usd, 6);
    expect(budget.remaining_usd).toBeCloseTo(0.4 - total_cost_usd, 6);
  });

  it("is checked again before every image request: a budget lowered mid-run stops the spending", async () => {
    await kroma().projects.setBudget(slug, null);
    paid.images.reset();
    paid.images.script(({ index }) => (index === 0 ? { image: "gray", delayMs: 700 } : { image: "gray" }));
    await kroma().projects.setBudget(slug, 10);
    const { pipeline_trigger } = await trigger();
    while (paid.images.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // Others hold the earlier runs' cost; this leaves room for two requests of this run, not three.
    const { budget } = await kroma().projects.budget(slug);
    const others = budget.committed_usd - 0.252;
    await kroma().projects.setBudget(slug, Math.round((others + 0.1) * 1e6) / 1e6);
    const { run } = await kroma().runs.wait(slug, pipeline_trigger.run_id);
    expect(paid.images.requests).toHaveLength(2);
    expect(run.status).toBe("partial");
    const { jobs } = await kroma().runs.jobs(slug, run.id);
    expect(jobs.map((job) => job.status)).toEqual(["done", "failed"]);
    const refused = jobs.flatMap((job) => job.candidates).filter((c) => c.status === "failed");
    expect(refused).toHaveLength(4);
    for (const candidate of refused) {
      expect(String(candidate.meta_json.error)).toMatch(
        /^Not sent: the next image request would take the project past its budget/,
      );
    }
    paid.images.script(() => ({ image: "gray" }));
  });

  it("is set and read by `kroma projects budget`, and refuses nothing once cleared", async () => {
    const set = await cli(["projects", "budget", slug, "--set", "0.1"]);
    expect(set).toMatchObject({ code: 0, stderr: "" });
    const { committed_usd } = (await kroma().projects.budget(slug)).budget;
    expect(committed_usd).toBeCloseTo(0.336, 6); // the first run's six images and the stopped run's two
    expect(set.stdout).toBe("Budget $0.100: committed $0.336, remaining $0.000 (over by $0.236)\n");
    const refused = await trigger().catch((error: KromaApiError) => error);
    expect(refused).toMatchObject({ status: 409, code: "budget_exceeded" });
    expect((await cli(["projects", "budget", slug, "--set", "-1"])).code).not.toBe(0);

    const cleared = await cli(["projects", "budget", slug, "--clear"]);
    expect(cleared.stdout).toMatch(/^No budget: paid runs are not limited/);
    const { pipeline_trigger } = await trigger();
    expect((await kroma().runs.get(slug, pipeline_trigger.run_id)).run.reserved_usd).toBeNull();
    await kroma().runs.wait(slug, pipeline_trigger.run_id);
  });
});
