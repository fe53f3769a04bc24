/**
 * A tally of the characters a scanner looks at. Scanners over request text take one as an
 * optional last argument, so a test can prove that 8x the input costs at most ~8x the work
 * without timing anything (a quadratic scan shows up as ~64x).
 *
 * @example
 * const steps = { count: 0 };
 * normalizeSlug("My Project", steps); // steps.count is now about 10
 */
export interface ScanSteps {
  count: number;
}

/**
 * `text.indexOf(needle, from)`, with the characters it passes over added to `steps`: the
 * native search costs time in proportion to that distance (the needles used are a few characters).
 */
export function indexOfCounted(text: string, needle: string, from: number, steps?: ScanSteps): number {
  const found = text.indexOf(needle, from);
  if (steps) steps.count += (found === -1 ? text.length : found + needle.length) - from + 1;
  return found;
}
