// Projects with real asset files, for the tests of an asset's bytes and thumbnails.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { components } from "@kroma/contract";
import { defaultManifest, executeRun } from "@kroma/pipeline";
import type { ApiClient } from "@kroma/testkit/api-client";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import type { ImagesServer } from "@kroma/testkit/images-server";
import { paidRunSettings, putScenes } from "@kroma/testkit/run-fixtures";
import type { KromaDb } from "../src/core/db/database.js";
import { ingestRunLogFile } from "../src/features/runs/ingest.js";

export type Asset = components["schemas"]["Asset"];

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export interface ProjectWithAssets {
  slug: string;
  projectId: string;
  root: string;
  /** The assets a real paid run (against the images stand-in) wrote and ingestion recorded. */
  assets: Asset[];
}

/** Creates project `name`, runs a paid run of one scene against `images` and ingests its log. */
export async function projectWithRunAssets(
  client: ApiClient,
  db: KromaDb,
  images: ImagesServer,
  name: string,
): Promise<ProjectWithAssets> {
  const created = await expectOk(client.POST("/api/projects", { body: { name } }));
  const { slug, id: projectId } = created.project;
  const root = created.storage.local.project_root;
  await putScenes(root, ["scenes/bridge.png"]);
  const run = await executeRun({
    projectSlug: slug,
    projectRoot: root,
    manifest: defaultManifest,
    request: { scene_refs: "scenes/bridge.png", candidates: 1 },
    ...paidRunSettings(images.url, "sk-test-assets"),
  });
  await ingestRunLogFile(db, { projectId, projectSlug: slug, projectRoot: root, path: run.runLogPath });
  const { assets } = await expectOk(client.GET("/api/projects/{slug}/assets", inProject(slug)));
  return { slug, projectId, root, assets };
}

/**
 * Writes `bytes` at `relPath` under `root` and records it as an asset of the project, as an
 * upload would (no run): for files a run does not make (a large image, a pixel bomb, a text file).
 */
export async function putFileAsset(
  db: KromaDb,
  project: { projectId: string; root: string },
  relPath: string,
  bytes: Uint8Array,
  mimeType: string,
): Promise<string> {
  const path = join(project.root, relPath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  const id = randomUUID();
  await db
    .insertInto("assets")
    .values({
      id,
      project_id: project.projectId,
      kind: "image",
      asset_kind: "upload",
      storage_uri: null,
      rel_path: relPath,
      storage_backend: "local",
      mime_type: mimeType,
      width: null,
      height: null,
      sha256: sha256(bytes),
      run_id: null,
      job_id: null,
      candidate_id: null,
      metadata_json: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}
