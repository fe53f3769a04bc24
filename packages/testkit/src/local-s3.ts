// A real S3-compatible server for tests: @20minutes/s3rver (the maintained fork of s3rver) serving
// the S3 HTTP API from a temporary directory on 127.0.0.1. It checks SigV4 signatures, so tests
// exercise real credentials, PutObject, multipart uploads, ListObjectsV2 and HeadObject.

import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  on(
    event: "event",
    listener: (event: { Records: Array<{ eventName: string; s3: { object: { key: string } } }> }) => void,
  ): void;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => S3rverInstance;

// Loaded on first use: every test imports the kit, few start an S3 server.
const loadS3rver = () => createRequire(import.meta.url)("@20minutes/s3rver") as S3rverConstructor;

/** The keys the server accepts (s3rver's built-in account). */
export const localS3Credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface LocalS3 {
  /** `http://127.0.0.1:<port>`: the endpoint URL to store in a project's S3 settings. */
  endpoint: string;
  bucket: string;
  /**
   * Every object the server stored, in order: `ObjectCreated:Put` for a single PUT,
   * `ObjectCreated:Post` for a completed multipart upload. Proves what was (not) uploaded.
   */
  events: Array<{ event: string; key: string }>;
  /** Stops serving and drops open connections, as a crashed server would; objects stay on disk. */
  stop(): Promise<void>;
  /** Serves again on the same port from the same directory (after `stop`). */
  start(): Promise<void>;
  /** Stops and deletes everything. */
  destroy(): Promise<void>;
}

/**
 * Starts a local S3 server on a free loopback port with `bucket` created.
 *
 * @example
 * const s3 = await startLocalS3({ bucket: "kroma-test" });
 * // ... PUT /api/projects/demo/storage/s3 { endpoint_url: s3.endpoint, bucket: s3.bucket, enabled: true }
 * await s3.destroy();
 */
export async function startLocalS3(options: { bucket?: string } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? "kroma-test";
  const S3rver = loadS3rver();
  const directory = await mkdtemp(join(tmpdir(), "kroma-s3-"));
  let port = 0;
  let server: S3rverInstance | undefined;
  const events: LocalS3["events"] = [];
  const start = async () => {
    server = new S3rver({ address: "127.0.0.1", port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    server.on("event", (event) => {
      for (const record of event.Records) events.push({ event: record.eventName, key: record.s3.object.key });
    });
    port = (await server.run()).port;
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    const closed = running.close();
    running.httpServer?.closeAllConnections();
    await closed;
  };
  await start();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    events,
    start,
    stop,
    async destroy() {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

interface MiddlewareStack {
  add(
    middleware: (
      next: (args: { request: { path: string } }) => unknown,
    ) => (args: { request: { path: string } }) => unknown,
    options: { step: "build"; name: string },
  ): void;
}

/**
 * s3rver signs bucket-level requests (ListObjectsV2) over the path without its trailing slash,
 * while the SDK sends `/<bucket>/`; this drops that slash before signing, as s3rver's own SDK v3
 * tests do. Object requests (PutObject, multipart, HeadObject, GetObject) need nothing.
 *
 * @example
 * const client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, ... });
 * adaptBucketRequests(client);
 */
export function adaptBucketRequests(client: { middlewareStack: unknown }): void {
  (client.middlewareStack as MiddlewareStack).add(
    (next) => async (args) => {
      if (/^\/[^/]+\/$/.test(args.request.path)) args.request.path = args.request.path.slice(0, -1);
      return next(args);
    },
    { step: "build", name: "s3rverBucketPath" },
  );
}
