// Small helpers around the typed client's results (`{ data, error, response }`), so tests read
// as what they check rather than as result plumbing.
import { expect } from "vitest";

/** What every openapi-fetch call resolves with. */
export interface ApiResult<T, E = unknown> {
  data?: T;
  error?: E;
  response: Response;
}

/**
 * Expects a 200 and returns its typed body. A failure names the request and shows the body the
 * server sent instead.
 *
 * @example
 * const { project } = await expectOk(client.GET("/api/projects/{slug}", inProject("alpha")));
 */
export async function expectOk<T>(pending: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await pending;
  expect(response.status, `${response.url} ${JSON.stringify(data ?? error)}`).toBe(200);
  return data as T;
}

/** The path parameters of a route under `/api/projects/{slug}` that takes no other. */
export const inProject = (slug: string) => ({ params: { path: { slug } } });

/**
 * `{ [key]: value }` typed as a body naming just that one field, for a test that loops over a
 * request's fields (a computed key alone widens to an index signature no body type accepts).
 */
export const oneField = <K extends string>(key: K, value: string) => ({ [key]: value }) as Partial<Record<K, string>>;

/**
 * The typed body of a 2xx, else an Error naming the request and the answer: for set-up outside a
 * test (a benchmark's fixtures), where there is no `expect` to report to.
 */
export async function okOrThrow<T>(pending: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.status >= 300) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
}
