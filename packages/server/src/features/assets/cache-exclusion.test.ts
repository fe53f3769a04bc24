import { createReadStream, existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { useTestServer } from "@kroma/testkit/test-server";
import { extract } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Asset, type ProjectWithAssets, projectWithRunAssets } from "../../../test/assets.js";
import { listProjectFiles } from "../exports/project-files.js";

// Thumbnails are made again from the files on demand: they never travel with a project.
const api = useTestServer({ agentDispatch: false });
let images: ImagesServer;
let project: ProjectWithAssets;

beforeAll(async () => {
  images = await startImagesServer();
  project = await projectWithRunAssets(api.client, api.server.db, images, "Cached");
  await writeFile(`${project.root}/.kroma/pipeline.settings.json`, "{}\n");
  const final = project.assets.find((asset) => asset.asset_kind === "final") as Asset;
  const response = await fetch(`${api.server.url}/api/projects/${project.slug}/assets/${final.id}/thumbnail`);
  expect(response.status).toBe(200);
  expect(existsSync(`${project.root}/.kroma/cache/thumbnails/${final.sha256}-256.webp`)).toBe(true);
});
afterAll(() => images.close());

/** The entry names of a .tar.gz bundle. */
async function entryNames(path: string): Promise<string[]> {
  const names: string[] = [];
  const reader = extract();
  reader.on("entry", (header, stream, next) => {
    names.push(header.name);
    stream.on("end", next);
    stream.resume();
  });
  const done = new Promise<void>((resolve, reject) => reader.on("finish", () => resolve()).on("error", reject));
  createReadStream(path).pipe(createGunzip()).pipe(reader);
  await done;
  return names;
}

describe(".kroma/cache stays home", () => {
  it("is left out of an export with files, while the rest of .kroma/ travels", async () => {
    const created = await expectOk(
      api.client.POST("/api/projects/{slug}/exports", { ...inProject(project.slug), body: { include_files: true } }),
    );
    const names = await entryNames(created.export_path);
    expect(names).toContain("files/.kroma/pipeline.settings.json");
    expect(names.some((name) => name.startsWith("files/outputs/") || name.startsWith("files/runs/"))).toBe(true);
    expect(names.filter((name) => name.includes(".kroma/cache"))).toEqual([]);
  });

  it("is left out of the walk S3 sync uploads from", async () => {
    const { files } = await listProjectFiles(project.root);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => file.relPath.startsWith(".kroma/cache"))).toEqual([]);
  });
});
