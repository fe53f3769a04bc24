import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { openConfined } from "./confined-files.js";

/** A file's identity for a run log: its sha256 (lowercase hex) and size in bytes. */
export interface FileDigest {
  sha256: string;
  size: number;
}

/** Where a file may be read from: with `confineTo`, only inside that root (see {@link openConfined}). */
export interface ReadScope {
  confineTo?: string | undefined;
}

/**
 * The sha256 and size of a file, read as a stream so large images never sit in memory whole.
 * With `confineTo` the file is opened by {@link openConfined}: a path leading out of that root
 * (a symlink, or one swapped in since the scenes were listed) is refused, not read.
 *
 * @example
 * const { sha256, size } = await digestFile("/projects/demo/scenes/a.png");
 */
export async function digestFile(path: string, scope: ReadScope = {}): Promise<FileDigest> {
  const hash = createHash("sha256");
  let size = 0;
  const source = scope.confineTo
    ? (await openConfined(scope.confineTo, path)).createReadStream()
    : createReadStream(path);
  await pipeline(source, async (chunks: AsyncIterable<Buffer>) => {
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
export async function digestFiles(
  paths: readonly string[],
  concurrency = 32,
  scope: ReadScope = {},
): Promise<FileDigest[]> {
  const results = new Array<FileDigest>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await digestFile(paths[index] as string, scope);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return results;
}
