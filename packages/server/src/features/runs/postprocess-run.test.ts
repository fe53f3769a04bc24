import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient } from "@kroma/sdk";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { usePaidTestServer } from "@kroma/testkit/test-server";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";

// A post-process run (`from_run`, `assets`): a paid run's finals go through the chain (sharp
// upscale, available everywhere) as a second run, with no image request, new files under the new
// run's directories linked `derived_from` their sources, and the sources left byte for byte.

const paid = usePaidTestServer({ projects: ["Postrun"], apiKey: "sk-test-postrun" });
const kroma = () => createKromaClient({ baseUrl: paid.api.server.url });
const slug = "postrun";
let root: string;

beforeAll(async () => {
  const { storage } = await kroma().projects.get(slug);
  root = storage.local.project_root;
  await putScenes(root, ["scenes/a.png", "scenes/b.png"]);
});

const upscale = { post_upscale: true, upscale_backend: "sharp" } as const;

/** A finished paid run of both scenes, and its jobs' final assets. */
async function firstRun() {
  const { pipeline_trigger } = await kroma().runs.trigger(
    slug,
    { mode: "run", confirm_spend: true, scene_refs: ["scenes/a.png", "scenes/b.png"] },
    { wait: true },
  );
  expect(pipeline_trigger.status).toBe("succeeded");
  const { jobs } = await kroma().runs.jobs(slug, pipeline_trigger.run_id);
  const finals = jobs.map((job) => job.final_asset_id as string);
  const assets = await Promise.all(finals.map(async (id) => (await kroma().assets.get(slug, id)).asset));
  return { runId: pipeline_trigger.run_id, assets };
}

describe("a post-process run of a paid run's finals (from_run)", () => {
  it("upscales each final under the new run, links it to its source, sends no image request and leaves the sources alone", async () => {
    const first = await firstRun();
    const before = await Promise.all(first.assets.map((asset) => readFile(join(root, asset.rel_path as string))));
    paid.images.reset();

    const { pipeline_trigger } = await kroma().runs.trigger(
      slug,
      { mode: "run", confirm_spend: true, from_run: first.runId, ...upscale },
      { wait: true },
    );
    expect(pipeline_trigger.status).toBe("succeeded");
    expect(paid.images.requests).toHaveLength(0);
    expect(pipeline_trigger.spend_estimate).toMatchObject({ requests: 0, images: 0, total_usd: 0 });
    const runId = pipeline_trigger.run_id;

    const { jobs } = await kroma().runs.jobs(slug, runId);
    expect(jobs).toHaveLength(2);
    for (const [i, job] of jobs.entries()) {
      const source = first.assets[i] as (typeof first.assets)[number];
      const { asset } = await kroma().assets.get(slug, job.final_asset_id as string);
      expect(asset.rel_path).toBe(
        `upscaled/${runId}/${(source.rel_path as string).split("/").at(-1)?.replace(".png", "_x2.png")}`,
      );
      const written = await sharp(join(root, asset.rel_path as string)).metadata();
      expect(written.width).toBe(2 * (source.width as number));
      const { asset_links } = await kroma().assetLinks.list(slug, { asset_id: asset.id, link_type: "derived_from" });
      expect(asset_links.map((link) => [link.parent_asset_id, link.child_asset_id])).toContainEqual([
        source.id,
        asset.id,
      ]);
    }

    const after = await Promise.all(first.assets.map((asset) => readFile(join(root, asset.rel_path as string))));
    expect(after.map((bytes, i) => bytes.equals(before[i] as Buffer))).toEqual([true, true]);

    const log = JSON.parse(await readFile(join(root, "runs", `${runId}.json`), "utf8"));
    expect(log.api.endpoint).toBe("none");
    expect(log.jobs.map((job: { source_asset: unknown }) => job.source_asset)).toEqual(
      first.assets.map((asset) => ({ asset_id: asset.id, path: asset.rel_path, sha256: asset.sha256 })),
    );
    expect(log.jobs[0].candidates[0]).toMatchObject({
      status: "existing",
      attempts: [],
      sha256: first.assets[0]?.sha256,
    });
    expect(log.summary).toMatchObject({ done: 2, candidates_generated: 0, candidates_failed: 0 });
  });

  it("is rerun from the same source assets, still with no image request", async () => {
    const first = await firstRun();
    const { pipeline_trigger: post } = await kroma().runs.trigger(
      slug,
      { mode: "run", confirm_spend: true, from_run: first.runId, ...upscale },
      { wait: true },
    );
    paid.images.reset();
    const { pipeline_trigger } = await kroma().runs.rerun(
      slug,
      post.run_id,
      { jobs: "all", confirm_spend: true },
      { wait: true },
    );
    expect(pipeline_trigger.status).toBe("succeeded");
    expect(paid.images.requests).toHaveLength(0);
    const log = JSON.parse(await readFile(join(root, "runs", `${pipeline_trigger.run_id}.json`), "utf8"));
    expect(log.jobs.map((job: { source_asset: { asset_id: string } }) => job.source_asset.asset_id)).toEqual(
      first.assets.map((asset) => asset.id),
    );
  });

  it("takes assets by id too, and plans a dry run of them without reading the images API", async () => {
    const first = await firstRun();
    paid.images.reset();
    const ids = first.assets.map((asset) => asset.id);
    const { pipeline_trigger } = await kroma().runs.trigger(
      slug,
      { assets: [ids[1] as string], ...upscale },
      { wait: true },
    );
    expect(pipeline_trigger.status).toBe("succeeded");
    const log = JSON.parse(await readFile(join(root, "runs", `${pipeline_trigger.run_id}.json`), "utf8"));
    expect(log.jobs).toHaveLength(1);
    expect(log.jobs[0].source_asset.asset_id).toBe(ids[1]);
    expect(paid.images.requests).toHaveLength(0);
  });

  it("is refused (400) with nothing to do when no post-processing stage is on", async () => {
    const first = await firstRun();
    const response = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      mode: "run",
      confirm_spend: true,
      from_run: first.runId,
    });
    expect(response.status).toBe(400);
    expect((response.body as { error: string }).error).toContain("Nothing to do");
  });

  it("refuses an unknown asset or run, and a source whose file no longer holds its recorded bytes", async () => {
    const unknown = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      assets: ["asset_nope"],
      ...upscale,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ details: { field: "assets" } });
    const noRun = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      from_run: "run_nope",
      ...upscale,
    });
    expect(noRun.status).toBe(400);
    expect(noRun.body).toMatchObject({ details: { field: "from_run" } });

    const first = await firstRun();
    const changed = first.assets[0] as (typeof first.assets)[number];
    await writeFile(
      join(root, changed.rel_path as string),
      await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
        .png()
        .toBuffer(),
    );
    const refused = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      mode: "run",
      confirm_spend: true,
      assets: [changed.id],
      ...upscale,
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: string }).error).toContain("has changed since it was recorded");
  });

  it("refuses generation options that mean nothing here (candidates, another scene source)", async () => {
    const both = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      from_run: "run_x",
      scene_refs: ["scenes/a.png"],
      ...upscale,
    });
    expect(both.status).toBe(400);
    expect((both.body as { error: string }).error).toContain("Provide only one of");
    const many = await paid.api.call("POST", `/api/projects/${slug}/runs/trigger`, {
      from_run: "run_x",
      candidates: 3,
      ...upscale,
    });
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ details: { field: "candidates" } });
  });
});
