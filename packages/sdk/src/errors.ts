import type { ErrorEnvelope, ErrorKind } from "./schema.js";

/**
 * A failed API call: the server's error envelope, or a transport failure (kind `infra`).
 *
 * @example
 * try { await kroma.projects.get("nope"); }
 * catch (error) { if (error instanceof KromaApiError && error.code === "not_found") ... }
 */
export class KromaApiError extends Error {
  /** `validation | policy | provider | infra | unknown` */
  readonly kind: ErrorKind;
  /** snake_case code such as `not_found`, `validation_error`, `network_error`. */
  readonly code: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly details: unknown;

  constructor(init: {
    message: string;
    kind: ErrorKind;
    code: string;
    status: number;
    details?: unknown;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = "KromaApiError";
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
  }

  /** Builds the error from a response body, accepting anything a server or proxy may send. */
  static fromResponse(status: number, body: unknown): KromaApiError {
    if (isEnvelope(body)) {
      return new KromaApiError({
        message: body.error,
        kind: body.error_kind,
        code: body.error_code,
        status,
        details: body.details,
      });
    }
    return new KromaApiError({
      message: `Unexpected response (HTTP ${status})`,
      kind: "unknown",
      code: "unexpected_response",
      status,
      details: body,
    });
  }
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  const candidate = body as Partial<ErrorEnvelope> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.ok === false &&
    typeof candidate.error === "string" &&
    typeof candidate.error_kind === "string" &&
    typeof candidate.error_code === "string"
  );
}
