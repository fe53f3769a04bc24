import parseRange from "range-parser";

/** Asset bytes never change under one ETag (a new file means a new sha256), so caches may keep them. */
export const immutableCacheControl = "private, max-age=31536000, immutable";

/** Entity tags in a header value (`"a", W/"b"`), commas inside a tag allowed (RFC 9110 §8.8.3). */
const entityTags = /(?:W\/)?"[^"]*"/g;

const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/**
 * Whether `If-None-Match` matches `etag`, by weak comparison (RFC 9110 §13.1.2): `*`, or any
 * listed tag with the same opaque value, weak or not. A match is answered 304.
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return (header.match(entityTags) ?? []).some((tag) => opaque(tag) === opaque(etag));
}

/** What to send for a request's `Range`. */
export type RangeChoice =
  | { kind: "whole" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

/**
 * The part of a `size`-byte representation with strong ETag `etag` to send (RFC 9110 §14):
 * - no `Range`, a malformed one or another unit: the whole (a server may ignore `Range`);
 * - `If-Range` that is not exactly `etag` (strong comparison; a date never matches, there is
 *   no `Last-Modified`): the whole;
 * - one satisfiable range (`a-b`, `a-`, `-n`, clipped to the file): that part;
 * - several ranges: the whole (allowed, and simpler than `multipart/byteranges`);
 * - none satisfiable: 416.
 */
export function chooseRange(
  size: number,
  range: string | undefined,
  ifRange: string | undefined,
  etag: string,
): RangeChoice {
  if (range === undefined) return { kind: "whole" };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: "whole" };
  // A suffix longer than the file means the whole file (RFC 9110 §14.1.2); range-parser would
  // call it unsatisfiable, so suffixes are clipped to the size first.
  const clipped = range.replace(
    /(=|,)(\s*)-(\d+)/g,
    (_, sep: string, space: string, length: string) => `${sep}${space}-${Math.min(Number(length), size)}`,
  );
  const parsed = parseRange(size, clipped, { combine: true });
  if (parsed === -1) return { kind: "unsatisfiable" };
  if (parsed === -2 || parsed.type !== "bytes" || parsed.length !== 1) return { kind: "whole" };
  const [only] = parsed;
  return only ? { kind: "partial", start: only.start, end: only.end } : { kind: "whole" };
}
