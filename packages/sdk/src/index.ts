export { sniffImageType, type UploadAssetInput, type UploadAssetResult } from "./asset-upload.js";
export {
  createKromaClient,
  type KromaClient,
  type KromaClientOptions,
  type KromaRawClient,
  unwrap,
} from "./client.js";
export { defaultBaseUrl } from "./environment.js";
export { KromaApiError } from "./errors.js";
export type { RunEventsOptions, StreamedRunEvent } from "./event-stream.js";
export type { IterateOptions } from "./paging.js";
export type { RunDoneEvent, RunEvent, RunProgressEvent, RunStatusEvent } from "./run-events.js";
export type { IngestFile, IngestRunInput, IngestRunResult } from "./run-ingest.js";
export type { WaitOptions } from "./runs.js";
export type { components, ErrorEnvelope, ErrorKind, operations, paths, Schema } from "./schema.js";
