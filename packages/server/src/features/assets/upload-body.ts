import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError, validationError } from "../../core/errors.js";
import { mediaTypeOf } from "../../core/media-type.js";

/** An upload's bytes, written to a temporary file. */
export interface ReceivedUpload {
  size: number;
  sha256: string;
  /** The image type the client declared (the body's, or the file part's), if it declared one. */
  declaredType: string | null;
  /** The name the client gave (`name`, else the part's file name), if any. */
  name: string | null;
}

/**
 * Streams the request body to `target` (a new file: `wx`), hashing it on the way: the raw body of
 * an image type, or the one `file` part of a `multipart/form-data` body with its `name` field.
 * The body is never held in memory; its size limit is enforced by the router as it is read.
 * On failure `target` may exist: the caller removes it.
 */
export async function receiveUpload(
  request: Request,
  target: string,
  given: { name?: string },
): Promise<ReceivedUpload> {
  const header = request.headers.get("content-type") ?? "";
  const type = mediaTypeOf(header);
  if (!request.body) throw emptyUpload();
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  if (type !== "multipart/form-data") {
    const written = nonEmpty(await writeHashed(source, target));
    return { ...written, declaredType: type, name: given.name ?? null };
  }
  return receiveMultipart(source, header, target, given);
}

const emptyUpload = () =>
  new ApiError("validation", "invalid_image", "The upload is empty: send the image as the body");

function nonEmpty<T extends { size: number }>(written: T): T {
  if (written.size === 0) throw emptyUpload();
  return written;
}

async function receiveMultipart(
  source: Readable,
  header: string,
  target: string,
  given: { name?: string },
): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": header },
      limits: { files: 1, fields: 4, fieldSize: 1024, parts: 6 },
    });
  } catch {
    // busboy refuses a header without a boundary as it starts.
    throw validationError("The multipart body has no boundary in its Content-Type", { field: "file" });
  }
  let written: Promise<{ size: number; sha256: string }> | undefined;
  let part: { type: string; fileName: string } | undefined;
  let extra = false;
  let name = given.name;
  parser.on("file", (field, stream, info) => {
    if (field !== "file" || written) {
      extra = true;
      stream.resume();
      return;
    }
    part = { type: info.mimeType ?? "", fileName: info.filename ?? "" };
    written = writeHashed(stream, target);
    // Awaited below; until then a failure must not count as unhandled.
    written.catch(() => {});
  });
  parser.on("filesLimit", () => {
    extra = true;
  });
  parser.on("field", (field, value) => {
    if (field === "name" && value.trim() !== "") name ??= value.trim().slice(0, 255);
  });
  try {
    await pipeline(source, parser);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw validationError("The multipart body cannot be read", { field: "file" });
  }
  if (!written || !part) throw validationError("The multipart body has no `file` part", { field: "file" });
  if (extra) throw validationError("Send one file per upload, in the `file` part", { field: "file" });
  const file = nonEmpty(await written);
  // Browsers label a file part by its name's extension, or as octet-stream when they cannot tell.
  const declared = mediaTypeOf(part.type);
  return {
    ...file,
    declaredType: declared === "" || declared === "application/octet-stream" ? null : declared,
    name: name ?? (part.fileName.trim().slice(0, 255) || null),
  };
}

/**
 * Writes `source` to the new file `target`, returning its size and sha256. The file is created
 * before any byte is read, so a caller removing it after a failure never races its creation.
 */
export async function writeHashed(source: Readable, target: string): Promise<{ size: number; sha256: string }> {
  const file = await open(target, "wx", 0o644);
  const hash = createHash("sha256");
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, count, file.createWriteStream());
  return { size, sha256: hash.digest("hex") };
}
