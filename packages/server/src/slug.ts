/**
 * The seed's slug rule: trimmed, lower-cased, every run of characters other than
 * `a-z 0-9 - _` collapsed to one `_`, leading and trailing `_` removed.
 * Returns `undefined` when nothing is left.
 *
 * @example normalizeSlug("  My Fancy Project! ") // "my_fancy_project"
 */
export function normalizeSlug(input: string): string | undefined {
  const slug = input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return slug === "" ? undefined : slug;
}
