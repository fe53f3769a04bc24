// Checks for the `ms` a log records, without timing anything for speed.
import { expect } from "vitest";

/**
 * Steps that ran one after another inside a span `withinMs` long (the wall time measured around
 * the call, or the enclosing step's own recorded ms): each recorded duration is a whole, non-negative
 * number of milliseconds and together they fit in the span, allowing each its rounding.
 */
export function expectSequentialDurations(durations: ReadonlyArray<number | undefined>, withinMs: number): void {
  for (const ms of durations) {
    expect(Number.isInteger(ms), `${ms} is a whole number of milliseconds`).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(0);
  }
  const total = durations.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  expect(total).toBeLessThanOrEqual(Math.ceil(withinMs) + durations.length);
}
