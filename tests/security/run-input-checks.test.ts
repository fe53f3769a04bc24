// Issue 13 point 3 (security review §3): what runs is checked when it runs. A run's files are
// listed and read only inside the project root at the moment it executes, not only at trigger
// time: a symlink added while the run waited in the queue fails the run with a clear error (the
// whole run, not a silently skipped scene: it asked for a file it may not read), and the file
// it points to is neither hashed into a log nor sent to the images API. A resume re-checks the
// stored request (an import brings `request_json` verbatim) and refuses one leading out with a 400.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { components } from "@kroma/contract";
import {
  type ApiClient,
  type HeldImages,
  portClient,
  runRow,
  solidPng,
  startHeldImages,
  startTestServer,
  type TestServer,
} from "@kroma/testkit";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let images: HeldImages;
let server: TestServer;
let client: ApiClient;
let outside: string;
const secret = solidPng(9, 9, [1, 2, 3]);
const secretSha = createHash("sha256").update(secret).digest("hex");

beforeAll(async () => {
  images = await startHeldImages();
  server = await startTestServer({
    runExecution: {
      openaiApiKey: "sk-test-input-checks",
      openaiBaseUrl: `${images.url}/v1`,
      image: { model: "gpt-image-1", size: "1024x1536", quality: "medium" },
      retryDelayMs: 1,
    },
  });
  client = portClient(server.url);
  outside = await mkdtemp(join(tmpdir(), "kroma-outside-"));
  await writeFile(join(outside, "private.png"), secret);
});
afterAll(async () => {
  await server.stop();
  await images.close();
  await rm(outside, { recursive: true, force: true });
});

async function project(name: string): Promise<{ slug: string; root: string }> {
  const body = await expectOk(client.POST("/api/projects", { body: { name } }));
  const root = body.storage.local.project_root;
  await mkdir(join(root, "scenes"), { recursive: true });
  await writeFile(join(root, "scenes", "a.png"), solidPng(8, 8, [90, 90, 90]));
  return { slug: body.project.slug, root };
}

const runOf = (slug: string, runId: string) =>
  client.GET("/api/projects/{slug}/runs/{runId}", { params: { path: { slug, runId } } });
const trigger = (slug: string, body: components["schemas"]["TriggerRunRequest"]) =>
  client.POST("/api/projects/{slug}/runs/trigger", { ...inProject(slug), body });

async function finished(slug: string, runId: string): Promise<{ status: string; error?: string | null }> {
  for (let i = 0; i < 1000; i++) {
    const run = (await expectOk(runOf(slug, runId))).run;
    if (!["queued", "running", "canceling"].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`run ${runId} never finished`);
}

/** Whether any file under `dir` holds the outside file's digest. */
async function mentionsSecret(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  for (const name of await readdir(dir, { recursive: true })) {
    const text = await readFile(join(dir, name), "utf8").catch(() => "");
    if (text.includes(secretSha) || text.includes("private.png")) return true;
  }
  return false;
}

describe("a symlink added while a run waits in the queue", () => {
  it("fails the dry and the paid run at execution; the outside file is never hashed nor sent", async () => {
    const { slug, root } = await project("Toctou");
    // A paid run on one scene holds the one-at-a-time queue: its request hangs until released.
    const holder = await trigger(slug, { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png"] });
    expect(holder.response.status).toBe(200);
    await images.request(0);

    // Both pass the trigger's check: the link does not exist yet.
    const dry = await trigger(slug, { mode: "dry", input: "scenes" });
    const paid = await trigger(slug, { mode: "run", confirm_spend: true, input: "scenes" });
    expect([dry.response.status, paid.response.status]).toEqual([200, 200]);
    await symlink(join(outside, "private.png"), join(root, "scenes", "zz_link.png"));

    images.answerAll();
    expect((await finished(slug, holder.data?.pipeline_trigger.run_id ?? "")).status).toBe("succeeded");
    for (const runId of [dry.data?.pipeline_trigger.run_id ?? "", paid.data?.pipeline_trigger.run_id ?? ""]) {
      const run = await finished(slug, runId);
      expect(run.status).toBe("failed");
      expect(run.error).toContain("'scenes/zz_link.png', a symlink leading outside the project root");
      expect(existsSync(join(root, "runs", `${runId}.json`))).toBe(false);
    }
    expect(await mentionsSecret(join(root, "runs"))).toBe(false);
    expect(await mentionsSecret(join(root, ".kroma"))).toBe(false);
    expect(images.requests.map((request) => request.images)).toEqual([["a.png"]]);
  });
});

describe("resume of a stored request leading out of the project (as an import brings it)", () => {
  for (const mode of ["run", "dry"] as const) {
    it(`answers 400 for a ${mode} run and sends nothing to the images API`, async () => {
      const { slug } = await project(`Imported ${mode}`);
      const body = await expectOk(client.GET("/api/projects/{slug}", inProject(slug)));
      const runId = `run_20250101T000000Z_imp${mode}`;
      await server.db
        .insertInto("runs")
        .values(
          runRow({
            id: runId,
            project_id: body.project.id,
            run_mode: mode,
            status: "interrupted",
            request_json: JSON.stringify({ input: outside, candidates: 1 }),
          }),
        )
        .execute();
      const before = images.requests.length;

      const resumed = await client.POST("/api/projects/{slug}/runs/{runId}/resume", {
        params: { path: { slug, runId } },
      });
      expect(resumed.response.status).toBe(400);
      expect(resumed.error).toMatchObject({ ok: false, error_code: "validation_error" });
      expect(resumed.error?.error).toContain("is outside the project root");
      const after = await runOf(slug, runId);
      expect(after.data?.run.status).toBe("interrupted");
      expect(images.requests.length).toBe(before);
    });
  }
});
