import type { ErrorEnvelope, ErrorKind } from "@kroma/contract";

/** HTTP status for each error code: the one place failures are mapped to statuses. */
const statusByCode = {
  validation_error: 400,
  invalid_json: 400,
  invalid_image: 400,
  checksum_mismatch: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  asset_file_missing: 404,
  asset_protected: 409,
  budget_exceeded: 409,
  asset_file_changed: 409,
  asset_file_outside_root: 409,
  asset_unverifiable: 409,
  asset_file_conflict: 409,
  run_files_missing: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  image_too_large: 422,
  not_an_image: 422,
  too_many_requests: 429,
  internal_error: 500,
  response_contract_violation: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof statusByCode;
export type ErrorStatus = (typeof statusByCode)[ErrorCode];

/** A failure a handler reports on purpose; rendered as the error envelope with its code's status. */
export class ApiError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = statusByCode[code];
  }
}

export const validationError = (message: string, details?: unknown) =>
  new ApiError("validation", "validation_error", message, details);

// The seed reported missing records with error_kind "validation"; its clients rely on that.
export const notFound = (message: string) => new ApiError("validation", "not_found", message);

export const conflict = (message: string, details?: unknown) =>
  new ApiError("validation", "conflict", message, details);

/** The server cannot take this now (it is stopping, or a limit is reached); trying later may work. */
export const unavailable = (message: string, details?: unknown) =>
  new ApiError("infra", "service_unavailable", message, details);

/** The client holds too much of a bounded resource (e.g. event streams of one run). */
export const tooManyRequests = (message: string, details?: unknown) =>
  new ApiError("policy", "too_many_requests", message, details);

/** The envelope for any thrown value; unknown faults become a sanitised 500. */
export function toErrorResponse(error: unknown): { status: ErrorStatus; body: ErrorEnvelope } {
  const apiError = error instanceof ApiError ? error : new ApiError("infra", "internal_error", "Internal server error");
  const body: ErrorEnvelope = {
    ok: false,
    error: apiError.message,
    error_kind: apiError.kind,
    error_code: apiError.code,
  };
  if (apiError.details !== undefined) body.details = apiError.details;
  return { status: apiError.status, body };
}
