/**
 * `text` without `char` repeated at either end (`at`: which ends), found by index. Used instead of
 * `/^c+|c+$/`: a regex's `c+$` retries every character of a long inner run of `c`, which is
 * quadratic on input such as "a" + "/" x 100,000 + "a".
 *
 * @example trimChar("//prefix/", "/") // "prefix"
 */
export function trimChar(text: string, char: string, at: "both" | "end" = "both"): string {
  let start = 0;
  let end = text.length;
  if (at === "both") while (start < end && text[start] === char) start++;
  while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
}
