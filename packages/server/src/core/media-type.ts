/**
 * The three content types a web page may send to any site without the browser asking first
 * (no CORS preflight): a plain HTML form or a `no-cors` fetch can carry these cross-site.
 */
export const corsSafelistedMediaTypes: readonly string[] = [
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
];

/**
 * The media type of a `Content-Type` header without its parameters, lower-cased
 * (`"Text/Plain; charset=utf-8"` -> `"text/plain"`); `""` when there is none.
 */
export function mediaTypeOf(header: string | undefined): string {
  if (header === undefined) return "";
  const semicolon = header.indexOf(";");
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/** `application/json` or `application/<anything>+json`. */
export function isJsonMediaType(type: string): boolean {
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * True when `given` (from `mediaTypeOf`) is one of the media types an operation declares for its
 * request body (the keys of `requestBody.content`). A declared `application/json` also takes any
 * `+json` type; `image/*` and `*\/*` take what they name.
 */
export function acceptsMediaType(declared: readonly string[], given: string): boolean {
  if (given === "") return false;
  return declared.some((type) => {
    const wanted = type.toLowerCase();
    if (wanted === given) return true;
    if (wanted === "application/json") return isJsonMediaType(given);
    if (wanted === "*/*") return true;
    return wanted.endsWith("/*") && given.startsWith(wanted.slice(0, -1));
  });
}
