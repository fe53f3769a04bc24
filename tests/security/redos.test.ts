// Issue 13 point 1 — review §1 "one 500 KB request freezes the whole server for ~56 s (ReDoS in
// bootstrap-import)" and §12 "Quadratic slug normalisation". The ```json fence regex rescanned the
// rest of the text from every opener (quadratic), the route ran it before looking the project up,
// and the slug rule's `_+$` retried every underscore of a long run. Linearity is proven by
// counting the work each scanner does (8x the input may cost at most ~8x the steps), never by
// timing; the wall-clock figures are in bench/scanners.bench.ts. Over real HTTP, the review's
// payloads no longer hold up a concurrent GET /health.

import {
  balancedBraces,
  exceedsJsonDepth,
  extractJsonObject,
  jsonFenceBody,
  normalizeSlug,
  type ScanSteps,
} from "@kroma/server/scanners";
import { rawRequest, useTestServer } from "@kroma/testkit";
import { inProject } from "@kroma/testkit/api-results";
import { describe, expect, it } from "vitest";

type Scanner = (text: string, steps: ScanSteps) => unknown;

/** The review's payloads (the 500 KB fence text, its newline variant, the 80,000-underscore slug) and friends. */
const fenceFlood = (size: number) => "```json".repeat(Math.ceil(size / 7));
const fenceLines = (size: number) => "a```json\n".repeat(Math.ceil(size / 9));
const underscoreRun = (size: number) => `a${"_".repeat(size)}a`;

function stepsFor(scan: Scanner, text: string): number {
  const steps = { count: 0 };
  scan(text, steps);
  return steps.count;
}

/**
 * 8x the input costs at most 8x the steps plus a small constant (scaled by the exact length
 * ratio, as payloads built from repeated units are not exactly 8x); and at least one step per
 * character, so a counter that counts nothing cannot pass. A quadratic scan costs ~64x.
 */
function expectLinear(scan: Scanner, payload: (size: number) => string, size: number) {
  const small = payload(size / 8);
  const large = payload(size);
  const ratio = large.length / small.length;
  expect(ratio).toBeGreaterThan(7.9);
  expect(ratio).toBeLessThan(8.1);
  const smallSteps = stepsFor(scan, small);
  const largeSteps = stepsFor(scan, large);
  expect(largeSteps).toBeGreaterThanOrEqual(large.length);
  expect(
    largeSteps,
    `${largeSteps} steps for ${large.length} chars vs ${smallSteps} for ${small.length}`,
  ).toBeLessThanOrEqual(smallSteps * ratio + 1024);
}

describe("every scanner of request text costs linear steps", () => {
  const extract: Scanner = (text, steps) => extractJsonObject(text, steps);
  const fence: Scanner = (text, steps) => jsonFenceBody(text, steps);
  const braces: Scanner = (text, steps) => balancedBraces(text, steps);
  const slug: Scanner = (text, steps) => normalizeSlug(text, steps);
  const depth: Scanner = (text, steps) => exceedsJsonDepth(text, Number.POSITIVE_INFINITY, steps);

  it("the ```json fence search, on the review's 500 KB openers and its newline variant", () => {
    expect(fenceFlood(500_000).length).toBeGreaterThanOrEqual(500_000);
    expectLinear(fence, fenceFlood, 500_000);
    expectLinear(fence, fenceLines, 555_000);
    // Openers whose closing fence never comes, blanks before `json`, lines that almost close.
    expectLinear(fence, (n) => `\`\`\`json\n${"x\n ``\n".repeat(n / 6)}`, 480_000);
    expectLinear(fence, (n) => "``` \t ``` ".repeat(n / 10), 500_000);
    expectLinear(fence, (n) => "`".repeat(n), 500_000);
  });

  it("the whole extraction, fence or braces, with the parsing it does", () => {
    expectLinear(extract, fenceFlood, 500_000);
    expectLinear(extract, fenceLines, 555_000);
    expectLinear(extract, (n) => '{"a": 1} {x} '.repeat(n / 13), 500_000);
    expectLinear(extract, (n) => `${"{".repeat(n / 2)}${"}".repeat(n / 2)}`, 400_000);
  });

  it("balancedBraces, on unclosed, nested and many small spans", () => {
    expectLinear(braces, (n) => "{".repeat(n), 200_000);
    expectLinear(braces, (n) => `${"{".repeat(n / 2)}${"}".repeat(n / 2)}`, 200_000);
    expectLinear(braces, (n) => "{}".repeat(n / 2), 200_000);
    expectLinear(braces, (n) => `{"${'\\"'.repeat(n / 2)}`, 200_000);
  });

  it("slug normalisation, on the review's 80,000-underscore slug", () => {
    expect(normalizeSlug(underscoreRun(80_000))).toBe(`a${"_".repeat(80_000)}a`);
    expectLinear(slug, underscoreRun, 80_000);
    expectLinear(slug, (n) => "!".repeat(n), 80_000);
    expectLinear(slug, (n) => `_${" é_".repeat(n / 3)}`, 80_000);
  });

  it("the JSON depth pre-scan", () => {
    expectLinear(depth, (n) => "[".repeat(n), 200_000);
    expectLinear(depth, (n) => `"${"\\[".repeat(n / 2)}`, 200_000);
  });
});

describe("the review's payloads over HTTP", () => {
  const api = useTestServer({ projects: ["Alpha"] });
  const payloads = [
    { name: "500 KB of ```json openers", text: fenceFlood(500_000) },
    { name: "555 KB of a```json lines", text: fenceLines(555_000) },
  ];

  /** Sends the import and, while it is in flight, GET /health; both must be answered. */
  async function importBesideHealth(slug: string, text: string) {
    const imported = api.client.POST("/api/projects/{slug}/bootstrap-import", {
      ...inProject(slug),
      body: { ai_response_text: text.slice(0, 500_000), dry_run: true },
    });
    const health = await api.client.GET("/health");
    return { health, imported: await imported };
  }

  for (const { name, text } of payloads) {
    it(`${name}: a missing project is a 404 before the text is read, and /health answers`, async () => {
      const { health, imported } = await importBesideHealth("no_such_project", text);
      expect(health.response.status).toBe(200);
      expect(health.data).toMatchObject({ ok: true, status: "ok" });
      expect(imported.response.status, JSON.stringify(imported.error).slice(0, 200)).toBe(404);
      expect(imported.error).toMatchObject({ ok: false, error_code: "not_found" });
    });

    it(`${name}: an existing project gets the 400 envelope, and /health answers`, async () => {
      const { health, imported } = await importBesideHealth("alpha", text);
      expect(health.response.status).toBe(200);
      expect(imported.response.status, JSON.stringify(imported.error).slice(0, 200)).toBe(400);
      expect(imported.error).toMatchObject({
        ok: false,
        error_code: "validation_error",
        details: { field: "ai_response_text" },
      });
    });
  }

  it("a scoped token with a 15,000-underscore slug is refused, and /health answers", async () => {
    const created = await api.client.POST("/auth/token", { body: { label: "alpha only", project_slug: "alpha" } });
    expect(created.response.status).toBe(200);
    const token = created.data?.auth_token.token ?? "";
    const slug = underscoreRun(15_000);
    // Raw: a 15,000-character slug is past the spec's limit for a path slug.
    const refused = rawRequest(api.server.url, "GET", `/api/projects/${slug}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const health = await api.client.GET("/health");
    expect(health.response.status).toBe(200);
    expect((await refused).status).toBe(403);
  });
});
