/** Current time as an ISO-8601 UTC string, the format of every timestamp Kroma stores and returns. */
export function nowIso(): string {
  return new Date().toISOString();
}
