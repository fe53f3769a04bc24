import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError, validationError } from "../../core/errors.js";
import { mediaTypeOf } from "../../core/media-type.js";
import { writeHashed } from "../assets/upload-body.js";
import { partialMarker } from "../exports/project-files.js";

/** A `files` part of an ingest, written to a staging file: the path it claims, and what it holds. */
export interface StagedFile {
  /** The part's file name: the path the log gives the file, relative to the project root. */
  path: string;
  /** Where its bytes are now. */
  staged: string;
  sha256: string;
  size: number;
}

export interface IngestBody {
  /** The `run_log` part's text. */
  runLog: string;
  files: StagedFile[];
}

/** A run log is JSON text: larger than this is not one `kroma lab` wrote. */
const maxRunLogBytes = 64 * 1024 * 1024;
const maxFiles = 20_000;

/**
 * Reads an ingest's `multipart/form-data` body: the `run_log` part (a field or a file part) into
 * memory, each `files` part streamed to its own file under `stagingDir` with its sha256, never
 * held in memory. On failure every staged file is removed before the error is thrown; on success
 * the caller moves or removes them (see {@link removeStaged}).
 */
export async function receiveIngestBody(request: Request, stagingDir: string): Promise<IngestBody> {
  const header = request.headers.get("content-type") ?? "";
  if (mediaTypeOf(header) !== "multipart/form-data" || !request.body) {
    throw validationError("Send the run log as the `run_log` part of a multipart/form-data body", {
      field: "run_log",
    });
  }
  let parser: busboy.Busboy;
  try {
    // preservePath: a part's file name is the project-relative path, slashes and all.
    parser = busboy({
      headers: { "content-type": header },
      preservePath: true,
      limits: { files: maxFiles + 1, fields: 1, fieldSize: maxRunLogBytes, parts: maxFiles + 2 },
    });
  } catch {
    throw validationError("The multipart body has no boundary in its Content-Type", { field: "run_log" });
  }
  const files: StagedFile[] = [];
  const writes: Promise<unknown>[] = [];
  let runLog: string | undefined;
  let refusal: ApiError | undefined;
  const refuse = (error: ApiError) => {
    refusal ??= error;
  };
  parser.on("file", (field, stream, info) => {
    if (field === "run_log") {
      writes.push(readText(stream).then((text) => (runLog = text), refuse));
      return;
    }
    if (field !== "files" || !info.filename) {
      stream.resume();
      refuse(
        validationError(`Unexpected part '${field}': send files as \`files\` parts named by their path`, { field }),
      );
      return;
    }
    const staged = join(stagingDir, `ingest${partialMarker}${randomUUID()}`);
    const file = { path: info.filename, staged, sha256: "", size: 0 };
    files.push(file);
    const written = writeHashed(stream, staged).then((hashed) => Object.assign(file, hashed));
    written.catch(() => {});
    writes.push(written);
  });
  parser.on("field", (field, value, info) => {
    if (field !== "run_log") refuse(validationError(`Unexpected field '${field}'`, { field }));
    else if (info.valueTruncated) refuse(runLogTooLarge());
    else runLog = value;
  });
  parser.on("filesLimit", () =>
    refuse(validationError(`An ingest takes at most ${maxFiles} files`, { field: "files" })),
  );
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    await removeStaged(files);
    if (error instanceof ApiError) throw error;
    throw validationError("The multipart body cannot be read", { field: "run_log" });
  }
  if (refusal || runLog === undefined) {
    await removeStaged(files);
    throw refusal ?? validationError("The multipart body has no `run_log` part", { field: "run_log" });
  }
  return { runLog, files };
}

/** Removes staged files that are still there (those placed were renamed away). */
export async function removeStaged(files: readonly StagedFile[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.staged, { force: true })));
}

const runLogTooLarge = () =>
  new ApiError("validation", "payload_too_large", `The run log is larger than ${maxRunLogBytes} bytes`, {
    field: "run_log",
    max_bytes: maxRunLogBytes,
  });

/** The part's text; past the limit the rest is read and dropped, so the body still parses to its end. */
async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxRunLogBytes) chunks.push(chunk);
  }
  if (size > maxRunLogBytes) throw runLogTooLarge();
  return Buffer.concat(chunks).toString("utf8");
}
