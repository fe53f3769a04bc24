import type { paths } from "./schema.js";

/** `unwrap` bound to the client's base URL: resolves to the success body or throws `KromaApiError`. */
export type Call = <T>(request: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

/** The query parameters of `GET P`. */
export type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never;
