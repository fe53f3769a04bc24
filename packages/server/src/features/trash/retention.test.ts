import { stat } from "node:fs/promises";
import { join } from "node:path";
import { createKromaClient, type KromaApiError } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { scenePng } from "@kroma/testkit/test-images";
import { useTestServer } from "@kroma/testkit/test-server";
import { beforeAll, describe, expect, it } from "vitest";

// Retention and uploads: an entry past `KROMA_TRASH_RETENTION_DAYS` goes with the default purge,
// and an upload a reference set uses is kept unless the delete is forced.

const api = useTestServer({ projects: ["Kept"], trashRetentionMs: 200, agentDispatch: false });
const kroma = () => createKromaClient({ baseUrl: api.server.url });
let root = "";

beforeAll(async () => {
  const { storage } = await expectOk(api.client.GET("/api/projects/{slug}", inProject("kept")));
  root = storage.local.project_root;
});

const upload = async (width: number) =>
  (
    await kroma().assets.upload("kept", {
      kind: "reference",
      file: await scenePng(width, 40),
      name: `ref-${width}.png`,
    })
  ).asset;
const exists = (relPath: string) =>
  stat(join(root, relPath)).then(
    () => true,
    () => false,
  );

describe("the trash's retention", () => {
  it("keeps an entry until it expires, then the default purge removes its files", async () => {
    const asset = await upload(50);
    const { trash } = await kroma().assets.remove("kept", asset.id);
    expect(Date.parse(trash.expires_at) - Date.parse(trash.deleted_at)).toBe(200);
    expect((await kroma().trash.list("kept")).retention_days).toBeCloseTo(200 / 86_400_000);
    expect((await kroma().trash.purge("kept")).purged).not.toContain(trash.id);

    await new Promise((resolve) => setTimeout(resolve, 250));
    const purged = await kroma().trash.purge("kept");
    expect(purged.purged).toContain(trash.id);
    expect(await exists(`.kroma/trash/${trash.id}`)).toBe(false);
    expect((await kroma().assets.get("kept", asset.id)).asset).toMatchObject({ trash_id: trash.id });
    // The same bytes uploaded again are a new, live asset, not the deleted one.
    const again = await kroma().assets.upload("kept", {
      kind: "reference",
      file: await scenePng(50, 40),
      name: "ref-50.png",
    });
    expect(again.asset.id).not.toBe(asset.id);
    expect(again.asset.deleted_at).toBeNull();
    expect(await exists(again.asset.rel_path ?? "")).toBe(true);
  });
});

describe("protected uploads", () => {
  it("refuses to delete an upload a reference item points at, unless forced", async () => {
    const asset = await upload(60);
    const set = await kroma().referenceSets.create("kept", { name: "palette" });
    await kroma().referenceSets.items.create("kept", set.reference_set.id, { label: "swatch", asset_id: asset.id });
    const refused = await kroma()
      .assets.remove("kept", asset.id)
      .catch((error: KromaApiError) => error);
    expect(refused).toMatchObject({ status: 409, code: "asset_protected" });
    expect((refused as KromaApiError).message).toContain("reference");
    expect(await exists(asset.rel_path ?? "")).toBe(true);
    const { trash } = await kroma().assets.remove("kept", asset.id, { force: true });
    expect(trash.files.map((file) => file.rel_path)).toEqual([asset.rel_path]);
  });
});
