import type { ScanSteps } from "./scan-steps.js";

/**
 * The seed's slug rule: trimmed, lower-cased, every run of characters other than
 * `a-z 0-9 - _` collapsed to one `_`, leading and trailing `_` removed.
 * Returns `undefined` when nothing is left. One pass over the text (`steps`, when given, tallies
 * it): the guard normalises path slugs before any other check, so this must stay linear.
 *
 * @example normalizeSlug("  My Fancy Project! ") // "my_fancy_project"
 */
export function normalizeSlug(input: string, steps?: ScanSteps): string | undefined {
  const text = input.trim().toLowerCase();
  const kept: string[] = [];
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (isSlugChar(char.charCodeAt(0))) {
      kept.push(char);
      inRun = false;
    } else if (!inRun) {
      kept.push("_");
      inRun = true;
    }
  }
  // Strip by index from both ends rather than with `/^_+|_+$/`, whose `_+$` retries every
  // underscore of a long inner run: quadratic on "a" + "_" x 80,000 + "a".
  let start = 0;
  let end = kept.length;
  while (start < end && kept[start] === "_") start++;
  while (end > start && kept[end - 1] === "_") end--;
  if (steps) steps.count += text.length + kept.length;
  return start === end ? undefined : kept.slice(start, end).join("");
}

/** `a-z`, `0-9`, `-` and `_`, by UTF-16 code unit, as the seed's `[^a-z0-9_-]` compared them. */
function isSlugChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f;
}
