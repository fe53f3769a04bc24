import { createContractValidator, type HttpMethod, openapiDocument } from "@kroma/contract";
import { putScenes, startTestServer, type TestServer } from "@kroma/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// What a client written against the seed does: plain fetch with JSON, over real HTTP,
// exactly as the seed README's success check and JavaScript example show.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const validator = createContractValidator(openapiDocument);

async function send(method: HttpMethod, specPath: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: method.toUpperCase(),
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a seed client reads untyped JSON; the spec check below validates it
  const json: any = await response.json();
  // Independently of the server's own check, every body received here must match the spec.
  expect(validator.validateResponse(method, specPath, response.status, json)).toEqual([]);
  return { status: response.status, json };
}

describe("a seed client over HTTP", () => {
  it("runs the seed README's success check", async () => {
    const health = await send("get", "/health", "/health");
    expect(health.json).toMatchObject({ ok: true, status: "ok", service: "kroma-backend-core" });

    const created = await send("post", "/api/projects", "/api/projects", { name: "DX Demo", slug: "dx_demo" });
    expect(created.status).toBe(200);

    const listed = await send("get", "/api/projects", "/api/projects");
    expect(listed.json.projects.some((p: { slug: string }) => p.slug === "dx_demo")).toBe(true);
  });

  it("runs the seed's API example: create my_project, then fetch it", async () => {
    await send("post", "/api/projects", "/api/projects", { name: "My Project", slug: "my_project" });
    const detail = await send("get", "/api/projects/{slug}", "/api/projects/my_project");
    expect(detail.json.project.name).toBe("My Project");
    expect(Object.keys(detail.json).sort()).toEqual(["counts", "ok", "project", "storage"]);
  });

  it("gets the error envelope for a bad request, an unknown project and an unknown route", async () => {
    const bad = await send("post", "/api/projects", "/api/projects", { slug: "no_name" });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error_kind: "validation", error_code: "validation_error" });

    const missing = await send("get", "/api/projects/{slug}", "/api/projects/ghost");
    expect(missing.status).toBe(404);

    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error_code: "not_found" });
  });

  it("triggers a dry run with the seed's body, polls it to the end and reads what it recorded", async () => {
    const created = await send("post", "/api/projects", "/api/projects", { name: "Runs", slug: "seed_runs" });
    const root: string = created.json.storage.local.project_root;
    await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
    const trigger = await send("post", "/api/projects/{slug}/runs/trigger", "/api/projects/seed_runs/runs/trigger", {
      mode: "dry",
      input: "scenes",
      stage: "time",
      time: "night",
      candidates: 2,
      storage_sync_s3: false,
    });
    expect(trigger.status).toBe(200);
    const runId: string = trigger.json.pipeline_trigger.run_id;
    let run = trigger.json.pipeline_trigger.run;
    // A client that does not read event streams polls the run until it leaves queued/running.
    for (let i = 0; i < 100 && ["queued", "running"].includes(run.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await send("get", "/api/projects/{slug}/runs/{runId}", `/api/projects/seed_runs/runs/${runId}`)).json.run;
    }
    expect(run).toMatchObject({ id: runId, run_mode: "dry", status: "succeeded", stage: "time", time_of_day: "night" });
    const jobs = await send(
      "get",
      "/api/projects/{slug}/runs/{runId}/jobs",
      `/api/projects/seed_runs/runs/${runId}/jobs`,
    );
    expect(jobs.json).toMatchObject({ ok: true, run_id: runId, count: 2 });
    expect(jobs.json.jobs[0].candidates).toHaveLength(2);
    const listed = await send("get", "/api/projects/{slug}/runs", "/api/projects/seed_runs/runs");
    expect(listed.json.runs.map((r: { id: string }) => r.id)).toEqual([runId]);
    const detail = await send("get", "/api/projects/{slug}", "/api/projects/seed_runs");
    expect(detail.json.counts).toMatchObject({ runs: 1, jobs: 2 });
  });
});
