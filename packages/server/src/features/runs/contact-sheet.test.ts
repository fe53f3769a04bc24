import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultManifest } from "@kroma/pipeline";
import { createKromaClient } from "@kroma/sdk";
import { expectOk, inProject } from "@kroma/testkit/api-results";
import { type ImagesServer, startImagesServer } from "@kroma/testkit/images-server";
import { putScenes } from "@kroma/testkit/run-fixtures";
import { useTestServer } from "@kroma/testkit/test-server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chosenColour, drawContactSheet, sheetTile } from "./contact-sheet.js";
import { renderLabel } from "./sheet-labels.js";

// A paid run of 4 scenes x 3 candidates against the images stand-in, with the grayscale guard on:
// per scene the stand-in makes one candidate gray (it passes, and is chosen) and the others
// colourful (they fail the guard), so each job chooses a different column; scene d's second
// request is refused, so it has a failed candidate.

let images: ImagesServer;
const imagesUrl = { value: "" };
const api = useTestServer({
  agentDispatch: false,
  projects: ["Sheet"],
  runExecution: {
    openaiApiKey: "sk-test-sheet",
    get openaiBaseUrl() {
      return `${imagesUrl.value}/v1`;
    },
    image: { model: "gpt-image-1", size: "1024x1024", quality: "medium" },
    retryDelayMs: 1,
  },
});
const kroma = () => createKromaClient({ baseUrl: api.server.url });
const scenes = ["scenes/a.png", "scenes/b.png", "scenes/c.png", "scenes/d.png"];
/** Which request (0-based) of each scene gets the gray image; `null` a refused request. */
const grayAt: Record<string, number> = { "a.png": 0, "b.png": 1, "c.png": 2, "d.png": 2 };
let root = "";
let runId = "";

/** A gray gradient (landscape or portrait, to show fitting) or a saturated one the guard fails. */
async function picture(kind: "gray" | "color", portrait: boolean, shade: number): Promise<string> {
  const [width, height] = portrait ? [60, 90] : [90, 60];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.min(255, Math.round(shade + (x + y) * 0.5));
      const at = (y * width + x) * 3;
      pixels.set(kind === "gray" ? [v, v, v] : [220, (v * 3) % 200, 40], at);
    }
  }
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return png.toString("base64");
}

async function triggerPaidRun(): Promise<string> {
  const { pipeline_trigger } = await kroma().runs.trigger("sheet", {
    mode: "run",
    confirm_spend: true,
    scene_refs: scenes,
    candidates: 3,
  });
  await kroma().runs.wait("sheet", pipeline_trigger.run_id);
  return pipeline_trigger.run_id;
}

beforeAll(async () => {
  images = await startImagesServer();
  imagesUrl.value = images.url;
  root = (await expectOk(api.client.GET("/api/projects/{slug}", inProject("sheet")))).storage.local.project_root;
  await putScenes(root, scenes);
  // The project's settings name a manifest with the grayscale guard on.
  await mkdir(join(root, ".kroma"), { recursive: true });
  await writeFile(
    join(root, ".kroma/pipeline.settings.json"),
    JSON.stringify({ pipeline: { manifest_path: "manifest.json" } }),
  );
  const manifest = { ...defaultManifest, output_guard: { ...defaultManifest.output_guard, enforce_grayscale: true } };
  await writeFile(join(root, "manifest.json"), JSON.stringify(manifest));
  const pictures = new Map<string, string>();
  for (const [i, scene] of Object.keys(grayAt).entries()) {
    for (const attempt of [0, 1, 2]) {
      const kind = grayAt[scene] === attempt ? "gray" : "color";
      pictures.set(`${scene}:${attempt}`, await picture(kind, (i + attempt) % 2 === 1, 50 + i * 25 + attempt * 10));
    }
  }
  images.script(({ images: files, sceneAttempt }) => {
    const scene = files[0] ?? "";
    if (scene === "d.png" && sceneAttempt === 1) return { status: 400, message: "refused" };
    return { b64: pictures.get(`${scene}:${sceneAttempt}`) ?? "" };
  });
  runId = await triggerPaidRun();
});
afterAll(() => images.close());

const sheetUrl = (id: string, query = "") => `${api.server.url}/api/projects/sheet/runs/${id}/contact-sheet${query}`;

/** The sheet's pixels as RGB, with a reader for one pixel. */
async function pixelsOf(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return { r: data[i], g: data[i + 1], b: data[i + 2] };
  };
  return { info, at };
}

/** Dark pixels (ink) in the label strip of the tile at `row`, `column`. */
function inkInLabel(at: (x: number, y: number) => { r?: number; g?: number; b?: number }, row: number, column: number) {
  const { width, height, imageArea, border } = sheetTile;
  let ink = 0;
  for (let y = row * height + imageArea; y < (row + 1) * height - border; y++) {
    for (let x = column * width + border; x < (column + 1) * width - border; x++) {
      const { r = 255, g = 255, b = 255 } = at(x, y);
      if (r < 96 && g < 96 && b < 96) ink++;
    }
  }
  return ink;
}

describe("GET /runs/{runId}/contact-sheet", () => {
  it("draws one row per job, one tile per candidate, the chosen ones bordered, every label inked", async () => {
    const response = await fetch(sheetUrl(runId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-kroma-jobs-total")).toBe("4");
    const png = new Uint8Array(await response.arrayBuffer());
    // Kept for the README (docs/contact-sheet.png is a copy of one such sheet).
    if (process.env.KROMA_WRITE_SHEET) await writeFile(process.env.KROMA_WRITE_SHEET, png);
    const { info, at } = await pixelsOf(png);
    expect(await sharp(png).metadata()).toMatchObject({ format: "png" });
    expect([info.width, info.height]).toEqual([3 * sheetTile.width, 4 * sheetTile.height]);

    const { jobs } = await kroma().runs.jobs("sheet", runId);
    expect(jobs.map((job) => [job.job_key, job.selected_candidate_index])).toEqual([
      ["style_1_a", 1],
      ["style_2_b", 2],
      ["style_3_c", 3],
      ["style_4_d", 3],
    ]);
    const { width, height, border } = sheetTile;
    for (const [row, job] of jobs.entries()) {
      for (const column of [0, 1, 2]) {
        const [x0, y0] = [column * width, row * height];
        // Inside the border band on each side: top, bottom, left, right.
        const band = [
          at(x0 + width / 2, y0 + border / 2),
          at(x0 + width / 2, y0 + height - border / 2),
          at(x0 + border / 2, y0 + height / 2),
          at(x0 + width - border / 2, y0 + height / 2),
        ];
        const chosen = job.selected_candidate_index === column + 1;
        for (const pixel of band) {
          if (chosen) expect(pixel, `${job.job_key} c${column + 1}`).toEqual(chosenColour);
          else expect(pixel, `${job.job_key} c${column + 1}`).not.toEqual(chosenColour);
        }
        expect(inkInLabel(at, row, column), `${job.job_key} c${column + 1} label`).toBeGreaterThan(80);
      }
    }
    // Scene d's second candidate failed: its image area is the empty grey, not a picture.
    expect(jobs[3]?.candidates[1]?.status).toBe("failed");
    expect(at(width + border + 4, 3 * height + border + 4)).toEqual({ r: 158, g: 158, b: 158 });
    // A generated one shows its gray picture there (centred, so the middle is image).
    const middle = at(width / 2, height * 0 + sheetTile.imageArea / 2);
    expect(middle.r).toBe(middle.g);
    expect(middle).not.toEqual({ r: 255, g: 255, b: 255 });
  });

  it("draws a file that changed since it was recorded as a 'file changed' tile, never the new bytes", async () => {
    const { jobs } = await kroma().runs.jobs("sheet", runId);
    const changed = jobs[1]?.candidates[0];
    if (!changed?.output_path) throw new Error("expected a generated candidate");
    const before = await pixelsOf(new Uint8Array(await (await fetch(sheetUrl(runId))).arrayBuffer()));
    await writeFile(join(root, changed.output_path), Buffer.from(await picture("gray", false, 0), "base64"));

    const after = await pixelsOf(new Uint8Array(await (await fetch(sheetUrl(runId))).arrayBuffer()));
    // The very tile a 'file changed' candidate gets, drawn alone.
    const expected = await pixelsOf(
      await drawContactSheet(
        [
          [
            {
              jobKey: "style_2_b",
              candidateIndex: 1,
              grade: "fail",
              chosen: false,
              picture: async () => ({ note: "file changed" }),
            },
          ],
        ],
        1,
      ),
    );
    const { width, height } = sheetTile;
    for (let y = 0; y < height; y += 3) {
      for (let x = 0; x < width; x += 3) {
        expect(after.at(x, height + y)).toEqual(expected.at(x, y));
      }
    }
    // The other tiles are as they were.
    expect(after.at(width + 20, 20)).toEqual(before.at(width + 20, 20));
    expect(after.at(2 * width + 120, 3 * height + 120)).toEqual(before.at(2 * width + 120, 3 * height + 120));
  });

  it("moves the chosen mark when a review selects another candidate", async () => {
    const { jobs } = await kroma().runs.jobs("sheet", runId);
    const first = jobs[0];
    if (!first) throw new Error("expected a job");
    await kroma().runs.select("sheet", runId, first.id, 3);
    const { at } = await pixelsOf(new Uint8Array(await (await fetch(sheetUrl(runId))).arrayBuffer()));
    const { width, border } = sheetTile;
    expect(at(width / 2, border / 2)).not.toEqual(chosenColour);
    expect(at(2 * width + width / 2, border / 2)).toEqual(chosenColour);
  });

  it("pages through jobs with offset and limit", async () => {
    const response = await fetch(sheetUrl(runId, "?offset=2&limit=1"));
    expect(response.status).toBe(200);
    const page = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    // Still three columns (the run's widest job), one row.
    expect([page.width, page.height]).toEqual([3 * sheetTile.width, sheetTile.height]);

    const past = await fetch(sheetUrl(runId, "?offset=4"));
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ ok: false, error_code: "validation_error" });
    expect((await fetch(sheetUrl(runId, "?limit=65"))).status).toBe(400);
  });

  it("answers a dry run with a 409, and an unknown run with a 404, in the envelope", async () => {
    const { pipeline_trigger } = await kroma().runs.trigger("sheet", { scene_refs: ["scenes/a.png"] });
    await kroma().runs.wait("sheet", pipeline_trigger.run_id);
    const dry = await fetch(sheetUrl(pipeline_trigger.run_id));
    expect(dry.status).toBe(409);
    expect(await dry.json()).toMatchObject({ ok: false, error_code: "conflict", details: { run_mode: "dry" } });
    const missing = await fetch(sheetUrl("run_missing"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error_code: "not_found" });
  });

  it("is fetched as bytes by @kroma/sdk, and its errors are thrown", async () => {
    const bytes = await kroma().runs.contactSheet("sheet", runId, { limit: 2 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const metadata = await sharp(bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["png", 768, 2 * sheetTile.height]);
    await expect(kroma().runs.contactSheet("sheet", "run_missing")).rejects.toMatchObject({ status: 404 });
  });
});

describe("labels", () => {
  it("render with the shipped font on a machine without fonts: the same ink, not empty boxes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kroma-nofonts-"));
    try {
      // A fontconfig that knows no font directory: the child process sees no system font.
      const conf = join(dir, "fonts.conf");
      await writeFile(conf, `<?xml version="1.0"?><fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>`);
      const labels = fileURLToPath(new URL("./sheet-labels.ts", import.meta.url));
      const script = `
        import { createRequire } from "node:module";
        const labels = ${JSON.stringify(labels)};
        const sharp = createRequire(labels)("sharp");
        // Ink per column (alpha summed down each column): the shape of the line, whatever the hinting.
        const profile = async (png) => {
          const { data, info } = await sharp(png).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true });
          return Array.from({ length: info.width }, (_, x) => {
            let ink = 0;
            for (let y = 0; y < info.height; y++) ink += data[y * info.width + x];
            return ink;
          });
        };
        // First the line without the shipped font, what a bare machine draws (once the font is
        // registered, the process knows it).
        const bare = await sharp({ text: { text: "style_1_alley c2", font: "DejaVu Sans 13", rgba: true, dpi: 72 } }).png().toBuffer();
        const { renderLabel } = await import(labels);
        const label = await renderLabel("style_1_alley c2", { size: 13, colour: "#000000", maxWidth: 400 });
        console.log(JSON.stringify({ label: await profile(label.png), bare: await profile(bare) }));
      `;
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: fileURLToPath(new URL("../../..", import.meta.url)),
        env: { ...process.env, FONTCONFIG_FILE: conf },
        encoding: "utf8",
      });
      expect(child.status, child.stderr).toBe(0);
      const seen = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as { label: number[]; bare: number[] };
      const here = await renderLabel("style_1_alley c2", { size: 13, colour: "#000000", maxWidth: 400 });
      const { data, info } = await sharp(here.png)
        .ensureAlpha()
        .extractChannel(3)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const hereProfile = Array.from({ length: info.width }, (_, x) =>
        Array.from({ length: info.height }, (_, y) => data[y * info.width + x] ?? 0).reduce((a, b) => a + b, 0),
      );
      // How far two lines' ink lies apart, relative to the ink of the first (0: the same).
      const distance = (a: number[], b: number[]) => {
        const n = Math.max(a.length, b.length);
        let apart = 0;
        for (let x = 0; x < n; x++) apart += Math.abs((a[x] ?? 0) - (b[x] ?? 0));
        return apart / a.reduce((sum, v) => sum + v, 0);
      };
      // The same glyphs as with the machine's fonts (hinting may shift a shade of ink)...
      expect(seen.label.length).toBe(hereProfile.length);
      expect(distance(hereProfile, seen.label)).toBeLessThan(0.25);
      // ...while the bare machine really has no font: its boxes are far from the label.
      expect(distance(hereProfile, seen.bare)).toBeGreaterThan(0.6);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
