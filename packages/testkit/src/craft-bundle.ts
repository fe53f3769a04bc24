// Hand-made project bundles for the import tests: exactly the entries given, in order, with
// whatever manifest the test wants (valid, lying, or huge), written with the tar library the
// server itself uses.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import tarStream from "tar-stream";

export interface CraftedEntry {
  name: string;
  /** The bytes, or chunks streamed one after the other (`size` then says how many in all). */
  content: Buffer | (() => AsyncIterable<Buffer> | Iterable<Buffer>);
  size?: number;
}

/** Writes a `.tar.gz` of `entries` (gzip `level`, default 6: 0 stores, 9 squeezes). */
export async function craftBundle(path: string, entries: CraftedEntry[], level = 6): Promise<void> {
  const pack = tarStream.pack();
  const written = pipeline(pack, createGzip({ level }), createWriteStream(path));
  for (const item of entries) {
    if (Buffer.isBuffer(item.content)) {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: item.name }, item.content as Buffer, (error) => (error ? reject(error) : resolve())),
      );
      continue;
    }
    let settle: (error?: Error | null) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    const entry = pack.entry({ name: item.name, size: item.size }, (error) => settle(error));
    for await (const chunk of item.content()) if (!entry.write(chunk)) await once(entry, "drain");
    entry.end(Buffer.alloc(0));
    await done;
  }
  pack.finalize();
  await written;
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A `records/project.json` for a project named `slug`. */
export function projectRecord(slug: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      project: { id: `p_${slug}`, slug, name: slug, description: "", status: "active", created_at: "", updated_at: "" },
      owner: { username: "local", display_name: "local" },
      storage: { s3: { enabled: false, bucket: "", prefix: "", region: "", profile: "", endpoint_url: "" } },
      secrets: [],
    }),
  );
}

/** A manifest listing `entries` (name, size, sha256) for a project `slug`. */
export function manifestOf(slug: string, entries: Array<{ path: string; size: number; sha256: string }>): Buffer {
  const files = entries.filter((entry) => entry.path.startsWith("files/"));
  return Buffer.from(
    JSON.stringify({
      format: "kroma-project-bundle",
      schema_version: 1,
      created_at: new Date().toISOString(),
      kroma_version: "test",
      project: { slug, name: slug },
      include_files: files.length > 0,
      counts: {},
      files: files.length,
      files_bytes: files.reduce((sum, entry) => sum + entry.size, 0),
      skipped: [],
      entries,
    }),
  );
}
