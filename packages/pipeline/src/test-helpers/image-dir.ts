import { join } from "node:path";
import { cutoutPng, scenePng } from "@kroma/testkit/test-images";
import { makeTempDir, putFile } from "./temp-dir.js";

/**
 * A temp dir holding `scene.png` (opaque, varied colour) and `cutout.png` (transparent around a
 * subject) from @kroma/testkit, both `size` when given, else each at its own default size.
 */
export async function makeImageDir(
  prefix: string,
  size?: [width: number, height: number],
): Promise<{ dir: string; scene: string; cutout: string }> {
  const dir = await makeTempDir(prefix);
  const scene = await putFile(join(dir, "scene.png"), await scenePng(...(size ?? [])));
  const cutout = await putFile(join(dir, "cutout.png"), await cutoutPng(...(size ?? [])));
  return { dir, scene, cutout };
}
