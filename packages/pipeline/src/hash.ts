import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";

/** A file's identity for a run log: its sha256 (lowercase hex) and size in bytes. */
export interface FileDigest {
  sha256: string;
  size: number;
}

/**
 * The sha256 and size of a file, read as a stream so large images never sit in memory whole.
 *
 * @example
 * const { sha256, size } = await digestFile("/projects/demo/scenes/a.png");
 */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(createReadStream(path), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { sha256: hash.digest("hex"), size };
}

/**
 * The sha256 (lowercase hex) of a file, streamed.
 *
 * @example
 * await sha256File("scene.png"); // "9f86d081884c7d65..."
 */
export async function sha256File(path: string): Promise<string> {
  return (await digestFile(path)).sha256;
}

/**
 * Digests many files with at most `concurrency` open at once: parallel enough to be fast on
 * thousands of small scenes, bounded so a large batch never runs out of file descriptors.
 * Results keep the order of `paths`.
 *
 * @example
 * const digests = await digestFiles(["a.png", "b.png"]);
 */
export async function digestFiles(paths: readonly string[], concurrency = 32): Promise<FileDigest[]> {
  const results = new Array<FileDigest>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await digestFile(paths[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return results;
}
