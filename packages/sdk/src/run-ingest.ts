import type { Call } from "./call.js";
import type { StreamTransport } from "./runs.js";
import type { Schema } from "./schema.js";

/** A file a run log names, as `runs.ingest` sends it. */
export interface IngestFile {
  /** The path the log gives the file, relative to the project root (`outputs/<run_id>/...`). */
  path: string;
  /** Its bytes; a file-backed Blob (Node's `fs.openAsBlob`) is streamed, not read whole. */
  file: Blob;
}

/** What `runs.ingest` sends: the run log and the files the server lacks. */
export interface IngestRunInput {
  /** The log as written to `runs/<run_id>.json` (its text, or the parsed object). */
  runLog: string | object;
  files?: readonly IngestFile[];
}

export type IngestRunResult = Schema<"IngestRunResponse">;

/**
 * `runs.ingest`: `POST /api/projects/{slug}/runs/ingest` with a multipart body, built here as
 * `FormData` (openapi-fetch would send the body as JSON), so `fetch` streams Blob parts.
 */
export function runIngestApi(call: Call, transport: StreamTransport) {
  return {
    /**
     * Records a run executed elsewhere from its log. Files the server already has with the log's
     * sha256 (a shared disk) need not be sent; while some are missing the server answers 409
     * `run_files_missing`, whose `details.missing` lists them, and keeps what was sent.
     *
     * @example
     * try {
     *   await kroma.runs.ingest("demo", { runLog: await readFile(logPath, "utf8") });
     * } catch (error) {
     *   if (!(error instanceof KromaApiError) || error.code !== "run_files_missing") throw error;
     *   const files = await Promise.all(missingPaths(error).map(async (path) => ({ path, file: await openAsBlob(join(root, path)) })));
     *   await kroma.runs.ingest("demo", { runLog, files });
     * }
     */
    async ingest(slug: string, input: IngestRunInput): Promise<IngestRunResult> {
      const form = new FormData();
      const text = typeof input.runLog === "string" ? input.runLog : JSON.stringify(input.runLog);
      form.append("run_log", new Blob([text], { type: "application/json" }), "run_log.json");
      for (const { path, file } of input.files ?? []) form.append("files", file, path);
      const url = `${transport.baseUrl}/api/projects/${encodeURIComponent(slug)}/runs/ingest`;
      const request = transport
        .fetch(url, { method: "POST", headers: { ...transport.headers, accept: "application/json" }, body: form })
        .then(async (response) => {
          const parsed: unknown = await response.json().catch(() => undefined);
          return response.ok ? { data: parsed as IngestRunResult, response } : { error: parsed, response };
        });
      return call(request);
    },
  };
}
