import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serviceErrors } from "@kroma/testkit/cutout-services";
import { writeFakeLocalRemover } from "@kroma/testkit/fake-tools";
import { rgba, scenePng } from "@kroma/testkit/test-images";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCutoutServices } from "../test-helpers/stand-ins.js";
import { makeTempDir, putFile, removeDir } from "../test-helpers/temp-dir.js";
import {
  BgRemoveError,
  type BgRemoveOptions,
  localBgRemovalInstallCommand,
  removeBackgroundFile,
} from "./bg-remove.js";

const services = useCutoutServices();
let dir = "";
let scene = "";
beforeAll(async () => {
  dir = await makeTempDir("kroma-bgremove-");
  scene = await putFile(join(dir, "scene.png"), await scenePng(60, 40));
});
afterAll(() => removeDir(dir));

const keys = () => ({ photoroom: services.key, removebg: services.key });
const endpoints = () => ({
  photoroom: { api_url: services.photoroomUrl },
  removebg: { api_url: services.removebgUrl },
});

/**
 * Cuts the scene out into `output` with `backends`, as PNG, with a key for and the URL of each
 * stand-in unless `options` says otherwise.
 */
function removeWith(output: string, backends: BgRemoveOptions["backends"], options: Partial<BgRemoveOptions> = {}) {
  return removeBackgroundFile(scene, output, { backends, format: "png", keys: keys(), ...endpoints(), ...options });
}

/** Transparent corners, opaque centre, same size as the scene: what a user checks in a cut-out. */
async function expectCutout(file: string, width = 60, height = 40) {
  const { data, width: w, height: h } = await rgba(file);
  expect([w, h]).toEqual([width, height]);
  expect(data[3]).toBe(0);
  expect(data[((h >> 1) * w + (w >> 1)) * 4 + 3]).toBe(255);
}

describe("PhotoRoom and remove.bg backends", () => {
  it("posts the image as image_file with the x-api-key header and writes the answer", async () => {
    const output = join(dir, "photoroom_nobg.png");
    const report = await removeWith(output, ["photoroom"], {
      photoroom: { ...endpoints().photoroom, size: "hd", crop: true },
    });
    await expectCutout(output);
    expect(services.requests).toHaveLength(1);
    expect(services.requests[0]).toMatchObject({
      service: "photoroom",
      headers: { "x-api-key": services.key },
      fields: { format: "png", size: "hd", crop: "true" },
      imageFile: { name: "scene.png", type: "image/png" },
    });
    expect(report).toMatchObject({
      backend: "photoroom",
      backends_tried: [{ backend: "photoroom", ok: true }],
      params: { api_url: services.photoroomUrl, size: "hd", crop: true },
    });
  });

  it("falls back in the configured order: the first fails (HTTP 402 JSON), the second succeeds", async () => {
    services.reply("photoroom", { kind: "error", ...serviceErrors.photoroom });
    const output = join(dir, "fallback_nobg.png");
    const report = await removeWith(output, ["photoroom", "removebg"]);
    await expectCutout(output);
    expect(services.requests.map((request) => request.service)).toEqual(["photoroom", "removebg"]);
    expect(services.requests[1]?.headers["x-api-key"]).toBe(services.key);
    expect(report.backend).toBe("removebg");
    expect(report.backends_tried).toEqual([
      {
        backend: "photoroom",
        ok: false,
        ms: expect.any(Number),
        error: expect.stringMatching(/^HTTP 402: .*Insufficient credits/),
      },
      { backend: "removebg", ok: true, ms: expect.any(Number) },
    ]);
  });

  it("tries the other order when configured so", async () => {
    services.reply("removebg", { kind: "error", ...serviceErrors.removebg });
    const report = await removeWith(join(dir, "order_nobg.png"), ["removebg", "photoroom"]);
    expect(services.requests.map((request) => request.service)).toEqual(["removebg", "photoroom"]);
    expect(report.backend).toBe("photoroom");
  });

  it("fails the file listing every backend's reason when all fail, and writes nothing", async () => {
    services.reply("photoroom", { kind: "junk" });
    const output = join(dir, "none_nobg.png");
    const error = await removeWith(output, ["photoroom", "removebg"], { keys: { photoroom: services.key } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BgRemoveError);
    const message = (error as Error).message;
    expect(message).toContain("photoroom: the answer is not an image");
    expect(message).toContain("removebg: no API key (set the project secret removebg/api_key or REMOVE_BG_API_KEY)");
    expect(message).not.toContain(services.key);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/);
  });

  it("treats a wrong key as that backend's failure without echoing the key", async () => {
    const error = (await removeWith(join(dir, "badkey.png"), ["removebg"], {
      keys: { removebg: "wrong-key-123456" },
    }).catch((e: unknown) => e)) as BgRemoveError;
    expect(error.attempts).toEqual([
      {
        backend: "removebg",
        ok: false,
        ms: expect.any(Number),
        error: expect.stringMatching(/^HTTP 403: .*Invalid API key/),
      },
    ]);
  });

  it("flattens the cut-out over white for JPEG output", async () => {
    const output = join(dir, "flat_nobg.jpg");
    await removeWith(output, ["photoroom"], { format: "jpg" });
    expect(await sharp(output).metadata()).toMatchObject({ format: "jpeg", hasAlpha: false, width: 60 });
    const { data } = await rgba(output);
    expect(Math.min(data[0] as number, data[1] as number, data[2] as number)).toBeGreaterThan(240);
  });
});

describe("the local backend", () => {
  it("says how to install the optional package when it is absent, and the next backend runs", async () => {
    const output = join(dir, "local_missing_nobg.png");
    const report = await removeWith(output, ["local", "photoroom"], {
      local: { module: "kroma-test-no-such-package" },
    });
    expect(report.backend).toBe("photoroom");
    expect(report.backends_tried?.[0]).toMatchObject({ backend: "local", ok: false });
    expect(report.backends_tried?.[0]?.error).toContain(`Install it with: ${localBgRemovalInstallCommand}`);
    await expectCutout(output);
  });

  it("runs the package's removeBackground with its own dist/ as the model path", async () => {
    const { module, callsFile } = await writeFakeLocalRemover(dir);
    const output = join(dir, "local_nobg.webp");
    const report = await removeBackgroundFile(scene, output, {
      backends: ["local"],
      format: "webp",
      local: { module, model: "medium" },
    });
    await expectCutout(output);
    expect(services.requests).toHaveLength(0);
    const [call] = (await readFile(callsFile, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(call).toEqual({
      type: "image/png",
      config: { publicPath: pathToFileURL(`${dir}/`).href, model: "medium", output: { format: "image/png" } },
    });
    expect(report).toMatchObject({ backend: "local", params: { model: "medium", format: "webp" } });
  });
});
