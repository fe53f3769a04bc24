import { expect } from "vitest";

/** What the helpers read off a response: `TestApp.call`, `httpClient` and the typed client's `{ response, error }` alike. */
export type Answer = { status: number; body?: unknown } | { response: Response; error?: unknown };

/**
 * Asserts a failure in the error envelope, exactly: `{ ok: false, error, error_kind, error_code }`
 * with no `details`. `label` names the request in a failing assertion.
 */
export function expectFailure(
  answer: Answer,
  status: number,
  [kind, code]: readonly [kind: string, code: string],
  error: string,
  label?: string,
): void {
  const [actualStatus, body] =
    "response" in answer ? [answer.response.status, answer.error] : [answer.status, answer.body];
  expect(actualStatus, label).toBe(status);
  expect(body, label).toEqual({ ok: false, error, error_kind: kind, error_code: code });
}

/** The `[error_kind, error_code]` pairs the tests meet most. */
export const notFound = ["validation", "not_found"] as const;
export const internalError = ["infra", "internal_error"] as const;

/** A 404 in the envelope with this message. */
export const expectNotFound = (answer: Answer, error: string, label?: string) =>
  expectFailure(answer, 404, notFound, error, label);

/** The body of a typed client's success answer (status 200), failing the test on any other answer. */
export async function okBody<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  expect(response.status, JSON.stringify(error)).toBe(200);
  return data as T;
}
